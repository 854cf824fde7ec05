/// Splits text into ``Token``s.
///
/// Words are Unicode-aware (letters, marks and digits of any script); an apostrophe (straight,
/// curly or modifier letter) between letters stays inside a word (`didn't`, `Johnson's`,
/// `o'clock`), as does a hyphen between letters or digits (`well-known`, `COVID-19`), a period
/// between single letters (`U.S.`, `p.m.`, with the final period), and `.`, `,` or `:`
/// between digits (`3.5`, `1,000`, `11:05`). Quote marks are always tokens of their own.
public enum Tokenizer {
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value | 0x20) >= 0x61 && (c.value | 0x20) <= 0x7A }
        return c.properties.isAlphabetic || c.properties.generalCategory == .nonspacingMark
            || c.properties.generalCategory == .spacingMark
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x30 && c.value <= 0x39 }
        return c.properties.generalCategory == .decimalNumber
    }

    static func isApostrophe(_ c: Unicode.Scalar) -> Bool {
        c == "'" || c == "\u{2019}" || c == "\u{02BC}"
    }

    static func isHyphen(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "\u{2010}" || c == "\u{2011}"
    }

    /// Quote marks that open, close or (straight) may do either.
    static func isQuoteMark(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "\u{201C}" || c == "\u{201D}" || c == "\u{201E}" || c == "\u{00AB}" || c == "\u{00BB}"
    }

    /// Unicode White_Space, with the ASCII answer (tab to carriage return, space) read
    /// without the property lookup, which profiles showed on every character.
    @inline(__always)
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value == 0x20 || (0x09...0x0D).contains(c.value)) : c.properties.isWhitespace
    }

    /// Tokens of `scalars[range]`.
    /// - Complexity: O(n) in the length of the range.
    public static func tokens(_ s: [Unicode.Scalar], in range: Range<Int>) -> [Token] {
        var out: [Token] = []
        // About one token per five or six characters of news text.
        out.reserveCapacity(range.count / 5 + 1)
        append(s, in: range, to: &out)
        return out
    }

    /// Appends the tokens of `s[range]` to `out` (what ``tokens(_:in:)`` returns).
    static func append(_ s: [Unicode.Scalar], in range: Range<Int>, to out: inout [Token]) {
        var i = range.lowerBound
        let end = range.upperBound
        func at(_ k: Int) -> Unicode.Scalar? { k < end && k >= range.lowerBound ? s[k] : nil }
        while i < end {
            let c = s[i]
            if isWhitespace(c) || c == "\u{00A0}" || c == "\u{200B}" || c == "\u{FEFF}" { i += 1; continue }
            if let urlEnd = urlEnd(s, i, end) {
                // A web address is one symbol token, not words.
                out.append(makeToken(s, i, urlEnd, kind: .symbol))
                i = urlEnd
                continue
            }
            if isLetter(c) || isDigit(c) {
                let startsWithDigit = isDigit(c)
                var j = i + 1
                var periods = false
                while j < end {
                    let d = s[j]
                    if isLetter(d) || isDigit(d) { j += 1; continue }
                    guard let next = at(j + 1) else { break }
                    if isApostrophe(d), isLetter(next), isLetter(s[j - 1]) { j += 1; continue }
                    if isHyphen(d), isLetter(next) || isDigit(next), isLetter(s[j - 1]) || isDigit(s[j - 1]) { j += 1; continue }
                    if (d == "." || d == "," || d == ":"), isDigit(next), isDigit(s[j - 1]) {
                        if d == "," {
                            // 1,000 but not "1,2" lists: require three digits after the comma.
                            var k = j + 1, digits = 0
                            while k < end, isDigit(s[k]) { digits += 1; k += 1 }
                            if digits != 3 { break }
                        }
                        j += 1; continue
                    }
                    if d == ".", isLetter(next), isLetter(s[j - 1]) {
                        // U.S., p.m., Ph.D.: segments of at most two letters between periods.
                        var segmentStart = j - 1
                        while segmentStart > i, isLetter(s[segmentStart - 1]) { segmentStart -= 1 }
                        var nextEnd = j + 1
                        while nextEnd < end, isLetter(s[nextEnd]) { nextEnd += 1 }
                        if j - segmentStart <= 2, nextEnd - (j + 1) <= 2 {
                            periods = true
                            j += 1; continue
                        }
                    }
                    break
                }
                if periods, j < end, s[j] == "." { j += 1 }
                out.append(makeToken(s, i, j, kind: startsWithDigit ? .number : .word))
                i = j
                continue
            }
            if isQuoteMark(c) || isApostrophe(c) || c == "\u{2018}" {
                out.append(makeToken(s, i, i + 1, kind: .punctuation))
                i += 1
                continue
            }
            let category = c.properties.generalCategory
            let isPunctuation: Bool
            switch category {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                isPunctuation = true
            default:
                isPunctuation = false
            }
            var j = i + 1
            if isPunctuation, isTerminal(c) {
                while j < end, isTerminal(s[j]) { j += 1 }
            } else {
                while j < end, s[j] == c, !isQuoteMark(c) { j += 1 }
            }
            out.append(makeToken(s, i, j, kind: isPunctuation ? .punctuation : .symbol))
            i = j
        }
    }

    /// The end of a web address (`http://`, `https://` or `www.`) starting at `i`, if one
    /// does: it runs to white space, a closing bracket or quote, less trailing punctuation.
    static func urlEnd(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> Int? {
        let c = s[i]
        guard c == "h" || c == "H" || c == "w" || c == "W" else { return nil }
        // "http…" and "www." both have a t or a w second ("he", "the", "which" do not).
        guard i + 1 < end, s[i + 1] == "t" || s[i + 1] == "T" || s[i + 1] == "w" || s[i + 1] == "W" else { return nil }
        func has(_ literal: String) -> Bool {
            var k = i
            for x in literal.unicodeScalars {
                guard k < end, s[k] == x || (s[k].value | 0x20) == x.value else { return false }
                k += 1
            }
            return true
        }
        guard has("http://") || has("https://") || has("www.") else { return nil }
        if i > 0, isLetter(s[i - 1]) || isDigit(s[i - 1]) { return nil }
        var j = i
        while j < end, !isWhitespace(s[j]), !")]>\"\u{201D}'".unicodeScalars.contains(s[j]) { j += 1 }
        while j > i, ".,;:!?".unicodeScalars.contains(s[j - 1]) { j -= 1 }
        return j > i + 4 ? j : nil
    }

    /// `text.hasSuffix(suffix)` for an ASCII `suffix` that does not start with a line feed,
    /// decided on bytes when an ASCII byte (or nothing) comes before it: then the suffix
    /// starts a grapheme (no ASCII character but CR joins what follows, and none joins what
    /// precedes), and an ASCII character equals only itself. Otherwise the Character test.
    static func hasASCIISuffix(_ text: String, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let decided: Bool?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.count >= n else { return false }
            let start = bytes.count - n
            for k in 0..<n where bytes[start + k] != suffix.utf8Start[k] { return false }
            if start == 0 || bytes[start - 1] < 0x80 { return true }
            return nil
        }
        if let decided, let answer = decided { return answer }
        return text.hasSuffix(suffix.description)
    }

    /// `.`, `?`, `!` and `…`: characters that may end a sentence.
    static func isTerminal(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "?" || c == "!" || c == "\u{2026}" || c == "\u{203D}"
    }

    static func makeToken(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, kind: Token.Kind) -> Token {
        var letters = 0, uppers = 0
        let text: String
        if s[start..<end].allSatisfy({ $0.value < 0x80 }) {
            // All ASCII (nearly every token): lower-case byte by byte into the string's storage.
            text = String(unsafeUninitializedCapacity: end - start) { buffer in
                for k in start..<end {
                    var v = UInt8(truncatingIfNeeded: s[k].value)
                    if v >= 0x41 && v <= 0x5A { letters += 1; uppers += 1; v |= 0x20 }
                    else if v >= 0x61 && v <= 0x7A { letters += 1 }
                    buffer[k - start] = v
                }
                return end - start
            }
        } else {
            text = normalise(s[start..<end], letters: &letters, uppers: &uppers)
        }
        var stem: String?
        if kind == .word {
            if hasASCIISuffix(text, "'s"), text.count > 2 { stem = String(text.dropLast(2)) }
            else if hasASCIISuffix(text, "'"), text.count > 1 { stem = String(text.dropLast()) }
        }
        return Token(
            kind: kind, start: start, end: end, norm: text, stem: stem,
            isCapitalized: s[start].value < 0x80 ? (s[start].value >= 0x41 && s[start].value <= 0x5A) : s[start].properties.isUppercase,
            isAllCaps: letters >= 2 && uppers == letters
        )
    }

    /// The normalised form of a token with non-ASCII characters, counting its letters and
    /// upper-case letters.
    private static func normalise(_ scalars: ArraySlice<Unicode.Scalar>, letters: inout Int, uppers: inout Int) -> String {
        var norm = String.UnicodeScalarView()
        for c in scalars {
            if c.value < 0x80 {
                // ASCII fast path: the same result as the general case below.
                let v = c.value
                if v >= 0x41 && v <= 0x5A {
                    letters += 1; uppers += 1
                    norm.append(Unicode.Scalar(v + 0x20)!)
                } else {
                    if v >= 0x61 && v <= 0x7A { letters += 1 }
                    norm.append(c)
                }
                continue
            }
            if isApostrophe(c) || c == "\u{2018}" { norm.append("'"); continue }
            if isHyphen(c) { norm.append("-"); continue }
            if c.properties.isAlphabetic {
                letters += 1
                if c.properties.isUppercase { uppers += 1 }
            }
            norm.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
        }
        return String(norm)
    }
}
