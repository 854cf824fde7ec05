import Foundation
import Testing
@testable import Slant

@Suite("Articles end to end")
struct ArticleTests {
    let scorer = ArticleScorer(lexicons: defaultLexicons)

    func score(_ name: String) -> ArticleScore {
        scorer.score(try! InputText(bytes: Array(exampleText(name).utf8), source: "examples/\(name)"))
    }

    @Test func wireReportIsFactThroughout() {
        let report = score("wire-report.txt")
        #expect(report.title == "City council approves budget after late-night session")
        #expect(report.paragraphs[0].label == .other)
        let content = report.paragraphs.dropFirst()
        #expect(content.allSatisfy { $0.label == .fact }, "\(content.map { ($0.index, $0.label, $0.opinionScore ?? -1) })")
        #expect(report.summary.opinionShare == 0)
        #expect(report.paragraphs[1].cues.contains { $0.cue == "dateline" })
        #expect(report.paragraphs[3].speakers == ["Mayor Elena Ortiz"])
        #expect(report.paragraphs[4].speakers.first == "Councilmember David Reyes")
    }

    @Test func opinionColumnIsOpinion() {
        let report = score("opinion-column.txt")
        let content = report.paragraphs.filter { $0.label != .other }
        #expect(content.count == 4)
        #expect(content.allSatisfy { $0.label == .opinion }, "\(content.map { ($0.index, $0.opinionScore ?? -1) })")
        #expect(report.summary.loaded.authorPer100 > 2)
        let loaded = Set(report.paragraphs.flatMap { $0.loaded.map(\.text) })
        #expect(loaded.isSuperset(of: ["rammed through", "shameless", "so-called", "insists"]))
    }

    @Test func mixedLiveBlogSeparatesWireOpinionAndFurniture() {
        let report = score("mixed-live-blog.md")
        let labels = report.paragraphs.map(\.label.rawValue)
        #expect(labels == ["other", "other", "fact", "fact", "fact", "other", "opinion", "other", "other", "other", "other", "other"])
        #expect(report.title == "Flooding closes river road as storm moves north")
        let reasons = report.paragraphs.map(\.reason)
        #expect(reasons[1].hasPrefix("timestamp"))
        #expect(reasons[7].hasPrefix("byline"))
        #expect(reasons[8].hasPrefix("call-to-action"))
        #expect(reasons[9].hasPrefix("site-furniture"))
        #expect(reasons[11].hasPrefix("comments"))
        #expect(report.paragraphs[3].speakers == ["Maria Duarte"])
        #expect(report.paragraphs[6].loaded.contains { $0.text == "pathetic" && $0.voice == .author })
        #expect(report.summary.contentParagraphs == 4)
    }

    @Test func repeatedParagraphsAreCountedOnce() {
        let para = "The council voted to approve the budget after three weeks of negotiations over transit."
        let report = article("Budget passes\n\n\(para)\n\nThe mayor welcomed it.\n\n\(para)")
        #expect(report.paragraphs[3].label == .other)
        #expect(report.paragraphs[3].reason == "repeats paragraph 1")
        #expect(report.summary.contentParagraphs == 2)
    }

    /// Near repeats: cosine similarity of word counts at or above paragraph.duplicate-similarity
    /// (0.9). One changed word in 14 gives 15/16 ≈ 0.94 ("the" counts twice) and repeats; a paragraph sharing half
    /// its words does not.
    @Test func nearRepeatsAreCountedOnceAndOthersKept() {
        let para = "The council voted to approve the budget after three weeks of talks over transit."
        let near = "The council voted to approve the budget after three weeks of talks over housing."
        let half = "The council voted to approve the budget after a night of shouting about parking fees."
        let report = article("Budget passes\n\n\(para)\n\nThe mayor welcomed it.\n\n\(near)\n\n\(half)")
        #expect(report.paragraphs[3].reason == "repeats paragraph 1")
        #expect(report.paragraphs[4].label != .other, "\(report.paragraphs[4].reason)")
    }

    /// The prefix-indexed search finds exactly what comparing every pair finds, on random
    /// paragraphs built to hold many near repeats, at several thresholds.
    @Test func nearRepeatSearchMatchesThePairwiseAnswer() {
        var generator = SeededGenerator(seed: 42)
        let vocabulary = (0..<60).map { "w\($0)" }
        var paragraphs: [[String]] = []
        for k in 0..<400 {
            if k > 0, Int.random(in: 0..<3, using: &generator) == 0 {
                // A copy of an earlier paragraph with a few words changed.
                var copy = paragraphs[Int.random(in: 0..<k, using: &generator)]
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    copy[Int.random(in: 0..<copy.count, using: &generator)] = vocabulary.randomElement(using: &generator)!
                }
                paragraphs.append(copy)
            } else {
                // Common words weigh more, as in text.
                paragraphs.append((0..<Int.random(in: 8...20, using: &generator)).map { _ in
                    vocabulary[min(Int.random(in: 0..<60, using: &generator), Int.random(in: 0..<60, using: &generator))]
                })
            }
        }
        // Paragraphs already labelled (exact repeats, furniture) are left out before the
        // search, as the scorer does.
        let kept = paragraphs.indices.filter { $0 % 37 != 5 }
        // Ids numbered in order of first appearance, as the scorer numbers them.
        var ids: [String: Int32] = [:]
        let bags = kept.map { p in
            ArticleScorer.wordBag(paragraphs[p].map { word in ids[word] ?? { let new = Int32(ids.count); ids[word] = new; return new }() })
        }
        for threshold in [0.0, 0.5, 0.8, 0.9, 0.95, 1.0] {
            var expected: [(Int, Int)] = [], repeats = Set<Int>()
            func cosine(_ a: Int, _ b: Int) -> Double {
                var x: [Int32: Int] = [:]
                for w in bags[a] { x[w.id] = Int(w.count) }
                let dot = bags[b].reduce(0) { $0 + (x[$1.id] ?? 0) * Int($1.count) }
                let na = bags[a].reduce(0) { $0 + Int($1.count) * Int($1.count) }, nb = bags[b].reduce(0) { $0 + Int($1.count) * Int($1.count) }
                return Double(dot) / (Double(na).squareRoot() * Double(nb).squareRoot())
            }
            for b in bags.indices {
                if let a = (0..<b).first(where: { !repeats.contains($0) && cosine($0, b) >= threshold }) {
                    expected.append((b, a))
                    repeats.insert(b)
                }
            }
            let found = ArticleScorer.nearRepeats(bags, threshold: threshold)
            #expect(found.map { [$0.b, $0.a] } == expected.map { [$0.0, $0.1] }, "threshold \(threshold)")
            if threshold == 0.9 { #expect(expected.count > 50) }  // the case is not empty
        }
    }

    /// The tokenizer's whitespace test agrees with Unicode's White_Space for every scalar
    /// of the Basic Multilingual Plane (its ASCII answer skips the property lookup).
    @Test func whitespaceShortcutMatchesTheUnicodeProperty() {
        for value in UInt32(0)..<0x10000 {
            guard let c = Unicode.Scalar(value) else { continue }
            #expect(Tokenizer.isWhitespace(c) == c.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func jsonHasTheDocumentedKeysInOrder() throws {
        let report = score("mixed-live-blog.md")
        let line = report.json().serialized()
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(object["schema"] as? String == "slant.article.v2")
        let manifest = object["manifest"] as! [String: Any]
        #expect(manifest["version"] as? String == SlantVersion.current)
        #expect((manifest["lexicons"] as! [[String: Any]]).count == LexiconSet.fileNames.count)
        let summary = object["summary"] as! [String: Any]
        for key in ["paragraphs", "contentParagraphs", "sentences", "tokens", "opinionShare", "sentiment", "loaded"] {
            #expect(summary[key] != nil, "summary.\(key)")
        }
        let loaded = summary["loaded"] as! [String: Any]
        for key in ["per100", "authorPer100", "quotedPer100", "categories"] { #expect(loaded[key] != nil) }
        let paragraph = (object["paragraphs"] as! [[String: Any]])[6]
        for key in ["index", "start", "end", "text", "label", "reason", "opinionScore", "quotedShare", "sentiment", "cues", "loaded", "speakers"] {
            #expect(paragraph[key] != nil, "paragraph.\(key)")
        }
        let hit = (paragraph["loaded"] as! [[String: Any]])[0]
        for key in ["text", "category", "start", "end", "quoted", "weight"] { #expect(hit[key] != nil, "loaded.\(key)") }
        let cue = (paragraph["cues"] as! [[String: Any]])[0]
        for key in ["cue", "text", "start", "end", "weight"] { #expect(cue[key] != nil, "cue.\(key)") }
        // Key order as documented.
        #expect(line.hasPrefix("{\"schema\":\"slant.article.v2\",\"source\":"))
        #expect(line.range(of: "\"summary\"")!.lowerBound < line.range(of: "\"paragraphs\":[")!.lowerBound)
    }

    @Test func offsetsPointAtTheTextTheyName() {
        let report = score("mixed-live-blog.md")
        let scalars = Array(exampleText("mixed-live-blog.md").unicodeScalars)
        func slice(_ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(scalars[a..<b])) }
        for p in report.paragraphs {
            #expect(slice(p.start, p.end) == p.text)
            for hit in p.loaded where hit.category != "scare-quote" { #expect(slice(hit.start, hit.end) == hit.text) }
            for cue in p.cues { #expect(slice(cue.start, cue.end) == cue.text) }
            for v in p.valence { #expect(slice(v.start, v.end) == v.text) }
        }
    }

    @Test func outputIsDeterministic() {
        let a = score("opinion-column.txt").json().serialized()
        let b = score("opinion-column.txt").json().serialized()
        #expect(a == b)
        #expect(score("opinion-column.txt").text() == score("opinion-column.txt").text())
    }

    @Test func emptyAndWordlessInputsDoNotCrash() {
        #expect(article("").paragraphs.isEmpty)
        #expect(article("").summary.opinionShare == 0)
        let symbols = article("*** --- ***")
        #expect(symbols.paragraphs.first?.label == .other)
        #expect(symbols.paragraphs.first?.reason == "no words")
    }

    @Test func renderersEscapeAndKeepEveryParagraph() throws {
        let report = article("Pipes | and <tags>\n\nA \"quote\" with \\ backslash and a tab\there.")
        let markdown = report.markdown()
        #expect(markdown.contains("Pipes \\| and &lt;tags&gt;"))
        #expect(report.paragraphs.count == 2)
        let json = report.json().serialized()
        #expect(json.contains("\\\"quote\\\""))
        #expect(json.contains("\\t"))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }
}

@Suite("Word counts for the summary")
struct SpaceSeparatedCountTests {
    /// Random strings over spaces, letters and the scalars that can join a space into one
    /// grapheme (combining, spacing and emoji-modifier marks, joiners, a prepended mark):
    /// the fast count must equal the count of space-separated Characters.
    @Test func agreesWithCharacterSplit() {
        let alphabet: [String] = [" ", " ", " ", "a", "b", "é", "\u{301}", "\u{0903}", "\u{200D}", "\u{1F3FB}", "\u{600}",
                                  "\u{201C}", "\u{2014}", "😀", "\n", "\r\n", "ü", "\u{0627}"]
        for text in randomStrings(3_000, of: alphabet, maxPieces: 16, seed: 7) {
            #expect(ArticleScorer.spaceSeparatedCount(text) == text.split(separator: " ").count, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
