/// A fixed-size set of small integers (positions in an ``ActionSpace``).
public struct BitSet: Sendable, Hashable {
    var words: [UInt64]
    /// The number of positions the set ranges over.
    public let count: Int

    public init(count: Int) {
        self.count = count
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    public func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }

    public mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }

    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    public mutating func formUnion(_ o: BitSet) { for i in words.indices { words[i] |= o.words[i] } }

    public func union(_ o: BitSet) -> BitSet { combined(o) { $0 | $1 } }
    public func intersection(_ o: BitSet) -> BitSet { combined(o) { $0 & $1 } }
    public func subtracting(_ o: BitSet) -> BitSet { combined(o) { $0 & ~$1 } }
    public func isSubset(of o: BitSet) -> Bool { subtracting(o).isEmpty }
    public func isDisjoint(with o: BitSet) -> Bool { intersection(o).isEmpty }

    /// Every position below `count` that is not in the set.
    public func complement() -> BitSet {
        var m = self
        for i in m.words.indices { m.words[i] = ~m.words[i] }
        let extra = m.words.count * 64 - count
        if extra > 0, !m.words.isEmpty { m.words[m.words.count - 1] &= ~UInt64(0) >> UInt64(extra) }
        return m
    }

    /// The positions in the set, ascending.
    public var members: [Int] {
        var out: [Int] = []
        for (w, word) in words.enumerated() where word != 0 {
            for b in 0..<64 where word & (1 << UInt64(b)) != 0 { out.append(w * 64 + b) }
        }
        return out
    }

    private func combined(_ o: BitSet, _ f: (UInt64, UInt64) -> UInt64) -> BitSet {
        var m = self
        for i in m.words.indices { m.words[i] = f(words[i], o.words[i]) }
        return m
    }
}
