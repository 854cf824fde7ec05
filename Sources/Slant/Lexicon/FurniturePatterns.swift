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
        /// Literals of which at least one must occur in any text the pattern matches, read off
        /// the pattern itself (``LiteralRequirement``); nil when none could be proved.
        var requirement: LiteralRequirement?
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
                return Pattern(regex: try NSRegularExpression(pattern: entry.term), category: entry.category, note: entry.note,
                               requirement: LiteralRequirement(pattern: entry.term))
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
        match(paragraph, maxScalars: maxScalars, headScalars: headScalars, prefilter: true)
    }

    /// As ``match(_:maxScalars:headScalars:)``; `prefilter: false` runs every pattern, which
    /// tests use to show that the prefilter never changes the answer.
    func match(_ paragraph: String, maxScalars: Int, headScalars: Int, prefilter: Bool) -> Match? {
        let truncated = paragraph.unicodeScalars.count > maxScalars
        let head = truncated ? String(String.UnicodeScalarView(paragraph.unicodeScalars.prefix(headScalars))) : paragraph
        // The regular expressions are the expensive part; a pattern whose required literals are
        // all absent cannot match, so it is skipped without running it.
        let text = prefilter ? LiteralRequirement.Text(head) : nil
        var ns: NSString?
        for pattern in patterns {
            if let text, let requirement = pattern.requirement, !requirement.isMet(by: text) { continue }
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

/// A necessary condition for a regular expression to match: one of a few literal strings must
/// occur in the text. It is read conservatively off the pattern's top level: a group that must
/// occur at least once and whose alternatives are plain literals (`(photo|image)`), or a run of
/// plain literal characters. Any construct it does not understand yields no requirement, so
/// the pattern always runs; a requirement is only ever a proof that the pattern cannot match.
struct LiteralRequirement: Equatable {
    /// The alternatives, as UTF-8; ASCII-lower-cased when `caseInsensitive`.
    var literals: [[UInt8]]
    var caseInsensitive: Bool

    /// The text a requirement is tested against, prepared once per paragraph.
    struct Text {
        var bytes: [UInt8]
        var lowered: [UInt8]
        /// False when the text has a non-ASCII character that case folding changes (such as
        /// "ſ", which ICU folds to "s", or the Kelvin sign): then case-insensitive
        /// requirements are not trusted and their patterns run.
        var foldsLikeASCII: Bool

        init(_ string: String) {
            bytes = Array(string.utf8)
            lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            foldsLikeASCII = !bytes.contains(where: { $0 >= 0x80 })
                || !string.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.changesWhenCaseFolded })
        }
    }

    func isMet(by text: Text) -> Bool {
        if caseInsensitive && !text.foldsLikeASCII { return true }
        let haystack = caseInsensitive ? text.lowered : text.bytes
        return literals.contains { Self.occurs($0, in: haystack) }
    }

    private static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    init(literals: [[UInt8]], caseInsensitive: Bool) {
        self.literals = literals
        self.caseInsensitive = caseInsensitive
    }

    /// Reads the requirement off `pattern`, or nil when none can be proved.
    init?(pattern: String) {
        var p = Array(pattern.unicodeScalars)
        var globalInsensitive = false
        if p.starts(with: Array("(?i)".unicodeScalars)) { globalInsensitive = true; p.removeFirst(4) }
        var candidates: [(alternatives: [String], insensitive: Bool)] = []
        var run = ""
        func endRun() {
            if !run.isEmpty { candidates.append(([run], globalInsensitive)) }
            run = ""
        }
        var i = 0
        while i < p.count {
            let c = p[i]
            var literal: Character?
            var group: [Unicode.Scalar]?
            switch c {
            case "\\":
                guard i + 1 < p.count else { return nil }
                let e = p[i + 1]
                // An escaped letter or digit is a class or an assertion (\d, \b); escaped
                // punctuation is itself.
                if !(e.properties.isAlphabetic || e.properties.numericType != nil) { literal = Character(e) }
                i += 2
            case "[":
                guard let close = Self.classEnd(p, from: i) else { return nil }
                i = close + 1
            case "(":
                guard let close = Self.groupEnd(p, from: i) else { return nil }
                let body = Array(p[(i + 1)..<close])
                // Flags, look-arounds and the like ("(?x)", "(?=…)") are not understood; a
                // flag group could change how everything after it matches.
                if body.first == "?" && !body.starts(with: "?:".unicodeScalars) && !body.starts(with: "?i:".unicodeScalars) { return nil }
                group = body
                i = close + 1
            case "|": return nil   // a top-level alternative: nothing is required
            case ")", "]", "{", "}", "?", "*", "+": return nil
            case ".", "^", "$": i += 1
            default:
                literal = Character(c)
                i += 1
            }
            // A quantifier after the element.
            var minimum = 1
            var quantified = false
            if i < p.count {
                switch p[i] {
                case "?", "*": minimum = 0; quantified = true; i += 1
                case "+": quantified = true; i += 1
                case "{":
                    guard let close = p[i...].firstIndex(of: "}") else { return nil }
                    let body = String(String.UnicodeScalarView(p[(i + 1)..<close]))
                    guard let m = Int(body.split(separator: ",", omittingEmptySubsequences: false).first ?? "") else { return nil }
                    minimum = m; quantified = true; i = close + 1
                default: break
                }
                if quantified && i < p.count && (p[i] == "?" || p[i] == "+") { i += 1 }
            }
            if let literal, !quantified {
                run.append(literal)
                continue
            }
            endRun()
            if let literal, minimum >= 1 { candidates.append(([String(literal)], globalInsensitive)) }
            if let group, minimum >= 1, let alternatives = Self.literalAlternatives(group, insensitive: globalInsensitive) {
                candidates.append(alternatives)
            }
        }
        endRun()
        // The most selective candidate: the one whose shortest alternative is longest.
        let usable = candidates.filter { candidate in
            !candidate.alternatives.isEmpty && candidate.alternatives.allSatisfy { !$0.isEmpty && (!candidate.insensitive || $0.unicodeScalars.allSatisfy(\.isASCII)) }
        }
        guard let best = usable.max(by: { a, b in
            (a.alternatives.map(\.utf8.count).min() ?? 0) < (b.alternatives.map(\.utf8.count).min() ?? 0)
        }), (best.alternatives.map(\.utf8.count).min() ?? 0) >= 2 else { return nil }
        caseInsensitive = best.insensitive
        literals = best.alternatives.map { alternative in
            let bytes = Array(alternative.utf8)
            return best.insensitive ? bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } : bytes
        }
    }

    /// The alternatives of a group's body when every one is a plain literal.
    private static func literalAlternatives(_ body: [Unicode.Scalar], insensitive: Bool) -> (alternatives: [String], insensitive: Bool)? {
        var body = body[...]
        var insensitive = insensitive
        if body.starts(with: "?:".unicodeScalars) { body = body.dropFirst(2) }
        else if body.starts(with: "?i:".unicodeScalars) { body = body.dropFirst(3); insensitive = true }
        else if body.first == "?" { return nil }
        var alternatives: [String] = []
        var current = ""
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            switch c {
            case "|": alternatives.append(current); current = ""; i += 1
            case "\\":
                guard i + 1 < body.endIndex else { return nil }
                let e = body[i + 1]
                if e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
                current.unicodeScalars.append(e); i += 2
            case "(", ")", "[", "]", "{", "}", "?", "*", "+", ".", "^", "$": return nil
            default: current.unicodeScalars.append(c); i += 1
            }
        }
        alternatives.append(current)
        return (alternatives, insensitive)
    }

    /// Index of the `]` closing the class opened at `start`.
    private static func classEnd(_ p: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start + 1
        if i < p.count && p[i] == "^" { i += 1 }
        if i < p.count && p[i] == "]" { i += 1 }
        while i < p.count {
            if p[i] == "\\" { i += 2; continue }
            if p[i] == "[" { return nil }   // nested sets: not understood
            if p[i] == "]" { return i }
            i += 1
        }
        return nil
    }

    /// Index of the `)` closing the group opened at `start`.
    private static func groupEnd(_ p: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0
        var i = start
        while i < p.count {
            switch p[i] {
            case "\\": i += 2; continue
            case "[":
                guard let close = classEnd(p, from: i) else { return nil }
                i = close + 1; continue
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
            i += 1
        }
        return nil
    }
}
