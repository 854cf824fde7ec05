import Foundation

extension ArticleScore {
    /// A Markdown report: summary table, loaded-language table, and one row per paragraph.
    public func markdown() -> String {
        func fmt(_ d: Double) -> String { String(format: "%.2f", d) }
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                .replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ")
        }
        var out = "# " + cell(title ?? "Untitled article") + "\n\n"
        out += "Source: `\(source)`\n\n"
        let s = summary
        out += "| measure | value |\n|---|---|\n"
        out += "| paragraphs (content) | \(s.paragraphs) (\(s.contentParagraphs)) |\n"
        out += "| sentences | \(s.sentences) |\n| words | \(s.tokens) |\n"
        out += "| opinion share | \(fmt(s.opinionShare)) |\n"
        out += "| sentiment (compound) | \(fmt(s.sentiment.compound)) |\n"
        out += "| loaded per 100 words | \(fmt(s.loaded.per100)) |\n"
        out += "| loaded per 100, writer's voice | \(fmt(s.loaded.authorPer100)) |\n"
        out += "| loaded per 100, quoted and reported | \(fmt(s.loaded.quotedPer100)) |\n\n"
        if !s.loaded.categories.isEmpty {
            out += "## Loaded language by category\n\n| category | per 100 words |\n|---|---|\n"
            for c in s.loaded.categories { out += "| \(c.name) | \(fmt(c.per100)) |\n" }
            out += "\n"
        }
        out += "## Paragraphs\n\n| # | label | score | reason | loaded | speakers |\n|---|---|---|---|---|---|\n"
        for p in paragraphs {
            let loaded = p.loaded.map { "\($0.text) (\($0.category)\($0.voice == .author ? "" : ", " + $0.voice.rawValue))" }
            out += "| \(p.index) | \(p.label.rawValue) | \(p.opinionScore.map(fmt) ?? "–") | \(cell(p.reason)) | "
            out += "\(cell(loaded.joined(separator: "; "))) | \(cell(p.speakers.joined(separator: "; "))) |\n"
        }
        if !warnings.isEmpty {
            out += "\n## Warnings\n\n" + warnings.map { "- " + cell($0) }.joined(separator: "\n") + "\n"
        }
        out += "\n---\n\nslant \(version); lexicons: "
        out += lexicons.map { "\($0.name) \($0.version) (sha256 \($0.sha256.prefix(12)))" }.joined(separator: ", ") + "\n"
        return out
    }
}
