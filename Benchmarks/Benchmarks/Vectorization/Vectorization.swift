import Benchmark
import BenchmarkInputs
import Slant

let benchmarks: @Sendable () -> Void = {
    let documents = Inputs.documents(count: 10_000)
    // Hashed TF-IDF vectors of 10,000 short documents.
    Benchmark("Vectorization-10k",
              configuration: .init(metrics: Stage.metrics,
                                   maxDuration: .seconds(10), maxIterations: 20, thresholds: Stage.tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            let counts = documents.map(TermVectorizer.termCounts)
            let df = TermVectorizer.documentFrequencies(counts)
            blackHole(TermVectorizer(dimensions: 1024).vectors(counts, df: df, corpusSize: counts.count).rows)
        }
    }
}
