extension Lexicon {
    /// LIWC `.dic`: between the first two `%` lines, `NUMBER<TAB>CATEGORY`; then
    /// `WORD<TAB>NUMBER<TAB>NUMBER…`, `*` as a trailing wildcard. A word in several
    /// categories becomes one entry per category. Entries with LIWC's conditional syntax
    /// (`(02 134)131/125`) cannot be expressed and are listed in the notes.
    static func importLIWC(_ text: String, origin: String, weight: Double) throws -> LexiconImport {
        var notes: [String] = []
        var categories: [String: String] = [:]
        var section = 0
        var entries: [Entry] = []
        for (number, line) in lines(text) {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }
            if trimmed == "%" { section += 1; continue }
            switch section {
            case 0:
                throw SlantError(.badLexicon, file: origin, line: number, "a LIWC dictionary starts with a '%' line before its category table")
            case 1:
                let parts = trimmed.split(whereSeparator: { $0 == "\t" || $0 == " " })
                guard parts.count >= 2 else {
                    throw SlantError(.badLexicon, file: origin, line: number, "category line must be 'NUMBER<TAB>NAME'")
                }
                categories[String(parts[0])] = parts[1...].joined(separator: "-")
            default:
                let parts = line.split(separator: "\t").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
                guard let term = parts.first.map(String.init), parts.count >= 2 else {
                    notes.append("line \(number): no category numbers; skipped")
                    continue
                }
                guard isWritableTerm(term) else {
                    notes.append("line \(number): term '\(term)' cannot be written as a Slant term; skipped")
                    continue
                }
                for code in parts.dropFirst() {
                    if let name = categories[String(code)] {
                        entries.append(Entry(term: term, category: name, weight: weight, line: number))
                    } else {
                        notes.append("line \(number): '\(term)' uses '\(code)', which is not a plain category number in the table; skipped that code")
                    }
                }
            }
        }
        guard section >= 2 else {
            throw SlantError(.badLexicon, file: origin, "the LIWC category table is not closed by a second '%' line")
        }
        let lexicon = Lexicon(name: "", version: "", license: "", source: "", entries: deduplicated(entries, notes: &notes))
        return LexiconImport(lexicon: lexicon, notes: notes)
    }
}
