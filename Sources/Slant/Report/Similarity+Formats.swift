import Foundation

extension SimilarityRun {
    /// How documents were represented, for every report.
    public var representation: String {
        if options.profile == .stance {
            return "stance profile: one column per target evaluated in at least two documents (at most \(options.dimensions)), holding the document's mean stance toward it in [-1, 1] (0 when not evaluated), L2-normalised; cosine similarity by BLAS sgemm; documents that evaluate no shared target have no neighbours"
        }
        if options.profile == .scores {
            return "score profile (opinion share, sentiment, loaded language per 100 words by voice and by category), "
                + "each feature standardised over the documents compared, L2-normalised; cosine similarity by BLAS sgemm"
        }
        return "hashed TF-IDF (sublinear tf, smoothed idf, terms in over half of 20+ documents dropped), "
            + "\(options.dimensions) signed hash dimensions, L2-normalised; cosine similarity by BLAS sgemm"
    }

    private func formatScore(_ score: Float) -> String { String(format: "%.6f", Double(score)) }

    /// `id,neighbor,rank,score`, one row per kept pair, rank 1 = nearest.
    public func csv() -> String {
        var out = CSV.row(["id", "neighbor", "rank", "score"])
        for (row, list) in neighbors.enumerated() {
            for n in list { out += CSV.row([corpus.ids[row], neighborID(n), String(n.rank), formatScore(n.score)]) }
        }
        return out
    }

    public func json() -> JSONValue {
        func side(_ s: Side) -> JSONValue { .object([("label", .string(s.label)), ("documents", .int(s.ids.count))]) }
        return .object([
            ("schema", .string("slant.similar.v1")),
            ("corpus", side(corpus)),
            ("against", against.map(side) ?? .null),
            ("options", .object([
                ("top", .int(options.k)),
                ("minScore", options.minScore.map(JSONValue.number) ?? .null),
                ("profile", .string(options.profile.rawValue)),
                ("dimensions", .int(options.dimensions)),
                ("representation", .string(representation)),
            ])),
            ("skipped", .array(skipped.map { $0.json() })),
            ("neighbors", .array(neighbors.enumerated().map { row, list in
                .object([
                    ("id", .string(corpus.ids[row])),
                    ("neighbors", .array(list.map { n in
                        .object([("id", .string(neighborID(n))), ("rank", .int(n.rank)), ("score", .number(Double(n.score)))])
                    })),
                ])
            })),
        ])
    }

    public func text() -> String {
        var out = "similar: \(corpus.label) (\(corpus.ids.count) documents)"
        if let against { out += " against \(against.label) (\(against.ids.count) documents)" }
        out += ", top \(options.k)\n"
        out += "representation: \(representation)\n"
        for (row, list) in neighbors.enumerated() {
            out += "\n\(corpus.ids[row])\n"
            if list.isEmpty { out += "  (no neighbour above the minimum score)\n" }
            for n in list { out += "  \(n.rank). \(formatScore(n.score))  \(neighborID(n))\n" }
        }
        out += skippedText(skipped)
        return out
    }

    public func markdown() -> String {
        var out = "# Similar documents: \(corpus.label)"
        if let against { out += " against \(against.label)" }
        out += "\n\n\(representation).\n\n| id | rank | neighbour | score |\n|---|---|---|---|\n"
        for (row, list) in neighbors.enumerated() {
            for n in list {
                out += "| \(markdownCell(corpus.ids[row])) | \(n.rank) | \(markdownCell(neighborID(n))) | \(formatScore(n.score)) |\n"
            }
        }
        out += skippedMarkdown(skipped)
        return out
    }
}

extension SkippedDocument {
    func json() -> JSONValue {
        .object([("location", .string(location)), ("id", id.map(JSONValue.string) ?? .null), ("reason", .string(reason))])
    }
}

func skippedText(_ skipped: [SkippedDocument]) -> String {
    guard !skipped.isEmpty else { return "" }
    var out = "\nskipped \(skipped.count) document\(skipped.count == 1 ? "" : "s"):\n"
    for s in skipped { out += "  \(s.location): \(s.reason)\n" }
    return out
}

func skippedMarkdown(_ skipped: [SkippedDocument]) -> String {
    guard !skipped.isEmpty else { return "" }
    var out = "\n## Skipped documents\n\n| where | reason |\n|---|---|\n"
    for s in skipped { out += "| \(markdownCell(s.location)) | \(markdownCell(s.reason)) |\n" }
    return out
}

func markdownCell(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
        .replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ")
}
