import Foundation

/// Writes reports either to standard output or atomically to a file.
public enum OutputFile {
    /// Writes `text` to `path` through a temporary file in the same directory and a rename,
    /// so readers never see a partial report and a failed run leaves no file behind.
    /// - Throws: ``SlantError`` `.io` naming the path.
    public static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SlantError(.io, file: path, "cannot write output: directory \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).slant-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SlantError(.io, file: path, "cannot write output: \(error.localizedDescription)")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw SlantError(.io, file: path, "cannot write output: \(reason)")
        }
    }

    /// Writes to standard output.
    public static func writeStandardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
