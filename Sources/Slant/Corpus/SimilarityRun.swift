/// `slant similar`: nearest documents within a corpus or across two.
public struct SimilarityRun: Sendable {
    public struct Options: Sendable {
        public var k: Int = 10
        /// Pairs scoring below this are not kept; nil keeps every pair scoring above 0.
        public var minScore: Double?
        public var dimensions: Int = 1024
        public var strict = false
        public var batchSize = 1024
        public init() {}
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
        func load(_ spec: CorpusSpec) throws -> (Side, [TermVectorizer.TermCounts]) {
            var ids: [String] = []
            var counts: [TermVectorizer.TermCounts] = []
            try CorpusReader(spec, strict: options.strict).read(batchSize: options.batchSize, skipped: { skipped.append($0) }) { batch in
                counts += Parallel.map(batch) { TermVectorizer.termCounts($0.text) }
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
        let vectorizer = TermVectorizer(dimensions: options.dimensions)
        let x = vectorizer.vectors(corpusCounts, df: df, corpusSize: total)
        let y = other.map { vectorizer.vectors($0.1, df: df, corpusSize: total) }
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
