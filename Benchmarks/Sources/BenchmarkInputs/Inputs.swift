import Benchmark
import Foundation
import Slant

/// What every stage measures, and the tolerances for `scripts/bench.sh --check` against the
/// committed p90 thresholds: time varies on shared 2-core machines, allocation counts barely.
public enum Stage {
    public static var metrics: [BenchmarkMetric] { [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, .instructions] }
    public static var tolerances: [BenchmarkMetric: BenchmarkThresholds] {
        [
            .wallClock: .init(relative: [.p90: 35]),
            .throughput: .init(relative: [.p90: 35]),
            .mallocCountTotal: .init(relative: [.p90: 5]),
            .peakMemoryResident: .init(relative: [.p90: 25]),
        ]
    }
}

/// Inputs for the benchmarks, built from the repository's example articles so every run
/// measures the same bytes.
public enum Inputs {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The three example articles joined, repeated to at least `bytes` bytes.
    public static func article(bytes: Int) -> String {
        let names = ["wire-report.txt", "opinion-column.txt", "mixed-live-blog.md"]
        let base = names.map { try! String(contentsOf: repository.appendingPathComponent("examples/\($0)"), encoding: .utf8) }
            .joined(separator: "\n\n")
        var out = base
        var copy = 1
        while out.utf8.count < bytes {
            // Number each copy so no paragraph is an exact repeat of another.
            out += "\n\n" + base.replacingOccurrences(of: "Portvale", with: "Portvale\(copy)")
            copy += 1
        }
        return out
    }

    /// `count` short documents cut from the repeated articles (one paragraph each).
    public static func documents(count: Int) -> [String] {
        let paragraphs = article(bytes: 200_000).components(separatedBy: "\n\n").filter { $0.count > 40 }
        return (0..<count).map { "\(paragraphs[$0 % paragraphs.count]) (item \($0))" }
    }

    public static let lexicons: LexiconSet = try! LexiconSet.defaults()
}
