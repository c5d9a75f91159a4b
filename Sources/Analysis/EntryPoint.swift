/// A way into the estate from outside: an outside principal that can assume a role of the zone of
/// trust (`role`), and what it reaches from there, through that role and every role it can assume
/// in turn, summarised. One per (outside principal, entry role, conditions). The transitive
/// findings behind it are listed one by one only on request (`findings --expand`).
public struct EntryPoint: Sendable, Hashable, Codable {
    /// The outside principal, normalized as in `Finding.principal`.
    public var principal: String
    /// The role it enters by.
    public var role: String
    /// Whether anyone can enter (the direct finding on the role is public).
    public var isPublic: Bool
    /// Conditions of entering the role that could not be decided: operator -> key -> values.
    public var conditions: [String: [String: [String]]]
    /// Undecided conditions of Deny statements on entering the role.
    public var deniedWhen: [String: [String: [String]]]
    /// How many resources (roles entered past the first included) it reaches in all.
    public var resources: Int
    /// What it reaches, by account and resource type.
    public var reach: [EntryReach]
    /// Up to five resources it reaches: public and write access first.
    public var examples: [String]
    /// Set when the entry role is also unused (`UnusedMarks`): reachable from outside and idle.
    public var unused: UnusedMark?

    public init(
        principal: String, role: String, isPublic: Bool, conditions: [String: [String: [String]]],
        deniedWhen: [String: [String: [String]]] = [:], resources: Int, reach: [EntryReach], examples: [String]
    ) {
        self.principal = principal
        self.role = role
        self.isPublic = isPublic
        self.conditions = conditions
        self.deniedWhen = deniedWhen
        self.resources = resources
        self.reach = reach
        self.examples = examples
    }
}

/// What an entry point reaches in one account, of one resource type.
public struct EntryReach: Sendable, Hashable, Codable {
    public var account: String
    /// Access Analyzer's resource type name, e.g. `AWS::S3::Bucket`.
    public var resourceType: String
    /// How many resources of that type and account it reaches.
    public var resources: Int
    /// The access levels of the actions it has on them, in the catalog's order
    /// (`List`, `Read`, `Write`, `Permissions management`, `Tagging`).
    public var accessLevels: [String]
    /// Whether the entry point is public.
    public var isPublic: Bool

    public init(account: String, resourceType: String, resources: Int, accessLevels: [String], isPublic: Bool) {
        self.account = account
        self.resourceType = resourceType
        self.resources = resources
        self.accessLevels = accessLevels
        self.isPublic = isPublic
    }
}
