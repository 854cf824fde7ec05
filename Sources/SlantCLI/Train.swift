import ArgumentParser
import Foundation
import Slant

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit the opinion or bias model from labeled JSON Lines and write it as a lexicon.",
        discussion: """
        A logistic regression over Slant's cue features and writer's-voice words, L2 strength \
        and threshold chosen by cross-validation on the training items only. Put the output in \
        a lexicon directory as opinion-model.tsv (used by scoring) or bias-model.tsv (used by \
        slant eval --task bias). Files whose name contains 'test' are refused.
        """
    )

    @Option(help: "subjectivity, bias, loaded-words or target-sentiment (folds of the id field).")
    var task: TrainTask = .subjectivity

    @Argument(help: "Labeled JSON Lines files: PATH, or PATH#LABEL_FIELD, or PATH#LABEL_FIELD#FOLDS (e.g. babe.jsonl#label_opinion#1,2,3,4).")
    var files: [String]

    @Option(help: "Train only on these folds, e.g. 1,2,3,4 (fold = int(sha1(\"fold:\" + text), 16) % 5).")
    var fitFolds: String?

    @Option(help: "Field holding the text.")
    var textField: String = "text"

    @Option(help: "Field holding the label.")
    var labelField: String = "label"

    @Option(help: "A label that counts as positive (repeatable); without it the built-in mapping is used.")
    var positive: [String] = []

    @Option(help: "Name for the model's header.")
    var name: String?

    @Option(help: "Version for the model's header.")
    var version: String = "1.0.0"

    @Option(help: "Directory whose lexicon files replace the built-in ones (features use them).")
    var lexicons: String?

    @Option(name: [.short, .long], help: "Write the model here (atomically) instead of standard output.")
    var output: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one labeled JSON Lines file") }
        if let fitFolds, fitFolds.split(separator: ",").contains(where: { Int($0).map { !(0..<5).contains($0) } ?? true }) {
            throw ValidationError("--fit-folds takes fold numbers 0…4 separated by commas")
        }
    }

    func run() throws {
        try reportingErrors {
            if task == .targetSentiment {
                let folds = fitFolds.map { $0.split(separator: ",").compactMap { Int($0) } }
                let result = try TargetTraining.train(files: files, folds: folds, lexicons: try LexiconSet.load(directory: lexicons).withoutModels(),
                                                      name: name ?? "target-model", version: version)
                let tsv = result.lexicon.tsv()
                _ = try TargetModel(try Lexicon.parseTSV(tsv, origin: output ?? "(model)"))
                warn(String(format: "trained on %d targets: λ %.4g, cross-validated macro-F1 %.3f, %d word weights",
                            result.items, result.lambda, result.cvMacroF1, result.termCount))
                try emit(tsv, to: output)
                return
            }
            if task == .loadedWords {
                let folds = fitFolds.map { $0.split(separator: ",").compactMap { Int($0) } }
                let result = try LoadedTraining.train(files: files, spanField: labelField == "label" ? "biased_word_spans" : labelField,
                                                      folds: folds, lexicons: try LexiconSet.load(directory: lexicons).withoutModels(learned: true))
                let tsv = result.lexicon(name: name ?? "loaded-learned", version: version, folds: folds).tsv()
                _ = try Lexicon.parseTSV(tsv, origin: output ?? "(model)")
                warn(String(format: "learned %d loaded terms from %d items: at least %d marks, cut-off %.2f, cross-validated token F1 %.3f",
                            result.entries.count, result.items, result.minimumMarks, result.cutoff, result.cvF1))
                try emit(tsv, to: output)
                return
            }
            var options = Trainer.Options()
            options.task = task == .bias ? .bias : .subjectivity
            options.files = files
            options.fitFolds = fitFolds.map { $0.split(separator: ",").compactMap { Int($0) } }
            options.textField = textField
            options.labelField = labelField
            options.positive = positive
            options.name = name ?? (task == .bias ? "bias-model" : "opinion-model")
            options.version = version
            let model = try Trainer.train(options, lexicons: try LexiconSet.load(directory: lexicons))
            let tsv = model.lexicon(options).tsv()
            _ = try Lexicon.parseTSV(tsv, origin: output ?? "(model)")
            warn(String(format: "trained on %d items (%d positive): λ %.4g, cross-validated macro-F1 %.3f at threshold %.3f, %d word weights",
                        model.examples, model.positives, model.lambda, model.cvMacroF1, model.threshold, model.termWeights.count))
            if model.data.count > 1 {
                for d in model.data { warn(String(format: "  %@: cross-validated macro-F1 %.3f (%d items)", d.path, d.cvMacroF1, d.items)) }
            }
            try emit(tsv, to: output)
        }
    }
}

enum TrainTask: String, ExpressibleByArgument, CaseIterable {
    case subjectivity, bias
    case loadedWords = "loaded-words"
    case targetSentiment = "target-sentiment"
}
