#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Necessary conditions for a regular expression to match, read off the pattern, so that a
/// text that fails them is never handed to the (slow) regular-expression engine.
///
/// Two conditions, both read conservatively from the pattern's top level; any construct the
/// reader does not understand yields no condition, so the pattern simply runs:
/// - **literals**: for each group that must occur at least once and whose every alternative
///   holds a literal run (`(photo|image)`, `(getty images|reuters/[a-z]+)`), and for each run
///   of literal characters (`By`), one of its strings must occur in the text;
/// - **leading**: for a pattern anchored with `^`, the ASCII characters allowed at each of the
///   first few positions (`^[A-Z][A-Z .,'-]{2,40}` allows an upper-case letter, then one of
///   those characters).
///
/// Case-insensitive patterns (`(?i)`) compare ASCII case-folded; a text with a non-ASCII
/// character that case folding changes (ICU folds "ſ" to "s" and the Kelvin sign to "k")
/// skips the literal test, and the leading test stops at the first non-ASCII character.
struct PatternPrefilter: Equatable {
    static func == (a: PatternPrefilter, b: PatternPrefilter) -> Bool {
        a.required == b.required && a.leading == b.leading
    }

    /// Strings of which one must occur (UTF-8; ASCII-lower-cased when `insensitive`).
    struct LiteralCondition: Equatable {
        var alternatives: [[UInt8]]
        var insensitive: Bool

        init(_ alternatives: [String], insensitive: Bool) {
            self.alternatives = alternatives.map { Array($0.utf8).map { insensitive ? PatternPrefilter.lower($0) : $0 } }
            self.insensitive = insensitive
        }
    }

    /// Every literal condition read off the pattern, each necessary on its own; tested fewest
    /// alternatives first (`^[A-Z][A-Za-z .,'-]{1,40}\((?i:ap|…)\)` needs "(" as well as one of
    /// the agencies, and "(" is the rarer).
    private(set) var required: [LiteralCondition] = []
    /// Allowed ASCII bytes at positions 0, 1, … of an anchored pattern.
    private(set) var leading: [Set<UInt8>] = []
    /// `leading` as bitmaps, for the test on every paragraph.
    private var leadingBits: [ByteSet] = []

    private struct ByteSet {
        var low: UInt64 = 0, high: UInt64 = 0
        init(_ set: Set<UInt8>) {
            for b in set where b < 0x80 {
                if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
            }
        }
        func contains(_ b: UInt8) -> Bool {
            b < 64 ? low & (1 << UInt64(b)) != 0 : high & (1 << UInt64(b &- 64)) != 0
        }
    }

    /// The text the conditions are tested against, prepared once per paragraph.
    struct Text {
        var bytes: [UInt8]
        var lowered: [UInt8]
        /// False when a non-ASCII character changes under case folding.
        var foldsLikeASCII: Bool

        /// Which adjacent byte pairs occur (hashed into 4,096 bits), in `bytes` and in
        /// `lowered`: a literal with a pair that does not occur is not searched for.
        var pairs: [UInt64]
        var loweredPairs: [UInt64]

        init(_ string: String) {
            let bytes = Array(string.utf8)
            let n = bytes.count
            var lowered = [UInt8](repeating: 0, count: n)
            var pairs = [UInt64](repeating: 0, count: 64)
            var loweredPairs = [UInt64](repeating: 0, count: 64)
            var ascii = true
            // One pass over unchecked buffers: this runs on every paragraph.
            bytes.withUnsafeBufferPointer { b in
                lowered.withUnsafeMutableBufferPointer { l in
                    pairs.withUnsafeMutableBufferPointer { p in
                        loweredPairs.withUnsafeMutableBufferPointer { lp in
                            for k in 0..<n {
                                let byte = b[k]
                                if byte >= 0x80 { ascii = false }
                                l[k] = PatternPrefilter.lower(byte)
                                guard k > 0 else { continue }
                                let raw = Self.pairIndex(b[k - 1], byte), low = Self.pairIndex(l[k - 1], l[k])
                                p[raw >> 6] |= 1 << UInt64(raw & 63)
                                lp[low >> 6] |= 1 << UInt64(low & 63)
                            }
                        }
                    }
                }
            }
            self.bytes = bytes
            self.lowered = lowered
            self.pairs = pairs
            self.loweredPairs = loweredPairs
            foldsLikeASCII = ascii
                || !string.unicodeScalars.contains(where: { !$0.isASCII && $0.properties.changesWhenCaseFolded })
        }

        static func pairIndex(_ a: UInt8, _ b: UInt8) -> Int { (Int(a) &* 31 &+ Int(b)) & 4095 }

        /// False only when some adjacent pair of `needle` occurs nowhere in the text.
        static func mayHold(_ needle: [UInt8], _ set: [UInt64]) -> Bool {
            guard needle.count > 1 else { return true }
            for k in 1..<needle.count {
                let p = pairIndex(needle[k - 1], needle[k])
                if set[p >> 6] & (1 << UInt64(p & 63)) == 0 { return false }
            }
            return true
        }
    }

    func allows(_ text: Text) -> Bool {
        for (k, allowed) in leadingBits.enumerated() {
            guard k < text.bytes.count, text.bytes[k] < 0x80 else { break }
            if !allowed.contains(text.bytes[k]) { return false }
        }
        for condition in required {
            if condition.insensitive && !text.foldsLikeASCII { continue }
            let haystack = condition.insensitive ? text.lowered : text.bytes
            let pairs = condition.insensitive ? text.loweredPairs : text.pairs
            if !condition.alternatives.contains(where: { Text.mayHold($0, pairs) && Self.occurs($0, in: haystack) }) { return false }
        }
        return true
    }

    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    private static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        // memchr finds each candidate start; then the rest is compared.
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                guard let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                let first = Int32(needle[0])
                var at = 0
                let last = h.count - n.count
                let second = n.count > 1 ? n[1] : 0
                while at <= last, let found = memchr(hb + at, first, last - at + 1) {
                    let offset = hb.distance(to: UnsafeRawPointer(found))
                    // Most candidates fail at the second byte: test it before calling memcmp.
                    if n.count == 1 || (h[offset + 1] == second && memcmp(hb + offset, nb, n.count) == 0) { return true }
                    at = offset + 1
                }
                return false
            }
        }
    }

    init(required: [LiteralCondition] = [], leading: [Set<UInt8>] = []) {
        self.required = required
        self.leading = leading
        leadingBits = leading.map(ByteSet.init)
    }

    // MARK: Reading a pattern

    /// One element of a pattern and its quantifier.
    private struct Element {
        enum Kind {
            case literal(Unicode.Scalar)
            /// A single character from a set of ASCII bytes (plus, possibly, non-ASCII ones).
            case set(Set<UInt8>)
            /// A single character the reader does not constrain (`.`, `\w`, a negated class).
            case anyOne
            /// Zero-width or unknown width (`^`, `$`, `\b`).
            case zeroWidth
            case group([Unicode.Scalar], insensitive: Bool)
        }
        var kind: Kind
        var minimum = 1
        var exactlyOnce = true
    }

    /// Reads the conditions off `pattern`; a pattern the reader does not understand gets none.
    init(pattern: String) {
        var p = Array(pattern.unicodeScalars)[...]
        var insensitive = false
        if p.starts(with: "(?i)".unicodeScalars) { insensitive = true; p = p.dropFirst(4) }
        guard let elements = Self.elements(p, insensitive: insensitive) else { self.init(); return }
        self.init()
        // Fewest alternatives first, in pattern order among equals.
        required = Self.requiredLiterals(elements, insensitive: insensitive).enumerated()
            .sorted { ($0.element.alternatives.count, $0.offset) < ($1.element.alternatives.count, $1.offset) }
            .map { LiteralCondition($0.element.alternatives, insensitive: $0.element.insensitive) }
        if case .zeroWidth = elements.first?.kind, p.first == "^" {
            leading = Self.leadingSets(elements.dropFirst(), insensitive: insensitive)
            leadingBits = leading.map(ByteSet.init)
        }
    }

    /// Splits a pattern into top-level elements; nil for anything not understood.
    private static func elements(_ p: ArraySlice<Unicode.Scalar>, insensitive: Bool) -> [Element]? {
        var out: [Element] = []
        var i = p.startIndex
        while i < p.endIndex {
            let c = p[i]
            var kind: Element.Kind
            switch c {
            case "\\":
                guard i + 1 < p.endIndex else { return nil }
                kind = escape(p[i + 1])
                i += 2
            case "[":
                guard let close = classEnd(p, from: i) else { return nil }
                kind = classSet(p[(i + 1)..<close], insensitive: insensitive).map(Element.Kind.set) ?? .anyOne
                i = close + 1
            case "(":
                guard let close = groupEnd(p, from: i) else { return nil }
                var body = p[(i + 1)..<close]
                var groupInsensitive = insensitive
                if body.starts(with: "?:".unicodeScalars) { body = body.dropFirst(2) }
                else if body.starts(with: "?i:".unicodeScalars) { body = body.dropFirst(3); groupInsensitive = true }
                // Flags and look-arounds ("(?x)", "(?=…)") are not understood; a flag group
                // could change how everything after it matches.
                else if body.first == "?" { return nil }
                kind = .group(Array(body), insensitive: groupInsensitive)
                i = close + 1
            case "|": return nil   // a top-level alternative: nothing is required
            case ")", "]", "{", "}", "?", "*", "+": return nil
            case "^", "$": kind = .zeroWidth; i += 1
            case ".": kind = .anyOne; i += 1
            default: kind = .literal(c); i += 1
            }
            var element = Element(kind: kind)
            if i < p.endIndex {
                switch p[i] {
                case "?", "*": element.minimum = 0; element.exactlyOnce = false; i += 1
                case "+": element.exactlyOnce = false; i += 1
                case "{":
                    guard let close = p[i...].firstIndex(of: "}") else { return nil }
                    let parts = String(String.UnicodeScalarView(p[(i + 1)..<close])).split(separator: ",", omittingEmptySubsequences: false)
                    guard let m = Int(parts.first ?? ""), parts.count <= 2 else { return nil }
                    element.minimum = m
                    element.exactlyOnce = parts.count == 1 && m == 1
                    i = close + 1
                default: break
                }
                if !element.exactlyOnce && i < p.endIndex && (p[i] == "?" || p[i] == "+") { i += 1 }
            }
            out.append(element)
        }
        return out
    }

    private static func escape(_ e: Unicode.Scalar) -> Element.Kind {
        if e == "d" { return .set(Set(0x30...0x39)) }
        if e == "b" || e == "B" || e == "A" || e == "z" || e == "Z" || e == "G" { return .zeroWidth }
        // Other escaped letters and digits are classes (\w, \s, \p…) or back-references;
        // escaped punctuation is itself.
        if e.properties.isAlphabetic || e.properties.numericType != nil { return e.isASCII ? .anyOne : .zeroWidth }
        return .literal(e)
    }

    /// The ASCII members of a simple class body (`A-Za-z .,'-`); nil for a negated class or
    /// one with escapes for classes.
    private static func classSet(_ body: ArraySlice<Unicode.Scalar>, insensitive: Bool) -> Set<UInt8>? {
        var body = Array(body)
        if body.first == "^" { return nil }
        var members = Set<UInt8>()
        var i = 0
        var items: [Unicode.Scalar] = []
        while i < body.count {
            if body[i] == "\\" {
                guard i + 1 < body.count else { return nil }
                let e = body[i + 1]
                if e.properties.isAlphabetic || e.properties.numericType != nil { return nil }
                items.append(e); i += 2
                continue
            }
            if body[i] == "-", i > 0, i + 1 < body.count, let low = items.last {
                let high = body[i + 1]
                guard high != "\\", low.value <= high.value else { return nil }
                items.removeLast()
                for v in low.value...high.value where v < 0x80 { members.insert(UInt8(v)) }
                i += 2
                continue
            }
            items.append(body[i]); i += 1
        }
        body = items
        for c in body where c.isASCII { members.insert(UInt8(c.value)) }
        return insensitive ? members.union(members.map(lower)).union(members.map(upper)) : members
    }

    static func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b & ~0x20 : b }

    /// The literal conditions: runs of literal characters that each occur exactly once, and
    /// groups required at least once whose every alternative holds one.
    private static func requiredLiterals(_ elements: [Element], insensitive: Bool) -> [(alternatives: [String], insensitive: Bool)] {
        var candidates: [(alternatives: [String], insensitive: Bool)] = []
        var run = ""
        func endRun() { if !run.isEmpty { candidates.append(([run], insensitive)) }; run = "" }
        for element in elements {
            if case .literal(let c) = element.kind, element.exactlyOnce { run.unicodeScalars.append(c); continue }
            endRun()
            guard element.minimum >= 1 else { continue }
            switch element.kind {
            case .literal(let c): candidates.append(([String(c)], insensitive))
            case .group(let body, let groupInsensitive):
                // A group keeps its own case rule ("(?i:reuters|ap)" in a case-sensitive pattern).
                guard let alternatives = alternativeRuns(body, insensitive: groupInsensitive) else { continue }
                candidates.append((alternatives, groupInsensitive))
            default: continue
            }
        }
        endRun()
        return candidates.filter { candidate in
            candidate.alternatives.allSatisfy { literal in
                !literal.isEmpty && (!candidate.insensitive || literal.unicodeScalars.allSatisfy { $0.isASCII || !$0.properties.changesWhenCaseFolded })
            }
        }
    }

    /// For each alternative of a group body, its longest literal run; nil when one has none.
    private static func alternativeRuns(_ body: [Unicode.Scalar], insensitive: Bool) -> [String]? {
        var out: [String] = []
        for alternative in splitAlternatives(body[...]) {
            guard let elements = elements(alternative, insensitive: insensitive) else { return nil }
            var best = "", run = ""
            for element in elements {
                if case .literal(let c) = element.kind, element.exactlyOnce {
                    run.unicodeScalars.append(c)
                } else {
                    if run.utf8.count > best.utf8.count { best = run }
                    run = ""
                    // A literal required more than once still starts with one occurrence.
                    if case .literal(let c) = element.kind, element.minimum >= 1 { run = String(c) }
                }
            }
            if run.utf8.count > best.utf8.count { best = run }
            if best.isEmpty { return nil }
            out.append(best)
        }
        return out
    }

    /// A group body split at its top-level `|`.
    private static func splitAlternatives(_ body: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var parts: [ArraySlice<Unicode.Scalar>] = []
        var depth = 0, start = body.startIndex, i = body.startIndex
        while i < body.endIndex {
            switch body[i] {
            case "\\": i += 1
            case "[": if let close = classEnd(body, from: i) { i = close }
            case "(": depth += 1
            case ")": depth -= 1
            case "|" where depth == 0: parts.append(body[start..<i]); start = i + 1
            default: break
            }
            i += 1
        }
        parts.append(body[start..<body.endIndex])
        return parts
    }

    /// Allowed ASCII bytes at the first positions: one set per leading single-character
    /// element, stopping at the first element whose width is not exactly one.
    private static func leadingSets(_ elements: ArraySlice<Element>, insensitive: Bool) -> [Set<UInt8>] {
        var out: [Set<UInt8>] = []
        for element in elements {
            guard element.minimum >= 1 else { break }
            switch element.kind {
            case .literal(let c):
                guard c.isASCII else { return out }
                let b = UInt8(c.value)
                // An element repeated at least m times fills the next m positions.
                for _ in 0..<min(element.minimum, 8) { out.append(insensitive ? [b, lower(b), upper(b)] : [b]) }
            case .set(let members):
                for _ in 0..<min(element.minimum, 8) { out.append(members) }
            case .group(let body, let groupInsensitive):
                // A group of literal alternatives: the characters its alternatives allow at each
                // position, while every alternative is that long.
                let alternatives = splitAlternatives(body[...]).map { literalPrefix($0) }
                guard let shortest = alternatives.map(\.count).min(), shortest > 0 else { return out }
                for k in 0..<shortest {
                    var allowed = Set<UInt8>()
                    for alternative in alternatives {
                        let c = alternative[k]
                        guard c.isASCII else { continue }   // non-ASCII: only non-ASCII text passes
                        let b = UInt8(c.value)
                        allowed.formUnion(groupInsensitive ? [b, lower(b), upper(b)] : [b])
                    }
                    out.append(allowed)
                }
                return out
            default: return out
            }
            if !element.exactlyOnce { return out }
        }
        return out
    }

    /// The literal characters an alternative starts with, up to its first other construct
    /// (or a literal that has a quantifier).
    private static func literalPrefix(_ alternative: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = alternative.startIndex
        while i < alternative.endIndex {
            var c = alternative[i]
            var width = 1
            if c == "\\" {
                guard i + 1 < alternative.endIndex else { break }
                c = alternative[i + 1]
                if c.properties.isAlphabetic || c.properties.numericType != nil { break }
                width = 2
            } else if "()[]{}?*+.^$|".unicodeScalars.contains(c) {
                break
            }
            let next = i + width
            if next < alternative.endIndex, "?*+{".unicodeScalars.contains(alternative[next]) { break }
            out.append(c)
            i = next
        }
        return out
    }

    /// Index of the `]` closing the class opened at `start`.
    private static func classEnd(_ p: ArraySlice<Unicode.Scalar>, from start: Int) -> Int? {
        var i = start + 1
        if i < p.endIndex && p[i] == "^" { i += 1 }
        if i < p.endIndex && p[i] == "]" { i += 1 }
        while i < p.endIndex {
            if p[i] == "\\" { i += 2; continue }
            if p[i] == "[" { return nil }   // nested sets: not understood
            if p[i] == "]" { return i }
            i += 1
        }
        return nil
    }

    /// Index of the `)` closing the group opened at `start`.
    private static func groupEnd(_ p: ArraySlice<Unicode.Scalar>, from start: Int) -> Int? {
        var depth = 0
        var i = start
        while i < p.endIndex {
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
