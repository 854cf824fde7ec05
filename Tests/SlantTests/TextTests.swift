import Foundation
import Testing
@testable import Slant

@Suite("Input decoding")
struct InputTextTests {
    @Test func byteOrderMarkIsRemovedAndCRLFKeptForOffsets() throws {
        let input = try InputText(bytes: [0xEF, 0xBB, 0xBF] + Array("One.\r\n\r\nTwo.".utf8), source: "x")
        #expect(input.text == "One.\r\n\r\nTwo.")
        let doc = Document(input, lexicons: defaultLexicons)
        #expect(doc.paragraphs.count == 2)
        #expect(doc.paragraphs[1].start == 8)
        #expect(doc.text(doc.paragraphs[1].start, doc.paragraphs[1].end) == "Two.")
    }

    @Test func invalidUTF8IsReplacedAndReportedByByteOffset() throws {
        let input = try InputText(bytes: Array("ab".utf8) + [0xFF] + Array("cd".utf8) + [0xE2, 0x82], source: "x")
        #expect(input.text == "ab\u{FFFD}cd\u{FFFD}")
        #expect(input.warnings == ["invalid UTF-8 at byte offset 2, 5 replaced with U+FFFD"])
    }

    @Test func nulBytesAreRefusedAsBinary() {
        do {
            _ = try InputText(bytes: [0x41, 0x00, 0x42], source: "image.png")
            Issue.record("expected an error")
        } catch let error as SlantError {
            #expect(error.reason == .badInput)
            #expect(error.file == "image.png")
            #expect(error.message.contains("offset 1"))
        } catch { Issue.record("\(error)") }
    }

    @Test func htmlIsReducedToParagraphs() throws {
        let html = """
        <html><head><title>Ignored head</title><style>p { color: red }</style></head>
        <body><h1>Storm &amp; flood</h1><script>var x = "<p>no</p>";</script>
        <p>First &ldquo;quoted&rdquo; paragraph<br>continues.</p><!-- a comment -->
        <p>Caf&#233; &#x2014; second.</p></body></html>
        """
        let input = try InputText(bytes: Array(html.utf8), source: "a.html", format: .html)
        #expect(input.text == "Storm & flood\n\nFirst \u{201C}quoted\u{201D} paragraph\n\ncontinues.\n\nCaf\u{E9} \u{2014} second.\n")
        #expect(InputText.Format.guess(fromName: "story.HTM") == .html)
        #expect(InputText.Format.guess(fromName: "story.md") == .text)
    }

    @Test func missingFilesAndDirectoriesAreReported() {
        #expect(throws: SlantError(.missingInput, file: "/nonexistent/a.txt", "no such file")) {
            try InputText.read(path: "/nonexistent/a.txt")
        }
        do {
            _ = try InputText.read(path: NSTemporaryDirectory())
            Issue.record("expected an error")
        } catch let error as SlantError {
            #expect(error.reason == .missingInput)
        } catch { Issue.record("\(error)") }
    }
}

@Suite("Tokenizer")
struct TokenizerTests {
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var text: String
        var tokens: [String]
        var description: String { id }
    }

    static let cases: [Case] = [
        .init(id: "contractions and possessives", text: "didn't Johnson's o'clock", tokens: ["didn't", "johnson's", "o'clock"]),
        .init(id: "curly apostrophes", text: "didn\u{2019}t Duarte\u{2019}s", tokens: ["didn't", "duarte's"]),
        .init(id: "hyphenated compounds", text: "well-known COVID-19 7-2", tokens: ["well-known", "covid-19", "7-2"]),
        .init(id: "numbers", text: "3.5 1,000 11:05 1,2", tokens: ["3.5", "1,000", "11:05", "1", ",", "2"]),
        .init(id: "abbreviations keep their periods", text: "the U.S. at 5 p.m. now", tokens: ["the", "u.s.", "at", "5", "p.m.", "now"]),
        .init(id: "sentence period stays apart", text: "Mr. Smith left.", tokens: ["mr", ".", "smith", "left", "."]),
        .init(id: "quotes are separate", text: "\u{201C}No,\u{201D} she said", tokens: ["\u{201C}", "no", ",", "\u{201D}", "she", "said"]),
        .init(id: "ellipsis and exclamations group", text: "wait... what?!", tokens: ["wait", "...", "what", "?!"]),
        .init(id: "unicode words", text: "Zoë naïve Ελλάδα 東京", tokens: ["zoë", "naïve", "ελλάδα", "東京"]),
        .init(id: "web addresses are one token", text: "See [the report](https://example.org/a-b?x=1). Or www.example.com, now.",
              tokens: ["see", "[", "the", "report", "]", "(", "https://example.org/a-b?x=1", ")", ".", "or", "www.example.com", ",", "now", "."]),
    ]

    @Test(arguments: cases)
    func tokens(_ c: Case) {
        let s = Array(c.text.unicodeScalars)
        #expect(Tokenizer.tokens(s, in: 0..<s.count).map(\.norm) == c.tokens)
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = "Caf\u{E9} \u{1F600} won"
        let s = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokens(s, in: 0..<s.count)
        #expect(tokens.map(\.start) == [0, 5, 7])
        #expect(tokens.last?.end == 10)
        #expect(tokens[1].kind == .symbol)
    }

    @Test func flagsAndStems() {
        let s = Array("NASA Johnson's players'".unicodeScalars)
        let tokens = Tokenizer.tokens(s, in: 0..<s.count)
        #expect(tokens[0].isAllCaps && tokens[0].isCapitalized)
        #expect(tokens[1].stem == "johnson")
        #expect(tokens[1].isCapitalized && !tokens[1].isAllCaps)
    }
}

@Suite("Segmentation")
struct SegmenterTests {
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var text: String
        var sentences: [String]
        var description: String { id }
    }

    static let cases: [Case] = [
        .init(id: "titles never end a sentence", text: "Sen. Maria Duarte met Mr. J. R. Smith on Monday. They talked.",
              sentences: ["Sen. Maria Duarte met Mr. J. R. Smith on Monday.", "They talked."]),
        .init(id: "abbreviation before a name", text: "The U.S. Senate voted. It passed.",
              sentences: ["The U.S. Senate voted.", "It passed."]),
        .init(id: "abbreviation before a sentence starter", text: "It ended at 5 p.m. The crowd left.",
              sentences: ["It ended at 5 p.m.", "The crowd left."]),
        .init(id: "decimals", text: "Prices rose 3.5 percent. Wages fell.", sentences: ["Prices rose 3.5 percent.", "Wages fell."]),
        .init(id: "closing quotes stay", text: "\u{201C}We won.\u{201D} She smiled. \"Really?\" he asked.",
              sentences: ["\u{201C}We won.\u{201D}", "She smiled.", "\"Really?\" he asked."]),
        .init(id: "brackets stay", text: "It fell (again.) Then it rose.", sentences: ["It fell (again.)", "Then it rose."]),
        .init(id: "ellipsis before lower case", text: "We waited... and waited. Done.", sentences: ["We waited... and waited.", "Done."]),
        .init(id: "ellipsis before capital", text: "We waited\u{2026} Nothing came.", sentences: ["We waited\u{2026}", "Nothing came."]),
        .init(id: "lower-case continuation", text: "See e.g. the report. Next.", sentences: ["See e.g. the report.", "Next."]),
        .init(id: "question and exclamation", text: "Why? Because! Fine.", sentences: ["Why?", "Because!", "Fine."]),
    ]

    @Test(arguments: cases)
    func sentences(_ c: Case) {
        let doc = document(c.text)
        #expect(doc.sentences.map { doc.text($0.start, $0.end) } == c.sentences)
    }

    @Test func blankLineSeparatedParagraphsJoinHardWrappedLines() {
        let text = """
        The council met on Tuesday evening to debate the budget for the next
        fiscal year, which had been delayed by three weeks of negotiations
        over transit and housing.

        A second paragraph follows here.
        """
        let doc = document(text)
        #expect(doc.paragraphs.count == 2)
        #expect(doc.sentences.count == 2)
    }

    @Test func unwrappedTextHasOneParagraphPerLine() {
        let text = "Storm closes road\nThe road closed on Tuesday after heavy rain.\nOfficials said it would reopen on Friday.\n"
        let doc = document(text)
        #expect(doc.paragraphs.count == 3)
    }

    @Test func markdownHeadingsAndListItemsStandAlone() {
        let text = "# Heading\nA line that is long enough to look like wrapped text in the file\n- item one\n- item two"
        #expect(document(text).paragraphs.count == 4)
    }
}

@Suite("Byte-level suffix test")
struct ASCIISuffixTests {
    @Test func agreesWithCharacterSuffix() {
        let pieces = ["a", "s", "'", "n", "t", "l", "y", "\u{301}", "\u{600}", "\r", "\n", "é", "\u{2019}", "\u{200D}", "😀", "S"]
        for text in randomStrings(5_000, of: pieces, maxPieces: 8, seed: 11) {
            for suffix: StaticString in ["'s", "'", "n't", "ly"] {
                #expect(Tokenizer.hasASCIISuffix(text, suffix) == text.hasSuffix(suffix.description),
                        "\(text.unicodeScalars.map(\.value)) \(suffix)")
            }
        }
    }
}
