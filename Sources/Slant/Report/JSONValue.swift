/// A JSON value whose objects keep their keys in the order given, so reports print keys in
/// the documented order and the same report always gives the same bytes.
// Not `indirect`: arrays already live on the heap, and an indirect enum boxes every case,
// a malloc for each number and string of a report.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.serialized() == b.serialized()
    }

    /// Compact serialisation (one line). Doubles are written with at most 6 decimals,
    /// trailing zeros removed; non-finite numbers become `null`.
    public func serialized() -> String {
        String(decoding: serializedUTF8(), as: UTF8.self)
    }

    /// ``serialized()`` as UTF-8 bytes, without building (and validating) a String: the
    /// report writer's path for large reports.
    public func serializedUTF8() -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented serialisation for people.
    public func pretty() -> String {
        var out: [UInt8] = []
        write(to: &out, indent: Array("  ".utf8), level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    // Serialisation appends UTF-8 bytes: appending to a String character run by character
    // run was a sixth of `slant score --format json`.
    fileprivate func write(to out: inout [UInt8], indent: [UInt8]?, level: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): JSONValue.appendDigits(Int64(i), to: &out)
        case .number(let d): JSONValue.appendNumber(d, to: &out)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            // Indexing rather than iterating borrows each element instead of copying it.
            for k in items.indices {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                items[k].write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for k in pairs.indices {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(&out, indent, level + 1)
                JSONValue.escape(pairs[k].0, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                pairs[k].1.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ out: inout [UInt8], _ indent: [UInt8]?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level { out.append(contentsOf: indent) }
    }

    /// Rounds to 6 decimals and drops trailing zeros (`0.5`, `12`, `-0.333333`).
    static func appendNumber(_ d: Double, to out: inout [UInt8]) {
        guard d.isFinite else { out.append(contentsOf: "null".utf8); return }
        let scaled = (d * 1_000_000).rounded()
        let rounded = scaled / 1_000_000
        if rounded == 0 { out.append(UInt8(ascii: "0")); return }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { appendDigits(Int64(rounded), to: &out); return }
        // rounded is the double nearest k/10^6 for the integer k = scaled; below 2^31 its
        // "%.6f" is exactly k/10^6, so the digits come from k itself (printf through Foundation
        // is slow).
        if abs(scaled) < 2_147_483_648 {
            let k = Int64(scaled)
            if k < 0 { out.append(UInt8(ascii: "-")) }
            appendDigits(abs(k) / 1_000_000, to: &out)
            out.append(UInt8(ascii: "."))
            var fraction = abs(k) % 1_000_000
            var digits = 6
            while fraction % 10 == 0 && digits > 0 { fraction /= 10; digits -= 1 }
            // `digits` places, leading zeros kept.
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
                divisor /= 10
            }
            return
        }
        var text = String(format: "%.6f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        out.append(contentsOf: text.utf8)
    }

    /// Decimal digits of `value`, with a minus sign when negative.
    static func appendDigits(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        // Int64.min has no positive counterpart: work with the magnitude as UInt64.
        var magnitude = value.magnitude
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, enough for 20 digits
        withUnsafeMutableBytes(of: &buffer) { raw in
            var end = raw.count
            repeat {
                end -= 1
                raw[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: raw[end...])
        }
    }

    /// Writes `s` as a JSON string: quotes, backslashes and control characters escaped, and
    /// U+2028 and U+2029 too (they end lines in JavaScript).
    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if s.utf8.withContiguousStorageIfAvailable({ escapeUTF8($0, into: &out) }) == nil {
            var copy = s
            copy.withUTF8 { escapeUTF8($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escapeUTF8(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        // One pass: runs that need no escape are copied whole (news text is full of curly
        // quotes, whose lead byte 0xE2 is also U+2028's, so most strings hold a candidate).
        let n = utf8.count
        guard n > 0, let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0, i = 0
        while i < n {
            // Eight bytes at a time past those that cannot need an escape (no byte below 0x20,
            // no quote, backslash or 0xE2; a false alarm only falls through to the byte test).
            while i + 8 <= n, !mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
            guard i < n else { break }
            let b = utf8[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 { i += 1; continue }
            let lineSeparator = b == 0xE2 && i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
            if b == 0xE2 && !lineSeparator { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0xE2:
                out.append(contentsOf: (utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default:
                let hex = String(b, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            }
            i += 1
            runStart = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<n]))
    }

    /// Whether any byte of the word is below 0x20 or is 0x22, 0x5C or 0xE2 (may also say
    /// yes when none is: bytes past the first hit can be misread, never missed).
    @inline(__always)
    private static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below = (x &- 0x2020_2020_2020_2020) & ~x & highs
        return below | hasZero(x ^ (ones &* 0x22)) | hasZero(x ^ (ones &* 0x5C)) | hasZero(x ^ (ones &* 0xE2)) != 0
    }
}

import Foundation

/// A value of a streamed JSON object: one value, or an array whose elements are made one at a
/// time as they are written (a report's paragraphs), so neither the whole tree nor its bytes
/// need exist at once.
public enum JSONMember {
    case value(JSONValue)
    case elements(count: Int, element: (Int) -> JSONValue)

    /// The member as one value (every element made).
    public var value: JSONValue {
        switch self {
        case .value(let v): v
        case .elements(let count, let element): .array((0..<count).map(element))
        }
    }
}

/// Compact JSON written into a buffer that is handed on whenever it passes `chunk` bytes, at
/// value boundaries.
struct JSONStreamWriter {
    private var buffer: [UInt8] = []
    private let chunk: Int

    init(chunk: Int) {
        self.chunk = max(1, chunk)
        buffer.reserveCapacity(min(self.chunk, 1 << 20) + 4096)
    }

    private mutating func handOn(_ sink: ([UInt8]) throws -> Void) rethrows {
        guard buffer.count >= chunk else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func value(_ v: JSONValue, _ sink: ([UInt8]) throws -> Void) rethrows {
        v.write(to: &buffer, indent: nil, level: 0)
        try handOn(sink)
    }

    /// An object of `members`, in order; `.elements` are made and written one by one.
    mutating func object(_ members: [(String, JSONMember)], _ sink: ([UInt8]) throws -> Void) rethrows {
        buffer.append(UInt8(ascii: "{"))
        for (k, (key, member)) in members.enumerated() {
            if k > 0 { buffer.append(UInt8(ascii: ",")) }
            JSONValue.escape(key, into: &buffer)
            buffer.append(UInt8(ascii: ":"))
            switch member {
            case .value(let v):
                try value(v, sink)
            case .elements(let count, let element):
                guard count > 0 else { buffer.append(contentsOf: "[]".utf8); continue }
                buffer.append(UInt8(ascii: "["))
                for i in 0..<count {
                    if i > 0 { buffer.append(UInt8(ascii: ",")) }
                    try value(element(i), sink)
                }
                buffer.append(UInt8(ascii: "]"))
            }
        }
        buffer.append(UInt8(ascii: "}"))
        try handOn(sink)
    }

    mutating func finish(_ sink: ([UInt8]) throws -> Void) rethrows {
        if !buffer.isEmpty { try sink(buffer) }
        buffer.removeAll()
    }
}
