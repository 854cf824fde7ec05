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
