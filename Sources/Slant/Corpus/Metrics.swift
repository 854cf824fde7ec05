import Foundation

/// Agreement with human labels.
public enum Metrics {
    /// Precision, recall and F1 of one class.
    public struct ClassScores: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    /// Binary classification results with `positive` and `negative` class names.
    public struct Binary: Sendable, Equatable {
        public var positive: String
        public var negative: String
        public var threshold: Double
        /// truePositive, falseNegative, falsePositive, trueNegative.
        public var tp: Int, fn: Int, fp: Int, tn: Int
        public var n: Int { tp + fn + fp + tn }
        public var accuracy: Double { n > 0 ? Double(tp + tn) / Double(n) : 0 }
        public var positiveScores: ClassScores { Metrics.scores(tp: tp, fp: fp, fn: fn) }
        public var negativeScores: ClassScores { Metrics.scores(tp: tn, fp: fn, fn: fp) }
        public var macroF1: Double { (positiveScores.f1 + negativeScores.f1) / 2 }
    }

    static func scores(tp: Int, fp: Int, fn: Int) -> ClassScores {
        let precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
        let recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return ClassScores(precision: precision, recall: recall, f1: f1, support: tp + fn)
    }

    /// Predicts positive when score ≥ threshold.
    public static func binary(scores: [Double], gold: [Bool], threshold: Double, positive: String, negative: String) -> Binary {
        var result = Binary(positive: positive, negative: negative, threshold: threshold, tp: 0, fn: 0, fp: 0, tn: 0)
        for (score, truth) in zip(scores, gold) {
            switch (score >= threshold, truth) {
            case (true, true): result.tp += 1
            case (false, true): result.fn += 1
            case (true, false): result.fp += 1
            case (false, false): result.tn += 1
            }
        }
        return result
    }

    /// The threshold with the best macro-F1 on these scores (midpoints between distinct
    /// scores are the candidates; ties go to the candidate nearest `preferred`).
    public static func bestThreshold(scores: [Double], gold: [Bool], preferred: Double = 0.5) -> Double {
        let distinct = Array(Set(scores)).sorted()
        guard !distinct.isEmpty else { return preferred }
        var candidates = [distinct[0] - 1e-9]
        for (a, b) in zip(distinct, distinct.dropFirst()) { candidates.append((a + b) / 2) }
        candidates.append(distinct[distinct.count - 1] + 1e-9)
        var best = preferred, bestF1 = -1.0
        for t in candidates {
            let f1 = binary(scores: scores, gold: gold, threshold: t, positive: "+", negative: "-").macroF1
            if f1 > bestF1 + 1e-12 || (abs(f1 - bestF1) <= 1e-12 && abs(t - preferred) < abs(best - preferred)) {
                best = t
                bestF1 = f1
            }
        }
        return best
    }

    /// Pearson's correlation coefficient (nil when either side has no variance).
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) { sxy += (a - mx) * (b - my); sxx += (a - mx) * (a - mx); syy += (b - my) * (b - my) }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Spearman's rank correlation: Pearson on ranks, ties given their average rank.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(ranks(x), ranks(y))
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = average }
            i = j + 1
        }
        return ranks
    }

    /// Token-level precision, recall and F1 of predicted against gold token sets (micro).
    public static func tokenScores(predicted: [Set<Int>], gold: [Set<Int>]) -> ClassScores {
        var tp = 0, fp = 0, fn = 0
        for (p, g) in zip(predicted, gold) {
            tp += p.intersection(g).count
            fp += p.subtracting(g).count
            fn += g.subtracting(p).count
        }
        return scores(tp: tp, fp: fp, fn: fn)
    }

    /// Several classes: a confusion matrix (rows gold, columns predicted) over `labels`.
    public struct Multiclass: Sendable, Equatable {
        public var labels: [String]
        public var matrix: [[Int]]
        public var n: Int { matrix.reduce(0) { $0 + $1.reduce(0, +) } }
        public var accuracy: Double { n > 0 ? Double(labels.indices.reduce(0) { $0 + matrix[$1][$1] }) / Double(n) : 0 }
        public func scores(_ k: Int) -> ClassScores {
            let tp = matrix[k][k]
            let fn = matrix[k].reduce(0, +) - tp
            let fp = labels.indices.reduce(0) { $0 + matrix[$1][k] } - tp
            return Metrics.scores(tp: tp, fp: fp, fn: fn)
        }
        /// Unweighted mean of the classes' F1.
        public var macroF1: Double { labels.isEmpty ? 0 : labels.indices.reduce(0) { $0 + scores($1).f1 } / Double(labels.count) }
    }

    public static func multiclass(predicted: [Int], gold: [Int], labels: [String]) -> Multiclass {
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for (p, g) in zip(predicted, gold) { matrix[g][p] += 1 }
        return Multiclass(labels: labels, matrix: matrix)
    }

    /// Three classes from one signed score: negative below `-negative`, positive at or above
    /// `positive`, neutral between. Returns class indices 0 negative, 1 neutral, 2 positive.
    public static func threeWay(_ score: Double, negative: Double, positive: Double) -> Int {
        score <= -negative ? 0 : (score >= positive ? 2 : 1)
    }

    /// The (negative, positive) cut-offs with the best macro-F1 on these scores; candidates
    /// are quantiles of |score|, ties go to the smaller pair.
    public static func bestCutoffs(scores: [Double], gold: [Int]) -> (negative: Double, positive: Double) {
        let magnitudes = Array(Set(scores.map { abs($0) }.filter { $0 > 0 })).sorted()
        var candidates: [Double] = [1e-9]
        if !magnitudes.isEmpty {
            for q in stride(from: 0.0, through: 0.98, by: 0.02) { candidates.append(magnitudes[Int(q * Double(magnitudes.count - 1))]) }
        }
        candidates = Array(Set(candidates)).sorted()
        var best = (negative: 1e-9, positive: 1e-9, f1: -1.0)
        for n in candidates {
            for p in candidates {
                let predicted = scores.map { threeWay($0, negative: n, positive: p) }
                let f1 = multiclass(predicted: predicted, gold: gold, labels: ["negative", "neutral", "positive"]).macroF1
                if f1 > best.f1 + 1e-12 { best = (n, p, f1) }
            }
        }
        return (best.negative, best.positive)
    }
}
