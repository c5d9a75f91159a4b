/// A set of actions: the catalog actions it holds (exact), and the action names outside the
/// catalog it may hold (actions newer than the catalog, typos), described by patterns.
///
/// Operations on ``other`` are approximate in a stated direction: `union` may give less than the
/// exact union (used for what the reference allows), `subtracting` and `intersection` may give
/// more than the exact result (used for what the new policy allows); subset and disjointness
/// tests say yes only when certain.
public struct ActionSet: Sendable, Hashable {
    public var known: BitSet
    public var other: OtherActions

    public init(known: BitSet, other: OtherActions) {
        self.known = known
        self.other = other
    }

    /// No action.
    public static func empty(in space: ActionSpace) -> ActionSet {
        ActionSet(known: BitSet(count: space.names.count), other: .matching([]))
    }

    public var isEmpty: Bool { known.isEmpty && other.isEmpty }

    /// Certainly every action of `self` is in `o`.
    public func isSubset(of o: ActionSet) -> Bool { known.isSubset(of: o.known) && other.isSubset(of: o.other) }

    /// Certainly no action is in both.
    public func isDisjoint(with o: ActionSet) -> Bool { known.isDisjoint(with: o.known) && other.isDisjoint(with: o.other) }

    /// At most the union (exact on catalog actions).
    public func union(_ o: ActionSet) -> ActionSet { ActionSet(known: known.union(o.known), other: other.union(o.other)) }

    /// At least the difference (exact on catalog actions).
    public func subtracting(_ o: ActionSet) -> ActionSet {
        ActionSet(known: known.subtracting(o.known), other: other.subtracting(o.other))
    }

    /// At least the intersection (exact on catalog actions).
    public func intersection(_ o: ActionSet) -> ActionSet {
        ActionSet(known: known.intersection(o.known), other: other.intersection(o.other))
    }
}

/// Action names the catalog does not know, as lowercased glob patterns: those matching one of
/// the patterns, or all but those matching one of them.
public enum OtherActions: Sendable, Hashable, CustomStringConvertible {
    case matching([String])
    case allExcept([String])

    public var isEmpty: Bool {
        if case .matching(let p) = self { return p.isEmpty }
        return false
    }

    public var description: String {
        switch self {
        case .matching(let p): p.joined(separator: ", ")
        case .allExcept(let e): e.isEmpty ? "any action" : "any action but \(e.joined(separator: ", "))"
        }
    }

    func isSubset(of o: OtherActions) -> Bool {
        switch (self, o) {
        case (.matching(let p), .matching(let q)):
            return p.allSatisfy { x in q.contains { GlobRelation.contains($0, x) } }
        case (.matching(let p), .allExcept(let e)):
            return p.allSatisfy { x in !e.contains { GlobRelation.intersects($0, x) } }
        case (.allExcept, .matching(let q)):
            return q.contains("*")
        case (.allExcept(let e), .allExcept(let f)):
            return f.allSatisfy { x in e.contains { GlobRelation.contains($0, x) } }
        }
    }

    func isDisjoint(with o: OtherActions) -> Bool {
        switch (self, o) {
        case (.matching(let p), .matching(let q)):
            return p.allSatisfy { x in !q.contains { GlobRelation.intersects($0, x) } }
        case (.matching(let p), .allExcept(let e)), (.allExcept(let e), .matching(let p)):
            return p.allSatisfy { x in e.contains { GlobRelation.contains($0, x) } }
        case (.allExcept, .allExcept):
            return false
        }
    }

    /// At most the union.
    func union(_ o: OtherActions) -> OtherActions {
        switch (self, o) {
        case (.matching(let p), .matching(let q)): return .matching(p + q)
        case (.matching(let p), .allExcept(let e)), (.allExcept(let e), .matching(let p)):
            // An excluded pattern the other side wholly holds is no longer excluded.
            return .allExcept(e.filter { x in !p.contains { GlobRelation.contains($0, x) } })
        case (.allExcept(let e), .allExcept):
            return .allExcept(e)
        }
    }

    /// At least the difference.
    func subtracting(_ o: OtherActions) -> OtherActions {
        switch (self, o) {
        case (.matching(let p), .matching(let d)):
            if p.contains("*") { return .allExcept(d) }
            return .matching(p.filter { x in !d.contains { GlobRelation.contains($0, x) } })
        case (.matching(let p), .allExcept(let e)):
            return .matching(p.filter { x in e.contains { GlobRelation.intersects($0, x) } })
        case (.allExcept(let e), .matching(let d)):
            return .allExcept(e + d)
        case (.allExcept(let e), .allExcept(let f)):
            return .matching(f.filter { x in !e.contains { GlobRelation.contains($0, x) } })
        }
    }

    /// At least the intersection.
    func intersection(_ o: OtherActions) -> OtherActions {
        switch (self, o) {
        case (.matching(let p), .matching(let q)):
            return .matching(p.filter { x in q.contains { GlobRelation.intersects($0, x) } })
        case (.matching(let p), .allExcept(let e)), (.allExcept(let e), .matching(let p)):
            return .matching(p.filter { x in !e.contains { GlobRelation.contains($0, x) } })
        case (.allExcept(let e), .allExcept):
            return .allExcept(e)
        }
    }
}
