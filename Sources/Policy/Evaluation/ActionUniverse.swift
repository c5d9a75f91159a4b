import Foundation

/// The actions that can be asked of one kind of resource target (the object actions of
/// S3, the key actions of KMS, ...), with an id under which per-statement masks are cached.
public struct ActionUniverse: Sendable, Hashable {
    public let id: Int
    public let actions: [String]
    let lowered: [String]
    /// The one service prefix of every action (lowercased), when there is one.
    public let service: String?

    public init(id: Int, actions: [String]) {
        self.id = id
        self.actions = actions
        self.lowered = actions.map { $0.lowercased() }
        let services = Set(lowered.map { $0.split(separator: ":").first.map(String.init) ?? "" })
        self.service = services.count == 1 ? services.first : nil
    }
}

/// A set of positions in an `ActionUniverse`.
struct ActionMask: Sendable, Hashable {
    var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

    @inline(__always) func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    @inline(__always) mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }

    mutating func formUnion(_ other: ActionMask) {
        for i in words.indices { words[i] |= other.words[i] }
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Every position below `count`.
    static func full(_ count: Int) -> ActionMask {
        var m = ActionMask(count: count)
        for w in m.words.indices { m.words[w] = ~0 }
        let extra = m.words.count * 64 - count
        if extra > 0, !m.words.isEmpty { m.words[m.words.count - 1] >>= UInt64(extra) }
        return m
    }

    func union(_ o: ActionMask) -> ActionMask {
        var m = self
        for i in m.words.indices { m.words[i] |= o.words[i] }
        return m
    }

    func intersection(_ o: ActionMask) -> ActionMask {
        var m = self
        for i in m.words.indices { m.words[i] &= o.words[i] }
        return m
    }

    /// The positions not in the mask (bits past the universe's end are set too; callers
    /// intersect with real masks or test positions below the count only).
    func complement() -> ActionMask {
        var m = self
        for i in m.words.indices { m.words[i] = ~m.words[i] }
        return m
    }
}

/// Which actions of a universe each Action/NotAction clause covers, computed once per clause
/// and universe. Shared by every evaluation of a model; safe to use from several tasks.
public final class ActionMaskCache: @unchecked Sendable {
    private struct Key: Hashable {
        let clause: ActionClause
        let universe: Int
    }

    private let lock = NSLock()
    private var masks: [Key: ActionMask] = [:]

    public init() {}

    func mask(_ clause: ActionClause, in universe: ActionUniverse) -> ActionMask {
        let key = Key(clause: clause, universe: universe.id)
        lock.lock()
        if let m = masks[key] {
            lock.unlock()
            return m
        }
        lock.unlock()
        var m = ActionMask(count: universe.actions.count)
        let statement = Statement(effect: .allow, action: clause)
        for (i, a) in universe.lowered.enumerated() where statement.appliesTo(action: a) { m.insert(i) }
        lock.lock()
        masks[key] = m
        lock.unlock()
        return m
    }
}
