import Policy

/// Whom each principal can assume, found forward from the caller: the roles whose trust policy
/// names it or its account, each decided as `edges(into:)` decides it. Built for findings, which
/// walk forward from the roles outside principals enter and meet few of an estate's roles. The
/// index of trust policies is made once, when this value is; the roles in it are numbered in ARN
/// order, so that listing and sorting a caller's candidates hashes no ARN.
public struct EdgesFrom: Sendable {
    let model: AccessModel
    /// The roles with a trust policy, in ARN order (their number is their place here).
    let roles: [ResourceEntry]
    /// Role numbers by the principal ids their trust policy's Allow statements name (ARNs,
    /// account roots, services, providers, `*`; a NotPrincipal lets in `*`).
    let rolesTrusting: [String: [Int32]]
    /// The roles trusting `*`, by their account: a caller of that account may assume each.
    let everyoneByAccount: [String: [Int32]]
    /// The roles trusting `*`, by the ARN text of their target: what a caller whose every
    /// sts:AssumeRole grant names literal ARNs may assume of them (as `addCandidates` decides).
    let everyoneByTarget: [String: [Int32]]
    /// `rolesTrusting` for the ids naming an account root (`…:root`), by the ARN text of each
    /// role's target: what a literal-only caller of that account may assume of them.
    let trustingRootByTarget: [String: [String: [Int32]]]
    /// Per role, the number of its shareable trust group (`TrustGroupKey`), or -1.
    let trustGroup: [Int32]

    public init(model: AccessModel) {
        self.model = model
        var roles: [ResourceEntry] = []
        var trusting: [String: [Int32]] = [:]
        var everyone: [String: [Int32]] = [:]
        var everyoneByTarget: [String: [Int32]] = [:]
        var rootByTarget: [String: [String: [Int32]]] = [:]
        var groupIDs: [TrustGroupKey: Int32] = [:]
        var groups: [Int32] = []
        for arn in model.resourceOrder {
            let r = model.resources[arn]!
            guard r.isRole, let doc = r.policy?.document else { continue }
            let n = Int32(roles.count)
            roles.append(r)
            var ids: Set<String> = []
            for s in doc.statements where s.effect == .allow {
                guard let clause = s.principal else { continue }
                if clause.isNot { ids.insert("*"); continue }
                for p in clause.patterns { ids.insert(p.description) }
            }
            for id in ids { trusting[id, default: []].append(n) }
            for id in ids where id.hasSuffix(":root") { rootByTarget[id, default: [:]][r.targets.first?.text ?? arn, default: []].append(n) }
            if ids.contains("*") {
                everyone[r.account, default: []].append(n)
                everyoneByTarget[r.targets.first?.text ?? arn, default: []].append(n)
            }
            let key = TrustGroupKey(r)
            guard key.isShareable else { groups.append(-1); continue }
            let id = groupIDs[key] ?? Int32(groupIDs.count)
            groupIDs[key] = id
            groups.append(id)
        }
        self.roles = roles
        rolesTrusting = trusting
        everyoneByAccount = everyone
        self.everyoneByTarget = everyoneByTarget
        trustingRootByTarget = rootByTarget
        trustGroup = groups
    }

    /// The edges out of `caller` (a principal id), sorted by role: the model's own when it built
    /// them all (`assumableBy`), else decided now.
    public func edges(from caller: String) -> [Edge] {
        if model.assumeEdgeBuilding == .all { return model.assumableBy[caller] ?? [] }
        guard let c = model.principal(caller) else { return [] }
        // Role numbers follow ARN order: sorted numbers are roles sorted by ARN.
        var numbers = candidateNumbers(for: c)
        numbers.sort()
        // Roles of one trust group answer alike when the caller's sts statements match them alike.
        var memo: [TrustGroupAnswerKey: Access?] = [:]
        // The caller's side of each evaluation, prepared once per account and statement matches.
        let sides = AccessMemo()
        var edges: [Edge] = []
        var last: Int32 = -1
        for n in numbers where n != last {
            last = n
            let role = roles[Int(n)]
            guard role.arn != caller else { continue }
            let answer: Access?
            let group = trustGroup[Int(n)]
            if group >= 0 {
                let key = TrustGroupAnswerKey(group: Int(group), statementMatches: c.assumeStatementMatches(on: role))
                if let known = memo[key] {
                    answer = known
                } else {
                    answer = assumeAccess(of: c, to: role, sides: sides)
                    memo[key] = answer
                }
            } else {
                answer = assumeAccess(of: c, to: role, sides: sides)
            }
            guard let answer else { continue }
            edges.append(model.edge(from: c, to: role, kind: .canAssume, access: answer))
        }
        return edges
    }

    /// `access(of: c, to: role)`, with the caller's side of the evaluation (its SCPs, identity
    /// policies and boundary, which depend on the role only through its account and how the
    /// caller's resource-specific statements match it) prepared once per such key in `sides`,
    /// as `AccessMemo` prepares it for other resources.
    func assumeAccess(of c: PrincipalEntry, to role: ResourceEntry, sides: AccessMemo) -> Access? {
        let context = sides.context(of: c, resourceAccount: role.account, in: model)
        return model.evaluate(c, role, actions: nil, grants: false, context: context) { t, universe in
            let matches = sides.statementMatches(of: c, universe, target: role.targets[t], context: context)
            return PreparedSides(
                principal: sides.side(
                    of: c, universe, target: role.targets[t], account: role.account, matches: matches, context: context, in: model))
        }?.access
    }

    /// Whether `c.mayAllowAssumeRole(on:)` says yes whatever the role: its identity side is
    /// assumed, or one of its sts:AssumeRole grants has no Resource element or names `*` (which
    /// matches every ARN, and no ARN at all).
    static func grantsCoverEveryRole(_ c: PrincipalEntry) -> Bool {
        if c.policies.identityAssumedToAllow { return true }
        return c.assumeRoleAllowStatements.contains { s in
            guard let clause = s.resource else { return true }
            guard case .resource(let patterns) = clause else { return false }
            return patterns.contains { $0.isAny }
        }
    }

    /// The roles `assumeCandidates` would list `c` for (numbers, possibly repeated): those naming
    /// it, and for a principal of the snapshot those naming its account whose ARN its literal
    /// sts:AssumeRole grants name, or whose trust its wildcard grants may cover.
    func candidateNumbers(for c: PrincipalEntry) -> [Int32] {
        // A trust policy naming an account of the snapshot lets in that account's principals, not
        // its root (unless the snapshot has no IAM for it).
        let rootOfKnownAccount = c.request.kind == .account && c.request.account.map { model.snapshot.accounts[$0]?.hasIAM ?? false } == true
        var out = rootOfKnownAccount ? [] : rolesTrusting[c.id] ?? []
        guard let account = c.request.account, let root = c.request.accountRootArn, let index = model.assumers[account],
            model.snapshot.accounts[account] != nil, model.principals[c.id] != nil
        else { return out }
        // Roles trusting everyone: any principal of their account, and others whose grants may
        // cover them (none when the caller has no identity grant of sts:AssumeRole).
        out += everyoneByAccount[account] ?? []
        if index.otherIDs.contains(c.id) {
            let trustingAccount = rolesTrusting[root] ?? []
            // A grant on Resource `*` covers every role: `mayAllowAssumeRole` says yes to each.
            let coversAll = Self.grantsCoverEveryRole(c)
            for (other, numbers) in everyoneByAccount where other != account {
                if coversAll { out += numbers; continue }
                for n in numbers where c.mayAllowAssumeRole(on: roles[Int(n)].targets.first) { out.append(n) }
            }
            out += coversAll ? trustingAccount : trustingAccount.filter { c.mayAllowAssumeRole(on: roles[Int($0)].targets.first) }
        } else if let literals = index.literals[c.id] {
            // Grants naming literal ARNs cover the roles those ARNs are, found by their text.
            let trustingRoot = trustingRootByTarget[root] ?? [:]
            for arn in literals { out += (everyoneByTarget[arn] ?? []) + (trustingRoot[arn] ?? []) }
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
