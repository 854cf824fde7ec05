import Foundation

/// Writes reports either to standard output or atomically to a file.
public enum OutputFile {
    /// Writes `text` to `path` through a temporary file in the same directory and a rename,
    /// so readers never see a partial report and a failed run leaves no file behind.
    /// - Throws: ``SlantError`` `.io` naming the path.
    public static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(bytes: Array(text.utf8), to: path)
    }

    /// As ``writeAtomically(_:to:)`` for UTF-8 bytes.
    public static func writeAtomically(bytes: [UInt8], to path: String) throws {
        let stream = try Stream(path: path)
        do {
            try stream.write(bytes: bytes)
            try stream.commit()
        } catch {
            stream.abort()
            throw error
        }
    }

    /// Output written piece by piece: to standard output as it comes, or to a temporary file
    /// beside `path` that ``commit()`` renames into place, so a failed run leaves no partial
    /// file behind (call ``abort()``).
    public final class Stream {
        private let path: String?
        private let temporary: URL?
        private let handle: FileHandle
        private var buffer: [UInt8] = []

        /// - Parameter path: the file to write, or nil for standard output.
        /// - Throws: ``SlantError`` `.io` when the file's directory does not exist or the
        ///   temporary file cannot be created.
        public init(path: String?) throws {
            self.path = path
            guard let path else {
                temporary = nil
                handle = FileHandle.standardOutput
                return
            }
            if OutputFile.isSpecialFile(path) {
                guard let handle = FileHandle(forWritingAtPath: path) else {
                    throw SlantError(.io, file: path, "cannot write output: cannot open \(path)")
                }
                temporary = nil
                self.handle = handle
                return
            }
            let url = URL(fileURLWithPath: path)
            let directory = url.deletingLastPathComponent()
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw SlantError(.io, file: path, "cannot write output: directory \(directory.path) does not exist")
            }
            let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).slant-\(ProcessInfo.processInfo.processIdentifier).tmp")
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary.path) else {
                throw SlantError(.io, file: path, "cannot write output: cannot create \(temporary.path)")
            }
            self.temporary = temporary
            self.handle = handle
        }

        /// Appends UTF-8 bytes; written out in blocks of about a megabyte.
        public func write(bytes: [UInt8]) throws {
            // A block already large enough goes out as it is, without a copy.
            if buffer.isEmpty && bytes.count >= 1 << 20 { return try writeOut(bytes) }
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 20 { try flush() }
        }

        private func flush() throws {
            guard !buffer.isEmpty else { return }
            try writeOut(buffer)
            buffer.removeAll(keepingCapacity: true)
        }

        private func writeOut(_ bytes: [UInt8]) throws {
            do {
                try handle.write(contentsOf: bytes)
            } catch {
                throw SlantError(.io, file: path ?? "-", "cannot write output: \(error.localizedDescription)")
            }
        }

        /// Writes what is left and, for a file, moves it into place.
        public func commit() throws {
            try flush()
            guard let temporary, let path else {
                if path != nil { try? handle.close() }
                return
            }
            try? handle.close()
            if rename(temporary.path, path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw SlantError(.io, file: path, "cannot write output: \(reason)")
            }
        }

        /// Removes the temporary file (standard output keeps what was written).
        public func abort() {
            guard let temporary else { return }
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Whether `path` exists and is not a regular file or directory (a device such as
    /// /dev/null, a pipe, a socket).
    static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Writes to standard output.
    public static func writeStandardOutput(_ text: String) {
        writeStandardOutput(bytes: Array(text.utf8))
    }

    /// Writes UTF-8 bytes to standard output.
    public static func writeStandardOutput(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
