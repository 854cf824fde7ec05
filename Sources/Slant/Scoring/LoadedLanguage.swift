/// One loaded-language hit.
public struct LoadedHit: Sendable, Equatable {
    /// The words as they stand in the input.
    public var text: String
    public var category: String
    public var weight: Double
    public var start: Int
    public var end: Int
    /// Token range of the hit.
    public var tokens: Range<Int>
    /// Whose words: the writer's, a direct quotation's, or reported speech's.
    public var voice: Voice
    /// The lexicon the entry comes from and its line there.
    public var lexicon: String
    public var line: Int

    /// Inside quotation marks (the source's words, not the outlet's).
    public var quoted: Bool { voice == .quoted }
}

/// Finds loaded language: entries of the loaded-language lexicon, report verbs that judge
/// the speaker (category `loaded` in report-verbs), and scare quotes. A single word that is
/// event vocabulary is never loaded. With a learned list (`loaded-learned.tsv`), its `learned`
/// words are added and hand-written hits made only of its `suppress` words are not counted.
struct LoadedLanguageScorer {
    let lexicons: LexiconSet

    /// - Complexity: O(n) matcher probes for n tokens.
    func hits(_ doc: Document, tokens range: Range<Int>) -> [LoadedHit] {
        scan(doc, tokens: range).hits
    }

    /// The hits, and the hand-written hits a learned list's `suppress` entries kept from
    /// counting (so a report can still show them).
    func scan(_ doc: Document, tokens range: Range<Int>) -> (hits: [LoadedHit], suppressed: [LoadedHit]) {
        var out: [LoadedHit] = []
        var dropped: [LoadedHit] = []
        var covered = Set<Int>()
        let suppressed = lexicons.suppressedLoaded
        /// A hand-written hit all of whose words the learned list suppresses.
        func isSuppressed(_ span: Range<Int>) -> Bool {
            let words = span.filter { doc.kind($0) == .word }
            return !words.isEmpty && words.allSatisfy { suppressed.contains(doc.stems[$0] ?? doc.norms[$0]) }
        }
        func add(_ span: Range<Int>, _ entry: Lexicon.Entry, _ lexicon: Lexicon, category: String) {
            guard !span.contains(where: covered.contains) else { return }
            if span.count == 1, lexicons.eventMatcher.contains(normOf: doc, span.lowerBound) { return }
            let start = doc.tokenStart(span.lowerBound), end = doc.tokenEnd(span.upperBound - 1)
            let hit = LoadedHit(
                text: doc.text(start, end), category: category, weight: entry.weight,
                start: start, end: end, tokens: span,
                voice: doc.voices[span.lowerBound], lexicon: lexicon.name, line: entry.line)
            // A suppressed hit claims no words: a learned entry may still take them.
            if !suppressed.isEmpty, category != "learned", isSuppressed(span) {
                if !dropped.contains(where: { $0.tokens.overlaps(span) }) { dropped.append(hit) }
                return
            }
            covered.formUnion(span)
            out.append(hit)
        }
        for m in lexicons.loadedMatcher.matches(in: doc, range: range) {
            let entry = lexicons.loaded.entries[m.entry]
            add(m.start..<(m.start + m.length), entry, lexicons.loaded, category: entry.category)
        }
        let sentences = range.isEmpty ? 0..<0 : doc.sentenceIndex(ofToken: range.lowerBound)..<(doc.sentenceIndex(ofToken: range.upperBound - 1) + 1)
        let attributions = Set(sentences.flatMap { doc.attributionsBySentence[$0] }).sorted().map { doc.attributions[$0] }
        for attribution in attributions where attribution.verbCategory == "loaded" && range.contains(attribution.verbTokens.lowerBound) {
            if let entry = lexicons.reportVerbMatcher.longestMatch(in: doc, at: attribution.verbTokens.lowerBound, end: attribution.verbTokens.upperBound)
                .map({ lexicons.reportVerbs.entries[$0.entry] }) {
                add(attribution.verbTokens, entry, lexicons.reportVerbs, category: "loaded-report-verb")
            }
        }
        // Loaded report verbs used without a recognised speaker still judge ("… he claimed").
        for m in lexicons.reportVerbMatcher.matches(in: doc, range: range) {
            let entry = lexicons.reportVerbs.entries[m.entry]
            guard entry.category == "loaded" else { continue }
            let span = m.start..<(m.start + m.length)
            guard doc.voices[span.lowerBound] == .author else { continue }
            add(span, entry, lexicons.reportVerbs, category: "loaded-report-verb")
        }
        let paragraphs = range.isEmpty ? 0..<0 : doc.sentences[sentences.lowerBound].paragraph..<(doc.sentences[sentences.upperBound - 1].paragraph + 1)
        let quotations = paragraphs.flatMap { doc.quotationsByParagraph[$0] }.map { doc.quotations[$0] }
        for q in quotations where q.isScareQuote && range.contains(q.open) {
            let words = q.inner.filter { doc.isWordLike($0) }
            guard let first = words.first, let last = words.last else { continue }
            let span = first..<(last + 1)
            guard !span.contains(where: covered.contains) else { continue }
            covered.formUnion(span)
            out.append(LoadedHit(
                text: doc.text(q.start, q.end), category: "scare-quote", weight: 1,
                start: q.start, end: q.end, tokens: span, voice: .author,
                lexicon: "rule", line: 0))
        }
        // Learned terms last, on words no hand-written entry, judging verb or scare quote
        // claimed: adding a learned list never changes the other hits.
        if let learned = lexicons.learnedMatcher, let lexicon = lexicons.loadedLearned {
            for m in learned.matches(in: doc, range: range) {
                let entry = lexicon.entries[m.entry]
                add(m.start..<(m.start + m.length), entry, lexicon, category: entry.category)
            }
        }
        return (out.sorted { $0.start < $1.start }, dropped.sorted { $0.start < $1.start })
    }
}
