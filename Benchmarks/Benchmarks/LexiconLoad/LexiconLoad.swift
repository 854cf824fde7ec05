import Benchmark
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
    // Parse and index the built-in lexicons.
    Benchmark("LexiconLoad",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, .instructions],
                                   maxDuration: .seconds(10), maxIterations: 50, thresholds: tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! LexiconSet.defaults().all.count)
        }
    }
}
