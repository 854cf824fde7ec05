import Benchmark
import BenchmarkInputs
import Slant

let benchmarks: @Sendable () -> Void = {
    let text = Inputs.article(bytes: 1_000_000)
    let scorer = ArticleScorer(lexicons: Inputs.lexicons)
    let input = try! InputText(bytes: Array(text.utf8), source: "bench")
    // Full article scoring of 1 MB, with the JSON report.
    Benchmark("Scoring-1MB",
              configuration: .init(metrics: Stage.metrics,
                                   maxDuration: .seconds(15), maxIterations: 10, thresholds: Stage.tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(scorer.score(input).json().serialized().utf8.count)
        }
    }
}
