import Foundation
import Testing
@testable import Slant

@Suite("Evaluation")
struct EvaluationTests {
    @Test func foldsMatchThePublishedProtocol() {
        // Values computed with Python: int(hashlib.sha1(("fold:" + t).encode()).hexdigest(), 16) % 5
        #expect(Folds.fold(of: "abc") == 3)
        #expect(Folds.fold(of: "Hello, world") == 2)
        #expect(Folds.fold(of: "Zoë \u{201C}quoted\u{201D}") == 0)
        #expect(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test func binaryMetricsMatchHandComputedValues() {
        // gold: + + + - - ; predicted (≥ 0.5): + + - + -  → tp 2, fn 1, fp 1, tn 1
        let m = Metrics.binary(scores: [0.9, 0.6, 0.2, 0.7, 0.1], gold: [true, true, true, false, false], threshold: 0.5, positive: "SUBJ", negative: "OBJ")
        #expect((m.tp, m.fn, m.fp, m.tn) == (2, 1, 1, 1))
        #expect(isClose(m.positiveScores.precision, 2.0 / 3) && isClose(m.positiveScores.recall, 2.0 / 3))
        #expect(isClose(m.negativeScores.f1, 0.5))
        #expect(isClose(m.macroF1, (2.0 / 3 + 0.5) / 2))
        #expect(isClose(m.accuracy, 0.6))
        #expect(m.positiveScores.support == 3 && m.negativeScores.support == 2)
    }

    @Test func bestThresholdSeparatesWhenItCan() {
        let t = Metrics.bestThreshold(scores: [0.1, 0.2, 0.3, 0.7, 0.8], gold: [false, false, false, true, true])
        #expect(t > 0.3 && t < 0.7)
        #expect(isClose(Metrics.binary(scores: [0.1, 0.2, 0.3, 0.7, 0.8], gold: [false, false, false, true, true], threshold: t, positive: "+", negative: "-").macroF1, 1))
    }

    @Test func correlationsMatchHandComputedValues() {
        #expect(isClose(Metrics.pearson([1, 2, 3], [2, 4, 6])!, 1))
        #expect(isClose(Metrics.pearson([1, 2, 3], [3, 2, 1])!, -1))
        // x = 1,2,3,4; y = 1,3,2,4: Pearson = 0.8
        #expect(isClose(Metrics.pearson([1, 2, 3, 4], [1, 3, 2, 4])!, 0.8))
        // Ties get average ranks: ranks of [1, 1, 2] are [1.5, 1.5, 3].
        #expect(Metrics.ranks([1, 1, 2]) == [1.5, 1.5, 3])
        #expect(isClose(Metrics.spearman([10, 20, 30, 40], [1, 9, 4, 16])!, 0.8))
        #expect(Metrics.pearson([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test func tokenScoresAreMicroAveraged() {
        let s = Metrics.tokenScores(predicted: [[1, 2], [5]], gold: [[2, 3], [5]])
        #expect(isClose(s.precision, 2.0 / 3) && isClose(s.recall, 2.0 / 3) && s.support == 3)
    }

    func write(_ lines: [String]) throws -> URL {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("data.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func subjectivityEvaluationAndLabelErrors() throws {
        let file = try write([
            #"{"text": "This disgraceful, shameless plan is a reckless giveaway!", "label": "SUBJ"}"#,
            #"{"text": "The council approved the budget on Tuesday, officials said.", "label": "OBJ"}"#,
            #"{"text": "Why should anyone trust this pathetic council?", "label": "SUBJ"}"#,
            #"{"text": "Prices rose 3 percent in March, the agency said.", "label": "OBJ"}"#,
            #"{"text": "Unclear.", "label": "No agreement"}"#,
        ])
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        var options = Evaluation.Options()
        let result = try Evaluation.run(file.path, options: options)
        #expect(result.n == 4)
        #expect(result.leftOut == ["label 'No agreement'": 1])
        #expect(result.binary?.macroF1 == 1)
        let json = result.json().serialized()
        for key in ["\"task\":\"subjectivity\"", "\"n\":4", "\"macroF1\":1", "\"accuracy\":1", "\"perClass\"", "\"threshold\":0.5"] {
            #expect(json.contains(key), "\(key)")
        }
        options.positive = ["OBJ"]
        let inverted = try Evaluation.run(file.path, options: options)
        #expect(inverted.binary?.macroF1 == 0)
        let bad = try write([#"{"text": "x", "label": "maybe"}"#])
        defer { try? FileManager.default.removeItem(at: bad.deletingLastPathComponent()) }
        do {
            _ = try Evaluation.run(bad.path, options: Evaluation.Options())
            Issue.record("expected an error")
        } catch let error as SlantError {
            #expect(error.line == 1 && error.message.contains("'maybe'"))
        }
    }

    @Test func valenceAndLoadedWords() throws {
        let file = try write([
            #"{"text": "A wonderful, joyful day.", "label": 3.2, "spans": [{"start": 2, "end": 11}]}"#,
            #"{"text": "A terrible, disgraceful mess.", "label": -3.0, "spans": [[12, 23]]}"#,
            #"{"text": "The meeting is on Tuesday.", "label": 0.1, "spans": []}"#,
        ])
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        var options = Evaluation.Options()
        options.task = .valence
        let valence = try Evaluation.run(file.path, options: options)
        #expect(valence.pearson! > 0.9)
        options.task = .loadedWords
        options.labelField = "spans"
        let words = try Evaluation.run(file.path, options: options)
        // Gold: "wonderful", "disgraceful"; Slant marks "wonderful" (evaluative-positive),
        // "terrible" and "disgraceful" (evaluative-negative): 2 of 3 right, both gold found.
        #expect(words.tokens?.support == 2)
        #expect(words.tokens.map { isClose($0.precision, 2.0 / 3) && isClose($0.recall, 1) } == true)
    }
}
