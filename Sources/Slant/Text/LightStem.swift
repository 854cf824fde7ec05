/// A light inflectional stemmer for the word features of trained models, so that "claims",
/// "claimed" and "claiming" share one learned weight instead of three weights each fitted on
/// a third of the data.
///
/// It only strips English inflection and the adverb suffix, in two steps: first the plural or
/// third person (`-ies` → `-y`; `-es` after s, x, z, ch or sh; a final `-s`, not `-ss`, `-us`,
/// `-is`), then one of `-ied` → `-y`, `-ing`, `-ed`, `-ly`, only where a vowel remains, so
/// "meetings" and "meeting" both become "meet" but "spring" stays whole. The result is a
/// feature key, not a dictionary word ("voted" and "voting" both become "vot"); reports show
/// the word as written. A final silent e is kept, so "votes" ("vote") and "voted" ("vot") stay
/// apart: dropping it too cross-validated lower for the opinion model (0.776 against 0.781).
public enum LightStem {
    public static func of(_ word: String) -> String {
        derivational(plural(Array(word.utf8))).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    private static func ends(_ s: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard s.count >= n else { return false }
        return suffix.withUTF8Buffer { s[(s.count - n)...].elementsEqual($0) }
    }

    /// `-ies` → `-y`, `-es` after s, x, z, ch, sh, and a final `-s` (not `-ss`, `-us`, `-is`, `'s`).
    private static func plural(_ s: [UInt8]) -> [UInt8] {
        let n = s.count
        guard n >= 4 else { return s }
        if n >= 5, ends(s, "ies") { return Array(s[..<(n - 3)]) + [UInt8(ascii: "y")] }
        if n >= 5, ends(s, "sses") || ends(s, "xes") || ends(s, "zes") || ends(s, "ches") || ends(s, "shes") { return Array(s[..<(n - 2)]) }
        if ends(s, "s"), !(ends(s, "ss") || ends(s, "us") || ends(s, "is") || ends(s, "'s")) { return Array(s[..<(n - 1)]) }
        return s
    }

    /// `-ied` → `-y`, then `-ing`, `-ed` (not `-eed`), `-ly`, each leaving at least three
    /// letters with a vowel in what remains of the last hyphenated part ("left-wing" and
    /// "spring" stay whole).
    private static func derivational(_ s: [UInt8]) -> [UInt8] {
        let n = s.count
        func keeps(_ k: Int) -> Bool {
            let start = (s[..<(n - k)].lastIndex(of: UInt8(ascii: "-")) ?? -1) + 1
            return s[start..<(n - k)].contains { "aeiouy".utf8.contains($0) }
        }
        if n >= 5, ends(s, "ied") { return Array(s[..<(n - 3)]) + [UInt8(ascii: "y")] }
        if n >= 6, ends(s, "ing"), keeps(3) { return Array(s[..<(n - 3)]) }
        if n >= 5, ends(s, "ed"), !ends(s, "eed"), keeps(2) { return Array(s[..<(n - 2)]) }
        if n >= 6, ends(s, "ly"), keeps(2) { return Array(s[..<(n - 2)]) }
        return s
    }
}
