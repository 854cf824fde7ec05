import Foundation

/// `slant train --task loaded-words`: learns loaded terms from word-level annotations.
///
/// For every word form in the training items, `n` is how often it occurs and `k` how often
/// annotators marked that occurrence as biased; its weight is the smoothed precision
/// `k / (n + 1)`. Words marked at least `m` times with a weight at or above a cut-off become
/// entries of category `learned`; `m` and the cut-off are chosen together by cross-validation
/// (token-level F1 of Slant's loaded-language detection with the learned list added, over the
/// items' own folds).
public enum LoadedTraining {
    public struct Result: Sendable {
        public var entries: [(term: String, weight: Double, marked: Int, seen: Int)]
        public var cutoff: Double
        public var minimumMarks: Int
        public var cvF1: Double
        public var cvTable: [(cutoff: Double, marks: Int, f1: Double)]
        public var items: Int
        public var data: [(path: String, sha256: String, items: Int)]
    }

    static let cutoffs: [Double] = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]
    /// Smallest number of marked occurrences a learned word needs (chosen with the cut-off).
    static let minimumMarks = [1, 2, 3]

    struct Item {
        var words: [(start: Int, end: Int, form: String)]
        var gold: Set<Int>         // indices into words
        var baseline: Set<Int>     // indices covered by the built-in lexicon's hits
        var fold: Int
    }

    public static func train(files: [String], spanField: String = "biased_word_spans", folds: [Int]?, lexicons: LexiconSet) throws -> Result {
        let scorer = ArticleScorer(lexicons: lexicons)
        var items: [Item] = []
        var stamps: [(String, String, Int)] = []
        var options = Evaluation.Options()
        options.task = .loadedWords
        options.labelField = spanField
        for file in files {
            guard !(file as NSString).lastPathComponent.lowercased().contains("test") else {
                throw SlantError(.usage, file: file, "refusing to train on a file whose name says test")
            }
            let (loaded, sha, _) = try Evaluation.load(file, options: options, folds: folds.map(Set.init))
            let built = try Parallel.map(loaded) { item -> Swift.Result<Item, SlantError> in
                let text = item.text.replacingOccurrences(of: "\n", with: " ")
                let tokens = Evaluation.WordTokens(text)
                let spans: [(Int, Int)]
                do { spans = try Evaluation.goldSpans(item.label, file: file, line: item.line) } catch let error as SlantError { return .failure(error) } catch { return .failure(SlantError(.badInput, file: file, line: item.line, "\(error)")) }
                let hits = scorer.score(try! InputText(bytes: Array(text.utf8), source: "item")).paragraphs.flatMap(\.loaded).map { ($0.start, $0.end) }
                return .success(Item(words: tokens.words.map { (start: $0.start, end: $0.end, form: $0.stem ?? $0.norm) },
                                     gold: tokens.covered(by: spans), baseline: tokens.covered(by: hits), fold: Folds.fold(of: item.text)))
            }.map { try $0.get() }
            items += built
            stamps.append((file, sha, loaded.count))
        }
        func counts(_ subset: [Item]) -> [String: (k: Int, n: Int)] {
            var c: [String: (k: Int, n: Int)] = [:]
            for item in subset { for (i, w) in item.words.enumerated() {
                var v = c[w.form] ?? (0, 0)
                v.n += 1
                if item.gold.contains(i) { v.k += 1 }
                c[w.form] = v
            } }
            return c
        }
        func learned(_ c: [String: (k: Int, n: Int)], cutoff: Double, marks: Int) -> Set<String> {
            Set(c.filter { $0.value.k >= marks && Double($0.value.k) / Double($0.value.n + 1) >= cutoff }.keys)
        }
        let foldIDs = Array(Set(items.map(\.fold))).sorted()
        var table: [(Double, Int, Double)] = []
        let foldCounts = Dictionary(uniqueKeysWithValues: foldIDs.map { fold in (fold, counts(items.filter { $0.fold != fold })) })
        for marks in minimumMarks {
            for cutoff in cutoffs {
                // Token F1 pooled over the held-out folds.
                var tp = 0, fp = 0, fn = 0
                for fold in foldIDs where foldIDs.count > 1 {
                    let terms = learned(foldCounts[fold]!, cutoff: cutoff, marks: marks)
                    for item in items where item.fold == fold {
                        var predicted = item.baseline
                        for (i, w) in item.words.enumerated() where terms.contains(w.form) { predicted.insert(i) }
                        tp += predicted.intersection(item.gold).count
                        fp += predicted.subtracting(item.gold).count
                        fn += item.gold.subtracting(predicted).count
                    }
                }
                let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0, r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
                table.append((cutoff, marks, p + r > 0 ? 2 * p * r / (p + r) : 0))
            }
        }
        let best = table.max { $0.2 < $1.2 || ($0.2 == $1.2 && ($0.1, $0.0) > ($1.1, $1.0)) } ?? (0.3, 2, 0)
        let all = counts(items)
        let terms = learned(all, cutoff: best.0, marks: best.1)
        let entries = terms.map { t in (term: t, weight: (Double(all[t]!.k) / Double(all[t]!.n + 1) * 1000).rounded() / 1000, marked: all[t]!.k, seen: all[t]!.n) }
            .sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) }
        return Result(entries: entries, cutoff: best.0, minimumMarks: best.1, cvF1: best.2,
                      cvTable: table.map { (cutoff: $0.0, marks: $0.1, f1: $0.2) }, items: items.count,
                      data: stamps.map { (path: $0.0, sha256: $0.1, items: $0.2) })
    }
}

extension LoadedTraining.Result {
    /// The learned list as a Slant lexicon (`loaded-learned.tsv`).
    public func lexicon(name: String, version: String, folds: [Int]?) -> Lexicon {
        let data = self.data.map { "\(($0.path as NSString).pathComponents.suffix(2).joined(separator: "/")) (\($0.items) items, sha256 \($0.sha256))" }.joined(separator: "; ")
        let cv = cvTable.map { "≥\($0.marks) marks, \($0.cutoff): \(String(format: "%.3f", $0.f1))" }.joined(separator: ", ")
        return Lexicon(
            name: name, version: version,
            license: "derived from the training data named in source; see the data's own licenses",
            source: "slant train --task loaded-words on \(data)\(folds.map { ", folds " + $0.map(String.init).joined(separator: ",") } ?? "")",
            description: "words annotators marked as biased: weight = marked / (occurrences + 1); kept when marked at least \(minimumMarks) times and weight ≥ \(cutoff), the pair with the best cross-validated token F1 (\(cv))",
            range: 0...1,
            entries: entries.map { .init(term: $0.term, category: "learned", weight: $0.weight, note: "marked \($0.marked) of \($0.seen)") })
    }
}
