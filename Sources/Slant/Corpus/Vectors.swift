/// A dense row-major float32 matrix of document (or paragraph) vectors.
public struct Vectors: Sendable, Equatable {
    public private(set) var values: [Float]
    public let rows: Int
    public let columns: Int

    public init(values: [Float], rows: Int, columns: Int) {
        precondition(values.count == rows * columns, "\(values.count) values do not fill \(rows)×\(columns)")
        self.values = values
        self.rows = rows
        self.columns = columns
    }

    /// Bag-of-words count vectors over a shared vocabulary (term → column, in order of first
    /// appearance, so the result is deterministic).
    /// - Complexity: O(total terms + rows × vocabulary).
    public static func bagOfWords(_ documents: [[String]]) -> Vectors {
        var vocabulary: [String: Int] = [:]
        for terms in documents { for term in terms where vocabulary[term] == nil { vocabulary[term] = vocabulary.count } }
        let columns = vocabulary.count
        var values = [Float](repeating: 0, count: documents.count * columns)
        for (row, terms) in documents.enumerated() {
            for term in terms { values[row * columns + vocabulary[term]!] += 1 }
        }
        return Vectors(values: values, rows: documents.count, columns: columns)
    }

    /// The rows scaled to unit Euclidean length; an all-zero row stays zero (its cosine
    /// similarity with anything is then 0, never NaN).
    public func normalized() -> Vectors {
        var copy = self
        copy.normalize()
        return copy
    }

    /// Scales every non-zero row to unit length, in place (no copy of the matrix).
    public mutating func normalize() {
        let norms = BLAS.rowNorms(values, rows: rows, columns: columns)
        BLAS.scaleRows(&values, rows: rows, columns: columns, by: norms.map { $0 > 0 ? 1 / $0 : 0 })
    }

    /// Cosine similarity of every pair of rows, as a rows × rows matrix (single-precision
    /// matrix product `X · Xᵀ` of the normalised rows through BLAS `sgemm`).
    /// - Complexity: O(rows² × columns) time, O(rows²) memory: meant for paragraphs of one
    ///   article, not for corpora.
    public func cosineSimilarities() -> [Float] {
        let unit = normalized()
        return BLAS.gemmABt(unit.values, rows: rows, unit.values, rows: rows, columns: columns)
    }
}
