import Policy
import Snapshot

extension AccessModel {
    /// For every role, who can assume it: the principals its trust policy names,
    /// expanded where it names an account of the snapshot to that account's principals
    /// whose identity policies allow `sts:AssumeRole` on it (id_roles_compare-resource-policies.html).
    mutating func buildAssumeEdges() {
        // Principals with some identity Allow for sts:AssumeRole, by account: the only ones a
        // trust policy naming their account can let in.
        let assumers = principalsByAccount.mapValues { ids in
            ids.filter { id in principals[id]!.allowStatements.contains { $0.appliesTo(action: "sts:assumerole") } }
        }
        // Each role's trust is evaluated on its own: spread the roles over the cores.
        let roles = resourceOrder.filter { resources[$0]!.isRole }
        let results = ParallelMap.map(roles) { [self] arn -> [Edge] in
            let role = resources[arn]!
            var edges: [Edge] = []
            for candidate in assumeCandidates(role, assumers: assumers) where candidate.id != arn {
                guard let access = access(of: candidate, to: role) else { continue }
                edges.append(edge(from: candidate, to: role, kind: .canAssume, access: access))
            }
            return edges.sorted { $0.from < $1.from }
        }
        for (arn, edges) in zip(roles, results) where !edges.isEmpty { assumeEdges[arn] = edges }
        for edges in assumeEdges.values { for e in edges { assumableBy[e.from, default: []].append(e) } }
        for k in assumableBy.keys { assumableBy[k]!.sort { $0.to < $1.to } }
    }

    /// Principals a trust policy may let in.
    func assumeCandidates(_ role: ResourceEntry, assumers: [String: [String]]) -> [PrincipalEntry] {
        guard let doc = role.policy?.document else { return [] }
        var ids: [String] = []
        var seen: Set<String> = []
        func add(_ id: String) { if seen.insert(id).inserted { ids.append(id) } }
        let lowered = "sts:assumerole"
        for s in doc.statements where s.effect == .allow {
            guard let clause = s.principal else { continue }
            if clause.isNot { add("*"); continue }
            for p in clause.patterns {
                switch p {
                case .aws(let arn) where p.isAccountRoot:
                    if let account = p.account, snapshot.accounts[account] != nil {
                        for id in assumers[account] ?? [] where principals[id]!.mayAllow(action: lowered, on: role.targets.first) {
                            add(id)
                        }
                        if snapshot.accounts[account]?.hasIAM == false { add(arn) }
                    } else {
                        add(arn)
                    }
                default:
                    add(p.description)
                }
            }
        }
        return ids.compactMap(principal)
    }

    /// An edge carrying an access, marked external or public relative to the zone of trust.
    func edge(from p: PrincipalEntry, to r: ResourceEntry, kind: EdgeKind, access: Access) -> Edge {
        let external = !isInsideZone(p, resourceAccount: r.account, resourceIsRole: r.isRole)
        return Edge(
            from: p.id, to: r.arn, kind: kind, actions: access.actions, conditions: access.conditions, isExternal: external,
            isPublic: external && PublicAccess.isPublic(principal: p, conditions: access.conditions))
    }
}
