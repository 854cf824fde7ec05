import Foundation

/// Slant's release, reported in every manifest.
public enum SlantVersion {
    public static let current = "0.1.0"
}

/// What a paragraph is.
public enum ParagraphLabel: String, Sendable {
    case fact
    case opinion
    /// Not article content (title, dateline, byline, caption, furniture, repeated paragraph):
    /// left out of every summary figure.
    case other
}

/// One sentence's scores.
public struct SentenceScore: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String
    public var opinionScore: Double
    public var sentiment: SentimentScore
    public var cues: [Cue]
}

/// One paragraph's scores with the evidence behind them.
public struct ParagraphScore: Sendable, Equatable {
    public var index: Int
    public var start: Int
    public var end: Int
    public var text: String
    public var label: ParagraphLabel
    /// Why the label: the strongest cues, or the furniture pattern that matched.
    public var reason: String
    /// Token-weighted mean of the sentences' scores (nil for `other` paragraphs).
    public var opinionScore: Double?
    /// Share of the paragraph's words attributed to sources (direct quotation or reported speech).
    public var quotedShare: Double
    public var sentiment: SentimentScore
    public var cues: [Cue]
    /// The valence words behind `sentiment`, with the rules that changed each.
    public var valence: [ValenceEvidence]
    public var loaded: [LoadedHit]
    /// Hand-written hits not counted because a learned list suppresses all their words
    /// (empty without a learned list).
    public var suppressedLoaded: [LoadedHit] = []
    /// Speakers of the quotations and reported speech in this paragraph, in order.
    public var speakers: [String]
    /// Direct quotations in this paragraph.
    public var quotes: [QuoteSpan]
    public var sentences: [SentenceScore]
    /// Word tokens, and how many are in the writer's own voice.
    public var words: Int
    public var authorWords: Int
}

/// A direct quotation as a report shows it.
public struct QuoteSpan: Sendable, Equatable {
    /// Scalar offsets from the opening to the closing mark.
    public var start: Int
    public var end: Int
    public var speaker: String?
    /// The writer's scare quotes (a short quotation without a speaker).
    public var scare: Bool
}

/// How much one speaker is quoted or reported in an article.
public struct SpeakerSummary: Sendable, Equatable {
    public var name: String
    /// Quotations and reported statements attributed to the speaker.
    public var attributions: Int
    /// Words attributed to the speaker.
    public var words: Int
}

/// One valence word as a report shows it.
public struct ValenceEvidence: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    /// Valence from the lexicon (−4…+4).
    public var valence: Double
    /// Valence after the rules.
    public var adjusted: Double
    public var rules: [String]
}

/// A lexicon as the manifest lists it.
public struct LexiconStamp: Sendable, Equatable {
    public var name: String
    public var version: String
    public var sha256: String
}

/// Loaded-language rates.
public struct LoadedSummary: Sendable, Equatable {
    /// Hits per 100 words of content.
    public var per100: Double
    /// Hits in the writer's own voice per 100 of the writer's words.
    public var authorPer100: Double
    /// Hits in quoted or reported speech per 100 attributed words.
    public var quotedPer100: Double
    /// Per category, hits per 100 words of content, sorted by category name.
    public var categories: [(name: String, per100: Double)]
    /// Per category, writer's voice and attributed rates.
    public var authorCategories: [(name: String, per100: Double)]
    public var quotedCategories: [(name: String, per100: Double)]

    public static func == (a: LoadedSummary, b: LoadedSummary) -> Bool {
        a.per100 == b.per100 && a.authorPer100 == b.authorPer100 && a.quotedPer100 == b.quotedPer100
            && a.categories.map(\.name) == b.categories.map(\.name) && a.categories.map(\.per100) == b.categories.map(\.per100)
    }
}

/// Article-level figures over content paragraphs.
public struct ArticleSummary: Sendable, Equatable {
    public var paragraphs: Int
    public var contentParagraphs: Int
    public var sentences: Int
    public var tokens: Int
    /// Share of content paragraphs labelled opinion.
    public var opinionShare: Double
    public var sentiment: SentimentScore
    public var loaded: LoadedSummary
}

/// The report for one article.
public struct ArticleScore: Sendable, Equatable {
    public static let schema = "slant.article.v2"
    public var source: String
    public var title: String?
    public var version: String
    public var lexicons: [LexiconStamp]
    public var inputSHA256: String
    public var summary: ArticleSummary
    public var paragraphs: [ParagraphScore]
    /// Every speaker quoted or reported in content paragraphs, most words first.
    public var speakers: [SpeakerSummary]
    /// Stance toward each target named in content paragraphs, most mentioned first.
    public var targets: [TargetStance]
    public var warnings: [String]
}

/// Scores whole articles: runs the text pipeline, then sentiment, loaded language and
/// subjectivity per sentence, and labels each paragraph.
public struct ArticleScorer: Sendable {
    public let lexicons: LexiconSet
    /// The user's targets and aliases (`--targets FILE`).
    public var targetList: TargetList?

    public init(lexicons: LexiconSet, targets: TargetList? = nil) {
        self.lexicons = lexicons
        self.targetList = targets
    }

    /// Scores one decoded input.
    /// - Complexity: O(n) in the length of the article, plus O(p² · v) for the BLAS
    ///   paragraph-similarity check over p paragraphs and a vocabulary of v words.
    public func score(_ input: InputText) -> ArticleScore {
        score(Document(input, lexicons: lexicons))
    }

    public func score(_ doc: Document) -> ArticleScore {
        let config = lexicons.config
        let sentiment = SentimentScorer(lexicons: lexicons)
        let loadedScorer = LoadedLanguageScorer(lexicons: lexicons)
        let subjectivity = SubjectivityScorer(lexicons: lexicons)
        let structure = structuralLabels(doc)

        var paragraphs: [ParagraphScore] = []
        for p in doc.paragraphs {
            let text = doc.text(p.start, p.end)
            let (loaded, suppressedLoaded) = loadedScorer.scan(doc, tokens: p.tokens)
            var sentences: [SentenceScore] = []
            var cues: [Cue] = []
            var weightedScore = 0.0, totalWeight = 0.0
            var sentimentParts: [(SentimentScore, Double)] = []
            var valenceEvidence: [ValenceEvidence] = []
            let loadedBySentence = Dictionary(grouping: loaded, by: { doc.sentenceIndex(ofToken: $0.tokens.lowerBound) })
            for si in p.sentences {
                let sentence = doc.sentences[si]
                let (sentimentScore, _, valence) = sentiment.score(doc, tokens: sentence.tokens)
                for hit in valence {
                    let start = doc.tokenStart(hit.tokens.lowerBound), end = doc.tokenEnd(hit.tokens.upperBound - 1)
                    valenceEvidence.append(ValenceEvidence(text: doc.text(start, end), start: start, end: end,
                                                           valence: hit.base, adjusted: hit.adjusted, rules: hit.rules))
                }
                let sentenceLoaded = loadedBySentence[si] ?? []
                let (opinion, sentenceCues) = subjectivity.score(
                    doc, sentence: si, loaded: sentenceLoaded, valence: valence, dateline: structure[p.index]?.dateline)
                let words = sentence.tokens.filter { doc.isWordLike($0) }
                let authorWords = words.filter { doc.voices[$0] == .author }.count
                let weight = Double(authorWords) + 1
                weightedScore += opinion * weight
                totalWeight += weight
                sentimentParts.append((sentimentScore, Double(max(1, words.count))))
                cues.append(contentsOf: sentenceCues)
                sentences.append(SentenceScore(start: sentence.start, end: sentence.end,
                                               text: doc.text(sentence.start, sentence.end),
                                               opinionScore: opinion, sentiment: sentimentScore, cues: sentenceCues))
            }
            let words = p.tokens.filter { doc.isWordLike($0) }
            let attributed = words.filter { doc.voices[$0] != .author }.count
            let quotedShare = words.isEmpty ? 0 : Double(attributed) / Double(words.count)
            var speakers: [String] = []
            for si in p.sentences {
                for a in doc.attributionsBySentence[si].map({ doc.attributions[$0] }) {
                    if let speaker = a.speaker, !speakers.contains(speaker) { speakers.append(speaker) }
                }
            }
            let quotes = doc.quotationsByParagraph[p.index].map { doc.quotations[$0] }.map { q in
                QuoteSpan(start: q.start, end: q.end, speaker: q.attribution.flatMap { doc.attributions[$0].speaker }, scare: q.isScareQuote)
            }
            var label: ParagraphLabel
            var reason: String
            var opinionScore: Double? = totalWeight > 0 ? weightedScore / totalWeight : nil
            if let other = structure[p.index]?.other {
                label = .other
                reason = other
                opinionScore = nil
            } else if words.isEmpty {
                label = .other
                reason = "no words"
                opinionScore = nil
            } else {
                let score = opinionScore ?? 0
                label = score >= config.threshold ? .opinion : .fact
                reason = explain(label: label, cues: cues, quotedShare: quotedShare, speakers: speakers)
            }
            paragraphs.append(ParagraphScore(
                index: p.index, start: p.start, end: p.end, text: text, label: label, reason: reason,
                opinionScore: opinionScore, quotedShare: quotedShare,
                sentiment: Self.weightedSentiment(sentimentParts), cues: cues, valence: valenceEvidence, loaded: loaded,
                suppressedLoaded: suppressedLoaded, speakers: speakers, quotes: quotes, sentences: sentences, words: words.count,
                authorWords: words.count - attributed))
        }
        let title = structure[0]?.title
        let found = TargetFinder(lexicons: lexicons, list: targetList).find(doc)
        // A wire dateline ("RIVERTON (AP) —") names a place and an agency, not a target.
        let datelines = structure.values.compactMap(\.dateline)
        let mentions = found.mentions.filter { m in !datelines.contains { m.start >= $0.0 && m.end <= $0.1 } }
        let targets = StanceScorer(lexicons: lexicons).score(
            doc, targets: found.targets, mentions: mentions, loaded: paragraphs.flatMap(\.loaded),
            paragraphs: Set(paragraphs.filter { $0.label != .other }.map(\.index)))
        return ArticleScore(
            source: doc.source, title: title, version: SlantVersion.current,
            lexicons: lexicons.all.map { LexiconStamp(name: $0.name, version: $0.version, sha256: $0.sha256) },
            inputSHA256: doc.inputSHA256, summary: summarize(paragraphs), paragraphs: paragraphs,
            speakers: speakerSummary(doc, paragraphs), targets: targets, warnings: doc.warnings)
    }

    /// Stance toward the target at scalar span `start..<end` of a short text (one sentence or
    /// paragraph, as in target-sentiment data): every paragraph counts, furniture or not.
    public func targetStance(_ input: InputText, start: Int, end: Int) -> TargetStance? {
        markedTarget(input, start: start, end: end)?.stance
    }

    /// The text pipeline, targets and stance of a short text with one marked target: the
    /// document, the marked mention, the loaded hits and the target's stance.
    func markedTarget(_ input: InputText, start: Int, end: Int) -> (doc: Document, given: TargetMention, loaded: [LoadedHit], stance: TargetStance?)? {
        let doc = Document(input, lexicons: lexicons)
        let loadedScorer = LoadedLanguageScorer(lexicons: lexicons)
        let loaded = doc.paragraphs.flatMap { loadedScorer.hits(doc, tokens: $0.tokens) }
        let found = TargetFinder(lexicons: lexicons, list: targetList).find(doc, given: (start, end))
        guard let given = found.mentions.first(where: { $0.via == .given }) else { return nil }
        let name = found.targets[given.target].name
        let stance = StanceScorer(lexicons: lexicons)
            .score(doc, targets: found.targets, mentions: found.mentions, loaded: loaded, paragraphs: Set(doc.paragraphs.map(\.index)))
            .first { $0.name == name }
        return (doc, given, loaded, stance)
    }

    /// Speakers of content paragraphs with how many statements and words each has.
    private func speakerSummary(_ doc: Document, _ paragraphs: [ParagraphScore]) -> [SpeakerSummary] {
        var byName: [String: SpeakerSummary] = [:]
        var order: [String] = []
        func add(_ name: String, words: Int, statement: Bool) {
            if byName[name] == nil { order.append(name); byName[name] = SpeakerSummary(name: name, attributions: 0, words: 0) }
            if statement { byName[name]!.attributions += 1 }
            byName[name]!.words += words
        }
        // Direct speech: every quotation, including follow-ons and continued paragraphs;
        // a quotation continued from the previous paragraph is the same statement.
        var seenChains = Set<Int>()
        for q in doc.quotations where !q.isScareQuote && paragraphs[q.paragraph].label != .other {
            guard let a = q.attribution, let name = doc.attributions[a].speaker else { continue }
            let isNewStatement = seenChains.insert(q.chain).inserted
            add(name, words: q.inner.filter { doc.isWordLike($0) }.count, statement: isNewStatement)
        }
        // Reported speech.
        for a in doc.attributions where a.kind != .direct && !a.content.isEmpty {
            guard let name = a.speaker else { continue }
            let paragraph = doc.sentences[doc.sentenceIndex(ofToken: a.content.lowerBound)].paragraph
            guard paragraphs[paragraph].label != .other else { continue }
            add(name, words: a.content.filter { doc.isWordLike($0) && doc.voices[$0] == .reported }.count, statement: true)
        }
        return order.map { byName[$0]! }.sorted { $0.words > $1.words || ($0.words == $1.words && $0.name < $1.name) }
    }

    // MARK: Structure

    /// One paragraph's word ids as (id, count) pairs in id order: its sparse word counts for
    /// ``nearRepeats(_:threshold:)``.
    static func wordBag(_ ids: [Int32]) -> [(id: Int32, count: Int32)] {
        var out: [(id: Int32, count: Int32)] = []
        for id in ids.sorted() {
            if let last = out.last, last.id == id { out[out.count - 1].count += 1 } else { out.append((id, 1)) }
        }
        return out
    }

    /// For each bag `b` (in order), the first earlier bag `a`, itself not a repeat, whose
    /// cosine similarity with `b` is at least `threshold`:
    /// the pairs (b, a). Exactly the answer of comparing every pair, without doing so (prefix
    /// filtering, as in all-pairs similarity search): words are ordered rarest first, and a
    /// bag's prefix is what is left once the tail whose share of its squared length is below
    /// threshold² is set aside. If the first word two bags share lay in either one's tail, all
    /// their shared words would, and by Cauchy–Schwarz their cosine would stay below the
    /// threshold; so a pair that reaches it shares a word of both prefixes. Each bag is
    /// indexed under its prefix and looks up its prefix; only bags found that way are compared,
    /// by integer dot product.
    /// - Complexity: linear in the input for text whose paragraphs share few rare words; at
    ///   worst the pairwise comparison it replaces.
    static func nearRepeats(_ bags: [[(id: Int32, count: Int32)]], threshold: Double) -> [(b: Int, a: Int)] {
        // Every pair qualifies: each bag repeats the first.
        guard threshold > 0 else { return bags.indices.dropFirst().map { (b: $0, a: 0) } }
        // Ids are dense (numbered in order of first appearance): the order is a rank per id,
        // rarest first.
        let width = Int(bags.lazy.flatMap { $0 }.map(\.id).max() ?? -1) + 1
        var frequency = [Int](repeating: 0, count: width)
        for bag in bags { for w in bag { frequency[Int(w.id)] += 1 } }
        var rank = [Int32](repeating: 0, count: width)
        for (r, id) in (0..<width).sorted(by: { (frequency[$0], $0) < (frequency[$1], $1) }).enumerated() { rank[id] = Int32(r) }
        let squares = bags.map { $0.reduce(0) { $0 + Int($1.count) * Int($1.count) } }
        let norms = squares.map { Double($0).squareRoot() }
        // Slightly under threshold², so rounding can only make a prefix longer, never shorter.
        let tailLimit = threshold * threshold * (1 - 1e-9)
        var index = [[Int]](repeating: [], count: width)
        var out: [(b: Int, a: Int)] = []
        var seen: [Int] = Array(repeating: -1, count: bags.count)
        for b in bags.indices {
            // b's prefix: rarest words first, the tail below threshold² left out.
            let order = bags[b].sorted { rank[Int($0.id)] < rank[Int($1.id)] }
            var tail = 0, cut = order.count
            while cut > 0 {
                let c = Int(order[cut - 1].count)
                guard Double(tail + c * c) < tailLimit * Double(squares[b]) else { break }
                tail += c * c
                cut -= 1
            }
            let prefix = order[..<cut]
            // Earlier bags whose prefix shares a word with b's prefix.
            var found: [Int] = []
            for w in prefix {
                for a in index[Int(w.id)] where seen[a] != b {
                    seen[a] = b
                    found.append(a)
                }
            }
            found.sort()
            var match: Int?
            for a in found where norms[a] > 0 && norms[b] > 0 {
                let x = bags[a], y = bags[b]
                var i = 0, j = 0, dot = 0
                while i < x.count && j < y.count {
                    if x[i].id == y[j].id { dot += Int(x[i].count) * Int(y[j].count); i += 1; j += 1 }
                    else if x[i].id < y[j].id { i += 1 } else { j += 1 }
                }
                if Double(dot) / (norms[a] * norms[b]) >= threshold { match = a; break }
            }
            if let a = match {
                out.append((b, a))
                continue  // a repeat is no target for later bags
            }
            for w in prefix { index[Int(w.id)].append(b) }
        }
        return out
    }

    private struct Structure {
        var other: String?
        var title: String?
        var dateline: (Int, Int)?
    }

    /// Title, furniture, datelines, headings and repeated paragraphs.
    private func structuralLabels(_ doc: Document) -> [Int: Structure] {
        let config = lexicons.config
        var out: [Int: Structure] = [:]
        for p in doc.paragraphs {
            let text = doc.text(p.start, p.end)
            let words = p.tokens.filter { doc.isWordLike($0) }
            if p.index == 0, doc.paragraphs.count > 1, isTitle(doc, p, text: text, words: words.count) {
                let title = text.drop(while: { $0 == "#" || $0 == " " })
                out[0] = Structure(other: "title", title: String(title))
                continue
            }
            if text.hasPrefix("#") {
                out[p.index] = Structure(other: "heading")
                continue
            }
            if let match = lexicons.furniturePatterns.match(text) {
                if match.category == "dateline" {
                    let rest = p.tokens.filter { doc.isWordLike($0) && doc.tokenStart($0) >= p.start + match.matchedScalars }
                    if rest.count >= 8 {
                        out[p.index] = Structure(dateline: (p.start, p.start + match.matchedScalars))
                        continue
                    }
                }
                out[p.index] = Structure(other: "\(match.category): \(match.note)")
            }
        }
        // Paragraphs that repeat an earlier one (scraped pages often repeat blocks): exact
        // repeats of the normalised words, and near repeats by cosine similarity of word
        // counts (exact, through a prefix index: ``nearRepeats``).
        // Each word gets a small integer id (one string hash per word); paragraphs are then
        // compared as id sequences (exact repeats) and as bags of ids (near repeats).
        // A repeat needs two paragraphs of at least 8 words (most corpus documents have one).
        let possible = doc.paragraphs.filter { p in
            out[p.index]?.other == nil && p.tokens.lazy.filter { doc.isWordLike($0) }.count >= 8
        }
        guard possible.count > 1 else { return out }
        var wordIDs: [String: Int32] = [:]
        let candidates = possible
        let candidateWords: [[Int32]] = candidates.map { p in
            var words: [Int32] = []
            for t in p.tokens where doc.isWordLike(t) {
                let norm = doc.norms[t]
                if let id = wordIDs[norm] { words.append(id) } else {
                    let id = Int32(wordIDs.count)
                    wordIDs[norm] = id
                    words.append(id)
                }
            }
            return words
        }
        var firstWithWords: [[Int32]: Int] = [:]
        for (p, words) in zip(candidates, candidateWords) {
            if let first = firstWithWords[words] {
                out[p.index, default: Structure()].other = "repeats paragraph \(first)"
            } else {
                firstWithWords[words] = p.index
            }
        }
        // Exact repeats are no targets: only the rest are bagged and searched.
        let targets = candidates.indices.filter { out[candidates[$0].index]?.other == nil }
        if targets.count > 1 {
            let bags = targets.map { Self.wordBag(candidateWords[$0]) }
            for (b, a) in Self.nearRepeats(bags, threshold: config.duplicateSimilarity) {
                out[candidates[targets[b]].index, default: Structure()].other = "repeats paragraph \(candidates[targets[a]].index)"
            }
        }
        return out
    }

    private func isTitle(_ doc: Document, _ p: Paragraph, text: String, words: Int) -> Bool {
        if text.hasPrefix("#") { return true }
        guard words > 0, words <= Int(lexicons.config.titleMaxWords), !text.contains("\n") else { return false }
        guard let last = text.unicodeScalars.last, last != ".", last != ":", last != "," else { return false }
        if lexicons.furniturePatterns.match(text) != nil { return false }
        return true
    }

    // MARK: Explanation and summary

    private func explain(label: ParagraphLabel, cues: [Cue], quotedShare: Double, speakers: [String]) -> String {
        func describe(_ list: [Cue]) -> String {
            // Cue names are hyphenated identifiers; spelt with spaces here.
            list.map { "\(String(decoding: $0.cue.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)) '\($0.text)'" }.joined(separator: ", ")
        }
        if label == .opinion {
            let top = cues.filter { $0.weight > 0 }.sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.start < $1.start) }.prefix(3)
            return top.isEmpty ? "opinion model bias" : "writer's voice: " + describe(Array(top))
        }
        var parts: [String] = []
        if quotedShare >= 0.5 {
            parts.append("mostly attributed speech" + (speakers.isEmpty ? "" : " (\(speakers.prefix(3).joined(separator: ", ")))"))
        }
        let top = cues.filter { $0.weight < 0 && $0.cue != "quotation" }.sorted { $0.weight < $1.weight || ($0.weight == $1.weight && $0.start < $1.start) }.prefix(3)
        if !top.isEmpty { parts.append("fact cues: " + describe(Array(top))) }
        let opinionCues = cues.filter { $0.weight > 0 }
        if parts.isEmpty { parts.append(opinionCues.isEmpty ? "no opinion cues in the writer's voice" : "opinion cues too weak") }
        return parts.joined(separator: "; ")
    }

    static func weightedSentiment(_ parts: [(SentimentScore, Double)]) -> SentimentScore {
        let total = parts.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return .zero }
        var s = SentimentScore(compound: 0, positive: 0, negative: 0, neutral: 0)
        for (score, weight) in parts {
            let w = weight / total
            s.compound += score.compound * w
            s.positive += score.positive * w
            s.negative += score.negative * w
            s.neutral += score.neutral * w
        }
        return s
    }

    /// `text.split(separator: " ").count`, counted on scalars when no space can join a
    /// grapheme with its neighbours (then each space is a Character of its own). A space
    /// joins a following combining mark, spacing mark, joiner or emoji modifier (all at
    /// U+0300 or above, outside the punctuation block), and a preceding prepended mark (all at
    /// U+0600 or above, outside the symbol blocks); otherwise the grapheme count is used.
    static func spaceSeparatedCount(_ text: String) -> Int {
        var count = 0, inPiece = false, afterSpace = false
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if afterSpace, v >= 0x300, !(0x2010...0x2027).contains(v), !(0x2030...0x205E).contains(v) {
                return text.split(separator: " ").count
            }
            if v == 0x20 {
                if previous >= 0x600, !(0x2000...0x2BFF).contains(previous) { return text.split(separator: " ").count }
                inPiece = false
                afterSpace = true
            } else {
                afterSpace = false
                if !inPiece { inPiece = true; count += 1 }
            }
            previous = v
        }
        return count
    }

    private func summarize(_ paragraphs: [ParagraphScore]) -> ArticleSummary {
        let content = paragraphs.filter { $0.label != .other }
        let words = content.reduce(0) { $0 + $1.words }
        let authorWords = content.reduce(0) { $0 + $1.authorWords }
        let attributedWords = words - authorWords
        let hits = content.flatMap(\.loaded)
        func per100(_ count: Int, _ base: Int) -> Double { base > 0 ? Double(count) * 100 / Double(base) : 0 }
        func byCategory(_ list: [LoadedHit], base: Int) -> [(name: String, per100: Double)] {
            Dictionary(grouping: list, by: \.category).map { (name: $0.key, per100: per100($0.value.count, base)) }
                .sorted { $0.name < $1.name }
        }
        let author = hits.filter { $0.voice == .author }
        let attributed = hits.filter { $0.voice != .author }
        let loaded = LoadedSummary(
            per100: per100(hits.count, words), authorPer100: per100(author.count, authorWords),
            quotedPer100: per100(attributed.count, attributedWords),
            categories: byCategory(hits, base: words),
            authorCategories: byCategory(author, base: authorWords),
            quotedCategories: byCategory(attributed, base: attributedWords))
        let sentimentParts = content.flatMap { p in
            p.sentences.map { ($0.sentiment, Double(max(1, Self.spaceSeparatedCount($0.text)))) }
        }
        return ArticleSummary(
            paragraphs: paragraphs.count, contentParagraphs: content.count,
            sentences: content.reduce(0) { $0 + $1.sentences.count }, tokens: words,
            opinionShare: content.isEmpty ? 0 : Double(content.filter { $0.label == .opinion }.count) / Double(content.count),
            sentiment: Self.weightedSentiment(sentimentParts), loaded: loaded)
    }
}
