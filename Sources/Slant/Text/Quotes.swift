/// A direct quotation: text between double quote marks.
public struct Quotation: Sendable, Equatable {
    public var paragraph: Int
    /// Token index of the opening mark.
    public var open: Int
    /// Token index of the closing mark; nil when the quotation runs on into the next
    /// paragraph (``continues``) or was never closed (``unbalanced``).
    public var close: Int?
    /// Token indices inside the marks.
    public var inner: Range<Int>
    /// Scalar offsets from the opening mark to the closing mark (or the last quoted token).
    public var start: Int
    public var end: Int
    /// Quotations that continue one another across paragraphs share a chain number.
    public var chain: Int
    /// The paragraph ended inside the quotation and the next paragraph reopens it
    /// (the newspaper convention for quotes longer than one paragraph).
    public var continues: Bool
    /// No closing mark was found; the quotation was closed at the end of its first sentence.
    public var unbalanced: Bool
    /// A short quotation with no speaker: the writer's scare quotes, counted in the writer's
    /// voice.
    public var isScareQuote: Bool
    /// Index into ``Document/attributions``.
    public var attribution: Int?
}

/// Who said something and with which verb.
public struct Attribution: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Direct speech in quote marks.
        case direct
        /// Reported speech: "X said (that) …", "…, X said."
        case reported
        /// "according to X".
        case accordingTo = "according-to"
    }

    public var kind: Kind
    /// The speaker, with pronouns resolved to the latest named speaker where possible.
    public var speaker: String?
    /// The speaker as written next to the verb (may be a pronoun).
    public var speakerText: String?
    /// Token range of the speaker phrase.
    public var speakerTokens: Range<Int>?
    /// The report verb or phrase as written.
    public var verb: String
    public var verbTokens: Range<Int>
    /// `neutral` or `loaded`, from the report-verbs lexicon.
    public var verbCategory: String
    public var verbWeight: Double
    public var sentence: Int
    /// Token indices of the attributed words (the quotation's inside, or the reported clause).
    public var content: Range<Int>
}

/// Finds quotations, their speakers, and reported speech, and sets each token's voice.
enum QuoteFinder {

    static func run(on doc: inout Document, lexicons: LexiconSet) {
        findQuotations(&doc, lexicons)
        attributeQuotations(&doc, lexicons)
        findReportedSpeech(&doc, lexicons)
        resolvePronouns(&doc, pronouns: lexicons.speakerWords["pronoun-speaker"] ?? [])
    }

    // MARK: Quotations

    private enum Role { case open, close }

    private static func role(_ doc: Document, _ i: Int, isOpen: Bool) -> Role? {
        let token = (start: doc.tokenStart(i), end: doc.tokenEnd(i))
        let c = doc.scalars[token.start]
        switch c {
        case "\u{201C}", "\u{201E}", "\u{00AB}": return .open
        case "\u{201D}", "\u{00BB}": return .close
        case "\"": break
        default: return nil
        }
        let before: Unicode.Scalar? = token.start > 0 ? doc.scalars[token.start - 1] : nil
        let after: Unicode.Scalar? = token.end < doc.scalars.count ? doc.scalars[token.end] : nil
        func isBoundary(_ x: Unicode.Scalar?) -> Bool {
            guard let x else { return true }
            return Tokenizer.isWhitespace(x) || "([{\u{2014}\u{2013}-:/".unicodeScalars.contains(x)
        }
        func isClosingContext(_ x: Unicode.Scalar?) -> Bool {
            guard let x else { return true }
            return Tokenizer.isWhitespace(x) || ".,;:!?)]}\u{2014}\u{2013}-'\u{2019}".unicodeScalars.contains(x)
        }
        let openish = isBoundary(before) && !(after.map(Tokenizer.isWhitespace) ?? true)
        let closeish = !(before.map(Tokenizer.isWhitespace) ?? true) && isClosingContext(after)
        if openish && !closeish { return .open }
        if closeish && !openish { return .close }
        return isOpen ? .close : .open
    }

    private static func findQuotations(_ doc: inout Document, _ lexicons: LexiconSet) {
        var chain = 0
        var carriedChain: Int? = nil
        for p in doc.paragraphs {
            var openAt: Int? = nil
            var openChain = 0
            func closeUnbalanced(_ o: Int) {
                let sentence = doc.sentences[doc.sentenceIndex(ofToken: o)]
                let innerEnd = max(o + 1, sentence.tokens.upperBound)
                add(&doc, paragraph: p.index, open: o, close: nil, innerEnd: innerEnd,
                    chain: openChain, continues: false, unbalanced: true)
            }
            for i in p.tokens where doc.kind(i) == .punctuation {
                guard let r = role(doc, i, isOpen: openAt != nil) else { continue }
                switch r {
                case .open:
                    if let o = openAt { closeUnbalanced(o) }
                    openAt = i
                    if i == p.tokens.lowerBound, let carried = carriedChain {
                        openChain = carried
                    } else {
                        chain += 1
                        openChain = chain
                    }
                case .close:
                    if let o = openAt {
                        add(&doc, paragraph: p.index, open: o, close: i, innerEnd: i,
                            chain: openChain, continues: false, unbalanced: false)
                        openAt = nil
                    }
                    // A closing mark with nothing open is left alone: better to miss a
                    // quotation than to mark the writer's words as quoted.
                }
            }
            carriedChain = nil
            if let o = openAt {
                let nextIndex = p.index + 1
                if nextIndex < doc.paragraphs.count,
                   let first = doc.paragraphs[nextIndex].tokens.first,
                   doc.kind(first) == .punctuation,
                   role(doc, first, isOpen: false) == .open {
                    add(&doc, paragraph: p.index, open: o, close: nil, innerEnd: p.tokens.upperBound,
                        chain: openChain, continues: true, unbalanced: false)
                    carriedChain = openChain
                } else {
                    closeUnbalanced(o)
                }
            }
        }
        for q in doc.quotations {
            for i in q.inner { doc.voices[i] = .quoted }
        }
    }

    private static func add(
        _ doc: inout Document, paragraph: Int, open: Int, close: Int?, innerEnd: Int,
        chain: Int, continues: Bool, unbalanced: Bool
    ) {
        let inner = (open + 1)..<max(open + 1, innerEnd)
        let end = close.map { doc.tokenEnd($0) } ?? (inner.isEmpty ? doc.tokenEnd(open) : doc.tokenEnd(inner.upperBound - 1))
        doc.quotations.append(Quotation(
            paragraph: paragraph, open: open, close: close, inner: inner,
            start: doc.tokenStart(open), end: end, chain: chain, continues: continues,
            unbalanced: unbalanced, isScareQuote: false, attribution: nil))
    }

    // MARK: Attribution of quotations

    private struct VerbHit {
        var range: Range<Int>
        var category: String
        var weight: Double
    }

    /// Report verbs among author-voice tokens of `range`.
    private static func verbs(_ doc: Document, _ lexicons: LexiconSet, in range: Range<Int>) -> [VerbHit] {
        guard !range.isEmpty else { return [] }
        let matcher = lexicons.reportVerbMatcher
        let matches = matcher.matches(in: doc, range: range)
        return matches.compactMap { m in
            let span = m.start..<(m.start + m.length)
            let entry = matcher.lexicon.entries[m.entry]
            guard entry.category == "neutral" || entry.category == "loaded" else { return nil }
            // "must reject", "to say", "not a report": a modal or infinitive right before.
            guard !(m.start > range.lowerBound && isBlocker(doc, lexicons, m.start - 1)) else { return nil }
            guard span.allSatisfy({ doc.voices[$0] == .author }) else { return nil }
            return VerbHit(range: span, category: entry.category, weight: entry.weight)
        }
    }

    /// A word of category `blocks-report` (modal, infinitive `to`) at token `i`.
    private static func isBlocker(_ doc: Document, _ lexicons: LexiconSet, _ i: Int) -> Bool {
        lexicons.reportVerbMatcher.entry(forNormOf: doc, i)?.category == "blocks-report"
    }

    private static func isClausePunctuation(_ doc: Document, _ i: Int) -> Bool {
        guard doc.kind(i) == .punctuation else { return false }
        let c = doc.scalars[doc.tokenStart(i)]
        return c == "," || c == ";" || c == ":" || c == "(" || c == ")" || c == "\u{2014}" || c == "\u{2013}"
            || Tokenizer.isQuoteMark(c) || Tokenizer.isTerminal(c)
    }

    /// The words just before token `end` back to a clause boundary, if 1…max words.
    private static func phraseBefore(_ doc: Document, _ end: Int, floor: Int, max: Int, _ lexicons: LexiconSet) -> Range<Int>? {
        var start = end
        while start > floor, !isClausePunctuation(doc, start - 1), doc.voices[start - 1] == .author { start -= 1 }
        let fillers = lexicons.speakerWords["speaker-filler"] ?? []
        while start < end, fillers.contains(doc.norms[start]) { start += 1 }
        guard start < end, end - start <= max else { return nil }
        guard (start..<end).allSatisfy({ doc.isWordLike($0) || doc.scalars[doc.tokenStart($0)] == "." }) else { return nil }
        return start..<end
    }

    /// The subject of a verb at token `verb`: the words just before it, or, when an
    /// appositive or relative clause sits between ("Reyes, who voted against it, said"),
    /// the words before that clause.
    private static func subjectBefore(_ doc: Document, _ verb: Int, floor: Int, max: Int, _ lexicons: LexiconSet) -> Range<Int>? {
        if let phrase = phraseBefore(doc, verb, floor: floor, max: max, lexicons) { return phrase }
        let appositiveStarts = lexicons.speakerWords["appositive-start"] ?? []
        guard verb - 1 >= floor, doc.norms[verb - 1] == "," else { return nil }
        var k = verb - 2
        while k > floor, verb - k <= 20 {
            if doc.norms[k] == ",", k + 1 < verb, appositiveStarts.contains(doc.norms[k + 1]) {
                return phraseBefore(doc, k, floor: floor, max: max, lexicons)
            }
            if doc.kind(k) == .punctuation, doc.norms[k] != ",", doc.norms[k] != "'" { return nil }
            k -= 1
        }
        return nil
    }

    /// The words just after token `start` up to a clause boundary, if 1…max words.
    private static func phraseAfter(_ doc: Document, _ start: Int, ceiling: Int, max: Int) -> Range<Int>? {
        var end = start
        while end < ceiling, end - start < max, !isClausePunctuation(doc, end), doc.voices[end] == .author { end += 1 }
        guard end > start else { return nil }
        return start..<end
    }

    private static func attributeQuotations(_ doc: inout Document, _ lexicons: LexiconSet) {
        let maxWords = Int(lexicons.config.speakerMaxWords)
        var chainAttribution: [Int: Int] = [:]
        for qi in doc.quotations.indices {
            let q = doc.quotations[qi]
            let lastInner = q.close ?? (q.inner.isEmpty ? q.open : q.inner.upperBound - 1)
            let closingSentence = doc.sentences[doc.sentenceIndex(ofToken: lastInner)]
            let openingSentence = doc.sentences[doc.sentenceIndex(ofToken: q.open)]
            var found: (verb: VerbHit, speaker: Range<Int>?, kind: Attribution.Kind)?

            // 1. After the closing mark: “…,” the minister said. / “…,” said Maria Duarte.
            if let close = q.close {
                var w = close + 1
                let ceiling = closingSentence.tokens.upperBound
                while w < ceiling, doc.kind(w) == .punctuation, !Tokenizer.isQuoteMark(doc.firstScalar(w)) { w += 1 }
                let window = w..<min(ceiling, w + maxWords + 2)
                if let verb = verbs(doc, lexicons, in: window).first {
                    if verb.range.lowerBound > w {
                        if let speaker = phraseBefore(doc, verb.range.lowerBound, floor: w, max: maxWords, lexicons) {
                            found = (verb, speaker, .direct)
                        }
                    } else {
                        found = (verb, phraseAfter(doc, verb.range.upperBound, ceiling: ceiling, max: maxWords), .direct)
                    }
                }
            }
            // 2. Before the opening mark: The minister said: “…” / According to X, “…”
            if found == nil {
                let region = openingSentence.tokens.lowerBound..<q.open
                if let verb = verbs(doc, lexicons, in: region).last {
                    if doc.norms[verb.range.lowerBound] == "according" {
                        found = (verb, phraseAfter(doc, verb.range.upperBound, ceiling: q.open, max: maxWords), .direct)
                    } else if let speaker = subjectBefore(doc, verb.range.lowerBound, floor: region.lowerBound, max: maxWords, lexicons) {
                        found = (verb, speaker, .direct)
                    } else if let speaker = phraseAfter(doc, verb.range.upperBound, ceiling: q.open, max: maxWords) {
                        found = (verb, speaker, .direct)
                    }
                }
            }
            // 3. A report verb elsewhere in the sentence: The mayor called the audit “…”.
            if found == nil {
                let region = openingSentence.tokens.lowerBound..<closingSentence.tokens.upperBound
                if let verb = verbs(doc, lexicons, in: region).first(where: { !q.inner.contains($0.range.lowerBound) }),
                   let speaker = subjectBefore(doc, verb.range.lowerBound, floor: openingSentence.tokens.lowerBound, max: maxWords, lexicons) {
                    found = (verb, speaker, .direct)
                }
            }
            if let found {
                let attribution = Attribution(
                    kind: found.kind,
                    speaker: found.speaker.map { doc.text(tokens: $0) },
                    speakerText: found.speaker.map { doc.text(tokens: $0) },
                    speakerTokens: found.speaker,
                    verb: doc.text(tokens: found.verb.range), verbTokens: found.verb.range,
                    verbCategory: found.verb.category, verbWeight: found.verb.weight,
                    sentence: doc.sentenceIndex(ofToken: found.verb.range.lowerBound),
                    content: q.inner)
                doc.attributions.append(attribution)
                doc.quotations[qi].attribution = doc.attributions.count - 1
                chainAttribution[q.chain] = doc.attributions.count - 1
            }
        }
        // Quotations in a chain without a verb of their own take the chain's speaker.
        for qi in doc.quotations.indices where doc.quotations[qi].attribution == nil {
            if let a = chainAttribution[doc.quotations[qi].chain] {
                doc.quotations[qi].attribution = a
            }
        }
        let scareMax = Int(lexicons.config.scareQuoteMaxWords)
        // A further quotation in the same paragraph with no verb of its own continues the
        // speaker just quoted ("“…,” said Duarte. “…”"), unless it is short enough to be a
        // scare quote.
        var lastInParagraph: (paragraph: Int, attribution: Int)?
        for qi in doc.quotations.indices {
            let q = doc.quotations[qi]
            if let a = q.attribution {
                lastInParagraph = (q.paragraph, a)
            } else if let last = lastInParagraph, last.paragraph == q.paragraph,
                      q.inner.filter({ doc.isWordLike($0) }).count > scareMax {
                doc.quotations[qi].attribution = last.attribution
            }
        }
        // Short quotations with no speaker are the writer's scare quotes.
        for qi in doc.quotations.indices where doc.quotations[qi].attribution == nil {
            let q = doc.quotations[qi]
            let words = q.inner.filter { doc.isWordLike($0) }.count
            if words >= 1, words <= scareMax, !q.unbalanced, !q.continues {
                doc.quotations[qi].isScareQuote = true
                for i in q.inner { doc.voices[i] = .author }
            }
        }
    }

    // MARK: Reported speech

    private static func findReportedSpeech(_ doc: inout Document, _ lexicons: LexiconSet) {
        let maxWords = Int(lexicons.config.speakerMaxWords)
        let usedVerbs = Set(doc.attributions.flatMap { Array($0.verbTokens) })
        for (si, sentence) in doc.sentences.enumerated() {
            let range = sentence.tokens
            for verb in verbs(doc, lexicons, in: range) where !usedVerbs.contains(verb.range.lowerBound) {
                var speaker: Range<Int>?
                var content: Range<Int>?
                var kind = Attribution.Kind.reported
                let first = verb.range.lowerBound
                if doc.norms[first] == "according" {
                    // according to X, CONTENT  |  CONTENT, according to X.
                    kind = .accordingTo
                    speaker = phraseAfter(doc, verb.range.upperBound, ceiling: range.upperBound, max: maxWords)
                    let afterSpeaker = (speaker?.upperBound ?? verb.range.upperBound)
                    var contentStart = afterSpeaker
                    while contentStart < range.upperBound, doc.kind(contentStart) == .punctuation { contentStart += 1 }
                    if first - range.lowerBound >= 3 {
                        content = range.lowerBound..<first
                    } else if range.upperBound - contentStart >= 3 {
                        content = contentStart..<range.upperBound
                    }
                } else if let subject = subjectBefore(doc, first, floor: range.lowerBound, max: maxWords, lexicons) {
                    // X said (that) CONTENT  |  CONTENT, X said.
                    speaker = subject
                    var contentStart = verb.range.upperBound
                    let limit = min(range.upperBound, contentStart + 6)
                    if let that = (contentStart..<limit).first(where: { doc.norms[$0] == "that" }) {
                        contentStart = that + 1
                    }
                    while contentStart < range.upperBound, doc.kind(contentStart) == .punctuation { contentStart += 1 }
                    var contentEnd = range.upperBound
                    while contentEnd > contentStart, doc.kind(contentEnd - 1) == .punctuation { contentEnd -= 1 }
                    if contentEnd - contentStart >= 3 {
                        content = contentStart..<contentEnd
                    } else if subject.lowerBound - range.lowerBound >= 4 {
                        content = range.lowerBound..<subject.lowerBound
                    }
                } else if first > range.lowerBound, isClausePunctuation(doc, first - 1),
                          let after = phraseAfter(doc, verb.range.upperBound, ceiling: range.upperBound, max: maxWords),
                          first - range.lowerBound >= 4,
                          after.upperBound == range.upperBound || isClausePunctuation(doc, after.upperBound),
                          doc.isCapitalized(after.lowerBound) || (lexicons.speakerWords["speaker-determiner"] ?? []).contains(doc.norms[after.lowerBound]) {
                    // CONTENT, said X.
                    speaker = after
                    content = range.lowerBound..<(first - 1)
                }
                guard let speaker, let content else { continue }
                if (lexicons.speakerWords["writer-speaker"] ?? []).contains(doc.norms[speaker.lowerBound]) && speaker.count <= 2 { continue }
                doc.attributions.append(Attribution(
                    kind: kind, speaker: doc.text(tokens: speaker), speakerText: doc.text(tokens: speaker),
                    speakerTokens: speaker, verb: doc.text(tokens: verb.range), verbTokens: verb.range,
                    verbCategory: verb.category, verbWeight: verb.weight, sentence: si, content: content))
                for i in content where doc.voices[i] == .author && !verb.range.contains(i) && !speaker.contains(i) {
                    doc.voices[i] = .reported
                }
                break
            }
        }
    }

    // MARK: Pronouns

    /// A pronoun speaker ("he said") takes the most recent earlier speaker whose phrase holds
    /// a capitalised name; otherwise it stays as written.
    private static func resolvePronouns(_ doc: inout Document, pronouns: Set<String>) {
        let order = doc.attributions.indices.sorted {
            doc.attributions[$0].verbTokens.lowerBound < doc.attributions[$1].verbTokens.lowerBound
        }
        var lastNamed: String?
        for ai in order {
            guard let tokens = doc.attributions[ai].speakerTokens else { continue }
            if tokens.count == 1, pronouns.contains(doc.norms[tokens.lowerBound]) {
                if let lastNamed { doc.attributions[ai].speaker = lastNamed }
            } else if tokens.contains(where: { doc.isCapitalized($0) && $0 != doc.sentences[doc.attributions[ai].sentence].tokens.lowerBound || doc.isCapitalized($0) && tokens.count > 1 }) {
                lastNamed = doc.attributions[ai].speaker
            }
        }
    }
}
