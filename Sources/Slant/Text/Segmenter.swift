/// A paragraph: a span of the input and the sentences and tokens inside it.
public struct Paragraph: Sendable, Equatable {
    public var index: Int
    /// Scalar offsets of the paragraph's text, trimmed of surrounding white space.
    public var start: Int
    public var end: Int
    /// Indices into ``Document/sentences``.
    public var sentences: Range<Int>
    /// Indices into ``Document/tokens``.
    public var tokens: Range<Int>
}

/// A sentence: a span of the input and its tokens.
public struct Sentence: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var tokens: Range<Int>
    public var paragraph: Int
}

/// Finds paragraphs and sentences.
public enum Segmenter {
    /// Paragraph spans of `scalars`.
    ///
    /// Blocks are separated by blank lines. Within a block, lines are joined into one
    /// paragraph when the block looks hard-wrapped (most non-final lines end without
    /// sentence-final punctuation and are long), and otherwise each line is a paragraph
    /// (text that is not hard-wrapped writes one paragraph per line). Markdown headings and
    /// list items always start a paragraph of their own.
    /// - Complexity: O(n).
    public static func paragraphSpans(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        // Lines as trimmed ranges; nil marks a blank line.
        var lines: [Range<Int>?] = []
        var lineStart = 0
        for i in 0...s.count where i == s.count || s[i] == "\n" {
            var a = lineStart, b = i
            while a < b, isSpace(s[a]) { a += 1 }
            while b > a, isSpace(s[b - 1]) { b -= 1 }
            lines.append(a < b ? a..<b : nil)
            lineStart = i + 1
        }
        var spans: [Range<Int>] = []
        var block: [Range<Int>] = []
        func flushBlock() {
            defer { block.removeAll() }
            guard !block.isEmpty else { return }
            if block.count == 1 || !looksHardWrapped(s, block) {
                spans.append(contentsOf: block)
                return
            }
            // Hard-wrapped: join, but let Markdown headings and list items stand alone.
            var current = block[0]
            for line in block.dropFirst() {
                if startsStructure(s, line) || startsStructure(s, current) {
                    spans.append(current)
                    current = line
                } else {
                    current = current.lowerBound..<line.upperBound
                }
            }
            spans.append(current)
        }
        for line in lines {
            if let line { block.append(line) } else { flushBlock() }
        }
        flushBlock()
        return spans
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\r" || c == "\u{00A0}" || c == "\u{FEFF}" || c == "\u{200B}"
            || (Tokenizer.isWhitespace(c) && c != "\n")
    }

    /// A Markdown heading, list item or block quote marker at the start of the line.
    static func startsStructure(_ s: [Unicode.Scalar], _ line: Range<Int>) -> Bool {
        let c = s[line.lowerBound]
        if c == "#" || c == ">" { return true }
        if (c == "-" || c == "*" || c == "+" || c == "\u{2022}"), line.count > 1, s[line.lowerBound + 1] == " " { return true }
        var k = line.lowerBound
        while k < line.upperBound, s[k].properties.generalCategory == .decimalNumber { k += 1 }
        return k > line.lowerBound && k + 1 < line.upperBound && (s[k] == "." || s[k] == ")") && s[k + 1] == " "
    }

    /// Hard-wrapped text breaks long lines in mid-sentence: at least half the lines before
    /// the last are long (40 scalars or more) and end without sentence-final punctuation.
    static func looksHardWrapped(_ s: [Unicode.Scalar], _ block: [Range<Int>]) -> Bool {
        let inner = block.dropLast()
        var wrapped = 0
        for line in inner {
            var last = s[line.upperBound - 1]
            var k = line.upperBound - 1
            while k > line.lowerBound, "\"'”’)]".unicodeScalars.contains(last) { k -= 1; last = s[k] }
            if !Tokenizer.isTerminal(last) && last != ":" && line.count >= 40 { wrapped += 1 }
        }
        return wrapped * 2 >= inner.count
    }

    /// Sentence boundaries within one paragraph's tokens.
    ///
    /// A sentence ends at `.`, `?`, `!` or `…` (or a run of them) followed by a word that
    /// starts with a capital, a digit, an opening quote or bracket, or by the paragraph's end.
    /// Closing quotes and brackets right after the punctuation stay with the sentence. A
    /// period does not end a sentence after a title abbreviation (`Mr.`, `Sen.`) or an
    /// initial (`J.`), nor after another abbreviation (`p.m.`, `U.S.`) unless the next word
    /// is a sentence-starter from the segmentation lexicon. An ellipsis ends a sentence only
    /// before a capitalised word.
    ///
    /// - Returns: ranges of token indices, covering `tokens` without gaps.
    /// - Complexity: O(n) in the number of tokens.
    static func sentenceRanges(
        _ s: [Unicode.Scalar], tokens: [Token], in range: Range<Int>, lexicons: LexiconSet
    ) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var sentenceStart = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let token = tokens[i]
            var isCandidate = false
            var abbreviation: Bool? = nil  // nil: not an abbreviation; true: title; false: general
            var isEllipsis = false
            if token.kind == .punctuation, let first = s[token.start..<token.end].first, Tokenizer.isTerminal(first) {
                isCandidate = true
                let text = String(scalars: s[token.start..<token.end])
                isEllipsis = text == "\u{2026}" || text.hasPrefix("..")
                if text == ".", i > range.lowerBound {
                    let previous = tokens[i - 1]
                    if previous.end == token.start, previous.kind == .word {
                        if let isTitle = lexicons.abbreviations[previous.norm + "."] {
                            abbreviation = isTitle
                        } else if previous.end - previous.start == 1, previous.isCapitalized, previous.norm != "i" {
                            abbreviation = true  // an initial
                        }
                    }
                }
            } else if token.kind == .word, token.norm.hasSuffix("."), token.norm.count > 1 {
                isCandidate = true
                abbreviation = lexicons.abbreviations[token.norm] ?? false
            }
            guard isCandidate else { i += 1; continue }
            // Keep closing quotes and brackets that touch the punctuation.
            var last = i
            while last + 1 < range.upperBound {
                let next = tokens[last + 1]
                guard next.start == tokens[last].end, next.kind == .punctuation,
                      let c = s[next.start..<next.end].first,
                      c == "\"" || c == "\u{201D}" || c == "\u{2019}" || c == "'" || c == ")" || c == "]" || c == "\u{00BB}"
                else { break }
                last += 1
            }
            let nextIndex = last + 1
            var boundary = false
            if nextIndex >= range.upperBound {
                boundary = true
            } else {
                let next = tokens[nextIndex]
                let nextChar = s[next.start]
                let opensSomething = Tokenizer.isQuoteMark(nextChar) || nextChar == "(" || nextChar == "[" || nextChar == "\u{2018}"
                let startsUpper = next.isCapitalized || next.kind == .number || opensSomething
                    || (next.kind == .word && !nextChar.properties.isLowercase)
                if !startsUpper {
                    boundary = false
                } else if let isTitle = abbreviation {
                    boundary = !isTitle && lexicons.sentenceStarters.contains(next.norm)
                } else if isEllipsis {
                    boundary = next.isCapitalized
                } else {
                    boundary = true
                }
            }
            if boundary {
                out.append(sentenceStart..<nextIndex)
                sentenceStart = nextIndex
            }
            i = nextIndex
        }
        if sentenceStart < range.upperBound { out.append(sentenceStart..<range.upperBound) }
        return out
    }
}
