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
    /// (`slant.article.v2`, its `source` the document id) as one line of JSON with its newline.
    /// - Throws: ``SlantError`` from reading the corpus, and what `write` throws.
    public static func run(_ spec: CorpusSpec, lexicons: LexiconSet, options: Options = Options(),
                           write: (String) throws -> Void) throws -> Summary {
        let scorer = ArticleScorer(lexicons: lexicons, targets: options.targets)
        var summary = Summary()
        var pending: [Parallel.Pending<Result<String, SkippedDocument>>] = []
        let target = options.target
        func drain(keeping: Int) throws {
            while pending.count > keeping {
                for result in pending.removeFirst().wait() {
                    switch result {
                    case .success(let line):
                        try write(line)
                        summary.documents += 1
                    case .failure(let skipped):
                        if options.strict {
                            throw SlantError(.badInput, file: skipped.location, skipped.reason + " (--strict stops at the first unreadable document)")
                        }
                        summary.skipped.append(skipped)
                    }
                }
            }
        }
        try CorpusReader(spec, strict: options.strict).read(batchSize: options.batchSize, skipped: { summary.skipped.append($0) }) { batch in
            pending.append(Parallel.background(batch) { document in
                let input: InputText
                do {
                    input = try InputText(bytes: Array(document.text.utf8), source: document.id, format: document.format)
                } catch let error as SlantError {
                    return .failure(SkippedDocument(location: document.location, id: document.id, reason: error.message))
                } catch {
                    return .failure(SkippedDocument(location: document.location, id: document.id, reason: "\(error)"))
                }
                var score = scorer.score(input)
                if let target { score = score.focused(on: target) }
                return .success(score.json().serialized() + "\n")
            })
            try drain(keeping: 1)
        }
        try drain(keeping: 0)
        return summary
    }
}

extension SkippedDocument: Error {}
