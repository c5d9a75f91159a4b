import Policy

/// A statement read as the set of requests it matches: principals × actions × resources, under
/// its conditions.
public struct StatementRegion: Sendable {
    public let statement: Statement
    public let reference: StatementReference
    public let principals: PrincipalSet
    public let actions: ActionSet
    public let resources: ResourceSet
    public var conditions: [Condition] { statement.conditions }
    public var effect: Effect { statement.effect }

    public init(_ statement: Statement, in policy: CheckedPolicy, space: ActionSpace) {
        self.statement = statement
        reference = policy.reference(to: statement)
        principals = PrincipalSet(statement.principal)
        actions = space.actions(of: statement.action)
        resources = ResourceSet(statement.resource)
    }

    /// The regions of every statement of `policy`.
    public static func all(_ policy: CheckedPolicy, space: ActionSpace) -> [StatementRegion] {
        policy.document.statements.map { StatementRegion($0, in: policy, space: space) }
    }

    /// Whether this statement names every principal and resource of the given cell.
    func covers(principals p: PrincipalSet, resources r: ResourceSet) -> Bool {
        principals.contains(p) && resources.contains(r)
    }
}
