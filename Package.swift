// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Slant",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Slant", targets: ["Slant"]),
        .executable(name: "slant", targets: ["SlantCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Tests only: a standard Markdown renderer to check that Markdown reports render.
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // Debian's reference BLAS (libblas-dev) at build time; OpenBLAS can replace it at run
        // time through the libblas.so.3 alternative.
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "blas",
            providers: [.apt(["libblas-dev"])]
        ),
        // Build-time tool: turns lexicons/*.tsv into a Swift source so the binary carries its
        // default lexicons and works from any directory.
        .executableTarget(name: "EmbedLexicons"),
        .plugin(
            name: "EmbedLexiconsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedLexicons"]
        ),
        .target(
            name: "Slant",
            dependencies: [
                "CBLAS",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedLexiconsPlugin"]
        ),
        .executableTarget(
            name: "SlantCLI",
            dependencies: [
                "Slant",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SlantTests", dependencies: ["Slant", .product(name: "Ink", package: "Ink")]),
        .testTarget(name: "SlantCLITests", dependencies: ["SlantCLI", "Slant"], exclude: ["Golden"]),
    ]
)
