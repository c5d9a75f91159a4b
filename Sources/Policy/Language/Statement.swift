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

/// One statement of a policy document.
public struct Statement: Sendable, Hashable {
    public var sid: String?
    /// The statement's position in its policy, from 0.
    public var index: Int
    public var effect: Effect
    /// Nil in identity policies and SCPs, which have no `Principal` element.
    public var principal: PrincipalClause?
    public var action: ActionClause
    /// Nil when the statement has no `Resource`/`NotResource` (trust policies): it then applies to the policy's own resource.
    public var resource: ResourceClause?
    public var conditions: [Condition]

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

    /// `Sid` when present, else `#index`.
    public var label: String { sid.map { $0.isEmpty ? "#\(index)" : $0 } ?? "#\(index)" }
}
