extension Lexicon {
    /// A plain word list: one term per line; blank lines and lines starting with `#` or `;`
    /// are comments (the Hu & Liu opinion lexicon uses `;`).
    static func importWordList(_ text: String, category: String, weight: Double) -> LexiconImport {
        var notes: [String] = []
        var entries: [Entry] = []
        for (number, line) in lines(text) {
            let term = line.trimmingSpaces()
            if term.isEmpty || term.hasPrefix("#") || term.hasPrefix(";") { continue }
            guard isWritableTerm(String(term)) else {
                notes.append("line \(number): term '\(term)' cannot be written as a Slant term; skipped")
                continue
            }
            entries.append(Entry(term: String(term), category: category, weight: weight, line: number))
        }
        let lexicon = Lexicon(name: "", version: "", license: "", source: "", entries: deduplicated(entries, notes: &notes))
        return LexiconImport(lexicon: lexicon, notes: notes)
    }
}
