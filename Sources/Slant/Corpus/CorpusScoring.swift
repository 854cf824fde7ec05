/// Scores every document of a corpus and hands back one JSON line per document, in corpus
/// order, streaming: documents are read in batches, each batch is scored on all cores while
/// the next is read, and a batch's lines are written before the batch after next is read, so
/// memory stays flat however large the corpus is.
public enum CorpusScoring {
    public struct Options: Sendable {
        /// Report stance toward this target only (``ArticleScore/focused(on:)``).
        public var target: String?
        public var targets: TargetList?
        public var strict = false
        public var batchSize = 1024
        public init() {}
    }

    /// What a run did.
    public struct Summary: Sendable, Equatable {
        public var documents = 0
        public var skipped: [SkippedDocument] = []
    }

    /// Scores `spec`'s documents, calling `write` with each document's report
    /// (`slant.article.v2`, its `source` the document id) as one line of JSON with its newline,
    /// in UTF-8 bytes (no String is built for it).
    /// - Throws: ``SlantError`` from reading the corpus, and what `write` throws.
    public static func run(_ spec: CorpusSpec, lexicons: LexiconSet, options: Options = Options(),
                           write: ([UInt8]) throws -> Void) throws -> Summary {
        let scorer = ArticleScorer(lexicons: lexicons, targets: options.targets)
        var summary = Summary()
        var pending: [Parallel.Pending<[UInt8]>] = []
        let target = options.target
        func drain(keeping: Int) throws {
            while pending.count > keeping {
                for line in pending.removeFirst().wait() {
                    try write(line)
                    summary.documents += 1
                }
            }
        }
        // The reader skips what cannot be scored (no text, binary text), so every document
        // it hands over gives a line.
        try CorpusReader(spec, strict: options.strict).read(batchSize: options.batchSize, skipped: { summary.skipped.append($0) }) { batch in
            pending.append(Parallel.background(batch) { document in
                var score = scorer.score(document.scorerInput)
                if let target { score = score.focused(on: target) }
                var line = score.json().serializedUTF8()
                line.append(UInt8(ascii: "\n"))
                return line
            })
            try drain(keeping: 1)
        }
        try drain(keeping: 0)
        return summary
    }
}
