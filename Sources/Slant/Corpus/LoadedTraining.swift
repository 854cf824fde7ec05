import Foundation

/// `slant train --task loaded-words`: learns loaded terms from word-level annotations.
///
/// For every word form in the training items, `n` is how often it occurs and `k` how often
/// annotators marked that occurrence as biased; its weight is the smoothed precision
/// `k / (n + 1)`. Words marked at least `m` times with a weight at or above a cut-off become
/// entries of category `learned`; `m` and the cut-off are chosen together by cross-validation
/// (token-level F1 of Slant's loaded-language detection with the learned list added, over the
/// items' own folds).
///
/// The same counts also judge the hand-written list: a word of a hand-written hit (an entry of
/// `loaded-language.tsv` or a loaded report verb) seen at least `suppressionMinimumSeen` times
/// whose weight falls below a second cut-off becomes an entry of category `suppress`, and
/// hand-written hits made only of such words are not counted while the learned list is in use.
/// That cut-off (0 for none) is chosen in the same cross-validation.
public enum LoadedTraining {
    public struct Result: Sendable {
        public var entries: [(term: String, weight: Double, marked: Int, seen: Int)]
        /// Words of hand-written hits annotators rarely marked: those hits are not counted.
        public var suppressed: [(term: String, weight: Double, marked: Int, seen: Int)]
        public var cutoff: Double
        /// Hand-written hit words below this weight are suppressed (0: none).
        public var suppressionCutoff: Double
        public var minimumMarks: Int
        public var cvF1: Double
        public var cvTable: [(cutoff: Double, marks: Int, suppression: Double, f1: Double)]
        public var items: Int
        public var data: [(path: String, sha256: String, items: Int)]
    }

    static let cutoffs: [Double] = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]
    /// Smallest number of marked occurrences a learned word needs (chosen with the cut-off).
    static let minimumMarks = [1, 2, 3]
    /// Cut-offs below which a word of the hand-written list is suppressed (0: never).
    static let suppressionCutoffs: [Double] = [0, 0.05, 0.1, 0.15, 0.2]
    /// Occurrences a hand-written word needs before the data may suppress it.
    static let suppressionMinimumSeen = 3

    struct Item {
        var words: [(start: Int, end: Int, form: String)]
        var gold: Set<Int>         // indices into words
        var baseline: Set<Int>     // indices covered by hits that cannot be suppressed (scare quotes)
        var handHits: [[Int]]      // word indices of each hand-written lexicon hit
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
                let hits = scorer.score(try! InputText(bytes: Array(text.utf8), source: "item")).paragraphs.flatMap(\.loaded)
                let rule = hits.filter { !isSuppressible($0) }.map { ($0.start, $0.end) }
                let hand = hits.filter(isSuppressible).map { tokens.covered(by: [($0.start, $0.end)]).sorted() }.filter { !$0.isEmpty }
                return .success(Item(words: tokens.words.map { (start: $0.start, end: $0.end, form: $0.stem ?? $0.norm) },
                                     gold: tokens.covered(by: spans), baseline: tokens.covered(by: rule), handHits: hand,
                                     fold: Folds.fold(of: item.text)))
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
        // Forms that occur in hand-written hits: the only candidates for suppression.
        var handForms = Set<String>()
        for item in items { for hit in item.handHits { for i in hit { handForms.insert(item.words[i].form) } } }
        func suppressed(_ c: [String: (k: Int, n: Int)], cutoff: Double) -> Set<String> {
            guard cutoff > 0 else { return [] }
            return Set(handForms.filter { form in
                guard let v = c[form], v.n >= suppressionMinimumSeen else { return false }
                return Double(v.k) / Double(v.n + 1) < cutoff
            })
        }
        /// Word indices the detector marks in `item` with these learned and suppressed forms.
        func predicted(_ item: Item, terms: Set<String>, suppressed: Set<String>) -> Set<Int> {
            var out = item.baseline
            for hit in item.handHits where !hit.allSatisfy({ suppressed.contains(item.words[$0].form) }) { out.formUnion(hit) }
            for (i, w) in item.words.enumerated() where terms.contains(w.form) { out.insert(i) }
            return out
        }
        let foldIDs = Array(Set(items.map(\.fold))).sorted()
        var table: [(cutoff: Double, marks: Int, suppression: Double, f1: Double)] = []
        let foldCounts = Dictionary(uniqueKeysWithValues: foldIDs.map { fold in (fold, counts(items.filter { $0.fold != fold })) })
        for suppression in suppressionCutoffs {
            let foldSuppressed = foldCounts.mapValues { suppressed($0, cutoff: suppression) }
            for marks in minimumMarks {
                for cutoff in cutoffs {
                    // Token F1 pooled over the held-out folds.
                    var tp = 0, fp = 0, fn = 0
                    for fold in foldIDs where foldIDs.count > 1 {
                        let terms = learned(foldCounts[fold]!, cutoff: cutoff, marks: marks)
                        for item in items where item.fold == fold {
                            let marked = predicted(item, terms: terms, suppressed: foldSuppressed[fold]!)
                            tp += marked.intersection(item.gold).count
                            fp += marked.subtracting(item.gold).count
                            fn += item.gold.subtracting(marked).count
                        }
                    }
                    let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0, r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
                    table.append((cutoff, marks, suppression, p + r > 0 ? 2 * p * r / (p + r) : 0))
                }
            }
        }
        // Ties go to fewer changes: more marks, a higher cut-off, less suppression.
        let best = table.max { a, b in
            a.f1 < b.f1 || (a.f1 == b.f1 && (a.marks, a.cutoff, -a.suppression) > (b.marks, b.cutoff, -b.suppression))
        } ?? (cutoff: 0.3, marks: 2, suppression: 0, f1: 0)
        let all = counts(items)
        func row(_ t: String) -> (term: String, weight: Double, marked: Int, seen: Int) {
            (term: t, weight: (Double(all[t]!.k) / Double(all[t]!.n + 1) * 1000).rounded() / 1000, marked: all[t]!.k, seen: all[t]!.n)
        }
        let order = { (a: (term: String, weight: Double, marked: Int, seen: Int), b: (term: String, weight: Double, marked: Int, seen: Int)) in
            a.weight > b.weight || (a.weight == b.weight && a.term < b.term)
        }
        let entries = learned(all, cutoff: best.cutoff, marks: best.marks).map(row).sorted(by: order)
        let quiet = suppressed(all, cutoff: best.suppression).map(row).sorted(by: order)
        return Result(entries: entries, suppressed: quiet, cutoff: best.cutoff, suppressionCutoff: best.suppression,
                      minimumMarks: best.marks, cvF1: best.f1, cvTable: table, items: items.count,
                      data: stamps.map { (path: $0.0, sha256: $0.1, items: $0.2) })
    }
}

extension LoadedTraining {
    /// Hits the learned list may suppress: entries of the hand-written lexicons. Scare quotes
    /// (a rule, not a word list) and learned hits are never suppressed.
    static func isSuppressible(_ hit: LoadedHit) -> Bool {
        hit.lexicon != "rule" && hit.category != "learned"
    }
}

extension LoadedTraining.Result {
    /// The learned list as a Slant lexicon (`loaded-learned.tsv`).
    public func lexicon(name: String, version: String, folds: [Int]?) -> Lexicon {
        let data = self.data.map { "\(($0.path as NSString).pathComponents.suffix(2).joined(separator: "/")) (\($0.items) items, sha256 \($0.sha256))" }.joined(separator: "; ")
        // The full grid is long; the header keeps the best row for each suppression cut-off.
        let cv = LoadedTraining.suppressionCutoffs.compactMap { s in
            cvTable.filter { $0.suppression == s }.max { $0.f1 < $1.f1 }
        }.map { "suppress below \($0.suppression), ≥\($0.marks) marks, \($0.cutoff): \(String(format: "%.3f", $0.f1))" }.joined(separator: "; ")
        return Lexicon(
            name: name, version: version,
            license: "derived from the training data named in source; see the data's own licenses",
            source: "slant train --task loaded-words on \(data)\(folds.map { ", folds " + $0.map(String.init).joined(separator: ",") } ?? "")",
            description: "words annotators marked as biased: weight = marked / (occurrences + 1); kept when marked at least \(minimumMarks) times and weight ≥ \(cutoff); words of hand-written entries seen at least \(LoadedTraining.suppressionMinimumSeen) times with weight below \(suppressionCutoff) are category suppress (hand-written hits made only of them are not counted); the settings with the best cross-validated token F1 (\(cv))",
            range: 0...1,
            entries: entries.map { .init(term: $0.term, category: "learned", weight: $0.weight, note: "marked \($0.marked) of \($0.seen)") }
                + suppressed.map { .init(term: $0.term, category: "suppress", weight: $0.weight, note: "marked \($0.marked) of \($0.seen): hand-written hits on this word are not counted") })
    }
}
