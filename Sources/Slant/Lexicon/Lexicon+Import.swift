import Foundation

/// The result of converting a lexicon from another format: the lexicon and what could not
/// be carried over (never dropped silently).
public struct LexiconImport: Sendable {
    public var lexicon: Lexicon
    /// One message per skipped or merged line, with its line number.
    public var notes: [String]
}

extension Lexicon {
    /// Formats `slant lexicon import` reads.
    public enum ImportFormat: String, Sendable, CaseIterable {
        /// Slant's own TSV (validated and rewritten).
        case tsv
        /// VADER's `vader_lexicon.txt`: term, mean valence, standard deviation, ratings.
        case vader
        /// LIWC `.dic`: a `%`-delimited category table, then words with category numbers.
        case liwc
        /// MPQA subjectivity clues `.tff`: `type=… word1=… priorpolarity=…` lines.
        case mpqa
        /// quanteda dictionary YAML: category keys (nested allowed) holding lists of terms.
        case quanteda
        /// One term per line; the category comes from the options.
        case wordlist
    }

    /// Provenance for an imported list; every imported lexicon must say where it came from.
    public struct ImportOptions: Sendable {
        public var name: String
        public var version: String
        public var license: String
        public var source: String
        /// Category for word lists.
        public var category: String
        /// Weight for formats without weights (LIWC, quanteda, word lists).
        public var weight: Double

        public init(name: String, version: String = "1.0.0", license: String, source: String,
                    category: String = "term", weight: Double = 1) {
            self.name = name
            self.version = version
            self.license = license
            self.source = source
            self.category = category
            self.weight = weight
        }
    }

    /// Converts `text` in `format` to a lexicon.
    /// - Throws: ``SlantError`` `.badLexicon` naming `origin` and the line when the input is
    ///   not in the format at all (e.g. a LIWC file without its category table).
    public static func importing(_ text: String, format: ImportFormat, origin: String,
                                 options: ImportOptions) throws -> LexiconImport {
        var result: LexiconImport
        switch format {
        case .tsv:
            result = LexiconImport(lexicon: try parseTSV(text, origin: origin), notes: [])
            return result
        case .vader: result = try importVADER(text, origin: origin)
        case .liwc: result = try importLIWC(text, origin: origin, weight: options.weight)
        case .mpqa: result = try importMPQA(text, origin: origin)
        case .quanteda: result = try importQuanteda(text, origin: origin, weight: options.weight)
        case .wordlist: result = importWordList(text, category: options.category, weight: options.weight)
        }
        result.lexicon.name = options.name
        result.lexicon.version = options.version
        result.lexicon.license = options.license
        result.lexicon.source = options.source
        result.lexicon.origin = origin
        let weights = result.lexicon.entries.map(\.weight)
        if let low = weights.min(), let high = weights.max() {
            result.lexicon.range = Swift.min(low, 0)...Swift.max(high, 1)
        } else {
            result.lexicon.range = 0...1
        }
        return result
    }

    /// Keeps the first entry of each (term, category) and notes the rest.
    static func deduplicated(_ entries: [Entry], notes: inout [String]) -> [Entry] {
        var seen: [String: Int] = [:]
        var out: [Entry] = []
        for entry in entries {
            let identity = entry.key + "\t" + entry.category
            if let first = seen[identity] {
                notes.append("line \(entry.line): '\(entry.term)' in '\(entry.category)' repeats line \(first); kept the first")
                continue
            }
            seen[identity] = entry.line
            out.append(entry)
        }
        return out
    }

    /// Whether a term can be written to Slant's TSV (no tabs, `*` only at the end).
    static func isWritableTerm(_ term: String) -> Bool {
        guard !term.isEmpty, !term.contains("\t"), !term.hasPrefix("#") else { return false }
        if let star = term.firstIndex(of: "*"), star != term.index(before: term.endIndex) { return false }
        return term != "*"
    }

    static func lines(_ text: String) -> [(Int, Substring)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index + 1, line.hasSuffix("\r") ? line.dropLast() : line)
        }
    }
}
