import Foundation

/// What the trained target-sentiment model sees of one marked target.
public struct TargetFeatures: Sendable {
    /// One value per ``TargetModel/cueNames`` entry.
    public var cues: [Double]
    /// Words of the target's paragraph (`w:`), and the three words before (`l:`) and after
    /// (`r:`) the mention.
    public var terms: Set<String>
    /// The hand-set rules' stance toward the target.
    public var stance: TargetStance?
}

/// A trained target-sentiment model (`target-model.tsv`, written by
/// `slant train --task target-sentiment`): a multinomial logistic regression over the
/// features of ``TargetFeatures``, its weights written against the neutral class (a positive
/// `term-negative` weight pushes toward negative). The most probable class wins.
public struct TargetModel: Sendable {
    /// Dense features, in vector order.
    public static let cueNames = ["stance", "writer", "source", "left-valence", "right-valence", "sentence-compound", "loaded", "speaker", "quoted", "left-lexicon", "right-lexicon"]

    public var name: String
    public var bias: (negative: Double, positive: Double)
    public var cues: [String: (negative: Double, positive: Double)]
    public var terms: [String: (negative: Double, positive: Double)]

    /// Reads a model lexicon.
    /// - Throws: ``SlantError`` `.badLexicon` naming the line of an unknown key or category.
    public init(_ lexicon: Lexicon) throws {
        name = lexicon.name
        var values: [String: Double] = [:]
        var cues: [String: (Double, Double)] = [:], terms: [String: (Double, Double)] = [:]
        for entry in lexicon.entries {
            switch entry.category {
            case "model":
                guard ["bias-negative", "bias-positive"].contains(entry.key) else {
                    throw SlantError(.badLexicon, file: lexicon.origin, line: entry.line,
                                     "unknown model key '\(entry.term)' (bias-negative, bias-positive)")
                }
                values[entry.key] = entry.weight
            case "cue-negative", "cue-positive":
                guard Self.cueNames.contains(entry.key) else {
                    throw SlantError(.badLexicon, file: lexicon.origin, line: entry.line, "unknown target cue '\(entry.term)'")
                }
                var v = cues[entry.key] ?? (0, 0)
                if entry.category == "cue-negative" { v.0 = entry.weight } else { v.1 = entry.weight }
                cues[entry.key] = v
            case "term-negative", "term-positive":
                var v = terms[entry.key] ?? (0, 0)
                if entry.category == "term-negative" { v.0 = entry.weight } else { v.1 = entry.weight }
                terms[entry.key] = v
            default:
                throw SlantError(.badLexicon, file: lexicon.origin, line: entry.line,
                                 "unknown target-model category '\(entry.category)' (model, cue-negative, cue-positive, term-negative, term-positive)")
            }
        }
        guard let bn = values["bias-negative"], let bp = values["bias-positive"] else {
            throw SlantError(.badLexicon, file: lexicon.origin, "a target model needs bias-negative and bias-positive in category 'model'")
        }
        bias = (bn, bp)
        self.cues = cues.mapValues { (negative: $0.0, positive: $0.1) }
        self.terms = terms.mapValues { (negative: $0.0, positive: $0.1) }
    }

    /// Class probabilities (negative, neutral, positive) for one target.
    public func probabilities(_ f: TargetFeatures) -> [Double] {
        var zn = bias.negative, zp = bias.positive
        for (i, name) in Self.cueNames.enumerated() {
            if let w = cues[name] { zn += w.negative * f.cues[i]; zp += w.positive * f.cues[i] }
        }
        for t in f.terms { if let w = terms[t] { zn += w.negative; zp += w.positive } }
        let top = max(zn, 0, zp)
        let e = [exp(zn - top), exp(-top), exp(zp - top)]
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// −1 negative, 0 neutral, +1 positive: the most probable class.
    public func classify(_ f: TargetFeatures) -> Int {
        let p = probabilities(f)
        return p.indices.max { p[$0] < p[$1] }! - 1
    }
}

extension ArticleScorer {
    /// The features of the target at scalar span `start..<end` (see ``TargetFeatures``).
    public func targetFeatures(_ input: InputText, start: Int, end: Int) -> TargetFeatures {
        var cues = [Double](repeating: 0, count: TargetModel.cueNames.count)
        guard let (doc, given, loaded, stance) = markedTarget(input, start: start, end: end) else {
            return TargetFeatures(cues: cues, terms: [], stance: nil)
        }
        let sentence = doc.sentences[given.sentence]
        let (sentiment, _, hits) = SentimentScorer(lexicons: lexicons).score(doc, tokens: sentence.tokens)
        var left = 0.0, right = 0.0
        let scorer = StanceScorer(lexicons: lexicons)
        for hit in hits where !hit.tokens.overlaps(given.tokens) {
            let d = Double(scorer.distance(given.tokens, hit.tokens, doc))
            let weight = 1 / (1 + d / lexicons.config.stanceDistanceScale)
            if hit.tokens.lowerBound < given.tokens.lowerBound { left += hit.adjusted * weight } else { right += hit.adjusted * weight }
        }
        cues[0] = stance?.stance ?? 0
        cues[1] = stance?.writerStance ?? 0
        cues[2] = stance?.quotedStance ?? 0
        cues[3] = left / 4
        cues[4] = right / 4
        cues[5] = sentiment.compound
        cues[6] = Double(min(3, loaded.filter { sentence.tokens.contains($0.tokens.lowerBound) }.count))
        cues[7] = doc.attributionsBySentence[given.sentence].contains { doc.attributions[$0].speakerTokens?.overlaps(given.tokens) ?? false } ? 1 : 0
        cues[8] = doc.voices[given.tokens.lowerBound] == .author ? 0 : 1
        // The plain lexicon valence on each side, no rules, weighted by distance.
        for i in sentence.tokens where doc.kind(i) == .word && !given.tokens.contains(i) {
            guard let entry = lexicons.valenceMatcher.entry(forNormOf: doc, i) else { continue }
            let d = Double(scorer.distance(given.tokens, i..<(i + 1), doc))
            cues[i < given.tokens.lowerBound ? 9 : 10] += entry.weight / (1 + d / lexicons.config.stanceDistanceScale) / 4
        }
        var terms = Set<String>()
        // Words of the mention's paragraph (target-sentiment items are one sentence, which the
        // segmenter may still split at an abbreviation or a quotation).
        let words = doc.paragraphs[given.paragraph].tokens.filter { doc.kind($0) == .word && !given.tokens.contains($0) }
        for i in words { terms.insert("w:" + doc.norms[i]) }
        for i in words.filter({ $0 < given.tokens.lowerBound }).suffix(3) { terms.insert("l:" + doc.norms[i]) }
        for i in words.filter({ $0 >= given.tokens.upperBound }).prefix(3) { terms.insert("r:" + doc.norms[i]) }
        return TargetFeatures(cues: cues, terms: terms, stance: stance)
    }
}
