import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast generator whose output is fixed by
/// its seed on every platform, so bootstrap intervals and permutation p-values reproduce.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator of its own for one named computation (`stream`, such as a group and a
    /// measure): the seed is mixed with the FNV-1a hash of the name's UTF-8. Each interval and
    /// test then draws the same numbers whatever else is computed, in whatever order or on
    /// however many cores.
    public init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in stream.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        var mixer = SeededGenerator(seed: seed ^ hash)
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<n (Lemire's multiply-high method).
    public mutating func index(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }
}

/// A measure per document as a ratio: the group value pools numerators and denominators
/// (hits per 100 words: Σ hits / Σ words × 100), or averages values (sentiment), with
/// documents as the sampling unit for intervals and tests.
public struct MeasureData: Sendable {
    public var numerators: [Double]
    public var denominators: [Double]
    /// Multiplies the pooled ratio (100 for per-100 rates, 1 for shares and means).
    public var scale: Double

    public init(numerators: [Double], denominators: [Double], scale: Double) {
        precondition(numerators.count == denominators.count)
        self.numerators = numerators
        self.denominators = denominators
        self.scale = scale
    }

    public var count: Int { numerators.count }

    /// Σ numerators / Σ denominators × scale (nil when the denominators sum to 0).
    public func pooled(_ indices: some Sequence<Int>) -> Double? {
        var n = 0.0, d = 0.0
        for i in indices { n += numerators[i]; d += denominators[i] }
        return d > 0 ? n / d * scale : nil
    }

    public var value: Double? { pooled(0..<count) }

    /// Per-document values (documents with a zero denominator left out), for effect sizes.
    public var documentValues: [Double] {
        zip(numerators, denominators).compactMap { $1 > 0 ? $0 / $1 * scale : nil }
    }
}

public enum Statistics {
    /// Percentile bootstrap interval of the pooled value, resampling documents with
    /// replacement (Efron & Tibshirani 1993, ch. 13).
    /// - Returns: nil for fewer than two documents (no honest interval exists).
    /// - Complexity: O(resamples × n).
    public static func bootstrapInterval(_ data: MeasureData, resamples: Int, level: Double = 0.95,
                                         generator: inout SeededGenerator) -> (low: Double, high: Double)? {
        let n = data.count
        guard n >= 2, resamples >= 10 else { return nil }
        var values: [Double] = []
        values.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var num = 0.0, den = 0.0
            for _ in 0..<n {
                let i = generator.index(n)
                num += data.numerators[i]
                den += data.denominators[i]
            }
            if den > 0 { values.append(num / den * data.scale) }
        }
        guard values.count >= 10 else { return nil }
        values.sort()
        return (quantile(values, (1 - level) / 2), quantile(values, 1 - (1 - level) / 2))
    }

    /// Linear-interpolation quantile of sorted values (type 7, as R and numpy default).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty)
        let h = Double(sorted.count - 1) * q
        let lower = Int(h.rounded(.down))
        let upper = min(sorted.count - 1, lower + 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }

    /// Two-sided permutation test of the difference in pooled values between two groups:
    /// group labels are shuffled `permutations` times; p = (1 + #{|Δ*| ≥ |Δ|}) / (1 + permutations)
    /// (Phipson & Smyth 2010, so p is never 0).
    public static func permutationTest(_ a: MeasureData, _ b: MeasureData, permutations: Int,
                                       generator: inout SeededGenerator) -> Double? {
        guard let va = a.value, let vb = b.value, a.count > 0, b.count > 0, permutations > 0 else { return nil }
        let observed = abs(va - vb)
        let numerators = a.numerators + b.numerators
        let denominators = a.denominators + b.denominators
        let total = numerators.count
        let totalN = numerators.reduce(0, +), totalD = denominators.reduce(0, +)
        // Only the smaller group is drawn; the other is what remains. Which group is drawn
        // does not matter for |Δ|.
        let drawn = min(a.count, b.count)
        var order = Array(0..<total)
        var extreme = 0
        // A tolerance so that permutations equal to the observed split count as extreme.
        let tolerance = 1e-12 * max(1, observed)
        order.withUnsafeMutableBufferPointer { order in
            for _ in 0..<permutations {
                // Partial Fisher–Yates: the first `drawn` positions form the shuffled group.
                var n1 = 0.0, d1 = 0.0
                for i in 0..<drawn {
                    let j = i + generator.index(total - i)
                    order.swapAt(i, j)
                    n1 += numerators[order[i]]
                    d1 += denominators[order[i]]
                }
                let n2 = totalN - n1, d2 = totalD - d1
                guard d1 > 0, d2 > 0 else { continue }
                if abs(n1 / d1 - n2 / d2) * a.scale >= observed - tolerance { extreme += 1 }
            }
        }
        return Double(1 + extreme) / Double(1 + permutations)
    }

    /// Holm–Bonferroni adjusted p-values (Holm 1979), in the input order; controls the
    /// family-wise error rate over all tests in a report.
    public static func holm(_ p: [Double?]) -> [Double?] {
        let present = ascending(p)
        var adjusted = [Double?](repeating: nil, count: p.count)
        let m = present.count
        var running = 0.0
        for (rank, item) in present.enumerated() {
            let scaled: Double = Double(m - rank) * item.p
            running = max(running, min(1, scaled))
            adjusted[item.index] = running
        }
        return adjusted
    }

    /// Benjamini–Hochberg adjusted p-values (Benjamini & Hochberg 1995), in the input order;
    /// controls the false discovery rate.
    public static func benjaminiHochberg(_ p: [Double?]) -> [Double?] {
        let present = ascending(p)
        var adjusted = [Double?](repeating: nil, count: p.count)
        let m = Double(present.count)
        var running = 1.0
        for rank in stride(from: present.count - 1, through: 0, by: -1) {
            let scaled: Double = present[rank].p * m / Double(rank + 1)
            running = min(running, scaled)
            adjusted[present[rank].index] = running
        }
        return adjusted
    }

    /// The p-values present, with their positions, smallest first (ties by position).
    private static func ascending(_ p: [Double?]) -> [(index: Int, p: Double)] {
        var present: [(index: Int, p: Double)] = []
        for (index, value) in p.enumerated() {
            if let value { present.append((index, value)) }
        }
        present.sort { a, b in a.p < b.p || (a.p == b.p && a.index < b.index) }
        return present
    }

    /// Cohen's d with the pooled standard deviation; nil when either group has fewer than two
    /// values or both have no spread.
    public static func cohensD(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count >= 2, b.count >= 2 else { return nil }
        func meanVar(_ x: [Double]) -> (Double, Double) {
            let mean = x.reduce(0, +) / Double(x.count)
            let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1)
            return (mean, variance)
        }
        let (ma, va) = meanVar(a), (mb, vb) = meanVar(b)
        let pooled = ((Double(a.count - 1) * va + Double(b.count - 1) * vb) / Double(a.count + b.count - 2)).squareRoot()
        guard pooled > 0 else { return nil }
        return (ma - mb) / pooled
    }

    /// Log-likelihood G² for a term's frequency in a target versus a reference corpus
    /// (Dunning 1993; the two-cell form of Rayson & Garside 2000):
    /// `E₁ = c(a+b)/(c+d)`, `E₂ = d(a+b)/(c+d)`, `G² = 2(a ln(a/E₁) + b ln(b/E₂))`,
    /// with `a`, `b` the term's counts and `c`, `d` the corpus sizes.
    public static func logLikelihood(a: Double, b: Double, c: Double, d: Double) -> Double {
        guard c > 0, d > 0, a + b > 0 else { return 0 }
        let e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d)
        var g = 0.0
        if a > 0 { g += a * log(a / e1) }
        if b > 0 { g += b * log(b / e2) }
        return 2 * g
    }

    /// Log ratio (Hardie 2014): log₂ of the ratio of relative frequencies, with a zero count
    /// replaced by 0.5 so the ratio stays finite.
    public static func logRatio(a: Double, b: Double, c: Double, d: Double) -> Double {
        log2((max(a, 0.5) / c) / (max(b, 0.5) / d))
    }
}
