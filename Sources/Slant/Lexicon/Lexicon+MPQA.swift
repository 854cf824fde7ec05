extension Lexicon {
    /// MPQA subjectivity clues (Wilson, Wiebe & Hoffmann 2005), one clue per line:
    /// `type=strongsubj len=1 word1=abuse pos1=verb stemmed1=y priorpolarity=negative`.
    /// Category = prior polarity; weight 1 for strong and 0.5 for weak subjectivity;
    /// `stemmed1=y` adds a trailing wildcard; the note keeps type and part of speech.
    static func importMPQA(_ text: String, origin: String) throws -> LexiconImport {
        var notes: [String] = []
        var entries: [Entry] = []
        for (number, line) in lines(text) where !line.trimmingSpaces().isEmpty {
            var fields: [String: String] = [:]
            for pair in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                guard let eq = pair.firstIndex(of: "=") else { continue }
                fields[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
            }
            guard let word = fields["word1"], let polarity = fields["priorpolarity"], let type = fields["type"] else {
                throw SlantError(.badLexicon, file: origin, line: number,
                                 "expected 'type=… word1=… priorpolarity=…' (MPQA .tff format)")
            }
            let term = fields["stemmed1"] == "y" ? word + "*" : word
            guard isWritableTerm(term) else {
                notes.append("line \(number): term '\(term)' cannot be written as a Slant term; skipped")
                continue
            }
            let weight = type == "strongsubj" ? 1.0 : 0.5
            entries.append(Entry(term: term, category: polarity, weight: weight,
                                 note: "\(type) \(fields["pos1"] ?? "")".trimmingSpaces().description, line: number))
        }
        let lexicon = Lexicon(name: "", version: "", license: "", source: "", entries: deduplicated(entries, notes: &notes))
        return LexiconImport(lexicon: lexicon, notes: notes)
    }
}
