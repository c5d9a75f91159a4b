/// The principals a statement applies to.
public enum PrincipalClause: Sendable, Hashable {
    case principal([PrincipalPattern])
    case notPrincipal([PrincipalPattern])

    public var patterns: [PrincipalPattern] {
        switch self {
        case .principal(let p), .notPrincipal(let p): p
        }
    }
}

/// The actions a statement applies to.
public enum ActionClause: Sendable, Hashable {
    case action([ActionPattern])
    case notAction([ActionPattern])

    public var patterns: [ActionPattern] {
        switch self {
        case .action(let p), .notAction(let p): p
        }
    }
}

/// The resources a statement applies to.
public enum ResourceClause: Sendable, Hashable {
    case resource([ARNPattern])
    case notResource([ARNPattern])

    public var patterns: [ARNPattern] {
        switch self {
        case .resource(let p), .notResource(let p): p
        }
    }
}

/// One statement of a policy document. Immutable and shared by reference: evaluation walks
/// statements millions of times, and a reference costs one retain where a copy of every
/// clause would cost one per field.
public final class Statement: Sendable, Hashable {
    public let sid: String?
    /// The statement's position in its policy, from 0.
    public let index: Int
    public let effect: Effect
    /// Nil in identity policies and SCPs, which have no `Principal` element.
    public let principal: PrincipalClause?
    public let action: ActionClause
    /// Nil when the statement has no `Resource`/`NotResource` (trust policies): it then applies to the policy's own resource.
    public let resource: ResourceClause?
    public let conditions: [Condition]

    public static func == (a: Statement, b: Statement) -> Bool {
        a === b
            || (a.sid == b.sid && a.index == b.index && a.effect == b.effect && a.principal == b.principal && a.action == b.action
                && a.resource == b.resource && a.conditions == b.conditions)
    }

    public func hash(into h: inout Hasher) {
        h.combine(sid)
        h.combine(index)
        h.combine(effect)
        h.combine(principal)
        h.combine(action)
        h.combine(resource)
        h.combine(conditions)
    }

    public init(
        sid: String? = nil, index: Int = 0, effect: Effect, principal: PrincipalClause? = nil,
        action: ActionClause, resource: ResourceClause? = nil, conditions: [Condition] = []
    ) {
        self.sid = sid
        self.index = index
        self.effect = effect
        self.principal = principal
        self.action = action
        self.resource = resource
        self.conditions = conditions
    }

    /// The same statement at another position (when statements are appended to a policy).
    public func at(index: Int) -> Statement {
        Statement(sid: sid, index: index, effect: effect, principal: principal, action: action, resource: resource, conditions: conditions)
    }

    /// `Sid` when present, else `#index`.
    public var label: String { sid.map { $0.isEmpty ? "#\(index)" : $0 } ?? "#\(index)" }
}
