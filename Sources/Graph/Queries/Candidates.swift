import Concurrency
import Policy

extension AccessModel {
    /// Resources (not roles) a principal may reach, sorted by ARN: resources of its own account of
    /// the services some identity Allow statement covers, and resources anywhere whose policy names
    /// the principal, its account or everyone. Identity policies alone never reach into another
    /// account (reference_policies_evaluation-logic-cross-account.html). A cheap superset;
    /// `access(of:to:)` decides.
    public func candidateResources(for p: PrincipalEntry) -> [ResourceEntry] {
        unorderedCandidateResources(for: p).sorted { $0.arn < $1.arn }
    }

    /// The same, in no particular order (each resource once), leaving out those `include` rejects
    /// before any statement is matched.
    public func unorderedCandidateResources(for p: PrincipalEntry, include: (ResourceEntry) -> Bool = { _ in true }) -> [ResourceEntry] {
        var out: [ResourceEntry] = []
        if let account = p.request.account, let byService = resourcesByAccountService[account], principals[p.id] != nil {
            let services = p.coveredServices.map { Array($0) } ?? Array(byService.keys)
            for service in services {
                for r in byService[service] ?? [] where include(r) && r.targets.contains(where: { p.mayAllow(service: service, on: $0) }) {
                    out.append(r)
                }
            }
        }
        // Each resource has one account and one service, so only the named ones can repeat.
        var seen = Set(out.map(ObjectIdentifier.init))
        for key in [p.id, p.request.accountRootArn ?? "", "*"] where !key.isEmpty {
            for r in resourcesNaming[key] ?? [] where include(r) && seen.insert(ObjectIdentifier(r)).inserted {
                out.append(r)
            }
        }
        return out
    }

    /// Every resource (not role) `p` can access, with the access, in no particular order:
    /// candidates from the indexes, resource types the principal's SCPs close left out,
    /// answers shared across resources no policy tells apart.
    public func accessibleResources(of p: PrincipalEntry) -> [(ResourceEntry, Access)] {
        let memo = AccessMemo()
        let candidates = unorderedCandidateResources(for: p) { r in
            !r.isRole && r.universes.contains { scpsMayAllowSome(of: $0, principal: p) }
        }
        var found: [(ResourceEntry, Access)] = []
        let snapshotPrincipal = principals[p.id] != nil
        for r in candidates {
            let a = snapshotPrincipal ? memoizedAccess(of: p, to: r, memo: memo) : access(of: p, to: r)
            if let a { found.append((r, a)) }
        }
        return found
    }

    /// Principals that may reach a resource: snapshot principals some identity Allow statement covers
    /// or that the resource policy names (by ARN, account, or everyone in the same account),
    /// and outside principals the policy names by their own id (`*` for a grant to everyone). A
    /// cheap superset; `access(of:to:)` decides. An outside principal that other policies name is
    /// not a candidate for a grant to its account or to everyone: the row of the account or of `*`
    /// stands for it, so the answer does not depend on what other resources' policies say.
    public func candidatePrincipals(for r: ResourceEntry) -> [PrincipalEntry] {
        // Slices of the sorted principals filtered on every core, joined in order.
        let slice = 2048
        let starts = Array(stride(from: 0, to: principalOrder.count, by: slice))
        var out = ParallelMap.map(starts) { [self] start in
            principalOrder[start..<min(start + slice, principalOrder.count)].compactMap { id -> PrincipalEntry? in
                let p = principals[id]!
                // Principals whose SCPs allow none of the resource's actions are left out.
                guard r.universes.contains(where: { scpsMayAllowSome(of: $0, principal: p) }) else { return nil }
                let reaches = r.targets.contains(where: { p.mayAllow(service: r.service, on: $0) }) || policyNames(r, principal: p)
                return reaches ? p : nil
            }
        }.flatMap { $0 }
        for id in outsideOrder where r.namedPrincipals.contains(id) || (id == "*" && r.namesEveryone) {
            out.append(outsidePrincipals[id]!)
        }
        return out
    }

    /// Whether the resource policy has an Allow statement that names the principal (its ARN, its
    /// account, `*` for principals of the resource's account or outside ones, or a NotPrincipal).
    func policyNames(_ r: ResourceEntry, principal p: PrincipalEntry) -> Bool {
        if r.namesEveryone && (p.request.account == r.account || principals[p.id] == nil) { return true }
        if r.namedPrincipals.isEmpty { return false }
        if r.namedPrincipals.contains(p.id) { return true }
        if let root = p.request.accountRootArn, r.namedPrincipals.contains(root) { return true }
        return false
    }
}
