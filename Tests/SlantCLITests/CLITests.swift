import ArgumentParser
import Foundation
import Testing
@testable import SlantCLI
@testable import Slant

/// The built `slant` binary, next to the test bundle in the build products directory.
let slantBinary: URL = {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = here.deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("slant")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/slant")
}()

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built binary from a neutral working directory (it must need no files there).
func run(_ arguments: [String], stdin: Data? = nil, in directory: URL = FileManager.default.temporaryDirectory) throws -> RunResult {
    let process = Process()
    process.executableURL = slantBinary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

func example(_ name: String) -> String { repositoryRoot.appendingPathComponent("examples/\(name)").path }

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("slant-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("CLI argument parsing")
struct ParseTests {
    @Test func scoreDefaultsAndOptions() throws {
        let score = try Score.parse(["a.txt", "b.html", "--format", "json", "--lexicons", "lex", "-o", "out.jsonl", "--input-format", "html"])
        #expect(score.files == ["a.txt", "b.html"])
        #expect(score.format == .json)
        #expect(score.lexicons == "lex")
        #expect(score.output == "out.jsonl")
        #expect(score.inputFormat == .html)
        let defaults = try Score.parse(["a.txt"])
        #expect(defaults.format == .text && defaults.inputFormat == .auto && defaults.output == nil)
    }

    @Test func stanceOptionsAreChecked() throws {
        #expect(throws: (any Error).self) { try Compare.parse(["a.jsonl", "--group-by", "g", "--min-stance-documents", "0"]).validate() }
        #expect(throws: (any Error).self) { try Compare.parse(["a.jsonl", "--group-by", "g", "--top-targets", "-1"]).validate() }
        let compare = try Compare.parse(["a.jsonl", "--group-by", "g", "--min-stance-documents", "2", "--top-targets", "4", "--targets", "t.tsv"])
        #expect(compare.minStanceDocuments == 2 && compare.topTargets == 4 && compare.targets == "t.tsv")
        #expect(try Similar.parse(["c.jsonl", "--profile", "stance"]).profile == .stance)
        #expect(try Eval.parse(["--task", "target-sentiment", "d.jsonl", "--fold-field", "key"]).foldField == "key")
    }

    @Test func badValuesAreUsageErrors() {
        #expect(throws: (any Error).self) { try Score.parse(["--format", "pdf", "a.txt"]) }
        #expect(throws: (any Error).self) { try Score.parse(["-", "-"]) }
        #expect(throws: (any Error).self) { try LexiconCommand.Import.parse(["x.txt", "--format", "vader"]) }  // no --license
        #expect(throws: (any Error).self) { try LexiconCommand.Import.parse(["x.txt", "--format", "csv", "--license", "MIT"]) }
    }

    @Test func importOptions() throws {
        let command = try LexiconCommand.Import.parse(["l.dic", "--format", "liwc", "--license", "proprietary", "--name", "liwc", "--weight", "0.5"])
        #expect(command.format == .liwc && command.name == "liwc" && command.weight == 0.5)
    }
}

@Suite("CLI end to end", .serialized)
struct EndToEndTests {
    static let goldenDirectory = repositoryRoot.appendingPathComponent("Tests/SlantCLITests/Golden")

    /// Compares with a golden file; SLANT_UPDATE_GOLDEN=1 rewrites it instead.
    func checkGolden(_ name: String, _ actual: String) throws {
        let url = Self.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SLANT_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard actual != expected else { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(a, e)).firstIndex { $0.0 != $0.1 } ?? min(a.count, e.count)
        let column = line < a.count && line < e.count ? zip(a[line], e[line]).prefix { $0 == $1 }.count : 0
        func excerpt(_ lines: [Substring]) -> String {
            guard line < lines.count else { return "(end of file)" }
            return String(lines[line].dropFirst(max(0, column - 60)).prefix(160))
        }
        Issue.record("""
        \(name) differs from its golden file at line \(line + 1):
          expected: \(excerpt(e))
          actual:   \(excerpt(a))
        If the change is intended, rerun with SLANT_UPDATE_GOLDEN=1 and review the diff.
        """)
    }

    @Test(arguments: ["wire-report.txt", "opinion-column.txt", "mixed-live-blog.md"])
    func examplesMatchGoldenJSON(_ name: String) throws {
        let result = try run(["score", "--format", "json", example(name)])
        #expect(result.status == 0, "\(result.stderr)")
        try checkGolden(name + ".json", result.stdout.replacingOccurrences(of: repositoryRoot.path + "/", with: ""))
    }

    @Test func textAndMarkdownReportsMatchGolden() throws {
        let text = try run(["score", example("mixed-live-blog.md")])
        #expect(text.status == 0)
        #expect(!text.stdout.contains("\u{1B}["), "no colour when not a terminal")
        try checkGolden("mixed-live-blog.txt", text.stdout.replacingOccurrences(of: repositoryRoot.path + "/", with: ""))
        let markdown = try run(["score", "--format", "markdown", example("opinion-column.txt")])
        try checkGolden("opinion-column.md", markdown.stdout.replacingOccurrences(of: repositoryRoot.path + "/", with: ""))
    }

    @Test func severalFilesGiveOneJSONObjectPerLine() throws {
        let result = try run(["score", "--format", "json", example("wire-report.txt"), example("opinion-column.txt")])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["schema"] as? String == "slant.article.v2")
        }
    }

    @Test func readsStandardInputAndIsDeterministic() throws {
        let text = try String(contentsOfFile: example("opinion-column.txt"), encoding: .utf8)
        let a = try run(["score", "--format", "json", "-"], stdin: Data(text.utf8))
        let b = try run(["score", "--format", "json"], stdin: Data(text.utf8))
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("\"source\":\"-\""))
    }

    @Test func htmlInput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("story.html")
        try "<html><body><h1>Storm hits coast</h1><p>The storm closed the road on Tuesday, the county said.</p><p>Share this</p></body></html>"
            .write(to: page, atomically: true, encoding: .utf8)
        let result = try run(["score", "--format", "json", page.path])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["title"] as? String == "Storm hits coast")
        let labels = (object["paragraphs"] as! [[String: Any]]).map { $0["label"] as! String }
        #expect(labels == ["other", "fact", "other"])
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("report.jsonl")
        let result = try run(["score", "--format", "json", "-o", target.path, example("wire-report.txt")])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{\"schema\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.jsonl"])
    }

    struct ExitCase: Sendable, CustomStringConvertible {
        var id: String
        var arguments: [String]
        var status: Int32
        var message: String
        var description: String { id }
    }

    static let exitCases: [ExitCase] = [
        .init(id: "unknown option", arguments: ["score", "--colour", "x"], status: 64, message: "Unknown option"),
        .init(id: "bad format", arguments: ["score", "--format", "pdf", "x.txt"], status: 64, message: "pdf"),
        .init(id: "missing file", arguments: ["score", "/nonexistent/article.txt"], status: 66, message: "/nonexistent/article.txt: no such file"),
        .init(id: "missing lexicon directory", arguments: ["score", "--lexicons", "/nonexistent/lex", "x.txt"], status: 66, message: "lexicon directory not found"),
        .init(id: "output directory missing", arguments: ["score", "-o", "/nonexistent/dir/out.txt", "EXAMPLE"], status: 74, message: "cannot write output"),
        .init(id: "lexicon check of a missing file", arguments: ["lexicon", "check", "/nonexistent/x.tsv"], status: 66, message: "no such file"),
    ]

    @Test(arguments: exitCases)
    func exitCodes(_ c: ExitCase) throws {
        let arguments = c.arguments.map { $0 == "EXAMPLE" ? example("wire-report.txt") : $0 }
        let result = try run(arguments, stdin: Data())
        #expect(result.status == c.status, "\(result.stderr)")
        #expect(result.stderr.contains(c.message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func binaryInputIsBadData() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0x00, 0x10]).write(to: file)
        let out = dir.appendingPathComponent("out.json")
        let result = try run(["score", "-o", out.path, file.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("photo.jpg: binary data (NUL byte at offset 2)"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "no partial output")
    }

    @Test func invalidUTF8IsAWarningNotAFailure() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("latin1.txt")
        try Data(Array("Caf".utf8) + [0xE9] + Array(" closed on Monday.".utf8)).write(to: file)
        let result = try run(["score", "--format", "json", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("latin1.txt: invalid UTF-8 at byte offset 3"))
        #expect(result.stdout.contains("\"warnings\":[\"invalid UTF-8 at byte offset 3 replaced with U+FFFD\"]"))
    }

    @Test func targetsFileAndFocusFromTheCommandLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let article = dir.appendingPathComponent("a.txt")
        try "The president defended the budget on Monday.\n\nCritics said Duarte had misled voters, and the mayor called her reckless.\n"
            .write(to: article, atomically: true, encoding: .utf8)
        let targets = dir.appendingPathComponent("targets.tsv")
        try "# who is who\nMaria Duarte\tthe president; Duarte\n".write(to: targets, atomically: true, encoding: .utf8)
        let result = try run(["score", "--format", "json", "--targets", targets.path, "--target", "Maria Duarte", article.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let list = object["targets"] as! [[String: Any]]
        #expect(list.map { $0["name"] as? String } == ["Maria Duarte"])
        #expect((list[0]["aliases"] as? [String]) == ["The president", "Duarte"])
        #expect((list[0]["stance"] as? Double ?? 0) < 0)
        // Without the file, "the president" stays unresolved and Duarte is a bare name.
        let plain = try run(["score", "--format", "json", article.path])
        let plainTargets = (try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as! [String: Any])["targets"] as! [[String: Any]]
        #expect(!plainTargets.contains { ($0["name"] as? String)?.lowercased().contains("president") == true })
        // A bad targets file: exit 65 naming the file and line.
        try "Maria Duarte\tDuarte\nTom Reyes\tduarte\n".write(to: targets, atomically: true, encoding: .utf8)
        let bad = try run(["score", "--targets", targets.path, article.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("targets.tsv:2"))
        let missing = try run(["score", "--targets", dir.appendingPathComponent("none.tsv").path, article.path])
        #expect(missing.status == 66)
    }

    @Test func badLexiconIsBadDataWithFileAndLine() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# name: x\n# version: 1\n# license: MIT\n# source: t\nterm\tcategory\tweight\tnote\nawful\tbad\tvery\n"
            .write(to: dir.appendingPathComponent("loaded-language.tsv"), atomically: true, encoding: .utf8)
        let score = try run(["score", "--lexicons", dir.path, example("wire-report.txt")])
        #expect(score.status == 65)
        #expect(score.stderr.contains("loaded-language.tsv:6: weight 'very' of 'awful' is not a number"))
        let check = try run(["lexicon", "check", dir.path])
        #expect(check.status == 65)
        #expect(check.stderr.contains("loaded-language.tsv:6"))
    }

    @Test func lexiconListAndCheckDefaults() throws {
        let list = try run(["lexicon", "list"])
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n")
        #expect(rows.count == LexiconSet.fileNames.count + 1)
        #expect(rows[0].hasPrefix("file\tname\tversion\tentries"))
        #expect(rows.contains { $0.hasPrefix("valence.tsv\tvalence\t3.3.2-slant.1\t") && $0.contains("built-in") })
        let check = try run(["lexicon", "check"])
        #expect(check.status == 0)
        #expect(check.stdout.split(separator: "\n").filter { $0.hasPrefix("ok built-in") }.count == LexiconSet.fileNames.count)
        let repo = try run(["lexicon", "check", repositoryRoot.appendingPathComponent("lexicons").path])
        #expect(repo.status == 0, "\(repo.stderr)")
    }

    @Test func modelsInALexiconDirectoryAreListedCheckedAndUsed() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = "# name: opinion-model\n# version: 1\n# license: MIT\n# source: test\n# range: -100 100\nterm\tcategory\tweight\tnote\nbias\tmodel\t-3\t\nthreshold\tmodel\t0.5\t\nzorbling\tterm\t9\t\n"
        try model.write(to: dir.appendingPathComponent("opinion-model.tsv"), atomically: true, encoding: .utf8)
        let list = try run(["lexicon", "list", "--lexicons", dir.path])
        #expect(list.stdout.contains("opinion-model.tsv\topinion-model\t1\t3\t"))
        #expect(try run(["lexicon", "check", dir.path]).status == 0)
        let scored = try run(["score", "--format", "json", "--lexicons", dir.path, "-"], stdin: Data("The board met zorbling on Tuesday.".utf8))
        #expect(scored.stdout.contains("\"cue\":\"term\",\"text\":\"zorbling\""))
        #expect(scored.stdout.contains("\"label\":\"opinion\""))
        try (model + "mystery\tcue\t1\t\n").write(to: dir.appendingPathComponent("opinion-model.tsv"), atomically: true, encoding: .utf8)
        let bad = try run(["lexicon", "check", dir.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("opinion-model.tsv:10: unknown cue 'mystery'"))
    }

    @Test func lexiconImportWritesAValidLexicon() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("mine.dic")
        try "%\n1\tposemo\n2\tnegemo\n%\nhappy\t1\nawful\t2\nweird\t(1 2)3\n".write(to: source, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("mine.tsv")
        let result = try run(["lexicon", "import", source.path, "--format", "liwc", "--license", "CC0-1.0", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("imported 2 entries in 2 categories; 1 lines not carried over"))
        let lexicon = try Lexicon.parseTSV(try String(contentsOf: out, encoding: .utf8), origin: "mine.tsv")
        #expect(lexicon.name == "mine" && lexicon.license == "CC0-1.0")
        #expect(lexicon.source.contains("mine.dic (liwc format)"))
        #expect(lexicon.entries.map(\.key) == ["happy", "awful"])
        // The imported list works as a replacement lexicon.
        try FileManager.default.moveItem(at: out, to: dir.appendingPathComponent("loaded-language.tsv"))
        let scored = try run(["score", "--format", "json", "--lexicons", dir.path, "-"], stdin: Data("An awful day.".utf8))
        #expect(scored.status == 0)
        #expect(scored.stdout.contains("\"category\":\"negemo\""))
    }

    @Test func versionAndHelp() throws {
        #expect(try run(["--version"]).stdout == SlantVersion.current + "\n")
        let help = try run(["score", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("64 usage"))
    }
}

@Suite("Corpus commands end to end", .serialized)
struct CorpusCommandTests {
    func corpus(_ dir: URL) throws -> URL {
        let file = dir.appendingPathComponent("news.jsonl")
        let stories = [
            ("a1", "Ledger", "The Portvale council approved the transit budget for buses and housing repairs on Wednesday."),
            ("a2", "Ledger", "Floodwater closed the River Road bridge after the Tarn rose overnight, the county said."),
            ("b1", "Courier", "Portvale's council rammed through a reckless transit budget for buses and housing repairs."),
            ("b2", "Courier", "The county's pathetic excuses left the River Road bridge closed after the Tarn flooded."),
        ]
        let lines = stories.map { #"{"id": "\#($0.0)", "outlet": "\#($0.1)", "text": "\#($0.2)"}"# }
        try (lines + [#"{"id": "bad", "outlet": "Courier"}"#]).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func similarFindsTheSameStoryAcrossOutlets() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try corpus(dir)
        let result = try run(["similar", file.path, "--top", "1", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "id,neighbor,rank,score")
        let pairs = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { row -> (String, String) in
            let fields = row.split(separator: ",")
            return (String(fields[0]), String(fields[1]))
        })
        #expect(pairs == ["a1": "b1", "a2": "b2", "b1": "a1", "b2": "a2"])
        #expect(result.stderr.contains("skipped \(file.path):5: no 'text' field"))
        let json = try run(["similar", file.path, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "slant.similar.v1")
        #expect((object["skipped"] as! [[String: Any]]).count == 1)
        let strict = try run(["similar", file.path, "--strict"])
        #expect(strict.status == 65)
        #expect(strict.stdout.isEmpty)
    }

    /// Enough documents that OpenBLAS runs `sgemm` on its worker threads, which `slant` stops
    /// at start-up and OpenBLAS must start again: every document still finds its twin.
    @Test func similarOnALargerCorpusFindsEveryTwin() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let filler = ["council", "budget", "river", "bridge", "vote", "school", "market", "storm", "court", "rail"]
        func word(_ n: Int) -> String {
            var n = n, out = "zq"
            repeat { out.append(Character(Unicode.Scalar(UInt8(97 + n % 26)))); n /= 26 } while n > 0
            return out
        }
        var lines: [String] = []
        for i in 0..<400 {
            let own = (0..<4).map { word(i * 4 + $0) }.joined(separator: " ")
            for side in ["a", "b"] {
                let common = (0..<12).map { filler[($0 * 7 + i + (side == "a" ? 0 : 3)) % filler.count] }.joined(separator: " ")
                lines.append(#"{"id": "\#(i)\#(side)", "text": "\#(own) \#(common)."}"#)
            }
        }
        let file = dir.appendingPathComponent("twins.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try run(["similar", file.path, "--top", "1", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 800)
        #expect(rows.allSatisfy { $0[0].dropLast() == $0[1].dropLast() && $0[0] != $0[1] }, "\(rows.prefix(4))")
    }

    @Test func similarAgainstAnotherCorpusAndFromStandardInput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try corpus(dir)
        let other = dir.appendingPathComponent("other.csv")
        try "id,text\nx,\"The council approved the transit budget for buses, officials said.\"\n".write(to: other, atomically: true, encoding: .utf8)
        let input = try Data(contentsOf: file)
        let result = try run(["similar", "-", "--against", other.path, "--format", "csv", "--top", "1"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.split(separator: ",")[1] == "x" })
    }

    @Test func scoreACorpusAsJSONLines() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try corpus(dir)
        // A record whose text holds a NUL is not text: skipped with a warning naming its line.
        let withBinary = dir.appendingPathComponent("mixed.jsonl")
        try (String(contentsOf: file, encoding: .utf8) + "\n" + #"{"id": "nul", "text": "a\u0000b"}"#).write(to: withBinary, atomically: true, encoding: .utf8)
        let result = try run(["score", "--corpus", withBinary.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let reports = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(reports.map { $0["source"] as! String } == ["a1", "a2", "b1", "b2"])
        #expect(result.stderr.contains("mixed.jsonl:5: no 'text' field"))
        #expect(result.stderr.contains("mixed.jsonl:6: field 'text' holds binary data (NUL byte at offset 1)"))
        // Each line is the article report of that text, with the id as its source.
        let single = dir.appendingPathComponent("b1.txt")
        try "Portvale's council rammed through a reckless transit budget for buses and housing repairs.".write(to: single, atomically: true, encoding: .utf8)
        let alone = try run(["score", "--format", "json", single.path])
        #expect(alone.stdout.replacingOccurrences(of: "\"source\":\"\(single.path)\"", with: "\"source\":\"b1\"") == lines[2] + "\n")
        // To a file, atomically; --strict stops at the first unreadable record and leaves no file.
        let out = dir.appendingPathComponent("scores.jsonl")
        let written = try run(["score", "--corpus", file.path, "--format", "json", "-o", out.path])
        #expect(written.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == lines.joined(separator: "\n") + "\n")
        let strictOut = dir.appendingPathComponent("strict.jsonl")
        let strict = try run(["score", "--corpus", withBinary.path, "--format", "json", "--strict", "-o", strictOut.path])
        #expect(strict.status == 65)
        #expect(!FileManager.default.fileExists(atPath: strictOut.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasSuffix(".tmp") })
        // A device is written to, never renamed over.
        #expect(try run(["score", "--corpus", file.path, "--format", "json", "-o", "/dev/null"]).status == 0)
        #expect(try run(["score", "--format", "json", "-o", "/dev/null", single.path]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
        #expect(try run(["score", "--corpus", file.path]).status == 64, "needs --format json")
        #expect(try run(["score", "--corpus", file.path, "--format", "json", single.path]).status == 64)
        #expect(try run(["score", "--corpus", dir.appendingPathComponent("none.jsonl").path, "--format", "json"]).status == 66)
    }

    @Test func compareByFieldAndItsErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try corpus(dir)
        let result = try run(["compare", file.path, "--group-by", "outlet", "--format", "json", "--resamples", "100", "--permutations", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "slant.compare.v1")
        #expect((object["groups"] as! [[String: Any]]).map { $0["name"] as! String } == ["Courier", "Ledger"])
        #expect(object["correction"] as? String == "holm")
        let again = try run(["compare", file.path, "--group-by", "outlet", "--format", "json", "--resamples", "100", "--permutations", "100"])
        #expect(again.stdout == result.stdout, "seeded: byte-identical")
        // --closest-pairs 0 skips the pair search and nothing else (the methods say so).
        let similarity = object["similarity"] as! [String: Any]
        #expect(!(similarity["closestPairs"] as! [Any]).isEmpty)
        let noPairs = try run(["compare", file.path, "--group-by", "outlet", "--format", "json", "--resamples", "100", "--permutations", "100", "--closest-pairs", "0"])
        var withoutPairs = try JSONSerialization.jsonObject(with: Data(noPairs.stdout.utf8)) as! [String: Any]
        var pairsRemoved = object
        var s1 = withoutPairs["similarity"] as! [String: Any], s2 = similarity
        #expect((s1["closestPairs"] as! [Any]).isEmpty)
        s1["closestPairs"] = nil; s2["closestPairs"] = nil
        withoutPairs["similarity"] = s1; pairsRemoved["similarity"] = s2
        #expect((withoutPairs["methods"] as! [String]).contains { $0.hasSuffix("closest documents not searched (--closest-pairs 0).") })
        withoutPairs["methods"] = nil; pairsRemoved["methods"] = nil
        #expect(NSDictionary(dictionary: withoutPairs).isEqual(to: pairsRemoved))
        #expect(try run(["compare", file.path, "--group-by", "outlet", "--closest-pairs", "-1"]).status == 64)
        let methods = try run(["compare", file.path, "--group-by", "outlet", "--format", "markdown", "--resamples", "10", "--permutations", "10", "--closest-pairs", "0"])
        #expect(methods.stdout.contains("closest documents not searched (--closest-pairs 0)"))
        #expect(!methods.stdout.contains("Closest cross-group pairs"))
        let missing = try run(["compare", file.path, "--group-by", "publisher"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no document has the field 'publisher'"))
        let usage = try run(["compare", file.path])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--group-by"))
        let nothing = try run(["compare", "/nonexistent/a.jsonl", file.path])
        #expect(nothing.status == 66)
    }

    @Test func compareTwoCorporaAsCSVAndMarkdown() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("ledger"), b = dir.appendingPathComponent("courier")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        try "The council approved the budget on Wednesday, officials said.".write(to: a.appendingPathComponent("1.txt"), atomically: true, encoding: .utf8)
        try "This disgraceful budget is a shameless giveaway!".write(to: b.appendingPathComponent("1.txt"), atomically: true, encoding: .utf8)
        let csv = try run(["compare", a.path, b.path, "--format", "csv", "--resamples", "50", "--permutations", "50"])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.hasPrefix("section,group,other,measure,value,low,high,effect_size,p_value,p_adjusted,count_group,count_other\n"))
        #expect(csv.stdout.contains("group,courier,,opinionShare,1.000000"))
        let markdown = try run(["compare", a.path, b.path, "--format", "markdown", "--resamples", "50", "--permutations", "50"])
        #expect(markdown.stdout.contains("| courier | 1 |"))
        #expect(markdown.stdout.contains("one document: no interval"))
    }
}

@Suite("HTML reports from the command line", .serialized)
struct HTMLCommandTests {
    @Test func scoreAndReportWriteTheSameHTML() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try run(["score", "--format", "html", example("opinion-column.txt")])
        let b = try run(["report", example("opinion-column.txt")])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.hasPrefix("<!DOCTYPE html>"))
        let stamped = try run(["report", "--timestamp", example("opinion-column.txt")])
        #expect(stamped.stdout.contains("Generated 20"))
    }

    @Test func severalArticlesNeedAnOutputDirectory() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let refused = try run(["score", "--format", "html", example("wire-report.txt"), example("opinion-column.txt")])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--output-dir"))
        let written = try run(["score", "--format", "html", "--output-dir", dir.path, example("wire-report.txt"), example("opinion-column.txt")])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["opinion-column.html", "wire-report.html"])
    }

    @Test func userTemplatesAndTheirErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("mine.mustache")
        try "<h1>{{title}}</h1>{{#paragraphs}}<p class=\"{{label}}\">{{index}}</p>{{/paragraphs}}\n".write(to: good, atomically: true, encoding: .utf8)
        let result = try run(["score", "--format", "html", "--template", good.path, example("wire-report.txt")])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<h1>City council approves budget after late-night session</h1><p class=\"other\">0</p><p class=\"fact\">1</p>"))
        let bad = dir.appendingPathComponent("bad.mustache")
        try "<h1>{{title}}</h1>\n{{#paragraphs}}\n".write(to: bad, atomically: true, encoding: .utf8)
        let broken = try run(["score", "--format", "html", "--template", bad.path, example("wire-report.txt")])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("bad.mustache"))
        let missing = try run(["score", "--format", "html", "--template", "/nonexistent/t.mustache", example("wire-report.txt")])
        #expect(missing.status == 66)
        let wrongFormat = try run(["score", "--template", good.path, example("wire-report.txt")])
        #expect(wrongFormat.status == 64)
    }

    @Test func compareWritesAnHTMLReport() throws {
        let result = try run(["compare", repositoryRoot.appendingPathComponent("examples/corpus/harbour-herald").path,
                              repositoryRoot.appendingPathComponent("examples/corpus/civic-voice").path,
                              "--format", "html", "--resamples", "50", "--permutations", "50"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("<h1 dir=\"auto\">Comparison of harbour-herald, civic-voice</h1>"))
        #expect(result.stdout.contains("Options: <code>--format html --resamples 50 --permutations 50"))
    }
}

@Suite("Training from the command line", .serialized)
struct TrainCommandTests {
    /// Items labelled SUBJ exactly when the writer uses a form of "zorble".
    func labelled(_ name: String, in dir: URL, offset: Int) throws -> String {
        let subjects = ["The council", "The mayor", "The board", "The agency", "The court", "The county"]
        let objects = ["the budget", "a plan", "the report", "new rules", "the contract", "a proposal"]
        var lines: [String] = []
        for (i, s) in subjects.enumerated() { for (j, o) in objects.enumerated() {
            let k = i * objects.count + j + offset
            let positive = k % 2 == 0
            let text = positive ? "\(s) zorbled \(o) on day \(k)." : "\(s) reviewed \(o) on day \(k)."
            lines.append(#"{"text": "\#(text)", "label": "\#(positive ? "SUBJ" : "OBJ")"}"#)
        } }
        let file = dir.appendingPathComponent(name)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func opinionModelFromTwoFilesIsStemmedAndUsedByScore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let models = dir.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        let a = try labelled("a.jsonl", in: dir, offset: 0), b = try labelled("b.jsonl", in: dir, offset: 100)
        let trained = try run(["train", "--task", "subjectivity", a, b, "-o", models.appendingPathComponent("opinion-model.tsv").path])
        #expect(trained.status == 0, "\(trained.stderr)")
        // Each file's own cross-validated score is printed and recorded.
        #expect(trained.stderr.contains("a.jsonl: cross-validated macro-F1"))
        #expect(trained.stderr.contains("b.jsonl: cross-validated macro-F1"))
        let model = try String(contentsOf: models.appendingPathComponent("opinion-model.tsv"), encoding: .utf8)
        #expect(model.contains("stemmed\tmodel\t1\t"))
        #expect(model.contains("\nzorbl\tterm\t"))
        // Another inflection gets the learned weight in a report, shown as written.
        let text = dir.appendingPathComponent("t.txt")
        try "The board is zorbling the plan.".write(to: text, atomically: true, encoding: .utf8)
        let scored = try run(["score", text.path, "--format", "json", "--lexicons", models.path])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout.contains(#"{"cue":"term","text":"zorbling""#))
    }

    @Test func loadedWordsTrainingUsesTheDirectorysHandWrittenList() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = (0..<40).map { i -> String in
            let text = "The council fleeced residents with budget number \(i)."
            return #"{"text": "\#(text)", "biased_word_spans": [{"start": 12, "end": 19}]}"#
        }
        let data = dir.appendingPathComponent("words.jsonl")
        try lines.joined(separator: "\n").write(to: data, atomically: true, encoding: .utf8)
        // A directory whose hand-written list also has "budget", and a stale learned list that
        // must not be stacked under the one being learned.
        let lexicons = dir.appendingPathComponent("lexicons")
        try FileManager.default.createDirectory(at: lexicons, withIntermediateDirectories: true)
        let builtIn = try String(contentsOf: repositoryRoot.appendingPathComponent("lexicons/loaded-language.tsv"), encoding: .utf8)
        try (builtIn + "budget\tdismissive\t0.7\ttest entry\n").write(to: lexicons.appendingPathComponent("loaded-language.tsv"), atomically: true, encoding: .utf8)
        try "# name: loaded-learned\n# version: 0\n# license: test\n# source: test\nterm\tcategory\tweight\tnote\nresidents\tlearned\t0.9\tstale\n"
            .write(to: lexicons.appendingPathComponent("loaded-learned.tsv"), atomically: true, encoding: .utf8)
        let plain = try run(["train", "--task", "loaded-words", data.path, "-o", dir.appendingPathComponent("plain.tsv").path])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!(try String(contentsOf: dir.appendingPathComponent("plain.tsv"), encoding: .utf8)).contains("\nbudget\t"))
        let own = try run(["train", "--task", "loaded-words", data.path, "--lexicons", lexicons.path, "-o", dir.appendingPathComponent("own.tsv").path])
        #expect(own.status == 0, "\(own.stderr)")
        let learned = try String(contentsOf: dir.appendingPathComponent("own.tsv"), encoding: .utf8)
        #expect(learned.contains("\nbudget\tsuppress\t0\t"))  // the directory's entry, never marked
        #expect(learned.contains("\nfleeced\tlearned\t"))
        #expect(own.stderr.contains("cross-validated token F1 1.000"))  // the stale "residents" was not stacked
    }
}
