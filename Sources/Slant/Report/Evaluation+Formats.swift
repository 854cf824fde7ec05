import Foundation

extension Evaluation {
    /// One object: `task`, `n`, `macroF1`, `accuracy`, `perClass`, `threshold` (binary tasks),
    /// `pearson`, `spearman` (valence), `tokens` (loaded-words), plus the data's path and SHA-256.
    public func json() -> JSONValue {
        func number(_ v: Double?) -> JSONValue { v.map(JSONValue.number) ?? .null }
        func scores(_ s: Metrics.ClassScores) -> JSONValue {
            .object([("precision", .number(s.precision)), ("recall", .number(s.recall)), ("f1", .number(s.f1)), ("support", .int(s.support))])
        }
        var pairs: [(String, JSONValue)] = [
            ("schema", .string("slant.eval.v1")),
            ("task", .string(task.rawValue)),
            ("data", .object([("path", .string(data)), ("sha256", .string(dataSHA256))])),
            ("n", .int(n)),
            ("leftOut", .object(leftOut.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
        ]
        if let b = binary {
            pairs += [
                ("macroF1", .number(b.macroF1)),
                ("accuracy", .number(b.accuracy)),
                ("perClass", .object([(b.positive, scores(b.positiveScores)), (b.negative, scores(b.negativeScores))])),
                ("confusion", .object([
                    ("labels", .array([.string(b.positive), .string(b.negative)])),
                    ("matrix", .array([.array([.int(b.tp), .int(b.fn)]), .array([.int(b.fp), .int(b.tn)])])),
                ])),
                ("threshold", .number(b.threshold)),
                ("thresholdFrom", thresholdSource.map(JSONValue.string) ?? .null),
            ]
        }
        if let m = multiclass, let c = cutoffs {
            pairs += [
                ("macroF1", .number(m.macroF1)),
                ("accuracy", .number(m.accuracy)),
                ("perClass", .object(m.labels.enumerated().map { ($1, scores(m.scores($0))) })),
                ("confusion", .object([
                    ("labels", .array(m.labels.map(JSONValue.string))),
                    ("matrix", .array(m.matrix.map { .array($0.map(JSONValue.int)) })),
                ])),
                ("threshold", .object([("negative", .number(-c.negative)), ("positive", .number(c.positive))])),
                ("thresholdFrom", thresholdSource.map(JSONValue.string) ?? .null),
            ]
        }
        if task == .valence {
            pairs += [("pearson", number(pearson)), ("spearman", number(spearman))]
        }
        if let tokens {
            pairs += [("tokens", scores(tokens))]
        }
        pairs.append(("labelMapping", .string(labelMapping)))
        pairs.append(("version", .string(SlantVersion.current)))
        return .object(pairs)
    }

    private func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "–" }

    public func text() -> String {
        var out = "task: \(task.rawValue)\ndata: \(data) (sha256 \(dataSHA256.prefix(12)), \(n) items evaluated"
        let left = leftOut.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        out += left.isEmpty ? ")\n" : "; left out: \(left.joined(separator: ", ")))\n"
        if let b = binary {
            out += "macro-F1: \(f(b.macroF1))  accuracy: \(f(b.accuracy))  threshold: \(f(b.threshold)) (\(thresholdSource ?? ""))\n"
            for (name, s) in [(b.positive, b.positiveScores), (b.negative, b.negativeScores)] {
                out += "  \(name): precision \(f(s.precision)), recall \(f(s.recall)), F1 \(f(s.f1)), support \(s.support)\n"
            }
            out += "confusion (rows gold, columns predicted; \(b.positive), \(b.negative)):\n  [\(b.tp), \(b.fn)]\n  [\(b.fp), \(b.tn)]\n"
        }
        if let m = multiclass, let c = cutoffs {
            out += "macro-F1: \(f(m.macroF1))  accuracy: \(f(m.accuracy))  cut-offs: negative ≤ \(f(-c.negative)), positive ≥ \(f(c.positive)) (\(thresholdSource ?? ""))\n"
            for (k, name) in m.labels.enumerated() {
                let s = m.scores(k)
                out += "  \(name): precision \(f(s.precision)), recall \(f(s.recall)), F1 \(f(s.f1)), support \(s.support)\n"
            }
            out += "confusion (rows gold, columns predicted; \(m.labels.joined(separator: ", "))):\n" + m.matrix.map { "  \($0)\n" }.joined()
        }
        if task == .valence { out += "pearson: \(f(pearson))  spearman: \(f(spearman))\n" }
        if let tokens {
            out += "tokens: precision \(f(tokens.precision)), recall \(f(tokens.recall)), F1 \(f(tokens.f1)), gold tokens \(tokens.support)\n"
        }
        out += "labels: \(labelMapping)\n"
        return out
    }

    public func markdown() -> String {
        var out = "## \(task.rawValue): \(markdownCell(data))\n\n| measure | value |\n|---|---|\n| items | \(n) |\n"
        if let b = binary {
            out += "| macro-F1 | \(f(b.macroF1)) |\n| accuracy | \(f(b.accuracy)) |\n| threshold | \(f(b.threshold)) |\n"
            for (name, s) in [(b.positive, b.positiveScores), (b.negative, b.negativeScores)] {
                out += "| \(markdownCell(name)) P / R / F1 | \(f(s.precision)) / \(f(s.recall)) / \(f(s.f1)) (n = \(s.support)) |\n"
            }
        }
        if let m = multiclass, let c = cutoffs {
            out += "| macro-F1 | \(f(m.macroF1)) |\n| accuracy | \(f(m.accuracy)) |\n| cut-offs | ≤ \(f(-c.negative)) / ≥ \(f(c.positive)) |\n"
            for (k, name) in m.labels.enumerated() {
                let s = m.scores(k)
                out += "| \(name) P / R / F1 | \(f(s.precision)) / \(f(s.recall)) / \(f(s.f1)) (n = \(s.support)) |\n"
            }
        }
        if task == .valence { out += "| Pearson r | \(f(pearson)) |\n| Spearman ρ | \(f(spearman)) |\n" }
        if let tokens { out += "| token P / R / F1 | \(f(tokens.precision)) / \(f(tokens.recall)) / \(f(tokens.f1)) |\n" }
        return out + "\nLabels: \(markdownCell(labelMapping)). Data SHA-256 `\(dataSHA256)`.\n"
    }
}
