/// Regular expressions that recognise paragraphs that are not article content (datelines,
/// timestamps, bylines, captions, calls to action, site furniture), read from `furniture.tsv`.
public struct FurniturePatterns: @unchecked Sendable {
    // @unchecked: Regex<AnyRegexOutput> is immutable once compiled and is only read here.
    struct Pattern {
        var regex: Regex<AnyRegexOutput>
        var category: String
        var note: String
        var term: String
    }

    private let patterns: [Pattern]

    /// Compiles every pattern.
    /// - Throws: ``SlantError`` (`.badLexicon`) naming the file and line of a pattern that does
    ///   not compile.
    public init(_ lexicon: Lexicon) throws {
        guard lexicon.termsAreRegex else {
            throw SlantError(.badLexicon, file: lexicon.origin, "furniture patterns need the header line '# terms: regex'")
        }
        patterns = try lexicon.entries.map { entry in
            do {
                return Pattern(regex: try Regex(entry.term), category: entry.category, note: entry.note, term: entry.term)
            } catch {
                throw SlantError(.badLexicon, file: lexicon.origin, line: entry.line,
                                 "pattern '\(entry.term)' is not a valid regular expression: \(error)")
            }
        }
    }

    /// A furniture match: the category (used as the reason) and the matched range's length.
    public struct Match: Sendable, Equatable {
        public var category: String
        public var note: String
        /// Number of Unicode scalars the pattern matched from the start of the paragraph.
        public var matchedScalars: Int
    }

    /// The first pattern that matches at the start of `paragraph`.
    ///
    /// Only the first `maxScalars` scalars are searched (furniture is short; this bounds the
    /// regex work); on a longer paragraph a match that runs into the cut is not accepted.
    /// - Complexity: O(p · n) for p patterns and a paragraph of n ≤ `maxScalars` scalars.
    public func match(_ paragraph: String, maxScalars: Int = 600) -> Match? {
        let head = paragraph.unicodeScalars.count > maxScalars
            ? String(String.UnicodeScalarView(paragraph.unicodeScalars.prefix(maxScalars)))
            : paragraph
        let truncated = head.unicodeScalars.count < paragraph.unicodeScalars.count
        for pattern in patterns {
            if let found = try? pattern.regex.prefixMatch(in: head) {
                if truncated && found.range.upperBound == head.endIndex { continue }
                var matched = Array(head.unicodeScalars[head.startIndex..<found.range.upperBound])
                while let last = matched.last, last.properties.isWhitespace { matched.removeLast() }
                return Match(category: pattern.category, note: pattern.note, matchedScalars: matched.count)
            }
        }
        return nil
    }
}
