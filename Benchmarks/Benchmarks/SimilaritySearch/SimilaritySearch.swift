import Benchmark
import BenchmarkInputs
import Slant

let benchmarks: @Sendable () -> Void = {
    let documents = Inputs.documents(count: 10_000)
    let counts = documents.map(TermVectorizer.termCounts)
    let vectors = TermVectorizer(dimensions: 1024).vectors(counts, df: TermVectorizer.documentFrequencies(counts), corpusSize: counts.count)
    // All-pairs top-10 of 10,000 documents by tiled sgemm.
    Benchmark("SimilarityTop10-10k",
              configuration: .init(metrics: Stage.metrics,
                                   maxDuration: .seconds(20), maxIterations: 10, thresholds: Stage.tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(Similarity.nearest(vectors, k: 10, minScore: .leastNonzeroMagnitude).count)
        }
    }
}
