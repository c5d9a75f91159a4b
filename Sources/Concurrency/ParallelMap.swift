import Dispatch

/// Maps an array on every core (Dispatch's concurrentPerform), keeping the order. Shared by the
/// stages of this package (reading, model building, output), not part of the library's API.
package enum ParallelMap {
    package static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = ResultSlots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in results.set(i, transform(items[i])) }
        return results.values()
    }
}

/// Write-once result slots in raw memory, one per index; each index is written by exactly one
/// iteration, so no two threads touch the same slot.
private final class ResultSlots<R>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<R?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<R?>.allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ i: Int, _ value: R) { base[i] = value }

    func values() -> [R] { (0..<count).map { base[$0]! } }
}
