import Foundation
import Testing
@testable import Slant

@Suite("Statistics")
struct StatisticsTests {
    @Test func generatorIsReproducibleAndUniform() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        // SplitMix64's published first output for seed 0 is 0xe220a8397b1dcdaf.
        var zero = SeededGenerator(seed: 0)
        #expect(zero.next() == 0xe220a8397b1dcdaf)
        var g = SeededGenerator(seed: 7)
        var counts = [Int](repeating: 0, count: 4)
        for _ in 0..<40_000 { counts[g.index(4)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
    }

    @Test func pooledRatesAndDocumentValues() {
        let d = MeasureData(numerators: [1, 3, 0], denominators: [10, 10, 0], scale: 100)
        #expect(isClose(d.value!, 20))           // (1 + 3 + 0) / (10 + 10 + 0) × 100
        #expect(d.documentValues == [10, 30])     // the document without words is left out
    }

    @Test func quantilesInterpolateLikeRAndNumpy() {
        let sorted: [Double] = [1, 2, 3, 4]
        #expect(isClose(Statistics.quantile(sorted, 0.5), 2.5))
        #expect(isClose(Statistics.quantile(sorted, 0.25), 1.75))
        #expect(isClose(Statistics.quantile(sorted, 1), 4))
    }

    @Test func bootstrapIntervalsAreHonest() {
        var g = SeededGenerator(seed: 1)
        let constant = MeasureData(numerators: [1, 1, 1, 1], denominators: [2, 2, 2, 2], scale: 1)
        let interval = Statistics.bootstrapInterval(constant, resamples: 200, generator: &g)!
        #expect(isClose(interval.low, 0.5) && isClose(interval.high, 0.5))
        let single = MeasureData(numerators: [1], denominators: [2], scale: 1)
        #expect(Statistics.bootstrapInterval(single, resamples: 200, generator: &g) == nil)
        let spread = MeasureData(numerators: (0..<50).map { Double($0 % 2) }, denominators: Array(repeating: 1, count: 50), scale: 1)
        let wide = Statistics.bootstrapInterval(spread, resamples: 1000, generator: &g)!
        // Half the documents are 1: the mean is 0.5 with standard error sqrt(0.25/50) ≈ 0.071.
        #expect(wide.low > 0.3 && wide.low < 0.42 && wide.high > 0.58 && wide.high < 0.7)
    }

    @Test func permutationTestSeparatesDifferentGroups() {
        var g = SeededGenerator(seed: 3)
        let ones = MeasureData(numerators: Array(repeating: 1, count: 8), denominators: Array(repeating: 1, count: 8), scale: 1)
        let zeros = MeasureData(numerators: Array(repeating: 0, count: 8), denominators: Array(repeating: 1, count: 8), scale: 1)
        let p = Statistics.permutationTest(ones, zeros, permutations: 2000, generator: &g)!
        // Exact: only 2 of C(16, 8) = 12,870 splits are as extreme, so p is about 1/2001.
        #expect(p < 0.002)
        let same = Statistics.permutationTest(ones, ones, permutations: 500, generator: &g)!
        #expect(same == 1)
    }

    @Test func permutationPValueApproachesTheExactOne() {
        // Groups of 4 and 5 ratios with uneven denominators: every one of the C(9, 4) = 126
        // splits enumerated gives the exact p; 40,000 random splits come within 0.01 of it,
        // whichever group is the smaller (the test draws only the smaller one).
        let numerators: [Double] = [3, 1, 4, 1, 5, 9, 2, 6, 5], denominators: [Double] = [10, 12, 9, 20, 11, 10, 30, 8, 15]
        func data(_ rows: Range<Int>) -> MeasureData {
            MeasureData(numerators: Array(numerators[rows]), denominators: Array(denominators[rows]), scale: 100)
        }
        let small = data(0..<4), large = data(4..<9)
        let observed = abs(small.value! - large.value!)
        var extreme = 0, splits = 0
        for mask in 0..<(1 << 9) where mask.nonzeroBitCount == 4 {
            var n1 = 0.0, d1 = 0.0, n2 = 0.0, d2 = 0.0
            for i in 0..<9 {
                if mask & (1 << i) != 0 { n1 += numerators[i]; d1 += denominators[i] } else { n2 += numerators[i]; d2 += denominators[i] }
            }
            splits += 1
            if abs(n1 / d1 - n2 / d2) * 100 >= observed - 1e-9 { extreme += 1 }
        }
        #expect(splits == 126)
        let exact = Double(extreme) / Double(splits)
        #expect(exact > 0.05 && exact < 0.95, "a split with a p-value worth estimating")
        var g = SeededGenerator(seed: 11)
        let forward = Statistics.permutationTest(small, large, permutations: 40_000, generator: &g)!
        let backward = Statistics.permutationTest(large, small, permutations: 40_000, generator: &g)!
        #expect(abs(forward - exact) < 0.01 && abs(backward - exact) < 0.01, "\(forward), \(backward) against \(exact)")
    }

    @Test func namedStreamsAreSeparateAndReproducible() {
        var a = SeededGenerator(seed: 5, stream: "test\u{1F}A\u{1F}B\u{1F}sentiment")
        var b = SeededGenerator(seed: 5, stream: "test\u{1F}A\u{1F}B\u{1F}sentiment")
        var c = SeededGenerator(seed: 5, stream: "test\u{1F}A\u{1F}B\u{1F}opinionShare")
        var d = SeededGenerator(seed: 6, stream: "test\u{1F}A\u{1F}B\u{1F}sentiment")
        let first = (0..<4).map { _ in a.next() }
        #expect(first == (0..<4).map { _ in b.next() })
        #expect(first != (0..<4).map { _ in c.next() })
        #expect(first != (0..<4).map { _ in d.next() })
    }

    @Test func holmAndBenjaminiHochbergMatchHandComputedValues() {
        // Holm: sorted p 0.01, 0.02, 0.03, 0.04 → 0.04, 0.06, 0.06 (monotone), 0.06.
        let holm = Statistics.holm([0.03, 0.01, nil, 0.04, 0.02])
        #expect(holm.map { $0.map { ($0 * 1e9).rounded() / 1e9 } } == [0.06, 0.04, nil, 0.06, 0.06])
        // BH: p × m / rank = 0.04, 0.04, 0.04, 0.04 for 0.01, 0.02, 0.03, 0.04.
        let bh = Statistics.benjaminiHochberg([0.03, 0.01, nil, 0.04, 0.02])
        #expect(bh.map { $0.map { ($0 * 1e9).rounded() / 1e9 } } == [0.04, 0.04, nil, 0.04, 0.04])
        #expect(Statistics.holm([0.9, 0.8]) == [1, 1].map(Optional.some))  // 2 × 0.8 caps at 1
    }

    @Test func cohensDMatchesHandComputedValue() {
        // Means 2 and 4, both variances 1 (n − 1 denominator): d = −2.
        #expect(isClose(Statistics.cohensD([1, 2, 3], [3, 4, 5])!, -2))
        #expect(Statistics.cohensD([1], [2, 3]) == nil)
        #expect(Statistics.cohensD([1, 1], [1, 1]) == nil)
    }

    @Test func logLikelihoodAndLogRatioMatchHandComputedValues() {
        // a = 10 in c = 1,000 words; b = 10 in d = 9,000: E1 = 2, E2 = 18.
        let g2 = Statistics.logLikelihood(a: 10, b: 10, c: 1000, d: 9000)
        #expect(isClose(g2, 2 * (10 * log(10.0 / 2) + 10 * log(10.0 / 18)), 1e-9))
        #expect(isClose(Statistics.logRatio(a: 10, b: 10, c: 1000, d: 9000), log2(9)))
        #expect(isClose(Statistics.logRatio(a: 4, b: 0, c: 100, d: 100), log2(4 / 0.5)))
        #expect(Statistics.logLikelihood(a: 0, b: 0, c: 10, d: 10) == 0)
    }
}

@Suite("Comparison")
struct ComparisonTests {
    func corpus(_ lines: [String]) throws -> URL {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("c.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static let opinionated = "This disgraceful, shameless plan is clearly a reckless giveaway. Voters must reject it!"
    static let factual = "The council approved the budget on Tuesday by a vote of 7 to 2, officials said."

    func lines() -> [String] {
        var out: [String] = []
        for i in 0..<12 {
            out.append(#"{"id": "o\#(i)", "outlet": "Opinion Daily", "text": "\#(Self.opinionated) Item \#(i)."}"#)
            out.append(#"{"id": "w\#(i)", "outlet": "Wire", "text": "\#(Self.factual) Item \#(i)."}"#)
        }
        out.append(#"{"id": "x", "text": "No outlet here."}"#)
        out.append(#"{"id": "s", "outlet": "Solo", "text": "\#(Self.factual)"}"#)
        return out
    }

    @Test func groupsDifferAndTheReportSaysHow() throws {
        let file = try corpus(lines())
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        var options = ComparisonRun.Options()
        options.resamples = 200
        options.permutations = 500
        let run = try ComparisonRun.run([try CorpusSpec(path: file.path)], groupBy: "outlet", lexicons: defaultLexicons, options: options)
        #expect(run.groups.map(\.name) == ["Opinion Daily", "Solo", "Wire"])
        #expect(run.groups.map(\.documents) == [12, 1, 12])
        #expect(run.skipped.map(\.id) == ["x"])
        #expect(run.skipped[0].reason == "no 'outlet' field to group by")
        let opinion = run.groups[0].measures.first { $0.name == "opinionShare" }!
        let wire = run.groups[2].measures.first { $0.name == "opinionShare" }!
        #expect(opinion.value == 1 && wire.value == 0)
        #expect(run.groups[1].notes == ["one document: no interval, no effect size"])
        #expect(run.groups[1].measures.allSatisfy { $0.low == nil && $0.high == nil })
        let test = run.tests.first { $0.a == 0 && $0.b == 2 && $0.measure == "opinionShare" }!
        #expect(test.difference == 1)
        #expect(test.pValue! < 0.01)
        #expect(test.pAdjusted! >= test.pValue!)
        #expect(run.tests.count == 3 * ComparisonRun.measures.count)
        let key = run.keyness.first { $0.group == 0 }!
        #expect(key.loaded.contains { $0.term == "disgraceful" })
        #expect(!key.terms.contains { $0.term == "this" }, "stopwords are not key terms")
        #expect(run.similarity.within[0]! > 0.5)
        #expect(run.similarity.centroids[0][0]! > 0.99)
        #expect(!run.similarity.closest.isEmpty)
        // Reproducible: the same seed gives the same bytes.
        let again = try ComparisonRun.run([try CorpusSpec(path: file.path)], groupBy: "outlet", lexicons: defaultLexicons, options: options)
        #expect(again.json().serialized() == run.json().serialized())
        #expect(run.csv().hasPrefix("section,group,other,measure,value,low,high,effect_size,p_value,p_adjusted,count_group,count_other\n"))
    }

    @Test func aGroupsNumbersDoNotMoveWhenAnotherGroupJoins() throws {
        // Each interval and test draws from its own named stream, so adding a group changes
        // neither the intervals of the others nor the raw p-values between them.
        var options = ComparisonRun.Options()
        options.resamples = 200
        options.permutations = 300
        // Documents that differ, so the intervals have width.
        let varied = (0..<12).flatMap { i in [
            #"{"id": "o\#(i)", "outlet": "Opinion Daily", "text": "\#(Self.opinionated)\#(i % 2 == 0 ? " " + Self.factual : "")"}"#,
            #"{"id": "w\#(i)", "outlet": "Wire", "text": "\#(Self.factual)\#(i % 3 == 0 ? " A shameless ploy." : "")"}"#,
        ] }
        let two = try corpus(varied)
        let three = try corpus(varied + [#"{"id": "s", "outlet": "Solo", "text": "\#(Self.factual)"}"#]
            + (0..<5).map { #"{"id": "t\#($0)", "outlet": "Third", "text": "\#(Self.factual) Rain \#($0)."}"# })
        defer {
            try? FileManager.default.removeItem(at: two.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: three.deletingLastPathComponent())
        }
        let small = try ComparisonRun.run([try CorpusSpec(path: two.path)], groupBy: "outlet", lexicons: defaultLexicons, options: options)
        let large = try ComparisonRun.run([try CorpusSpec(path: three.path)], groupBy: "outlet", lexicons: defaultLexicons, options: options)
        #expect(small.groups.map(\.name) == ["Opinion Daily", "Wire"])
        #expect(large.groups.map(\.name) == ["Opinion Daily", "Solo", "Third", "Wire"])
        func intervals(_ group: ComparisonRun.Group) -> [String] { group.measures.map { "\($0.name) \($0.low ?? -1) \($0.high ?? -1)" } }
        #expect(intervals(small.groups[0]) == intervals(large.groups[0]))
        #expect(intervals(small.groups[1]) == intervals(large.groups[3]))
        #expect(small.groups[0].measures.contains { $0.low != $0.high }, "intervals were drawn")
        let smallP = small.tests.filter { ComparisonRun.measures.contains($0.measure) }.map { "\($0.measure) \($0.pValue ?? -1)" }
        let largeP = large.tests.filter { $0.a == 0 && $0.b == 3 && ComparisonRun.measures.contains($0.measure) }.map { "\($0.measure) \($0.pValue ?? -1)" }
        #expect(smallP.count == ComparisonRun.measures.count && smallP == largeP)
    }

    @Test func aFieldNoDocumentHasIsAnError() throws {
        let file = try corpus(lines())
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        do {
            _ = try ComparisonRun.run([try CorpusSpec(path: file.path)], groupBy: "publisher", lexicons: defaultLexicons, options: .init())
            Issue.record("expected an error")
        } catch let error as SlantError {
            #expect(error.reason == .badInput)
            #expect(error.message.contains("no document has the field 'publisher'"))
            #expect(error.message.contains("outlet"))
        }
    }
}
