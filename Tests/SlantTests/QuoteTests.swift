import Testing
@testable import Slant

@Suite("Quotations and attribution")
struct QuoteTests {
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var text: String
        var speakers: [String?]
        var verbs: [String]
        var description: String { id }
    }

    static let cases: [Case] = [
        .init(id: "speaker then verb after the quote", text: "\u{201C}We will rebuild,\u{201D} the mayor said.",
              speakers: ["the mayor"], verbs: ["said"]),
        .init(id: "verb then speaker after the quote", text: "\"We will rebuild,\" said Maria Duarte, the minister.",
              speakers: ["Maria Duarte"], verbs: ["said"]),
        .init(id: "speaker before the quote", text: "Interior Minister Maria Duarte said: \u{201C}We will rebuild.\u{201D}",
              speakers: ["Interior Minister Maria Duarte"], verbs: ["said"]),
        .init(id: "according to before the quote", text: "According to the ministry, \u{201C}no one was hurt.\u{201D}",
              speakers: ["the ministry"], verbs: ["According to"]),
        .init(id: "partial quote with a verb in the sentence", text: "The mayor called the audit \u{201C}a reckless hatchet job\u{201D} on Tuesday.",
              speakers: ["The mayor"], verbs: ["called"]),
        .init(id: "loaded verb", text: "\u{201C}It was a mistake,\u{201D} the senator admitted.",
              speakers: ["the senator"], verbs: ["admitted"]),
        .init(id: "reported speech with that", text: "Councilmember David Reyes said that the plan relied on optimistic estimates.",
              speakers: ["Councilmember David Reyes"], verbs: ["said"]),
        .init(id: "appositive subject", text: "Reyes, who voted against the measure, said the plan relied on optimistic estimates.",
              speakers: ["Reyes"], verbs: ["said"]),
        .init(id: "told reporters", text: "The minister told reporters the talks would resume next week.",
              speakers: ["The minister"], verbs: ["told reporters"]),
        .init(id: "content then speaker", text: "The economy is recovering faster than expected, the central bank said.",
              speakers: ["the central bank"], verbs: ["said"]),
        .init(id: "according to after content", text: "Three people were injured in the blast, according to police.",
              speakers: ["police"], verbs: ["according to"]),
    ]

    @Test(arguments: cases)
    func attribution(_ c: Case) {
        let doc = document(c.text)
        #expect(doc.attributions.map(\.speaker) == c.speakers)
        #expect(doc.attributions.map(\.verb) == c.verbs)
    }

    @Test func quotedWordsAreTheSourceVoice() {
        let doc = document("\u{201C}The plan is a disgrace,\u{201D} Smith said. The vote is on Friday.")
        let disgrace = doc.tokens.firstIndex { $0.norm == "disgrace" }!
        let vote = doc.tokens.firstIndex { $0.norm == "vote" }!
        #expect(doc.voices[disgrace] == .quoted)
        #expect(doc.voices[vote] == .author)
        #expect(doc.quotations.count == 1)
        #expect(!doc.quotations[0].unbalanced)
    }

    @Test func aQuoteSpanningSentencesIsOneQuotation() {
        let doc = document("\"We will win. We will prevail,\" she said. Ortiz left.")
        #expect(doc.quotations.count == 1)
        #expect(doc.sentences.count == 3)
        #expect(doc.text(tokens: doc.quotations[0].inner) == "We will win. We will prevail,")
        #expect(doc.attributions.map(\.verb) == ["said"])
        let ortiz = doc.tokens.firstIndex { $0.norm == "ortiz" }!
        #expect(doc.voices[ortiz] == .author)
    }

    @Test func straightQuotesPairByContext() {
        let doc = document("He said \"yes\" and she said \"no, never\" before leaving.")
        #expect(doc.quotations.count == 2)
        #expect(doc.quotations.map { doc.text(tokens: $0.inner) } == ["yes", "no, never"])
    }

    @Test func quotesContinueAcrossParagraphs() {
        let text = """
        "We have waited long enough for this bridge to be repaired.

        "Now we want answers from the county," said Maria Duarte.

        The county did not respond.
        """
        let doc = document(text)
        #expect(doc.quotations.count == 2)
        #expect(doc.quotations[0].continues)
        #expect(doc.quotations[0].chain == doc.quotations[1].chain)
        #expect(doc.quotations[0].attribution == doc.quotations[1].attribution)
        #expect(doc.attributions.first?.speaker == "Maria Duarte")
        let county = doc.tokens.lastIndex { $0.norm == "county" }!
        #expect(doc.voices[county] == .author)
    }

    @Test func unbalancedQuoteIsClosedAtItsSentence() {
        let text = "The mayor said \"we will win. The rest is the writer's text. More writer's text here.\n\nAnother paragraph entirely."
        let doc = document(text)
        #expect(doc.quotations.count == 1)
        #expect(doc.quotations[0].unbalanced)
        let rest = doc.tokens.firstIndex { $0.norm == "rest" }!
        let another = doc.tokens.firstIndex { $0.norm == "another" }!
        #expect(doc.voices[rest] == .author)
        #expect(doc.voices[another] == .author)
    }

    @Test func aFollowOnQuotationKeepsTheSpeaker() {
        let doc = document("\u{201C}The water came up fast,\u{201D} said Maria Duarte. \u{201C}We will reopen the bridge when it is safe.\u{201D}")
        #expect(doc.quotations.count == 2)
        #expect(doc.quotations.map(\.attribution) == [0, 0])
        #expect(doc.attributions.map(\.speaker) == ["Maria Duarte"])
    }

    @Test func strayClosingQuoteMarksNothing() {
        let doc = document("Nothing opens here\u{201D} and the text goes on.")
        #expect(doc.quotations.isEmpty)
        #expect(doc.voices.allSatisfy { $0 == .author })
    }

    @Test func shortQuotesWithoutSpeakerAreScareQuotes() {
        let doc = document("The council's \u{201C}reform\u{201D} will cost millions.")
        #expect(doc.quotations.count == 1)
        #expect(doc.quotations[0].isScareQuote)
        let reform = doc.tokens.firstIndex { $0.norm == "reform" }!
        #expect(doc.voices[reform] == .author)
    }

    @Test func pronounsTakeTheLatestNamedSpeaker() {
        let text = "\u{201C}We are ready,\u{201D} said Maria Duarte. \u{201C}The bridge will open soon,\u{201D} she said."
        let doc = document(text)
        #expect(doc.attributions.map(\.speaker) == ["Maria Duarte", "Maria Duarte"])
        #expect(doc.attributions.map(\.speakerText) == ["Maria Duarte", "she"])
    }

    @Test func theWritersOwnFirstPersonIsNotReportedSpeech() {
        let doc = document("I think the council made a serious mistake with this budget.")
        #expect(doc.attributions.isEmpty)
        #expect(doc.voices.allSatisfy { $0 == .author })
    }
}
