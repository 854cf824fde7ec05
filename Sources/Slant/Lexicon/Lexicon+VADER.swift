extension Lexicon {
    /// VADER's `vader_lexicon.txt`: `TERM<TAB>MEAN<TAB>SD<TAB>[RATINGS]`, valence on −4…+4.
    /// Terms are lower-cased; terms that collide after that keep their first line.
    static func importVADER(_ text: String, origin: String) throws -> LexiconImport {
        var notes: [String] = []
        var entries: [Entry] = []
        for (number, line) in lines(text) where !line.trimmingSpaces().isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let mean = Double(fields[1].trimmingSpaces()) else {
                throw SlantError(.badLexicon, file: origin, line: number,
                                 "expected 'TERM<TAB>MEAN<TAB>SD<TAB>RATINGS' (VADER format)")
            }
            let term = String(fields[0].trimmingSpaces())
            guard isWritableTerm(term) else {
                notes.append("line \(number): term '\(term)' cannot be written as a Slant term (leading '#' or inner '*'); skipped")
                continue
            }
            let sd = fields.count > 2 ? "sd=\(fields[2].trimmingSpaces())" : ""
            entries.append(Entry(term: term, category: "valence", weight: mean, note: sd, line: number))
        }
        let lexicon = Lexicon(name: "", version: "", license: "", source: "", entries: deduplicated(entries, notes: &notes))
        return LexiconImport(lexicon: lexicon, notes: notes)
    }
}
