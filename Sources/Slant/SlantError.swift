/// An error from the Slant library: a reason, the place it happened and what to do next.
///
/// The command-line tool maps each ``Reason`` to a documented exit code
/// (see ``SlantError/Reason/exitCode``).
public struct SlantError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, coarsely: the exit code follows from it.
    public enum Reason: String, Sendable, Equatable {
        /// The input file does not exist or cannot be opened.
        case missingInput
        /// The input is not text (it holds NUL bytes) or cannot be parsed.
        case badInput
        /// A lexicon file is malformed (bad header, bad line, duplicate, out-of-range weight).
        case badLexicon
        /// Reading or writing failed at the operating-system level.
        case io
        /// The request itself is inconsistent (unknown option value, unknown lexicon name).
        case usage

        /// The documented exit code (sysexits.h values) for this reason.
        public var exitCode: Int32 {
            switch self {
            case .usage: return 64
            case .badInput, .badLexicon: return 65
            case .missingInput: return 66
            case .io: return 74
            }
        }
    }

    public var reason: Reason
    /// The file the error concerns, if any (`-` for standard input).
    public var file: String?
    /// One-based line number in `file`, if the error concerns a line.
    public var line: Int?
    /// What happened and, where it helps, what to do next.
    public var message: String

    public init(_ reason: Reason, file: String? = nil, line: Int? = nil, _ message: String) {
        self.reason = reason
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the form compilers use, so editors can jump to the place.
    public var description: String {
        var place = ""
        if let file { place = file + (line.map { ":\($0)" } ?? "") + ": " }
        return place + message
    }
}
