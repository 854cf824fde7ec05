import Foundation

/// An input decoded to text, with what was repaired on the way.
public struct InputText: Sendable, Equatable {
    /// How to read the bytes.
    public enum Format: String, Sendable, CaseIterable {
        /// Plain text or Markdown.
        case text
        /// HTML, reduced to its paragraphs.
        case html

        /// `.html` for `.html`/`.htm` file names, otherwise `.text`.
        public static func guess(fromName name: String) -> Format {
            let lower = name.lowercased()
            return lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .text
        }
    }

    /// The name the input is reported under (a path, or `-` for standard input).
    public var source: String
    /// The text that offsets count in: a leading byte-order mark removed, invalid UTF-8
    /// replaced by U+FFFD, and for HTML the extracted paragraphs. Line ends are kept as they
    /// were (CR LF stays two scalars), so offsets match the file for text input.
    public var text: String
    /// Human-readable notes on repairs, e.g. invalid UTF-8 at a byte offset.
    public var warnings: [String]
    /// SHA-256 of the raw bytes.
    public var sha256: String

    /// Decodes raw bytes.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - source: the name for messages.
    ///   - format: `.text` or `.html`.
    /// - Throws: ``SlantError`` `.badInput` when the bytes contain NUL (a binary file).
    /// - Complexity: O(n) in the number of bytes.
    public init(bytes: [UInt8], source: String, format: Format = .text) throws {
        self.source = source
        self.sha256 = SHA256.hex(bytes)
        if let nul = bytes.firstIndex(of: 0) { throw SlantError(.badInput, file: source, Self.binaryData(nulAt: nul)) }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let (decoded, invalid) = InputText.decodeUTF8(bytes[start...])
        var warnings: [String] = []
        if !invalid.isEmpty {
            let shown = invalid.prefix(5).map(String.init).joined(separator: ", ")
            let more = invalid.count > 5 ? " and \(invalid.count - 5) more" : ""
            warnings.append("invalid UTF-8 at byte offset \(shown)\(more) replaced with U+FFFD")
        }
        self.text = format == .html ? HTMLText.paragraphs(of: decoded) : decoded
        self.warnings = warnings
    }

    /// Why text with a NUL byte is refused (binary data), for files and corpus records alike.
    static func binaryData(nulAt offset: Int) -> String {
        "binary data (NUL byte at offset \(offset)); Slant reads UTF-8 text, Markdown or HTML"
    }

    /// Reads a file, or standard input for `-`.
    /// - Throws: ``SlantError`` `.missingInput` for a file that does not exist or is a
    ///   directory, `.io` when reading fails, `.badInput` for binary data.
    public static func read(path: String, format: Format? = nil) throws -> InputText {
        let chosen = format ?? Format.guess(fromName: path)
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try InputText(bytes: Array(data), source: "-", format: chosen)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SlantError(.missingInput, file: path, "no such file")
        }
        guard !isDirectory.boolValue else {
            throw SlantError(.missingInput, file: path, "is a directory; give the article files inside it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SlantError(.io, file: path, "cannot read file (check its permissions)")
        }
        return try InputText(bytes: Array(data), source: path, format: chosen)
    }

    /// Decodes UTF-8, replacing each maximal invalid subsequence with U+FFFD.
    /// - Returns: the text and the byte offsets (relative to the slice start) of each repair.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> (String, [Int]) {
        // Valid UTF-8 (nearly every input) is taken as it is; the scalar loop below only
        // runs to repair invalid input.
        if let valid = String(validating: bytes, as: UTF8.self) { return (valid, []) }
        var scalars = String.UnicodeScalarView()
        var invalid: [Int] = []
        let base = bytes.startIndex
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { scalars.append(Unicode.Scalar(b0)); i += 1; continue }
            var need = 0
            var value: UInt32 = 0
            var minimum: UInt32 = 0
            switch b0 {
            case 0xC2...0xDF: need = 1; value = UInt32(b0 & 0x1F); minimum = 0x80
            case 0xE0...0xEF: need = 2; value = UInt32(b0 & 0x0F); minimum = 0x800
            case 0xF0...0xF4: need = 3; value = UInt32(b0 & 0x07); minimum = 0x10000
            default: need = -1
            }
            var ok = need > 0 && i + need < end
            if ok {
                for k in 1...need {
                    let b = bytes[i + k]
                    if b & 0xC0 != 0x80 { ok = false; break }
                    value = value << 6 | UInt32(b & 0x3F)
                }
            }
            if ok, value >= minimum, let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
                i += need + 1
            } else {
                invalid.append(i - base)
                scalars.append("\u{FFFD}")
                i += 1
                while i < end, bytes[i] & 0xC0 == 0x80 { i += 1 }
            }
        }
        return (String(scalars), invalid)
    }
}
