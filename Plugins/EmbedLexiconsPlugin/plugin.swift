import Foundation
import PackagePlugin

/// Generates `EmbeddedLexicons.swift` from the package's `lexicons/*.tsv` and
/// `templates/*.mustache` files, so the `slant` binary carries its default lexicons and
/// report templates and does not look for them on disk.
@main
struct EmbedLexiconsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        func files(_ folder: String, _ suffix: String) throws -> [URL] {
            let directory = context.package.directoryURL.appending(path: folder)
            return try FileManager.default
                .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.lastPathComponent.hasSuffix(suffix) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        }
        let lexicons = try files("lexicons", ".tsv")
        let templates = try files("templates", ".mustache")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(lexicons.count) default lexicons and \(templates.count) templates",
                executable: try context.tool(named: "EmbedLexicons").url,
                arguments: [output.path, "--lexicons"] + lexicons.map(\.path) + ["--templates"] + templates.map(\.path),
                inputFiles: lexicons + templates,
                outputFiles: [output]
            )
        ]
    }
}
