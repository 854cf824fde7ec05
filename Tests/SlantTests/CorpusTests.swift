import Foundation
import Testing
@testable import Slant

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("slant-corpus-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("Corpus reading")
struct CorpusReadingTests {
    @Test func directoriesAreReadRecursivelyInPathOrder() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("b"), withIntermediateDirectories: true)
        try "Second.".write(to: dir.appendingPathComponent("b/two.md"), atomically: true, encoding: .utf8)
        try "First.".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "<p>Third.</p>".write(to: dir.appendingPathComponent("c.html"), atomically: true, encoding: .utf8)
        try "ignored".write(to: dir.appendingPathComponent("notes.pdf"), atomically: true, encoding: .utf8)
        try Data([0x41, 0x00]).write(to: dir.appendingPathComponent("d.txt"))
        let spec = try CorpusSpec(path: dir.path)
        #expect(spec.kind == .directory)
        let (documents, skipped) = try CorpusReader(spec).readAll()
        #expect(documents.map(\.id) == ["a.txt", "b/two.md", "c.html"])
        #expect(documents[2].text == "Third.\n")
        #expect(skipped.count == 1)
        #expect(skipped[0].id == "d.txt")
        #expect(skipped[0].reason.contains("binary"))
        #expect(throws: SlantError.self) { try CorpusReader(spec, strict: true).readAll() }
    }

    @Test func jsonLinesKeepsMetadataAndReportsBadLines() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("c.jsonl")
        let lines = [
            #"{"id": "a", "text": "One.", "outlet": "Ledger", "year": 2025, "tags": ["x"], "ok": true}"#,
            "",
            #"{"id": "b", "body": "no text field"}"#,
            "not json",
            #"{"text": "No id."}"#,
            #"[1, 2]"#,
            #"{"id": "c", "text": 5}"#,
            #"{"id": "d", "text": "ab\u0000c"}"#,
        ]
        try (lines.joined(separator: "\r\n")).write(to: file, atomically: true, encoding: .utf8)
        let (documents, skipped) = try CorpusReader(try CorpusSpec(path: file.path)).readAll()
        #expect(documents.map(\.id) == ["a", "line 5"])
        #expect(documents[0].metadata == ["outlet": "Ledger", "year": "2025", "tags": "[\"x\"]", "ok": "true"])
        #expect(skipped.map(\.location) == ["\(file.path):3", "\(file.path):4", "\(file.path):6", "\(file.path):7", "\(file.path):8"])
        #expect(skipped[0].reason.contains("no 'text' field"))
        #expect(skipped[1].reason.contains("not valid JSON"))
        // Text with a NUL byte is binary data, skipped as a binary file is, not scored as empty.
        #expect(skipped[4].reason.hasPrefix("field 'text' holds binary data (NUL byte at offset 2)"))
        let custom = try CorpusReader(try CorpusSpec(path: file.path, kind: .jsonLines, textField: "body", idField: "id")).readAll()
        #expect(custom.documents.map(\.id) == ["b"])
    }

    /// Lines are parsed in parallel blocks: documents and skips still come in line order,
    /// across block boundaries, and --strict stops at the first bad line.
    @Test func jsonLinesKeepLineOrderAcrossParsingBlocks() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("many.jsonl")
        var lines: [String] = []
        for k in 1...1_000 { lines.append(k % 97 == 0 ? "broken {" : #"{"id": "d\#(k)", "text": "Text \#(k)."}"#) }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        var order: [String] = []
        try CorpusReader(try CorpusSpec(path: file.path)).read(batchSize: 100, skipped: { order.append("skip " + $0.location) }) { batch in
            order += batch.map(\.id)
        }
        // Batches are handed on when full, so a skip shows where its batch was being filled.
        let documents = order.filter { !$0.hasPrefix("skip") }
        #expect(documents == (1...1_000).filter { $0 % 97 != 0 }.map { "d\($0)" })
        #expect(order.filter { $0.hasPrefix("skip") } == (1...1_000).filter { $0 % 97 == 0 }.map { "skip \(file.path):\($0)" })
        #expect(throws: SlantError.self) { try CorpusReader(try CorpusSpec(path: file.path), strict: true).readAll() }
    }

    @Test func csvHandlesQuotingAndRaggedRows() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("c.csv")
        try "id,outlet,text\n1,Ledger,\"Hello, \"\"world\"\"\nsecond line\"\n2,Post\n3,Post,Plain text.\n4,Post,bin\u{0}ary\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let (documents, allSkipped) = try CorpusReader(try CorpusSpec(path: file.path)).readAll()
        #expect(allSkipped.last?.reason.hasPrefix("field 'text' holds binary data (NUL byte at offset 3)") == true)
        #expect(allSkipped.last?.id == "4")
        let skipped = allSkipped.dropLast()
        #expect(documents.map(\.id) == ["1", "3"])
        #expect(documents[0].text == "Hello, \"world\"\nsecond line")
        #expect(documents[0].metadata == ["outlet": "Ledger"])
        #expect(skipped.count == 1)
        #expect(skipped[0].reason == "row 2 has 2 fields, the header has 3")
        #expect(skipped[0].location == "\(file.path):4")
        let noColumn = try CorpusSpec(path: file.path, kind: .csv, textField: "body")
        do {
            _ = try CorpusReader(noColumn).readAll()
            Issue.record("expected an error")
        } catch let error as SlantError {
            #expect(error.reason == .badInput)
            #expect(error.message.contains("no 'body' column"))
        }
    }

    @Test func unknownFormatsAndMissingPaths() {
        #expect(throws: SlantError.self) { try CorpusSpec(path: "/nonexistent/corpus.jsonl") }
        do {
            _ = try CorpusSpec(path: #filePath)
            Issue.record("expected an error")
        } catch let error as SlantError {
            #expect(error.reason == .usage)
        } catch { Issue.record("\(error)") }
    }
}

@Suite("Similarity search")
struct SimilaritySearchTests {
    func randomVectors(_ rows: Int, _ columns: Int, seed: UInt64) -> Vectors {
        var state = seed
        let values: [Float] = (0..<(rows * columns)).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 2000) / 1000 - 1
        }
        return Vectors(values: values, rows: rows, columns: columns).normalized()
    }

    /// Plain Swift reference: all pairs, sorted by score then index.
    func reference(_ x: Vectors, _ y: Vectors?, k: Int, minScore: Float) -> [[(Int, Float)]] {
        let other = y ?? x
        return (0..<x.rows).map { i in
            var pairs: [(Int, Float)] = []
            for j in 0..<other.rows where y != nil || j != i {
                var dot: Float = 0
                for c in 0..<x.columns { dot += x.values[i * x.columns + c] * other.values[j * x.columns + c] }
                if dot >= minScore { pairs.append((j, dot)) }
            }
            pairs.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            return Array(pairs.prefix(k))
        }
    }

    /// Scores agree within 1e-4 (float32 sums in a different order); neighbour lists agree
    /// except where two scores are within that tolerance of each other.
    func agree(_ fast: [[Similarity.Neighbor]], _ slow: [[(Int, Float)]]) -> Bool {
        guard fast.count == slow.count else { return false }
        for (a, b) in zip(fast, slow) {
            guard a.count == b.count else { return false }
            for (n, r) in zip(a, b) where abs(n.score - r.1) > 1e-4 { return false }
            for (rank, n) in a.enumerated() where n.rank != rank + 1 { return false }
        }
        return true
    }

    struct Shape: Sendable, CustomStringConvertible {
        var rows: Int, against: Int?, columns: Int, k: Int, tile: Int
        var description: String { "\(rows)x\(against ?? rows) d\(columns) k\(k) tile\(tile)" }
    }

    @Test(arguments: [
        Shape(rows: 10, against: nil, columns: 8, k: 3, tile: 4),     // ragged last tile
        Shape(rows: 37, against: nil, columns: 16, k: 5, tile: 8),
        Shape(rows: 5, against: nil, columns: 8, k: 20, tile: 2),     // k larger than N
        Shape(rows: 23, against: 17, columns: 12, k: 4, tile: 5),     // cross-set, ragged tiles
        Shape(rows: 64, against: nil, columns: 32, k: 10, tile: 2048),
    ])
    func tiledSearchMatchesReference(_ s: Shape) {
        let x = randomVectors(s.rows, s.columns, seed: 11)
        let y = s.against.map { randomVectors($0, s.columns, seed: 12) }
        let fast = Similarity.nearest(x, against: y, k: s.k, minScore: -2, tile: s.tile)
        let slow = reference(x, y, k: s.k, minScore: -2)
        #expect(agree(fast, slow))
        #expect(fast.allSatisfy { $0.count == min(s.k, (s.against ?? (s.rows - 1))) })
    }

    @Test func minimumScoreDropsPairs() {
        let x = randomVectors(30, 8, seed: 5)
        let fast = Similarity.nearest(x, k: 30, minScore: 0.5, tile: 7)
        #expect(agree(fast, reference(x, nil, k: 30, minScore: 0.5)))
        #expect(fast.joined().allSatisfy { $0.score >= 0.5 })
    }

    @Test func duplicateAndEmptyDocuments() {
        let texts = ["The council approved the budget for buses and housing repairs.",
                     "The council approved the budget for buses and housing repairs.",
                     "",
                     "A storm closed the river bridge and flooded homes near Riverton."]
        let counts = texts.map(TermVectorizer.termCounts)
        let df = TermVectorizer.documentFrequencies(counts)
        let v = TermVectorizer(dimensions: 64).vectors(counts, df: df, corpusSize: counts.count)
        let result = Similarity.nearest(v, k: 3, minScore: .leastNonzeroMagnitude, tile: 2)
        #expect(result[0].first?.neighbor == 1)
        #expect(abs((result[0].first?.score ?? 0) - 1) < 1e-5)
        #expect(result[2].isEmpty, "an empty document has no neighbours")
        #expect(!result[0].contains { $0.neighbor == 2 })
        #expect(v.values[(2 * 64)..<(3 * 64)].allSatisfy { $0 == 0 })
    }

    @Test func termsAreCaseFoldedAndShortTermsDropped() {
        let a = TermVectorizer.termCounts("The Bridge, the BRIDGE; a bridge’s 5 x")
        #expect(a.total == 5)  // the, bridge, the, bridge, bridge ("bridge’s" splits at ’; "s", "5", "x" are too short)
        #expect(a.hashes.count == 2)
        #expect(TermVectorizer.termCounts("Zoë ZOË").hashes.count == 1)
    }
}

@Suite("Similarity profiles")
struct SimilarityProfileTests {
    @Test func textFindsTheStoryAndScoresFindTheStyle() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let docs = [
            ("budget-fact", "The council approved the transit budget on Wednesday by 7 votes to 2, officials said. The budget funds buses."),
            ("budget-opinion", "This disgraceful transit budget is a shameless fiasco! Voters must reject the budget and its reckless bus plan."),
            ("flood-fact", "Floodwater closed the river bridge on Tuesday after the river rose 2 meters, the county said. Crews are repairing it."),
            ("flood-opinion", "Floodwater closed the river bridge again, and the county's pathetic crews are still repairing it! Residents must demand better than this shameful fiasco."),
        ]
        let file = dir.appendingPathComponent("c.jsonl")
        try docs.map { #"{"id": "\#($0.0)", "text": "\#($0.1)"}"# }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let spec = try CorpusSpec(path: file.path)
        var options = SimilarityRun.Options()
        options.k = 1
        let byText = try SimilarityRun.run(spec, against: nil, options: options, progress: ProgressReporter(enabled: false))
        #expect(byText.neighbors.map { $0.first.map(byText.neighborID) } == ["budget-opinion", "budget-fact", "flood-opinion", "flood-fact"])
        options.profile = .scores
        let byScores = try SimilarityRun.run(spec, against: nil, options: options, progress: ProgressReporter(enabled: false))
        #expect(byScores.neighbors.map { $0.first.map(byScores.neighborID) } == ["flood-fact", "flood-opinion", "budget-fact", "budget-opinion"])
        #expect(byScores.representation.hasPrefix("score profile"))
    }

    /// Two outlets that take opposite sides toward the same people.
    func stanceCorpus() throws -> (URL, CorpusSpec) {
        let dir = try temporaryDirectory()
        let praise = ["Tom Reyes is a brilliant and honest leader.", "The wonderful Tom Reyes won praise again.", "Tom Reyes gave a superb speech.",
                      "Maria Duarte is a disgrace.", "The corrupt Maria Duarte lied again.", "Maria Duarte is a pathetic failure."]
        let scorn = ["Tom Reyes is a corrupt and dishonest man.", "The pathetic Tom Reyes failed again.", "Tom Reyes gave a disgraceful speech.",
                     "Maria Duarte is a brilliant reformer.", "The admirable Maria Duarte helped again.", "Maria Duarte is a wonderful leader."]
        var lines: [String] = []
        for (i, text) in praise.enumerated() { lines.append(#"{"id": "a\#(i)", "outlet": "A", "text": "\#(text)"}"#) }
        for (i, text) in scorn.enumerated() { lines.append(#"{"id": "b\#(i)", "outlet": "B", "text": "\#(text)"}"#) }
        let file = dir.appendingPathComponent("stance.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return (dir, try CorpusSpec(path: file.path))
    }

    @Test func compareTestsStanceTowardSharedTargets() throws {
        let (dir, spec) = try stanceCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = ComparisonRun.Options()
        options.resamples = 200
        options.permutations = 500
        let run = try ComparisonRun.run([spec], groupBy: "outlet", lexicons: defaultLexicons, options: options, progress: ProgressReporter(enabled: false))
        #expect(run.stanceTargets.sorted() == ["Maria Duarte", "Tom Reyes"])
        let reyes = run.stanceTargets.firstIndex(of: "Tom Reyes")!
        #expect((run.groups[0].stances[reyes].value ?? 0) > 0)
        #expect((run.groups[1].stances[reyes].value ?? 0) < 0)
        #expect(run.groups[0].stanceDocuments[reyes] == 3)
        let test = run.tests.first { $0.measure == "stance:Tom Reyes" }
        #expect((test?.difference ?? 0) > 0)
        #expect(run.tests.count == ComparisonRun.measures.count + 2)
        // A stricter minimum leaves nothing to compare.
        options.minStanceDocuments = 4
        let strict = try ComparisonRun.run([spec], groupBy: "outlet", lexicons: defaultLexicons, options: options, progress: ProgressReporter(enabled: false))
        #expect(strict.stanceTargets.isEmpty)
    }

    @Test func stanceProfileFindsTheSameSides() throws {
        let (dir, spec) = try stanceCorpus()
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = SimilarityRun.Options()
        options.k = 1
        options.profile = .stance
        let run = try SimilarityRun.run(spec, against: nil, options: options, progress: ProgressReporter(enabled: false))
        #expect(run.representation.hasPrefix("stance profile"))
        // Every document's nearest neighbour comes from its own outlet.
        for (i, list) in run.neighbors.enumerated() {
            #expect(list.first.map { run.neighborID($0).prefix(1) } == run.corpus.ids[i].prefix(1), "\(run.corpus.ids[i])")
        }
    }

    @Test func shortNamesJoinTheDominantLongNameAcrossACorpus() {
        let merged = ComparisonRun.mergingShortNames([
            ["Donald Trump": -0.5], ["Trump": -0.1], ["Donald Trump": 0.2, "Trump": 0.4], ["Melania Trump": 0.3],
            ["Donald Trump": 0.1], ["Reyes": 0.5], ["Tom Reyes": 0.1], ["Ana Reyes": 0.2],
        ])
        #expect(merged[1] == ["Donald Trump": -0.1])
        #expect(isClose(merged[2]["Donald Trump"]!, 0.3) && merged[2].count == 1)
        #expect(merged[3] == ["Melania Trump": 0.3])
        // Two long names in as many documents: ambiguous, left alone.
        #expect(merged[5] == ["Reyes": 0.5])
    }

    @Test func aNameNeverStartsWithAConnector() {
        let found = TargetFinder(lexicons: defaultLexicons).find(document("Delegates of the Communist Party of China met in Beijing."))
        #expect(found.targets.contains { $0.name == "China" && $0.kind == .country })
        #expect(!found.targets.contains { $0.name.hasPrefix("of ") })
    }
}

@Suite("Counting on all cores")
struct SummedCountsTests {
    /// Chunked counting merges to what one pass counts, for every number of chunks it picks
    /// (1 to 8) and for an empty range.
    @Test func equalsOnePass() {
        let words = randomStrings(20_000, of: ["a", "b", "c", "d", "e"], maxPieces: 2, seed: 9)
        for n in [0, 1, 511, 512, 1_500, 4_096, 20_000] {
            var serial: [String: Int] = [:]
            for w in words[..<n] { serial[w, default: 0] += 1 }
            let parallel = Parallel.summedCounts(n, minimumPerRange: 512) { range in
                var out: [String: Int] = [:]
                for w in words[range] { out[w, default: 0] += 1 }
                return out
            }
            #expect(parallel == serial, "\(n)")
        }
    }
}
