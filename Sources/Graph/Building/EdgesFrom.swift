import Policy

/// Whom each principal can assume, found forward from the caller: the roles whose trust policy
/// names it or its account, each decided as `edges(into:)` decides it. Built for findings, which
/// walk forward from the roles outside principals enter and meet few of an estate's roles. The
/// index of trust policies is made once, when this value is.
public struct EdgesFrom: Sendable {
    let model: AccessModel
    /// Role ARNs by the principal ids their trust policy's Allow statements name (ARNs, account
    /// roots, services, providers, `*`; a NotPrincipal lets in `*`).
    let rolesTrusting: [String: [String]]
    /// A number per shareable trust group (`TrustGroupKey`), by role ARN.
    let trustGroups: [String: Int]

    public init(model: AccessModel) {
        self.model = model
        var trusting: [String: [String]] = [:]
        var groupIDs: [TrustGroupKey: Int] = [:]
        var groups: [String: Int] = [:]
        for arn in model.resourceOrder {
            let r = model.resources[arn]!
            guard r.isRole, let doc = r.policy?.document else { continue }
            var ids: Set<String> = []
            for s in doc.statements where s.effect == .allow {
                guard let clause = s.principal else { continue }
                if clause.isNot { ids.insert("*"); continue }
                for p in clause.patterns { ids.insert(p.description) }
            }
            for id in ids { trusting[id, default: []].append(arn) }
            let key = TrustGroupKey(r)
            guard key.isShareable else { continue }
            let id = groupIDs[key] ?? groupIDs.count
            groupIDs[key] = id
            groups[arn] = id
        }
        rolesTrusting = trusting
        trustGroups = groups
    }

    /// The edges out of `caller` (a principal id), sorted by role: the model's own when it built
    /// them all (`assumableBy`), else decided now.
    public func edges(from caller: String) -> [Edge] {
        if model.assumeEdgeBuilding == .all { return model.assumableBy[caller] ?? [] }
        guard let c = model.principal(caller) else { return [] }
        var candidates = candidates(for: c)
        candidates.removeAll { $0 == caller }
        // Roles of one trust group answer alike when the caller's sts statements match them alike.
        var memo: [TrustGroupAnswerKey: Access?] = [:]
        var edges: [Edge] = []
        for arn in Set(candidates).sorted() {
            guard let role = model.resources[arn] else { continue }
            let answer: Access?
            if let group = trustGroups[arn] {
                let key = TrustGroupAnswerKey(
                    group: group,
                    statementMatches: c.assumeRoleResourceStatements.map { $0.appliesTo(resource: role.targets[0], context: c.context).rawValue })
                if let known = memo[key] {
                    answer = known
                } else {
                    answer = model.access(of: c, to: role)
                    memo[key] = answer
                }
            } else {
                answer = model.access(of: c, to: role)
            }
            guard let answer else { continue }
            edges.append(model.edge(from: c, to: role, kind: .canAssume, access: answer))
        }
        return edges
    }

    /// The roles `assumeCandidates` would list `c` for: those naming it, and for a principal of
    /// the snapshot those naming its account whose ARN its literal sts:AssumeRole grants name, or
    /// whose trust its wildcard grants may cover.
    func candidates(for c: PrincipalEntry) -> [String] {
        // A trust policy naming an account of the snapshot lets in that account's principals, not
        // its root (unless the snapshot has no IAM for it).
        let rootOfKnownAccount = c.request.kind == .account && c.request.account.map { model.snapshot.accounts[$0]?.hasIAM ?? false } == true
        var out = rootOfKnownAccount ? [] : rolesTrusting[c.id] ?? []
        guard let account = c.request.account, let root = c.request.accountRootArn, let index = model.assumers[account],
            model.snapshot.accounts[account] != nil, model.principals[c.id] != nil
        else { return out }
        // Roles trusting everyone: any principal of their account, and others whose grants may cover them.
        for arn in rolesTrusting["*"] ?? [] {
            guard let role = model.resources[arn] else { continue }
            if role.account == account || c.mayAllowAssumeRole(on: role.targets.first) { out.append(arn) }
        }
        let trustingAccount = rolesTrusting[root] ?? []
        if index.otherIDs.contains(c.id) {
            out += trustingAccount.filter { c.mayAllowAssumeRole(on: model.resources[$0]!.targets.first) }
        } else if let literals = index.literals[c.id] {
            out += trustingAccount.filter { literals.contains(model.resources[$0]!.targets.first?.text ?? $0) }
        }
        return out
    }
}

/// What decides one caller's answer for a role: the role's trust group and how the caller's
/// resource-specific `sts:` statements match the role.
struct TrustGroupAnswerKey: Hashable {
    let group: Int
    let statementMatches: [Int8]
}
