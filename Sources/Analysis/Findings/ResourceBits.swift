import Policy

/// A set of resource ordinals (positions in `AccessModel.resourceOrder`), one bit each.
struct ResourceBits: Sendable, Equatable {
    private(set) var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ ordinal: Int) { words[ordinal >> 6] |= 1 << UInt64(ordinal & 63) }

    func contains(_ ordinal: Int) -> Bool { words[ordinal >> 6] & (1 << UInt64(ordinal & 63)) != 0 }

    mutating func formUnion(_ other: ResourceBits) {
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for i in mine.indices { mine[i] |= theirs[i] }
            }
        }
    }

    /// Calls `body` with every ordinal in the set, in increasing order.
    func forEach(_ body: (Int) -> Void) {
        for (i, word) in words.enumerated() where word != 0 {
            var w = word
            while w != 0 {
                body(i << 6 + w.trailingZeroBitCount)
                w &= w - 1
            }
        }
    }
}

/// Access levels as bits, in the catalog's order (List, Read, Write, Permissions management,
/// Tagging): the levels of an action list, unions of them, and their names.
struct LevelMask: Sendable, Hashable {
    var raw: UInt8

    static let none = LevelMask(raw: 0)

    init(raw: UInt8) { self.raw = raw }

    /// The levels of `summary` (the catalog's levels of an action list).
    init(_ summary: AccessLevelSummary) {
        var raw: UInt8 = 0
        for level in summary.levels { raw |= 1 << UInt8(LevelMask.order.firstIndex(of: level)!) }
        self.raw = raw
    }

    static let order = ActionCatalog.AccessLevel.allCases

    mutating func formUnion(_ other: LevelMask) { raw |= other.raw }

    /// Write or Permissions management: what `examples` list first.
    var changes: Bool { raw & (1 << 2 | 1 << 3) != 0 }

    /// The levels' names, in the catalog's order.
    var names: [String] { Self.order.indices.filter { raw & (1 << UInt8($0)) != 0 }.map { Self.order[$0].rawValue } }
}
