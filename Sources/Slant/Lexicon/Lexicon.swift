/// One word list in memory: its provenance and its entries.
///
/// Every on-disk format (Slant's TSV, VADER's txt, LIWC `.dic`, MPQA `.tff`, quanteda YAML,
/// plain word lists) is read into this one value; ``Lexicon/tsv()`` writes it back in Slant's
/// format. Terms are stored normalised (lower case, curly apostrophes straightened) so that
/// matching compares them with each token's normalised form computed once at tokenization.
public struct Lexicon: Sendable, Equatable {
    /// One line of a lexicon: a term (possibly multiword, possibly ending in a `*` wildcard),
    /// a category, a weight and a free-text note.
    public struct Entry: Sendable, Equatable {
        /// The term as written in the file.
        public var term: String
        /// The term normalised for matching (lower case, straight apostrophes, single spaces).
        public var key: String
        public var category: String
        public var weight: Double
        public var note: String
        /// One-based line number in the source file (0 when built in memory).
        public var line: Int

        public init(term: String, category: String, weight: Double, note: String = "", line: Int = 0) {
            self.term = term
            self.key = Lexicon.normalize(term)
            self.category = category
            self.weight = weight
            self.note = note
            self.line = line
        }

        /// The term split into words; a trailing `*` on the last word makes it a prefix.
        // Split on the space byte (the same pieces as on Characters, without grapheme breaking
        // for the common case).
        public var words: [Substring] {
            key[...].split(byte: UInt8(ascii: " "), omittingEmpty: true)
        }
    }

    /// Short identifier, e.g. `loaded-language`.
    public var name: String
    /// Semantic version of the list's content.
    public var version: String
    public var license: String
    /// Where the list comes from (author, publication, or conversion origin).
    public var source: String
    public var description: String
    /// Terms are regular expressions (`# terms: regex`), not words.
    public var termsAreRegex: Bool
    /// Allowed weight range, inclusive.
    public var range: ClosedRange<Double>
    public var entries: [Entry]
    /// SHA-256 of the file's bytes as read (empty for lexicons built in memory).
    public var sha256: String
    /// The file name or path it was read from (empty for lexicons built in memory).
    public var origin: String

    public init(
        name: String, version: String, license: String, source: String,
        description: String = "", termsAreRegex: Bool = false, range: ClosedRange<Double> = -5...5,
        entries: [Entry] = [], sha256: String = "", origin: String = ""
    ) {
        self.name = name
        self.version = version
        self.license = license
        self.source = source
        self.description = description
        self.termsAreRegex = termsAreRegex
        self.range = range
        self.entries = entries
        self.sha256 = sha256
        self.origin = origin
    }

    /// The categories used, in order of first appearance.
    public var categories: [String] {
        var seen = Set<String>()
        return entries.compactMap { seen.insert($0.category).inserted ? $0.category : nil }
    }

    /// Entries of one category.
    public func entries(in category: String) -> [Entry] {
        entries.filter { $0.category == category }
    }

    /// The weight of an exact (non-wildcard) term, if present.
    public func weight(of term: String) -> Double? {
        let key = Lexicon.normalize(term)
        return entries.first { $0.key == key }?.weight
    }

    /// Lower-cases and straightens apostrophes and quotes, and folds runs of white space,
    /// the same normalisation that tokens receive.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ASCII, the common case, without Unicode property look-ups (same answers).
            if scalar.isASCII {
                let v = scalar.value
                if v == 0x20 || (0x09...0x0D).contains(v) { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append((0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : scalar)
                continue
            }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}": out.append("'")
            case "\u{2010}", "\u{2011}": out.append("-")
            default:
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
            }
        }
        return String(out)
    }
}
