/// What changed between the findings of two snapshots: new, resolved and changed entries,
/// matched by stable id (`FindingID`: resource or entry role, principal, public flag). A finding
/// that only gained or lost actions or conditions is changed, not new.
public struct FindingsDiff: Sendable, Codable {
    public var new: [DiffEntry]
    public var resolved: [DiffEntry]
    public var changed: [ChangedEntry]

    /// When `diff` exits 1.
    public enum Gate: String, Sendable, CaseIterable {
        /// A new public finding or entry point.
        case newPublic = "new-public"
        /// Any new finding or entry point (public ones included).
        case newExternal = "new-external"
        /// Anything new or changed.
        case any
    }

    public init(old: [String: DiffEntry], new: [String: DiffEntry]) {
        self.new = new.values.filter { old[$0.id] == nil }.sorted(by: Self.order)
        resolved = old.values.filter { new[$0.id] == nil }.sorted(by: Self.order)
        changed = new.values.compactMap { n in
            guard let o = old[n.id], o != n else { return nil }
            let added = Set(n.actions).subtracting(o.actions).sorted()
            let removed = Set(o.actions).subtracting(n.actions).sorted()
            let conditionsChanged = o.conditions != n.conditions
            guard !added.isEmpty || !removed.isEmpty || conditionsChanged || o.reaches != n.reaches else { return nil }
            return ChangedEntry(old: o, new: n, addedActions: added, removedActions: removed, conditionsChanged: conditionsChanged)
        }.sorted { Self.order($0.new, $1.new) }
    }

    /// Public first, then by resource and principal.
    static func order(_ a: DiffEntry, _ b: DiffEntry) -> Bool {
        (a.isPublic ? 0 : 1, a.resource, a.principal, a.kind.rawValue) < (b.isPublic ? 0 : 1, b.resource, b.principal, b.kind.rawValue)
    }

    /// Whether the gate fails on this difference.
    public func fails(_ gate: Gate) -> Bool {
        switch gate {
        case .newPublic: new.contains { $0.isPublic }
        case .newExternal: !new.isEmpty
        case .any: !new.isEmpty || !changed.isEmpty
        }
    }

    public var isEmpty: Bool { new.isEmpty && resolved.isEmpty && changed.isEmpty }
}
