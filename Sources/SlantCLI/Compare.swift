import ArgumentParser
import Foundation
import Slant

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare groups of documents: opinion, loaded language and sentiment with intervals and tests, key terms, similarity.",
        discussion: """
        Give two or more corpora (each is a group), or one corpus and --group-by FIELD. \
        Intervals are 95% percentile bootstraps over documents; differences are tested with \
        permutation tests and Holm-adjusted; everything is seeded, so output is reproducible.
        """
    )

    @Argument(help: "Corpora: directories, JSON Lines or CSV files, or '-' (JSON Lines on standard input).")
    var corpora: [String]

    @Option(help: "Metadata field (JSON Lines field or CSV column) that names each document's group.")
    var groupBy: String?

    @Option(help: "Output format: text, json, csv, markdown or html.")
    var format: TableFormat = .text

    @Option(help: "Mustache template for --format html or markdown (default: the built-in compare.html.mustache or compare.md.mustache).")
    var template: String?

    @Flag(help: "Put the generation time in HTML reports.")
    var timestamp = false

    @Option(help: "Bootstrap resamples per interval.")
    var resamples: Int = 1000

    @Option(help: "Permutations per test (default: max(1000, 20 x tests), at most 20000).")
    var permutations: Int?

    @Option(help: "Multiple-comparison correction: holm (family-wise error) or bh (Benjamini-Hochberg false discovery rate).")
    var correction: ComparisonRun.Correction = .holm

    @Option(help: "Seed for resampling and permutations.")
    var seed: UInt64 = 20_261_129

    @Option(help: "Key terms listed per group.")
    var topTerms: Int = 15

    @Option(help: "Targets compared by stance, at most (those evaluated in --min-stance-documents documents of every group).")
    var topTargets: Int = 10

    @Option(help: "Documents of every group that must evaluate a target for its stance to be compared.")
    var minStanceDocuments: Int = 3

    @Option(help: "Closest cross-group document pairs listed per pair of groups; 0 skips their search, which compares every document of one group with every document of the other.")
    var closestPairs: Int = 5

    @Option(help: "Targets file: one target a line, then a tab and aliases separated by ';'.")
    var targets: String?

    @Option(help: "Directory whose lexicon files replace the built-in ones of the same name.")
    var lexicons: String?

    @Option(name: [.short, .long], help: "Write the report to this file (atomically).")
    var output: String?

    @OptionGroup var corpusOptions: CorpusOptions

    func validate() throws {
        guard !corpora.isEmpty else { throw ValidationError("give two or more corpora, or one corpus and --group-by FIELD") }
        if corpora.count == 1 && groupBy == nil {
            throw ValidationError("one corpus needs --group-by FIELD to say which documents form each group")
        }
        if corpora.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
        guard resamples >= 0, (permutations ?? 0) >= 0, topTerms >= 0, topTargets >= 0, closestPairs >= 0 else { throw ValidationError("counts must not be negative") }
        if template != nil && format != .html && format != .markdown { throw ValidationError("--template applies to --format html and markdown") }
        if minStanceDocuments < 1 { throw ValidationError("--min-stance-documents must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            var options = ComparisonRun.Options()
            options.resamples = resamples
            options.permutations = permutations
            options.correction = correction
            options.seed = seed
            options.topTerms = topTerms
            options.topTargets = topTargets
            options.minStanceDocuments = minStanceDocuments
            options.closestPairs = closestPairs
            options.targets = try targets.map(TargetList.load)
            options.strict = corpusOptions.strict
            let set = try LexiconSet.load(directory: lexicons)
            let result = try ComparisonRun.run(try corpora.map(corpusOptions.spec), groupBy: groupBy, lexicons: set, options: options)
            warnSkipped(result.skipped, more: " (all listed in the report)")
            let text: String
            switch format {
            case .text: text = result.text()
            case .json: text = result.json().serialized() + "\n"
            case .csv: text = result.csv()
            case .markdown, .html:
                let chosen = try template.map(ReportTemplate.file)
                var used = ["--format \(format.rawValue)"]
                if let groupBy { used.append("--group-by \(groupBy)") }
                used.append("--resamples \(resamples)")
                if let permutations { used.append("--permutations \(permutations)") }
                used.append("--correction \(correction.rawValue) --seed \(seed)")
                if let lexicons { used.append("--lexicons \(lexicons)") }
                if let targets { used.append("--targets \(targets)") }
                if minStanceDocuments != 3 { used.append("--min-stance-documents \(minStanceDocuments)") }
                if closestPairs != 5 { used.append("--closest-pairs \(closestPairs)") }
                let report = ReportOptions(options: used, timestamp: timestamp ? ReportOptions.now() : nil)
                text = format == .html ? try result.html(template: chosen, options: report) : result.markdown(template: chosen, options: report)
            }
            try emit(text, to: output)
        }
    }
}

extension ComparisonRun.Correction: ExpressibleByArgument {}
