#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        /// The id of each word in `vocabulary` (unused for a prefix last word).
        var ids: [Int32]
        var lastIsPrefix: Bool
        var entry: Int
    }

    private var patterns: [Pattern] = []
    /// Patterns by the id of their first word (longest first), indexed densely by id.
    private var byFirstWord: [[Int32]] = []
    /// Single-word prefix terms (`disgrac*`) in a byte trie over their UTF-8.
    private var prefixes = PrefixTrie()

    public let lexicon: Lexicon
    /// The word ids the patterns use; a ``Document`` made with the same vocabulary carries its
    /// words' ids, so they are hashed once per document rather than once per matcher.
    public let vocabulary: Vocabulary

    /// Indexes `lexicon`, optionally only the entries whose category passes `include`, with
    /// ids from the lexicon's own words.
    /// - Complexity: O(n) in the number of entries.
    public init(_ lexicon: Lexicon, include: (String) -> Bool = { _ in true }) {
        self.init(lexicon, include: include, vocabulary: Vocabulary([lexicon]))
    }

    /// As ``init(_:include:)``, with shared word ids (``LexiconSet/vocabulary``), which must
    /// have been made from a set of lexicons that includes `lexicon`.
    init(_ lexicon: Lexicon, include: (String) -> Bool = { _ in true }, vocabulary: Vocabulary) {
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        var firstWord: [Int32: [Int]] = [:]
        var byFirstPrefix: [String: [Int]] = [:]
        for (index, entry) in lexicon.entries.enumerated() where include(entry.category) {
            var words = entry.words.map(String.init)
            guard !words.isEmpty else { continue }
            var isPrefix = false
            if words[words.count - 1].hasSuffix("*") {
                words[words.count - 1].removeLast()
                isPrefix = true
                if words[words.count - 1].isEmpty { continue }
            }
            let ids = words.enumerated().map { k, word in
                k == words.count - 1 && isPrefix ? -1 : vocabulary.id(word)
            }
            precondition(!ids.dropLast(isPrefix ? 1 : 0).contains(-1), "vocabulary lacks a word of \(lexicon.name)")
            let id = patterns.count
            patterns.append(Pattern(words: words, ids: ids, lastIsPrefix: isPrefix, entry: index))
            if isPrefix && words.count == 1 {
                byFirstPrefix[words[0], default: []].append(id)
            } else {
                firstWord[ids[0], default: []].append(id)
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
        byFirstWord = Array(repeating: [], count: vocabulary.count)
        for (first, ids) in firstWord { byFirstWord[Int(first)] = ids.sorted(by: longestFirst).map(Int32.init) }
        for (prefix, ids) in byFirstPrefix.sorted(by: { $0.key < $1.key }) {
            prefixes.insert(Array(prefix.utf8), ids: ids.sorted(by: longestFirst).map(Int32.init))
        }
    }

    /// The longest term starting at word `i`, if any.
    ///
    /// - Parameters:
    ///   - words: normalised word forms.
    ///   - alternates: a second form per word (e.g. without a possessive `'s`), or nil.
    ///   - end: matches must end at or before this index (default: the end of `words`).
    /// - Complexity: O(p · m) where p is the number of patterns sharing the first word and m
    ///   their length; for prefix terms, one dictionary probe per distinct prefix length.
    public func longestMatch(in words: [String], alternates: [String?], at i: Int, end: Int? = nil) -> Match? {
        longestMatch(StringWords(words: words, alternates: alternates, vocabulary: vocabulary), at: i, end: end ?? words.count)
    }

    /// The longest term starting at token `i` of `doc` (its normalised forms and stems).
    public func longestMatch(in doc: Document, at i: Int, end: Int? = nil) -> Match? {
        guard doc.vocabulary === vocabulary else { return longestMatch(in: doc.norms, alternates: doc.stems, at: i, end: end) }
        return longestMatch(DocumentWords(doc: doc), at: i, end: end ?? doc.norms.count)
    }

    /// All non-overlapping leftmost-longest matches, optionally only those that start and
    /// end within `range`.
    /// - Complexity: O(n) probes for n words.
    public func matches(in words: [String], alternates: [String?]? = nil, range: Range<Int>? = nil) -> [Match] {
        let alts = alternates ?? Array(repeating: nil, count: words.count)
        return matches(StringWords(words: words, alternates: alts, vocabulary: vocabulary), range: range ?? 0..<words.count)
    }

    /// All non-overlapping leftmost-longest matches among the tokens of `doc` in `range`.
    public func matches(in doc: Document, range: Range<Int>? = nil) -> [Match] {
        guard doc.vocabulary === vocabulary else { return matches(in: doc.norms, alternates: doc.stems, range: range) }
        return matches(DocumentWords(doc: doc), range: range ?? 0..<doc.norms.count)
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

    /// As ``contains(_:)`` for the normalised form of token `i` of `doc` (its stem not
    /// considered), with the id the document computed: no arrays made, no hashing.
    func contains(normOf doc: Document, _ i: Int) -> Bool {
        longestMatch(oneNorm(doc, i), at: 0, end: 1).map { $0.length == 1 } ?? false
    }

    /// As ``entry(for:)`` for the normalised form of token `i` of `doc` (its stem not
    /// considered).
    func entry(forNormOf doc: Document, _ i: Int) -> Lexicon.Entry? {
        guard let match = longestMatch(oneNorm(doc, i), at: 0, end: 1), match.length == 1 else { return nil }
        return lexicon.entries[match.entry]
    }

    private func oneNorm(_ doc: Document, _ i: Int) -> OneNorm {
        OneNorm(word: doc.norms[i], id: doc.vocabulary === vocabulary ? doc.normIDs[i] : vocabulary.id(doc.norms[i]))
    }

    // MARK: The search, over words with ids

    private func matches<W: MatcherWords>(_ words: W, range: Range<Int>) -> [Match] {
        var out: [Match] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let match = longestMatch(words, at: i, end: range.upperBound) {
                out.append(match)
                i += match.length
            } else {
                i += 1
            }
        }
        return out
    }

    private func longestMatch<W: MatcherWords>(_ words: W, at i: Int, end limit: Int) -> Match? {
        var best: Match?
        func consider<C: Collection>(_ ids: C) where C.Element: BinaryInteger {
            for id in ids {
                let pattern = patterns[Int(id)]
                if let current = best, current.length >= pattern.words.count { return }
                if i + pattern.words.count > limit { continue }
                if fits(pattern, words: words, at: i) {
                    best = Match(entry: pattern.entry, start: i, length: pattern.words.count)
                    return
                }
            }
        }
        let normID = words.normID(i)
        if normID >= 0 { consider(byFirstWord[Int(normID)]) }
        let stemID = words.stemID(i)
        if stemID >= 0 { consider(byFirstWord[Int(stemID)]) }
        if best == nil, !prefixes.isEmpty {
            // Every prefix term that begins the word, longest first (a byte trie walk: prefix
            // terms end on whole characters, so byte and character prefixes agree).
            var norm = words.norm(i)
            let found = norm.withUTF8 { prefixes.prefixes(of: $0) }
            for node in found.reversed() {
                consider(prefixes.ids[Int(node)])
                if best != nil { break }
            }
        }
        return best
    }

    private func fits<W: MatcherWords>(_ pattern: Pattern, words: W, at i: Int) -> Bool {
        guard i + pattern.words.count <= words.count else { return false }
        let last = pattern.words.count - 1
        for offset in 0...last {
            let k = i + offset
            if offset == last && pattern.lastIsPrefix {
                let expected = pattern.words[offset]
                if !(words.norm(k).hasPrefix(expected) || (words.stem(k)?.hasPrefix(expected) ?? false)) { return false }
            } else {
                let expected = pattern.ids[offset]
                if words.normID(k) != expected && words.stemID(k) != expected { return false }
            }
        }
        return true
    }
}

/// A byte trie of prefix terms: each node's children are a short list scanned in order.
private struct PrefixTrie: Sendable {
    private var labels: [[UInt8]] = [[]]
    private var children: [[Int32]] = [[]]
    /// Pattern ids ending at each node (empty for inner nodes).
    private(set) var ids: [[Int32]] = [[]]

    var isEmpty: Bool { labels.count == 1 }

    mutating func insert(_ key: [UInt8], ids patternIDs: [Int32]) {
        var node = 0
        for byte in key {
            if let k = labels[node].firstIndex(of: byte) {
                node = Int(children[node][k])
            } else {
                labels.append([]); children.append([]); ids.append([])
                let child = labels.count - 1
                labels[node].append(byte)
                children[node].append(Int32(child))
                node = child
            }
        }
        ids[node] += patternIDs
    }

    /// The nodes of every key that is a prefix of `word`, shortest first.
    func prefixes(of word: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var out: [Int32] = []
        var node = 0
        for byte in word {
            guard let k = labels[node].firstIndex(of: byte) else { break }
            node = Int(children[node][k])
            if !ids[node].isEmpty { out.append(Int32(node)) }
        }
        return out
    }
}

/// Ids for words: every word of the lexicons it was made from gets one; any other word is -1.
public final class Vocabulary: Sendable {
    private let ids: [String: Int32]
    /// ASCII words, the common case, in an open-addressing table hashed on their bytes:
    /// a look-up costs a short loop instead of Swift's canonical-equivalence hashing.
    private let ascii: ASCIIWordTable?

    /// The words of every entry of `lexicons` (a prefix term's last word excluded).
    public init(_ lexicons: [Lexicon]) {
        var ids: [String: Int32] = [:]
        for lexicon in lexicons where !lexicon.termsAreRegex {
            for entry in lexicon.entries {
                let words = entry.words
                for (k, word) in words.enumerated() {
                    if k == words.count - 1 && word.hasSuffix("*") { continue }
                    let key = String(word)
                    if ids[key] == nil { ids[key] = Int32(ids.count) }
                }
            }
        }
        self.ids = ids
        ascii = ASCIIWordTable(ids)
    }

    public var count: Int { ids.count }

    /// The id of `word`, or -1 when no lexicon has it.
    public func id(_ word: String) -> Int32 {
        if let ascii, let found = ascii.id(word) { return found }
        return ids[word] ?? -1
    }
}

/// The ASCII keys of a word-id dictionary, looked up by their bytes (FNV-1a, linear probing).
/// For an ASCII word it gives the dictionary's answer: ASCII strings are equal only when their
/// bytes are, and no key can be canonically equivalent to an ASCII word without being one,
/// unless it holds one of the three characters that decompose to ASCII (U+037E, U+1FEF,
/// U+212A); with such a key the table is not built.
private struct ASCIIWordTable: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int32]
    private let lengths: [Int32]
    private let ids: [Int32]
    /// Slot → index into `starts` (−1 empty); a power of two, at most half full.
    private let slots: [Int32]

    init?(_ dictionary: [String: Int32]) {
        var bytes: [UInt8] = [], starts: [Int32] = [], lengths: [Int32] = [], ids: [Int32] = [], hashes: [UInt64] = []
        for (word, id) in dictionary.sorted(by: { $0.value < $1.value }) {
            if word.unicodeScalars.contains(where: { $0.value == 0x37E || $0.value == 0x1FEF || $0.value == 0x212A }) { return nil }
            guard let hash = Self.asciiHash(word.utf8) else { continue }
            starts.append(Int32(bytes.count))
            lengths.append(Int32(word.utf8.count))
            ids.append(id)
            hashes.append(hash)
            bytes += word.utf8
        }
        var size = 16
        while size < 2 * starts.count { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for k in starts.indices {
            var slot = Int(hashes[k] & UInt64(size - 1))
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(k)
        }
        (self.bytes, self.starts, self.lengths, self.ids, self.slots) = (bytes, starts, lengths, ids, slots)
    }

    /// FNV-1a of a word's bytes; nil when one of them is not ASCII.
    private static func asciiHash<S: Sequence>(_ word: S) -> UInt64? where S.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in word {
            if b >= 0x80 { return nil }
            h = (h ^ UInt64(b)) &* 0x100000001b3
        }
        return h
    }

    /// The id of an ASCII `word` (−1 when absent); nil when `word` is not ASCII, for the
    /// dictionary to answer.
    func id(_ word: String) -> Int32? {
        let found: Int32?? = word.utf8.withContiguousStorageIfAvailable { w -> Int32? in
            guard let h = Self.asciiHash(w) else { return nil }
            let mask = slots.count - 1
            var slot = Int(h & UInt64(mask))
            return bytes.withUnsafeBufferPointer { all -> Int32 in
                while true {
                    let k = Int(slots[slot])
                    if k < 0 { return -1 }
                    if Int(lengths[k]) == w.count,
                       w.count == 0 || memcmp(all.baseAddress! + Int(starts[k]), w.baseAddress!, w.count) == 0 { return ids[k] }
                    slot = (slot + 1) & mask
                }
            }
        }
        return found ?? nil
    }
}

/// What the search needs of a sequence of words.
private protocol MatcherWords {
    var count: Int { get }
    func norm(_ k: Int) -> String
    func stem(_ k: Int) -> String?
    func normID(_ k: Int) -> Int32
    func stemID(_ k: Int) -> Int32
}

/// A document's words, with ids computed once when it was made.
private struct DocumentWords: MatcherWords {
    let forms: TokenForms
    init(doc: Document) { forms = doc.forms }
    var count: Int { forms.norms.count }
    func norm(_ k: Int) -> String { forms.norms[k] }
    func stem(_ k: Int) -> String? { forms.stems[k] }
    func normID(_ k: Int) -> Int32 { forms.normIDs[k] }
    func stemID(_ k: Int) -> Int32 { forms.stemIDs[k] }
}

/// The normalised form of one token of a document, alone (no stem).
private struct OneNorm: MatcherWords {
    let word: String
    let id: Int32
    var count: Int { 1 }
    func norm(_ k: Int) -> String { word }
    func stem(_ k: Int) -> String? { nil }
    func normID(_ k: Int) -> Int32 { id }
    func stemID(_ k: Int) -> Int32 { -1 }
}

/// Plain strings, looked up in the vocabulary as the search reaches them.
private struct StringWords: MatcherWords {
    let words: [String]
    let alternates: [String?]
    let vocabulary: Vocabulary
    var count: Int { words.count }
    func norm(_ k: Int) -> String { words[k] }
    func stem(_ k: Int) -> String? { alternates[k] }
    func normID(_ k: Int) -> Int32 { vocabulary.id(words[k]) }
    func stemID(_ k: Int) -> Int32 { alternates[k].map(vocabulary.id) ?? -1 }
}
