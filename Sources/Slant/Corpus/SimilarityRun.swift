/// `slant similar`: nearest documents within a corpus or across two.
public struct SimilarityRun: Sendable {
    public struct Options: Sendable {
        public var k: Int = 10
        /// Pairs scoring below this are not kept; nil keeps every pair scoring above 0.
        public var minScore: Double?
        public var dimensions: Int = 1024
        public var strict = false
        public var batchSize = 1024
        public var profile: Profile = .text
        /// Lexicons for `.scores` and `.stance` (the defaults when nil).
        public var lexicons: LexiconSet?
        /// The user's targets and aliases for `.stance`.
        public var targets: TargetList?
        public init() {}
    }

    /// What a document's vector describes.
    public enum Profile: String, Sendable, CaseIterable {
        /// Its words: hashed TF-IDF (finds the same story).
        case text
        /// Slant's scores: opinion share, sentiment, loaded language per 100 words in the
        /// writer's voice and in quoted speech, and per loaded-language category, each
        /// standardised to mean 0 and standard deviation 1 over the documents compared (finds
        /// documents written the same way, whatever their subject).
        case scores
        /// Stance toward the targets the documents name: one column per target evaluated in
        /// at least two documents (the `dimensions` most evaluated), holding the document's
        /// stance toward it (0 when it does not evaluate it); cosine over these vectors finds
        /// documents that take the same sides toward the same people and institutions.
        case stance
    }

    /// Feature names of the `.scores` profile, in vector order.
    public static func scoreFeatures(_ lexicons: LexiconSet) -> [String] {
        ["opinionShare", "sentiment", "authorPer100", "quotedPer100"]
            + (lexicons.loaded.categories + ["loaded-report-verb", "scare-quote"]).map { "category:" + $0 }
    }

    static func scoreVector(_ p: ComparisonRun.Profile, features: [String]) -> [Double] {
        features.map { feature in
            switch feature {
            case "opinionShare": return p.opinionShare ?? 0
            case "sentiment": return p.words > 0 ? p.compound : 0
            case "authorPer100": return p.authorWords > 0 ? Double(p.authorHits) * 100 / Double(p.authorWords) : 0
            case "quotedPer100":
                let words = p.words - p.authorWords
                return words > 0 ? Double(p.attributedHits) * 100 / Double(words) : 0
            default:
                let category = String(feature.dropFirst("category:".count))
                return p.words > 0 ? Double(p.categoryHits[category] ?? 0) * 100 / Double(p.words) : 0
            }
        }
    }

    /// Z-scores each column over all rows (a constant column becomes 0), then L2-normalises rows.
    static func standardized(_ rows: [[Double]]) -> [[Double]] {
        guard let width = rows.first?.count, !rows.isEmpty else { return rows }
        var out = rows
        for c in 0..<width {
            let mean = rows.reduce(0) { $0 + $1[c] } / Double(rows.count)
            let variance = rows.reduce(0) { $0 + ($1[c] - mean) * ($1[c] - mean) } / Double(rows.count)
            let sd = variance.squareRoot()
            for r in out.indices { out[r][c] = sd > 0 ? (rows[r][c] - mean) / sd : 0 }
        }
        return out
    }

    /// The documents of one side, as the report names them.
    public struct Side: Sendable {
        public var label: String
        public var ids: [String]
    }

    public var corpus: Side
    public var against: Side?
    /// For each document of `corpus`, its kept neighbours (indices into `against` or `corpus`).
    public var neighbors: [[Similarity.Neighbor]]
    public var skipped: [SkippedDocument]
    public var options: Options
    /// Seconds spent reading and vectorising, and in the similarity search.
    public var timings: (vectorize: Double, similarity: Double)
    /// Time and floating-point work inside `sgemm`.
    public var searchStats: Similarity.SearchStats

    /// Reads, vectorises and searches.
    /// - Throws: ``SlantError`` from reading the corpora.
    public static func run(_ corpusSpec: CorpusSpec, against againstSpec: CorpusSpec?, options: Options,
                           progress: ProgressReporter = ProgressReporter()) throws -> SimilarityRun {
        let clock = ContinuousClock()
        let start = clock.now
        var skipped: [SkippedDocument] = []
        let lexicons = try options.lexicons ?? LexiconSet.defaults()
        let scorer = ArticleScorer(lexicons: lexicons, targets: options.targets)
        let features = scoreFeatures(lexicons)
        var scoreRows: [[[Double]]] = []
        var stanceRows: [[[String: Double]]] = []
        func load(_ spec: CorpusSpec) throws -> (Side, [TermVectorizer.TermCounts]) {
            var ids: [String] = []
            var counts: [TermVectorizer.TermCounts] = []
            var rows: [[Double]] = []
            var stances: [[String: Double]] = []
            defer { scoreRows.append(rows); stanceRows.append(stances) }
            try CorpusReader(spec, strict: options.strict, onProgress: { [progress] in progress.fraction = $0 }).read(batchSize: options.batchSize, skipped: { skipped.append($0) }) { batch in
                if options.profile == .scores {
                    rows += Parallel.map(batch) { scoreVector(ComparisonRun.profile($0, group: "", scorer: scorer), features: features) }
                } else if options.profile == .stance {
                    stances += Parallel.map(batch) { ComparisonRun.profile($0, group: "", scorer: scorer).stances }
                } else {
                    counts += Parallel.map(batch) { TermVectorizer.termCounts($0.text) }
                }
                ids += batch.map(\.id)
                progress.update("reading \(spec.label)", done: ids.count, total: nil)
            }
            progress.finish()
            return (Side(label: spec.label, ids: ids), counts)
        }
        let (corpus, corpusCounts) = try load(corpusSpec)
        let other = try againstSpec.map(load)
        // One idf over everything compared, so both sides share one vector space.
        var df = TermVectorizer.documentFrequencies(corpusCounts)
        if let other {
            for (h, f) in TermVectorizer.documentFrequencies(other.1) { df[h, default: 0] += f }
        }
        let total = corpusCounts.count + (other?.1.count ?? 0)
        let x: Vectors, y: Vectors?
        if options.profile == .stance {
            let merged = ComparisonRun.mergingShortNames(Array(stanceRows.joined()))
            stanceRows = stanceRows.count == 1 ? [merged] : [Array(merged[0..<stanceRows[0].count]), Array(merged[stanceRows[0].count...])]
            var documents: [String: Int] = [:]
            for row in stanceRows.joined() { for name in row.keys { documents[name, default: 0] += 1 } }
            let columns = documents.filter { $0.value >= 2 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .prefix(options.dimensions).map(\.key)
            let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            func vectors(_ rows: [[String: Double]]) -> Vectors {
                var values = [Float](repeating: 0, count: rows.count * max(1, columns.count))
                for (r, row) in rows.enumerated() { for (name, stance) in row { if let c = index[name] { values[r * max(1, columns.count) + c] = Float(stance) } } }
                return Vectors(values: values, rows: rows.count, columns: max(1, columns.count)).normalized()
            }
            x = vectors(stanceRows[0])
            y = other == nil ? nil : vectors(stanceRows[1])
        } else if options.profile == .scores {
            // One standardisation over both sides, so their vectors share a space.
            let all = standardized(scoreRows.flatMap { $0 })
            func vectors(_ rows: ArraySlice<[Double]>) -> Vectors {
                Vectors(values: rows.flatMap { $0.map(Float.init) }, rows: rows.count, columns: features.count).normalized()
            }
            x = vectors(all[0..<scoreRows[0].count])
            y = other == nil ? nil : vectors(all[scoreRows[0].count...])
        } else {
            let vectorizer = TermVectorizer(dimensions: options.dimensions)
            x = vectorizer.vectors(corpusCounts, df: df, corpusSize: total)
            y = other.map { vectorizer.vectors($0.1, df: df, corpusSize: total) }
        }
        let vectorized = clock.now
        let minScore = options.minScore.map(Float.init) ?? Float.leastNonzeroMagnitude
        var stats = Similarity.SearchStats()
        let neighbors = Similarity.nearest(x, against: y, k: options.k, minScore: minScore, stats: &stats) { done, total in
            progress.update("similarity", done: done, total: total, unit: "tiles")
        }
        progress.finish()
        let end = clock.now
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        return SimilarityRun(corpus: corpus, against: other?.0, neighbors: neighbors, skipped: skipped,
                             options: options, timings: (seconds(vectorized - start), seconds(end - vectorized)),
                             searchStats: stats)
    }

    /// The id of a neighbour.
    public func neighborID(_ n: Similarity.Neighbor) -> String {
        (against ?? corpus).ids[n.neighbor]
    }
}
