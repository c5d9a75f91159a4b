import Policy

extension AccessModel {
    /// Resources a principal may reach: those some identity Allow statement covers, and those
    /// whose policy names the principal, its account or everyone. A cheap superset; `access(of:to:)` decides.
    public func candidateResources(for p: PrincipalEntry) -> [ResourceEntry] {
        resourceOrder.compactMap { arn in
            let r = resources[arn]!
            if r.targets.contains(where: { p.mayAllow(service: r.service, on: $0) }) { return r }
            return policyNames(r, principal: p) ? r : nil
        }
    }

    /// Principals that may reach a resource: snapshot principals some identity Allow statement covers
    /// or that the resource policy names (by ARN, account, or everyone in the same account),
    /// and outside principals the policy names. A cheap superset; `access(of:to:)` decides.
    public func candidatePrincipals(for r: ResourceEntry) -> [PrincipalEntry] {
        var out: [PrincipalEntry] = []
        for id in principalOrder {
            let p = principals[id]!
            if r.targets.contains(where: { p.mayAllow(service: r.service, on: $0) }) || policyNames(r, principal: p) {
                out.append(p)
            }
        }
        for id in outsideOrder where policyNames(r, principal: outsidePrincipals[id]!) {
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
