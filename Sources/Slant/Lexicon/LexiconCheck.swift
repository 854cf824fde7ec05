import Foundation

/// Helpers behind `slant lexicon check`.
public enum LexiconCheck {
    /// Reads and parses one TSV lexicon file.
    /// - Throws: ``SlantError`` with `file:line` for any problem.
    public static func parse(_ path: String) throws -> Lexicon {
        try Lexicon.parseTSV(try readText(path), origin: path)
    }

    /// Reads a text file as UTF-8.
    /// - Throws: ``SlantError`` `.missingInput` or `.badLexicon`.
    public static func readText(_ path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw SlantError(.missingInput, file: path, "no such file")
        }
        return try LexiconSet.readLexiconText(path)
    }

    /// Terms that are both event words and single-word loaded terms: the event list wins, so
    /// the loaded entry never fires. Reported so a linguist can resolve it.
    public static func overlaps(_ set: LexiconSet) -> [String] {
        let events = Set(set.eventWords.entries.map(\.key))
        return set.loaded.entries.filter { !$0.key.contains(" ") && events.contains($0.key) }.map {
            "\(set.loaded.origin):\($0.line): '\($0.term)' is also an event word, so it is never counted as loaded"
        }
    }
}
