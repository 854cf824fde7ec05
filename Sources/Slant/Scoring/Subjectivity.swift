/// One piece of evidence for or against opinion: which cue, where, and how much it moved the
/// score (its contribution to the logit; positive means opinion).
public struct Cue: Sendable, Equatable {
    public var cue: String
    public var text: String
    public var start: Int
    public var end: Int
    public var weight: Double
}

/// Sentence-level fact-versus-opinion model.
///
/// A logistic model over cue counts:
/// `opinionScore = 1 / (1 + exp(-(bias + Σ wᵢ · xᵢ)))`, where each cue occurrence `xᵢ` is
/// one loaded word, hedge, booster, first-person pronoun, question, … in the *writer's* voice
/// (quoted and reported speech is the source's, not the writer's), or a fact cue:
/// attribution, share of quoted words, numbers, dates, names, a dateline. Each cue type
/// counts at most `subjectivity.cue-cap` times per sentence. Weights and the bias live in
/// `scoring.tsv`; cue words in the lexicons.
struct SubjectivityScorer {
    let lexicons: LexiconSet
    var config: ScoringConfig { lexicons.config }

    /// Cue categories of the stance-markers lexicon, mapped one-to-one to cue names.
    static let stanceCues: Set<String> = [
        "hedge", "booster", "absolutist", "obligation", "first-person", "second-person",
        "factive", "assertive", "implicative", "superlative",
    ]

    /// - Parameters:
    ///   - loaded: the loaded-language hits of this sentence.
    ///   - valence: the sentiment evidence of this sentence.
    ///   - dateline: scalar span of a dateline opening the sentence's paragraph, if any.
    /// - Returns: the opinion score in [0, 1] and the cues with their contributions.
    func score(_ doc: Document, sentence si: Int, loaded: [LoadedHit], valence: [ValenceHit],
               dateline: (Int, Int)?) -> (Double, [Cue]) {
        let sentence = doc.sentences[si]
        let range = sentence.tokens
        var cues: [Cue] = []
        var counts: [String: Int] = [:]
        let cap = Int(config.cueCap)
        func add(_ cue: String, _ start: Int, _ end: Int, scale: Double = 1) {
            guard counts[cue, default: 0] < cap else { return }
            let weight = config.weight(ofCue: cue) * scale
            guard weight != 0 else { return }
            counts[cue, default: 0] += 1
            cues.append(Cue(cue: cue, text: doc.text(start, end), start: start, end: end, weight: weight))
        }
        func tokenSpan(_ r: Range<Int>) -> (Int, Int) { (doc.tokenStart(r.lowerBound), doc.tokenEnd(r.upperBound - 1)) }
        let isAuthor = { (i: Int) in doc.voices[i] == .author }

        // Opinion cues, writer's voice only.
        var loadedTokens = Set<Int>()
        // Learned loaded terms are fitted on annotated labels; as `loaded` cues they would leak
        // those labels into any model trained on the same items, so only the hand-written
        // list's hits count as `loaded`.
        // A trained opinion model may weigh the learned list's words (`learned-loaded`): it
        // is fitted with out-of-fold values for the items the list was learned from.
        for hit in loaded where hit.voice == .author && hit.category == "learned" {
            add("learned-loaded", hit.start, hit.end, scale: hit.weight)
        }
        for hit in loaded where hit.voice == .author && hit.category != "learned" {
            loadedTokens.formUnion(hit.tokens)
            switch hit.category {
            case "scare-quote": add("scare-quote", hit.start, hit.end)
            case "loaded-report-verb": add("loaded-report-verb", hit.start, hit.end, scale: hit.weight)
            default: add("loaded", hit.start, hit.end, scale: hit.weight)
            }
        }
        for hit in valence where isAuthor(hit.tokens.lowerBound) && abs(hit.base) >= config.valenceMin {
            guard !hit.tokens.contains(where: loadedTokens.contains) else { continue }
            guard !(hit.tokens.count == 1 && lexicons.eventMatcher.contains(normOf: doc, hit.tokens.lowerBound)) else { continue }
            let (s, e) = tokenSpan(hit.tokens)
            add("valence", s, e, scale: abs(hit.base) / 4)
        }
        // Date and quantity words first: "May" the month is not the hedge "may".
        var dateTokens = Set<Int>()
        var factHits: [(String, Range<Int>)] = []
        for m in lexicons.factMatcher.matches(in: doc, range: range) {
            let span = m.start..<(m.start + m.length)
            let entry = lexicons.factCues.entries[m.entry]
            if entry.category == "date-word" { dateTokens.formUnion(span) }
            factHits.append((entry.category == "date-word" ? "date-time" : "number", span))
        }
        let words = range.filter { doc.isWordLike($0) }
        let firstWord = words.first
        let stance = lexicons.stanceMatcher
        for m in stance.matches(in: doc, range: range) {
            let span = m.start..<(m.start + m.length)
            guard span.allSatisfy(isAuthor), !span.contains(where: loadedTokens.contains) else { continue }
            // A capitalised function word inside a sentence is a name or a month (May, Will).
            if doc.isCapitalized(m.start), m.start != firstWord, !doc.isAllCaps(m.start),
               dateTokens.contains(m.start) || doc.norms[m.start] != "i" { continue }
            let entry = stance.lexicon.entries[m.entry]
            guard Self.stanceCues.contains(entry.category) else { continue }
            let (s, e) = tokenSpan(span)
            add(entry.category, s, e, scale: entry.weight)
        }
        for i in range where doc.kind(i) == .punctuation && isAuthor(i) {
            let (start, end) = (doc.tokenStart(i), doc.tokenEnd(i))
            let chars = doc.scalars[start..<end]
            if chars.contains("?") && isLastContentToken(doc, i, range) { add("rhetorical-question", start, end) }
            if chars.contains("!") { add("exclamation", start, end) }
        }

        // Fact cues.
        let sentenceAttributions = doc.attributionsBySentence[si].map { doc.attributions[$0] }.filter { a in
            a.sentence == si || a.kind == .direct
        }
        // An attribution through a loaded verb ("admitted", "slammed") carries the writer's
        // judgement, so only neutral attributions count as fact cues.
        if let a = sentenceAttributions.first(where: { $0.verbCategory != "loaded" }) {
            let (s, e) = tokenSpan(a.verbTokens)
            add("attribution", s, e)
        }
        for a in sentenceAttributions where a.verbCategory == "neutral" && range.contains(a.verbTokens.lowerBound) {
            let (s, e) = tokenSpan(a.verbTokens)
            add("neutral-report-verb", s, e)
        }
        if !words.isEmpty {
            // Quoted words, and reported words attributed through a neutral verb: a loaded
            // verb's paraphrase is framed by the writer and earns no fact credit.
            let neutralContent = sentenceAttributions.filter { $0.verbCategory != "loaded" }.map(\.content)
            let attributed = words.filter { i in
                doc.voices[i] == .quoted || (doc.voices[i] == .reported && neutralContent.contains { $0.contains(i) })
            }.count
            if attributed > 0 {
                let share = Double(attributed) / Double(words.count)
                add("quotation", sentence.start, sentence.end, scale: share)
            }
        }
        for (cue, span) in factHits {
            let (s, e) = tokenSpan(span)
            add(cue, s, e)
        }
        for i in range where doc.kind(i) == .number && !dateTokens.contains(i) {
            if doc.norms[i].contains(Character(":")) || isYear(doc.norms[i]) {
                add("date-time", doc.tokenStart(i), doc.tokenEnd(i))
            } else {
                add("number", doc.tokenStart(i), doc.tokenEnd(i))
            }
        }
        // Capitalised names inside the sentence, one cue per run; months and weekdays are
        // already date cues, and a capitalised function word ("The") does not start a name.
        var i = range.lowerBound
        while i < range.upperBound {
            if doc.kind(i) == .word, doc.isCapitalized(i), i != firstWord, doc.norms[i] != "i", isAuthor(i),
               !dateTokens.contains(i), !lexicons.sentenceStarters.contains(doc.norms[i]),
               !(i > range.lowerBound && doc.kind(i - 1) == .punctuation && Tokenizer.isQuoteMark(doc.firstScalar(i - 1))) {
                var j = i + 1
                while j < range.upperBound, doc.kind(j) == .word, doc.isCapitalized(j), !dateTokens.contains(j) { j += 1 }
                let (s, e) = tokenSpan(i..<j)
                add("named-entity", s, e)
                i = j
                continue
            }
            i += 1
        }
        if let (s, e) = dateline, s >= sentence.start, s < sentence.end {
            add("dateline", s, e)
        }
        // Learned word weights of a trained model: each distinct word of the writer's voice
        // once per sentence, listed as a `term` cue so the evidence names it.
        if !config.termWeights.isEmpty {
            var seen = Set<String>()
            for i in range where doc.kind(i) == .word && isAuthor(i) {
                let word = doc.stems[i] ?? doc.norms[i]
                let term = config.termsStemmed ? LightStem.of(word) : word
                guard seen.insert(term).inserted, let weight = config.termWeights[term], weight != 0 else { continue }
                cues.append(Cue(cue: "term", text: doc.text(ofToken: i), start: doc.tokenStart(i), end: doc.tokenEnd(i), weight: weight))
            }
        }
        let z = config.bias + cues.reduce(0) { $0 + $1.weight }
        return (1 / (1 + exp(-z)), cues)
    }

    private func isLastContentToken(_ doc: Document, _ i: Int, _ range: Range<Int>) -> Bool {
        var k = i + 1
        while k < range.upperBound {
            if doc.isWordLike(k) { return false }
            k += 1
        }
        return true
    }

    private func isYear(_ text: String) -> Bool {
        guard text.count == 4, let value = Int(text) else { return false }
        return (1800...2100).contains(value)
    }
}

import Foundation
