import Testing
@testable import Slant

@Suite("Lexicon importers")
struct ImporterTests {
    let options = Lexicon.ImportOptions(name: "imported", license: "MIT", source: "unit test", category: "word", weight: 1)

    func run(_ text: String, _ format: Lexicon.ImportFormat) throws -> LexiconImport {
        try Lexicon.importing(text, format: format, origin: "in", options: options)
    }

    /// Every importer's output must read back through the TSV loader.
    func roundTrips(_ result: LexiconImport) throws {
        let again = try Lexicon.parseTSV(result.lexicon.tsv(), origin: "out")
        #expect(again.entries.map(\.key) == result.lexicon.entries.map(\.key))
        #expect(again.entries.map(\.weight) == result.lexicon.entries.map(\.weight))
    }

    @Test func vader() throws {
        let text = "good\t1.9\t0.9434\t[2, 1, 2]\nBAD\t-2.5\t0.67082\t[-3, -2]\nbad\t-2.0\t0.5\t[-2]\n*-)\t-1\t0\t[]\n"
        let result = try run(text, .vader)
        #expect(result.lexicon.entries.map(\.key) == ["good", "bad"])
        #expect(result.lexicon.entries[1].weight == -2.5)
        #expect(result.lexicon.entries[0].note == "sd=0.9434")
        #expect(result.notes.count == 2)  // the case duplicate and the unwritable emoticon
        #expect(result.lexicon.name == "imported")
        try roundTrips(result)
        #expect(throws: SlantError.self) { try run("good\tnot-a-number\n", .vader) }
    }

    @Test func liwc() throws {
        let text = """
        %
        1\tposemo
        2\taffect
        %
        happy\t1\t2
        sad*\t2
        like\t(02 134)125/464\t2
        """
        let result = try run(text, .liwc)
        #expect(result.lexicon.entries.map { "\($0.key)/\($0.category)" } == ["happy/posemo", "happy/affect", "sad*/affect", "like/affect"])
        #expect(result.notes.count == 1)
        #expect(result.notes[0].contains("line 7"))
        try roundTrips(result)
        #expect(throws: SlantError.self) { try run("happy\t1\n", .liwc) }
        #expect(throws: SlantError.self) { try run("%\n1\tposemo\nhappy\t1\n", .liwc) }
    }

    @Test func mpqa() throws {
        let text = """
        type=weaksubj len=1 word1=abandoned pos1=adj stemmed1=n priorpolarity=negative
        type=strongsubj len=1 word1=abuse pos1=verb stemmed1=y priorpolarity=negative
        type=strongsubj len=1 word1=abuse pos1=noun stemmed1=y priorpolarity=negative
        type=strongsubj len=1 word1=admire pos1=anypos stemmed1=y priorpolarity=positive
        """
        let result = try run(text, .mpqa)
        #expect(result.lexicon.entries.map(\.key) == ["abandoned", "abuse*", "admire*"])
        #expect(result.lexicon.entries.map(\.weight) == [0.5, 1, 1])
        #expect(result.lexicon.entries[0].note == "weaksubj adj")
        #expect(result.notes.count == 1)
        try roundTrips(result)
        #expect(throws: SlantError.self) { try run("word1=x\n", .mpqa) }
    }

    @Test func quanteda() throws {
        let text = """
        positive:
          - good
          - great*
        economy:
          growth:
            - boom
            - rising wages
        """
        let result = try run(text, .quanteda)
        #expect(result.lexicon.entries.map { "\($0.key)/\($0.category)" }
                == ["good/positive", "great*/positive", "boom/economy.growth", "rising wages/economy.growth"])
        #expect(result.lexicon.entries[0].line == 2)
        try roundTrips(result)
        #expect(throws: SlantError.self) { try run("- just\n- a list\n", .quanteda) }
        #expect(throws: SlantError.self) { try run("a: [unclosed\n", .quanteda) }
    }

    @Test func wordList() throws {
        let result = try run("; Hu and Liu style comment\n# another\nabysmal\n\nawful\nawful\n", .wordlist)
        #expect(result.lexicon.entries.map(\.key) == ["abysmal", "awful"])
        #expect(result.lexicon.entries.allSatisfy { $0.category == "word" && $0.weight == 1 })
        #expect(result.notes == ["line 6: 'awful' in 'word' repeats line 5; kept the first"])
        try roundTrips(result)
    }
}
