import Foundation

/// Inline SVG charts for the HTML reports.
///
/// Colours are from the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies), and every distinction colour makes is made a second way too: a hatch
/// pattern (writer's voice versus quoted), a marker shape (fact versus opinion), or a bar's
/// direction (positive versus negative), so charts survive grayscale printing. Each chart has
/// a `<title>` and `<desc>` for screen readers, axis labels and a legend.
enum Charts {
    static let blue = "#0072B2", vermillion = "#D55E00", orange = "#E69F00", sky = "#56B4E9", gray = "#6E6E6E"

    /// XML-escapes text for SVG.
    static func esc(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func n(_ v: Double) -> String { String(format: "%.1f", v) }
    static func v2(_ v: Double) -> String { String(format: "%.2f", v) }

    private static func open(_ id: String, width: Double, height: Double, title: String, desc: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 \(n(width)) \(n(height))" aria-labelledby="\(id)-title \(id)-desc">
        <title id="\(id)-title">\(esc(title))</title>
        <desc id="\(id)-desc">\(esc(desc))</desc>
        <defs><pattern id="\(id)-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="\(vermillion)" stroke-width="3"/></pattern></defs>

        """
    }

    /// Nice tick step for a range.
    static func ticks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum > 0 else { return [0] }
        let raw = maximum / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return stride(from: 0, through: maximum + step * 0.001, by: step).map { $0 }
    }

    /// Grouped horizontal bars: loaded-language hits per 100 words by category, writer's voice
    /// (solid) next to quoted and reported speech (hatched).
    static func loadedCategories(id: String, rows: [(name: String, author: Double, quoted: Double)]) -> String {
        let labelWidth = 170.0, plotWidth = 360.0, rowHeight = 30.0, top = 40.0
        let height = top + Double(max(rows.count, 1)) * rowHeight + 50
        let desc = rows.isEmpty ? "No loaded language was found."
            : rows.map { "\($0.name): writer \(v2($0.author)), quoted \(v2($0.quoted)) per 100 words" }.joined(separator: "; ")
        var svg = open(id, width: labelWidth + plotWidth + 30, height: height,
                       title: "Loaded language by category, writer's voice and quoted speech", desc: desc)
        svg += legend(x: labelWidth, y: 14, items: [("solid", blue, "writer's voice"), ("hatch", "url(#\(id)-hatch)", "quoted or reported")])
        guard !rows.isEmpty else {
            svg += "<text x=\"\(n(labelWidth))\" y=\"\(n(top + 20))\" class=\"note\">No loaded language found.</text>\n</svg>"
            return svg
        }
        let maximum = max(rows.map { max($0.author, $0.quoted) }.max() ?? 0, 0.1)
        let scale = ticks(upTo: maximum)
        let xMax = scale.last ?? maximum
        func x(_ value: Double) -> Double { labelWidth + value / xMax * plotWidth }
        let bottom = top + Double(rows.count) * rowHeight
        for t in scale {
            svg += "<line x1=\"\(n(x(t)))\" y1=\"\(n(top))\" x2=\"\(n(x(t)))\" y2=\"\(n(bottom))\" class=\"grid\"/>"
            svg += "<text x=\"\(n(x(t)))\" y=\"\(n(bottom + 16))\" text-anchor=\"middle\" class=\"tick\">\(v2(t))</text>\n"
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 18))\" text-anchor=\"end\" class=\"label\">\(esc(row.name))</text>"
            svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 4))\" width=\"\(n(x(row.author) - labelWidth))\" height=\"10\" fill=\"\(blue)\"><title>\(esc(row.name)), writer's voice: \(v2(row.author)) per 100 words</title></rect>"
            svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 15))\" width=\"\(n(x(row.quoted) - labelWidth))\" height=\"10\" fill=\"url(#\(id)-hatch)\" stroke=\"\(vermillion)\" stroke-width=\"0.5\"><title>\(esc(row.name)), quoted: \(v2(row.quoted)) per 100 words</title></rect>\n"
        }
        svg += axisLabel(x: labelWidth + plotWidth / 2, y: bottom + 36, "hits per 100 words")
        return svg + "</svg>"
    }

    /// The opinion score of each content paragraph along the article, with the threshold.
    static func opinionAlongArticle(id: String, points: [(index: Int, score: Double, opinion: Bool)], paragraphs: Int, threshold: Double) -> String {
        let left = 50.0, plotWidth = 460.0, top = 40.0, plotHeight = 160.0
        let desc = points.map { "paragraph \($0.index): \(v2($0.score)) (\($0.opinion ? "opinion" : "fact"))" }.joined(separator: "; ")
        var svg = open(id, width: left + plotWidth + 20, height: top + plotHeight + 50,
                       title: "Opinion score along the article", desc: desc.isEmpty ? "No content paragraphs." : desc)
        svg += legend(x: left, y: 14, items: [("circle", blue, "fact"), ("triangle", vermillion, "opinion"), ("dash", gray, "threshold \(v2(threshold))")])
        let last = max(paragraphs - 1, 1)
        func x(_ i: Int) -> Double { left + Double(i) / Double(last) * plotWidth }
        func y(_ s: Double) -> Double { top + (1 - s) * plotHeight }
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(t)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(t)))\" class=\"grid\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(t) + 4))\" text-anchor=\"end\" class=\"tick\">\(v2(t))</text>\n"
        }
        svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(threshold)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(threshold)))\" stroke=\"\(gray)\" stroke-dasharray=\"5 4\" stroke-width=\"1.5\"/>\n"
        if points.count > 1 {
            svg += "<polyline fill=\"none\" stroke=\"\(gray)\" stroke-width=\"1\" points=\"" + points.map { "\(n(x($0.index))),\(n(y($0.score)))" }.joined(separator: " ") + "\"/>\n"
        }
        for p in points {
            svg += marker(p.opinion ? "triangle" : "circle", x: x(p.index), y: y(p.score), color: p.opinion ? vermillion : blue,
                          title: "paragraph \(p.index): \(v2(p.score)) (\(p.opinion ? "opinion" : "fact"))")
        }
        let tickStep = max(1, paragraphs / 10)
        for i in stride(from: 0, to: paragraphs, by: tickStep) {
            svg += "<text x=\"\(n(x(i)))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\" class=\"tick\">\(i)</text>"
        }
        svg += "\n" + axisLabel(x: left + plotWidth / 2, y: top + plotHeight + 36, "paragraph")
        svg += "<text x=\"12\" y=\"\(n(top + plotHeight / 2))\" transform=\"rotate(-90 12 \(n(top + plotHeight / 2)))\" text-anchor=\"middle\" class=\"axis\">opinion score</text>\n"
        return svg + "</svg>"
    }

    /// Sentiment (compound, −1…1) of each content paragraph as bars from zero.
    static func sentimentPerParagraph(id: String, values: [(index: Int, compound: Double)], paragraphs: Int) -> String {
        let left = 50.0, plotWidth = 460.0, top = 40.0, plotHeight = 160.0
        let desc = values.map { "paragraph \($0.index): \(v2($0.compound))" }.joined(separator: "; ")
        var svg = open(id, width: left + plotWidth + 20, height: top + plotHeight + 50,
                       title: "Sentiment per paragraph", desc: desc.isEmpty ? "No content paragraphs." : desc)
        svg += legend(x: left, y: 14, items: [("solid", sky, "positive (up)"), ("hatch", "url(#\(id)-hatch)", "negative (down)")])
        func y(_ s: Double) -> Double { top + (1 - (s + 1) / 2) * plotHeight }
        for t in [-1.0, -0.5, 0, 0.5, 1] {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(t)))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(y(t)))\" class=\"\(t == 0 ? "zero" : "grid")\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(t) + 4))\" text-anchor=\"end\" class=\"tick\">\(v2(t))</text>\n"
        }
        let slot = plotWidth / Double(max(paragraphs, 1))
        let barWidth = max(2, slot * 0.7)
        for value in values {
            let x = left + Double(value.index) * slot + (slot - barWidth) / 2
            let top = min(y(value.compound), y(0)), height = abs(y(value.compound) - y(0))
            let fill = value.compound >= 0 ? sky : "url(#\(id)-hatch)"
            svg += "<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(barWidth))\" height=\"\(n(max(height, 0.5)))\" fill=\"\(fill)\" stroke=\"\(value.compound >= 0 ? blue : vermillion)\" stroke-width=\"0.5\"><title>paragraph \(value.index): \(v2(value.compound))</title></rect>\n"
        }
        let tickStep = max(1, paragraphs / 10)
        for i in stride(from: 0, to: paragraphs, by: tickStep) {
            svg += "<text x=\"\(n(left + (Double(i) + 0.5) * slot))\" y=\"\(n(top + plotHeight + 16))\" text-anchor=\"middle\" class=\"tick\">\(i)</text>"
        }
        svg += "\n" + axisLabel(x: left + plotWidth / 2, y: top + plotHeight + 36, "paragraph")
        svg += "<text x=\"12\" y=\"\(n(top + plotHeight / 2))\" transform=\"rotate(-90 12 \(n(top + plotHeight / 2)))\" text-anchor=\"middle\" class=\"axis\">sentiment (compound)</text>\n"
        return svg + "</svg>"
    }

    /// One measure across groups: a bar per group with its 95% interval as a whisker.
    static func groupMeasure(id: String, measure: String, rows: [(name: String, value: Double?, low: Double?, high: Double?)]) -> String {
        let labelWidth = 150.0, plotWidth = 330.0, rowHeight = 24.0, top = 16.0
        let height = top + Double(max(rows.count, 1)) * rowHeight + 44
        let desc = rows.map { r in "\(r.name): \(r.value.map(v2) ?? "no value")" + (r.low.map { " [\(v2($0)), \(v2(r.high ?? $0))]" } ?? "") }.joined(separator: "; ")
        var svg = open(id, width: labelWidth + plotWidth + 30, height: height, title: "\(measure) by group with 95% intervals", desc: desc)
        let values = rows.flatMap { [$0.value, $0.low, $0.high].compactMap { $0 } }
        let lowest = min(0, values.min() ?? 0), highest = max(values.max() ?? 0, 0.01)
        let span = highest - lowest
        func x(_ v: Double) -> Double { labelWidth + (v - lowest) / span * plotWidth }
        let bottom = top + Double(rows.count) * rowHeight
        for t in stride(from: 0, through: 4, by: 1).map({ lowest + span * Double($0) / 4 }) {
            svg += "<line x1=\"\(n(x(t)))\" y1=\"\(n(top))\" x2=\"\(n(x(t)))\" y2=\"\(n(bottom))\" class=\"grid\"/>"
            svg += "<text x=\"\(n(x(t)))\" y=\"\(n(bottom + 14))\" text-anchor=\"middle\" class=\"tick\">\(v2(t))</text>\n"
        }
        svg += "<line x1=\"\(n(x(0)))\" y1=\"\(n(top))\" x2=\"\(n(x(0)))\" y2=\"\(n(bottom))\" class=\"zero\"/>\n"
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 16))\" text-anchor=\"end\" class=\"label\">\(esc(row.name))</text>"
            if let value = row.value {
                let a = min(x(0), x(value)), w = abs(x(value) - x(0))
                svg += "<rect x=\"\(n(a))\" y=\"\(n(y + 5))\" width=\"\(n(max(w, 0.5)))\" height=\"14\" fill=\"\(sky)\" stroke=\"\(blue)\" stroke-width=\"0.5\"><title>\(esc(row.name)): \(v2(value))</title></rect>"
            }
            if let low = row.low, let high = row.high {
                let cy = y + 12
                svg += "<line x1=\"\(n(x(low)))\" y1=\"\(n(cy))\" x2=\"\(n(x(high)))\" y2=\"\(n(cy))\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
                svg += "<line x1=\"\(n(x(low)))\" y1=\"\(n(cy - 5))\" x2=\"\(n(x(low)))\" y2=\"\(n(cy + 5))\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
                svg += "<line x1=\"\(n(x(high)))\" y1=\"\(n(cy - 5))\" x2=\"\(n(x(high)))\" y2=\"\(n(cy + 5))\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
            }
            svg += "\n"
        }
        svg += axisLabel(x: labelWidth + plotWidth / 2, y: bottom + 34, measure + " (bar: value; whisker: 95% interval)")
        return svg + "</svg>"
    }

    /// A groups × groups matrix as a heatmap with the value printed in each cell.
    static func heatmap(id: String, title: String, names: [String], values: [[Double?]]) -> String {
        let labelWidth = 150.0, cell = 46.0, top = 110.0
        let width = labelWidth + cell * Double(names.count) + 20, height = top + cell * Double(names.count) + 20
        var desc: [String] = []
        for (a, row) in values.enumerated() { for (b, v) in row.enumerated() where b > a { desc.append("\(names[a]) ~ \(names[b]): \(v.map(v2) ?? "none")") } }
        var svg = open(id, width: width, height: height, title: title, desc: desc.joined(separator: "; "))
        for (b, name) in names.enumerated() {
            let x = labelWidth + cell * Double(b) + cell / 2
            svg += "<text x=\"\(n(x))\" y=\"\(n(top - 8))\" transform=\"rotate(-45 \(n(x)) \(n(top - 8)))\" class=\"label\">\(esc(name))</text>\n"
        }
        for (a, row) in values.enumerated() {
            let y = top + cell * Double(a)
            svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + cell / 2 + 4))\" text-anchor=\"end\" class=\"label\">\(esc(names[a]))</text>"
            for (b, value) in row.enumerated() {
                let x = labelWidth + cell * Double(b)
                let v = max(0, min(1, value ?? 0))
                // Single-hue lightness ramp: reads the same in grayscale.
                let level = Int((1 - v) * 225) + 20
                let fill = value == nil ? "#ffffff" : String(format: "#%02x%02x%02x", level / 2, level * 3 / 4, min(255, level + 30))
                let ink = v > 0.55 ? "#ffffff" : "#000000"
                svg += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(cell))\" height=\"\(n(cell))\" fill=\"\(fill)\" stroke=\"#ffffff\"><title>\(esc(names[a])) ~ \(esc(names[b])): \(value.map(v2) ?? "none")</title></rect>"
                svg += "<text x=\"\(n(x + cell / 2))\" y=\"\(n(y + cell / 2 + 4))\" text-anchor=\"middle\" class=\"cell\" fill=\"\(ink)\">\(value.map(v2) ?? "–")</text>"
            }
            svg += "\n"
        }
        return svg + "</svg>"
    }

    private static func legend(x: Double, y: Double, items: [(kind: String, color: String, label: String)]) -> String {
        var out = ""
        var cursor = x
        for item in items {
            switch item.kind {
            case "circle": out += "<circle cx=\"\(n(cursor + 6))\" cy=\"\(n(y))\" r=\"5\" fill=\"\(item.color)\"/>"
            case "triangle": out += "<polygon points=\"\(n(cursor + 6)),\(n(y - 6)) \(n(cursor + 12)),\(n(y + 5)) \(n(cursor)),\(n(y + 5))\" fill=\"\(item.color)\"/>"
            case "dash": out += "<line x1=\"\(n(cursor))\" y1=\"\(n(y))\" x2=\"\(n(cursor + 14))\" y2=\"\(n(y))\" stroke=\"\(item.color)\" stroke-dasharray=\"4 3\" stroke-width=\"1.5\"/>"
            default: out += "<rect x=\"\(n(cursor))\" y=\"\(n(y - 6))\" width=\"14\" height=\"12\" fill=\"\(item.color)\" stroke=\"#333333\" stroke-width=\"0.5\"/>"
            }
            out += "<text x=\"\(n(cursor + 20))\" y=\"\(n(y + 4))\" class=\"legend\">\(esc(item.label))</text>"
            cursor += 34 + Double(item.label.count) * 6.2
        }
        return out + "\n"
    }

    private static func marker(_ kind: String, x: Double, y: Double, color: String, title: String) -> String {
        if kind == "triangle" {
            return "<polygon points=\"\(n(x)),\(n(y - 6)) \(n(x + 6)),\(n(y + 5)) \(n(x - 6)),\(n(y + 5))\" fill=\"\(color)\"><title>\(esc(title))</title></polygon>\n"
        }
        return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"5\" fill=\"\(color)\"><title>\(esc(title))</title></circle>\n"
    }

    private static func axisLabel(x: Double, y: Double, _ text: String) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"middle\" class=\"axis\">\(esc(text))</text>\n"
    }
}
