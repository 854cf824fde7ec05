internal import CBLAS
import Foundation

/// The one place Slant calls BLAS. Functions take Swift arrays, check shapes with
/// `precondition` and counts with `Int32(exactly:)`, and never expose C types.
///
/// Linked against the system `libblas.so.3`, so installing OpenBLAS (`libopenblas0-pthread`)
/// makes these calls multithreaded and vectorised with no rebuild.
enum BLAS {
    private static func int32(_ value: Int, _ what: String) -> Int32 {
        guard let v = Int32(exactly: value) else { preconditionFailure("\(what) \(value) exceeds BLAS's 32-bit index range") }
        return v
    }

    /// C = A · Bᵀ for row-major A (m × k) and B (n × k); C is m × n, row-major.
    /// - Complexity: O(m · n · k).
    static func gemmABt(_ a: [Float], rows m: Int, _ b: [Float], rows n: Int, columns k: Int) -> [Float] {
        precondition(a.count == m * k, "A has \(a.count) values, expected \(m)×\(k)")
        precondition(b.count == n * k, "B has \(b.count) values, expected \(n)×\(k)")
        var c = [Float](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        let m32 = int32(m, "rows"), n32 = int32(n, "rows"), k32 = int32(k, "columns")
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m32, n32, k32,
                                1, pa.baseAddress, k32, pb.baseAddress, k32, 0, pc.baseAddress, n32)
                }
            }
        }
        return c
    }

    /// C = A · Bᵀ into a caller-owned buffer (at least m × n floats), so repeated tiles reuse
    /// one allocation; with β = 0 BLAS overwrites C, so it needs no zeroing.
    static func gemmABt(_ a: UnsafeBufferPointer<Float>, rows m: Int, _ b: UnsafeBufferPointer<Float>, rows n: Int,
                        columns k: Int, into c: UnsafeMutableBufferPointer<Float>) {
        precondition(a.count >= m * k && b.count >= n * k && c.count >= m * n, "gemm buffers too small for \(m)×\(n)×\(k)")
        guard m > 0, n > 0, k > 0 else { return }
        let m32 = int32(m, "rows"), n32 = int32(n, "rows"), k32 = int32(k, "columns")
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m32, n32, k32,
                    1, a.baseAddress, k32, b.baseAddress, k32, 0, c.baseAddress, n32)
    }

    /// Scales one row of `k` values to unit length in place (`snrm2`, then `sscal` by its
    /// reciprocal); a zero row stays zero.
    static func normalizeRow(_ row: UnsafeMutablePointer<Float>, columns k: Int) {
        guard k > 0 else { return }
        let k32 = int32(k, "columns")
        let norm = cblas_snrm2(k32, row, 1)
        cblas_sscal(k32, norm > 0 ? 1 / norm : 0, row, 1)
    }

    /// y = A · x (transpose false) or y = Aᵀ · x (transpose true) for row-major A (m × n).
    static func gemv(_ a: [Float], rows m: Int, columns n: Int, _ x: [Float], transpose: Bool = false) -> [Float] {
        precondition(a.count == m * n, "matrix has \(a.count) values, expected \(m)×\(n)")
        precondition(x.count == (transpose ? m : n), "vector of \(x.count) for a \(m)×\(n) matrix")
        var y = [Float](repeating: 0, count: transpose ? n : m)
        guard m > 0, n > 0 else { return y }
        let m32 = int32(m, "rows"), n32 = int32(n, "columns")
        y.withUnsafeMutableBufferPointer { py in
            cblas_sgemv(CblasRowMajor, transpose ? CblasTrans : CblasNoTrans, m32, n32, 1, a, n32, x, 1, 0, py.baseAddress, 1)
        }
        return y
    }

    /// Dot product of two equal-length vectors.
    static func dot(_ x: [Float], _ y: [Float]) -> Float {
        precondition(x.count == y.count, "dot of vectors of length \(x.count) and \(y.count)")
        guard !x.isEmpty else { return 0 }
        return cblas_sdot(int32(x.count, "length"), x, 1, y, 1)
    }
}

/// The BLAS library's own threads.
public enum BLASThreads {
    /// OpenBLAS's pthread build starts its worker threads when the library is loaded, and each
    /// busy-waits for work for about 2^28 cycles (a tenth of a second) before it sleeps: at
    /// start-up that keeps a core busy while Slant loads its lexicons and scores on all cores.
    /// This stops those threads through OpenBLAS's `blas_thread_shutdown_` (looked up at run
    /// time, so nothing changes with another BLAS); OpenBLAS starts them again at its next
    /// multithreaded call (`sgemm` in `similar` and `compare`). Call it before other threads
    /// use BLAS.
    public static func stopIdleWorkers() {
        typealias Shutdown = @convention(c) () -> Int32
        guard let symbol = dlsym(nil, "blas_thread_shutdown_") else { return }
        _ = unsafeBitCast(symbol, to: Shutdown.self)()
    }
}
