/// Turns documents into dense, L2-normalised float32 vectors for similarity search.
///
/// Representation (documented in the README):
/// 1. Terms: maximal runs of letters and digits, lower-cased, at least two characters (as
///    scikit-learn's default `\b\w\w+\b`), each identified by its 64-bit FNV-1a hash.
/// 2. Weights: sublinear term frequency times smoothed inverse document frequency,
///    `(1 + ln tf) · (ln((1 + N) / (1 + df)) + 1)`; terms in more than half of the documents
///    are dropped when the corpus has at least 20 (they say nothing about which story).
/// 3. Reduction: signed feature hashing into `dimensions` columns, each term added to two
///    hashed columns with hashed signs and weight 1/√2 (a sparse random projection, which
///    preserves inner products in expectation; Weinberger et al. 2009).
/// 4. Rows scaled to unit length; an empty document stays the zero vector.
public struct TermVectorizer: Sendable {
    public let dimensions: Int

    public init(dimensions: Int = 1024) {
        precondition(dimensions > 0, "dimensions must be positive")
        self.dimensions = dimensions
    }

    /// A document's terms as (hash, count), sorted by hash.
    public struct TermCounts: Sendable, Equatable {
        public var hashes: [UInt64]
        public var counts: [Int32]
        public var total: Int { counts.reduce(0) { $0 + Int($1) } }
    }

    /// Term counts of one text.
    /// - Complexity: O(n log n) in the number of terms (sorting), O(n) scanning.
    public static func termCounts(_ text: String) -> TermCounts {
        var hashes = termHashes(text)
        hashes.sort()
        var unique: [UInt64] = []
        var counts: [Int32] = []
        unique.reserveCapacity(hashes.count)
        for h in hashes {
            if unique.last == h { counts[counts.count - 1] += 1 } else { unique.append(h); counts.append(1) }
        }
        return TermCounts(hashes: unique, counts: counts)
    }

    static let fnvOffset: UInt64 = 0xcbf29ce484222325
    static let fnvPrime: UInt64 = 0x100000001b3

    /// FNV-1a hashes of the lower-cased terms of `text`, in order.
    static func termHashes(_ text: String) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(text.utf8.count / 6)
        var hash = fnvOffset
        var length = 0
        func flush() {
            if length >= 2 { out.append(hash) }
            hash = fnvOffset
            length = 0
        }
        func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* fnvPrime
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 {
                    add(UInt8(v)); length += 1
                } else if v >= 0x41 && v <= 0x5A {
                    add(UInt8(v + 0x20)); length += 1
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.generalCategory == .decimalNumber
                        || scalar.properties.generalCategory == .nonspacingMark {
                let lower = scalar.properties.isUppercase ? scalar.properties.lowercaseMapping : String(scalar)
                for byte in lower.utf8 { add(byte) }
                length += 1
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Document frequencies of a corpus.
    public static func documentFrequencies(_ documents: [TermCounts]) -> [UInt64: Int32] {
        Parallel.summedCounts(documents.count, minimumPerRange: 2048) { range in
            var df: [UInt64: Int32] = [:]
            for document in documents[range] { for h in document.hashes { df[h, default: 0] += 1 } }
            return df
        }
    }

    /// Vectors of `documents`, with idf from `df` over `corpusSize` documents.
    /// - Complexity: O(total distinct terms + rows × dimensions).
    public func vectors(_ documents: [TermCounts], df: [UInt64: Int32], corpusSize: Int) -> Vectors {
        let n = Double(corpusSize)
        let maxDF = corpusSize >= 20 ? Int32(corpusSize / 2) : Int32.max
        let d = UInt64(dimensions)
        let half = Float(1 / 2.0.squareRoot())
        let columns = dimensions
        // Uninitialised, and each row zeroed by the core that fills it: zeroing the whole
        // matrix up front touched every page (a page fault each) on one core.
        let values = [Float](unsafeUninitializedCapacity: documents.count * dimensions) { buffer, initialized in
          let buffer = UncheckedBox(buffer)
          // Rows are independent: each range of documents writes only its own rows.
          Parallel.forEachRange(documents.count, minimumPerRange: 256) { rows in
            let buffer = buffer.value
            for row in rows {
                let document = documents[row]
                let base = row * columns
                (buffer.baseAddress! + base).initialize(repeating: 0, count: columns)
                for (h, count) in zip(document.hashes, document.counts) {
                    let frequency = df[h] ?? 1
                    if frequency > maxDF { continue }
                    let idf = log((1 + n) / (1 + Double(frequency))) + 1
                    let weight = Float((1 + log(Double(count))) * idf) * half
                    let mixed = Self.mix(h)
                    let b1 = Int(h % d), b2 = Int(mixed % d)
                    buffer[base + b1] += (h >> 63) == 0 ? weight : -weight
                    buffer[base + b2] += (mixed >> 63) == 0 ? weight : -weight
                }
                // To unit length here, on this core (what Vectors.normalize does row by row).
                BLAS.normalizeRow(buffer.baseAddress! + base, columns: columns)
            }
          }
          initialized = documents.count * columns
        }
        return Vectors(values: values, rows: documents.count, columns: dimensions)
    }

    /// SplitMix64's finaliser: a second, independent-looking hash of `x`.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e3779b97f4a7c15
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}

import Foundation
