import Policy

/// The resources a statement names: the ARNs matching one of its `Resource` patterns, or all
/// but those matching one of its `NotResource` patterns. A statement without either element (a
/// trust policy) applies to the policy's own resource, read here as `*`.
public enum ResourceSet: Sendable, Hashable {
    case listed([ARNPattern])
    case allExcept([ARNPattern])

    public init(_ clause: ResourceClause?) {
        switch clause {
        case nil: self = .listed([ARNPattern("*")])
        case .resource(let p)?: self = .listed(p)
        case .notResource(let p)?: self = .allExcept(p)
        }
    }

    /// Parts whose union is the set, tested one by one against a union of other statements.
    public var cells: [ResourceSet] {
        if case .listed(let p) = self { return p.map { .listed([$0]) } }
        return [self]
    }

    /// Certainly every resource of `inner` is in `self`.
    public func contains(_ inner: ResourceSet) -> Bool {
        switch (self, inner) {
        case (.listed(let q), .listed(let p)):
            return p.allSatisfy { x in q.contains { ARNPatternRelation.contains($0, x) } }
        case (.listed(let q), .allExcept):
            return q.contains { $0.isAny }
        case (.allExcept(let e), .listed(let p)):
            return p.allSatisfy { x in !e.contains { ARNPatternRelation.overlaps($0, x) } }
        case (.allExcept(let e), .allExcept(let f)):
            return e.allSatisfy { x in f.contains { ARNPatternRelation.contains($0, x) } }
        }
    }

    /// Whether some resource may be in both (yes when unsure).
    public func overlaps(_ o: ResourceSet) -> Bool {
        switch (self, o) {
        case (.listed(let p), .listed(let q)):
            return p.contains { x in q.contains { ARNPatternRelation.overlaps($0, x) } }
        case (.listed(let p), .allExcept(let e)), (.allExcept(let e), .listed(let p)):
            return !p.allSatisfy { x in e.contains { ARNPatternRelation.contains($0, x) } }
        case (.allExcept, .allExcept):
            return true
        }
    }

    public var description: String {
        switch self {
        case .listed(let p): p.map(\.text).joined(separator: ", ")
        case .allExcept(let e): "every resource but " + e.map(\.text).joined(separator: ", ")
        }
    }
}
