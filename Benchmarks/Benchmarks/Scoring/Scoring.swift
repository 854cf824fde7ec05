import Benchmark
import BenchmarkInputs
import Slant

let benchmarks: @Sendable () -> Void = {
    let text = Inputs.article(bytes: 1_000_000)
    let scorer = ArticleScorer(lexicons: Inputs.lexicons)
    let input = try! InputText(bytes: Array(text.utf8), source: "bench")
    // Full article scoring of 1 MB, with the JSON report streamed as `slant score` writes it.
    Benchmark("Scoring-1MB",
              configuration: .init(metrics: Stage.metrics,
                                   maxDuration: .seconds(15), maxIterations: 10, thresholds: Stage.tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            var bytes = 0
            scorer.score(input).writeJSON { bytes += $0.count }
            blackHole(bytes)
        }
    }
}
