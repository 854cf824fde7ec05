/// A word, number or punctuation mark, with its place in the input and a normalised form
/// computed once at tokenization.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        /// Letters, possibly with internal apostrophes, hyphens or abbreviation periods.
        case word
        /// Starts with a digit: `3.5`, `1,000`, `11:05`, `1990s`.
        case number
        /// A run of one punctuation character (`...`, `!!`), or a single quote mark.
        case punctuation
        /// Anything else that is not white space (`$`, `%`, emoji).
        case symbol
    }

    public var kind: Kind
    /// Offset of the first Unicode scalar in the input.
    public var start: Int
    /// Offset one past the last Unicode scalar (exclusive).
    public var end: Int
    /// Lower case, curly apostrophes straightened, hyphen variants folded.
    public var norm: String
    /// `norm` without a possessive `'s` or trailing `'` (`johnson's` → `johnson`), if any.
    public var stem: String?
    /// First scalar is upper case.
    public var isCapitalized: Bool
    /// At least two letters, all upper case.
    public var isAllCaps: Bool

    /// A word or a number.
    public var isWordLike: Bool { kind == .word || kind == .number }
}
