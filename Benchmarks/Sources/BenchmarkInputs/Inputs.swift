import Foundation
import Slant

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
