import ArgumentParser
import Foundation
import Slant

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure agreement with human labels on a labeled JSON Lines file.",
        discussion: """
        Tasks: subjectivity (opinion score vs SUBJ/OBJ-style labels), bias (bias score vs \
        Biased/Non-biased), valence (sentiment vs a numeric rating: Pearson, Spearman), \
        loaded-words (loaded-language hits vs gold spans: token-level P/R/F1), target-sentiment \
        (stance toward the span in target.start/target.end vs negative/neutral/positive: \
        three-class macro-F1). Folds follow the shared protocol: fold = \
        int(sha1("fold:" + text), 16) % 5, computed on the id field for target-sentiment. \
        Only the files given are read.
        """
    )

    @Option(help: "subjectivity, bias, valence, loaded-words or target-sentiment.")
    var task: Evaluation.Task

    @Argument(help: "Labeled JSON Lines file.")
    var data: String

    @Option(help: "Field holding the text.")
    var textField: String = "text"

    @Option(help: "Field holding the label (default: label; biased_word_spans for loaded-words).")
    var labelField: String?

    @Option(help: "A label that counts as positive (repeatable); without it the built-in mapping is used.")
    var positive: [String] = []

    @Option(help: "Field the fold is computed from (default: the text; id for target-sentiment).")
    var foldField: String?

    @Option(help: "Evaluate only this fold.")
    var fold: Int?

    @Option(help: "Choose the threshold on this labeled file (repeatable; the binary tasks).")
    var fitOn: [String] = []

    @Option(help: "With --fit-on, use only these folds, e.g. 1,2,3,4.")
    var fitFolds: String?

    @Option(help: "Use this threshold instead.")
    var threshold: Double?

    @Option(help: "Output format: text, json or markdown.")
    var format: ReportFormat = .text

    @Option(help: "Directory whose lexicon files replace the built-in ones of the same name.")
    var lexicons: String?

    @Option(name: [.short, .long], help: "Write the result to this file (atomically).")
    var output: String?

    func validate() throws {
        if format == .html { throw ValidationError("slant eval writes text, json or markdown") }
        if let fold, !(0..<5).contains(fold) { throw ValidationError("--fold must be 0…4") }
        if threshold != nil && !fitOn.isEmpty { throw ValidationError("give --threshold or --fit-on, not both") }
        if fitFolds != nil && fitOn.isEmpty { throw ValidationError("--fit-folds goes with --fit-on") }
        if let fitFolds, parsedFolds(fitFolds) == nil { throw ValidationError("--fit-folds takes fold numbers 0…4 separated by commas") }
    }

    private func parsedFolds(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil && (0..<5).contains($0!) }) else { return nil }
        return parts.map { $0! }
    }

    func run() throws {
        try reportingErrors {
            var options = Evaluation.Options()
            options.task = task
            options.textField = textField
            options.labelField = labelField
            options.positive = positive
            options.fold = fold
            options.foldField = foldField
            options.fitOn = fitOn
            options.fitFolds = fitFolds.flatMap(parsedFolds)
            options.threshold = threshold
            options.lexicons = try LexiconSet.load(directory: lexicons)
            let result = try Evaluation.run(data, options: options)
            let text: String
            switch format {
            case .json: text = result.json().serialized() + "\n"
            case .markdown: text = result.markdown()
            default: text = result.text()
            }
            try emit(text, to: output)
        }
    }
}

extension Evaluation.Task: ExpressibleByArgument {}
