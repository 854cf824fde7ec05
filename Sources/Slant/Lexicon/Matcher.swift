/// Finds lexicon terms in a sequence of normalised words.
///
/// Single and multiword terms are indexed by their first word; a trailing `*` makes the last
/// word a prefix. At each position the longest matching term wins, and matches do not overlap
/// (leftmost-longest, as in quanteda's `tokens_lookup`).
public struct Matcher: Sendable {
    /// A term found in the input.
    public struct Match: Sendable, Equatable {
        /// Index of the entry in the lexicon's `entries`.
        public var entry: Int
        /// Index of the first matched word.
        public var start: Int
        /// Number of words matched.
        public var length: Int
    }

    private struct Pattern: Sendable {
        var words: [String]
        var lastIsPrefix: Bool
        var entry: Int
    }

    private var patterns: [Pattern] = []
    private var byFirstWord: [String: [Int]] = [:]
    private var byFirstPrefix: [String: [Int]] = [:]
    private var prefixLengths: [Int] = []

    public let lexicon: Lexicon

    /// Indexes `lexicon`, optionally only the entries whose category passes `include`.
    /// - Complexity: O(n) in the number of entries.
    public init(_ lexicon: Lexicon, include: (String) -> Bool = { _ in true }) {
        self.lexicon = lexicon
        var lengths = Set<Int>()
        for (index, entry) in lexicon.entries.enumerated() where include(entry.category) {
            var words = entry.words.map(String.init)
            guard !words.isEmpty else { continue }
            var isPrefix = false
            if words[words.count - 1].hasSuffix("*") {
                words[words.count - 1].removeLast()
                isPrefix = true
                if words[words.count - 1].isEmpty { continue }
            }
            let id = patterns.count
            patterns.append(Pattern(words: words, lastIsPrefix: isPrefix, entry: index))
            if isPrefix && words.count == 1 {
                byFirstPrefix[words[0], default: []].append(id)
                lengths.insert(words[0].unicodeScalars.count)
            } else {
                byFirstWord[words[0], default: []].append(id)
            }
        }
        // Longest first so the first pattern that fits is the longest match.
        let sortedPatterns = patterns
        func longestFirst(_ a: Int, _ b: Int) -> Bool {
            let pa = sortedPatterns[a], pb = sortedPatterns[b]
            if pa.words.count != pb.words.count { return pa.words.count > pb.words.count }
            if pa.lastIsPrefix != pb.lastIsPrefix { return !pa.lastIsPrefix }
            return pa.words.last!.count > pb.words.last!.count
        }
        byFirstWord = byFirstWord.mapValues { $0.sorted(by: longestFirst) }
        byFirstPrefix = byFirstPrefix.mapValues { $0.sorted(by: longestFirst) }
        prefixLengths = lengths.sorted(by: >)
    }

    /// The longest term starting at word `i`, if any.
    ///
    /// - Parameters:
    ///   - words: normalised word forms.
    ///   - alternates: a second form per word (e.g. without a possessive `'s`), or nil.
    /// - Complexity: O(p · m) where p is the number of patterns sharing the first word and m
    ///   their length; for prefix terms, one dictionary probe per distinct prefix length.
    ///   - end: matches must end at or before this index (default: the end of `words`).
    public func longestMatch(in words: [String], alternates: [String?], at i: Int, end: Int? = nil) -> Match? {
        var best: Match?
        let limit = end ?? words.count
        func consider(_ ids: [Int]) {
            for id in ids {
                let pattern = patterns[id]
                if let current = best, current.length >= pattern.words.count { return }
                if i + pattern.words.count > limit { continue }
                if fits(pattern, words: words, alternates: alternates, at: i) {
                    best = Match(entry: pattern.entry, start: i, length: pattern.words.count)
                    return
                }
            }
        }
        if let ids = byFirstWord[words[i]] { consider(ids) }
        if let alt = alternates[i], let ids = byFirstWord[alt] { consider(ids) }
        if best == nil, !prefixLengths.isEmpty {
            let view = words[i].unicodeScalars
            let count = view.count
            for length in prefixLengths where length <= count {
                let key = String(view[..<view.index(view.startIndex, offsetBy: length)])
                if let ids = byFirstPrefix[key] {
                    consider(ids)
                    if best != nil { break }
                }
            }
        }
        return best
    }

    /// All non-overlapping leftmost-longest matches, optionally only those that start and
    /// end within `range`.
    /// - Complexity: O(n) probes for n words.
    public func matches(in words: [String], alternates: [String?]? = nil, range: Range<Int>? = nil) -> [Match] {
        let alts = alternates ?? Array(repeating: nil, count: words.count)
        let range = range ?? 0..<words.count
        var out: [Match] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let match = longestMatch(in: words, alternates: alts, at: i, end: range.upperBound) {
                out.append(match)
                i += match.length
            } else {
                i += 1
            }
        }
        return out
    }

    /// Whether any term matches exactly the single word `word` (or a prefix term covers it).
    public func contains(_ word: String) -> Bool {
        longestMatch(in: [word], alternates: [nil], at: 0).map { $0.length == 1 } ?? false
    }

    /// The entry for a single word, if a one-word term matches it.
    public func entry(for word: String) -> Lexicon.Entry? {
        guard let match = longestMatch(in: [word], alternates: [nil], at: 0), match.length == 1 else { return nil }
        return lexicon.entries[match.entry]
    }

    private func fits(_ pattern: Pattern, words: [String], alternates: [String?], at i: Int) -> Bool {
        guard i + pattern.words.count <= words.count else { return false }
        for (offset, expected) in pattern.words.enumerated() {
            let isLast = offset == pattern.words.count - 1
            let word = words[i + offset]
            let alt = alternates[i + offset]
            if isLast && pattern.lastIsPrefix {
                if !(word.hasPrefix(expected) || (alt?.hasPrefix(expected) ?? false)) { return false }
            } else if word != expected && alt != expected {
                return false
            }
        }
        return true
    }
}
