/// Sentiment of a sentence or paragraph: VADER's compound score and the positive, negative
/// and neutral proportions.
public struct SentimentScore: Sendable, Equatable {
    /// Normalised sum of valences in [-1, 1]: s / √(s² + α) (Hutto & Gilbert 2014, eq. 1).
    public var compound: Double
    public var positive: Double
    public var negative: Double
    public var neutral: Double

    public static let zero = SentimentScore(compound: 0, positive: 0, negative: 0, neutral: 1)
}

/// One valence word and what the rules did to it.
public struct ValenceHit: Sendable, Equatable {
    /// Token range of the matched term.
    public var tokens: Range<Int>
    /// Valence from the lexicon.
    public var base: Double
    /// Valence after the rules.
    public var adjusted: Double
    /// Rules that fired, e.g. `negated by 'not'`, `intensified by 'very'`, `after contrast 'but'`.
    public var rules: [String]
}

/// Lexicon valence with VADER's rules: boosters and downtoners within a window, negation,
/// capitals in a mixed-case sentence, the contrast rule, and `!`/`?` emphasis. Each rule is
/// a small step over token indices; their order is written once, in ``score(_:tokens:)``.
struct SentimentScorer {
    let lexicons: LexiconSet
    var config: ScoringConfig { lexicons.config }

    /// Scores the word tokens of `range` in `doc`.
    /// - Returns: the score, the raw valence sum (before normalisation) and the evidence.
    /// - Complexity: O(n · w) for n tokens and a rule window of w words.
    func score(_ doc: Document, tokens range: Range<Int>) -> (SentimentScore, Double, [ValenceHit]) {
        let words = range.filter { doc.kind($0) == .word }
        guard !words.isEmpty else { return (.zero, 0, []) }
        let capsWords = words.filter { doc.isAllCaps($0) }.count
        let mixedCase = capsWords > 0 && capsWords < words.count
        let modifiers = lexicons.modifierMatcher

        // Which word positions are modifiers (their own valence is not counted).
        var modifier: [Int: Lexicon.Entry] = [:]
        var k = 0
        while k < words.count {
            if let m = modifiers.longestMatch(in: doc, at: words[k], end: range.upperBound) {
                let entry = modifiers.lexicon.entries[m.entry]
                for j in 0..<m.length where k + j < words.count { modifier[k + j] = entry }
                k += max(1, m.length)
            } else {
                k += 1
            }
        }
        let contrastPosition = (0..<words.count).first { modifier[$0]?.category == "contrast" }
        var hits: [ValenceHit] = []
        var position = 0
        while position < words.count {
            let i = words[position]
            if let entry = modifier[position], entry.category != "negator" || lexicons.valenceMatcher.entry(forNormOf: doc, i) == nil {
                position += 1
                continue
            }
            guard let m = lexicons.valenceMatcher.longestMatch(in: doc, at: i, end: range.upperBound) else {
                position += 1
                continue
            }
            let base = lexicons.valence.entries[m.entry].weight
            var hit = ValenceHit(tokens: i..<(i + m.length), base: base, adjusted: base, rules: [])
            applyCaps(&hit, doc, i, mixedCase)
            applyBoosters(&hit, doc, words, position, modifier)
            applyNegation(&hit, doc, words, position, modifier)
            applyContrast(&hit, doc, words, position, contrastPosition, modifier)
            hits.append(hit)
            position += max(1, m.length)
        }
        var sum = hits.reduce(0) { $0 + $1.adjusted }
        let emphasis = punctuationEmphasis(doc, range)
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        let compound = max(-1, min(1, sum / (sum * sum + config.alpha).squareRoot()))

        // Proportions as in VADER: each valence word adds |v| + 1 to its side, every other
        // word counts one neutral.
        var positive = 0.0, negative = 0.0
        for hit in hits {
            if hit.adjusted > 0 { positive += hit.adjusted + 1 }
            if hit.adjusted < 0 { negative += hit.adjusted - 1 }
        }
        let neutralCount = Double(words.count - hits.reduce(0) { $0 + $1.tokens.count })
        if positive > abs(negative) { positive += emphasis } else if positive < abs(negative) { negative -= emphasis }
        let total = positive + abs(negative) + max(0, neutralCount)
        let score = total > 0
            ? SentimentScore(compound: compound, positive: positive / total, negative: abs(negative) / total,
                             neutral: max(0, neutralCount) / total)
            : SentimentScore.zero
        return (score, sum, hits)
    }

    /// ALL-CAPS word in a mixed-case sentence: |v| += caps increment.
    private func applyCaps(_ hit: inout ValenceHit, _ doc: Document, _ i: Int, _ mixedCase: Bool) {
        guard mixedCase, doc.isAllCaps(i) else { return }
        hit.adjusted += hit.adjusted > 0 ? config.capsIncrement : -config.capsIncrement
        hit.rules.append("capitals")
    }

    /// Intensifiers and downtoners up to `window` words before, decaying with distance.
    private func applyBoosters(_ hit: inout ValenceHit, _ doc: Document, _ words: [Int], _ position: Int, _ modifier: [Int: Lexicon.Entry]) {
        let window = Int(config.window)
        for distance in 1...max(1, window) {
            let p = position - distance
            guard p >= 0, let entry = modifier[p], entry.category == "intensifier" || entry.category == "downtoner" else { continue }
            var scalar = config.boosterIncrement * entry.weight * (entry.category == "intensifier" ? 1 : -1)
            if distance == 2 { scalar *= config.boosterDecay2 }
            if distance == 3 { scalar *= config.boosterDecay3 }
            hit.adjusted += hit.base >= 0 ? scalar : -scalar
            hit.rules.append("\(entry.category == "intensifier" ? "intensified" : "toned down") by '\(doc.text(ofToken: words[p]))'")
        }
    }

    /// A negator up to `window` words before flips and dampens: v × negation scalar.
    private func applyNegation(_ hit: inout ValenceHit, _ doc: Document, _ words: [Int], _ position: Int, _ modifier: [Int: Lexicon.Entry]) {
        let window = Int(config.window)
        for distance in 1...max(1, window) {
            let p = position - distance
            guard p >= 0 else { break }
            let norm = doc.norms[words[p]]
            if modifier[p]?.category == "negator" || Tokenizer.hasASCIISuffix(norm, "n't") {
                hit.adjusted *= config.negationScalar
                hit.rules.append("negated by '\(doc.text(ofToken: words[p]))'")
                return
            }
            if modifier[p]?.category == "contrast" { return }
        }
    }

    /// Words before the first contrast word count less, words after it count more.
    private func applyContrast(_ hit: inout ValenceHit, _ doc: Document, _ words: [Int], _ position: Int, _ contrast: Int?, _ modifier: [Int: Lexicon.Entry]) {
        guard let contrast, let entry = modifier[contrast] else { return }
        let word = doc.text(ofToken: words[contrast])
        if position < contrast {
            hit.adjusted *= 1 - entry.weight * (1 - config.contrastBefore)
            hit.rules.append("before contrast '\(word)'")
        } else if position > contrast {
            hit.adjusted *= 1 + entry.weight * (config.contrastAfter - 1)
            hit.rules.append("after contrast '\(word)'")
        }
    }

    /// Exclamation and question marks amplify the sum (VADER's punctuation emphasis).
    private func punctuationEmphasis(_ doc: Document, _ range: Range<Int>) -> Double {
        var exclamations = 0, questions = 0
        for i in range where doc.kind(i) == .punctuation {
            for c in doc.scalars[doc.tokenStart(i)..<doc.tokenEnd(i)] {
                if c == "!" { exclamations += 1 }
                if c == "?" { questions += 1 }
            }
        }
        var emphasis = Double(min(exclamations, Int(config.exclamationMax))) * config.exclamationIncrement
        if questions > 1 {
            emphasis += questions <= 3 ? Double(questions) * config.questionIncrement : config.questionMany
        }
        return emphasis
    }
}
