import ArgumentParser
import Foundation
import Slant

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
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

    @Option(help: "Report format: text, json, markdown or html.")
    var format: ReportFormat = .text

    @Option(name: .customLong("input-format"), help: "Input format: auto (by file extension), text or html.")
    var inputFormat: InputFormatOption = .auto

    @Option(help: "Directory whose lexicon files replace the built-in ones of the same name.")
    var lexicons: String?

    @Option(name: [.short, .long], help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Write one report per article into this directory, named after each input (NAME.html, NAME.md, …).")
    var outputDir: String?

    @Option(help: "Mustache template for --format html or markdown (default: the built-in article.html.mustache or article.md.mustache).")
    var template: String?

    @Flag(help: "Put the generation time in HTML and Markdown reports (otherwise the same input gives the same bytes).")
    var timestamp = false

    @Option(help: "Targets file: one target a line, then a tab and aliases separated by ';' (fixes names and aliases).")
    var targets: String?

    @Option(help: "Report stance toward this target only (its name or an alias).")
    var target: String?

    @Option(help: "Score every document of this corpus (a directory, a JSON Lines or CSV file, or '-' for JSON Lines on standard input): one JSON report per line, in corpus order, streamed, on all cores. Needs --format json.")
    var corpus: String?

    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        if corpus != nil {
            if !files.isEmpty { throw ValidationError("give article FILEs or --corpus, not both") }
            if format != .json { throw ValidationError("--corpus writes JSON Lines: add --format json") }
            if outputDir != nil { throw ValidationError("--corpus writes one stream: use --output, not --output-dir") }
            return
        }
        if output != nil && outputDir != nil { throw ValidationError("give --output or --output-dir, not both") }
        if format == .html && files.count > 1 && outputDir == nil {
            throw ValidationError("HTML reports are one file per article: give one FILE, or --output-dir DIR")
        }
        if template != nil && format != .html && format != .markdown { throw ValidationError("--template applies to --format html and markdown") }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
        if files.isEmpty && isatty(STDIN_FILENO) == 1 {
            throw ValidationError("give an article FILE, or pipe text on standard input")
        }
    }

    func run() throws {
        if let corpus { return try scoreCorpus(corpus) }
        try reportingErrors {
            let set = try LexiconSet.load(directory: lexicons)
            let scorer = ArticleScorer(lexicons: set, targets: try targets.map(TargetList.load))
            let inputs = files.isEmpty ? ["-"] : files
            let chosenFormat: InputText.Format? = switch inputFormat {
            case .auto: nil
            case .text: .text
            case .html: .html
            }
            let userTemplate = try template.map(ReportTemplate.file)
            let reportOptions = ReportOptions(options: manifestOptions, timestamp: timestamp ? ReportOptions.now() : nil)
            var reports: [(path: String, bytes: [UInt8])] = []
            // JSON to one destination is streamed at the end, paragraph by paragraph: the
            // report is several times the size of its input.
            let streamJSON = format == .json && outputDir == nil
            var scores: [ArticleScore] = []
            for path in inputs {
                let input = try InputText.read(path: path, format: chosenFormat)
                for warning in input.warnings { warn("\(path): \(warning)") }
                var score = scorer.score(input)
                if let target { score = score.focused(on: target) }
                if streamJSON { scores.append(score); continue }
                switch format {
                // JSON goes out as the serialiser's bytes: a String of a large report would be
                // validated and copied for nothing.
                case .json: reports.append((path, score.json().serializedUTF8() + [UInt8(ascii: "\n")]))
                case .markdown: reports.append((path, Array(score.markdown(template: userTemplate, options: reportOptions).utf8)))
                case .text: reports.append((path, Array(score.text(color: useColor && outputDir == nil).utf8)))
                case .html: reports.append((path, Array(try score.html(template: userTemplate, options: reportOptions, threshold: set.config.threshold).utf8)))
                }
            }
            if let outputDir {
                try writeEach(reports, into: outputDir)
                return
            }
            if streamJSON {
                // Nothing is written before every input has been read and scored, so a bad
                // input still leaves no partial output.
                let stream = try OutputFile.Stream(path: output)
                do {
                    for score in scores {
                        try score.writeJSON(to: stream.write(bytes:))
                        try stream.write(bytes: [UInt8(ascii: "\n")])
                    }
                    try stream.commit()
                } catch {
                    stream.abort()
                    throw error
                }
                return
            }
            let separator: [UInt8] = format == .json ? [] : [UInt8(ascii: "\n")]
            try emit(bytes: reports.count == 1 ? reports[0].bytes : Array(reports.map(\.bytes).joined(separator: separator)), to: output)
        }
    }

    /// `--corpus`: one JSON line per document, streamed to standard output or atomically to
    /// `--output`.
    private func scoreCorpus(_ corpus: String) throws {
        try reportingErrors {
            let set = try LexiconSet.load(directory: lexicons)
            var options = CorpusScoring.Options()
            options.targets = try targets.map(TargetList.load)
            options.target = target
            options.strict = corpusOptions.strict
            let spec = try corpusOptions.spec(corpus)
            let stream = try OutputFile.Stream(path: output)
            let summary: CorpusScoring.Summary
            do {
                summary = try CorpusScoring.run(spec, lexicons: set, options: options, write: stream.write(bytes:))
                try stream.commit()
            } catch {
                stream.abort()
                throw error
            }
            warnSkipped(summary.skipped)
        }
    }

    /// The options that shaped the report, for its manifest.
    private var manifestOptions: [String] {
        var out = ["--format \(format.rawValue)"]
        if inputFormat != .auto { out.append("--input-format \(inputFormat.rawValue)") }
        if let lexicons { out.append("--lexicons \(lexicons)") }
        if let template { out.append("--template \(template)") }
        if let targets { out.append("--targets \(targets)") }
        if let target { out.append("--target \(target)") }
        return out
    }

    /// Writes DIR/NAME.EXT for each report (NAME from the input's file name; `stdin` for `-`).
    private func writeEach(_ reports: [(path: String, bytes: [UInt8])], into directory: String) throws {
        let fileExtension = ["text": "txt", "json": "json", "markdown": "md", "html": "html"][format.rawValue]!
        var used = Set<String>()
        for report in reports {
            let base = report.path == "-" ? "stdin" : ((report.path as NSString).lastPathComponent as NSString).deletingPathExtension
            var name = base + "." + fileExtension
            var counter = 2
            while used.contains(name) { name = "\(base)-\(counter).\(fileExtension)"; counter += 1 }
            used.insert(name)
            try OutputFile.writeAtomically(bytes: report.bytes, to: (directory as NSString).appendingPathComponent(name))
        }
    }

    private var useColor: Bool {
        output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// `slant report FILE`: the HTML report of one article (`slant score --format html`).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the HTML report of an article (the same as slant score --format html)."
    )

    @Argument(help: "The article file; '-' for standard input.")
    var file: String

    @Option(help: "Input format: auto (by file extension), text or html.")
    var inputFormat: InputFormatOption = .auto

    @Option(help: "Directory whose lexicon files replace the built-in ones of the same name.")
    var lexicons: String?

    @Option(name: [.short, .long], help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Mustache template (default: the built-in article.html.mustache).")
    var template: String?

    @Flag(help: "Put the generation time in the report.")
    var timestamp = false

    @Option(help: "Targets file (see slant score --help).")
    var targets: String?

    @Option(help: "Report stance toward this target only.")
    var target: String?

    func run() throws {
        var arguments = ["--format", "html", "--input-format", inputFormat.rawValue]
        if let targets { arguments += ["--targets", targets] }
        if let target { arguments += ["--target", target] }
        if let lexicons { arguments += ["--lexicons", lexicons] }
        if let output { arguments += ["--output", output] }
        if let template { arguments += ["--template", template] }
        if timestamp { arguments.append("--timestamp") }
        let score = try Score.parse(arguments + ["--", file])
        try score.validate()
        try score.run()
    }
}
