/// What an edge of the access graph means.
public enum EdgeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A user is a member of a group (the group's policies apply to the user). Kept for display.
    case memberOf
    /// The source principal can assume the target role (trust policy and the caller's identity side allow it).
    case canAssume
    /// The source principal can perform `actions` on the target resource.
    case canAccess
    /// The source can act as the target principal by a privilege-escalation technique (`EscalationEdge`).
    case canEscalate
}

/// A directed edge of the access graph.
public struct Edge: Sendable, Hashable {
    public var from: String
    public var to: String
    public var kind: EdgeKind
    /// The actions allowed (for `canAccess`, and the `sts:AssumeRole*` actions for `canAssume`), sorted.
    public var actions: [String]
    /// Conditions that could not be decided statically and that the access depends on,
    /// grouped as in policy JSON: operator -> key -> values.
    public var conditions: [String: [String: [String]]]
    /// Undecided conditions of Deny statements: the edge holds unless they hold. Same shape.
    public var deniedWhen: [String: [String: [String]]]
    /// The access crosses the zone of trust (source outside it, target inside).
    public var isExternal: Bool
    /// The source is everyone (`*`), or an unrestricted federated trust.
    public var isPublic: Bool

    public init(
        from: String, to: String, kind: EdgeKind, actions: [String] = [],
        conditions: [String: [String: [String]]] = [:], deniedWhen: [String: [String: [String]]] = [:], isExternal: Bool = false,
        isPublic: Bool = false
    ) {
        self.deniedWhen = deniedWhen
        self.from = from
        self.to = to
        self.kind = kind
        self.actions = actions
        self.conditions = conditions
        self.isExternal = isExternal
        self.isPublic = isPublic
    }

    /// True when the edge holds only if conditions that could not be decided hold.
    public var isConditional: Bool { !conditions.isEmpty || !deniedWhen.isEmpty }
}
