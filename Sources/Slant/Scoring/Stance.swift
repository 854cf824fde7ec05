import Foundation

/// Who holds a stance.
public enum StanceHolder: String, Sendable, Equatable {
    /// The writer's own words.
    case writer
    /// A quoted or reported speaker, or the named agent of a stance verb ("X condemned Y").
    case source
}

/// One evaluative word or stance verb and what it passes to one mention.
public struct StanceTerm: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    /// Signed valence reaching the mention after negation and the distance weight.
    public var value: Double
    public var holder: StanceHolder
    /// The holder's name: "writer", a speaker, or the agent of a stance verb.
    public var holderName: String
    /// What made it count: `valence`, `loaded`, `stance verb`, with rules (`negated by 'not'`,
    /// `distance 3`, `agent: Maria Duarte`).
    public var rules: [String]
}

/// One mention with the stance that reaches it.
public struct MentionStance: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var paragraph: Int
    /// The sentence the mention is in, as written.
    public var sentence: String
    public var via: TargetMention.Via
    /// s / √(s² + α) of everything reaching the mention, in [-1, 1].
    public var stance: Double
    public var writer: Double?
    public var source: Double?
    /// The mention's clause holds a loaded-language hit.
    public var loadedContext: Bool
    public var terms: [StanceTerm]
}

/// A target's stance vector: fixed components, in this order.
public struct StanceVector: Sendable, Equatable {
    public static let components = ["writerStance", "quotedStance", "loadedShare", "positive", "negative", "neutral"]
    /// Mean writer-held stance over mentions the writer evaluates (0 when none).
    public var writerStance: Double
    /// Mean source-held stance over mentions sources evaluate (0 when none).
    public var quotedStance: Double
    /// Share of mentions whose clause holds loaded language.
    public var loadedShare: Double
    /// Mentions whose stance is above, below, or within the neutral band.
    public var positive: Int
    public var negative: Int
    public var neutral: Int

    public var values: [Double] { [writerStance, quotedStance, loadedShare, Double(positive), Double(negative), Double(neutral)] }
}

/// Stance toward one target across an article.
public struct TargetStance: Sendable, Equatable {
    public var name: String
    public var kind: TargetKind
    public var aliases: [String]
    public var mentions: Int
    /// Mentions that something evaluative reaches.
    public var evaluativeMentions: Int
    /// Mean stance over evaluative mentions (nil when none).
    public var stance: Double?
    public var writerStance: Double?
    public var quotedStance: Double?
    public var vector: StanceVector
    /// The evaluative mentions, in order.
    public var evidence: [MentionStance]
}

/// Scores stance toward each target: every evaluative word (valence word, loaded term) in a
/// mention's clause goes to the nearest mention within the window, weighted by distance;
/// stance verbs pass their sign from agent to the one acted on; the voice of the evaluative
/// word decides the holder (the writer's own words, or a quoted or reported speaker's).
struct StanceScorer {
    let lexicons: LexiconSet
    var config: ScoringConfig { lexicons.config }

    /// - Parameters:
    ///   - loaded: the loaded-language hits of the paragraphs scored.
    ///   - paragraphs: paragraphs to score (others are left out).
    /// - Complexity: O(n · m) for n tokens and m mentions per clause.
    func score(_ doc: Document, targets: [Target], mentions: [TargetMention], loaded: [LoadedHit], paragraphs: Set<Int>) -> [TargetStance] {
        let sentiment = SentimentScorer(lexicons: lexicons)
        let used = mentions.filter { paragraphs.contains($0.paragraph) }
        let bySentence = Dictionary(grouping: used.indices, by: { used[$0].sentence })
        var terms = [[StanceTerm]](repeating: [], count: used.count)
        var loadedContext = [Bool](repeating: false, count: used.count)
        // Tokens that belong to names (and their titles) or to speaker phrases: never evaluative.
        var nameTokens = Set<Int>()
        for m in mentions where m.via != .pronoun { nameTokens.formUnion(m.tokens) }
        // The head word of a speaker phrase ("Critics said …") names who holds a stance; it does
        // not evaluate (the modifiers in "the corrupt minister said" still do).
        for a in doc.attributions {
            if let speaker = a.speakerTokens, let head = speaker.last(where: { doc.kind($0) == .word }) { nameTokens.insert(head) }
        }

        let loadedBySentence = Dictionary(grouping: loaded, by: { doc.sentenceIndex(ofToken: $0.tokens.lowerBound) })
        for si in bySentence.keys.sorted() {
            let sentence = doc.sentences[si]
            let here = bySentence[si]!
            for clause in clauses(doc, sentence.tokens) {
                let inClause = here.filter { clause.contains(used[$0].tokens.lowerBound) }
                guard !inClause.isEmpty else { continue }
                let loadedHere = (loadedBySentence[si] ?? []).filter { clause.contains($0.tokens.lowerBound) }
                if !loadedHere.isEmpty { for m in inClause { loadedContext[m] = true } }
                // Stance-verb tokens of this clause (names are in nameTokens; never copied).
                var claimed = Set<Int>()

                // Stance verbs: the agent's stance toward the one acted on.
                for act in lexicons.stanceActMatcher.matches(in: doc, range: clause) {
                    let span = act.start..<(act.start + act.length)
                    guard !span.contains(where: nameTokens.contains) else { continue }
                    claimed.formUnion(span)
                    let entry = lexicons.stanceActMatcher.lexicon.entries[act.entry]
                    let before = inClause.filter { used[$0].tokens.upperBound <= span.lowerBound }
                    let after = inClause.filter { used[$0].tokens.lowerBound >= span.upperBound }
                    let passive = isPassive(doc, span.lowerBound)
                    var patient: Int?, agent: Int?
                    if passive {
                        patient = before.last
                        if let by = (span.upperBound..<clause.upperBound).first(where: { lexicons.agentMarkers.contains(doc.norms[$0]) }) {
                            agent = after.first { used[$0].tokens.lowerBound > by }
                        }
                    } else {
                        patient = after.first
                        agent = before.last
                    }
                    guard let patient, distance(used[patient].tokens, span, doc) <= Int(config.stanceWindow) else { continue }
                    // The one acted on stands in the verb's own phrase, and is not the agent.
                    let between = used[patient].tokens.lowerBound >= span.upperBound ? span.upperBound..<used[patient].tokens.lowerBound : used[patient].tokens.upperBound..<span.lowerBound
                    if !passive || used[patient].tokens.lowerBound >= span.upperBound, between.contains(where: { doc.norms[$0] == "," }) { continue }
                    if let agent, used[agent].target == used[patient].target { continue }
                    var value = entry.weight * config.stanceActValence
                    var rules = ["stance verb"]
                    if let negator = negation(doc, before: span.lowerBound, clause: clause) {
                        value *= config.negationScalar
                        rules.append("negated by '\(negator)'")
                    }
                    let holderName: String
                    if let agent, targets[used[agent].target].name != targets[used[patient].target].name {
                        holderName = targets[used[agent].target].name
                    } else {
                        holderName = voiceHolder(doc, span.lowerBound).name
                    }
                    if passive { rules.append("passive") }
                    rules.append("agent: \(holderName)")
                    let start = doc.tokenStart(span.lowerBound), end = doc.tokenEnd(span.upperBound - 1)
                    terms[patient].append(StanceTerm(text: doc.text(start, end), start: start, end: end, value: value,
                                                     holder: holderName == "writer" ? .writer : .source, holderName: holderName, rules: rules))
                }

                // Valence words and loaded terms: to the nearest mention.
                let (_, _, hits) = sentiment.score(doc, tokens: clause)
                var evaluative: [(span: Range<Int>, value: Double, rules: [String])] = []
                for hit in hits where !hit.tokens.contains(where: { claimed.contains($0) || nameTokens.contains($0) }) {
                    if hit.tokens.count == 1, lexicons.eventMatcher.contains(normOf: doc, hit.tokens.lowerBound) { continue }
                    var value = hit.adjusted
                    var rules = ["valence \(format(hit.base))"] + hit.rules
                    // A predicate's negation reaches farther than VADER's three words
                    // ("could not keep his story straight").
                    if !rules.contains(where: { $0.hasPrefix("negated") }), let negator = negation(doc, before: hit.tokens.lowerBound, clause: clause) {
                        value *= config.negationScalar
                        rules.append("negated by '\(negator)'")
                    }
                    evaluative.append((hit.tokens, value, rules))
                }
                for hit in loadedHere where !hit.tokens.contains(where: { claimed.contains($0) || nameTokens.contains($0) }) {
                    guard !evaluative.contains(where: { $0.span.overlaps(hit.tokens) }) else { continue }
                    var value = config.stanceLoadedValence * hit.weight
                    var rules = ["loaded (\(hit.category)) without valence"]
                    if let negator = negation(doc, before: hit.tokens.lowerBound, clause: clause) {
                        value *= config.negationScalar
                        rules.append("negated by '\(negator)'")
                    }
                    evaluative.append((hit.tokens, value, rules))
                }
                for e in evaluative where e.value != 0 {
                    let holder = voiceHolder(doc, e.span.lowerBound)
                    // Candidates: not the speaker of these words, nor the holder itself.
                    let candidates = inClause.filter { m in
                        if let speaker = holder.speakerTokens, speaker.overlaps(used[m].tokens) { return false }
                        let name = targets[used[m].target].name
                        return name != holder.name && !name.hasSuffix(" " + holder.name)
                    }
                    let nearest = candidates.min { a, b in
                        let da = distance(used[a].tokens, e.span, doc), db = distance(used[b].tokens, e.span, doc)
                        return da < db || (da == db && used[a].start < used[b].start)
                    }
                    guard let nearest else { continue }
                    let d = distance(used[nearest].tokens, e.span, doc)
                    guard d <= Int(config.stanceWindow) else { continue }
                    let weight = 1 / (1 + Double(d) / config.stanceDistanceScale)
                    let start = doc.tokenStart(e.span.lowerBound), end = doc.tokenEnd(e.span.upperBound - 1)
                    terms[nearest].append(StanceTerm(
                        text: doc.text(start, end), start: start, end: end, value: e.value * weight,
                        holder: holder.name == "writer" ? .writer : .source, holderName: holder.name,
                        rules: e.rules + ["distance \(d)"]))
                }
            }
        }

        // Per mention, then per target.
        func normalise(_ s: Double) -> Double { max(-1, min(1, s / (s * s + config.alpha).squareRoot())) }
        var out: [TargetStance] = []
        let order = Dictionary(grouping: used.indices, by: { used[$0].target })
        for t in targets.indices {
            guard let indices = order[t], !indices.isEmpty else { continue }
            var evidence: [MentionStance] = []
            var positive = 0, negative = 0, neutral = 0, loadedCount = 0
            var all: [Double] = [], writer: [Double] = [], source: [Double] = []
            for m in indices {
                let mention = used[m]
                let text = doc.text(mention.start, mention.end)
                if loadedContext[m] { loadedCount += 1 }
                let list = terms[m].sorted { $0.start < $1.start }
                let w = list.filter { $0.holder == .writer }, s = list.filter { $0.holder == .source }
                let total = normalise(list.reduce(0) { $0 + $1.value })
                if total > config.stanceNeutralBand { positive += 1 } else if total < -config.stanceNeutralBand { negative += 1 } else { neutral += 1 }
                guard !list.isEmpty else { continue }
                let writerValue = w.isEmpty ? nil : normalise(w.reduce(0) { $0 + $1.value })
                let sourceValue = s.isEmpty ? nil : normalise(s.reduce(0) { $0 + $1.value })
                all.append(total)
                if let writerValue { writer.append(writerValue) }
                if let sourceValue { source.append(sourceValue) }
                let sentence = doc.sentences[mention.sentence]
                evidence.append(MentionStance(
                    text: text, start: mention.start, end: mention.end, paragraph: mention.paragraph,
                    sentence: doc.text(sentence.start, sentence.end), via: mention.via, stance: total,
                    writer: writerValue, source: sourceValue, loadedContext: loadedContext[m], terms: list))
            }
            func mean(_ v: [Double]) -> Double? { v.isEmpty ? nil : v.reduce(0, +) / Double(v.count) }
            let vector = StanceVector(writerStance: mean(writer) ?? 0, quotedStance: mean(source) ?? 0,
                                      loadedShare: Double(loadedCount) / Double(indices.count),
                                      positive: positive, negative: negative, neutral: neutral)
            out.append(TargetStance(
                name: targets[t].name, kind: targets[t].kind, aliases: targets[t].aliases,
                mentions: indices.count, evaluativeMentions: evidence.count, stance: mean(all),
                writerStance: mean(writer), quotedStance: mean(source), vector: vector, evidence: evidence))
        }
        return out.sorted { $0.mentions > $1.mentions || ($0.mentions == $1.mentions && $0.name < $1.name) }
    }

    /// Splits a sentence at contrast words ("but", "although") and the `clause-boundary` words
    /// of targets.tsv ("while", `;`, `:`, dashes): "I like Bert, but I hate Robert" has two
    /// clauses.
    func clauses(_ doc: Document, _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        for i in range {
            let norm = doc.norms[i]
            let boundary = lexicons.clauseBoundaries.contains(norm)
                || (doc.kind(i) == .word && lexicons.modifierMatcher.entry(forNormOf: doc, i)?.category == "contrast")
            if boundary {
                if start < i { out.append(start..<i) }
                start = i + 1
            }
        }
        if start < range.upperBound { out.append(start..<range.upperBound) }
        return out
    }

    /// Words between two token ranges (0 when adjacent).
    func distance(_ a: Range<Int>, _ b: Range<Int>, _ doc: Document) -> Int {
        let (low, high) = a.upperBound <= b.lowerBound ? (a.upperBound, b.lowerBound) : (b.upperBound, a.lowerBound)
        guard low < high else { return 0 }
        var count = 0
        for k in low..<high where doc.isWordLike(k) { count += 1 }
        return count
    }

    /// A form of "be" or "get" right before the verb (skipping one adverb): passive voice.
    func isPassive(_ doc: Document, _ verb: Int) -> Bool {
        var i = verb - 1
        var skipped = 0
        while i >= 0, skipped <= 1 {
            if doc.kind(i) != .word { return false }
            if lexicons.passiveAuxiliaries.contains(doc.norms[i]) { return true }
            if !Tokenizer.hasASCIISuffix(doc.norms[i], "ly") { return false }
            skipped += 1
            i -= 1
        }
        return false
    }

    /// A negator up to `stance.negation-window` words before `i` in the clause.
    func negation(_ doc: Document, before i: Int, clause: Range<Int>) -> String? {
        var words = 0
        var j = i - 1
        while j >= clause.lowerBound, words < Int(config.stanceNegationWindow) {
            if doc.kind(j) == .word {
                words += 1
                let norm = doc.norms[j]
                if Tokenizer.hasASCIISuffix(norm, "n't") || lexicons.modifierMatcher.entry(forNormOf: doc, j)?.category == "negator" { return doc.text(ofToken: j) }
            }
            j -= 1
        }
        return nil
    }

    /// Who holds words at token `i`: the writer, or the speaker of the quotation or reported
    /// speech they belong to.
    func voiceHolder(_ doc: Document, _ i: Int) -> (name: String, speakerTokens: Range<Int>?) {
        guard doc.voices[i] != .author else { return ("writer", nil) }
        let si = doc.sentenceIndex(ofToken: i)
        for a in doc.attributionsBySentence[si].map({ doc.attributions[$0] }) where a.content.contains(i) {
            return (a.speaker ?? "unnamed source", a.speakerTokens)
        }
        // The quotation holding token i: the last one opening at or before it (binary search).
        let list = doc.quotationsByParagraph[doc.sentences[si].paragraph]
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if doc.quotations[list[mid]].inner.lowerBound <= i { low = mid + 1 } else { high = mid }
        }
        var k = low - 1
        while k >= 0, k >= low - 4 {
            let q = doc.quotations[list[k]]
            if q.inner.contains(i), let a = q.attribution { return (doc.attributions[a].speaker ?? "unnamed source", doc.attributions[a].speakerTokens) }
            k -= 1
        }
        return ("unnamed source", nil)
    }

    private func format(_ v: Double) -> String { Self.signedOneDecimal(v) }

    /// What `String(format: "%+.1f", v)` gives, without Foundation's formatter (a twentieth
    /// of stance scoring): v rounded to tenths, ties to even, decided on v's exact value
    /// (the sign of `fma(v, 10, -midpoint)` is the sign of the exact difference).
    static func signedOneDecimal(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e14 else { return String(format: "%+.1f", v) }
        let magnitude = abs(v)
        let floor = (magnitude * 10).rounded(.down)
        let above = fma(magnitude, 10, -(floor + 0.5))
        let tenths = above < 0 ? floor : above > 0 ? floor + 1
            : floor.truncatingRemainder(dividingBy: 2) == 0 ? floor : floor + 1
        let k = Int64(tenths)
        return (v.sign == .minus ? "-" : "+") + String(k / 10) + "." + String(k % 10)
    }
}

extension ArticleScore {
    /// The same report with only the targets whose name or an alias is `name`
    /// (case-insensitive): `--target NAME`.
    public func focused(on name: String) -> ArticleScore {
        let key = Lexicon.normalize(name)
        var copy = self
        copy.targets = targets.filter { t in
            Lexicon.normalize(t.name) == key || t.aliases.contains { Lexicon.normalize($0) == key }
        }
        if copy.targets.isEmpty { copy.warnings.append("no target named '\(name)' in the content paragraphs") }
        return copy
    }
}
