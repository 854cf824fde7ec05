import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Ink
import Testing
@testable import Slant

/// Parses XHTML with a real XML parser and keeps what the tests look at.
final class XHTML: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var text: String }
    var elements: [Element] = []
    private var stack: [Int] = []
    var error: Error?

    init(_ html: String) {
        super.init()
        // The XML parser does not know the HTML doctype; everything else must be XML.
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        parser.delegate = self
        if !parser.parse() { error = parser.parserError ?? NSError(domain: "xml", code: 1) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        stack.append(elements.count)
        elements.append(Element(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for index in stack { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func all(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { element in
            guard element.name == name else { return false }
            guard let className else { return true }
            return (element.attributes["class"] ?? "").split(separator: " ").contains(Substring(className))
        }
    }
}

@Suite("HTML and Markdown reports")
struct ReportTests {
    func score(_ text: String, source: String = "test") -> ArticleScore {
        ArticleScorer(lexicons: defaultLexicons).score(try! InputText(bytes: Array(text.utf8), source: source))
    }

    @Test(arguments: ["wire-report.txt", "opinion-column.txt", "mixed-live-blog.md"])
    func articleReportHasEveryParagraphTermAndChart(_ name: String) throws {
        let report = score(exampleText(name), source: "examples/\(name)")
        let html = try report.html()
        let page = XHTML(html)
        #expect(page.error == nil, "\(String(describing: page.error))")
        let paragraphs = page.all("article", class: "paragraph")
        #expect(paragraphs.count == report.paragraphs.count)
        for (element, p) in zip(paragraphs, report.paragraphs) {
            #expect(element.attributes["id"] == "p\(p.index)")
            #expect(element.attributes["class"] == "paragraph \(p.label.rawValue)")
            #expect(element.text.contains(p.text), "paragraph \(p.index) text")
        }
        let marks = page.all("mark", class: "loaded").filter { $0.attributes["title"] != nil }
        let hits = report.paragraphs.flatMap(\.loaded)
        #expect(marks.count >= hits.count)
        let marked = marks.map(\.text).joined(separator: " ")
        for hit in hits where hit.category != "scare-quote" { #expect(marked.contains(hit.text), "\(hit.text)") }
        for hit in hits { #expect(marks.contains { ($0.attributes["title"] ?? "").hasPrefix(hit.category) }) }
        let charts = page.all("svg")
        #expect(charts.count == 3)
        #expect(page.all("title").count >= 4)  // the page's and one per chart
        for lexicon in report.lexicons { #expect(html.contains(lexicon.sha256)) }
        #expect(html.contains(report.inputSHA256))
        #expect(!html.contains("<script"), "no JavaScript")
        #expect(!html.contains("http://") || !html.contains("src=\"http"), "no network resources")
    }

    @Test func writersAndQuotedLoadedWordsAreMarkedApart() throws {
        let report = score("Headline\n\nThe disgraceful plan passed. \u{201C}It is a shameless giveaway,\u{201D} Reyes said.")
        let page = XHTML(try report.html())
        let author = page.all("mark", class: "author").filter { $0.attributes["title"] != nil }
        let attributed = page.all("mark", class: "attributed").filter { $0.attributes["title"] != nil }
        #expect(author.map(\.text) == ["disgraceful"])
        #expect(attributed.map(\.text) == ["shameless", "giveaway"])
        #expect(Set(page.all("span", class: "quoted").compactMap { $0.attributes["title"] }) == ["quoted: Reyes"])  // one span per run inside the quotation
    }

    @Test func markupInTheArticleIsTextNeverMarkup() throws {
        let text = "Headline <b>bold</b> & more\n\nThe mayor wrote <script>alert(\"x\")</script> & 'quotes' \"here\" in the budget.\n\n\u{05D4}\u{05DE}\u{05D5}\u{05E2}\u{05E6}\u{05D4} \u{05D0}\u{05D9}\u{05E9}\u{05E8}\u{05D4} \u{05D0}\u{05EA} \u{05D4}\u{05EA}\u{05E7}\u{05E6}\u{05D9}\u{05D1}."
        let report = score(text)
        let html = try report.html()
        let page = XHTML(html)
        #expect(page.error == nil)
        #expect(page.all("script").isEmpty)
        #expect(page.all("b").isEmpty)
        #expect(page.all("h1").first?.text == "Headline <b>bold</b> & more")
        let paragraphs = page.all("article", class: "paragraph")
        #expect(paragraphs[1].text.contains("<script>alert(\"x\")</script> & 'quotes' \"here\""))
        let rtl = page.all("p", class: "text")[2]
        #expect(rtl.attributes["dir"] == "auto")
        #expect(rtl.text.contains("\u{05D4}\u{05DE}\u{05D5}\u{05E2}\u{05E6}\u{05D4}"))
    }

    @Test func reportsAreDeterministicUnlessATimestampIsAsked() throws {
        let report = score(exampleText("opinion-column.txt"))
        #expect(try report.html() == report.html())
        let stamped = try report.html(options: ReportOptions(timestamp: "2026-11-29T06:00:00Z"))
        #expect(stamped.contains("Generated 2026-11-29T06:00:00Z"))
        #expect(!(try report.html()).contains("Generated"))
    }

    @Test func markdownCellsAreEscaped() {
        let report = score("Pipes | and <tags> & more\n\nThis disgraceful \u{201C}a|b\u{201D} plan is a \\ mess.")
        let markdown = report.markdown()
        #expect(markdown.contains("# Pipes \\| and &lt;tags&gt; &amp; more"))
        #expect(markdown.contains("\u{201C}a\\|b\u{201D} (scare-quote)"), "a pipe inside a cell is escaped")
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| 1 |") }
        #expect(rows.count == 1)
        // Every row of the paragraph table has exactly the header's seven pipes.
        #expect(rows[0].replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 7)
    }

    @Test func usersCanReplaceTheTemplate() throws {
        let report = score(exampleText("wire-report.txt"))
        let template = try ReportTemplate(name: "mine", text: "<p>{{title}}: {{summary.words}} words, {{#paragraphs}}{{label}} {{/paragraphs}}</p>")
        #expect(try report.html(template: template) == "<p>City council approves budget after late-night session: 175 words, other fact fact fact fact fact fact </p>")
        do {
            _ = try ReportTemplate(name: "broken.mustache", text: "line one\n{{#paragraphs}}never closed")
            Issue.record("expected a template error")
        } catch let error as SlantError {
            #expect(error.reason == .badInput)
            #expect(error.file == "broken.mustache")
        }
        #expect(throws: SlantError.self) { try ReportTemplate.file("/nonexistent/template.mustache") }
    }

    func comparison(documents: Int) throws -> (ComparisonRun, URL) {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("corpus.jsonl")
        let outlets = ["Ledger", "Courier", "Post", "Voice"]
        let stories = [
            "The council approved the transit budget on Wednesday by 7 votes to 2, officials said.",
            "This disgraceful transit budget is a shameless giveaway that voters must reject!",
            "Floodwater closed the river bridge on Tuesday after the river rose 2 meters, the county said.",
            "The county's pathetic flood response left the river bridge closed again.",
        ]
        var lines: [String] = []
        for i in 0..<documents {
            let outlet = outlets[i % outlets.count]
            let text = stories[(i / outlets.count + i) % stories.count] + " Item \(i) of the series about <Portvale> & \"its\" council."
            let json = try JSONSerialization.data(withJSONObject: ["id": "doc-\(i)", "outlet": outlet, "text": text], options: [.sortedKeys])
            lines.append(String(decoding: json, as: UTF8.self))
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        var options = ComparisonRun.Options()
        options.resamples = 100
        options.permutations = 100
        let run = try ComparisonRun.run([try CorpusSpec(path: file.path)], groupBy: "outlet", lexicons: defaultLexicons, options: options,
                                        progress: ProgressReporter(enabled: false))
        return (run, dir)
    }

    @Test func corpusReportIsCompleteLinkedAndSmall() throws {
        let (run, dir) = try comparison(documents: 1000)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = try run.html()
        #expect(html.utf8.count < 2_000_000, "\(html.utf8.count) bytes")
        let page = XHTML(html)
        #expect(page.error == nil, "\(String(describing: page.error))")
        #expect(page.all("svg").count == ComparisonRun.measures.count + 1)  // one chart per measure and the heatmap
        let groupRows = page.elements.filter { $0.name == "tr" && ($0.attributes["id"] ?? "").hasPrefix("group-") }
        #expect(groupRows.count == 4)
        let testRows = page.all("table", class: "tests").first.map { _ in page.elements.filter { $0.name == "tr" } } ?? []
        #expect(testRows.count > run.tests.count)
        let ids = Set(page.elements.compactMap { $0.attributes["id"] })
        let links = page.all("a").compactMap { $0.attributes["href"] }
        #expect(!links.isEmpty)
        for link in links { #expect(ids.contains(String(link.dropFirst())), "\(link) has no target") }
        #expect(page.all("section").count >= 4)
    }

    @Test func markdownReportsRenderWithAStandardRenderer() throws {
        let parser = MarkdownParser()
        for name in ["wire-report.txt", "opinion-column.txt", "mixed-live-blog.md"] {
            let report = score(exampleText(name))
            let html = parser.html(from: report.markdown())
            // The summary table (8 rows + header), the paragraph table (one row per paragraph +
            // header) and, when there are any, the category, speaker and target tables.
            let tables = html.components(separatedBy: "<table>").count - 1
            #expect(tables == 2 + (report.summary.loaded.categories.isEmpty ? 0 : 1) + (report.speakers.isEmpty ? 0 : 1) + (report.targets.isEmpty ? 0 : 1), "\(name)")
            let rows = html.components(separatedBy: "<tr>").count - 1
            let expected = 9 + (report.paragraphs.count + 1) + (report.summary.loaded.categories.isEmpty ? 0 : report.summary.loaded.categories.count + 1)
                + (report.speakers.isEmpty ? 0 : report.speakers.count + 1) + (report.targets.isEmpty ? 0 : report.targets.count + 1)
            #expect(rows == expected, "\(name): \(rows) rows")
        }
        let (run, dir) = try comparison(documents: 40)
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = parser.html(from: run.markdown())
        #expect(html.components(separatedBy: "<table>").count - 1 >= 4)
        #expect(!html.contains("| ---"), "no table left unrendered")
        #expect(!html.contains("<Portvale>"), "markup in the data stays text")
    }
}

@Suite("JSON numbers")
struct JSONNumberTests {
    /// The printf-based formatting the fast path replaces.
    static func reference(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let rounded = (d * 1_000_000).rounded() / 1_000_000
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.6f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    @Test func sameDigitsAsPrintf() {
        var fixed: [Double] = [0.5, -0.5, 0.1, 0.000001, -0.000001, 0.0000005, 0.0000004999, 1.0000005, 2.675, -2.675,
                               0.333333333, 1e-7, 123.456789, 2147.483647, 2147.4836475, -2147.483648, 5000.25, 1e9 + 0.5, 1e15 + 0.5,
                               .infinity, .nan, -0.0, 3, 12.000001]
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let unit = Double(state >> 11) / Double(1 << 53)
            let scale = [1.0, 10, 1000, 1e-3, 5000][Int(state % 5)]
            fixed.append((unit * 2 - 1) * scale)
        }
        for d in fixed { #expect(JSONValue.number(d).serialized() == Self.reference(d), "\(d)") }
    }

    @Test func integersAsSwiftPrintsThem() {
        var values = [0, 7, -7, 10, -10, 1_000_000, Int.max, Int.min, Int.min + 1]
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            values.append(Int(bitPattern: UInt(state)) >> Int(state % 60))
        }
        for i in values { #expect(JSONValue.int(i).serialized() == String(i)) }
    }
}

@Suite("JSON strings")
struct JSONStringTests {
    @Test func escapesWhatJSONAndJavaScriptNeed() {
        let value = JSONValue.object([("k\"ey", .string("a\"b\\c\n\r\t\u{1}\u{1F}\u{2028}\u{2029}\u{2027}é😀 end"))])
        #expect(value.serialized() == #"{"k\"ey":"a\"b\\c\n\r\t\u0001\u001f\u2028\u2029\#u{2027}é😀 end"}"#)
        #expect(JSONValue.array([.int(1), .object([("a", .null)])]).pretty() == "[\n  1,\n  {\n    \"a\": null\n  }\n]")
    }

    /// Random strings of characters that need escapes and characters that share their
    /// bytes, against a scalar-by-scalar reference.
    @Test func escapesLikeTheReference() {
        let pieces: [String] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2027}",
                                "\u{201C}", "\u{201D}", "\u{2019}", "\u{20AC}", "é", "😀", " ", "\u{E2}"]
        func reference(_ s: String) -> String {
            var out = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                case _ where c.value < 0x20: out += String(format: "\\u%04x", c.value)
                default: out.unicodeScalars.append(c)
                }
            }
            return out + "\""
        }
        for s in randomStrings(2_000, of: pieces, maxPieces: 32, seed: 3) {
            #expect(JSONValue.string(s).serialized() == reference(s), "\(s.unicodeScalars.map(\.value))")
        }
    }

    /// Streamed JSON, in pieces as small as a few bytes, is the serialiser's output byte for
    /// byte (each paragraph made as it is written).
    @Test(arguments: ["wire-report.txt", "opinion-column.txt", "mixed-live-blog.md"])
    func streamedReportsAreTheSameBytes(_ name: String) throws {
        let score = ArticleScorer(lexicons: defaultLexicons).score(try InputText(bytes: Array(exampleText(name).utf8), source: name))
        let whole = score.json().serializedUTF8()
        for chunk in [1, 7, 300, 1 << 20] {
            var pieces: [[UInt8]] = []
            score.writeJSON(chunk: chunk) { pieces.append($0) }
            #expect(Array(pieces.joined()) == whole, "chunk \(chunk)")
            if chunk == 300 { #expect(pieces.count > 3 && pieces.dropLast().allSatisfy { $0.count >= 300 }) }
        }
        var empty: [UInt8] = []
        ArticleScorer(lexicons: defaultLexicons).score(try InputText(bytes: [], source: "empty")).writeJSON { empty += $0 }
        #expect(empty == ArticleScorer(lexicons: defaultLexicons).score(try InputText(bytes: [], source: "empty")).json().serializedUTF8())
    }
}
