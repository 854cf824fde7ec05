import Benchmark
import BenchmarkInputs
import Slant

let benchmarks: @Sendable () -> Void = {
    let text = Inputs.article(bytes: 1_000_000)
    let bytes = Array(text.utf8)
    let lexicons = Inputs.lexicons
    // Decode, segment, tokenize and find quotations in 1 MB of article text.
    Benchmark("TextPipeline-1MB",
              configuration: .init(metrics: Stage.metrics,
                                   scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 20, thresholds: Stage.tolerances)) { benchmark in
        for _ in benchmark.scaledIterations {
            let input = try! InputText(bytes: bytes, source: "bench")
            blackHole(Document(input, lexicons: lexicons).tokens.count)
        }
    }
}
