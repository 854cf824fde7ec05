import Benchmark
import BenchmarkInputs
import Slant

let benchmarks: @Sendable () -> Void = {
    // Parse and index the built-in lexicons.
    Benchmark("LexiconLoad",
              configuration: .init(metrics: Stage.metrics,
                                   maxDuration: .seconds(10), maxIterations: 50, thresholds: Stage.tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! LexiconSet.defaults().all.count)
        }
    }
}
