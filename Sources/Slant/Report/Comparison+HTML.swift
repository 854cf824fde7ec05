import Foundation

extension ComparisonRun {
    /// Readable names of the headline measures.
    public static let measureLabels: [String: String] = [
        "opinionShare": "Opinion share",
        "loadedPer100": "Loaded language per 100 words",
        "authorPer100": "Loaded per 100 words, writer's voice",
        "quotedPer100": "Loaded per 100 words, quoted speech",
        "sentiment": "Sentiment (compound)",
    ]

    /// Documents listed in the report's drill-down at most; the report says how many more.
    public static let drillDownLimit = 100

    /// The view model the comparison templates render.
    public func templateContext(_ report: ReportOptions = ReportOptions()) -> [String: Any] {
        func f(_ v: Double?, _ digits: Int = 3) -> String { v.map { String(format: "%.\(digits)f", $0) } ?? "–" }
        func p(_ v: Double?) -> String { v.map { $0 < 0.001 ? "<0.001" : String(format: "%.3f", $0) } ?? "–" }
        let title = groupBy.map { "Comparison by \($0)" } ?? "Comparison of " + groups.map(\.name).joined(separator: ", ")
        let groupViews: [[String: Any]] = groups.enumerated().map { index, g in
            [
                "name": g.name, "anchor": "group-\(index)", "documents": g.documents, "words": g.words,
                "measures": g.measures.map { m in
                    ["value": f(m.value), "interval": m.low == nil ? "no interval" : "[\(f(m.low)), \(f(m.high))]"] as [String: Any]
                },
                "categories": g.categories.filter { ($0.value ?? 0) > 0 }.map { m in
                    ["name": m.name, "value": f(m.value), "interval": m.low == nil ? "" : "[\(f(m.low)), \(f(m.high))]"] as [String: Any]
                },
                "stances": zip(g.stances, g.stanceDocuments).map { m, n in
                    ["name": m.name, "value": f(m.value), "interval": m.low == nil ? "" : "[\(f(m.low)), \(f(m.high))]", "documents": n] as [String: Any]
                },
                "notes": g.notes.joined(separator: "; "), "hasNotes": !g.notes.isEmpty,
            ]
        }
        let charts: [[String: Any]] = Self.measures.enumerated().map { k, measure in
            let label = Self.measureLabels[measure] ?? measure
            let rows = groups.map { g in (name: g.name, value: g.measures[k].value, low: g.measures[k].low, high: g.measures[k].high) }
            return ["label": label, "svg": Charts.groupMeasure(id: "chart-\(measure)", measure: label, rows: rows)]
        }
        let testViews: [[String: Any]] = tests.map { t in
            [
                "a": groups[t.a].name, "b": groups[t.b].name, "measure": Self.measureLabels[t.measure] ?? t.measure,
                "difference": f(t.difference), "effect": f(t.effectSize, 2), "p": p(t.pValue), "padjusted": p(t.pAdjusted),
                "measureKey": t.measure,
                "significant": (t.pAdjusted ?? 1) < 0.05,
            ]
        }
        func terms(_ list: [KeyTerm]) -> [[String: Any]] {
            list.map { ["term": $0.term, "g2": f($0.g2, 1), "logRatio": f($0.logRatio, 2), "countGroup": $0.countGroup, "countRest": $0.countRest] }
        }
        let keynessViews: [[String: Any]] = keyness.map { k in
            ["group": groups[k.group].name, "loaded": terms(k.loaded), "terms": terms(k.terms),
             "hasLoaded": !k.loaded.isEmpty, "hasTerms": !k.terms.isEmpty]
        }
        // Per-article drill-down for the documents in the closest pairs.
        var documentIndex: [String: Int] = [:]
        var documents: [[String: Any]] = []
        var omitted = 0
        func anchor(_ group: Int, _ id: String, _ opinion: Double?, _ loaded: Double?, _ sentiment: Double?) -> String? {
            let key = "\(group)\u{1F}\(id)"
            if let index = documentIndex[key] { return "doc-\(index)" }
            guard documents.count < Self.drillDownLimit else { omitted += 1; return nil }
            let index = documents.count
            documentIndex[key] = index
            documents.append(["anchor": "doc-\(index)", "id": id, "group": groups[group].name,
                              "opinionShare": f(opinion, 2), "loadedPer100": f(loaded, 2), "sentiment": f(sentiment, 2)])
            return "doc-\(index)"
        }
        let pairs: [[String: Any]] = similarity.closest.map { c in
            let anchorA = anchor(c.a, c.idA, c.opinionShare.0, c.loadedPer100.0, c.sentiment.0)
            let anchorB = anchor(c.b, c.idB, c.opinionShare.1, c.loadedPer100.1, c.sentiment.1)
            return [
                "a": groups[c.a].name, "b": groups[c.b].name, "idA": c.idA, "idB": c.idB,
                "anchorA": anchorA ?? "", "anchorB": anchorB ?? "", "hasAnchorA": anchorA != nil, "hasAnchorB": anchorB != nil,
                "score": f(c.score),
                "opinion": "\(f(c.opinionShare.0, 2)) → \(f(c.opinionShare.1, 2))",
                "loaded": "\(f(c.loadedPer100.0, 2)) → \(f(c.loadedPer100.1, 2))",
                "sentiment": "\(f(c.sentiment.0, 2)) → \(f(c.sentiment.1, 2))",
            ]
        }
        let names = groups.map(\.name)
        let similarityRows: [[String: Any]] = groups.indices.map { a in
            ["name": groups[a].name, "within": f(similarity.within[a]),
             "centroids": groups.indices.map { f(similarity.centroids[a][$0]) },
             "between": groups.indices.filter { $0 != a }.map { b in "\(groups[b].name) \(f(similarity.between[a][b]))" }.joined(separator: ", ")]
        }
        let skippedShown = skipped.prefix(50).map { ["location": $0.location, "reason": $0.reason] }
        return [
            "title": title, "version": SlantVersion.current,
            "groupBy": groupBy ?? "", "hasGroupBy": groupBy != nil,
            "notes": notes, "hasNotes": !notes.isEmpty,
            "measureHeaders": Self.measures.map { Self.measureLabels[$0] ?? $0 },
            "groups": groupViews, "charts": charts,
            "hasStance": !stanceTargets.isEmpty, "stanceTargets": stanceTargets.joined(separator: ", "),
            "tests": testViews, "hasTests": !tests.isEmpty,
            "correction": options.correction == .holm ? "Holm" : "Benjamini–Hochberg",
            "keyness": keynessViews, "hasKeyness": !keyness.isEmpty,
            "heatmap": Charts.heatmap(id: "chart-centroids", title: "Centroid similarity between groups", names: names, values: similarity.centroids),
            "similarityRows": similarityRows, "groupNames": names,
            "pairs": pairs, "hasPairs": !pairs.isEmpty,
            "documents": documents, "hasDocuments": !documents.isEmpty,
            "omittedDocuments": omitted, "hasOmittedDocuments": omitted > 0,
            "methods": methods,
            "skipped": Array(skippedShown), "skippedCount": skipped.count, "hasSkipped": !skipped.isEmpty,
            "skippedMore": max(0, skipped.count - skippedShown.count), "hasSkippedMore": skipped.count > skippedShown.count,
            "options": report.options.isEmpty ? "none" : report.options.joined(separator: " "),
            "timestamp": report.timestamp ?? "", "hasTimestamp": report.timestamp != nil,
        ]
    }

    /// The Markdown report from a template (the built-in one by default).
    public func markdown(template: ReportTemplate? = nil, options: ReportOptions = ReportOptions()) -> String {
        let chosen = template ?? (try? ReportTemplate.builtIn("compare.md.mustache"))
        return chosen?.render(templateContext(options)) ?? ""
    }

    /// The HTML report from a template (the built-in one by default).
    public func html(template: ReportTemplate? = nil, options: ReportOptions = ReportOptions()) throws -> String {
        try (template ?? ReportTemplate.builtIn("compare.html.mustache")).render(templateContext(options))
    }
}
