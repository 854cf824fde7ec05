import Foundation

/// `slant train`: fits the opinion (or bias) model from labeled JSON Lines.
///
/// The model is a logistic regression `P(positive) = σ(b + Σ_c w_c x_c + Σ_t w_t [t])` over
/// Slant's cue features `x_c` (each cue type's evidence, summed over the item, exactly as the
/// opinion model sees it) and indicators `[t]` of words in the writer's own voice (as
/// ``LightStem`` stems, so inflections share a weight) that occur in
/// at least `minTermCount` training items. The loss is the mean log-loss plus `λ/2 · |w|²`
/// (the intercept is not penalised), minimised by full-batch Adam (Kingma & Ba 2015) with a
/// fixed number of steps, so the result is deterministic. The dense cue block uses BLAS
/// `sgemv`; word indicators are sparse. `λ` and the decision threshold are chosen by
/// cross-validation on the training items only (their folds under the shared hash), then the
/// model is refitted on all of them.
public struct Trainer: Sendable {
    public enum Task: String, Sendable, CaseIterable {
        case subjectivity
        case bias
    }

    public struct Options: Sendable {
        public var task: Task = .subjectivity
        public var files: [String] = []
        public var fitFolds: [Int]?
        public var textField = "text"
        public var labelField = "label"
        public var positive: [String] = []
        public var lambdas: [Double] = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1]
        public var minTermCount = 3
        public var maxTerms = 4000
        public var steps = 400
        public var learningRate = 0.05
        public var name = "opinion-model"
        public var version = "1.0.0"
        public init() {}
    }

    /// One training item's features.
    struct Example {
        var cues: [Double]       // one value per cue name
        var terms: [String]      // distinct writer's-voice words
        var label: Bool
        var fold: Int
        var file = 0             // index of the training file it came from
    }

    /// What one item contributes to the out-of-fold `loaded-learned` feature: the word forms a
    /// learned entry could claim (not inside another hit, not event vocabulary), and, when the
    /// item carries word annotations, each of its words with whether annotators marked it.
    struct LearnedEvidence {
        var candidates: [(form: String, author: Bool, sentence: Int)]
        var words: [(form: String, marked: Bool)]?
    }

    /// The fitted model.
    public struct Model: Sendable {
        public var bias: Double
        public var threshold: Double
        public var cueWeights: [String: Double]
        public var termWeights: [(term: String, weight: Double)]
        public var lambda: Double
        /// Cross-validated macro-F1 at the chosen threshold, and the per-λ results.
        public var cvMacroF1: Double
        public var cvTable: [(lambda: Double, macroF1: Double)]
        public var examples: Int
        public var positives: Int
        /// The training files, with each file's cross-validated macro-F1 (its items' out-of-fold
        /// scores at the chosen λ and threshold).
        public var data: [(path: String, sha256: String, items: Int, cvMacroF1: Double)]
    }

    /// Cue types that become features (everything the opinion model counts, except `term`).
    public static let cueFeatures = ScoringConfig.cueNames
    /// The bias model's two further features, after `cueFeatures`: the summed weight of the
    /// hand-written loaded hits in any voice (`loaded-any`), and of the learned list's hits
    /// (`loaded-learned`, 0 without a learned list).
    public static let biasFeatures = ["loaded-any", "loaded-learned"]

    /// Feature values of one scored item: for each cue type, Σ over its cues of
    /// weight / configured weight (the cue's own scale: count × entry weight, share, …);
    /// and, for bias, the summed weights of the hand-written and of the learned loaded hits
    /// in any voice (`biasFeatures`).
    /// - Parameter stemmed: key the words by ``LightStem`` (what `train` writes; a model file
    ///   says so with its `stemmed` key).
    static func features(_ score: ArticleScore, document: Document, config: ScoringConfig, task: Task, stemmed: Bool = true) -> (cues: [Double], terms: Set<String>) {
        var values = [Double](repeating: 0, count: cueFeatures.count + biasFeatures.count)
        let index = Dictionary(uniqueKeysWithValues: cueFeatures.enumerated().map { ($1, $0) })
        for cue in score.paragraphs.flatMap(\.cues) where cue.cue != "learned-loaded" {
            guard let i = index[cue.cue] else { continue }
            let base = config.weight(ofCue: cue.cue)
            if base != 0 { values[i] += cue.weight / base }
        }
        // The learned list's words in the writer's voice, as the opinion model counts them
        // (at most cue-cap per sentence, each by its weight), whatever weight the base
        // configuration gives the cue (the built-in one gives 0, so it emits none).
        var perSentence: [Int: Int] = [:]
        for hit in score.paragraphs.flatMap(\.loaded) where hit.category == "learned" && hit.voice == .author {
            let sentence = document.sentenceIndex(ofToken: hit.tokens.lowerBound)
            guard perSentence[sentence, default: 0] < Int(config.cueCap) else { continue }
            perSentence[sentence, default: 0] += 1
            values[index["learned-loaded"]!] += hit.weight
        }
        if task == .bias {
            let hits = score.paragraphs.flatMap(\.loaded)
            values[cueFeatures.count] = hits.filter { $0.category != "learned" }.reduce(0) { $0 + $1.weight }
            values[cueFeatures.count + 1] = hits.filter { $0.category == "learned" }.reduce(0) { $0 + $1.weight }
        }
        var terms = Set<String>()
        for (i, token) in document.tokens.enumerated() where token.kind == .word && document.voices[i] == .author {
            let word = token.stem ?? token.norm
            terms.insert(stemmed ? LightStem.of(word) : word)
        }
        return (values, terms)
    }

    /// Trains from the files in `options`.
    /// - Throws: ``SlantError`` for unreadable data, unknown labels, or a single-class set.
    public static func train(_ options: Options, lexicons: LexiconSet) throws -> Model {
        let base = lexicons.withoutModels()
        let scorer = ArticleScorer(lexicons: base)
        var examples: [Example] = []
        var evidence: [LearnedEvidence] = []
        var stamps: [(String, String, Int)] = []
        let learnedList = base.loadedLearned
        var evalOptions = Evaluation.Options()
        evalOptions.textField = options.textField
        evalOptions.labelField = options.labelField
        evalOptions.positive = options.positive
        for spec in options.files {
            // PATH, PATH#LABEL_FIELD or PATH#LABEL_FIELD#FOLDS (e.g. babe.jsonl#label_opinion#1,2,3,4).
            let parts = spec.split(separator: "#", omittingEmptySubsequences: false).map(String.init)
            let file = parts[0]
            guard !(file as NSString).lastPathComponent.lowercased().contains("test") else {
                throw SlantError(.usage, file: file, "refusing to train on a file whose name says test")
            }
            var fileOptions = evalOptions
            if parts.count > 1, !parts[1].isEmpty { fileOptions.labelField = parts[1] }
            var folds = options.fitFolds
            if parts.count > 2 {
                let parsed = parts[2].split(separator: ",").compactMap { Int($0) }
                guard !parsed.isEmpty, parsed.allSatisfy({ (0..<5).contains($0) }) else {
                    throw SlantError(.usage, file: file, "folds after the second '#' must be numbers 0…4 separated by commas")
                }
                folds = parsed
            }
            let (items, sha, _) = try Evaluation.load(file, options: fileOptions, folds: folds.map(Set.init))
            let labels = try items.map { try Evaluation.binaryLabel($0.label, options: fileOptions, file: file, line: $0.line) }
            // Word annotations of the same records, when the file has them and a learned list
            // is in use: they make the learned-list feature out of fold (see below).
            var spansByLine: [Int: [(Int, Int)]] = [:]
            if learnedList != nil {
                var spanOptions = fileOptions
                spanOptions.task = .loadedWords
                spanOptions.labelField = "biased_word_spans"
                if let annotated = try? Evaluation.load(file, options: spanOptions, folds: folds.map(Set.init)).items {
                    for item in annotated { spansByLine[item.line] = try Evaluation.goldSpans(item.label, file: file, line: item.line) }
                }
            }
            let extracted = Parallel.map(items) { item -> (cues: [Double], terms: Set<String>, fold: Int, evidence: LearnedEvidence?) in
                let text = item.text.replacingOccurrences(of: "\n", with: " ")
                let doc = Document(try! InputText(bytes: Array(text.utf8), source: "item"), lexicons: base)
                let score = scorer.score(doc)
                let f = features(score, document: doc, config: base.config, task: options.task)
                guard learnedList != nil else { return (f.cues, f.terms, Folds.fold(of: item.text), nil) }
                // Words a learned entry could claim: those no other hit covers, as in detection.
                var covered = Set<Int>()
                for hit in score.paragraphs.flatMap(\.loaded) where hit.category != "learned" { covered.formUnion(hit.tokens) }
                let candidates = doc.tokens.indices.filter { i in
                    doc.kind(i) == .word && !covered.contains(i) && !base.eventMatcher.contains(normOf: doc, i)
                }.map { (form: doc.stems[$0] ?? doc.norms[$0], author: doc.voices[$0] == .author, sentence: doc.sentenceIndex(ofToken: $0)) }
                let words = spansByLine[item.line].map { spans -> [(form: String, marked: Bool)] in
                    let tokens = Evaluation.WordTokens(text)
                    let marked = tokens.covered(by: spans)
                    return tokens.words.enumerated().map { (form: $1.stem ?? $1.norm, marked: marked.contains($0)) }
                }
                return (f.cues, f.terms, Folds.fold(of: item.text), LearnedEvidence(candidates: candidates, words: words))
            }
            for (e, label) in zip(extracted, labels) {
                examples.append(Example(cues: e.cues, terms: e.terms.sorted(), label: label, fold: e.fold, file: stamps.count))
                if let ev = e.evidence { evidence.append(ev) }
            }
            let detail = (parts.count > 1 ? " field \(fileOptions.labelField ?? "label")" : "") + (folds.map { " folds " + $0.map(String.init).joined(separator: ",") } ?? "")
            stamps.append((file + detail, sha, items.count))
        }
        if let learnedList { outOfFoldLearned(&examples, evidence: evidence, list: learnedList, cap: Int(base.config.cueCap)) }
        let positives = examples.filter(\.label).count
        guard positives > 0, positives < examples.count else {
            throw SlantError(.badInput, "training needs both positive and negative items (\(positives) of \(examples.count) are positive)")
        }
        // Vocabulary: words in at least minTermCount items, most frequent first, capped.
        var documentFrequency: [String: Int] = [:]
        for e in examples { for t in e.terms { documentFrequency[t, default: 0] += 1 } }
        let vocabulary = documentFrequency.filter { $0.value >= options.minTermCount }
            .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(options.maxTerms).map(\.key).sorted()
        let termIndex = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let dense = cueFeatures.count + (options.task == .bias ? biasFeatures.count : 0)
        let design = Design(examples: examples, dense: dense, termIndex: termIndex)

        // Cross-validation over the items' own folds.
        let folds = Array(Set(examples.map(\.fold))).sorted()
        var table: [(Double, Double)] = []
        var best: (lambda: Double, f1: Double, threshold: Double) = (options.lambdas[0], -1, 0.5)
        var bestOutOfFold: [Double] = []
        for lambda in options.lambdas {
            var outOfFold = [Double](repeating: 0, count: examples.count)
            for fold in folds where folds.count > 1 {
                let train = examples.indices.filter { examples[$0].fold != fold }
                let (w, b) = design.fit(rows: train, lambda: lambda, steps: options.steps, learningRate: options.learningRate)
                for i in examples.indices where examples[i].fold == fold { outOfFold[i] = design.probability(i, w, b) }
            }
            let gold = examples.map(\.label)
            let threshold = Metrics.bestThreshold(scores: outOfFold, gold: gold)
            let f1 = Metrics.binary(scores: outOfFold, gold: gold, threshold: threshold, positive: "+", negative: "-").macroF1
            table.append((lambda, f1))
            if f1 > best.f1 + 1e-9 { best = (lambda, f1, threshold); bestOutOfFold = outOfFold }
        }
        // Each file's share of the cross-validation, at the chosen λ and threshold.
        let cvByFile = stamps.indices.map { file -> Double in
            let rows = examples.indices.filter { examples[$0].file == file }
            guard !bestOutOfFold.isEmpty, !rows.isEmpty else { return 0 }
            return Metrics.binary(scores: rows.map { bestOutOfFold[$0] }, gold: rows.map { examples[$0].label },
                                  threshold: best.threshold, positive: "+", negative: "-").macroF1
        }
        let (w, b) = design.fit(rows: Array(examples.indices), lambda: best.lambda, steps: options.steps, learningRate: options.learningRate)
        var cueWeights: [String: Double] = [:]
        for (i, name) in cueFeatures.enumerated() { cueWeights[name] = w[i] }
        if options.task == .bias { for (k, name) in biasFeatures.enumerated() { cueWeights[name] = w[cueFeatures.count + k] } }
        let terms = vocabulary.enumerated().map { (term: $1, weight: w[dense + $0]) }.filter { abs($0.weight) >= 0.005 }
        return Model(bias: b, threshold: best.threshold, cueWeights: cueWeights, termWeights: terms, lambda: best.lambda,
                     cvMacroF1: best.f1, cvTable: table, examples: examples.count, positives: positives,
                     data: zip(stamps, cvByFile).map { (path: $0.0.0, sha256: $0.0.1, items: $0.0.2, cvMacroF1: $0.1) })
    }

    /// Replaces the learned-list features (`learned-loaded`, the writer's voice, at most `cap`
    /// per sentence; and the bias model's `loaded-learned`, any voice) of items that carry word
    /// annotations by their out-of-fold values. The learned list was fitted on those
    /// annotations, so its hits would leak each item's own labels into the model; instead each
    /// such item sees the list's words with weights `marked / (occurrences + 1)` counted on the
    /// annotated items of the other folds only, kept when marked at least once and at or above
    /// the list's smallest weight (a word the full list lacks counts 0). Items without
    /// annotations keep the list as it is, as any new text will.
    static func outOfFoldLearned(_ examples: inout [Example], evidence: [LearnedEvidence], list: Lexicon, cap: Int) {
        guard evidence.count == examples.count else { return }
        let applied = Dictionary(list.entries.filter { $0.category == "learned" }.map { ($0.key, $0.weight) }, uniquingKeysWith: { a, _ in a })
        guard let floor = applied.values.min() else { return }
        let annotated = examples.indices.filter { evidence[$0].words != nil }
        var countsByFold: [Int: [String: (k: Int, n: Int)]] = [:]
        for fold in Set(annotated.map { examples[$0].fold }) {
            var counts: [String: (k: Int, n: Int)] = [:]
            for i in annotated where examples[i].fold != fold {
                for w in evidence[i].words! where applied[w.form] != nil {
                    var c = counts[w.form] ?? (0, 0)
                    c.n += 1
                    if w.marked { c.k += 1 }
                    counts[w.form] = c
                }
            }
            countsByFold[fold] = counts
        }
        let anyVoice = cueFeatures.count + 1
        let writer = cueFeatures.firstIndex(of: "learned-loaded")!
        for i in annotated {
            let counts = countsByFold[examples[i].fold]!
            func weight(_ form: String) -> Double {
                guard let c = counts[form], c.k >= 1 else { return 0 }
                let w = Double(c.k) / Double(c.n + 1)
                return w >= floor ? w : 0
            }
            var total = 0.0, own = 0.0
            var perSentence: [Int: Int] = [:]
            for c in evidence[i].candidates {
                let w = weight(c.form)
                guard w > 0 else { continue }
                total += w
                if c.author, perSentence[c.sentence, default: 0] < cap {
                    perSentence[c.sentence, default: 0] += 1
                    own += w
                }
            }
            examples[i].cues[anyVoice] = total
            examples[i].cues[writer] = own
        }
    }

    /// The training matrix: a dense block of cue features (row-major, for BLAS) and the
    /// sparse word indicators of each row.
    struct Design {
        let rows: Int
        let dense: Int
        let width: Int
        let x: [Float]
        let terms: [[Int]]
        let labels: [Double]

        init(examples: [Example], dense: Int, termIndex: [String: Int]) {
            rows = examples.count
            self.dense = dense
            width = dense + termIndex.count
            var x = [Float](repeating: 0, count: examples.count * dense)
            for (r, e) in examples.enumerated() { for c in 0..<dense { x[r * dense + c] = Float(e.cues[c]) } }
            self.x = x
            terms = examples.map { $0.terms.compactMap { termIndex[$0].map { dense + $0 } } }
            labels = examples.map { $0.label ? 1 : 0 }
        }

        func probability(_ row: Int, _ w: [Double], _ b: Double) -> Double {
            var z = b
            for c in 0..<dense { z += Double(x[row * dense + c]) * w[c] }
            for t in terms[row] { z += w[t] }
            return 1 / (1 + exp(-z))
        }

        /// Minimises mean log-loss + λ/2 |w|² over `rows` with Adam; returns (w, b).
        func fit(rows subset: [Int], lambda: Double, steps: Int, learningRate: Double) -> ([Double], Double) {
            var w = [Double](repeating: 0, count: width), b = 0.0
            var m = [Double](repeating: 0, count: width + 1), v = m
            let n = Double(subset.count)
            let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)
            // The dense block of the subset, for BLAS.
            var block = [Float](repeating: 0, count: subset.count * dense)
            for (k, r) in subset.enumerated() { for c in 0..<dense { block[k * dense + c] = x[r * dense + c] } }
            for step in 1...steps {
                let zDense = BLAS.gemv(block, rows: subset.count, columns: dense, w.prefix(dense).map(Float.init))
                var residual = [Float](repeating: 0, count: subset.count)
                var gradient = [Double](repeating: 0, count: width + 1)
                for (k, r) in subset.enumerated() {
                    var z = b + Double(zDense[k])
                    for t in terms[r] { z += w[t] }
                    let error = 1 / (1 + exp(-z)) - labels[r]
                    residual[k] = Float(error)
                    for t in terms[r] { gradient[t] += error }
                    gradient[width] += error
                }
                let denseGradient = BLAS.gemv(block, rows: subset.count, columns: dense, residual, transpose: true)
                for c in 0..<dense { gradient[c] = Double(denseGradient[c]) }
                for j in 0..<width { gradient[j] = gradient[j] / n + lambda * w[j] }
                gradient[width] /= n
                let correction1 = 1 - pow(beta1, Double(step)), correction2 = 1 - pow(beta2, Double(step))
                for j in 0...width {
                    m[j] = beta1 * m[j] + (1 - beta1) * gradient[j]
                    v[j] = beta2 * v[j] + (1 - beta2) * gradient[j] * gradient[j]
                    let update = learningRate * (m[j] / correction1) / ((v[j] / correction2).squareRoot() + epsilon)
                    if j == width { b -= update } else { w[j] -= update }
                }
            }
            return (w, b)
        }
    }
}

extension Trainer.Model {
    /// The model as a Slant lexicon: `model` entries for the intercept and threshold, `cue`
    /// entries for cue weights, `term` entries for learned word weights, with the training
    /// data, options and cross-validated scores in the header.
    public func lexicon(_ options: Trainer.Options) -> Lexicon {
        func f(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }
        var entries: [Lexicon.Entry] = [
            .init(term: "bias", category: "model", weight: f(bias), note: "intercept (logit)"),
            .init(term: "threshold", category: "model", weight: f(threshold), note: "decision threshold chosen by cross-validation"),
            .init(term: "stemmed", category: "model", weight: 1, note: "term entries are light stems: inflections and -ly stripped"),
        ]
        for name in Trainer.cueFeatures + Trainer.biasFeatures.filter({ cueWeights[$0] != nil }) {
            entries.append(.init(term: name, category: "cue", weight: f(cueWeights[name] ?? 0), note: "learned cue weight"))
        }
        for t in termWeights.sorted(by: { abs($0.weight) > abs($1.weight) || (abs($0.weight) == abs($1.weight) && $0.term < $1.term) }) {
            entries.append(.init(term: t.term, category: "term", weight: f(t.weight), note: t.weight > 0 ? "learned: leans positive" : "learned: leans negative"))
        }
        let data = self.data.map { d -> String in
            let path = d.path.split(separator: " ", maxSplits: 1).map(String.init)
            let name = (path[0] as NSString).pathComponents.suffix(2).joined(separator: "/")
            return "\(name)\(path.count > 1 ? " " + path[1] : "") (\(d.items) items, sha256 \(d.sha256), cross-validated macro-F1 \(String(format: "%.3f", d.cvMacroF1)))"
        }.joined(separator: "; ")
        let cv = cvTable.map { "λ=\($0.lambda): \(String(format: "%.3f", $0.macroF1))" }.joined(separator: ", ")
        let folds = options.fitFolds.map { ", all files folds " + $0.map(String.init).joined(separator: ",") } ?? ""
        return Lexicon(
            name: options.name, version: options.version,
            license: "weights derived from the training data named in source; see the data's own licenses",
            source: "slant train --task \(options.task.rawValue) on \(data)\(folds); \(examples) items, \(positives) positive",
            description: "logistic regression over Slant's cue features and writer's-voice words; L2 λ=\(lambda) chosen by cross-validation (macro-F1 \(cv)); cross-validated macro-F1 \(String(format: "%.3f", cvMacroF1)) at threshold \(String(format: "%.4f", threshold)); options: min term count \(options.minTermCount), at most \(options.maxTerms) terms, \(options.steps) Adam steps at rate \(options.learningRate)",
            range: -100...100, entries: entries)
    }
}
