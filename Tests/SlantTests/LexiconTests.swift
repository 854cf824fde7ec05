import Foundation
import Testing
@testable import Slant

@Suite("Lexicon TSV format")
struct LexiconTSVTests {
    @Test func parsesHeaderEntriesMultiwordAndWildcards() throws {
        let lexicon = try Lexicon.parseTSV(tsv("Disgrac*\tevaluative\t0.8\tnote here\nrammed through\tcharged\t0.9\n"), origin: "t.tsv")
        #expect(lexicon.name == "test")
        #expect(lexicon.license == "MIT")
        #expect(lexicon.entries.count == 2)
        #expect(lexicon.entries[0].key == "disgrac*")
        #expect(lexicon.entries[0].term == "Disgrac*")
        #expect(lexicon.entries[0].line == 6)
        #expect(lexicon.entries[1].words.count == 2)
        #expect(lexicon.sha256.count == 64)
    }

    @Test func windowsLineEndingsAndSpacesAroundFields() throws {
        let text = tsv(" Disgrac*\tevaluative \t 0.8\tnote\nrammed  through\tcharged\t0.9\n").replacingOccurrences(of: "\n", with: "\r\n")
        let lexicon = try Lexicon.parseTSV(text, origin: "t.tsv")
        #expect(lexicon.name == "test")
        #expect(lexicon.entries.map(\.key) == ["disgrac*", "rammed through"])
        #expect(lexicon.entries.map(\.category) == ["evaluative", "charged"])
        #expect(lexicon.entries.map(\.note) == ["note", ""])
        #expect(lexicon.entries[1].words == ["rammed", "through"])
        #expect(lexicon.entries.map(\.line) == [6, 7])
    }

    @Test func byteSplitAgreesWithCharacterSplit() {
        // Pieces a space can share a grapheme with (a combining mark after it, a prepended
        // mark before it), and ones it cannot.
        let pieces = [" ", " ", "\t", "\n", "a", "é", "\u{301}", "\u{600}", "\u{201C}", "😀", "\u{200D}", "b"]
        for text in randomStrings(3_000, of: pieces, maxPieces: 10, seed: 5) + ["", "a b", "a \u{301}b", "\u{600} x"] {
            for byte in [UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: " ")] {
                let character = Character(Unicode.Scalar(byte))
                #expect(text[...].split(byte: byte) == text.split(separator: character, omittingEmptySubsequences: false),
                        "\(text.unicodeScalars.map(\.value)) \(byte)")
                #expect(text[...].split(byte: byte, omittingEmpty: true) == text.split(separator: character),
                        "\(text.unicodeScalars.map(\.value)) \(byte)")
            }
        }
    }

    struct BadCase: Sendable, CustomStringConvertible {
        var id: String
        var text: String
        var line: Int?
        var fragment: String
        var description: String { id }
    }

    static let badCases: [BadCase] = [
        .init(id: "missing license", text: "# name: x\n# version: 1\n# source: s\nterm\tcategory\tweight\tnote\n", line: 4, fragment: "license"),
        .init(id: "unknown header key", text: "# name: x\n# colour: red\n", line: 2, fragment: "unknown header key"),
        .init(id: "repeated header key", text: "# name: x\n# name: y\n", line: 2, fragment: "twice"),
        .init(id: "bad column header", text: "# name: x\n# version: 1\n# license: MIT\n# source: s\nword\tweight\n", line: 5, fragment: "column header"),
        .init(id: "too few fields", text: tsv("good\n"), line: 6, fragment: "3 or 4"),
        .init(id: "weight not a number", text: tsv("good\tpos\tlots\n"), line: 6, fragment: "not a number"),
        .init(id: "weight out of range", text: tsv("good\tpos\t0.5\nbad\tneg\t7\n"), line: 7, fragment: "outside the declared range"),
        .init(id: "declared range", text: tsv("good\tpos\t1.5\n", extraHeader: "# range: 0 1\n"), line: 7, fragment: "outside"),
        .init(id: "duplicate in category", text: tsv("good\tpos\t1\nGood\tpos\t2\n"), line: 7, fragment: "first on line 6"),
        .init(id: "inner wildcard", text: tsv("go*od\tpos\t1\n"), line: 6, fragment: "only at the end"),
        .init(id: "empty term", text: tsv(" \tpos\t1\n"), line: 6, fragment: "empty term"),
        .init(id: "no column line", text: "# name: x\n", line: 1, fragment: "no column header"),
    ]

    @Test(arguments: badCases)
    func rejectsMalformedFilesWithFileAndLine(_ c: BadCase) {
        do {
            _ = try Lexicon.parseTSV(c.text, origin: "bad.tsv")
            Issue.record("expected an error for \(c.id)")
        } catch let error as SlantError {
            #expect(error.reason == .badLexicon)
            #expect(error.file == "bad.tsv")
            #expect(error.line == c.line)
            #expect(error.message.contains(c.fragment), "\(error.message)")
            #expect(error.description.hasPrefix("bad.tsv:"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func sameTermInTwoCategoriesIsAllowed() throws {
        let lexicon = try Lexicon.parseTSV(tsv("happy\tposemo\t1\nhappy\taffect\t1\n"), origin: "t")
        #expect(lexicon.entries.count == 2)
        #expect(lexicon.categories == ["posemo", "affect"])
    }

    @Test func writesWhatItReads() throws {
        let original = try Lexicon.parseTSV(tsv("alpha\ta\t0.25\tfirst\nbeta gamma*\tb\t-1\t\n", extraHeader: "# description: d\n# range: -2 2\n"), origin: "t")
        let again = try Lexicon.parseTSV(original.tsv(), origin: "t")
        #expect(again.entries.map(\.key) == ["alpha", "beta gamma*"])
        #expect(again.entries.map(\.category) == original.entries.map(\.category))
        #expect(again.entries.map(\.weight) == [0.25, -1])
        #expect(again.entries.map(\.note) == ["first", ""])
        #expect(again.range == -2...2)
        #expect(again.description == "d")
    }

    @Test func regexTermsAreAllowedOnlyWithTheHeader() throws {
        #expect(throws: SlantError.self) { try Lexicon.parseTSV(tsv("^a.*b$\tx\t1\n"), origin: "t") }
        let lexicon = try Lexicon.parseTSV(tsv("^a.*b$\tx\t1\n", extraHeader: "# terms: regex\n"), origin: "t")
        #expect(lexicon.termsAreRegex)
        #expect(throws: SlantError.self) { try FurniturePatterns(try Lexicon.parseTSV(tsv("^a.*b$\tx\t1\n"), origin: "t")) }
        let broken = try Lexicon.parseTSV(tsv("^(a\tx\t1\n", extraHeader: "# terms: regex\n"), origin: "f.tsv")
        do {
            _ = try FurniturePatterns(broken)
            Issue.record("expected a regex error")
        } catch let error as SlantError {
            #expect(error.line == 7)
        }
    }

    @Test func sha256MatchesFIPSVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

@Suite("Default lexicons")
struct DefaultLexiconTests {
    @Test func everyRoleLoadsWithProvenance() throws {
        let set = try LexiconSet.defaults()
        #expect(set.all.count == LexiconSet.fileNames.count)
        for lexicon in set.all {
            #expect(!lexicon.name.isEmpty && !lexicon.version.isEmpty && !lexicon.license.isEmpty && !lexicon.source.isEmpty)
            #expect(lexicon.sha256.count == 64)
        }
    }

    @Test func embeddedCopiesMatchTheFilesInTheRepository() throws {
        for (name, lexicon) in try LexiconSet.embeddedLexicons() {
            let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("lexicons/\(name)"))
            #expect(SHA256.hex(Array(data)) == lexicon.sha256, "\(name) differs from the embedded copy: rebuild")
        }
    }

    @Test func categoriesHaveHundredsOfEntriesWhereTheyNeedThem() {
        let set = defaultLexicons
        #expect(set.loaded.entries.count >= 500)
        #expect(set.reportVerbs.entries.count >= 300)
        #expect(set.stanceMarkers.entries.count >= 300)
        #expect(set.valence.entries.count >= 7000)
        #expect(set.reportVerbs.entries(in: "loaded").count >= 100)
        for category in ["hedge", "booster", "factive", "assertive", "implicative", "absolutist"] {
            #expect(set.stanceMarkers.entries(in: category).count >= 20, "\(category)")
        }
        for category in ["negator", "intensifier", "downtoner", "contrast"] {
            #expect(set.sentimentModifiers.entries(in: category).count >= 10, "\(category)")
        }
    }

    @Test func partisanLabelsAreSymmetric() {
        let left = defaultLexicons.loaded.entries(in: "partisan-label-left").count
        let right = defaultLexicons.loaded.entries(in: "partisan-label-right").count
        #expect(left >= 50 && right >= 50)
        #expect(abs(left - right) * 10 <= max(left, right), "left \(left), right \(right)")
    }

    @Test func eventWordsAreNeverSingleWordLoadedTerms() {
        #expect(LexiconCheck.overlaps(defaultLexicons).isEmpty, "\(LexiconCheck.overlaps(defaultLexicons))")
    }

    @Test func scoringConfigRejectsUnknownAndMissingKeys() throws {
        let scoring = defaultLexicons.scoring
        var extra = scoring
        extra.entries.append(.init(term: "sentiment.typo", category: "sentiment", weight: 1, line: 99))
        #expect(throws: SlantError.self) { try ScoringConfig(extra) }
        var missing = scoring
        missing.entries.removeAll { $0.key == "sentiment.alpha" }
        do {
            _ = try ScoringConfig(missing)
            Issue.record("expected a missing-key error")
        } catch let error as SlantError {
            #expect(error.message.contains("sentiment.alpha"))
        }
        let config = try ScoringConfig(scoring)
        #expect(isClose(config.boosterIncrement, 0.293))
        #expect(isClose(config.negationScalar, -0.74))
    }

    @Test func directoryOverridesReplaceOnlyTheirRole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let custom = """
        # name: my-loaded
        # version: 9.9.9
        # license: CC0-1.0
        # source: a test
        # range: 0 1
        term\tcategory\tweight\tnote
        budget\tcustom\t1\ttest
        """
        try custom.write(to: dir.appendingPathComponent("loaded-language.tsv"), atomically: true, encoding: .utf8)
        let set = try LexiconSet.load(directory: dir.path)
        #expect(set.loaded.name == "my-loaded")
        #expect(set.valence.name == "valence")
        let score = ArticleScorer(lexicons: set).score(try InputText(bytes: Array("The budget passed.".utf8), source: "x"))
        #expect(score.paragraphs[0].loaded.map(\.category) == ["custom"])
        #expect(throws: SlantError.self) { try LexiconSet.load(directory: dir.appendingPathComponent("nope").path) }
    }
}

@Suite("Matcher")
struct MatcherTests {
    let lexicon = try! Lexicon.parseTSV(tsv("""
    rammed\tv\t1
    rammed through\tv\t1
    disgrac*\te\t1
    so-called\td\t1
    johnson\tn\t1
    """), origin: "t")

    @Test func longestMatchWinsAndMatchesDoNotOverlap() {
        let matcher = Matcher(lexicon)
        let words = ["they", "rammed", "through", "a", "disgraceful", "so-called", "plan"]
        let found = matcher.matches(in: words)
        #expect(found.map { lexicon.entries[$0.entry].key } == ["rammed through", "disgrac*", "so-called"])
        #expect(found[0].start == 1 && found[0].length == 2)
    }

    @Test func wildcardNeedsThePrefix() {
        let matcher = Matcher(lexicon)
        #expect(matcher.contains("disgraced"))
        #expect(matcher.contains("disgrace-free"))
        #expect(!matcher.contains("graceful"))
    }

    @Test func possessiveFormsMatchThroughTheirStem() {
        let matcher = Matcher(lexicon)
        #expect(matcher.matches(in: ["johnson's"], alternates: ["johnson"]).count == 1)
        #expect(matcher.matches(in: ["johnson's"]).isEmpty)
    }

    @Test func rangeLimitsMatches() {
        let matcher = Matcher(lexicon)
        let words = ["rammed", "through", "rammed"]
        #expect(matcher.matches(in: words, range: 1..<3).map(\.start) == [2])
        #expect(matcher.matches(in: words, range: 0..<1).map(\.length) == [1])
    }

    /// A document carries its words' ids in the lexicons' shared vocabulary; every matcher
    /// finds the same terms through those ids as through the strings, and a document made
    /// with other lexicons falls back to the strings.
    /// The byte-hashed table for ASCII words answers as the String dictionary does: for every
    /// word of the default lexicons, for words they lack, for non-ASCII words (canonically
    /// equivalent spellings included), and with a key that is equivalent to an ASCII word.
    @Test func vocabularyAgreesWithAStringDictionary() throws {
        func reference(_ lexicons: [Lexicon]) -> [String: Int32] {
            var ids: [String: Int32] = [:]
            for lexicon in lexicons where !lexicon.termsAreRegex {
                for entry in lexicon.entries {
                    let words = entry.words
                    for (k, word) in words.enumerated() where !(k == words.count - 1 && word.hasSuffix("*")) {
                        if ids[String(word)] == nil { ids[String(word)] = Int32(ids.count) }
                    }
                }
            }
            return ids
        }
        let set = defaultLexicons
        let lexicons = [set.reportVerbs, set.stanceMarkers, set.sentimentModifiers, set.loaded, set.valence]
        let vocabulary = Vocabulary(lexicons)
        let ids = reference(lexicons)
        var probes = Array(ids.keys) + ["", "zzzz", "the", "caf\u{E9}", "cafe\u{301}", "na\u{EF}ve", "naive", "\u{1F600}", "disgrace"]
        probes += ids.keys.map { $0 + "x" } + ids.keys.map { String($0.dropLast()) }
        for word in probes { #expect(vocabulary.id(word) == (ids[word] ?? -1), "\(word)") }
        // A key holding U+037E (Greek question mark, canonically ";") equals the ASCII "a;".
        let odd = try Lexicon.parseTSV("# name: t\n# version: 1\n# license: MIT\n# source: test\nterm\tcategory\tweight\na\u{37E}\tx\t1\nplain\tx\t1\n", origin: "t.tsv")
        let oddVocabulary = Vocabulary([odd])
        #expect(oddVocabulary.id("a;") == reference([odd])["a;"])
        #expect(oddVocabulary.id("a;") >= 0)
        #expect(oddVocabulary.id("plain") == reference([odd])["plain"])
    }

    @Test func documentIdsFindWhatStringsFind() {
        let text = exampleText("opinion-column.txt")
            + "\n\nThe disgraced so-called reformers' rammed-through plan drew Johnson's scorn, not praise."
        let doc = document(text)
        let set = defaultLexicons
        let matchers = [set.reportVerbMatcher, set.stanceMatcher, set.modifierMatcher, set.loadedMatcher, set.eventMatcher,
                        set.factMatcher, set.valenceMatcher, set.targetMatcher, set.stanceActMatcher]
        var found = 0
        for matcher in matchers {
            #expect(matcher.vocabulary === doc.vocabulary)
            let viaIDs = matcher.matches(in: doc)
            #expect(viaIDs == matcher.matches(in: doc.norms, alternates: doc.stems))
            found += viaIDs.count
            for i in stride(from: 0, to: doc.norms.count, by: 3) {
                #expect(matcher.longestMatch(in: doc, at: i) == matcher.longestMatch(in: doc.norms, alternates: doc.stems, at: i))
            }
        }
        #expect(found > 100)
        let own = Matcher(set.loaded)
        #expect(own.vocabulary !== doc.vocabulary)
        #expect(own.matches(in: doc) == set.loadedMatcher.matches(in: doc))
    }
}
