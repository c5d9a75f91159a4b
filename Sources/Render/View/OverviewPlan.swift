import Analysis

/// What of an `OrganizationOverview` is drawn within a node budget (and three edges per node of
/// it), and what is left out.
///
/// Always drawn: one box of counts per account. Then, while the budget lasts, in this order:
/// public resources one by one (at most a fifth of the budget; the others are drawn as their
/// account's group of that type), the entry roles from the most important (public, most
/// resources reached), each with up to `entrantsPerRole` outside principals (the others folded
/// into one "+N more" node) and the groups of resources it reaches (one node per account and
/// resource type; an account where it reaches more than three types gets one edge to its box of
/// counts, with the sums), then the direct grants to outside principals, grouped the same way. An item
/// whose new nodes do not fit is left out and counted; nothing is dropped without a count.
struct OverviewPlan: Sendable {
    /// Entry roles drawn, bundled, in the overview's order.
    var bundles: [RoleBundle] = []
    /// Shares drawn (public resources not drawn one by one are drawn as their group).
    var shares: [OrganizationOverview.Share] = []
    /// Public resources drawn one by one, by ARN.
    var publicResources: Set<String> = []
    /// Entry roles and shares left out, per account (the role's, the shared resources').
    var omittedRoles: [String: Int] = [:]
    var omittedShares: [String: Int] = [:]
    /// Outside principals not drawn anywhere.
    var omittedPrincipals = 0
    /// Nodes the plan draws (the account boxes included).
    var nodeCount = 0

    static let entrantsPerRole = 4

    /// Edges allowed per node of the budget: beyond about three, a drawing of hundreds of nodes
    /// is a tangle and its layout takes minutes.
    static let edgesPerNode = 3

    init(_ overview: OrganizationOverview, maxNodes: Int) {
        var budget = Budget(limit: maxNodes, edgeLimit: maxNodes * Self.edgesPerNode)
        for account in overview.accounts { _ = budget.take([OverviewIDs.counts(account.id)]) }

        // Public resources one by one, up to a fifth of the budget.
        let publicQuota = max(maxNodes / 5, 1)
        var drawnPublic = 0
        for share in overview.shares where share.isPublic {
            for arn in share.resources where drawnPublic < publicQuota {
                if budget.take([share.principal, arn], edges: 1) {
                    publicResources.insert(arn)
                    drawnPublic += 1
                }
            }
        }
        for bundle in RoleBundle.bundles(overview.entryRoles) {
            if budget.take(Self.nodes(of: bundle), edges: Self.edges(of: bundle)) {
                bundles.append(bundle)
            } else {
                omittedRoles[bundle.account, default: 0] += bundle.roles.count
            }
        }
        for share in overview.shares {
            // Resources drawn one by one get an edge of their own; the others, one to their group.
            let rest = share.resources.filter { !publicResources.contains($0) }
            let target = rest.isEmpty ? [] : [OverviewIDs.group(share.account, share.resourceType)]
            if budget.take([share.principal] + target, edges: target.count) {
                shares.append(share)
            } else {
                omittedShares[share.account, default: 0] += 1
            }
        }
        omittedPrincipals = overview.outsidePrincipals.subtracting(budget.taken).subtracting(Self.foldedPrincipals(bundles)).count
        nodeCount = budget.taken.count
    }

    /// The nodes a bundle of entry roles needs: its node, its first outside principals (and a
    /// "+N more" node when it has more), and a group per account and type it reaches.
    static func nodes(of bundle: RoleBundle) -> [String] {
        var ids = [bundle.id] + bundle.entrants.prefix(entrantsPerRole).map(\.principal)
        if bundle.entrants.count > entrantsPerRole { ids.append(OverviewIDs.moreEntrants(bundle.id)) }
        return ids + bundle.targets.map(\.id)
    }

    /// The edges a bundle adds: from each principal drawn (and the "+N more" node), to each group.
    static func edges(of bundle: RoleBundle) -> Int {
        min(bundle.entrants.count, entrantsPerRole + 1) + bundle.targets.count
    }

    /// Outside principals of drawn bundles that are only in their "+N more" node.
    static func foldedPrincipals(_ bundles: [RoleBundle]) -> Set<String> {
        Set(bundles.flatMap { $0.entrants.dropFirst(entrantsPerRole).map(\.principal) })
    }

    var roleCount: Int { bundles.reduce(0) { $0 + $1.roles.count } }
    var omittedRoleCount: Int { omittedRoles.values.reduce(0, +) }
    var omittedShareCount: Int { omittedShares.values.reduce(0, +) }
    var isComplete: Bool { omittedRoles.isEmpty && omittedShares.isEmpty && omittedPrincipals == 0 }

    /// Node ids and edges taken so far; an item is taken whole or not at all.
    struct Budget {
        let limit: Int
        let edgeLimit: Int
        var taken: Set<String> = []
        var edges = 0

        mutating func take(_ ids: [String], edges added: Int = 0) -> Bool {
            let new = Set(ids).subtracting(taken)
            guard taken.count + new.count <= limit, edges + added <= edgeLimit else { return false }
            taken.formUnion(new)
            edges += added
            return true
        }
    }
}

/// The DOT node ids of an overview's own nodes (principals, roles and resources keep their ARNs).
enum OverviewIDs {
    /// The box of counts of an account.
    static func counts(_ account: String) -> String { "counts:\(account)" }
    /// The resources of one type in one account.
    static func group(_ account: String, _ type: String) -> String { "group:\(account):\(type)" }
    /// The outside principals of a role (or bundle of roles) not drawn one by one.
    static func moreEntrants(_ role: String) -> String { "more-principals:\(role)" }
    /// Entry roles drawn as one node, named after the first.
    static func roles(_ count: Int, _ first: String) -> String { "roles:\(count):\(first)" }
}
