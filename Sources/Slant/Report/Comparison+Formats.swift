import Foundation

extension ComparisonRun {
    public static let schema = "slant.compare.v1"

    /// The methods behind the numbers, for every report.
    public var methods: [String] {
        [
            "Rates pool documents: hits per 100 words = total hits / total words x 100; opinion share = opinion paragraphs / content paragraphs; sentiment = mean document compound.",
            "Intervals: 95% percentile bootstrap over documents, \(options.resamples) resamples, seed \(options.seed); each interval and each test draws from a SplitMix64 generator of its own, seeded from the seed and its group and measure names.",
            "Tests: two-sided permutation test of the difference, \(permutations) permutations, p = (1 + extreme) / (1 + permutations); p-values adjusted with \(options.correction == .holm ? "Holm's method (family-wise error rate)" : "the Benjamini-Hochberg method (false discovery rate)") over all \(tests.count) tests; effect size is Cohen's d over per-document values.",
            "Keyness: log-likelihood G2 of each group against the rest (Dunning 1993), log ratio = log2 of relative frequencies (Hardie 2014), terms used at least \(options.minTermCount) times.",
            "Stance: a document's stance toward a target is the mean over the mentions something evaluative reaches (slant score); a one-word name joins the longer name across the corpus that ends with it when that name is in at least twice as many documents as any other such name (Trump → Donald Trump); a group's value is the mean over its documents that evaluate the target; targets compared are those evaluated in at least \(options.minStanceDocuments) documents of every group (at most \(options.topTargets)), tested like the other measures (measure stance:NAME).",
            "Similarity: hashed TF-IDF vectors (\(options.dimensions) dimensions), cosine; centroid, mean within- and between-group similarity" + (options.closestPairs > 0 ? ", and each group pair's closest documents." : "; closest documents not searched (--closest-pairs 0)."),
        ]
    }

    private func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    public func json() -> JSONValue {
        func measure(_ m: MeasureSummary) -> (String, JSONValue) {
            (m.name, .object([("value", number(m.value)), ("low", number(m.low)), ("high", number(m.high))]))
        }
        func terms(_ list: [KeyTerm]) -> JSONValue {
            .array(list.map { t in
                .object([("term", .string(t.term)), ("g2", .number(t.g2)), ("logRatio", .number(t.logRatio)),
                         ("countGroup", .int(t.countGroup)), ("countRest", .int(t.countRest))])
            })
        }
        func pair(_ p: (Double?, Double?)) -> JSONValue { .array([number(p.0), number(p.1)]) }
        return .object([
            ("schema", .string(Self.schema)),
            ("groupBy", groupBy.map(JSONValue.string) ?? .null),
            ("groups", .array(groups.map { g in
                .object([
                    ("name", .string(g.name)), ("documents", .int(g.documents)), ("words", .int(g.words)),
                    ("measures", .object(g.measures.map(measure))),
                    ("categories", .object(g.categories.map(measure))),
                    ("stance", .object(zip(g.stances, g.stanceDocuments).map { m, n in
                        (m.name, .object([("value", number(m.value)), ("low", number(m.low)), ("high", number(m.high)), ("documents", .int(n))]))
                    })),
                    ("notes", .array(g.notes.map(JSONValue.string))),
                ])
            })),
            ("comparisons", .array(tests.map { t in
                .object([
                    ("a", .string(groups[t.a].name)), ("b", .string(groups[t.b].name)), ("measure", .string(t.measure)),
                    ("difference", number(t.difference)), ("effectSize", number(t.effectSize)),
                    ("pValue", number(t.pValue)), ("pAdjusted", number(t.pAdjusted)),
                ])
            })),
            ("correction", .string(options.correction.rawValue)),
            ("stanceTargets", .array(stanceTargets.map(JSONValue.string))),
            ("keyness", .array(keyness.map { k in
                .object([("group", .string(groups[k.group].name)), ("loaded", terms(k.loaded)), ("terms", terms(k.terms))])
            })),
            ("similarity", .object([
                ("centroids", .array(similarity.centroids.map { .array($0.map(number)) })),
                ("within", .object(groups.indices.map { (groups[$0].name, number(similarity.within[$0])) })),
                ("between", .array(similarity.between.map { .array($0.map(number)) })),
                ("closestPairs", .array(similarity.closest.map { c in
                    .object([
                        ("a", .string(groups[c.a].name)), ("b", .string(groups[c.b].name)),
                        ("idA", .string(c.idA)), ("idB", .string(c.idB)), ("score", .number(c.score)),
                        ("opinionShare", pair(c.opinionShare)), ("loadedPer100", pair(c.loadedPer100)),
                        ("sentiment", pair(c.sentiment)),
                    ])
                })),
            ])),
            ("options", .object([
                ("resamples", .int(options.resamples)), ("permutations", .int(permutations)),
                ("seed", .int(Int(options.seed))), ("dimensions", .int(options.dimensions)),
            ])),
            ("methods", .array(methods.map(JSONValue.string))),
            ("notes", .array(notes.map(JSONValue.string))),
            ("skipped", .array(skipped.map { $0.json() })),
        ])
    }

    private func f(_ value: Double?, _ digits: Int = 3) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "–"
    }

    private func p(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value < 0.001 ? "<0.001" : String(format: "%.3f", value)
    }

    private func interval(_ m: MeasureSummary) -> String {
        m.low == nil ? "\(f(m.value))" : "\(f(m.value)) [\(f(m.low)), \(f(m.high))]"
    }

    public func text() -> String {
        var out = "compare: \(groups.count) groups" + (groupBy.map { " by '\($0)'" } ?? "") + "\n"
        for note in notes { out += "note: \(note)\n" }
        out += "\nGroups (value [95% CI])\n"
        for g in groups {
            out += "\n\(g.name): \(g.documents) documents, \(g.words) words\n"
            for m in g.measures { out += "  \(m.name): \(interval(m))\n" }
            let used = g.categories.filter { ($0.value ?? 0) > 0 }
            if !used.isEmpty { out += "  categories per 100 words: " + used.map { "\($0.name) \(f($0.value))" }.joined(separator: ", ") + "\n" }
            for (m, n) in zip(g.stances, g.stanceDocuments) { out += "  stance toward \(m.name): \(interval(m)) (\(n) documents)\n" }
            for note in g.notes { out += "  note: \(note)\n" }
        }
        if !tests.isEmpty {
            out += "\nDifferences (a − b; Cohen's d; permutation p; \(options.correction == .holm ? "Holm" : "BH")-adjusted p)\n"
            for t in tests {
                out += "  \(groups[t.a].name) vs \(groups[t.b].name) \(t.measure): \(f(t.difference)) d=\(f(t.effectSize, 2)) p=\(p(t.pValue)) adj=\(p(t.pAdjusted))\n"
            }
        }
        for k in keyness {
            out += "\nKey terms of \(groups[k.group].name) (G2, log ratio, count here / rest)\n"
            out += "  loaded: " + (k.loaded.isEmpty ? "none" : k.loaded.map { "\($0.term) (\(f($0.g2, 1)), \(f($0.logRatio, 2)), \($0.countGroup)/\($0.countRest))" }.joined(separator: ", ")) + "\n"
            out += "  all: " + (k.terms.isEmpty ? "none" : k.terms.map { "\($0.term) (\(f($0.g2, 1)), \(f($0.logRatio, 2)), \($0.countGroup)/\($0.countRest))" }.joined(separator: ", ")) + "\n"
        }
        out += "\nSimilarity\n"
        for (a, g) in groups.enumerated() {
            out += "  \(g.name): within \(f(similarity.within[a])); centroid similarity " +
                groups.indices.filter { $0 != a }.map { "\(groups[$0].name) \(f(similarity.centroids[a][$0]))" }.joined(separator: ", ") + "\n"
        }
        if !similarity.closest.isEmpty {
            out += "\nClosest cross-group pairs (score; opinion share, loaded per 100, sentiment: a → b)\n"
            for c in similarity.closest {
                out += "  \(f(c.score)) \(groups[c.a].name):\(c.idA) ~ \(groups[c.b].name):\(c.idB); "
                out += "opinion \(f(c.opinionShare.0, 2))→\(f(c.opinionShare.1, 2)), loaded \(f(c.loadedPer100.0, 2))→\(f(c.loadedPer100.1, 2)), sentiment \(f(c.sentiment.0, 2))→\(f(c.sentiment.1, 2))\n"
            }
        }
        out += "\nMethods\n" + methods.map { "  " + $0 }.joined(separator: "\n") + "\n"
        out += skippedText(skipped)
        return out
    }

    /// One long table: `section,group,other,measure,value,low,high,effect_size,p_value,p_adjusted,count_group,count_other`.
    public func csv() -> String {
        func n(_ v: Double?) -> String { v.map { String(format: "%.6f", $0) } ?? "" }
        var out = CSV.row(["section", "group", "other", "measure", "value", "low", "high", "effect_size", "p_value", "p_adjusted", "count_group", "count_other"])
        for g in groups {
            for m in g.measures { out += CSV.row(["group", g.name, "", m.name, n(m.value), n(m.low), n(m.high), "", "", "", String(g.documents), ""]) }
            for m in g.categories { out += CSV.row(["category", g.name, "", m.name, n(m.value), n(m.low), n(m.high), "", "", "", String(g.documents), ""]) }
            for (m, count) in zip(g.stances, g.stanceDocuments) { out += CSV.row(["stance", g.name, "", m.name, n(m.value), n(m.low), n(m.high), "", "", "", String(count), ""]) }
        }
        for t in tests {
            out += CSV.row(["difference", groups[t.a].name, groups[t.b].name, t.measure, n(t.difference), "", "", n(t.effectSize), n(t.pValue), n(t.pAdjusted),
                            String(groups[t.a].documents), String(groups[t.b].documents)])
        }
        for k in keyness {
            for t in k.loaded { out += CSV.row(["keyness-loaded", groups[k.group].name, "rest", t.term, n(t.g2), "", "", n(t.logRatio), "", "", String(t.countGroup), String(t.countRest)]) }
            for t in k.terms { out += CSV.row(["keyness", groups[k.group].name, "rest", t.term, n(t.g2), "", "", n(t.logRatio), "", "", String(t.countGroup), String(t.countRest)]) }
        }
        for a in groups.indices {
            out += CSV.row(["similarity-within", groups[a].name, "", "cosine", n(similarity.within[a]), "", "", "", "", "", String(groups[a].documents), ""])
            for b in groups.indices where b != a {
                out += CSV.row(["similarity-centroid", groups[a].name, groups[b].name, "cosine", n(similarity.centroids[a][b]), "", "", "", "", "", "", ""])
                out += CSV.row(["similarity-between", groups[a].name, groups[b].name, "cosine", n(similarity.between[a][b]), "", "", "", "", "", "", ""])
            }
        }
        for c in similarity.closest {
            out += CSV.row(["closest-pair", groups[c.a].name, groups[c.b].name, c.idA + " ~ " + c.idB, n(c.score), "", "", "", "", "", "", ""])
        }
        return out
    }

}
