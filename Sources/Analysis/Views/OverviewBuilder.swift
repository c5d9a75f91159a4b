import Concurrency
import Graph
import Policy

extension FindingsAnalysis {
    /// The overview of what is reachable from outside: the entry points (as `entryPoints()`),
    /// merged per entry role, the direct findings on other resources grouped by principal,
    /// account and type, and per account how many of its resources are reachable (the union of
    /// what every outside principal reaches). What each principal reaches is worked out once
    /// (`originLevels()`, shared with the entry points); no transitive finding is built.
    public func overview() -> OrganizationOverview {
        let levels = originLevels()
        let analysis = self
        let perOrigin = ParallelMap.map(Array(origins.indices)) { i in
            (analysis.entryPoints(of: analysis.origins[i], levels: levels[i]), analysis.reached(by: analysis.origins[i], levels: levels[i]))
        }
        var reachable = ResourceBits(count: categories.count)
        for (_, bits) in perOrigin { reachable.formUnion(bits) }
        for f in direct {
            if let r = model.resources[f.resource], let ordinal = categories.ordinalOf[ObjectIdentifier(r)] { reachable.insert(ordinal) }
        }
        let entryPoints = perOrigin.flatMap(\.0).sorted { a, b in
            if a.principal != b.principal { return a.principal < b.principal }
            if a.role != b.role { return a.role < b.role }
            if a.isPublic != b.isPublic { return a.isPublic }
            return (Finding.key(a.conditions), Finding.key(a.deniedWhen)) < (Finding.key(b.conditions), Finding.key(b.deniedWhen))
        }
        let roles = Dictionary(grouping: entryPoints, by: \.role).map { entryRole($0.key, $0.value) }.sorted(by: Self.moreImportant)
        let catalog = Self.catalog(of: model)
        let findingLevels = direct.map { f in catalog.map { LevelMask(AccessLevelSummary(actions: f.actions, catalog: $0)) } ?? .none }
        let shares = self.shares(levels: findingLevels)
        var principals: [String: Node] = [:]
        for id in Set(roles.flatMap { $0.entrants.map(\.principal) }).union(shares.map(\.principal)) {
            principals[id] = model.principal(id)?.node ?? Node(id: id, kind: id == "*" ? .everyone : .externalPrincipal)
        }
        return OrganizationOverview(
            accounts: accountCounts(reachable: reachable, entryRoles: roles), entryPoints: entryPoints, entryRoles: roles,
            shares: shares, principals: principals, direct: direct, directAccessLevels: findingLevels.map(\.names))
    }

    /// What an origin reaches, in the categories shown to it (as `entryPoints(of:levels:)` counts
    /// them), the roles it enters included: those are reachable from outside too.
    func reached(by origin: Origin, levels: LevelsByResource) -> ResourceBits {
        let inside = accountsInsideZone(of: origin.principal)
        let shown = categories.categories.indices.map { admitted[$0] && !inside.contains(categories.categories[$0].account) }
        var bits = ResourceBits(count: categories.count)
        for i in levels.indices where levels[i] & Self.reachedBit != 0 && shown[Int(categories.categoryOf[i])] { bits.insert(i) }
        for role in origin.starts {
            if let r = model.resources[role], let i = categories.ordinalOf[ObjectIdentifier(r)] { bits.insert(i) }
        }
        return bits
    }

    /// One entry role: every outside principal entering it, and per account and type the most
    /// resources any of them reaches through it, with every access level.
    func entryRole(_ role: String, _ points: [EntryPoint]) -> OrganizationOverview.EntryRole {
        var entrants: [OrganizationOverview.Entrant] = []
        var merged: [ResourceCategories.Category: EntryReach] = [:]
        for point in points {
            entrants.append(.init(principal: point.principal, isPublic: point.isPublic, isConditional: !point.conditions.isEmpty))
            for r in point.reach {
                let key = ResourceCategories.Category(account: r.account, type: r.resourceType)
                var m = merged[key] ?? EntryReach(account: r.account, resourceType: r.resourceType, resources: 0, accessLevels: [], isPublic: false)
                m.resources = max(m.resources, r.resources)
                m.accessLevels = LevelMask.order.map(\.rawValue).filter { m.accessLevels.contains($0) || r.accessLevels.contains($0) }
                m.isPublic = m.isPublic || r.isPublic
                merged[key] = m
            }
        }
        let reach = merged.values.sorted { ($0.account, $0.resourceType) < ($1.account, $1.resourceType) }
        return OrganizationOverview.EntryRole(
            role: role, account: model.resources[role]?.account ?? ARN(role)?.account ?? "", entrants: Self.mergedEntrants(entrants),
            resources: reach.reduce(0) { $0 + $1.resources }, reach: reach)
    }

    /// One entrant per principal: public and conditional when any of its entries is.
    static func mergedEntrants(_ list: [OrganizationOverview.Entrant]) -> [OrganizationOverview.Entrant] {
        var byPrincipal: [String: OrganizationOverview.Entrant] = [:]
        for e in list {
            var m = byPrincipal[e.principal] ?? e
            m.isPublic = m.isPublic || e.isPublic
            m.isConditional = m.isConditional && e.isConditional
            byPrincipal[e.principal] = m
        }
        return byPrincipal.values.sorted { $0.principal < $1.principal }
    }

    /// Public first, then by resources reached, then Write or Permissions management access, then by ARN.
    static func moreImportant(_ a: OrganizationOverview.EntryRole, _ b: OrganizationOverview.EntryRole) -> Bool {
        if a.isPublic != b.isPublic { return a.isPublic }
        if a.resources != b.resources { return a.resources > b.resources }
        if a.changes != b.changes { return a.changes }
        return a.role < b.role
    }

    /// Direct findings on resources other than roles, grouped by principal, account and type.
    /// `levels` are the direct findings' access levels, in their order.
    func shares(levels findingLevels: [LevelMask]) -> [OrganizationOverview.Share] {
        struct Key: Hashable { let principal: String, account: String, type: String }
        var byKey: [Key: OrganizationOverview.Share] = [:]
        var levels: [Key: LevelMask] = [:]
        for (f, level) in zip(direct, findingLevels) where f.resourceType != "AWS::IAM::Role" {
            let account = model.resources[f.resource]?.account ?? ""
            let key = Key(principal: f.principal, account: account, type: f.resourceType)
            var share = byKey[key] ?? OrganizationOverview.Share(
                principal: f.principal, account: account, resourceType: f.resourceType, resources: [], accessLevels: [],
                isPublic: false, isConditional: false)
            if share.resources.last != f.resource { share.resources.append(f.resource) }
            share.isPublic = share.isPublic || f.isPublic
            share.isConditional = share.isConditional || !f.conditions.isEmpty
            byKey[key] = share
            levels[key, default: .none].formUnion(level)
        }
        return byKey.map { key, share in
            var s = share
            s.resources = Array(Set(s.resources)).sorted()
            s.accessLevels = levels[key]?.names ?? []
            return s
        }.sorted { a, b in
            if a.isPublic != b.isPublic { return a.isPublic }
            return (a.principal, a.account, a.resourceType) < (b.principal, b.account, b.resourceType)
        }
    }

    /// Every account of the snapshot with its counts.
    func accountCounts(reachable: ResourceBits, entryRoles: [OrganizationOverview.EntryRole]) -> [OrganizationOverview.AccountCounts] {
        var resources: [String: Int] = [:]
        var reached: [String: Int] = [:]
        var byType: [String: [String: OrganizationOverview.TypeCounts]] = [:]
        for (ordinal, entry) in categories.entries.enumerated() {
            let isReached = reachable.contains(ordinal)
            if !entry.isRole {
                resources[entry.account, default: 0] += 1
                if isReached { reached[entry.account, default: 0] += 1 }
            }
            var t = byType[entry.account]?[entry.type] ?? .init(type: entry.type, resources: 0, reachable: 0, examples: [])
            t.resources += 1
            if isReached {
                t.reachable += 1
                if t.examples.count < 3 { t.examples.append(entry.arn) }
            }
            byType[entry.account, default: [:]][entry.type] = t
        }
        var roles: [String: Int] = [:]
        for r in entryRoles { roles[r.account, default: 0] += 1 }
        let ids = Set(model.snapshot.accounts.keys).union(resources.keys).union(roles.keys)
        return ids.sorted().map { id in
            let account = model.snapshot.accounts[id]
            return OrganizationOverview.AccountCounts(
                id: id, principals: (account?.users.count ?? 0) + (account?.roles.count ?? 0), resources: resources[id] ?? 0,
                reachable: reached[id] ?? 0, entryRoles: roles[id] ?? 0,
                types: (byType[id] ?? [:]).values.sorted { $0.type < $1.type })
        }
    }
}
