import Foundation
import PackagePlugin

/// Generates `EmbeddedLexicons.swift` from the package's `lexicons/*.tsv` files, so the
/// `slant` binary carries its default lexicons and does not look for them on disk.
@main
struct EmbedLexiconsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lexiconDir = context.package.directoryURL.appending(path: "lexicons")
        let files = try FileManager.default
            .contentsOfDirectory(at: lexiconDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tsv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) default lexicons",
                executable: try context.tool(named: "EmbedLexicons").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
