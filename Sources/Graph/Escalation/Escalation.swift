import Policy
import Snapshot

/// Privilege escalation over a model: the edges by which a principal can act as another or widen
/// its own permissions, each found by a rule (`EscalationRules`) and decided by the evaluator.
/// Edges are built on demand, into one target or out of one source; candidates come from an
/// index of who may be allowed each rule's first action, never from pairing every principal
/// with every other.
public struct Escalation: Sendable {
    public let model: AccessModel
    public let rules: [any EscalationRule]
    public let env: EscalationEnvironment
    var index: EscalationIndex
    let users: [String: User]
    let roles: [String: Role]

    /// The same without the principals `known` holds as candidates: edges into a target then come
    /// only from the others, and no time goes to passing over the known ones.
    public func excluding(_ known: Set<String>) -> Escalation {
        var copy = self
        copy.index = index.without(known)
        return copy
    }

    public init(model: AccessModel, rules: [any EscalationRule] = EscalationRules.all) {
        self.model = model
        self.rules = rules
        self.env = EscalationEnvironment(snapshot: model.snapshot)
        var users: [String: User] = [:]
        var roles: [String: Role] = [:]
        for account in model.snapshot.accounts.values {
            for u in account.users { users[u.arn] = u }
            for r in account.roles { roles[r.arn] = r }
        }
        self.users = users
        self.roles = roles
        // Each rule's first action is what candidates are looked up by.
        var actions: Set<String> = []
        for rule in rules where rule.technique.kind == .actAs {
            actions.insert(rule.keyAction)
        }
        self.index = EscalationIndex(model: model, actions: actions)
    }

    /// A principal of the snapshot as a target.
    public func target(_ id: String) -> EscalationTarget? {
        guard let p = model.principals[id], let account = p.request.account.flatMap({ model.snapshot.accounts[$0] }) else { return nil }
        return EscalationTarget(
            principal: p, account: account, user: users[id], role: roles[id], resource: model.resources[id]?.targets.first ?? RequestResource(id))
    }

    /// The `actAs` edges into `target`, sorted by source and technique; sources `skip` accepts are
    /// not decided.
    public func edges(into target: String, memo: EscalationMemo = EscalationMemo(), skip: (String) -> Bool = { _ in false }) -> [EscalationEdge] {
        guard let t = self.target(target) else { return [] }
        var out: [EscalationEdge] = []
        // Ways of several rules often share their first need (iam:PassRole on the role): look its candidates up once.
        var candidates: [String: [PrincipalEntry]] = [:]
        for rule in rules where rule.technique.kind == .actAs {
            var found: Set<String> = []
            for way in rule.ways(into: t, in: env) {
                guard let key = way.needs.first else { continue }
                let lookup = key.loweredAction + " " + key.resourceText
                let list: [PrincipalEntry]
                if let known = candidates[lookup] {
                    list = known
                } else {
                    list = index.candidates(key, account: t.account.id, skip: { $0 == t.arn || skip($0) })
                    candidates[lookup] = list
                }
                for c in list where !found.contains(c.id) {
                    if let e = edge(c, into: t, by: rule, way, memo: memo) {
                        out.append(e)
                        found.insert(c.id)
                    }
                }
            }
        }
        return out.sorted { ($0.from, $0.technique.id) < ($1.from, $1.technique.id) }
    }

    /// The `actAs` edges out of `source`: every principal of its account it can act as, sorted by
    /// target and technique.
    public func edges(from source: String, memo: EscalationMemo = EscalationMemo()) -> [EscalationEdge] {
        guard let s = model.principals[source], let account = s.request.account else { return [] }
        var out: [EscalationEdge] = []
        for id in model.principalsByAccount[account] ?? [] where id != source {
            guard let t = self.target(id) else { continue }
            for rule in rules where rule.technique.kind == .actAs {
                for way in rule.ways(into: t, in: env) {
                    guard let key = way.needs.first, index.mayAllow(s, key, account: account) else { continue }
                    if let e = edge(s, into: t, by: rule, way, memo: memo) {
                        out.append(e)
                        break
                    }
                }
            }
        }
        return out.sorted { ($0.to, $0.technique.id) < ($1.to, $1.technique.id) }
    }

    /// The `selfGrant` edges of `principal` (from and to itself), one per technique and grant.
    public func selfGrants(of principal: String, memo: EscalationMemo = EscalationMemo()) -> [EscalationEdge] {
        guard let t = self.target(principal) else { return [] }
        return selfGrants(of: t, caller: t.principal, memo: memo)
    }

    /// The self-grants of `target` as `caller` (the target itself, or it after an earlier grant).
    func selfGrants(of t: EscalationTarget, caller: PrincipalEntry, memo: EscalationMemo?) -> [EscalationEdge] {
        var out: [EscalationEdge] = []
        _ = firstSelfGrant(of: t, caller: caller, memo: memo) { out.append($0); return false }
        return out
    }

    /// The first self-grant of `t` as `caller` that `accept` takes, rules in registry order (those
    /// granting anything come before groups and versions); `accept` sees every grant found.
    func firstSelfGrant(
        of t: EscalationTarget, caller: PrincipalEntry, memo: EscalationMemo?, accept: (EscalationEdge) -> Bool
    ) -> EscalationEdge? {
        for rule in rules where rule.technique.kind == .selfGrant {
            // A cheap filter: some identity Allow statement covers the rule's first action.
            let key = rule.keyAction.lowercased()
            guard caller.policies.identityAssumedToAllow || caller.allowStatements.contains(where: { $0.appliesTo(action: key) }) else { continue }
            for way in rule.ways(into: t, in: env) {
                if let e = edge(caller, into: t, by: rule, way, memo: memo), accept(e) { return e }
            }
        }
        return nil
    }

    /// The first self-grant of `principal` that `accept` takes.
    public func firstSelfGrant(of principal: String, memo: EscalationMemo = EscalationMemo(), accept: (EscalationEdge) -> Bool) -> EscalationEdge? {
        guard let t = target(principal) else { return nil }
        return firstSelfGrant(of: t, caller: t.principal, memo: memo, accept: accept)
    }

    /// Every `actAs` edge of the model, for graphs of small snapshots: the edges into each principal.
    public func allEdges() -> [EscalationEdge] {
        let memo = EscalationMemo()
        return model.principalOrder.flatMap { edges(into: $0, memo: memo) }
    }
}
