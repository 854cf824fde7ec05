import Testing
@testable import Slant

@Suite("BLAS similarity")
struct BLASTests {
    /// A reproducible pseudo-random matrix (64-bit LCG), so the test needs no seedable RNG.
    func matrix(rows: Int, columns: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<(rows * columns)).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(Int64(bitPattern: state >> 11) % 2000) / 1000 - 1
        }
    }

    /// Plain Swift reference for A · Bᵀ.
    func reference(_ a: [Float], _ m: Int, _ b: [Float], _ n: Int, _ k: Int) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n {
            var sum: Float = 0
            for x in 0..<k { sum += a[i * k + x] * b[j * k + x] }
            c[i * n + j] = sum
        } }
        return c
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 7), (17, 9, 33), (64, 40, 100)])
    func gemmMatchesReference(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = matrix(rows: m, columns: k, seed: 1), b = matrix(rows: n, columns: k, seed: 2)
        let fast = BLAS.gemmABt(a, rows: m, b, rows: n, columns: k)
        let slow = reference(a, m, b, n, k)
        #expect(zip(fast, slow).allSatisfy { abs($0 - $1) <= 1e-4 * max(1, abs($1)) })
    }

    @Test func cosineSimilarityMatchesReferenceAndHandlesZeroRows() {
        let rows = 6, columns = 12
        var values = matrix(rows: rows, columns: columns, seed: 3)
        for c in 0..<columns { values[2 * columns + c] = 0 }  // an all-zero row
        let unit = Vectors(values: values, rows: rows, columns: columns).normalized()
        let similarities = BLAS.gemmABt(unit.values, rows: rows, unit.values, rows: rows, columns: columns)
        for i in 0..<rows { for j in 0..<rows {
            let x = Array(values[(i * columns)..<((i + 1) * columns)]), y = Array(values[(j * columns)..<((j + 1) * columns)])
            let nx = x.reduce(0) { $0 + $1 * $1 }.squareRoot(), ny = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let expected: Float = nx == 0 || ny == 0 ? 0 : zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / (nx * ny)
            #expect(abs(similarities[i * rows + j] - expected) <= 1e-5)
            #expect(!similarities[i * rows + j].isNaN)
        } }
        #expect(BLAS.dot([1, 2, 3], [4, 5, 6]) == 32)
    }
}
