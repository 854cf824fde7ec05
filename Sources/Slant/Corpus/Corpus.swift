import Foundation

/// One document of a corpus: its id, text, and every other field kept as metadata.
public struct CorpusDocument: Sendable, Equatable {
    public var id: String
    public var text: String
    /// Fields other than the text and id (JSON values are kept as their JSON text, strings
    /// unquoted), in the order they appear.
    public var metadata: [String: String]
    /// Where it came from: a path, or `FILE:LINE` for JSON Lines and CSV.
    public var location: String
    /// How the text is to be read.
    public var format: InputText.Format
}

extension CorpusDocument {
    /// The document as scorer input. Readers skip text with a NUL byte, the one thing
    /// ``InputText`` refuses; a document built by hand with one is scored as empty.
    var scorerInput: InputText {
        (try? InputText(bytes: Array(text.utf8), source: id, format: format)) ?? (try! InputText(bytes: [], source: id))
    }
}

/// A document that could not be read, reported by place and reason.
public struct SkippedDocument: Sendable, Equatable {
    public var location: String
    public var id: String?
    public var reason: String
}

/// Where a corpus comes from and how its records are laid out.
public struct CorpusSpec: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// A directory of `.txt`, `.md` and `.html` files, read recursively in path order.
        case directory
        /// JSON Lines: one object per line.
        case jsonLines
        /// CSV with a header row (RFC 4180 quoting).
        case csv
    }

    public var path: String
    public var kind: Kind
    /// JSON Lines field or CSV column holding the text (default `text`).
    public var textField: String
    /// JSON Lines field or CSV column holding the id (default `id`); without it, ids are
    /// line or row numbers.
    public var idField: String

    public init(path: String, kind: Kind? = nil, textField: String = "text", idField: String = "id") throws {
        self.path = path
        self.textField = textField
        self.idField = idField
        if let kind {
            self.kind = kind
            return
        }
        if path == "-" {
            self.kind = .jsonLines
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SlantError(.missingInput, file: path, "no such file or directory")
        }
        let lower = path.lowercased()
        if isDirectory.boolValue {
            self.kind = .directory
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") {
            self.kind = .jsonLines
        } else if lower.hasSuffix(".csv") {
            self.kind = .csv
        } else {
            throw SlantError(.usage, file: path,
                             "cannot tell the corpus format: give a directory, a .jsonl or .csv file, or '-' for JSON Lines on standard input")
        }
    }

    /// A short name for reports: the path's last component without extension, or `stdin`.
    public var label: String {
        if path == "-" { return "stdin" }
        let last = (path as NSString).lastPathComponent
        return kind == .directory ? last : (last as NSString).deletingPathExtension
    }
}

/// Reads a corpus as a stream of batches, so memory is bounded by the batch, not the corpus.
public struct CorpusReader: Sendable {
    public let spec: CorpusSpec
    /// Stop at the first unreadable document instead of skipping it.
    public var strict: Bool

    /// Called now and then with the share of the input read so far (bytes of a file, or
    /// files of a directory), for progress bars; nil when the size is unknown (stdin).
    public var onProgress: (@Sendable (Double) -> Void)?

    public init(_ spec: CorpusSpec, strict: Bool = false, onProgress: (@Sendable (Double) -> Void)? = nil) {
        self.spec = spec
        self.strict = strict
        self.onProgress = onProgress
    }

    /// Calls `body` with successive batches of at most `batchSize` documents, in corpus order.
    /// - Parameter skipped: called for each document that cannot be read (never with
    ///   `strict`, which throws instead).
    /// - Throws: ``SlantError`` for a corpus that cannot be opened, a CSV without the text
    ///   column, or (with `strict`) the first unreadable document; and what `body` throws.
    public func read(batchSize: Int = 256,
                     skipped: (SkippedDocument) -> Void,
                     _ body: ([CorpusDocument]) throws -> Void) throws {
        var batch: [CorpusDocument] = []
        batch.reserveCapacity(batchSize)
        let emit: (CorpusDocument) throws -> Void = { document in
            batch.append(document)
            if batch.count >= batchSize {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        let skip: (SkippedDocument) throws -> Void = { document in
            if strict {
                throw SlantError(.badInput, file: document.location, document.reason + " (--strict stops at the first unreadable document)")
            }
            skipped(document)
        }
        switch spec.kind {
        case .directory: try readDirectory(emit, skip)
        case .jsonLines: try readJSONLines(emit, skip)
        case .csv: try readCSV(emit, skip)
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// Reads every document into memory (for small corpora and tests).
    public func readAll() throws -> (documents: [CorpusDocument], skipped: [SkippedDocument]) {
        var documents: [CorpusDocument] = []
        var skippedDocuments: [SkippedDocument] = []
        try read(skipped: { skippedDocuments.append($0) }) { documents += $0 }
        return (documents, skippedDocuments)
    }

    // MARK: Directory

    static let directoryExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    private func readDirectory(_ emit: (CorpusDocument) throws -> Void, _ skip: (SkippedDocument) throws -> Void) throws {
        let root = URL(fileURLWithPath: spec.path)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw SlantError(.io, file: spec.path, "cannot list the directory")
        }
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard Self.directoryExtensions.contains(url.pathExtension.lowercased()) else { continue }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                paths.append(url.path)
            }
        }
        paths.sort()
        let prefix = root.standardizedFileURL.path + "/"
        for (index, path) in paths.enumerated() {
            if index % 64 == 0 { onProgress?(Double(index) / Double(max(paths.count, 1))) }
            let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
            let id = standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : path
            do {
                let input = try InputText.read(path: path)
                try emit(CorpusDocument(id: id, text: input.text, metadata: [:], location: path,
                                        format: .text))
            } catch let error as SlantError {
                try skip(SkippedDocument(location: path, id: id, reason: error.message))
            }
        }
    }

    // MARK: JSON Lines

    private func readJSONLines(_ emit: (CorpusDocument) throws -> Void, _ skip: (SkippedDocument) throws -> Void) throws {
        let name = spec.path == "-" ? "-" : spec.path
        let handle: FileHandle
        if spec.path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: spec.path) else {
                throw SlantError(.missingInput, file: spec.path, "cannot open the corpus file")
            }
            handle = h
        }
        defer { if spec.path != "-" { try? handle.close() } }
        var lineNumber = 0
        let size = spec.path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: spec.path)[.size] as? Int) ?? nil
        var consumed = 0
        // Lines are parsed in blocks on all cores (JSON parsing is most of reading), and their
        // documents and skips handed on in line order, as one line at a time would.
        var block: [(number: Int, bytes: ArraySlice<UInt8>)] = []
        func flush() throws {
            let parsed = Parallel.map(block) { line in parseJSONLine(line.bytes, number: line.number, name: name) }
            block.removeAll(keepingCapacity: true)
            for result in parsed {
                switch result {
                case .document(let document): try emit(document)
                case .skipped(let document): try skip(document)
                case .blank: break
                }
            }
        }
        try LineReader.forEachLine(handle) { bytes in
            lineNumber += 1
            consumed += bytes.count + 1
            if let size, size > 0, lineNumber % 256 == 0 { onProgress?(min(1, Double(consumed) / Double(size))) }
            block.append((lineNumber, ArraySlice(bytes)))
            if block.count >= 256 { try flush() }
        }
        try flush()
    }

    private enum ParsedLine {
        case document(CorpusDocument)
        case skipped(SkippedDocument)
        case blank
    }

    private func parseJSONLine(_ bytes: ArraySlice<UInt8>, number lineNumber: Int, name: String) -> ParsedLine {
        let location = "\(name):\(lineNumber)"
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .skipped(SkippedDocument(location: location, id: nil, reason: "line \(lineNumber) is not valid JSON"))
        }
        guard let record = object as? [String: Any] else {
            return .skipped(SkippedDocument(location: location, id: nil, reason: "line \(lineNumber) is not a JSON object"))
        }
        let id = record[spec.idField].map(Self.stringValue) ?? "line \(lineNumber)"
        guard let textValue = record[spec.textField] else {
            return .skipped(SkippedDocument(location: location, id: id, reason: "no '\(spec.textField)' field (choose one with --text-field)"))
        }
        guard let text = textValue as? String else {
            return .skipped(SkippedDocument(location: location, id: id, reason: "field '\(spec.textField)' is not a string"))
        }
        if let reason = Self.binaryText(text, field: spec.textField) {
            return .skipped(SkippedDocument(location: location, id: id, reason: reason))
        }
        var metadata: [String: String] = [:]
        for (key, value) in record where key != spec.textField && key != spec.idField {
            metadata[key] = Self.stringValue(value)
        }
        return .document(CorpusDocument(id: id, text: text, metadata: metadata, location: location, format: .text))
    }

    /// Why a record's text cannot be scored (it holds a NUL byte, as binary files do), or nil.
    static func binaryText(_ text: String, field: String) -> String? {
        guard let nul = text.utf8.firstIndex(of: 0) else { return nil }
        return "field '\(field)' holds " + InputText.binaryData(nulAt: text.utf8.distance(from: text.utf8.startIndex, to: nul))
    }

    /// A JSON value as metadata text: strings as they are, everything else as JSON.
    static func stringValue(_ value: Any) -> String {
        switch value {
        case let s as String: return s
        case is NSNull: return "null"
        case let n as NSNumber:
            // JSON booleans arrive as a boolean NSNumber subclass.
            if String(describing: type(of: n)).contains("Boolean") { return n.boolValue ? "true" : "false" }
            if n.doubleValue == n.doubleValue.rounded(), abs(n.doubleValue) < 1e15 { return String(Int64(n.doubleValue)) }
            return "\(n.doubleValue)"
        default:
            if JSONSerialization.isValidJSONObject(value),
               let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
                return String(decoding: data, as: UTF8.self)
            }
            return "\(value)"
        }
    }

    // MARK: CSV

    private func readCSV(_ emit: (CorpusDocument) throws -> Void, _ skip: (SkippedDocument) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: spec.path) else {
            throw SlantError(.missingInput, file: spec.path, "cannot open the corpus file")
        }
        defer { try? handle.close() }
        var header: [String]?
        var textIndex = 0
        var idIndex: Int?
        try CSVReader.forEachRecord(handle) { fields, row, line in
            guard let columns = header else {
                let names = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                guard let t = names.firstIndex(of: spec.textField) else {
                    throw SlantError(.badInput, file: spec.path, line: line,
                                     "the header has no '\(spec.textField)' column (columns: \(names.joined(separator: ", "))); choose one with --text-column")
                }
                header = names
                textIndex = t
                idIndex = names.firstIndex(of: spec.idField)
                return
            }
            let location = "\(spec.path):\(line)"
            if fields.count == 1 && fields[0].isEmpty { return }
            guard fields.count == columns.count else {
                try skip(SkippedDocument(location: location, id: nil,
                                         reason: "row \(row) has \(fields.count) fields, the header has \(columns.count)"))
                return
            }
            let id = idIndex.map { fields[$0] } ?? "row \(row)"
            if let reason = Self.binaryText(fields[textIndex], field: spec.textField) {
                try skip(SkippedDocument(location: location, id: id, reason: reason))
                return
            }
            var metadata: [String: String] = [:]
            for (k, name) in columns.enumerated() where k != textIndex && k != idIndex { metadata[name] = fields[k] }
            try emit(CorpusDocument(id: id, text: fields[textIndex], metadata: metadata, location: location, format: .text))
        }
        if header == nil {
            throw SlantError(.badInput, file: spec.path, "the CSV file is empty: it needs a header row with a '\(spec.textField)' column")
        }
    }
}

/// Splits a byte stream into lines (LF, with a trailing CR removed) without loading it whole.
enum LineReader {
    static func forEachLine(_ handle: FileHandle, chunkSize: Int = 1 << 20, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var pending: [UInt8] = []
        while true {
            let data = handle.readData(ofLength: chunkSize)
            if data.isEmpty { break }
            pending.append(contentsOf: data)
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, pending[end - 1] == 0x0D { end -= 1 }
                try body(pending[start..<end])
                start = newline + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty {
            var end = pending.count
            if pending[end - 1] == 0x0D { end -= 1 }
            try body(pending[0..<end])
        }
    }
}

/// A streaming RFC 4180 CSV parser: comma-separated, double-quoted fields may hold commas,
/// quotes (doubled) and line breaks.
enum CSVReader {
    /// Calls `body(fields, recordNumber, firstLineNumber)` for each record; record 0 is the header.
    static func forEachRecord(_ handle: FileHandle, chunkSize: Int = 1 << 20,
                              _ body: ([String], Int, Int) throws -> Void) throws {
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quotePending = false
        var record = 0
        var line = 1
        var recordLine = 1
        var sawAnything = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() throws {
            endField()
            try body(fields, record, recordLine)
            fields.removeAll(keepingCapacity: true)
            record += 1
            recordLine = line
        }
        while true {
            let data = handle.readData(ofLength: chunkSize)
            if data.isEmpty { break }
            for byte in data {
                sawAnything = true
                if inQuotes {
                    if quotePending {
                        quotePending = false
                        if byte == 0x22 { field.append(0x22); continue }
                        inQuotes = false
                        // fall through to the unquoted handling of this byte
                    } else if byte == 0x22 {
                        quotePending = true
                        continue
                    } else {
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                        continue
                    }
                }
                switch byte {
                case 0x22 where field.isEmpty:
                    inQuotes = true
                case 0x2C:
                    endField()
                case 0x0A:
                    if field.last == 0x0D { field.removeLast() }
                    line += 1
                    try endRecord()
                default:
                    field.append(byte)
                }
            }
        }
        if sawAnything && (!field.isEmpty || !fields.isEmpty || inQuotes) {
            if field.last == 0x0D { field.removeLast() }
            try endRecord()
        }
    }
}
