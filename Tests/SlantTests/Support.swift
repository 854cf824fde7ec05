import Foundation
@testable import Slant

/// The default lexicons, parsed once for the whole suite.
let defaultLexicons: LexiconSet = try! LexiconSet.defaults()

/// Runs the text pipeline on `text`.
func document(_ text: String, lexicons: LexiconSet = defaultLexicons) -> Document {
    Document(try! InputText(bytes: Array(text.utf8), source: "test"), lexicons: lexicons)
}

/// Scores `text` as an article.
func article(_ text: String) -> ArticleScore {
    ArticleScorer(lexicons: defaultLexicons).score(try! InputText(bytes: Array(text.utf8), source: "test"))
}

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

func exampleText(_ name: String) -> String {
    try! String(contentsOf: repositoryRoot.appendingPathComponent("examples/\(name)"), encoding: .utf8)
}

/// A minimal valid lexicon header followed by `body` lines.
func tsv(_ body: String, extraHeader: String = "") -> String {
    "# name: test\n# version: 1.0.0\n# license: MIT\n# source: unit test\n\(extraHeader)term\tcategory\tweight\tnote\n" + body
}

func isClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

/// `count` strings of 1…`maxPieces` pieces drawn from `pieces` (a fixed-seed linear
/// congruential generator, so every run tests the same strings).
func randomStrings(_ count: Int, of pieces: [String], maxPieces: Int, seed: UInt64) -> [String] {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
    return (0..<count).map { _ in
        (0..<(Int(next() >> 33) % maxPieces + 1)).map { _ in pieces[Int(next() >> 33) % pieces.count] }.joined()
    }
}
