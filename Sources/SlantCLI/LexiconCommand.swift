import ArgumentParser
import Foundation
import Slant

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Show, validate and convert lexicons.",
        subcommands: [List.self, Check.self, Import.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the lexicons a run would use, with version, size and SHA-256.")

        @Option(help: "Directory whose lexicon files replace the built-in ones of the same name.")
        var lexicons: String?

        func run() throws {
            try reportingErrors {
                let set = try LexiconSet.load(directory: lexicons)
                var out = "file\tname\tversion\tentries\tcategories\tlicense\tsha256\torigin\n"
                let models = [("opinion-model.tsv", set.opinionModel), ("bias-model.tsv", set.biasModel), ("loaded-learned.tsv", set.loadedLearned)]
                    .compactMap { name, lexicon in lexicon.map { (name, $0) } }
                for (file, lexicon) in zip(LexiconSet.fileNames, set.all) + models {
                    let origin = lexicon.origin == file ? "built-in" : lexicon.origin
                    out += "\(file)\t\(lexicon.name)\t\(lexicon.version)\t\(lexicon.entries.count)\t"
                    out += "\(lexicon.categories.count)\t\(lexicon.license)\t\(lexicon.sha256)\t\(origin)\n"
                }
                OutputFile.writeStandardOutput(out)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate lexicon files (or a directory of them); exit 65 with file:line on the first error.",
            discussion: "With no FILE, checks the built-in lexicons. Files named like a built-in role (scoring.tsv, furniture.tsv, …) or a model (opinion-model.tsv, bias-model.tsv, loaded-learned.tsv) are also checked for that role: scoring keys, regular expressions, segmentation categories, model keys and cues."
        )

        @Argument(help: "Lexicon files or directories.")
        var paths: [String] = []

        func run() throws {
            try reportingErrors {
                var files: [String] = []
                for path in paths {
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                        throw SlantError(.missingInput, file: path, "no such file or directory")
                    }
                    if isDirectory.boolValue {
                        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".tsv") }.sorted()
                        files += names.map { (path as NSString).appendingPathComponent($0) }
                    } else {
                        files.append(path)
                    }
                }
                var report = ""
                var roles = try LexiconSet.embeddedLexicons()
                if paths.isEmpty {
                    for name in LexiconSet.fileNames { report += describe(roles[name]!, origin: "built-in \(name)") }
                }
                for file in files {
                    let lexicon = try LexiconCheck.parse(file)
                    let role = (file as NSString).lastPathComponent
                    if LexiconSet.fileNames.contains(role) || LexiconSet.modelFileNames.contains(role) { roles[role] = lexicon }
                    report += describe(lexicon, origin: file)
                }
                // Role checks (scoring keys, regexes, segmentation categories) on the set.
                let set = try LexiconSet(lexicons: roles)
                for warning in LexiconCheck.overlaps(set) { report += "note: \(warning)\n" }
                OutputFile.writeStandardOutput(report)
            }
        }

        private func describe(_ lexicon: Lexicon, origin: String) -> String {
            "ok \(origin): \(lexicon.name) \(lexicon.version), \(lexicon.entries.count) entries in \(lexicon.categories.count) categories\n"
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a lexicon from VADER, LIWC, MPQA, quanteda YAML or a word list to Slant's TSV format.",
            discussion: "Lines that cannot be carried over are listed on standard error, never dropped silently."
        )

        @Argument(help: "The lexicon file to convert.")
        var file: String

        @Option(help: "Input format: \(Lexicon.ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Lexicon.ImportFormat

        @Option(help: "Name for the header (default: the file name without extension).")
        var name: String?

        @Option(help: "Version for the header.")
        var version: String = "1.0.0"

        @Option(help: "License of the list, for the header. Required: say what the list's owner allows.")
        var license: String

        @Option(help: "Where the list comes from, for the header (default: the file name and format).")
        var source: String?

        @Option(help: "Category for word lists.")
        var category: String = "term"

        @Option(help: "Weight for formats without weights (LIWC, quanteda, word lists).")
        var weight: Double = 1

        @Option(name: [.short, .long], help: "Write the TSV here (atomically) instead of standard output.")
        var output: String?

        func run() throws {
            try reportingErrors {
                let text = try LexiconCheck.readText(file)
                let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                let options = Lexicon.ImportOptions(
                    name: name ?? stem, version: version, license: license,
                    source: source ?? "converted from \((file as NSString).lastPathComponent) (\(format.rawValue) format) by slant lexicon import",
                    category: category, weight: weight)
                let result = try Lexicon.importing(text, format: format, origin: file, options: options)
                for note in result.notes { warn("\(file): \(note)") }
                let tsv = result.lexicon.tsv()
                // The output must read back as a valid lexicon.
                _ = try Lexicon.parseTSV(tsv, origin: output ?? "(output)")
                if let output {
                    try OutputFile.writeAtomically(tsv, to: output)
                } else {
                    OutputFile.writeStandardOutput(tsv)
                }
                FileHandle.standardError.write(Data("slant: imported \(result.lexicon.entries.count) entries in \(result.lexicon.categories.count) categories; \(result.notes.count) lines not carried over\n".utf8))
            }
        }
    }
}

extension Lexicon.ImportFormat: ExpressibleByArgument {}
