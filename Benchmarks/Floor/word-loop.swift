// The floor under any lexicon scorer, for scripts/bench-peers.sh (compiled there with
// `swiftc -O`; not part of the Benchmarks package): read the input, split it into words
// (runs of ASCII letters, lower-cased) and look each word up once in a hash table of every
// word of the lexicons. No segmentation, no rules, no output. Prints words, hits, seconds
// and MB/s for the loop alone (reading and building the table are not timed).
// Usage: word-loop FILE LEXICON_DIR
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let input = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: word-loop FILE LEXICON_DIR\n".utf8))
    exit(64)
}
let bytes = [UInt8](input)

func fnv1a(_ word: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf29ce484222325
    for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
    return hash
}

var table: [UInt64: Int32] = [:]
let directory = arguments[2]
for name in (try? FileManager.default.contentsOfDirectory(atPath: directory))?.sorted() ?? [] where name.hasSuffix(".tsv") {
    guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        guard let key = line.split(separator: "\t").first else { continue }
        table[fnv1a(key.lowercased().utf8), default: Int32(table.count)] += 0
    }
}

let clock = ContinuousClock()
var words = 0, hits = 0
let elapsed = clock.measure {
    bytes.withUnsafeBufferPointer { buffer in
        var hash: UInt64 = 0xcbf29ce484222325
        var length = 0
        for byte in buffer {
            let lower = byte | 0x20
            if lower >= 0x61 && lower <= 0x7A {
                hash = (hash ^ UInt64(lower)) &* 0x100000001b3
                length += 1
            } else if length > 0 {
                words += 1
                if table[hash] != nil { hits += 1 }
                hash = 0xcbf29ce484222325
                length = 0
            }
        }
        if length > 0 { words += 1; if table[hash] != nil { hits += 1 } }
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("\(words) \(hits) \(table.count) \(seconds) \(Double(bytes.count) / 1e6 / seconds)")
