import ArgumentParser
import Foundation
import Slant

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
    case auto, text, html
}

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score articles: fact or opinion per paragraph, loaded language, sentiment, with evidence.",
        discussion: """
        Reads each FILE (UTF-8 text, Markdown or HTML), or standard input for '-' or when no \
        FILE is given. Several files give several reports; with --format json, one JSON object \
        per line. Exit codes: 0 success, 64 usage, 65 bad input data or lexicon, 66 missing \
        input, 74 I/O error.
        """
    )

    @Argument(help: "Article files; '-' for standard input.")
    var files: [String] = []

    @Option(help: "Report format: text, json or markdown.")
    var format: ReportFormat = .text

    @Option(name: .customLong("input-format"), help: "Input format: auto (by file extension), text or html.")
    var inputFormat: InputFormatOption = .auto

    @Option(help: "Directory whose lexicon files replace the built-in ones of the same name.")
    var lexicons: String?

    @Option(name: [.short, .long], help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
        if files.isEmpty && isatty(STDIN_FILENO) == 1 {
            throw ValidationError("give an article FILE, or pipe text on standard input")
        }
    }

    func run() throws {
        try reportingErrors {
            let set = try LexiconSet.load(directory: lexicons)
            let scorer = ArticleScorer(lexicons: set)
            let inputs = files.isEmpty ? ["-"] : files
            let chosenFormat: InputText.Format? = switch inputFormat {
            case .auto: nil
            case .text: .text
            case .html: .html
            }
            var reports: [String] = []
            for path in inputs {
                let input = try InputText.read(path: path, format: chosenFormat)
                for warning in input.warnings { warn("\(path): \(warning)") }
                let score = scorer.score(input)
                switch format {
                case .json: reports.append(score.json().serialized() + "\n")
                case .markdown: reports.append(score.markdown())
                case .text: reports.append(score.text(color: useColor))
                }
            }
            let separator = format == .json ? "" : "\n"
            let text = reports.joined(separator: separator)
            if let output {
                try OutputFile.writeAtomically(text, to: output)
            } else {
                OutputFile.writeStandardOutput(text)
            }
        }
    }

    private var useColor: Bool {
        output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
