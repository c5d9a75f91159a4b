import Concurrency
import Graph
import Policy

extension FindingsAnalysis {
    /// The overview of what is reachable from outside: the entry points (as `entryPoints()`),
    /// merged per entry role, the direct findings on other resources grouped by principal,
    /// account and type, and per account how many of its resources are reachable. Each entry
    /// component of the role graph's reach is computed once; no transitive finding is built.
    public func overview() -> OrganizationOverview {
        var parts: [RoleOverview] = []
        forEachEntryRoleReach { role, reach in parts.append(roleOverview(role, reach: reach)) }

        var reachable = ResourceBits(count: categories.count)
        for part in parts { if let bits = part.reached { reachable.formUnion(bits) } }
        for f in direct where f.resourceType != "AWS::IAM::Role" {
            if let r = model.resources[f.resource], let ordinal = categories.ordinalOf[ObjectIdentifier(r)] { reachable.insert(ordinal) }
        }
        let roles = parts.compactMap(\.summary).sorted(by: Self.moreImportant)
        let entryPoints = parts.flatMap(\.entryPoints).sorted { a, b in
            if a.principal != b.principal { return a.principal < b.principal }
            if a.role != b.role { return a.role < b.role }
            return (Finding.key(a.conditions), Finding.key(a.deniedWhen)) < (Finding.key(b.conditions), Finding.key(b.deniedWhen))
        }
        let catalog = Self.catalog(of: model)
        let levels = direct.map { f in catalog.map { LevelMask(AccessLevelSummary(actions: f.actions, catalog: $0)) } ?? .none }
        let shares = self.shares(levels: levels)
        var principals: [String: Node] = [:]
        for id in Set(roles.flatMap { $0.entrants.map(\.principal) }).union(shares.map(\.principal)) {
            principals[id] = model.principal(id)?.node ?? Node(id: id, kind: id == "*" ? .everyone : .externalPrincipal)
        }
        return OrganizationOverview(
            accounts: accountCounts(reachable: reachable, entryRoles: roles), entryPoints: entryPoints, entryRoles: roles,
            shares: shares, principals: principals, direct: direct, directAccessLevels: levels.map(\.names))
    }

    /// Calls `body` with each entry role and what it reaches (counts per category set), walking the
    /// components of the role graph successors first as `entryPoints()` does, so each component's
    /// reach is worked out once.
    func forEachEntryRoleReach(_ body: (EntryRole, EntryRoleReach) -> Void) {
        let groups = groupAnswers()
        let components = RoleComponents(roles: reachedRoles, next: graph.next)
        let entryIndex = Dictionary(uniqueKeysWithValues: entryRoles.enumerated().map { ($0.element.role, $0.offset) })
        var remaining = [Int](repeating: 0, count: components.members.count)
        for successors in components.successors { for s in successors { remaining[s] += 1 } }
        var reaches: [Int: EntryRoleReach] = [:]
        for c in components.members.indices {
            var reach = emptyReach()
            for role in components.members[c] { add(role, to: &reach, groups: groups) }
            for s in components.successors[c] {
                union(&reach, reaches[s]!)
                remaining[s] -= 1
                if remaining[s] == 0 { reaches[s] = nil }
            }
            let entries = components.members[c].compactMap { entryIndex[$0].map { entryRoles[$0] } }
            if !entries.isEmpty {
                var counts = [Int32](repeating: 0, count: categories.categories.count)
                reach.resources.forEach { counts[Int(categories.categoryOf[$0])] += 1 }
                reach.counts = counts
                for role in entries { body(role, reach) }
            }
            if remaining[c] > 0 { reaches[c] = reach }
        }
    }

    /// One entry role's part of the overview.
    struct RoleOverview: Sendable {
        var entryPoints: [EntryPoint]
        var summary: OrganizationOverview.EntryRole?
        /// The resources its entrants reach, in the categories shown to at least one of them.
        var reached: ResourceBits?
    }

    func roleOverview(_ role: EntryRole, reach: EntryRoleReach) -> RoleOverview {
        var points: [EntryPoint] = []
        var entrants: [OrganizationOverview.Entrant] = []
        var merged: [ResourceCategories.Category: EntryReach] = [:]
        for entry in role.entries {
            guard let point = entryPoint(entry, reach: reach) else { continue }
            points.append(point)
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
        guard !points.isEmpty else { return RoleOverview(entryPoints: [], summary: nil, reached: nil) }
        let reachList = merged.values.sorted { ($0.account, $0.resourceType) < ($1.account, $1.resourceType) }
        let account = model.resources[role.role]?.account ?? ""
        let summary = OrganizationOverview.EntryRole(
            role: role.role, account: account, entrants: Self.mergedEntrants(entrants),
            resources: reachList.reduce(0) { $0 + $1.resources }, reach: reachList)
        var shown = Set(merged.keys)
        // The role entered is reachable from outside too (as a role of its account).
        if let r = model.resources[role.role] { shown.insert(ResourceCategories.Category(account: r.account, type: r.type)) }
        return RoleOverview(entryPoints: points, summary: summary, reached: shownBits(reach.resources, shown: shown))
    }

    /// `bits` restricted to resources of the categories shown; `bits` itself when every
    /// category it touches is shown (the usual case).
    func shownBits(_ bits: ResourceBits, shown: Set<ResourceCategories.Category>) -> ResourceBits {
        let shownIndex = categories.categories.map(shown.contains)
        var out = ResourceBits(count: categories.count)
        var all = true
        bits.forEach { ordinal in
            if shownIndex[Int(categories.categoryOf[ordinal])] { out.insert(ordinal) } else { all = false }
        }
        return all ? bits : out
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
