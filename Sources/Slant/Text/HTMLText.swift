/// Reduces simple HTML to its paragraphs: one blank-line-separated paragraph per block
/// element (`p`, `h1`–`h6`, `li`, `blockquote`, `figcaption`, `div`, `br`, …), without
/// `script`, `style`, `noscript`, `template` or comments, with character references decoded.
///
/// This is not a full HTML5 parser: it is meant for article pages and saved articles.
enum HTMLText {
    private static let blockTags: Set<String> = [
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "figcaption", "figure", "tr", "table", "section", "article", "header", "footer", "aside",
        "nav", "hr", "pre", "dd", "dt", "dl", "title", "main", "address", "caption",
    ]
    private static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "svg", "head"]

    /// - Complexity: O(n) in the length of the markup.
    static func paragraphs(of html: String) -> String {
        let s = Array(html.unicodeScalars)
        var blocks: [String] = []
        var current = String.UnicodeScalarView()
        var title = ""
        var inTitle = false
        var i = 0
        func flush() {
            let text = collapse(current)
            if !text.isEmpty { blocks.append(text) }
            current = String.UnicodeScalarView()
        }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                if matches(s, i, "<!--") {
                    i = find(s, from: i + 4, "-->").map { $0 + 3 } ?? s.count
                    continue
                }
                guard let close = s[i...].firstIndex(of: ">") else { current.append(c); i += 1; continue }
                let inner = String(scalars: s[(i + 1)..<close]).lowercased()
                let isEnd = inner.hasPrefix("/")
                let name = String(inner.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }))
                i = close + 1
                if !isEnd && skippedTags.contains(name) && !inner.hasSuffix("/") {
                    i = find(s, from: i, "</\(name)", caseInsensitive: true)
                        .flatMap { start in s[start...].firstIndex(of: ">").map { $0 + 1 } } ?? s.count
                    continue
                }
                if name == "title" {
                    if isEnd { inTitle = false; title = collapse(current); current = String.UnicodeScalarView() }
                    else { flush(); inTitle = true }
                    continue
                }
                if blockTags.contains(name) { flush() }
                continue
            }
            if c == "&", let (decoded, next) = entity(s, i) {
                current.append(contentsOf: decoded.unicodeScalars)
                i = next
                continue
            }
            current.append(c)
            i += 1
        }
        if inTitle { title = collapse(current) } else { flush() }
        if !title.isEmpty, blocks.first != title, !blocks.contains(title) { blocks.insert(title, at: 0) }
        return blocks.joined(separator: "\n\n") + (blocks.isEmpty ? "" : "\n")
    }

    private static func collapse(_ text: String.UnicodeScalarView) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for c in text {
            if Tokenizer.isWhitespace(c) || c == "\u{00A0}" {
                space = !out.isEmpty
            } else {
                if space { out.append(" "); space = false }
                out.append(c)
            }
        }
        return String(out)
    }

    private static func matches(_ s: [Unicode.Scalar], _ i: Int, _ literal: String) -> Bool {
        var k = i
        for c in literal.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    private static func find(_ s: [Unicode.Scalar], from: Int, _ literal: String, caseInsensitive: Bool = false) -> Int? {
        let needle = Array(literal.unicodeScalars)
        guard !needle.isEmpty, from <= s.count - needle.count else { return nil }
        var i = from
        while i <= s.count - needle.count {
            var hit = true
            for k in 0..<needle.count {
                var a = s[i + k], b = needle[k]
                if caseInsensitive {
                    if a.value >= 65 && a.value <= 90 { a = Unicode.Scalar(a.value + 32)! }
                    if b.value >= 65 && b.value <= 90 { b = Unicode.Scalar(b.value + 32)! }
                }
                if a != b { hit = false; break }
            }
            if hit { return i }
            i += 1
        }
        return nil
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "mdash": "\u{2014}", "ndash": "\u{2013}",
        "hellip": "\u{2026}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "copy": "\u{00A9}", "eacute": "\u{00E9}",
        "shy": "", "zwj": "\u{200D}", "zwnj": "\u{200C}", "rlm": "\u{200F}", "lrm": "\u{200E}", "bull": "\u{2022}",
        "middot": "\u{00B7}", "euro": "\u{20AC}", "pound": "\u{00A3}", "deg": "\u{00B0}", "times": "\u{00D7}",
    ]

    /// Decodes the character reference at `i` (`&name;`, `&#123;`, `&#x1F;`).
    private static func entity(_ s: [Unicode.Scalar], _ i: Int) -> (String, Int)? {
        var k = i + 1
        var body = ""
        while k < s.count, k - i <= 32, s[k] != ";" {
            let c = s[k]
            guard c.properties.isAlphabetic || (c.value >= 48 && c.value <= 57) || c == "#" else { return nil }
            body.unicodeScalars.append(c)
            k += 1
        }
        guard k < s.count, s[k] == ";", !body.isEmpty else { return nil }
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", k + 1) }
            return (String(scalar), k + 1)
        }
        guard let text = named[body] ?? named[body.lowercased()] else { return nil }
        return (text, k + 1)
    }
}
