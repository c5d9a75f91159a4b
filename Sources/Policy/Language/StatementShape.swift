/// What a statement says, without its `Sid` and position: two statements with equal shapes
/// decide every request alike. Lets principals whose policies repeat the same statements (an
/// inline policy copied from role to role) be told apart only where they differ.
public struct StatementShape: Sendable, Hashable {
    public let effect: Effect
    public let principal: PrincipalClause?
    public let action: ActionClause
    public let resource: ResourceClause?
    public let conditions: [Condition]

    public init(_ s: Statement) {
        effect = s.effect
        principal = s.principal
        action = s.action
        resource = s.resource
        conditions = s.conditions
    }
}

extension Statement {
    /// Whether matching the statement may read one of `keys` (lowercased condition keys) from
    /// the request's context: a condition on one of them, or a policy variable anywhere (a
    /// variable may name any key).
    public func mayRead(contextKeys keys: Set<String>) -> Bool {
        conditionsMayRead(contextKeys: keys) || resourceHasVariables
    }

    /// Whether a condition reads one of `keys` or holds a policy variable.
    public func conditionsMayRead(contextKeys keys: Set<String>) -> Bool {
        conditions.contains { $0.hasVariables || keys.contains($0.normalizedKey) || $0.normalizedKey.contains("${") }
    }

    /// Whether the Resource/NotResource element holds a policy variable (its match then depends on the context).
    public var resourceHasVariables: Bool {
        guard let resource else { return false }
        return resource.patterns.contains { $0.hasVariables }
    }
}
