import Foundation
import Testing
@testable import Slant

@Suite("Training")
struct TrainingTests {
    /// Items whose label is exactly "the writer uses the word zorbling": the right model gives
    /// that word a large positive weight and separates the classes.
    func syntheticSet() throws -> URL {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("train.jsonl")
        let subjects = ["The council", "The mayor", "The board", "The agency", "The court", "The county", "Officials", "The union"]
        let verbs = ["approved", "reviewed", "discussed", "published", "delayed", "signed"]  // no report verbs: the word must be in the writer's voice
        let objects = ["the budget", "a plan", "the report", "new rules", "the contract", "a proposal", "the figures"]
        var lines: [String] = []
        var k = 0
        for s in subjects { for v in verbs { for o in objects {
            let positive = k % 2 == 0
            let text = positive ? "\(s) \(v) \(o) zorbling on Tuesday." : "\(s) \(v) \(o) on Tuesday."
            lines.append(#"{"text": "\#(text)", "label": "\#(positive ? "SUBJ" : "OBJ")"}"#)
            k += 1
        } } }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func recoversAKnownWeightAndIsDeterministic() throws {
        let file = try syntheticSet()
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        var options = Trainer.Options()
        options.files = [file.path]
        let model = try Trainer.train(options, lexicons: defaultLexicons)
        let weights = Dictionary(uniqueKeysWithValues: model.termWeights.map { ($0.term, $0.weight) })
        // Terms are light stems: "zorbling" is learned as "zorbl".
        let zorbling = try #require(weights["zorbl"])
        #expect(zorbling > 1)
        #expect(weights.filter { $0.key != "zorbl" }.values.allSatisfy { abs($0) < zorbling / 4 })
        #expect(model.cvMacroF1 > 0.95)
        #expect(model.examples == 336 && model.positives == 168)
        let again = try Trainer.train(options, lexicons: defaultLexicons)
        #expect(again.lexicon(options).tsv() == model.lexicon(options).tsv(), "same data, same file")
        // The model is a valid lexicon, and with it the learned word is evidence in reports.
        let tsv = model.lexicon(options).tsv()
        let lexicon = try Lexicon.parseTSV(tsv, origin: "opinion-model.tsv")
        #expect(lexicon.source.contains("train.jsonl (336 items, sha256 "))
        var sources = try LexiconSet.embeddedLexicons()
        sources["opinion-model.tsv"] = lexicon
        let set = try LexiconSet(lexicons: sources)
        #expect(set.config.modelName == "opinion-model")
        let report = ArticleScorer(lexicons: set).score(try InputText(bytes: Array("The board delayed the report zorbling on Tuesday.".utf8), source: "x"))
        #expect(report.paragraphs[0].cues.contains { $0.cue == "term" && $0.text == "zorbling" && $0.weight > 1 })
        #expect(report.paragraphs[0].label == .opinion)
        // Another inflection of the word carries the same learned weight, shown as written.
        let inflected = ArticleScorer(lexicons: set).score(try InputText(bytes: Array("The board zorbled the report on Tuesday.".utf8), source: "x"))
        #expect(inflected.paragraphs[0].cues.contains { $0.cue == "term" && $0.text == "zorbled" && isClose($0.weight, zorbling, 1e-6) })
        // A model file without the `stemmed` key keeps its words as written (models trained
        // before stemming): its "zorbl" entry matches no word.
        var unstemmed = lexicon
        unstemmed.entries.removeAll { $0.category == "model" && $0.key == "stemmed" }
        sources["opinion-model.tsv"] = try Lexicon.parseTSV(unstemmed.tsv(), origin: "opinion-model.tsv")
        let old = try LexiconSet(lexicons: sources)
        #expect(!old.config.termsStemmed)
        let plain = ArticleScorer(lexicons: old).score(try InputText(bytes: Array("The board zorbled the report on Tuesday.".utf8), source: "x"))
        #expect(!plain.paragraphs[0].cues.contains { $0.cue == "term" && $0.text == "zorbled" })
    }

    @Test func lightStemMergesInflections() {
        let cases: [(String, String)] = [
            ("claims", "claim"), ("claimed", "claim"), ("claiming", "claim"), ("claim", "claim"),
            ("studies", "study"), ("studied", "study"), ("watches", "watch"), ("boxes", "box"), ("bosses", "boss"),
            ("meetings", "meet"), ("clearly", "clear"), ("boss", "boss"), ("bus", "bus"), ("virus", "virus"),
            ("analysis", "analysis"), ("this", "this"), ("trump's", "trump's"), ("red", "red"), ("sing", "sing"),
            ("only", "only"), ("zoë", "zoë"), ("left-wing", "left-wing"), ("spring", "spring"), ("speed", "speed"),
            ("nothing", "noth"), ("reportedly", "reported"), ("votes", "vote"), ("voted", "vot"), ("voting", "vot"),
        ]
        for (word, stem) in cases { #expect(LightStem.of(word) == stem, "\(word)") }
    }

    /// The bias model's learned-list feature never sees an item's own annotations: each
    /// annotated item counts the list's words on the other folds' annotations only.
    @Test func learnedListFeatureIsOutOfFold() {
        let slot = Trainer.cueFeatures.count + 1
        func example(_ fold: Int, _ value: Double = 0) -> Trainer.Example {
            var cues = [Double](repeating: 0, count: Trainer.cueFeatures.count + Trainer.biasFeatures.count)
            cues[slot] = value
            return Trainer.Example(cues: cues, terms: [], label: true, fold: fold)
        }
        var examples = [example(0), example(1), example(1), example(2, 0.5)]
        func words(_ forms: String...) -> [(form: String, author: Bool, sentence: Int)] { forms.map { (form: $0, author: true, sentence: 0) } }
        let evidence = [
            Trainer.LearnedEvidence(candidates: words("zorb"), words: [(form: "zorb", marked: true)]),
            Trainer.LearnedEvidence(candidates: words("zorb"), words: [(form: "zorb", marked: true), (form: "plan", marked: false)]),
            Trainer.LearnedEvidence(candidates: words("zorb", "plan"), words: [(form: "zorb", marked: false)]),
            Trainer.LearnedEvidence(candidates: words("zorb"), words: nil),  // not annotated: keeps the list's value
        ]
        let list = Lexicon(name: "loaded-learned", version: "1", license: "test", source: "test", range: 0...1,
                           entries: [.init(term: "zorb", category: "learned", weight: 0.5)])
        Trainer.outOfFoldLearned(&examples, evidence: evidence, list: list, cap: 3)
        // Fold 0 sees folds 1-2: zorb marked 1 of 2 → 1/3, below the list's floor 0.5 → 0.
        // Fold 1 sees fold 0: zorb marked 1 of 1 → 1/2 = 0.5 ("plan" is not in the list).
        #expect(examples.map { $0.cues[slot] } == [0, 0.5, 0.5, 0.5])
        // The opinion model's `learned-loaded` cue (writer's voice) gets the same values.
        let writer = Trainer.cueFeatures.firstIndex(of: "learned-loaded")!
        #expect(examples.prefix(3).map { $0.cues[writer] } == [0, 0.5, 0.5])
    }

    @Test func refusesTestSplitsAndSingleClassData() throws {
        var options = Trainer.Options()
        options.files = ["/data/checkthat/dev_test.jsonl"]
        #expect(throws: SlantError.self) { try Trainer.train(options, lexicons: defaultLexicons) }
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("one.jsonl")
        try #"{"text": "A.", "label": "SUBJ"}"#.write(to: file, atomically: true, encoding: .utf8)
        options.files = [file.path]
        #expect(throws: SlantError.self) { try Trainer.train(options, lexicons: defaultLexicons) }
    }

    @Test func modelFilesAreValidated() throws {
        let bad = try Lexicon.parseTSV(tsv("bias\tmodel\t0.1\nmystery\tcue\t1\n"), origin: "m.tsv")
        #expect(throws: SlantError.self) { try ScoringConfig.modelParts(bad) }
        let noThreshold = try Lexicon.parseTSV(tsv("bias\tmodel\t0.1\n"), origin: "m.tsv")
        #expect(throws: SlantError.self) { try ScoringConfig.modelParts(noThreshold) }
    }
}

@Suite("Learned loaded words")
struct LoadedTrainingTests {
    /// 40 items "The SUBJECT fleeced residents with budget number i." in `dir`, each with
    /// "fleeced" (and nothing else) marked as biased.
    func fleecedItems(subject: String, in dir: URL) throws -> URL {
        let lines = (0..<40).map { i -> String in
            let text = "The \(subject) fleeced residents with budget number \(i)."
            let start = text.distance(from: text.startIndex, to: text.range(of: "fleeced")!.lowerBound)
            return #"{"text": "\#(text)", "biased_word_spans": [{"start": \#(start), "end": \#(start + 7)}]}"#
        }
        let file = dir.appendingPathComponent("train.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func learnsWordsAnnotatorsMarkAndAddsThemToDetection() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // "fleeced" is marked every time; "budget" never; the built-in list knows neither.
        let file = try fleecedItems(subject: "council", in: dir)
        let result = try LoadedTraining.train(files: [file.path], folds: nil, lexicons: defaultLexicons)
        #expect(result.entries.map(\.term) == ["fleeced"])
        #expect(result.entries[0].marked == 40 && result.entries[0].seen == 40)
        #expect(isClose(result.entries[0].weight, 0.976))  // 40 / 41, rounded
        #expect(result.cvF1 == 1)
        var sources = try LexiconSet.embeddedLexicons()
        sources["loaded-learned.tsv"] = result.lexicon(name: "loaded-learned", version: "1", folds: nil)
        let set = try LexiconSet(lexicons: sources)
        let hits = LoadedLanguageScorer(lexicons: set).hits(document("They fleeced the town.", lexicons: set), tokens: 0..<5)
        #expect(hits.map(\.category) == ["learned"])
        #expect(hits.first?.lexicon == "loaded-learned")
        // Reported as loaded language, but not an opinion cue (no label leakage into models).
        let report = ArticleScorer(lexicons: set).score(try InputText(bytes: Array("They fleeced the town.".utf8), source: "x"))
        #expect(report.paragraphs[0].loaded.map(\.text) == ["fleeced"])
        #expect(!report.paragraphs[0].cues.contains { $0.cue == "loaded" })
        #expect(!report.paragraphs[0].cues.contains { $0.cue == "learned-loaded" })  // the built-in weight is 0
        // A trained opinion model that weighs learned words shows each as a cue with its share.
        sources["opinion-model.tsv"] = Lexicon(name: "opinion-model", version: "1", license: "test", source: "test", range: -100...100, entries: [
            .init(term: "bias", category: "model", weight: 0), .init(term: "threshold", category: "model", weight: 0.5),
            .init(term: "learned-loaded", category: "cue", weight: 2),
        ])
        let trained = ArticleScorer(lexicons: try LexiconSet(lexicons: sources)).score(try InputText(bytes: Array("They fleeced the town.".utf8), source: "x"))
        let cue = try #require(trained.paragraphs[0].cues.first { $0.cue == "learned-loaded" })
        #expect(cue.text == "fleeced" && isClose(cue.weight, 2 * 0.976))
    }

    @Test func suppressesHandWrittenWordsAnnotatorsNeverMark() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // "regime" is in the hand-written list but never marked; "fleeced" is marked every time.
        let file = try fleecedItems(subject: "regime", in: dir)
        let before = LoadedLanguageScorer(lexicons: defaultLexicons).hits(document("The regime fleeced the town.", lexicons: defaultLexicons), tokens: 0..<6)
        #expect(before.map(\.text) == ["regime"])
        let result = try LoadedTraining.train(files: [file.path], folds: nil, lexicons: defaultLexicons)
        #expect(result.suppressed.map(\.term) == ["regime"])
        #expect(result.suppressed.first.map { $0.marked == 0 && $0.seen == 40 } == true)
        #expect(result.suppressionCutoff > 0)
        #expect(result.cvF1 == 1)
        let lexicon = result.lexicon(name: "loaded-learned", version: "1", folds: nil)
        #expect(lexicon.entries.filter { $0.category == "suppress" }.map(\.term) == ["regime"])
        var sources = try LexiconSet.embeddedLexicons()
        sources["loaded-learned.tsv"] = try Lexicon.parseTSV(lexicon.tsv(), origin: "loaded-learned.tsv")
        let set = try LexiconSet(lexicons: sources)
        // The suppressed word is neither a hand-written hit nor a learned one; the learned word is.
        let hits = LoadedLanguageScorer(lexicons: set).hits(document("The regime fleeced the town.", lexicons: set), tokens: 0..<6)
        #expect(hits.map(\.text) == ["fleeced"])
        // Reports keep the suppressed hit as evidence, apart from the counted ones.
        let report = ArticleScorer(lexicons: set).score(try InputText(bytes: Array("The regime fleeced the town.".utf8), source: "x"))
        #expect(report.paragraphs[0].loaded.map(\.text) == ["fleeced"])
        #expect(report.paragraphs[0].suppressedLoaded.map(\.text) == ["regime"])
        let json = report.json().serialized()
        #expect(json.contains(#""suppressedLoaded":[{"text":"regime","category":"pejorative-label""#))
        // A hit with a word that is not suppressed still counts.
        let phrase = LoadedLanguageScorer(lexicons: set).hits(document("A puppet regime ruled.", lexicons: set), tokens: 0..<5)
        #expect(phrase.map(\.text) == ["puppet regime"])
    }
}
