import Foundation

/// Runs work on all cores and returns results in input order, so output does not depend on
/// scheduling.
enum Parallel {
    /// Results storage written at distinct indices from several threads.
    private final class Slots<R>: @unchecked Sendable {
        // @unchecked: each index is written by exactly one iteration, and read only after
        // concurrentPerform returns, which orders all writes before the reads.
        let pointer: UnsafeMutablePointer<R?>
        let count: Int
        init(_ count: Int) {
            self.count = count
            pointer = .allocate(capacity: max(count, 1))
            pointer.initialize(repeating: nil, count: max(count, 1))
        }
        deinit {
            pointer.deinitialize(count: max(count, 1))
            pointer.deallocate()
        }
    }

    /// `items.map(transform)`, computed in chunks on all cores.
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<R>(items.count)
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 32)
        withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox(transform)
            let itemsBox = UncheckedBox(items)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * itemsBox.value.count / chunks
                let end = (chunk + 1) * itemsBox.value.count / chunks
                for i in start..<end { slots.pointer[i] = box.value(itemsBox.value[i]) }
            }
        }
        return (0..<items.count).map { slots.pointer[$0]! }
    }

    /// Work started by ``background(_:_:)``.
    final class Pending<R>: @unchecked Sendable {
        // @unchecked: `result` is written once by the background task before it leaves the
        // group, and read only after `wait()` has waited on that group.
        fileprivate var result: [R] = []
        fileprivate let group = DispatchGroup()

        /// Waits for the work and returns its results, in input order.
        func wait() -> [R] {
            group.wait()
            return result
        }
    }

    /// `map(items, transform)` started on a background thread, so the caller can prepare the
    /// next batch while this one is scored.
    static func background<T, R>(_ items: [T], _ transform: @escaping (T) -> R) -> Pending<R> {
        let pending = Pending<R>()
        let work = UncheckedBox((items, transform))
        pending.group.enter()
        DispatchQueue.global().async {
            pending.result = map(work.value.0, work.value.1)
            pending.group.leave()
        }
        return pending
    }

    /// Counts kept in dictionaries, summed over `0..<count`: `body` counts one range, on all
    /// cores (at most 8 ranges of at least `minimumPerRange`), and the parts are merged.
    /// Integer sums, so the same on any number of cores.
    static func summedCounts<Key: Hashable, Value: BinaryInteger>(
        _ count: Int, minimumPerRange: Int, _ body: (Range<Int>) -> [Key: Value]
    ) -> [Key: Value] {
        let chunks = Swift.max(1, Swift.min(8, count / minimumPerRange))
        let parts = map(Array(0..<chunks)) { c in body((c * count / chunks)..<((c + 1) * count / chunks)) }
        var out = parts[0]
        for part in parts.dropFirst() { out.merge(part, uniquingKeysWith: +) }
        return out
    }

    /// Calls `body` once for each of `count` consecutive, disjoint ranges covering
    /// `0..<count`, on all cores. `body` must only write state that belongs to its range.
    static func forEachRange(_ count: Int, minimumPerRange: Int = 1, _ body: (Range<Int>) -> Void) {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / max(1, minimumPerRange)))
        guard chunks > 1 else { body(0..<count); return }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                box.value((chunk * count / chunks)..<((chunk + 1) * count / chunks))
            }
        }
    }
}

/// Carries a value into `concurrentPerform`'s closure.
struct UncheckedBox<T>: @unchecked Sendable {
    // @unchecked: used only for values that are read, never mutated, by the workers
    // (the items array and a pure transform).
    let value: T
    init(_ value: T) { self.value = value }
}

/// Progress on standard error, drawn only when it is a terminal; silent otherwise.
public final class ProgressReporter: @unchecked Sendable {
    // @unchecked: used from one thread at a time (the coordinating thread of a run).
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drewSomething = false

    public init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// Share of the input read, set by the reader; gives an ETA when `total` is unknown.
    public var fraction: Double?

    /// Redraws `stage: done/total (rate/s, ETA)` at most ten times a second.
    public func update(_ stage: String, done: Int, total: Int?, unit: String = "documents") {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || (total.map { done >= $0 } ?? false) else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        var line = "\r\(stage): \(done)"
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            line += "/\(total) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
            if rate > 0, done < total {
                line += String(format: " ETA %.0fs", Double(total - done) / rate)
            }
        }
        if total == nil, let fraction, fraction > 0.01, fraction < 1 {
            line += String(format: " (%.0f%% read, ETA %.0fs)", fraction * 100, elapsed * (1 - fraction) / fraction)
        }
        line += String(format: " %.0f %@/s\u{1B}[K", rate, unit)
        FileHandle.standardError.write(Data(line.utf8))
        drewSomething = true
    }

    /// Ends the progress line.
    public func finish() {
        fraction = nil
        guard enabled, drewSomething else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        drewSomething = false
    }
}
