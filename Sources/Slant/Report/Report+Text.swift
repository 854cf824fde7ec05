import Foundation

extension ArticleScore {
    /// A report for a terminal: the summary, then each paragraph with its label, score,
    /// reason, loaded words and speakers.
    /// - Parameter color: use ANSI colours (the CLI turns them on only for a terminal).
    public func text(color: Bool = false) -> String {
        func fmtOptional(_ v: Double?) -> String { v.map { String(format: "%+.2f", $0) } ?? "–" }
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func fmt(_ d: Double) -> String { String(format: "%.2f", d) }
        var out = ""
        out += paint(title ?? "(untitled)", "1") + "\n"
        out += "source: \(source)\n"
        let s = summary
        out += "paragraphs: \(s.paragraphs) (\(s.contentParagraphs) content), sentences: \(s.sentences), words: \(s.tokens)\n"
        out += "opinion share: \(fmt(s.opinionShare))   sentiment: \(fmt(s.sentiment.compound)) "
        out += "(pos \(fmt(s.sentiment.positive)), neg \(fmt(s.sentiment.negative)), neu \(fmt(s.sentiment.neutral)))\n"
        out += "loaded language per 100 words: \(fmt(s.loaded.per100)) "
        out += "(writer \(fmt(s.loaded.authorPer100)), quoted \(fmt(s.loaded.quotedPer100)))\n"
        if !s.loaded.categories.isEmpty {
            out += "  " + s.loaded.categories.map { "\($0.name) \(fmt($0.per100))" }.joined(separator: ", ") + "\n"
        }
        for warning in warnings { out += paint("warning: \(warning)", "33") + "\n" }
        if !targets.isEmpty {
            out += "\ntargets (stance in [-1, 1]; writer = the writer's own words, sources = quoted or reported speakers and agents of stance verbs):\n"
            for t in targets {
                out += "  \(paint(t.name, "1")) (\(t.kind.rawValue)): \(t.mentions) mention\(t.mentions == 1 ? "" : "s"), \(t.evaluativeMentions) evaluative"
                out += ", stance \(fmtOptional(t.stance)) (writer \(fmtOptional(t.writerStance)), sources \(fmtOptional(t.quotedStance)))\n"
                for m in t.evidence {
                    let terms = m.terms.map { term in
                        "'\(term.text)' \(fmt(term.value)) \(term.holder == .writer ? "writer" : term.holderName)"
                    }
                    out += "    ¶\(m.paragraph) '\(m.text)' \(fmt(m.stance)): " + terms.joined(separator: ", ") + "\n"
                }
            }
        }
        for p in paragraphs {
            out += "\n"
            let labelText: String
            switch p.label {
            case .opinion: labelText = paint("OPINION", "1;31")
            case .fact: labelText = paint("FACT", "1;32")
            case .other: labelText = paint("OTHER", "2")
            }
            let score = p.opinionScore.map { " " + fmt($0) } ?? ""
            out += "[\(p.index)] \(labelText)\(score)  \(p.reason)\n"
            out += "    " + Self.shorten(p.text, 240) + "\n"
            if !p.loaded.isEmpty {
                let list = p.loaded.map { hit -> String in
                    let place = hit.voice == .author ? "" : ", \(hit.voice.rawValue)"
                    return paint("'\(hit.text)'", "35") + " (\(hit.category)\(place))"
                }
                out += "    loaded: " + list.joined(separator: ", ") + "\n"
            }
            if !p.speakers.isEmpty { out += "    speakers: " + p.speakers.joined(separator: "; ") + "\n" }
            if p.label != .other, p.quotedShare > 0 { out += "    attributed share: \(fmt(p.quotedShare))\n" }
        }
        out += "\nlexicons: " + lexicons.map { "\($0.name) \($0.version)" }.joined(separator: ", ") + "\n"
        out += "slant \(version)\n"
        return out
    }

    static func shorten(_ text: String, _ limit: Int) -> String {
        let flat = text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit - 1)) + "…"
    }
}
