import ArgumentParser
import Foundation
import Slant

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv, markdown, html
}

/// Options shared by the corpus commands.
struct CorpusOptions: ParsableArguments {
    @Option(help: "JSON Lines field holding the text.")
    var textField: String = "text"

    @Option(help: "JSON Lines field holding the document id (default: line numbers when absent).")
    var idField: String = "id"

    @Option(help: "CSV column holding the text.")
    var textColumn: String?

    @Option(help: "CSV column holding the document id.")
    var idColumn: String?

    @Flag(help: "Stop at the first unreadable document instead of skipping and reporting it.")
    var strict = false

    func spec(_ path: String) throws -> CorpusSpec {
        let probe = try CorpusSpec(path: path)
        if probe.kind == .csv {
            return try CorpusSpec(path: path, kind: .csv, textField: textColumn ?? "text", idField: idColumn ?? "id")
        }
        return try CorpusSpec(path: path, kind: probe.kind, textField: textField, idField: idField)
    }
}

struct Similar: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the most similar documents within a corpus, or across two (likely the same story).",
        discussion: """
        A corpus is a directory of .txt/.md/.html files (recursive), a JSON Lines file, a CSV \
        file with a header row, or '-' for JSON Lines on standard input. CSV output has the \
        header id,neighbor,rank,score and one row per kept pair (rank 1 = nearest).
        """
    )

    @Argument(help: "The corpus.")
    var corpus: String

    @Option(help: "Compare each document with this corpus instead of with its own.")
    var against: String?

    @Option(help: "Neighbours to keep per document.")
    var top: Int = 10

    @Option(help: "Keep only pairs with at least this cosine similarity (default: any above 0).")
    var minScore: Double?

    @Option(help: "Hashed TF-IDF dimensions.")
    var dimensions: Int = 1024

    @Option(help: "Compare documents by their words (text: same story), by Slant's scores (scores: same way of writing) or by their stance toward the targets they name (stance: same sides taken).")
    var profile: SimilarityRun.Profile = .text

    @Option(help: "Directory whose lexicon files replace the built-in ones (used by --profile scores and stance).")
    var lexicons: String?

    @Option(help: "Targets file for --profile stance: one target a line, then a tab and aliases separated by ';'.")
    var targets: String?

    @Option(help: "Output format: text, json, csv or markdown.")
    var format: TableFormat = .text

    @Option(name: [.short, .long], help: "Write the report to this file (atomically).")
    var output: String?

    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
        guard dimensions >= 16, dimensions <= 65_536 else { throw ValidationError("--dimensions must be between 16 and 65536") }
        if let minScore, !(-1...1).contains(minScore) { throw ValidationError("--min-score must be between -1 and 1") }
        if corpus == "-" && against == "-" { throw ValidationError("standard input ('-') can be read only once") }
        if format == .html { throw ValidationError("slant similar has no HTML report; use --format markdown, csv or json") }
    }

    func run() throws {
        try reportingErrors {
            var options = SimilarityRun.Options()
            options.k = top
            options.minScore = minScore
            options.dimensions = dimensions
            options.strict = corpusOptions.strict
            options.profile = profile
            options.lexicons = try LexiconSet.load(directory: lexicons)
            options.targets = try targets.map(TargetList.load)
            let result = try SimilarityRun.run(try corpusOptions.spec(corpus), against: try against.map(corpusOptions.spec), options: options)
            for skipped in result.skipped { warn("skipped \(skipped.location): \(skipped.reason)") }
            let text: String
            switch format {
            case .text: text = result.text()
            case .json: text = result.json().serialized() + "\n"
            case .csv: text = result.csv()
            case .markdown: text = result.markdown()
            case .html: text = result.markdown()  // refused in validate()
            }
            if ProcessInfo.processInfo.environment["SLANT_TIMINGS"] == "1" {
                let stats = result.searchStats
                warn(String(format: "timings: vectorise %.3f s, similarity %.3f s (sgemm %.3f s in %d tiles, %.1f GFLOP/s)",
                            result.timings.vectorize, result.timings.similarity, stats.gemmSeconds, stats.tiles,
                            stats.gemmSeconds > 0 ? stats.gemmFlops / stats.gemmSeconds / 1e9 : 0))
            }
            try emit(text, to: output)
        }
    }
}

/// Writes a report to a file atomically, or to standard output.
func emit(_ text: String, to output: String?) throws {
    try emit(bytes: Array(text.utf8), to: output)
}

/// As ``emit(_:to:)`` for UTF-8 bytes.
func emit(bytes: [UInt8], to output: String?) throws {
    if let output {
        try OutputFile.writeAtomically(bytes: bytes, to: output)
    } else {
        OutputFile.writeStandardOutput(bytes: bytes)
    }
}

extension SimilarityRun.Profile: ExpressibleByArgument {}
