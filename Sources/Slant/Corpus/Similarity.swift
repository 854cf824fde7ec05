/// Nearest neighbours by cosine similarity, computed with BLAS `sgemm` over tiles so that
/// memory never grows with N²: only a tile of scores and the kept neighbours of each row
/// are held at once.
public enum Similarity {
    /// One kept pair: `row`'s `rank`-th nearest neighbour (rank 1 = nearest).
    public struct Neighbor: Sendable, Equatable {
        public var row: Int
        public var neighbor: Int
        public var rank: Int
        public var score: Float
    }

    /// The best `k` of one row, kept sorted (highest score first, then lowest index).
    struct TopK {
        var k: Int
        var minScore: Float
        var items: [(Int, Float)] = []

        /// The score a candidate must beat to enter.
        var floor: Float { items.count < k ? minScore : items[items.count - 1].1 }

        mutating func offer(_ index: Int, _ score: Float) {
            guard score >= minScore else { return }
            if items.count == k {
                let last = items[k - 1]
                guard score > last.1 || (score == last.1 && index < last.0) else { return }
                items.removeLast()
            }
            var position = items.count
            while position > 0 {
                let previous = items[position - 1]
                if previous.1 > score || (previous.1 == score && previous.0 < index) { break }
                position -= 1
            }
            items.insert((index, score), at: position)
        }
    }

    /// The `k` nearest rows of `y` (or, without `y`, of `x` itself, excluding each row) for
    /// every row of `x`, keeping only scores ≥ `minScore`. Rows must be L2-normalised.
    ///
    /// Without `y` the matrix is symmetric, so only tiles on or above the diagonal are
    /// multiplied and each score updates both rows.
    /// - Parameters:
    ///   - minScore: pairs scoring below it are never kept (pass a tiny positive value to drop
    ///     unrelated and empty documents, whose score is 0).
    ///   - tile: rows per tile; memory for scores is `tile²` floats.
    /// - Complexity: O(N · M · D / tile-efficiency) arithmetic in `sgemm`, O(N · M) comparisons,
    ///   O(tile² + N · k) memory.
    public static func nearest(_ x: Vectors, against y: Vectors? = nil, k: Int, minScore: Float,
                               tile: Int = 2048) -> [[Neighbor]] {
        var stats = SearchStats()
        return nearest(x, against: y, k: k, minScore: minScore, tile: tile, stats: &stats)
    }

    /// Where a search spent its time: the `sgemm` calls and the top-k scan.
    public struct SearchStats: Sendable, Equatable {
        public var gemmSeconds = 0.0
        /// Floating-point operations in the `sgemm` calls (2 · m · n · k each).
        public var gemmFlops = 0.0
        public var tiles = 0
        public init() {}
    }

    /// ``nearest(_:against:k:minScore:tile:)`` that also reports timings and tile progress.
    public static func nearest(_ x: Vectors, against y: Vectors? = nil, k: Int, minScore: Float,
                               tile: Int = 2048, stats: inout SearchStats,
                               progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> [[Neighbor]] {
        precondition(k >= 0 && tile > 0)
        let other = y ?? x
        precondition(other.columns == x.columns, "vectors of \(x.columns) and \(other.columns) dimensions")
        let symmetric = y == nil
        var best = (0..<x.rows).map { _ in TopK(k: k, minScore: minScore) }
        guard k > 0, x.rows > 0, other.rows > 0 else { return best.map { _ in [] } }
        let d = x.columns
        let rowTiles = (x.rows + tile - 1) / tile, columnTiles = (other.rows + tile - 1) / tile
        let totalTiles = symmetric ? rowTiles * (rowTiles + 1) / 2 : rowTiles * columnTiles
        let clock = ContinuousClock()
        // One score buffer for every tile: no allocation or zeroing per tile.
        var scoreBuffer = [Float](repeating: 0, count: min(tile, x.rows) * min(tile, other.rows))
        var rowStart = 0
        while rowStart < x.rows {
            let rowEnd = min(x.rows, rowStart + tile)
            var columnStart = symmetric ? rowStart : 0
            while columnStart < other.rows {
                let columnEnd = min(other.rows, columnStart + tile)
                let m = rowEnd - rowStart, n = columnEnd - columnStart
                let before = clock.now
                x.values.withUnsafeBufferPointer { xs in
                    other.values.withUnsafeBufferPointer { ys in
                        scoreBuffer.withUnsafeMutableBufferPointer { c in
                            BLAS.gemmABt(UnsafeBufferPointer(rebasing: xs[(rowStart * d)..<(rowEnd * d)]), rows: m,
                                         UnsafeBufferPointer(rebasing: ys[(columnStart * d)..<(columnEnd * d)]), rows: n,
                                         columns: d, into: c)
                        }
                    }
                }
                let elapsed = clock.now - before
                stats.gemmSeconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                stats.gemmFlops += 2 * Double(m) * Double(n) * Double(d)
                stats.tiles += 1
                progress?(stats.tiles, totalTiles)
                scoreBuffer.withUnsafeBufferPointer { s in
                    for r in 0..<m {
                        let i = rowStart + r
                        var floor = best[i].floor
                        let rowBase = r * n
                        for c in 0..<n {
                            let score = s[rowBase + c]
                            let j = columnStart + c
                            if symmetric && j <= i {
                                continue
                            }
                            if score >= floor {
                                best[i].offer(j, score)
                                floor = best[i].floor
                            }
                            if symmetric, score >= best[j].floor {
                                best[j].offer(i, score)
                            }
                        }
                    }
                }
                columnStart = columnEnd
            }
            rowStart = rowEnd
        }
        return best.enumerated().map { row, top in
            top.items.enumerated().map { rank, item in
                Neighbor(row: row, neighbor: item.0, rank: rank + 1, score: item.1)
            }
        }
    }
}
