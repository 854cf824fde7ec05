extension Lexicon {
    /// The column header every Slant TSV lexicon carries after its `#` header lines.
    public static let tsvColumns = ["term", "category", "weight", "note"]

    /// Parses Slant's TSV lexicon format.
    ///
    /// ```
    /// # name: hedges
    /// # version: 1.0.0
    /// # license: MIT
    /// # source: written for Slant from …
    /// # description: optional free text
    /// # range: -1 1            (optional; default -5 5)
    /// # terms: regex           (optional; default words: terms are regular expressions)
    /// term<TAB>category<TAB>weight<TAB>note
    /// may<TAB>hedge<TAB>0.6<TAB>epistemic modal
    /// ```
    /// After the column header, blank lines and lines starting with `#` are ignored. Terms may
    /// be multiword (single spaces) and the last word may end in `*` (prefix wildcard). A term
    /// may stand in several categories (as in LIWC); when matching, its first line wins.
    ///
    /// - Parameters:
    ///   - text: the file's content.
    ///   - origin: the file name used in error messages.
    /// - Throws: ``SlantError`` with reason `.badLexicon`, naming `origin` and the line, for a
    ///   missing header key, an unknown or repeated header key, a malformed line, a weight
    ///   outside `range`, or a term that appears twice in one category.
    /// - Complexity: O(n) in the number of lines.
    public static func parseTSV(_ text: String, origin: String) throws -> Lexicon {
        func fail(_ line: Int, _ message: String) -> SlantError {
            SlantError(.badLexicon, file: origin, line: line, message)
        }
        var header: [String: String] = [:]
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        var sawColumns = false
        var range: ClosedRange<Double> = -5...5
        let knownKeys: Set<String> = ["name", "version", "license", "source", "description", "range", "terms"]

        var lineNumber = 0
        var lastContentLine = 1
        // Lines and fields are split on bytes: a line feed or a tab is always a grapheme of its
        // own, so this is what splitting on Characters gives, without grapheme breaking (which
        // was a quarter of loading the lexicons). The one difference: CR LF, a single
        // Character, now ends a line as well.
        for rawLine in text[...].split(byte: UInt8(ascii: "\n")) {
            lineNumber += 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if !line.trimmingSpaces().isEmpty { lastContentLine = lineNumber }
            if !sawColumns {
                if line.trimmingSpaces().isEmpty { continue }
                if line.hasPrefix("#") {
                    let body = line.dropFirst().trimmingSpaces()
                    guard let colon = body.firstIndex(of: ":") else {
                        if body.isEmpty { continue }
                        throw fail(lineNumber, "header line must be '# key: value', got '\(line)'")
                    }
                    let key = body[..<colon].trimmingSpaces().lowercased()
                    let value = body[body.index(after: colon)...].trimmingSpaces()
                    guard knownKeys.contains(key) else {
                        throw fail(lineNumber, "unknown header key '\(key)' (known: \(knownKeys.sorted().joined(separator: ", ")))")
                    }
                    guard header[key] == nil else { throw fail(lineNumber, "header key '\(key)' given twice") }
                    header[key] = String(value)
                    if key == "range" {
                        let parts = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
                        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low <= high else {
                            throw fail(lineNumber, "range must be two numbers 'MIN MAX' with MIN <= MAX, got '\(value)'")
                        }
                        range = low...high
                    }
                    if key == "terms", value != "words", value != "regex" {
                        throw fail(lineNumber, "terms must be 'words' or 'regex', got '\(value)'")
                    }
                    continue
                }
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard columns == tsvColumns || columns == Array(tsvColumns.prefix(3)) else {
                    throw fail(lineNumber, "expected the column header 'term<TAB>category<TAB>weight<TAB>note', got '\(line)'")
                }
                for key in ["name", "version", "license", "source"] where (header[key] ?? "").isEmpty {
                    throw fail(lineNumber, "header is missing '# \(key): …' before the column line")
                }
                sawColumns = true
                continue
            }
            if line.trimmingSpaces().isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(byte: UInt8(ascii: "\t"))
            guard fields.count == 3 || fields.count == 4 else {
                throw fail(lineNumber, "expected 3 or 4 tab-separated fields (term, category, weight, note), got \(fields.count)")
            }
            let term = fields[0].trimmingSpaces()
            let category = fields[1].trimmingSpaces()
            guard !term.isEmpty else { throw fail(lineNumber, "empty term") }
            guard !category.isEmpty else { throw fail(lineNumber, "empty category for '\(term)'") }
            if header["terms"] != "regex", term.utf8.contains(UInt8(ascii: "*")),
               let star = term.firstIndex(of: "*"), star != term.index(before: term.endIndex) {
                throw fail(lineNumber, "'*' is allowed only at the end of a term: '\(term)'")
            }
            guard let weight = Double(fields[2].trimmingSpaces()), weight.isFinite else {
                throw fail(lineNumber, "weight '\(fields[2])' of '\(term)' is not a number")
            }
            guard range.contains(weight) else {
                throw fail(lineNumber, "weight \(fields[2]) of '\(term)' is outside the declared range \(range.lowerBound)…\(range.upperBound)")
            }
            let entry = Entry(term: String(term), category: String(category), weight: weight,
                              note: fields.count == 4 ? String(fields[3].trimmingSpaces()) : "",
                              line: lineNumber)
            let identity = entry.key + "\t" + entry.category
            if let first = seen[identity] {
                throw fail(lineNumber, "duplicate term '\(entry.term)' in category '\(entry.category)' (first on line \(first))")
            }
            seen[identity] = lineNumber
            entries.append(entry)
        }
        guard sawColumns else {
            throw fail(lastContentLine, "no column header 'term<TAB>category<TAB>weight<TAB>note' found")
        }
        return Lexicon(
            name: header["name"]!, version: header["version"]!, license: header["license"]!,
            source: header["source"]!, description: header["description"] ?? "",
            termsAreRegex: header["terms"] == "regex",
            range: range, entries: entries,
            sha256: SHA256.hex(Array(text.utf8)), origin: origin
        )
    }

    /// Writes the lexicon in Slant's TSV format (the inverse of ``parseTSV(_:origin:)``).
    public func tsv() -> String {
        var out = "# name: \(name)\n# version: \(version)\n# license: \(license)\n# source: \(source)\n"
        if !description.isEmpty { out += "# description: \(description)\n" }
        if termsAreRegex { out += "# terms: regex\n" }
        out += "# range: \(Lexicon.formatNumber(range.lowerBound)) \(Lexicon.formatNumber(range.upperBound))\n"
        out += Lexicon.tsvColumns.joined(separator: "\t") + "\n"
        for entry in entries {
            let note = entry.note.replacingTabsAndNewlines()
            out += "\(entry.term)\t\(entry.category)\t\(Lexicon.formatNumber(entry.weight))\t\(note)\n"
        }
        return out
    }

    /// Shortest round-tripping decimal for a weight (`1` rather than `1.0`).
    static func formatNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring { self[...].trimmingSpaces() }
}

extension Substring {
    /// The pieces between occurrences of an ASCII `byte`, as
    /// `split(separator:omittingEmptySubsequences:)` gives them for that character, found on
    /// bytes. A control character (tab, line feed) always stands as a grapheme of its own
    /// (but a line feed after a carriage return splits here, where CR LF is one Character);
    /// any other ASCII character can share one with a non-ASCII neighbour (a combining mark
    /// after it, a prepended mark before it), so when one has such a neighbour the split is
    /// left to Characters.
    func split(byte: UInt8, omittingEmpty: Bool = false) -> [Substring] {
        precondition(byte < 0x80)
        // Offsets of the separators, found over the contiguous bytes; nil when one has a
        // non-ASCII neighbour that it might share a grapheme with.
        func separators(_ b: UnsafeBufferPointer<UInt8>) -> [Int]? {
            var found: [Int] = []
            for k in b.indices where b[k] == byte {
                if byte >= 0x20, (k > 0 && b[k - 1] >= 0x80) || (k + 1 < b.count && b[k + 1] >= 0x80) { return nil }
                found.append(k)
            }
            return found
        }
        var copy = self
        guard let offsets = copy.withUTF8(separators) else {
            return split(separator: Character(Unicode.Scalar(byte)), omittingEmptySubsequences: omittingEmpty)
        }
        var pieces: [Substring] = []
        var start = startIndex, startOffset = 0
        for offset in offsets + [utf8.count] {
            let end = utf8.index(start, offsetBy: offset - startOffset)
            if !(omittingEmpty && offset == startOffset) { pieces.append(self[start..<end]) }
            if end < endIndex {
                start = utf8.index(after: end)
                startOffset = offset + 1
            }
        }
        return pieces
    }

    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        // Nothing to trim unless the first or last byte is a space or a tab (the common case,
        // decided without grapheme breaking).
        if let first = utf8.first, let last = utf8.last,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        var start = startIndex, end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
        return self[start..<end]
    }
}

extension StringProtocol {
    func replacingTabsAndNewlines() -> String {
        String(map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
