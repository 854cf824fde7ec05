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
    let counts = documents.map(TermVectorizer.termCounts)
    let vectors = TermVectorizer(dimensions: 1024).vectors(counts, df: TermVectorizer.documentFrequencies(counts), corpusSize: counts.count)
    // All-pairs top-10 of 10,000 documents by tiled sgemm.
    Benchmark("SimilarityTop10-10k",
              configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, .instructions],
                                   maxDuration: .seconds(20), maxIterations: 10, thresholds: tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Similarity.nearest(vectors, k: 10, minScore: .leastNonzeroMagnitude).count)
        }
    }
}
