import Foundation

/// `slant train --task target-sentiment`: fits ``TargetModel`` from items with a marked
/// target and a negative/neutral/positive label.
///
/// An L2-regularised multinomial logistic regression over the features of
/// ``TargetFeatures`` (Adam); the class with the highest probability wins. The regularisation
/// is chosen by cross-validation over the items' own folds
/// (`int(sha1("fold:" + id), 16) % 5`); the evaluation fold is never read when `folds`
/// leaves it out.
public enum TargetTraining {
    public struct Result: Sendable {
        public var model: TargetModel
        public var lambda: Double
        public var cvMacroF1: Double
        public var cvTable: [(lambda: Double, macroF1: Double)]
        public var items: Int
        public var data: [(path: String, sha256: String, items: Int)]
        public var termCount: Int
        /// The model as a lexicon file.
        public var lexicon: Lexicon
    }

    public static func train(files: [String], folds: [Int]?, lexicons: LexiconSet, name: String, version: String,
                             lambdas: [Double] = [0.0005, 0.001, 0.002, 0.004], minTermCount: Int = 3, maxTerms: Int = 8000,
                             steps: Int = 400, learningRate: Double = 0.05) throws -> Result {
        let scorer = ArticleScorer(lexicons: lexicons)
        var options = Evaluation.Options()
        options.task = .targetSentiment
        var features: [TargetFeatures] = []
        var labels: [Int] = []
        var itemFolds: [Int] = []
        var stamps: [(String, String, Int)] = []
        for file in files {
            guard !(file as NSString).lastPathComponent.lowercased().contains("test") else {
                throw SlantError(.usage, file: file, "refusing to train on a file whose name says test")
            }
            let (items, sha, _) = try Evaluation.load(file, options: options, folds: folds.map(Set.init))
            for item in items {
                guard let s = item.label as? String, let k = Evaluation.targetLabels.firstIndex(of: s.lowercased()) else {
                    throw SlantError(.badInput, file: file, line: item.line, "label '\(item.label)' is not negative, neutral or positive")
                }
                labels.append(k)
                itemFolds.append(Folds.fold(of: item.foldKey))
            }
            features += Parallel.map(items) { item in
                let text = item.text.replacingOccurrences(of: "\n", with: " ")
                return scorer.targetFeatures(try! InputText(bytes: Array(text.utf8), source: "item"), start: item.target!.start, end: item.target!.end)
            }
            stamps.append((file, sha, items.count))
        }
        guard Set(labels).count == 3 else {
            throw SlantError(.badInput, "training needs negative, neutral and positive items (found \(Set(labels).map { Evaluation.targetLabels[$0] }.sorted()))")
        }
        // Vocabulary: terms in at least minTermCount items, most frequent first, capped.
        var frequency: [String: Int] = [:]
        for f in features { for t in f.terms { frequency[t, default: 0] += 1 } }
        let vocabulary = frequency.filter { $0.value >= minTermCount }
            .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(maxTerms).map(\.key).sorted()
        let termIndex = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let dense = TargetModel.cueNames.count
        let softmax = Softmax(dense: dense, rows: features.map { f in
            (f.cues, f.terms.compactMap { termIndex[$0] }.sorted())
        }, labels: labels, width: dense + vocabulary.count)
        let foldIDs = Array(Set(itemFolds)).sorted()
        var table: [(Double, Double)] = []
        var best: (lambda: Double, f1: Double) = (lambdas[0], -1)
        for lambda in lambdas {
            var predicted = [Int](repeating: 1, count: features.count)
            for fold in foldIDs where foldIDs.count > 1 {
                let rows = features.indices.filter { itemFolds[$0] != fold }
                let w = softmax.fit(rows: rows, lambda: lambda, steps: steps, learningRate: learningRate)
                for i in features.indices where itemFolds[i] == fold { predicted[i] = softmax.classify(i, w) }
            }
            let f1 = Metrics.multiclass(predicted: predicted, gold: labels, labels: Evaluation.targetLabels).macroF1
            table.append((lambda, f1))
            if f1 > best.f1 + 1e-9 { best = (lambda, f1) }
        }
        let w = softmax.fit(rows: Array(features.indices), lambda: best.lambda, steps: steps, learningRate: learningRate)
        func r(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }
        // Softmax weights are identified only up to a shift per feature: write them relative to
        // the neutral class, so each entry reads as "toward negative" or "toward positive".
        let width = softmax.width
        func weight(_ k: Int, _ j: Int) -> Double { w[k * (width + 1) + j] - w[1 * (width + 1) + j] }
        var entries: [Lexicon.Entry] = [
            .init(term: "bias-negative", category: "model", weight: r(weight(0, width)), note: "intercept of negative against neutral (log-odds)"),
            .init(term: "bias-positive", category: "model", weight: r(weight(2, width)), note: "intercept of positive against neutral (log-odds)"),
        ]
        for (i, cue) in TargetModel.cueNames.enumerated() {
            entries.append(.init(term: cue, category: "cue-negative", weight: r(weight(0, i)), note: "learned, against neutral"))
            entries.append(.init(term: cue, category: "cue-positive", weight: r(weight(2, i)), note: "learned, against neutral"))
        }
        var termCount = 0
        for (k, term) in vocabulary.enumerated() {
            let n = r(weight(0, dense + k)), p = r(weight(2, dense + k))
            guard abs(n) >= 0.005 || abs(p) >= 0.005 else { continue }
            termCount += 1
            entries.append(.init(term: term, category: "term-negative", weight: n, note: "learned, against neutral"))
            entries.append(.init(term: term, category: "term-positive", weight: p, note: "learned, against neutral"))
        }
        let data = stamps.map { "\(($0.0 as NSString).pathComponents.suffix(2).joined(separator: "/")) (\($0.2) items, sha256 \($0.1))" }.joined(separator: "; ")
        let cv = table.map { "λ=\($0.0): \(String(format: "%.3f", $0.1))" }.joined(separator: ", ")
        let lexicon = Lexicon(
            name: name, version: version,
            license: "weights derived from the training data named in source; see the data's own licenses",
            source: "slant train --task target-sentiment on \(data)\(folds.map { ", folds " + $0.map(String.init).joined(separator: ",") } ?? "")",
            description: "multinomial logistic regression (weights against the neutral class) over the target's stance cues and the words of its paragraph (w:), and the three words before (l:) and after (r:) it; L2 λ=\(best.lambda) chosen by cross-validation over folds of the id (macro-F1 \(cv)); cross-validated macro-F1 \(String(format: "%.3f", best.f1)); options: min term count \(minTermCount), at most \(maxTerms) terms, \(steps) Adam steps at rate \(learningRate)",
            range: -100...100, entries: entries)
        return Result(model: try TargetModel(lexicon), lambda: best.lambda, cvMacroF1: best.f1, cvTable: table, items: features.count,
                      data: stamps.map { (path: $0.0, sha256: $0.1, items: $0.2) }, termCount: termCount, lexicon: lexicon)
    }

    /// Three-class softmax regression over a dense block and sparse indicator terms.
    /// Parameters: for each class k, `width` weights then the intercept, at `k * (width + 1)`.
    struct Softmax {
        let dense: Int
        let rows: [(cues: [Double], terms: [Int])]
        let labels: [Int]
        let width: Int

        func logits(_ r: Int, _ w: [Double]) -> [Double] {
            (0..<3).map { k in
                let base = k * (width + 1)
                var z = w[base + width]
                for c in 0..<dense { z += w[base + c] * rows[r].cues[c] }
                for t in rows[r].terms { z += w[base + dense + t] }
                return z
            }
        }

        func classify(_ r: Int, _ w: [Double]) -> Int {
            let z = logits(r, w)
            return z.indices.max { z[$0] < z[$1] }!
        }

        /// Minimises mean cross-entropy + λ/2 |W|² (intercepts unpenalised) with Adam.
        func fit(rows subset: [Int], lambda: Double, steps: Int, learningRate: Double) -> [Double] {
            let count = 3 * (width + 1)
            var w = [Double](repeating: 0, count: count), m = w, v = w
            let n = Double(subset.count)
            let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)
            for step in 1...steps {
                var gradient = [Double](repeating: 0, count: count)
                for r in subset {
                    let z = logits(r, w)
                    let top = z.max()!
                    let e = z.map { exp($0 - top) }
                    let total = e.reduce(0, +)
                    for k in 0..<3 {
                        let error = e[k] / total - (labels[r] == k ? 1 : 0)
                        let base = k * (width + 1)
                        for c in 0..<dense { gradient[base + c] += error * rows[r].cues[c] }
                        for t in rows[r].terms { gradient[base + dense + t] += error }
                        gradient[base + width] += error
                    }
                }
                let correction1 = 1 - pow(beta1, Double(step)), correction2 = 1 - pow(beta2, Double(step))
                for j in 0..<count {
                    let isBias = j % (width + 1) == width
                    let g = gradient[j] / n + (isBias ? 0 : lambda * w[j])
                    m[j] = beta1 * m[j] + (1 - beta1) * g
                    v[j] = beta2 * v[j] + (1 - beta2) * g * g
                    w[j] -= learningRate * (m[j] / correction1) / ((v[j] / correction2).squareRoot() + epsilon)
                }
            }
            return w
        }
    }
}
