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
        /// Necessary conditions read off the pattern (``PatternPrefilter``).
        var prefilter: PatternPrefilter
    }

    private let patterns: [Pattern]
    /// For each ASCII first byte, the patterns (in order) whose leading condition allows it:
    /// the others are not even asked.
    private let byFirstByte: [[Int]]

    /// Compiles every pattern.
    /// - Throws: ``SlantError`` (`.badLexicon`) naming the file and line of a pattern that does
    ///   not compile, or the file when it lacks `# terms: regex`.
    public init(_ lexicon: Lexicon) throws {
        guard lexicon.termsAreRegex else {
            throw SlantError(.badLexicon, file: lexicon.origin, "furniture patterns need the header line '# terms: regex'")
        }
        patterns = try lexicon.entries.map { entry in
            do {
                return Pattern(regex: try NSRegularExpression(pattern: entry.term), category: entry.category, note: entry.note,
                               prefilter: PatternPrefilter(pattern: entry.term))
            } catch {
                throw SlantError(.badLexicon, file: lexicon.origin, line: entry.line,
                                 "pattern '\(entry.term)' is not a valid regular expression")
            }
        }
        let patterns = self.patterns
        byFirstByte = (0..<128).map { byte in
            patterns.indices.filter { k in
                patterns[k].prefilter.leading.first.map { $0.contains(UInt8(byte)) } ?? true
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
        match(paragraph, maxScalars: maxScalars, headScalars: headScalars, prefilter: true)
    }

    /// As ``match(_:maxScalars:headScalars:)``; `prefilter: false` runs every pattern, which
    /// tests use to show that the prefilter never changes the answer.
    func match(_ paragraph: String, maxScalars: Int, headScalars: Int, prefilter: Bool) -> Match? {
        // No more bytes than the limit means no more scalars: counted only for long text.
        let truncated = paragraph.utf8.count > maxScalars && paragraph.unicodeScalars.count > maxScalars
        let head = truncated ? String(paragraph.unicodeScalars.prefix(headScalars)) : paragraph
        // The regular expressions are the expensive part; a pattern whose necessary conditions
        // fail cannot match, so it is skipped without running it.
        let text = PatternPrefilter.Text(prefilter ? head : "")
        var ns: NSString?
        // A pattern whose leading condition rejects the first byte fails ``PatternPrefilter/allows(_:)``
        // at once; an empty or non-ASCII start passes every leading condition.
        let first = text.bytes.first ?? 0x80
        let candidates = prefilter && first < 0x80 ? byFirstByte[Int(first)] : Array(patterns.indices)
        for k in candidates {
            if prefilter, !patterns[k].prefilter.allows(text) { continue }
            let pattern = patterns[k]
            let string = ns ?? (head as NSString)
            ns = string
            let whole = NSRange(location: 0, length: string.length)
            guard let found = pattern.regex.firstMatch(in: head, options: [.anchored], range: whole) else { continue }
            if truncated && NSMaxRange(found.range) == string.length { continue }
            let matched = string.substring(with: found.range)
            var scalars = Array(matched.unicodeScalars)
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            return Match(category: pattern.category, note: pattern.note, matchedScalars: scalars.count)
        }
        return nil
    }
}
