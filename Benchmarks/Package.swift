// swift-tools-version:6.1
// Benchmarks for Slant: a separate package so benchmark-only dependencies never enter the
// library's graph. Run with scripts/bench.sh (or: swift package --disable-sandbox benchmark).
import PackageDescription
import class Foundation.NSString

/// SwiftPM names a path dependency after its directory, which is whatever the clone is called.
let slantPackage = ((((#filePath as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent as NSString)
    .lastPathComponent).lowercased()

let stages = ["TextPipeline", "LexiconLoad", "Scoring", "Vectorization", "SimilaritySearch"]

let package = Package(
    name: "SlantBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Inputs shared by the stages: the example articles, repeated to a fixed size.
        .target(name: "BenchmarkInputs", dependencies: [
            .product(name: "Slant", package: slantPackage),
            .product(name: "Benchmark", package: "benchmark"),
        ]),
    ] + stages.map { stage in
        .executableTarget(
            name: stage,
            dependencies: [
                "BenchmarkInputs",
                .product(name: "Slant", package: slantPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/\(stage)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    }
)
