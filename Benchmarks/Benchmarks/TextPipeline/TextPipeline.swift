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
    let bytes = Array(text.utf8)
    let lexicons = Inputs.lexicons
    // Decode, segment, tokenize and find quotations in 1 MB of article text.
    Benchmark("TextPipeline-1MB",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, .instructions],
                                   scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20, thresholds: tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            let input = try! InputText(bytes: bytes, source: "bench")
            blackHole(Document(input, lexicons: lexicons).tokens.count)
        }
    }
}
