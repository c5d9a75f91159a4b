import Concurrency
import Policy

/// The principals some identity Allow statement may grant one action, per account and action:
/// the candidates of an escalation edge, found without pairing every principal with every other
/// (as `AssumerIndex` does for sts:AssumeRole). Those whose every such statement names literal
/// ARNs are filed under each ARN; the others are checked per resource. A cheap superset: the
/// evaluator decides.
struct EscalationIndex: Sendable {
    struct Grants: Sendable {
        var named: [String: [PrincipalEntry]] = [:]
        /// Principals with wildcard, NotResource or variable statements for the action, with those statements.
        var others: [(PrincipalEntry, [Statement])] = []
        /// Every principal with some Allow for the action.
        var all: [PrincipalEntry] = []
        /// The same from the caller's side: literal ARNs by principal id, the others' statements by id.
        var literals: [String: Set<String>] = [:]
        var otherStatements: [String: [Statement]] = [:]
    }

    /// account -> lowercased action -> grants.
    let grants: [String: [String: Grants]]

    init(grants: [String: [String: Grants]]) { self.grants = grants }

    /// The same index without the principals `known` holds (a walk that has reached them needs
    /// not look at them again).
    func without(_ known: Set<String>) -> EscalationIndex {
        EscalationIndex(grants: grants.mapValues { byAction in
            byAction.mapValues { g in
                var out = Grants()
                for (arn, ps) in g.named {
                    let kept = ps.filter { !known.contains($0.id) }
                    if !kept.isEmpty { out.named[arn] = kept }
                }
                out.others = g.others.filter { !known.contains($0.0.id) }
                out.all = g.all.filter { !known.contains($0.id) }
                out.literals = g.literals.filter { !known.contains($0.key) }
                out.otherStatements = g.otherStatements.filter { !known.contains($0.key) }
                return out
            }
        })
    }

    init(model: AccessModel, actions: Set<String>) {
        let lowered = actions.map { $0.lowercased() }.sorted()
        let accounts = model.principalsByAccount.keys.sorted()
        let built = ParallelMap.map(accounts) { account -> [String: Grants] in
            var out: [String: Grants] = [:]
            for id in model.principalsByAccount[account] ?? [] {
                guard let p = model.principals[id] else { continue }
                for action in lowered {
                    let service = String(action.prefix { $0 != ":" })
                    if let covered = p.coveredServices, !covered.contains(service) { continue }
                    let statements = p.allowStatements.filter { $0.appliesTo(action: action) }
                    guard !statements.isEmpty else { continue }
                    var literals: [String] = []
                    var literalOnly = true
                    for s in statements {
                        guard case .resource(let patterns)? = s.resource, patterns.allSatisfy(\.isLiteralARN) else {
                            literalOnly = false
                            break
                        }
                        literals += patterns.map(\.text)
                    }
                    if literalOnly {
                        for arn in Set(literals) { out[action, default: Grants()].named[arn, default: []].append(p) }
                        out[action, default: Grants()].literals[p.id] = Set(literals)
                    } else {
                        out[action, default: Grants()].others.append((p, statements))
                        out[action, default: Grants()].otherStatements[p.id] = statements
                    }
                    out[action, default: Grants()].all.append(p)
                }
            }
            return out
        }
        grants = Dictionary(uniqueKeysWithValues: zip(accounts, built))
    }

    /// The principals of `account` that may be allowed `need`, but those `skip` accepts.
    func candidates(_ need: EscalationNeed, account: String, skip: (String) -> Bool = { _ in false }) -> [PrincipalEntry] {
        guard let g = grants[account]?[need.loweredAction] else { return [] }
        guard let resource = need.resource, !need.isOpen else { return g.all.filter { !skip($0.id) } }
        var out = (g.named[resource.text] ?? []).filter { !skip($0.id) }
        for (p, statements) in g.others where !skip(p.id) && statements.contains(where: { $0.appliesTo(resource: resource, context: p.context) != .no }) {
            out.append(p)
        }
        return out
    }

    /// Whether `p` may be allowed `need` (the same test from the caller's side).
    func mayAllow(_ p: PrincipalEntry, _ need: EscalationNeed, account: String) -> Bool {
        guard let g = grants[account]?[need.loweredAction] else { return false }
        if let statements = g.otherStatements[p.id] {
            return need.isOpen || statements.contains { $0.appliesTo(resource: need.resource, context: p.context) != .no }
        }
        guard let literals = g.literals[p.id] else { return false }
        return need.isOpen || literals.contains(need.resourceText)
    }
}
