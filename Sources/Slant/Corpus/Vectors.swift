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

    /// The rows scaled to unit Euclidean length; an all-zero row stays zero (its cosine
    /// similarity with anything is then 0, never NaN).
    public func normalized() -> Vectors {
        var copy = self
        copy.normalize()
        return copy
    }

    /// Scales every non-zero row to unit length, in place (no copy of the matrix).
    public mutating func normalize() {
        let columns = columns
        guard rows > 0, columns > 0 else { return }
        values.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<rows { BLAS.normalizeRow(buffer.baseAddress! + row * columns, columns: columns) }
        }
    }
}
