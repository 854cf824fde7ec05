import Benchmark
import BenchmarkInputs
import Slant

let benchmarks: @Sendable () -> Void = {
    // Tolerances for `scripts/bench.sh --check` against the committed p90 thresholds: time
    // varies on shared 2-core machines, allocation counts barely at all.
    let tolerances: [BenchmarkMetric: BenchmarkThresholds] = [
        .wallClock: .init(relative: [.p90: 35]),
        .throughput: .init(relative: [.p90: 35]),
        .mallocCountTotal: .init(relative: [.p90: 5]),
        .peakMemoryResident: .init(relative: [.p90: 25]),
    ]
    let text = Inputs.article(bytes: 1_000_000)
    let scorer = ArticleScorer(lexicons: Inputs.lexicons)
    let input = try! InputText(bytes: Array(text.utf8), source: "bench")
    // Full article scoring of 1 MB, with the JSON report.
    Benchmark("Scoring-1MB",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, .instructions],
                                   maxDuration: .seconds(15), maxIterations: 10, thresholds: tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(scorer.score(input).json().serialized().utf8.count)
        }
    }
}
