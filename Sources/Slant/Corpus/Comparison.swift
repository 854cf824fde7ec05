import Foundation

/// `slant compare`: how groups of documents (outlets, periods, corpora) differ in opinion,
/// loaded language and sentiment, which words set each apart, and how alike their texts are.
public struct ComparisonRun: Sendable {
    public struct Options: Sendable {
        public var resamples = 1000
        /// Permutations per test; nil chooses max(1000, 20 × tests), at most 20,000, so that
        /// the smallest attainable p-value can survive the multiple-comparison correction.
        public var permutations: Int?
        public var correction: Correction = .holm
        /// Seed of the generator behind every interval and p-value.
        public var seed: UInt64 = 20_261_129
        public var topTerms = 15
        public var topLoaded = 10
        /// A term must occur this often in a group to be listed as key.
        public var minTermCount = 3
        public var closestPairs = 5
        /// Targets compared by stance: those evaluated in at least `minStanceDocuments`
        /// documents of every group, most evaluated first, at most this many.
        public var topTargets = 10
        public var minStanceDocuments = 3
        /// The user's targets and aliases (`--targets FILE`).
        public var targets: TargetList?
        public var dimensions = 1024
        public var strict = false
        public var batchSize = 1024
        public init() {}
    }

    /// How p-values are adjusted for the number of tests.
    public enum Correction: String, Sendable, CaseIterable {
        /// Holm (1979): controls the family-wise error rate.
        case holm
        /// Benjamini & Hochberg (1995): controls the false discovery rate.
        case bh
    }

    /// The headline measures, tested between every pair of groups.
    public static let measures = ["opinionShare", "loadedPer100", "authorPer100", "quotedPer100", "sentiment"]

    public struct MeasureSummary: Sendable, Equatable {
        public var name: String
        public var value: Double?
        public var low: Double?
        public var high: Double?
    }

    public struct Group: Sendable {
        public var name: String
        public var documents: Int
        public var words: Int
        public var measures: [MeasureSummary]
        /// Loaded-language categories, per 100 words.
        public var categories: [MeasureSummary]
        /// Mean document stance toward each compared target (`stanceTargets` order), with
        /// the documents that evaluate it.
        public var stances: [MeasureSummary]
        public var stanceDocuments: [Int]
        public var notes: [String]
    }

    public struct PairTest: Sendable, Equatable {
        public var a: Int
        public var b: Int
        public var measure: String
        /// value(a) − value(b).
        public var difference: Double?
        /// Cohen's d over per-document values.
        public var effectSize: Double?
        public var pValue: Double?
        /// Adjusted (Holm or Benjamini–Hochberg) over every test in the report.
        public var pAdjusted: Double?
    }

    public struct KeyTerm: Sendable, Equatable {
        public var term: String
        public var g2: Double
        public var logRatio: Double
        public var countGroup: Int
        public var countRest: Int
    }

    public struct Keyness: Sendable {
        public var group: Int
        public var loaded: [KeyTerm]
        public var terms: [KeyTerm]
    }

    public struct ClosestPair: Sendable {
        public var a: Int
        public var b: Int
        public var idA: String
        public var idB: String
        public var score: Double
        /// (a's value, b's value) for opinion share, loaded per 100 words and sentiment.
        public var opinionShare: (Double?, Double?)
        public var loadedPer100: (Double?, Double?)
        public var sentiment: (Double?, Double?)
    }

    public struct SimilarityStructure: Sendable {
        /// Cosine similarity of group centroids, groups × groups.
        public var centroids: [[Double?]]
        /// Mean cosine similarity between two different documents of the same group.
        public var within: [Double?]
        /// Mean cosine similarity between documents of two groups, groups × groups.
        public var between: [[Double?]]
        public var closest: [ClosestPair]
    }

    public var groups: [Group]
    public var tests: [PairTest]
    public var keyness: [Keyness]
    public var similarity: SimilarityStructure
    public var skipped: [SkippedDocument]
    public var options: Options
    /// Permutations used per test.
    public var permutations: Int
    public var groupBy: String?
    public var notes: [String]
    /// Targets whose stance is compared (tests use the measure `stance:NAME`).
    public var stanceTargets: [String]

    /// What one document contributes.
    struct Profile: Sendable {
        var id: String
        var group: String
        var contentParagraphs = 0
        var opinionParagraphs = 0
        var words = 0
        var authorWords = 0
        var hits = 0
        var authorHits = 0
        var attributedHits = 0
        var categoryHits: [String: Int] = [:]
        var compound = 0.0
        var wordCounts: [String: Int] = [:]
        var loadedCounts: [String: Int] = [:]
        var terms: TermVectorizer.TermCounts
        /// Stance toward each target the document evaluates.
        var stances: [String: Double] = [:]
        var opinionShare: Double? { contentParagraphs > 0 ? Double(opinionParagraphs) / Double(contentParagraphs) : nil }
        var loadedPer100: Double? { words > 0 ? Double(hits) * 100 / Double(words) : nil }
    }

    /// Merges a one-word target name into the longer name it ends, across a corpus ("Trump"
    /// in one document, "Donald Trump" in another), when one longer name ending with it is in at
    /// least twice as many documents as any other; a document naming both gets their mean.
    /// - Complexity: O(d · t) for d documents and t targets per document.
    static func mergingShortNames(_ stances: [[String: Double]]) -> [[String: Double]] {
        // Documents naming each name (counted on all cores), then the longer names by their
        // last word.
        let documents = Parallel.summedCounts(stances.count, minimumPerRange: 1024) { range in
            var out: [String: Int] = [:]
            for row in stances[range] { for name in row.keys { out[name, default: 0] += 1 } }
            return out
        }
        var longer: [String: [String: Int]] = [:]
        for (name, count) in documents where name.contains(Character(" ")) {
            if let last = name.split(separator: " ").last { longer[String(last).lowercased(), default: [:]][name] = count }
        }
        var canonical: [String: String] = [:]
        for name in documents.keys where !name.contains(Character(" ")) {
            guard let candidates = longer[name.lowercased()] else { continue }
            let ranked = candidates.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            // The longer name must dominate: at least twice as many documents as the next.
            if ranked.count == 1 || ranked[0].value >= 2 * ranked[1].value { canonical[name] = ranked[0].key }
        }
        guard !canonical.isEmpty else { return stances }
        return Parallel.map(stances) { row in
            var sums: [String: (Double, Int)] = [:]
            for (name, value) in row {
                let key = canonical[name] ?? name
                var v = sums[key] ?? (0, 0)
                v.0 += value
                v.1 += 1
                sums[key] = v
            }
            return sums.mapValues { $0.0 / Double($0.1) }
        }
    }

    static func profile(_ document: CorpusDocument, group: String, scorer: ArticleScorer) -> Profile {
        let doc = Document(document.scorerInput, lexicons: scorer.lexicons)
        let score = scorer.score(doc)
        var p = Profile(id: document.id, group: group, terms: TermVectorizer.termCounts(document.text))
        for (paragraph, scored) in zip(doc.paragraphs, score.paragraphs) where scored.label != .other {
            p.contentParagraphs += 1
            if scored.label == .opinion { p.opinionParagraphs += 1 }
            p.words += scored.words
            p.authorWords += scored.authorWords
            for hit in scored.loaded {
                p.hits += 1
                if hit.voice == .author { p.authorHits += 1 } else { p.attributedHits += 1 }
                p.categoryHits[hit.category, default: 0] += 1
                p.loadedCounts[Lexicon.normalize(hit.text), default: 0] += 1
            }
            for i in paragraph.tokens where doc.kind(i) == .word {
                let term = doc.stems[i] ?? doc.norms[i]
                if scorer.lexicons.stopwordSet.contains(term) || scorer.lexicons.stopwordSet.contains(doc.norms[i]) { continue }
                p.wordCounts[term, default: 0] += 1
            }
        }
        p.compound = score.summary.sentiment.compound
        for t in score.targets { if let stance = t.stance { p.stances[t.name] = stance } }
        return p
    }

    /// Runs the comparison.
    /// - Parameters:
    ///   - specs: one corpus per group, or a single corpus split by `groupBy`.
    ///   - groupBy: metadata field naming each document's group.
    /// - Throws: ``SlantError`` from reading, or `.badInput` when no document has `groupBy`.
    public static func run(_ specs: [CorpusSpec], groupBy: String?, lexicons: LexiconSet, options: Options,
                           progress: ProgressReporter = ProgressReporter()) throws -> ComparisonRun {
        let scorer = ArticleScorer(lexicons: lexicons, targets: options.targets)
        var profiles: [Profile] = []
        var pending: [Parallel.Pending<Profile>] = []
        var skipped: [SkippedDocument] = []
        var fieldsSeen = Set<String>()
        var labels = specs.map(\.label)
        if Set(labels).count < labels.count { labels = specs.map(\.path) }
        for (index, spec) in specs.enumerated() {
            try CorpusReader(spec, strict: options.strict, onProgress: { [progress] in progress.fraction = $0 }).read(batchSize: options.batchSize, skipped: { skipped.append($0) }) { batch in
                var kept: [(CorpusDocument, String)] = []
                for document in batch {
                    guard let field = groupBy else { kept.append((document, labels[index])); continue }
                    fieldsSeen.formUnion(document.metadata.keys)
                    if let value = document.metadata[field], !value.isEmpty {
                        kept.append((document, value))
                    } else {
                        let reason = "no '\(field)' field to group by"
                        if options.strict { throw SlantError(.badInput, file: document.location, reason) }
                        skipped.append(SkippedDocument(location: document.location, id: document.id, reason: reason))
                    }
                }
                // Score this batch in the background while the next one is read; two batches
                // in flight, so the cores never wait at a batch boundary. Results are taken
                // oldest first, which keeps corpus order.
                pending.append(Parallel.background(kept) { profile($0.0, group: $0.1, scorer: scorer) })
                if pending.count > 2 { profiles += pending.removeFirst().wait() }
                progress.update("scoring", done: profiles.count, total: nil)
            }
            for batch in pending { profiles += batch.wait() }
            pending = []
        }
        progress.finish()
        if let groupBy, profiles.isEmpty, skipped.contains(where: { $0.reason.hasPrefix("no '\(groupBy)'") }) {
            let seen = fieldsSeen.sorted().joined(separator: ", ")
            throw SlantError(.badInput, file: specs.first?.path,
                             "no document has the field '\(groupBy)' to group by (fields seen: \(seen.isEmpty ? "none" : seen))")
        }
        for (i, merged) in mergingShortNames(profiles.map(\.stances)).enumerated() { profiles[i].stances = merged }
        // Read from a constant from here on: a captured var is read through a box, which
        // copied a whole profile (with its dictionaries) on every access.
        let scored = profiles
        let names = groupBy == nil ? labels : Array(Set(scored.map(\.group))).sorted()
        let members: [[Int]] = names.map { name in scored.indices.filter { scored[$0].group == name } }
        var notes: [String] = []
        if names.count < 2 { notes.append("only one group: there is nothing to compare") }

        func data(_ measure: String, _ rows: [Int]) -> MeasureData {
            // Fields are read in place: copying whole profiles (with their dictionaries) for
            // every measure was a serial cost in front of the parallel scoring.
            switch measure {
            case "opinionShare":
                return MeasureData(numerators: rows.map { Double(scored[$0].opinionParagraphs) }, denominators: rows.map { Double(scored[$0].contentParagraphs) }, scale: 1)
            case "loadedPer100":
                return MeasureData(numerators: rows.map { Double(scored[$0].hits) }, denominators: rows.map { Double(scored[$0].words) }, scale: 100)
            case "authorPer100":
                return MeasureData(numerators: rows.map { Double(scored[$0].authorHits) }, denominators: rows.map { Double(scored[$0].authorWords) }, scale: 100)
            case "quotedPer100":
                return MeasureData(numerators: rows.map { Double(scored[$0].attributedHits) }, denominators: rows.map { Double(scored[$0].words - scored[$0].authorWords) }, scale: 100)
            case "sentiment":
                return MeasureData(numerators: rows.map { scored[$0].words > 0 ? scored[$0].compound : 0 }, denominators: rows.map { scored[$0].words > 0 ? 1 : 0 }, scale: 1)
            case _ where measure.hasPrefix("stance:"):
                let target = String(measure.dropFirst("stance:".count))
                return MeasureData(numerators: rows.map { scored[$0].stances[target] ?? 0 }, denominators: rows.map { scored[$0].stances[target] == nil ? 0 : 1 }, scale: 1)
            default:
                let category = String(measure.dropFirst("category:".count))
                return MeasureData(numerators: rows.map { Double(scored[$0].categoryHits[category] ?? 0) }, denominators: rows.map { Double(scored[$0].words) }, scale: 100)
            }
        }
        let categories = Array(Set(scored.flatMap { $0.categoryHits.keys })).sorted()
        // Targets evaluated often enough in every group.
        var evaluatedIn: [String: [Int]] = [:]
        for (g, rows) in members.enumerated() {
            for r in rows { for name in scored[r].stances.keys { evaluatedIn[name, default: Array(repeating: 0, count: names.count)][g] += 1 } }
        }
        let stanceTargets = names.count < 2 ? [] : evaluatedIn.filter { $0.value.allSatisfy { $0 >= options.minStanceDocuments } }
            .sorted { ($0.value.reduce(0, +), $1.key) > ($1.value.reduce(0, +), $0.key) }
            .prefix(options.topTargets).map(\.key)
        // Intervals and tests draw from a generator of their own, named after the group(s) and
        // the measure, and run on all cores: the same numbers on any number of cores, and an
        // interval does not move when another group or measure joins the report.
        let summaryMeasures = measures.map { ($0, $0) } + categories.map { ("category:" + $0, $0) }
            + stanceTargets.map { ("stance:" + $0, $0) }
        let summaryTasks = names.indices.flatMap { g in summaryMeasures.map { (g, $0.0, $0.1) } }
        let summaries = Parallel.map(summaryTasks) { g, measure, label -> MeasureSummary in
            let d = data(measure, members[g])
            var generator = SeededGenerator(seed: options.seed, stream: "interval\u{1F}\(names[g])\u{1F}\(measure)")
            let interval = Statistics.bootstrapInterval(d, resamples: options.resamples, generator: &generator)
            return MeasureSummary(name: label, value: d.value, low: interval?.low, high: interval?.high)
        }
        var groups: [Group] = []
        for (g, name) in names.enumerated() {
            let rows = members[g]
            let own = summaries[(g * summaryMeasures.count)..<((g + 1) * summaryMeasures.count)]
            var groupNotes: [String] = []
            switch rows.count {
            case 0: groupNotes.append("no documents")
            case 1: groupNotes.append("one document: no interval, no effect size")
            case 2..<10: groupNotes.append("\(rows.count) documents: intervals are wide; read differences with care")
            default: break
            }
            groups.append(Group(
                name: name, documents: rows.count, words: rows.reduce(0) { $0 + scored[$1].words },
                measures: Array(own.prefix(measures.count)),
                categories: Array(own.dropFirst(measures.count).prefix(categories.count)),
                stances: Array(own.suffix(stanceTargets.count)),
                stanceDocuments: stanceTargets.map { t in rows.filter { scored[$0].stances[t] != nil }.count },
                notes: groupNotes))
        }

        // Pairwise tests, corrected together.
        let pairCount = names.count * (names.count - 1) / 2
        let tested = measures + stanceTargets.map { "stance:" + $0 }
        let testCount = pairCount * tested.count
        let permutations = options.permutations ?? min(20_000, max(1000, 20 * testCount))
        var testTasks: [(a: Int, b: Int, measure: String)] = []
        for a in names.indices {
            for b in names.indices where b > a {
                for measure in tested { testTasks.append((a, b, measure)) }
            }
        }
        var tests = Parallel.map(testTasks) { a, b, measure -> PairTest in
            let da = data(measure, members[a]), db = data(measure, members[b])
            let difference = da.value.flatMap { va in db.value.map { va - $0 } }
            var generator = SeededGenerator(seed: options.seed, stream: "test\u{1F}\(names[a])\u{1F}\(names[b])\u{1F}\(measure)")
            let p = Statistics.permutationTest(da, db, permutations: permutations, generator: &generator)
            return PairTest(a: a, b: b, measure: measure, difference: difference,
                            effectSize: Statistics.cohensD(da.documentValues, db.documentValues),
                            pValue: p, pAdjusted: nil)
        }
        let adjusted = options.correction == .holm
            ? Statistics.holm(tests.map(\.pValue)) : Statistics.benjaminiHochberg(tests.map(\.pValue))
        for i in tests.indices { tests[i].pAdjusted = adjusted[i] }

        // Keyness: each group against the rest.
        func totals(_ key: KeyPath<Profile, [String: Int]>, _ rows: [Int]) -> [String: Int] {
            Parallel.summedCounts(rows.count, minimumPerRange: 512) { range in
                var out: [String: Int] = [:]
                for r in rows[range] {
                    for (term, count) in scored[r][keyPath: key] { out[term, default: 0] += count }
                }
                return out
            }
        }
        // Every profile is in exactly one group, so the corpus totals are the groups' summed.
        let groupWords = members.map { totals(\.wordCounts, $0) }
        let groupLoaded = members.map { totals(\.loadedCounts, $0) }
        let allWords = groupWords.dropFirst().reduce(into: groupWords.first ?? [:]) { $0.merge($1, uniquingKeysWith: +) }
        let allLoaded = groupLoaded.dropFirst().reduce(into: groupLoaded.first ?? [:]) { $0.merge($1, uniquingKeysWith: +) }
        let totalWords = scored.reduce(0) { $0 + $1.words }
        var keyness: [Keyness] = []
        for g in names.indices where names.count > 1 {
            let c = Double(groups[g].words), d = Double(totalWords) - c
            func key(_ counts: [String: Int], _ overall: [String: Int], limit: Int) -> [KeyTerm] {
                guard c > 0, d > 0 else { return [] }
                var out: [KeyTerm] = []
                for (term, a) in counts where a >= options.minTermCount {
                    let b = (overall[term] ?? a) - a
                    guard Double(a) / c > Double(b) / d else { continue }
                    out.append(KeyTerm(term: term, g2: Statistics.logLikelihood(a: Double(a), b: Double(b), c: c, d: d),
                                       logRatio: Statistics.logRatio(a: Double(a), b: Double(b), c: c, d: d),
                                       countGroup: a, countRest: b))
                }
                out.sort { $0.g2 > $1.g2 || ($0.g2 == $1.g2 && $0.term < $1.term) }
                return Array(out.prefix(limit))
            }
            keyness.append(Keyness(group: g,
                                   loaded: key(groupLoaded[g], allLoaded, limit: options.topLoaded),
                                   terms: key(groupWords[g], allWords, limit: options.topTerms)))
        }

        // Similarity structure.
        let termCounts = scored.map(\.terms)
        let vectorizer = TermVectorizer(dimensions: options.dimensions)
        let vectors = vectorizer.vectors(termCounts, df: TermVectorizer.documentFrequencies(termCounts), corpusSize: termCounts.count)
        let similarity = structure(vectors, members: members, profiles: scored, options: options)
        return ComparisonRun(groups: groups, tests: tests, keyness: keyness, similarity: similarity, skipped: skipped,
                             options: options, permutations: permutations, groupBy: groupBy, notes: notes, stanceTargets: stanceTargets)
    }

    /// Centroid, within- and between-group similarity from sums of unit vectors:
    /// mean within = (|S|² − n) / (n(n − 1)), mean between = S_a · S_b / (n_a n_b), where S is
    /// the sum of a group's non-empty unit vectors and n their number; exact, in O(N · D).
    static func structure(_ x: Vectors, members: [[Int]], profiles: [Profile], options: Options) -> SimilarityStructure {
        let d = x.columns
        var sums = [[Float]](repeating: [Float](repeating: 0, count: d), count: members.count)
        var counts = [Int](repeating: 0, count: members.count)
        x.values.withUnsafeBufferPointer { values in
            // Which rows are non-empty, found on all cores (a scan of every row's values).
            var rowHasValues = [Bool](repeating: false, count: x.rows)
            rowHasValues.withUnsafeMutableBufferPointer { flags in
                let flags = UncheckedBox(flags)
                Parallel.forEachRange(x.rows, minimumPerRange: 256) { rows in
                    for r in rows { flags.value[r] = values[(r * d)..<((r + 1) * d)].contains(where: { $0 != 0 }) }
                }
            }
            let nonEmpty = members.map { rows in rows.filter { rowHasValues[$0] } }
            for (g, rows) in nonEmpty.enumerated() {
                counts[g] = rows.count
                sums[g].withUnsafeMutableBufferPointer { sum in
                    // Each range of dimensions is summed over the rows in order, so the sums
                    // are the same on any number of cores.
                    let sum = UncheckedBox(sum)
                    Parallel.forEachRange(d, minimumPerRange: 64) { columns in
                        for r in rows {
                            let base = r * d
                            for k in columns { sum.value[k] += values[base + k] }
                        }
                    }
                }
            }
        }
        let flat = sums.flatMap { $0 }
        let dots = BLAS.gemmABt(flat, rows: members.count, flat, rows: members.count, columns: d)
        let n = members.count
        var centroids = [[Double?]](repeating: [Double?](repeating: nil, count: n), count: n)
        var between = centroids
        var within = [Double?](repeating: nil, count: n)
        for a in 0..<n {
            for b in 0..<n {
                let dot = Double(dots[a * n + b])
                let na = Double(dots[a * n + a]).squareRoot(), nb = Double(dots[b * n + b]).squareRoot()
                if na > 0, nb > 0 { centroids[a][b] = dot / (na * nb) }
                if a != b, counts[a] > 0, counts[b] > 0 { between[a][b] = dot / Double(counts[a] * counts[b]) }
            }
            if counts[a] >= 2 {
                within[a] = (Double(dots[a * n + a]) - Double(counts[a])) / Double(counts[a] * (counts[a] - 1))
            }
        }
        var closest: [ClosestPair] = []
        for a in 0..<n where options.closestPairs > 0 {
            for b in 0..<n where b > a && !members[a].isEmpty && !members[b].isEmpty {
                func subset(_ rows: [Int]) -> Vectors {
                    var values: [Float] = []
                    values.reserveCapacity(rows.count * d)
                    for r in rows { values += x.values[(r * d)..<((r + 1) * d)] }
                    return Vectors(values: values, rows: rows.count, columns: d)
                }
                let found = Similarity.nearest(subset(members[a]), against: subset(members[b]), k: 1, minScore: .leastNonzeroMagnitude)
                var pairs: [(Int, Int, Float)] = []
                for (i, list) in found.enumerated() { if let best = list.first { pairs.append((members[a][i], members[b][best.neighbor], best.score)) } }
                pairs.sort { $0.2 > $1.2 || ($0.2 == $1.2 && ($0.0, $0.1) < ($1.0, $1.1)) }
                for (i, j, score) in pairs.prefix(options.closestPairs) {
                    let p = profiles[i], q = profiles[j]
                    closest.append(ClosestPair(
                        a: a, b: b, idA: p.id, idB: q.id, score: Double(score),
                        opinionShare: (p.opinionShare, q.opinionShare), loadedPer100: (p.loadedPer100, q.loadedPer100),
                        sentiment: (p.words > 0 ? p.compound : nil, q.words > 0 ? q.compound : nil)))
                }
            }
        }
        return SimilarityStructure(centroids: centroids, within: within, between: between, closest: closest)
    }
}
