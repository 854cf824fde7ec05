import Foundation

/// `slant eval`: how often Slant agrees with human labels on a labeled JSON Lines file.
public struct Evaluation: Sendable {
    public enum Task: String, Sendable, CaseIterable {
        /// Fact or opinion: the sentence-level opinion score against SUBJ/OBJ-style labels.
        case subjectivity
        /// Biased or not: the bias score (see ``biasScore``) against Biased/Non-biased labels.
        case bias
        /// Sentence sentiment against a numeric human rating: Pearson and Spearman.
        case valence
        /// Loaded-language hits against gold word spans: token-level precision, recall, F1.
        case loadedWords = "loaded-words"
        /// Stance toward a marked target (`target.start`, `target.end`) against
        /// negative/neutral/positive labels: three-class macro-F1.
        case targetSentiment = "target-sentiment"
    }

    public struct Options: Sendable {
        public var task: Task = .subjectivity
        public var textField = "text"
        /// Default: `label`, or `biased_word_spans` for loaded-words.
        public var labelField: String?
        /// Labels that count as positive; empty uses the built-in mapping.
        public var positive: [String] = []
        /// Evaluate only items in this fold (`int(sha1("fold:" + text), 16) % folds`).
        public var fold: Int?
        public var folds = 5
        /// Choose the threshold on these labeled files (never the evaluated items themselves).
        public var fitOn: [String] = []
        /// With `fitOn`, use only these folds of it.
        public var fitFolds: [Int]?
        /// A fixed threshold (otherwise the model's, or the one fitted with `fitOn`).
        public var threshold: Double?
        public var lexicons: LexiconSet?
        /// Field the fold is computed from (default: the text; `id` for target-sentiment).
        public var foldField: String?
        /// Field holding the target's `{start, end}` (target-sentiment).
        public var targetField = "target"
        public init() {}
    }

    /// Built-in label mapping for the binary tasks (case-sensitive; documented in the README).
    public static let positiveLabels: Set<String> = [
        "SUBJ", "subjective", "Biased", "biased", "Somewhat factual but also opinionated", "Expresses writer's opinion",
        "1", "true", "yes",
    ]
    public static let negativeLabels: Set<String> = [
        "OBJ", "objective", "not_subjective", "Non-biased", "non-biased", "neutral", "Entirely factual", "0", "false", "no",
    ]
    /// Labels meaning the annotators did not agree: left out and counted.
    public static let skippedLabels: Set<String> = ["No agreement", "no agreement"]

    public var task: Task
    public var data: String
    public var dataSHA256: String
    public var n: Int
    /// Items left out (no agreement, or outside the fold), by reason.
    public var leftOut: [String: Int]
    public var binary: Metrics.Binary?
    public var thresholdSource: String?
    public var pearson: Double?
    public var spearman: Double?
    public var tokens: Metrics.ClassScores?
    /// Target-sentiment: the three-class results and the cut-offs used.
    public var multiclass: Metrics.Multiclass?
    public var cutoffs: (negative: Double, positive: Double)?
    public var labelMapping: String

    /// The three labels of target-sentiment, in class order.
    public static let targetLabels = ["negative", "neutral", "positive"]

    struct Item {
        var text: String
        var label: Any
        var line: Int
        /// Scalar span of the target (target-sentiment).
        var target: (start: Int, end: Int)? = nil
        /// What the fold is computed from (the text, or the fold field).
        var foldKey: String = ""
    }

    /// Reads `path`, keeping the items of the requested fold.
    static func load(_ path: String, options: Options, folds keep: Set<Int>?) throws -> (items: [Item], sha256: String, leftOut: [String: Int]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SlantError(.missingInput, file: path, "cannot read the evaluation file")
        }
        let labelField = options.labelField ?? (options.task == .loadedWords ? "biased_word_spans" : "label")
        var items: [Item] = []
        var leftOut: [String: Int] = [:]
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let record = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw SlantError(.badInput, file: path, line: lineNumber, "not a JSON object")
            }
            guard let text = record[options.textField] as? String else {
                throw SlantError(.badInput, file: path, line: lineNumber, "no string field '\(options.textField)' (choose one with --text-field)")
            }
            guard let label = record[labelField], !(label is NSNull) else {
                throw SlantError(.badInput, file: path, line: lineNumber, "no field '\(labelField)' (choose one with --label-field)")
            }
            let foldField = options.foldField ?? (options.task == .targetSentiment ? "id" : nil)
            var foldKey = text
            if let foldField {
                guard let key = record[foldField] as? String else {
                    throw SlantError(.badInput, file: path, line: lineNumber, "no string field '\(foldField)' to compute the fold from")
                }
                foldKey = key
            }
            var target: (Int, Int)?
            if options.task == .targetSentiment {
                guard let t = record[options.targetField] as? [String: Any], let start = (t["start"] as? NSNumber)?.intValue,
                      let end = (t["end"] as? NSNumber)?.intValue, 0 <= start, start < end, end <= text.unicodeScalars.count else {
                    throw SlantError(.badInput, file: path, line: lineNumber, "field '\(options.targetField)' needs a 'start' and 'end' inside the text")
                }
                target = (start, end)
            }
            if let keep, !keep.contains(Folds.fold(of: foldKey, k: options.folds)) {
                leftOut["outside the fold", default: 0] += 1
                continue
            }
            if let s = label as? String, skippedLabels.contains(s) {
                leftOut["label '\(s)'", default: 0] += 1
                continue
            }
            items.append(Item(text: text, label: label, line: lineNumber, target: target, foldKey: foldKey))
        }
        return (items, SHA256.hex(Array(data)), leftOut)
    }

    /// Maps a label to true (positive) or false.
    static func binaryLabel(_ label: Any, options: Options, file: String, line: Int) throws -> Bool {
        let text: String
        switch label {
        case let s as String: text = s
        case let n as NSNumber: text = String(describing: type(of: n)).contains("Boolean") ? (n.boolValue ? "true" : "false") : (n.doubleValue == 1 ? "1" : n.doubleValue == 0 ? "0" : "\(n)")
        default: text = "\(label)"
        }
        if !options.positive.isEmpty { return options.positive.contains(text) }
        if positiveLabels.contains(text) { return true }
        if negativeLabels.contains(text) { return false }
        throw SlantError(.badInput, file: file, line: line,
                         "label '\(text)' is neither a known positive nor a known negative label; name the positive ones with --positive")
    }

    /// The score an item gets for a binary task.
    static func binaryScore(_ score: ArticleScore, task: Task) -> Double {
        let opinion = itemOpinion(score)
        guard task == .bias else { return opinion }
        return biasScore(opinion: opinion, loaded: score.paragraphs.flatMap(\.loaded).filter { $0.category != "learned" })
    }

    /// The opinion score of a short text: its paragraphs' scores, or, where a paragraph is
    /// labelled `other` (a sentence that looks like furniture), its sentences' mean; the most
    /// opinionated paragraph counts.
    static func itemOpinion(_ score: ArticleScore) -> Double {
        score.paragraphs.map { p in
            p.opinionScore ?? (p.sentences.isEmpty ? 0 : p.sentences.reduce(0) { $0 + $1.opinionScore } / Double(p.sentences.count))
        }.max() ?? 0
    }

    /// Sentence bias: `1 − (1 − opinion) · exp(−Σ loaded weights)`, a noisy-OR of the writer's
    /// opinion and the loaded language the sentence uses (in any voice).
    public static func biasScore(opinion: Double, loaded: [LoadedHit]) -> Double {
        1 - (1 - opinion) * exp(-loaded.reduce(0) { $0 + $1.weight })
    }

    /// Gold spans of a loaded-words label: a list of `{start, end}` objects or `[start, end]` pairs.
    static func goldSpans(_ label: Any, file: String, line: Int) throws -> [(Int, Int)] {
        try (label as? [Any] ?? []).map { span in
            if let d = span as? [String: Any], let s = (d["start"] as? NSNumber)?.intValue, let e = (d["end"] as? NSNumber)?.intValue { return (s, e) }
            if let a = span as? [NSNumber], a.count == 2 { return (a[0].intValue, a[1].intValue) }
            throw SlantError(.badInput, file: file, line: line, "a gold span must be {start, end} or [start, end]")
        }
    }

    /// The word tokens of a text, and which of them a set of scalar spans touches.
    struct WordTokens {
        let words: [Token]
        init(_ text: String) {
            let scalars = Array(text.unicodeScalars)
            words = Tokenizer.tokens(scalars, in: 0..<scalars.count).filter { $0.kind == .word }
        }
        func covered(by spans: [(Int, Int)]) -> Set<Int> {
            Set(words.indices.filter { w in spans.contains { $0.0 < words[w].end && words[w].start < $0.1 } })
        }
    }

    /// Runs the evaluation.
    /// - Throws: ``SlantError`` for unreadable files, missing fields, unknown labels.
    public static func run(_ path: String, options: Options) throws -> Evaluation {
        let lexicons = try options.lexicons ?? LexiconSet.defaults()
        let scorer = ArticleScorer(lexicons: lexicons)
        let (items, sha, leftOut) = try load(path, options: options, folds: options.fold.map { [$0] })
        func scoreAll(_ items: [Item]) -> [ArticleScore] {
            Parallel.map(items) { item in
                scorer.score(try! InputText(bytes: Array(item.text.replacingOccurrences(of: "\n", with: " ").utf8), source: "item"))
            }
        }
        let scores = options.task == .targetSentiment ? [] : scoreAll(items)
        // The bias score comes from a trained bias model when there is one: its features are
        // computed as in training, with the hand-set opinion model.
        let biasModel = try lexicons.biasModel.map(ScoringConfig.modelParts)
        let base = lexicons.withoutModels()
        let baseScorer = ArticleScorer(lexicons: base)
        func modelBias(_ items: [Item]) -> [Double] {
            guard let model = biasModel else { return [] }
            return Parallel.map(items) { item in
                let text = item.text.replacingOccurrences(of: "\n", with: " ")
                let doc = Document(try! InputText(bytes: Array(text.utf8), source: "item"), lexicons: base)
                let f = Trainer.features(baseScorer.score(doc), document: doc, config: base.config, task: .bias, stemmed: model.stemmed)
                var z = model.bias
                for (i, name) in Trainer.cueFeatures.enumerated() { z += (model.cues[name] ?? 0) * f.cues[i] }
                for (k, name) in Trainer.biasFeatures.enumerated() { z += (model.cues[name] ?? 0) * f.cues[Trainer.cueFeatures.count + k] }
                for term in f.terms { z += model.terms[term] ?? 0 }
                return 1 / (1 + exp(-z))
            }
        }
        func taskScores(_ items: [Item], _ scored: [ArticleScore]) -> [Double] {
            options.task == .bias && biasModel != nil ? modelBias(items) : scored.map { binaryScore($0, task: options.task) }
        }
        var result = Evaluation(task: options.task, data: path, dataSHA256: sha, n: items.count, leftOut: leftOut,
                                binary: nil, thresholdSource: nil, pearson: nil, spearman: nil, tokens: nil,
                                multiclass: nil, cutoffs: nil, labelMapping: "")
        switch options.task {
        case .subjectivity, .bias:
            let gold = try items.map { try binaryLabel($0.label, options: options, file: path, line: $0.line) }
            let values = taskScores(items, scores)
            var threshold = options.task == .bias ? (biasModel?.threshold ?? lexicons.config.threshold) : lexicons.config.threshold
            var source = options.task == .bias && biasModel != nil ? "the bias model's threshold (bias-model.tsv)"
                : (lexicons.config.modelName.map { "the model's threshold (\($0))" } ?? "the model's threshold (scoring.tsv subjectivity.threshold)")
            if let fixed = options.threshold {
                threshold = fixed
                source = "given with --threshold"
            } else if !options.fitOn.isEmpty {
                var fitGold: [Bool] = [], fitScores: [Double] = []
                for file in options.fitOn {
                    let fit = try load(file, options: options, folds: options.fitFolds.map(Set.init))
                    fitGold += try fit.items.map { try binaryLabel($0.label, options: options, file: file, line: $0.line) }
                    fitScores += taskScores(fit.items, scoreAll(fit.items))
                }
                threshold = Metrics.bestThreshold(scores: fitScores, gold: fitGold, preferred: lexicons.config.threshold)
                let folds = options.fitFolds.map { " folds " + $0.map(String.init).joined(separator: ",") } ?? ""
                source = "best macro-F1 on \(options.fitOn.joined(separator: " + "))\(folds) (\(fitGold.count) items)"
            }
            let positive = options.positive.isEmpty ? (options.task == .bias ? "biased" : "opinion") : options.positive.joined(separator: "|")
            let negative = options.task == .bias ? "non-biased" : "fact"
            result.binary = Metrics.binary(scores: values, gold: gold, threshold: threshold, positive: positive, negative: negative)
            result.thresholdSource = source
            result.labelMapping = options.positive.isEmpty
                ? "positive: \(positiveLabels.sorted().joined(separator: ", ")); negative: \(negativeLabels.sorted().joined(separator: ", ")); left out: \(skippedLabels.sorted().joined(separator: ", "))"
                : "positive: \(options.positive.joined(separator: ", ")); every other label negative"
        case .valence:
            let gold = try items.map { item -> Double in
                if let n = item.label as? NSNumber { return n.doubleValue }
                if let s = item.label as? String, let v = Double(s) { return v }
                throw SlantError(.badInput, file: path, line: item.line, "the valence label is not a number")
            }
            let values = scores.map { $0.summary.sentiment.compound }
            result.pearson = Metrics.pearson(values, gold)
            result.spearman = Metrics.spearman(values, gold)
            result.labelMapping = "numeric label against the compound sentiment of the whole text"
        case .loadedWords:
            var predicted: [Set<Int>] = [], gold: [Set<Int>] = []
            for (item, score) in zip(items, scores) {
                let words = WordTokens(item.text.replacingOccurrences(of: "\n", with: " "))
                gold.append(words.covered(by: try goldSpans(item.label, file: path, line: item.line)))
                predicted.append(words.covered(by: score.paragraphs.flatMap(\.loaded).map { ($0.start, $0.end) }))
            }
            result.tokens = Metrics.tokenScores(predicted: predicted, gold: gold)
            result.labelMapping = "word tokens inside a gold span against word tokens inside a loaded-language hit (any voice)"
        case .targetSentiment:
            let model = lexicons.targetModel
            func stances(_ items: [Item]) -> [Double] {
                Parallel.map(items) { item in
                    let text = item.text.replacingOccurrences(of: "\n", with: " ")
                    let input = try! InputText(bytes: Array(text.utf8), source: "item")
                    if let model { return Double(model.classify(scorer.targetFeatures(input, start: item.target!.start, end: item.target!.end))) }
                    return scorer.targetStance(input, start: item.target!.start, end: item.target!.end)?.stance ?? 0
                }
            }
            func classes(_ items: [Item], file: String) throws -> [Int] {
                try items.map { item in
                    guard let s = item.label as? String, let k = targetLabels.firstIndex(of: s.lowercased()) else {
                        throw SlantError(.badInput, file: file, line: item.line, "label '\(item.label)' is not negative, neutral or positive")
                    }
                    return k
                }
            }
            let gold = try classes(items, file: path)
            let values = stances(items)
            let band = lexicons.config.stanceNeutralBand
            var cutoffs = model == nil ? (negative: band, positive: band) : (negative: 0.5, positive: 0.5)
            var source = model.map { "the target model's most probable class (\($0.name)), as -1/0/+1" } ?? "the neutral band of scoring.tsv (stance.neutral-band)"
            if let fixed = options.threshold {
                cutoffs = (fixed, fixed)
                source = "given with --threshold"
            } else if !options.fitOn.isEmpty {
                var fitGold: [Int] = [], fitScores: [Double] = []
                for file in options.fitOn {
                    let fit = try load(file, options: options, folds: options.fitFolds.map(Set.init))
                    fitGold += try classes(fit.items, file: file)
                    fitScores += stances(fit.items)
                }
                cutoffs = Metrics.bestCutoffs(scores: fitScores, gold: fitGold)
                let folds = options.fitFolds.map { " folds " + $0.map(String.init).joined(separator: ",") } ?? ""
                source = "best macro-F1 on \(options.fitOn.joined(separator: " + "))\(folds) (\(fitGold.count) items)"
            }
            result.multiclass = Metrics.multiclass(predicted: values.map { Metrics.threeWay($0, negative: cutoffs.negative, positive: cutoffs.positive) },
                                                   gold: gold, labels: targetLabels)
            result.cutoffs = cutoffs
            result.thresholdSource = source
            result.labelMapping = (model == nil ? "the marked target's stance (all holders)" : "the target model's class as -1/0/+1") + ": negative at or below -cut-off, positive at or above +cut-off, neutral between; an unevaluated target is 0"
        }
        return result
    }
}
