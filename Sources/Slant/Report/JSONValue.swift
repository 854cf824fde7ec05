/// A JSON value whose objects keep their keys in the order given, so reports print keys in
/// the documented order and the same report always gives the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
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
        var out = ""
        write(to: &out, indent: nil, level: 0)
        return out
    }

    /// Indented serialisation for people.
    public func pretty() -> String {
        var out = ""
        write(to: &out, indent: "  ", level: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let d): out += JSONValue.format(d)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                newline(&out, indent, level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (k, pair) in pairs.enumerated() {
                if k > 0 { out += "," }
                newline(&out, indent, level + 1)
                JSONValue.escape(pair.0, into: &out)
                out += indent == nil ? ":" : ": "
                pair.1.write(to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: indent, count: level)
    }

    /// Rounds to 6 decimals and drops trailing zeros (`0.5`, `12`, `-0.333333`).
    static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        let rounded = (d * 1_000_000).rounded() / 1_000_000
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        // rounded is the double nearest k/10^6 for an integer k; below 2^31 its "%.6f" is
        // exactly k/10^6, so the digits come from k itself (printf through Foundation is slow).
        let scaled = (d * 1_000_000).rounded()
        if abs(scaled) < 2_147_483_648 {
            let k = Int64(scaled)
            let whole = abs(k) / 1_000_000
            var fraction = abs(k) % 1_000_000
            var digits = 6
            while fraction % 10 == 0 && digits > 0 { fraction /= 10; digits -= 1 }
            let tail = String(fraction)
            return (k < 0 ? "-" : "") + String(whole) + "." + String(repeating: "0", count: digits - tail.count) + tail
        }
        var text = String(format: "%.6f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func escape(_ s: String, into out: inout String) {
        // Fast path: nothing to escape (no control character, quote, backslash, or the
        // E2 lead byte of U+2028/U+2029).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

import Foundation
