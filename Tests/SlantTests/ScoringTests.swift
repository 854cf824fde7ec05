import Testing
@testable import Slant

@Suite("Sentiment rules")
struct SentimentTests {
    func compound(_ text: String) -> Double {
        let doc = document(text)
        return SentimentScorer(lexicons: defaultLexicons).score(doc, tokens: 0..<doc.tokens.count).0.compound
    }

    func rules(_ text: String) -> [String] {
        let doc = document(text)
        return SentimentScorer(lexicons: defaultLexicons).score(doc, tokens: 0..<doc.tokens.count).2.flatMap(\.rules)
    }

    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var stronger: String
        var weaker: String
        var description: String { id }
    }

    /// Each rule must move the score in its direction: `stronger` above `weaker`.
    static let cases: [Case] = [
        .init(id: "positive word", stronger: "The plan is good.", weaker: "The plan is here."),
        .init(id: "negation flips", stronger: "The plan is good.", weaker: "The plan is not good."),
        .init(id: "intensifier raises", stronger: "The plan is very good.", weaker: "The plan is good."),
        .init(id: "downtoner lowers", stronger: "The plan is good.", weaker: "The plan is slightly good."),
        .init(id: "capitals emphasise", stronger: "The plan is GOOD today.", weaker: "The plan is good today."),
        .init(id: "exclamation emphasises", stronger: "The plan is good!", weaker: "The plan is good."),
        .init(id: "after but outweighs before", stronger: "The food was bad but the service was great.",
              weaker: "The food was great but the service was bad."),
    ]

    @Test(arguments: cases)
    func ruleDirection(_ c: Case) {
        #expect(compound(c.stronger) > compound(c.weaker))
    }

    @Test func compoundIsVADERsNormalisation() {
        // One word of valence v, no other rule: compound = v / sqrt(v^2 + 15).
        let v = defaultLexicons.valence.weight(of: "good")!
        #expect(isClose(compound("good"), v / (v * v + 15).squareRoot(), 1e-12))
        #expect(compound("The meeting is on Tuesday.") == 0)
    }

    @Test func reportsCarryTheValenceEvidence() {
        let p = article("The plan is not very good.").paragraphs[0]
        #expect(p.valence.count == 1)
        #expect(p.valence[0].text == "good")
        #expect(p.valence[0].rules.contains("negated by 'not'"))
        #expect(p.valence[0].adjusted < 0 && p.valence[0].valence > 0)
    }

    @Test func evidenceNamesTheRules() {
        #expect(rules("It is not very good but fine").contains("negated by 'not'"))
        #expect(rules("It is very good").contains("intensified by 'very'"))
        #expect(rules("bad but fine").contains { $0.hasPrefix("after contrast") })
    }
}

@Suite("Loaded language")
struct LoadedLanguageTests {
    func hits(_ text: String) -> [LoadedHit] {
        let doc = document(text)
        return LoadedLanguageScorer(lexicons: defaultLexicons).hits(doc, tokens: 0..<doc.tokens.count)
    }

    @Test func eventWordsAreNotLoaded() {
        #expect(hits("Three people were killed in the attack and the war goes on.").isEmpty)
    }

    @Test func writersWordsAndQuotedWordsAreTold() {
        let found = hits("The regime's \u{201C}thugs are idiots,\u{201D} the opposition leader said.")
        #expect(found.map(\.text) == ["regime's", "thugs", "idiots"])
        #expect(found.map(\.quoted) == [false, true, true])
        #expect(found[0].category == "pejorative-label")
        #expect(found[0].lexicon == "loaded-language")
    }

    @Test func loadedReportVerbsAndScareQuotes() {
        let found = hits("The minister claimed the plan was popular. The council\u{2019}s \u{201C}reform\u{201D} will cost millions.")
        #expect(found.map(\.category) == ["loaded-report-verb", "scare-quote"])
        #expect(found.allSatisfy { $0.voice == .author })
    }

    @Test func multiwordAndPartisanLabels() {
        let found = hits("The radical left and the far-right both rammed through bills.")
        #expect(found.map(\.category) == ["partisan-label-right", "partisan-label-left", "charged-verb"])
    }
}

@Suite("Subjectivity")
struct SubjectivityTests {
    func score(_ text: String) -> Double { article(text).paragraphs[0].opinionScore ?? -1 }

    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var opinion: String
        var fact: String
        var description: String { id }
    }

    static let cases: [Case] = [
        .init(id: "evaluation versus report", opinion: "This disgraceful budget is a shameless giveaway.",
              fact: "The council approved a $412 million budget on Wednesday."),
        .init(id: "quoting harsh words is fact", opinion: "The audit is clearly a reckless hatchet job.",
              fact: "The mayor called the audit \u{201C}a reckless hatchet job,\u{201D} a spokesperson said on Monday."),
        .init(id: "exhortation", opinion: "Voters must reject this plan, and they should say so loudly.",
              fact: "Voters rejected the plan by 52 percent to 48 percent."),
        .init(id: "rhetorical question", opinion: "Why should anyone trust this council again?",
              fact: "The council meets again on March 3."),
        .init(id: "first person", opinion: "I believe we deserve better than this.",
              fact: "Residents asked for better services, the survey found."),
        .init(id: "loaded report verb", opinion: "The minister admitted the figures were wrong and insisted nothing was hidden.",
              fact: "The minister said the figures were wrong and added that nothing was hidden."),
    ]

    @Test(arguments: cases)
    func opinionAboveFact(_ c: Case) {
        #expect(score(c.opinion) > score(c.fact))
        #expect(score(c.opinion) >= 0.5, "\(c.opinion): \(score(c.opinion))")
        #expect(score(c.fact) < 0.5, "\(c.fact): \(score(c.fact))")
    }

    @Test func cuesCarryTheirContributions() {
        let p = article("This disgraceful budget is clearly a mistake.").paragraphs[0]
        #expect(p.cues.contains { $0.cue == "loaded" && $0.text == "disgraceful" && $0.weight > 0 })
        #expect(p.cues.contains { $0.cue == "booster" && $0.text == "clearly" })
        let z = defaultLexicons.config.bias + p.sentences[0].cues.reduce(0) { $0 + $1.weight }
        #expect(isClose(p.sentences[0].opinionScore, 1 / (1 + exp(-z)), 1e-12))
    }
}

import Foundation
