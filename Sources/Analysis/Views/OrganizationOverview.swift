import Graph

/// What is reachable from outside an organization (or an account), summarised for a drawing or a
/// report that stays readable at any size: each account with counts, the roles outsiders enter
/// (the entry points, grouped by role) with what they reach per account and resource type, and
/// the resources outsiders are granted directly, grouped the same way (public ones listed one by
/// one). Built by `FindingsAnalysis.overview()`; no transitive finding is listed.
public struct OrganizationOverview: Sendable {
    /// One account of the snapshot, with counts.
    public struct AccountCounts: Sendable, Hashable {
        /// The twelve-digit account id.
        public var id: String
        /// Users and roles.
        public var principals: Int
        /// Resources other than roles.
        public var resources: Int
        /// Resources other than roles that a principal outside the zone of trust can reach,
        /// directly or through a role it enters.
        public var reachable: Int
        /// Roles of this account that outsiders enter.
        public var entryRoles: Int
        /// Per resource type (roles included), by type name.
        public var types: [TypeCounts]
    }

    /// The resources of one type in one account.
    public struct TypeCounts: Sendable, Hashable {
        /// Access Analyzer's type name, e.g. `AWS::S3::Bucket`.
        public var type: String
        public var resources: Int
        /// Those reachable from outside.
        public var reachable: Int
        /// The first few of those (at most three), by position in the snapshot.
        public var examples: [String]
    }

    /// An outside principal that can enter a role.
    public struct Entrant: Sendable, Hashable {
        /// Normalized as `Finding.principal`.
        public var principal: String
        public var isPublic: Bool
        /// Whether entering depends on conditions that could not be decided.
        public var isConditional: Bool
    }

    /// A role outsiders enter, with every outside principal that enters it and the union of what
    /// they reach through it (its entry points, merged).
    public struct EntryRole: Sendable, Hashable {
        public var role: String
        public var account: String
        /// By principal.
        public var entrants: [Entrant]
        /// Resources reached through it, in all (roles entered past it included).
        public var resources: Int
        /// By account, then resource type.
        public var reach: [EntryReach]
        /// Whether anyone can enter it.
        public var isPublic: Bool { entrants.contains(where: \.isPublic) }
        /// Whether some reach is with Write or Permissions management access.
        public var changes: Bool {
            reach.contains { $0.accessLevels.contains("Write") || $0.accessLevels.contains("Permissions management") }
        }
    }

    /// Direct findings (an outside principal granted access by a resource's own policy or ACL) of
    /// one principal on one account's resources of one type, roles excluded (those are entries).
    public struct Share: Sendable, Hashable {
        public var principal: String
        public var account: String
        public var resourceType: String
        /// The resources, sorted.
        public var resources: [String]
        /// The access levels of the actions granted, in the catalog's order.
        public var accessLevels: [String]
        /// Whether the access is public (`Finding.isPublic`) on some of them.
        public var isPublic: Bool
        /// Whether the access depends on conditions that could not be decided on some of them.
        public var isConditional: Bool
    }

    /// Every account of the snapshot, by id.
    public var accounts: [AccountCounts]
    /// Every entry point, as `FindingsAnalysis.entryPoints()` gives them.
    public var entryPoints: [EntryPoint]
    /// The roles outsiders enter, most important first: public ones, then by resources reached,
    /// Write or Permissions management access, then by ARN.
    public var entryRoles: [EntryRole]
    /// The direct findings on resources other than roles, grouped: public first, then by
    /// principal, account and type.
    public var shares: [Share]
    /// The graph nodes of the outside principals (entrants and principals of shares), by id:
    /// their kind (account, federated, everyone...) and label.
    public var principals: [String: Node]
    /// The direct findings (roles included), as `FindingsAnalysis.direct`.
    public var direct: [Finding]
    /// The access levels of each direct finding's actions, in the same order.
    public var directAccessLevels: [[String]]
    /// How many direct findings there are (roles included).
    public var directFindings: Int { direct.count }
    /// How many of them are public.
    public var publicFindings: Int { direct.reduce(0) { $0 + ($1.isPublic ? 1 : 0) } }

    /// Distinct outside principals: entrants and principals of shares.
    public var outsidePrincipals: Set<String> {
        Set(entryRoles.flatMap { $0.entrants.map(\.principal) }).union(shares.map(\.principal))
    }

    /// Distinct resources reachable from outside, every account together.
    public var reachableResources: Int { accounts.reduce(0) { $0 + $1.reachable } }
}
