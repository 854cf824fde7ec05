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
    let documents = Inputs.documents(count: 10_000)
    // Hashed TF-IDF vectors of 10,000 short documents.
    Benchmark("Vectorization-10k",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, .instructions],
                                   maxDuration: .seconds(10), maxIterations: 20, thresholds: tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            let counts = documents.map(TermVectorizer.termCounts)
            let df = TermVectorizer.documentFrequencies(counts)
            blackHole(TermVectorizer(dimensions: 1024).vectors(counts, df: df, corpusSize: counts.count).rows)
        }
    }
}
