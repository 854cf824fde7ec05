/// Whose words a token is: the writer's own, inside a direct quotation, or inside speech the
/// writer reports and attributes ("X said that …", "according to X, …").
public enum Voice: String, Sendable, Equatable {
    case author
    case quoted
    case reported
}

/// An article after the text pipeline: paragraphs, sentences, tokens, quotations,
/// attributions and the voice of every token, with offsets into ``text``.
public struct Document: Sendable {
    public let source: String
    public let text: String
    public let scalars: [Unicode.Scalar]
    public let warnings: [String]
    public let inputSHA256: String
    public private(set) var tokens: [Token] = []
    public private(set) var sentences: [Sentence] = []
    public private(set) var paragraphs: [Paragraph] = []
    public internal(set) var quotations: [Quotation] = []
    public internal(set) var attributions: [Attribution] = []
    /// One voice per token.
    public internal(set) var voices: [Voice] = []
    /// For each sentence, the attributions whose verb is in it or whose content overlaps it.
    public private(set) var attributionsBySentence: [[Int]] = []
    /// For each paragraph, the quotations that open in it.
    public private(set) var quotationsByParagraph: [[Int]] = []
    /// The word forms the matchers read, held by reference so that a matcher's view of the
    /// document costs one retain, not a copy of every field of the document.
    let forms: TokenForms
    /// Normalised form of each token (``Token/norm``), kept as an array for the matchers.
    var norms: [String] { forms.norms }
    /// Possessive-free form of each token (``Token/stem``).
    var stems: [String?] { forms.stems }
    /// The lexicons' word ids (``Vocabulary``) of `norms` and `stems`, -1 for other words:
    /// each word is hashed once here, and every matcher then compares integers.
    var vocabulary: Vocabulary { forms.vocabulary }
    var normIDs: [Int32] { forms.normIDs }
    var stemIDs: [Int32] { forms.stemIDs }

    /// Runs the text pipeline.
    /// - Complexity: O(n) in the length of the text, apart from attribution, which looks at
    ///   a bounded window around each quotation and report verb.
    public init(_ input: InputText, lexicons: LexiconSet) {
        source = input.source
        text = input.text
        warnings = input.warnings
        inputSHA256 = input.sha256
        let s = Array(input.text.unicodeScalars)
        scalars = s
        var tokens: [Token] = []
        // About one token per five or six characters of news text: reserved once, so the
        // array is not copied as it grows.
        tokens.reserveCapacity(s.count / 5 + 16)
        var paragraphs: [Paragraph] = []
        var spans: [(Range<Int>, Range<Int>)] = []
        for span in Segmenter.paragraphSpans(s) {
            let first = tokens.count
            Tokenizer.append(s, in: span, to: &tokens)
            spans.append((span, first..<tokens.count))
        }
        self.tokens = tokens
        forms = TokenForms(tokens, vocabulary: lexicons.vocabulary)
        var sentences: [Sentence] = []
        for (index, (span, tokenRange)) in spans.enumerated() {
            let firstSentence = sentences.count
            for range in Segmenter.sentenceRanges(s, tokens: tokens, in: tokenRange, lexicons: lexicons) {
                sentences.append(Sentence(start: tokens[range.lowerBound].start,
                                          end: tokens[range.upperBound - 1].end,
                                          tokens: range, paragraph: index))
            }
            paragraphs.append(Paragraph(index: index, start: span.lowerBound, end: span.upperBound,
                                        sentences: firstSentence..<sentences.count, tokens: tokenRange))
        }
        self.sentences = sentences
        self.paragraphs = paragraphs
        voices = Array(repeating: .author, count: tokens.count)
        QuoteFinder.run(on: &self, lexicons: lexicons)
        var bySentence = Array(repeating: [Int](), count: sentences.count)
        for (index, a) in attributions.enumerated() {
            var touched = Set([a.sentence])
            if !a.content.isEmpty {
                for si in sentenceIndex(ofToken: a.content.lowerBound)...sentenceIndex(ofToken: a.content.upperBound - 1) {
                    touched.insert(si)
                }
            }
            for si in touched.sorted() { bySentence[si].append(index) }
        }
        attributionsBySentence = bySentence
        var byParagraph = Array(repeating: [Int](), count: paragraphs.count)
        for (index, q) in quotations.enumerated() { byParagraph[q.paragraph].append(index) }
        quotationsByParagraph = byParagraph
    }

    /// The text between two scalar offsets.
    public func text(_ start: Int, _ end: Int) -> String {
        String(scalars: scalars[start..<end])
    }

    /// The text a token covers.
    public func text(of token: Token) -> String { text(token.start, token.end) }

    /// The text from the first to the last token of a token range.
    public func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return text(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    /// Index of the sentence holding token `i`.
    /// - Complexity: O(log n).
    public func sentenceIndex(ofToken i: Int) -> Int {
        var low = 0, high = sentences.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if sentences[mid].tokens.lowerBound <= i { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Whether token `i` is a word or a number (``Token/isWordLike``), read without copying
    /// the token (and retaining its strings).
    func isWordLike(_ i: Int) -> Bool {
        let k = kind(i)
        return k == .word || k == .number
    }

    /// The kind of token `i`, read without copying the token.
    func kind(_ i: Int) -> Token.Kind {
        tokens.withUnsafeBufferPointer { $0[i].kind }
    }

    /// Scalar offset where token `i` starts, read without copying the token.
    func tokenStart(_ i: Int) -> Int { tokens.withUnsafeBufferPointer { $0[i].start } }
    /// Scalar offset where token `i` ends, read without copying the token.
    func tokenEnd(_ i: Int) -> Int { tokens.withUnsafeBufferPointer { $0[i].end } }
    /// ``Token/isCapitalized`` of token `i`, read without copying the token.
    func isCapitalized(_ i: Int) -> Bool { tokens.withUnsafeBufferPointer { $0[i].isCapitalized } }
    /// ``Token/isAllCaps`` of token `i`, read without copying the token.
    func isAllCaps(_ i: Int) -> Bool { tokens.withUnsafeBufferPointer { $0[i].isAllCaps } }
    /// The text token `i` covers.
    func text(ofToken i: Int) -> String { text(tokenStart(i), tokenEnd(i)) }

    /// The first character of a token.
    func firstScalar(_ i: Int) -> Unicode.Scalar { scalars[tokenStart(i)] }
}

/// Each token's normalised form and stem and their word ids (``Document/forms``).
final class TokenForms: Sendable {
    let norms: [String]
    let stems: [String?]
    let vocabulary: Vocabulary
    let normIDs: [Int32]
    let stemIDs: [Int32]

    init(_ tokens: [Token], vocabulary: Vocabulary) {
        norms = tokens.map(\.norm)
        stems = tokens.map(\.stem)
        self.vocabulary = vocabulary
        normIDs = norms.map(vocabulary.id)
        stemIDs = stems.map { $0.map(vocabulary.id) ?? -1 }
    }
}
