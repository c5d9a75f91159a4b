import Analysis
import Policy

/// Entry roles drawn as one node: roles of one account that the same outside principals enter
/// (alike publicly and conditionally) and that reach resources of the same accounts and types.
/// Their edges to each group say the range of counts ("2,349–2,352") and every access level.
struct RoleBundle: Sendable {
    /// One reach of the bundle: an account and type, the fewest and most resources a member
    /// reaches there, and the access levels of any member.
    struct Reach: Sendable, Hashable {
        var account: String
        var resourceType: String
        var fewest: Int
        var most: Int
        var accessLevels: [String]
    }

    /// In the overview's order; the first is the most important.
    var roles: [OrganizationOverview.EntryRole]

    var first: OrganizationOverview.EntryRole { roles[0] }
    var account: String { first.account }
    var entrants: [OrganizationOverview.Entrant] { first.entrants }
    /// The node id: the role's ARN, or `roles:N:FIRST` for several.
    var id: String { roles.count == 1 ? first.role : OverviewIDs.roles(roles.count, first.role) }

    var reach: [Reach] {
        first.reach.map { r in
            var out = Reach(account: r.account, resourceType: r.resourceType, fewest: r.resources, most: r.resources, accessLevels: r.accessLevels)
            for other in roles.dropFirst() {
                guard let o = other.reach.first(where: { $0.account == r.account && $0.resourceType == r.resourceType }) else { continue }
                out.fewest = min(out.fewest, o.resources)
                out.most = max(out.most, o.resources)
                out.accessLevels = Self.levelOrder.filter { out.accessLevels.contains($0) || o.accessLevels.contains($0) }
            }
            return out
        }
    }

    static let levelOrder = ActionCatalog.AccessLevel.allCases.map(\.rawValue)

    /// Where the bundle's edges go: a group of one account and type, or, when it reaches more
    /// than `typesPerEdge` types in an account, that account's box of counts, with the sums.
    struct Target: Sendable, Hashable {
        var account: String
        /// nil: every type it reaches in the account (`types` of them).
        var resourceType: String?
        var types: Int
        var fewest: Int
        var most: Int
        var accessLevels: [String]

        var id: String { resourceType.map { OverviewIDs.group(account, $0) } ?? OverviewIDs.counts(account) }
    }

    /// More types than this in one account are drawn as one edge to the account's box.
    static let typesPerEdge = 3

    var targets: [Target] {
        var out: [Target] = []
        for (account, list) in Dictionary(grouping: reach, by: \.account).sorted(by: { $0.key < $1.key }) {
            if list.count <= Self.typesPerEdge {
                out += list.map { Target(account: account, resourceType: $0.resourceType, types: 1, fewest: $0.fewest, most: $0.most, accessLevels: $0.accessLevels) }
            } else {
                out.append(Target(
                    account: account, resourceType: nil, types: list.count, fewest: list.reduce(0) { $0 + $1.fewest },
                    most: list.reduce(0) { $0 + $1.most },
                    accessLevels: Self.levelOrder.filter { level in list.contains { $0.accessLevels.contains(level) } }))
            }
        }
        return out
    }

    private struct Signature: Hashable {
        let account: String
        let entrants: [OrganizationOverview.Entrant]
        let reached: [String]
    }

    /// The roles bundled, in the order of each bundle's first (most important) role.
    static func bundles(_ roles: [OrganizationOverview.EntryRole]) -> [RoleBundle] {
        var index: [Signature: Int] = [:]
        var out: [RoleBundle] = []
        for role in roles {
            let signature = Signature(
                account: role.account, entrants: role.entrants, reached: role.reach.map { $0.account + "\u{0}" + $0.resourceType })
            if let i = index[signature] {
                out[i].roles.append(role)
            } else {
                index[signature] = out.count
                out.append(RoleBundle(roles: [role]))
            }
        }
        return out
    }
}
