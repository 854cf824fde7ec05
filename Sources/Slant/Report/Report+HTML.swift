import Foundation

extension ArticleScore {
    /// A stretch of paragraph text with one set of marks: inside a quotation or not, part of
    /// a loaded-language hit or not.
    struct Run {
        var start: Int
        var end: Int
        var hit: LoadedHit?
        var quote: QuoteSpan?
    }

    /// Splits a paragraph at every hit and quotation boundary.
    /// - Complexity: O(b log b) for b boundaries.
    static func runs(_ p: ParagraphScore) -> [Run] {
        var cuts = Set([p.start, p.end])
        for hit in p.loaded { cuts.insert(max(p.start, hit.start)); cuts.insert(min(p.end, hit.end)) }
        for q in p.quotes { cuts.insert(max(p.start, q.start)); cuts.insert(min(p.end, q.end)) }
        let sorted = cuts.sorted()
        var out: [Run] = []
        for (a, b) in zip(sorted, sorted.dropFirst()) where a < b {
            out.append(Run(start: a, end: b,
                           hit: p.loaded.first { $0.start <= a && b <= $0.end },
                           quote: p.quotes.first { $0.start <= a && b <= $0.end && !$0.scare }))
        }
        return out
    }

    /// The view model the article templates render.
    public func templateContext(_ report: ReportOptions = ReportOptions(), threshold: Double = 0.5) -> [String: Any] {
        func f(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }
        var paragraphViews: [[String: Any]] = []
        for p in paragraphs {
            let text = Array(p.text.unicodeScalars)
            let runViews: [[String: Any]] = Self.runs(p).map { run in
                let slice = String(scalars: text[(run.start - p.start)..<(run.end - p.start)])
                var view: [String: Any] = ["text": slice, "loaded": run.hit != nil, "quoted": run.quote != nil]
                if let hit = run.hit {
                    let voice = hit.voice == .author ? "writer's voice" : (hit.voice == .quoted ? "quoted" : "reported speech")
                    view["voiceClass"] = hit.voice == .author ? "author" : "attributed"
                    view["category"] = hit.category
                    view["tooltip"] = "\(hit.category), weight \(f(hit.weight)), \(voice) (\(hit.lexicon)\(hit.line > 0 ? " line \(hit.line)" : ""))"
                }
                if let quote = run.quote {
                    view["speakerTitle"] = "quoted: " + (quote.speaker ?? "speaker not found")
                }
                return view
            }
            var view: [String: Any] = [
                "index": p.index, "label": p.label.rawValue, "labelText": p.label.rawValue.uppercased(),
                "reason": p.reason, "runs": runViews, "hasScore": p.opinionScore != nil,
                "score": p.opinionScore.map { f($0) } ?? "", "sentiment": f(p.sentiment.compound),
                "speakers": p.speakers.joined(separator: "; "), "hasSpeakers": !p.speakers.isEmpty,
                "quotedShare": f(p.quotedShare), "isContent": p.label != .other,
            ]
            view["loadedCount"] = p.loaded.count
            view["loadedList"] = p.loaded.map { "\($0.text) (\($0.category)\($0.voice == .author ? "" : ", " + $0.voice.rawValue))" }.joined(separator: "; ")
            paragraphViews.append(view)
        }
        let content = paragraphs.filter { $0.label != .other }
        var termCounts: [String: (count: Int, category: String)] = [:]
        for hit in content.flatMap(\.loaded) {
            let key = Lexicon.normalize(hit.text)
            termCounts[key] = ((termCounts[key]?.count ?? 0) + 1, hit.category)
        }
        let topTerms = termCounts.sorted { $0.value.count > $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key) }
            .prefix(10).map { ["term": $0.key, "count": $0.value.count, "category": $0.value.category] as [String: Any] }
        let author = Dictionary(uniqueKeysWithValues: summary.loaded.authorCategories.map { ($0.name, $0.per100) })
        let quoted = Dictionary(uniqueKeysWithValues: summary.loaded.quotedCategories.map { ($0.name, $0.per100) })
        let categoryRows = Set(author.keys).union(quoted.keys).sorted().map { (name: $0, author: author[$0] ?? 0, quoted: quoted[$0] ?? 0) }
        let opinionPoints = paragraphs.compactMap { p in p.opinionScore.map { (index: p.index, score: $0, opinion: p.label == .opinion) } }
        let sentimentValues = content.map { (index: $0.index, compound: $0.sentiment.compound) }
        return [
            "title": title ?? "Untitled article",
            "source": source,
            "version": version,
            "inputSHA256": inputSHA256,
            "summary": [
                "paragraphs": summary.paragraphs, "contentParagraphs": summary.contentParagraphs,
                "sentences": summary.sentences, "words": summary.tokens,
                "opinionSharePercent": f(summary.opinionShare * 100, 0),
                "opinionParagraphs": content.filter { $0.label == .opinion }.count,
                "loadedPer100": f(summary.loaded.per100), "authorPer100": f(summary.loaded.authorPer100),
                "quotedPer100": f(summary.loaded.quotedPer100), "sentiment": f(summary.sentiment.compound),
                "opinionShare": f(summary.opinionShare),
            ] as [String: Any],
            "categories": summary.loaded.categories.map { ["name": $0.name, "per100": f($0.per100)] },
            "hasCategories": !summary.loaded.categories.isEmpty,
            "topTerms": topTerms, "hasTopTerms": !topTerms.isEmpty,
            "speakers": speakers.map { ["name": $0.name, "attributions": $0.attributions, "words": $0.words] as [String: Any] },
            "hasSpeakers": !speakers.isEmpty,
            "targets": targets.map { t -> [String: Any] in
                func g(_ v: Double?) -> String { v.map { String(format: "%+.2f", $0) } ?? "–" }
                return [
                    "name": t.name, "kind": t.kind.rawValue, "aliases": t.aliases.joined(separator: "; "),
                    "mentions": t.mentions, "evaluative": t.evaluativeMentions,
                    "stance": g(t.stance), "writer": g(t.writerStance), "sources": g(t.quotedStance),
                    "loadedShare": f(t.vector.loadedShare),
                    "evidence": t.evidence.map { m -> [String: Any] in
                        [
                            "paragraph": m.paragraph, "mention": m.text, "stance": g(m.stance),
                            "terms": m.terms.map { term in
                                "\u{201C}\(term.text)\u{201D} \(g(term.value)) (\(term.holder == .writer ? "writer" : term.holderName)\(term.rules.isEmpty ? "" : "; " + term.rules.joined(separator: ", ")))"
                            }.joined(separator: " · "),
                        ]
                    },
                ]
            },
            "hasTargets": !targets.isEmpty,
            "paragraphs": paragraphViews,
            "charts": [
                "loaded": Charts.loadedCategories(id: "chart-loaded", rows: categoryRows),
                "opinion": Charts.opinionAlongArticle(id: "chart-opinion", points: opinionPoints, paragraphs: paragraphs.count, threshold: threshold),
                "sentiment": Charts.sentimentPerParagraph(id: "chart-sentiment", values: sentimentValues, paragraphs: paragraphs.count),
            ],
            "lexicons": lexicons.map { ["name": $0.name, "version": $0.version, "sha256": $0.sha256, "shortSHA": String($0.sha256.prefix(12))] },
            "options": report.options.isEmpty ? "none" : report.options.joined(separator: " "),
            "timestamp": report.timestamp ?? "", "hasTimestamp": report.timestamp != nil,
            "warnings": warnings, "hasWarnings": !warnings.isEmpty,
        ]
    }

    /// The Markdown report from a template (the built-in one by default).
    public func markdown(template: ReportTemplate? = nil, options: ReportOptions = ReportOptions()) -> String {
        let chosen = template ?? (try? ReportTemplate.builtIn("article.md.mustache"))
        return chosen?.render(templateContext(options)) ?? ""
    }

    /// The HTML report from a template (the built-in one by default).
    public func html(template: ReportTemplate? = nil, options: ReportOptions = ReportOptions(), threshold: Double = 0.5) throws -> String {
        try (template ?? ReportTemplate.builtIn("article.html.mustache")).render(templateContext(options, threshold: threshold))
    }
}
