import Foundation
import Testing
@testable import Slant

/// Stance of `text` toward each target, by name.
private func stances(_ text: String, list: TargetList? = nil) -> [String: TargetStance] {
    let score = ArticleScorer(lexicons: defaultLexicons, targets: list).score(try! InputText(bytes: Array(text.utf8), source: "test"))
    return Dictionary(score.targets.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
}

@Suite("Targets")
struct TargetTests {
    func targets(_ text: String) -> [Target] {
        TargetFinder(lexicons: defaultLexicons).find(document(text)).targets
    }

    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var text: String
        /// name → kind that must be found.
        var expected: [String: TargetKind]
        /// Names that must not be targets.
        var absent: [String] = []
        var description: String { id }
    }

    static let cases: [Case] = [
        .init(id: "title and full name", text: "President Maria Duarte spoke on Monday.", expected: ["Maria Duarte": .person], absent: ["Monday", "President Maria Duarte"]),
        .init(id: "abbreviated title", text: "The bill was written by Sen. Tom Reyes and his staff.", expected: ["Tom Reyes": .person], absent: ["Sen"]),
        .init(id: "possessive", text: "The deal was Duarte's idea, aides said.", expected: ["Duarte": .name]),
        .init(id: "demonym to country", text: "Brazilian negotiators left early.", expected: ["Brazil": .country], absent: ["Brazilian"]),
        .init(id: "country alias", text: "Talks between the U.S. and China resumed.", expected: ["United States": .country, "China": .country]),
        .init(id: "party names merge", text: "Democrats blocked the bill, and the Democratic Party said so twice.", expected: ["Democratic Party": .party], absent: ["Democrats"]),
        .init(id: "organisation", text: "The Department of Justice and the NATO command disagreed.", expected: ["Department of Justice": .organisation, "NATO": .organisation]),
        .init(id: "sentence-initial common word", text: "Critics said the plan failed. However, nobody resigned.", expected: [:], absent: ["Critics", "However"]),
        .init(id: "demonym opening an organisation's name", text: "Officials of the South African Government met. The North Korean Army paraded.",
              expected: ["South African Government": .organisation, "North Korean Army": .organisation], absent: ["South Africa", "North Korea"]),
        .init(id: "country opening an organisation's name", text: "The United States Senate voted on the bill.", expected: ["United States Senate": .organisation], absent: ["United States"]),
        .init(id: "party adjective", text: "Critics of the plan include Democratic lawmakers.", expected: ["Democratic Party": .party], absent: ["Democratic"]),
        .init(id: "title alone is unresolved", text: "The president said the plan was a disgrace.", expected: [:], absent: ["president", "President"]),
    ]

    @Test(arguments: cases)
    func finds(_ c: Case) {
        let found = targets(c.text)
        for (name, kind) in c.expected {
            let target = found.first { $0.name == name }
            #expect(target != nil, "\(c.id): \(name) not among \(found.map(\.name))")
            #expect(target?.kind == kind, "\(c.id): \(name) is \(String(describing: target?.kind))")
        }
        for name in c.absent { #expect(!found.contains { $0.name == name }, "\(c.id): \(name) should not be a target") }
    }

    @Test func shortFormsJoinTheFullName() {
        let doc = document("President Maria Duarte unveiled a budget.\n\nDuarte said it was fair. Mrs. Duarte left.")
        let found = TargetFinder(lexicons: defaultLexicons).find(doc)
        #expect(found.targets.map(\.name) == ["Maria Duarte"])
        #expect(found.mentions.count == 3)
        #expect(found.mentions.map(\.via) == [.name, .shortName, .shortName])
        #expect(found.targets[0].gender == "f")
    }

    @Test func laterFullNameAbsorbsAnEarlierShortOne() {
        let found = TargetFinder(lexicons: defaultLexicons).find(document("Duarte arrived late. Maria Duarte then spoke."))
        #expect(found.targets.map(\.name) == ["Maria Duarte"])
        #expect(found.mentions.count == 2)
    }

    @Test func pronounsResolveWithinTheParagraphOnly() {
        let doc = document("Tom Reyes arrived. He was angry.\n\nHe left.")
        let found = TargetFinder(lexicons: defaultLexicons).find(doc)
        let pronouns = found.mentions.filter { $0.via == .pronoun }
        #expect(pronouns.count == 1)
        #expect(pronouns.first.map { doc.text($0.start, $0.end) } == "He")
        #expect(pronouns.first?.paragraph == 0)
    }

    @Test func pronounsRespectATitlesGender() {
        let doc = document("Mrs. Ana Lima met Mr. Tom Reyes. She was pleased.")
        let found = TargetFinder(lexicons: defaultLexicons).find(doc)
        let she = found.mentions.first { $0.via == .pronoun }
        #expect(she.map { found.targets[$0.target].name } == "Ana Lima")
    }

    @Test func aliasesFromATargetsFile() throws {
        let list = try TargetList(entries: [.init(name: "Maria Duarte", aliases: ["the president", "Duarte"])])
        let found = TargetFinder(lexicons: defaultLexicons, list: list).find(document("The president spoke. Later Duarte left."))
        #expect(found.targets.map(\.name) == ["Maria Duarte"])
        #expect(found.mentions.map(\.via) == [.alias, .alias])
    }

    @Test func targetsFileErrorsNameTheLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("targets.tsv").path
        try "# people\nMaria Duarte\tDuarte\nTom Reyes\tduarte\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect { try TargetList.load(file) } throws: { error in
            guard let e = error as? SlantError else { return false }
            return e.reason == .badInput && e.line == 3 && e.description.contains("duarte")
        }
        try "\tno name\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect { try TargetList.load(file) } throws: { error in (error as? SlantError)?.line == 1 }
    }
}

@Suite("Stance")
struct StanceTests {
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var text: String
        /// target → expected sign of its stance (0: nothing evaluative reaches it).
        var sign: [String: Int]
        /// target → the holder of the stance, where it matters.
        var holder: [String: StanceHolder] = [:]
        var description: String { id }
    }

    static let cases: [Case] = [
        .init(id: "two targets, opposite stance, one sentence", text: "I like Bert Smith, but I hate Robert Jones.",
              sign: ["Bert Smith": 1, "Robert Jones": -1], holder: ["Bert Smith": .writer, "Robert Jones": .writer]),
        .init(id: "stance inside a quote is the source's", text: "\"Tom Reyes is a brilliant and honest man,\" said Ana Lima.",
              sign: ["Tom Reyes": 1, "Ana Lima": 0], holder: ["Tom Reyes": .source]),
        .init(id: "the same words in the writer's voice", text: "Tom Reyes is a brilliant and honest man.",
              sign: ["Tom Reyes": 1], holder: ["Tom Reyes": .writer]),
        .init(id: "negation flips", text: "Tom Reyes is not honest.", sign: ["Tom Reyes": -1]),
        .init(id: "negation reaches the predicate", text: "Tom Reyes, as usual, could not keep his story straight.", sign: ["Tom Reyes": -1], holder: ["Tom Reyes": .writer]),
        .init(id: "stance verb goes to the one acted on", text: "Tom Reyes condemned Maria Duarte on Monday.",
              sign: ["Maria Duarte": -1, "Tom Reyes": 0], holder: ["Maria Duarte": .source]),
        .init(id: "passive stance verb", text: "Maria Duarte was praised by Tom Reyes.", sign: ["Maria Duarte": 1, "Tom Reyes": 0], holder: ["Maria Duarte": .source]),
        .init(id: "negated stance verb", text: "Tom Reyes did not criticize Maria Duarte.", sign: ["Maria Duarte": 1]),
        .init(id: "reporting holds no stance", text: "The minister Tom Reyes rejected the allegations, his office said.", sign: ["Tom Reyes": 0]),
        .init(id: "speaker is not the target of their own words", text: "Maria Duarte said the plan was a disgrace.", sign: ["Maria Duarte": 0]),
        .init(id: "pronoun carries stance", text: "Maria Duarte spoke first. She was brilliant.", sign: ["Maria Duarte": 1]),
        .init(id: "the writer's adjective on a speaker", text: "The corrupt Tom Reyes said the plan was ready.", sign: ["Tom Reyes": -1], holder: ["Tom Reyes": .writer]),
        .init(id: "a speaker's head word does not evaluate", text: "Critics said the plan of Tom Reyes failed.", sign: ["Tom Reyes": -1], holder: ["Tom Reyes": .source]),
        .init(id: "neutral report", text: "Maria Duarte met Tom Reyes in Lisbon on Tuesday.", sign: ["Maria Duarte": 0, "Tom Reyes": 0]),
    ]

    @Test(arguments: cases)
    func sign(_ c: Case) {
        let found = stances(c.text)
        for (name, sign) in c.sign {
            guard let t = found[name] else {
                Issue.record("\(c.id): no target \(name) among \(found.keys.sorted())")
                continue
            }
            let s = t.stance ?? 0
            let actual = s > 0 ? 1 : (s < 0 ? -1 : 0)
            #expect(actual == sign, "\(c.id): \(name) stance \(s), evidence \(t.evidence.flatMap(\.terms).map(\.text))")
        }
        for (name, holder) in c.holder {
            let t = found[name]
            #expect(t?.evidence.flatMap(\.terms).allSatisfy { $0.holder == holder } == true, "\(c.id): \(name) holders \(t?.evidence.flatMap(\.terms).map(\.holderName) ?? [])")
        }
    }

    @Test func vectorAndSplitByHolder() {
        let text = "Tom Reyes is dishonest.\n\n\"Tom Reyes is a wonderful leader,\" said Ana Lima.\n\nTom Reyes arrived on Monday."
        let t = stances(text)["Tom Reyes"]!
        #expect(t.mentions == 3)
        #expect(t.evaluativeMentions == 2)
        #expect((t.writerStance ?? 0) < 0)
        #expect((t.quotedStance ?? 0) > 0)
        #expect(t.vector.negative == 1 && t.vector.positive == 1 && t.vector.neutral == 1)
        #expect(t.vector.values.count == StanceVector.components.count)
        #expect(t.vector.writerStance == t.writerStance && t.vector.quotedStance == t.quotedStance)
        // Evidence names the words and their holders.
        let terms = t.evidence.flatMap(\.terms)
        #expect(terms.contains { $0.text == "dishonest" && $0.holder == .writer })
        #expect(terms.contains { $0.text == "wonderful" && $0.holderName == "Ana Lima" })
    }

    @Test func datelinesNameNoTargets() {
        let names = article("RIVERTON (AP) — Maria Duarte closed the River Road bridge on Tuesday after the water rose two meters overnight.").targets.map(\.name)
        #expect(names.contains("Maria Duarte"))
        #expect(!names.contains("RIVERTON") && !names.contains("AP"))
    }

    @Test func loadedContextCounts() {
        let t = stances("The regime of Tom Reyes tightened its grip. Tom Reyes arrived on Monday.")["Tom Reyes"]!
        #expect(t.vector.loadedShare == 0.5)
    }

    @Test func focusKeepsOneTarget() {
        let score = article("I like Bert Smith, but I hate Robert Jones.")
        #expect(score.focused(on: "robert jones").targets.map(\.name) == ["Robert Jones"])
        #expect(score.focused(on: "Nobody").warnings.last?.contains("Nobody") == true)
    }

    @Test func jsonCarriesTheDocumentedKeys() throws {
        let json = article("I like Bert Smith, but I hate Robert Jones.").json().serialized()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "slant.article.v2")
        let targets = object["targets"] as! [[String: Any]]
        let keys = Set(targets[0].keys)
        for key in ["name", "aliases", "mentions", "stance", "writerStance", "quotedStance", "vector", "evidence"] { #expect(keys.contains(key), "missing \(key)") }
        let vector = targets[0]["vector"] as! [String: Any]
        #expect(Set(vector.keys) == Set(StanceVector.components))
    }

    @Test func targetSentimentScoresTheMarkedSpan() {
        let text = "I like Bert Smith, but I hate Robert Jones."
        let scorer = ArticleScorer(lexicons: defaultLexicons)
        let input = try! InputText(bytes: Array(text.utf8), source: "t")
        let start = text.distance(from: text.startIndex, to: text.range(of: "Robert")!.lowerBound)
        #expect((scorer.targetStance(input, start: start, end: start + 12)?.stance ?? 0) < 0)
        let bert = text.distance(from: text.startIndex, to: text.range(of: "Bert")!.lowerBound)
        #expect((scorer.targetStance(input, start: bert, end: bert + 4)?.stance ?? 0) > 0)
    }
}

@Suite("Target-sentiment model")
struct TargetModelTests {
    /// A synthetic set whose right answer is known: the word after the name decides.
    func dataset() throws -> (URL, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let names = ["Tom Reyes", "Maria Duarte", "Ana Lima", "Paul Hendry", "Elena Ortiz", "David Chen", "Sara Novak", "Omar Haddad"]
        let frames = [("negative", "zorbled"), ("neutral", "visited"), ("positive", "flumped")]
        var lines: [String] = []
        var n = 0
        for name in names {
            for place in ["Lisbon", "Denver", "Oslo", "Nairobi", "Lima", "Perth"] {
                for (label, verb) in frames {
                    let text = "On Monday \(name) \(verb) the council in \(place)."
                    let start = "On Monday ".unicodeScalars.count
                    lines.append(#"{"id": "s\#(n)", "text": "\#(text)", "target": {"start": \#(start), "end": \#(start + name.unicodeScalars.count)}, "label": "\#(label)"}"#)
                    n += 1
                }
            }
        }
        let file = dir.appendingPathComponent("targets.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return (dir, file.path)
    }

    @Test func learnsTheDecidingWordsAndIsDeterministic() throws {
        let (dir, file) = try dataset()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try TargetTraining.train(files: [file], folds: [1, 2, 3, 4], lexicons: defaultLexicons, name: "target-model", version: "1.0.0",
                                             lambdas: [0.001], steps: 150)
        #expect(first.cvMacroF1 > 0.95)
        let model = first.model
        #expect((model.terms["r:zorbled"]?.negative ?? 0) > 0.5)
        #expect((model.terms["r:flumped"]?.positive ?? 0) > 0.5)
        // Held-out items (fold 0) are classified by the learned words.
        var options = Evaluation.Options()
        options.task = .targetSentiment
        options.fold = 0
        options.lexicons = try LexiconSet(lexicons: try LexiconSet.embeddedLexicons().merging(["target-model.tsv": first.lexicon]) { $1 })
        let result = try Evaluation.run(file, options: options)
        #expect((result.multiclass?.macroF1 ?? 0) > 0.95)
        #expect(result.n > 0 && result.leftOut["outside the fold", default: 0] > 0)
        // Same data, same options: the same file.
        let second = try TargetTraining.train(files: [file], folds: [1, 2, 3, 4], lexicons: defaultLexicons, name: "target-model", version: "1.0.0",
                                              lambdas: [0.001], steps: 150)
        #expect(first.lexicon.tsv() == second.lexicon.tsv())
        // The written file reads back as the same model.
        let parsed = try TargetModel(try Lexicon.parseTSV(first.lexicon.tsv(), origin: "t"))
        #expect(parsed.terms.count == model.terms.count)
    }

    @Test func evaluationNamesTheLineOfAMissingFoldField() throws {
        let (dir, file) = try dataset()
        defer { try? FileManager.default.removeItem(at: dir) }
        var options = Evaluation.Options()
        options.task = .targetSentiment
        options.fold = 0
        options.foldField = "sentence_id"
        #expect { try Evaluation.run(file, options: options) } throws: { error in
            guard let e = error as? SlantError else { return false }
            return e.reason == .badInput && e.line == 1 && e.description.contains("sentence_id")
        }
    }

    @Test func refusesTestFilesAndBadLabels() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let testFile = dir.appendingPathComponent("devtest.jsonl").path
        try #"{"id": "a", "text": "Tom Reyes left.", "target": {"start": 0, "end": 9}, "label": "neutral"}"#.write(toFile: testFile, atomically: true, encoding: .utf8)
        #expect(throws: SlantError.self) { try TargetTraining.train(files: [testFile], folds: nil, lexicons: defaultLexicons, name: "m", version: "1") }
        let bad = dir.appendingPathComponent("bad.jsonl").path
        try #"{"id": "a", "text": "Tom Reyes left.", "target": {"start": 0, "end": 9}, "label": "angry"}"#.write(toFile: bad, atomically: true, encoding: .utf8)
        #expect { try TargetTraining.train(files: [bad], folds: nil, lexicons: defaultLexicons, name: "m", version: "1") } throws: { error in
            (error as? SlantError)?.line == 1
        }
        let outside = dir.appendingPathComponent("outside.jsonl").path
        try #"{"id": "a", "text": "Tom Reyes left.", "target": {"start": 0, "end": 99}, "label": "neutral"}"#.write(toFile: outside, atomically: true, encoding: .utf8)
        #expect { try TargetTraining.train(files: [outside], folds: nil, lexicons: defaultLexicons, name: "m", version: "1") } throws: { error in
            (error as? SlantError)?.line == 1
        }
    }
}

@Suite("Three-class metrics")
struct MulticlassMetricsTests {
    @Test func handComputedMacroF1() {
        // gold:      neg neg neu neu pos pos
        // predicted: neg neu neu neu pos neg
        let m = Metrics.multiclass(predicted: [0, 1, 1, 1, 2, 0], gold: [0, 0, 1, 1, 2, 2], labels: ["negative", "neutral", "positive"])
        #expect(m.matrix == [[1, 1, 0], [0, 2, 0], [1, 0, 1]])
        // negative P 1/2 R 1/2 F1 0.5; neutral P 2/3 R 1 F1 0.8; positive P 1 R 1/2 F1 2/3.
        #expect(isClose(m.scores(0).f1, 0.5) && isClose(m.scores(1).f1, 0.8) && isClose(m.scores(2).f1, 2.0 / 3.0))
        #expect(isClose(m.macroF1, (0.5 + 0.8 + 2.0 / 3.0) / 3))
        #expect(isClose(m.accuracy, 4.0 / 6.0))
    }

    @Test func cutoffsSeparateThreeBands() {
        let scores = [-0.9, -0.6, -0.05, 0.0, 0.1, 0.7, 0.8]
        let gold = [0, 0, 1, 1, 1, 2, 2]
        let c = Metrics.bestCutoffs(scores: scores, gold: gold)
        #expect(scores.map { Metrics.threeWay($0, negative: c.negative, positive: c.positive) } == gold)
    }
}

@Suite("Stance rule numbers")
struct SignedOneDecimalTests {
    @Test func sameAsPrintf() {
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.25, -0.35, -0.04, 0.04, 1.45, 2.5, -2.55, 9.95, 99.95,
                                0.45, 1e13 + 0.05, -3, 4, 0.95, -0.95, .ulpOfOne, -.ulpOfOne, 0.1 + 0.2]
        var state: UInt64 = 99
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let unit = Double(state >> 11) / Double(1 << 53)
            values.append((unit * 2 - 1) * [1.0, 5, 100, 0.2][Int(state % 4)])
            // Exact ties and their neighbours.
            let tie = (Double(Int(state % 2000)) - 1000 + 0.5) / 10
            values += [tie, tie.nextUp, tie.nextDown]
        }
        for v in values { #expect(StanceScorer.signedOneDecimal(v) == String(format: "%+.1f", v), "\(v)") }
    }
}
