import Foundation

/// Regular expressions that recognise paragraphs that are not article content (datelines,
/// timestamps, bylines, captions, calls to action, site furniture), read from `furniture.tsv`.
///
/// Patterns are ICU regular expressions (`NSRegularExpression`), anchored at the start of
/// the paragraph; `(?i)` makes one case-insensitive.
public struct FurniturePatterns: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable once compiled and safe to use from
    // several threads (ICU clones its matcher per call); Slant only reads it.
    struct Pattern {
        var regex: NSRegularExpression
        var category: String
        var note: String
    }

    private let patterns: [Pattern]

    /// Compiles every pattern.
    /// - Throws: ``SlantError`` (`.badLexicon`) naming the file and line of a pattern that does
    ///   not compile, or the file when it lacks `# terms: regex`.
    public init(_ lexicon: Lexicon) throws {
        guard lexicon.termsAreRegex else {
            throw SlantError(.badLexicon, file: lexicon.origin, "furniture patterns need the header line '# terms: regex'")
        }
        patterns = try lexicon.entries.map { entry in
            do {
                return Pattern(regex: try NSRegularExpression(pattern: entry.term), category: entry.category, note: entry.note)
            } catch {
                throw SlantError(.badLexicon, file: lexicon.origin, line: entry.line,
                                 "pattern '\(entry.term)' is not a valid regular expression")
            }
        }
    }

    /// A furniture match: the category (used as the reason) and the matched range's length.
    public struct Match: Sendable, Equatable {
        public var category: String
        public var note: String
        /// Number of Unicode scalars the pattern matched from the start of the paragraph,
        /// trailing white space excluded.
        public var matchedScalars: Int
    }

    /// The first pattern that matches at the start of `paragraph`.
    ///
    /// Furniture is short: a paragraph of at most `maxScalars` scalars is matched whole; of a
    /// longer one only the first `headScalars` are searched (enough for a dateline), and a
    /// match that runs into that cut is not accepted. This bounds the regex work per paragraph.
    /// - Complexity: O(p · n) for p patterns and n ≤ `maxScalars` scalars.
    public func match(_ paragraph: String, maxScalars: Int = 500, headScalars: Int = 80) -> Match? {
        let truncated = paragraph.unicodeScalars.count > maxScalars
        let head = truncated ? String(String.UnicodeScalarView(paragraph.unicodeScalars.prefix(headScalars))) : paragraph
        let ns = head as NSString
        let whole = NSRange(location: 0, length: ns.length)
        for pattern in patterns {
            guard let found = pattern.regex.firstMatch(in: head, options: [.anchored], range: whole) else { continue }
            if truncated && NSMaxRange(found.range) == ns.length { continue }
            let matched = ns.substring(with: found.range)
            var scalars = Array(matched.unicodeScalars)
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            return Match(category: pattern.category, note: pattern.note, matchedScalars: scalars.count)
        }
        return nil
    }
}
