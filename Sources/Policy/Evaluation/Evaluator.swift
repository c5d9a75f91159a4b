/// AWS's policy evaluation logic for one request
/// (reference_policies_evaluation-logic_policy-eval-denyallow.html):
/// 1. an explicit deny in any policy wins;
/// 2. every level of SCPs (principal's account) and RCPs (resource's account) must allow;
/// 3. within one account, an identity-policy allow (capped by boundary and session policy)
///    or a resource-policy grant to the principal suffices; across accounts both sides must allow
///    (reference_policies_evaluation-logic-cross-account.html);
/// 4. KMS key policies and role trust policies must grant themselves; identity policies count
///    only through a grant to the account (key-policy-default.html, id_roles_compare-resource-policies.html).
public struct Evaluator: Sendable {
    public init() {}

    public func evaluate(_ request: Request, _ policies: PolicySet, explain: Bool = false) -> Evaluation {
        var pass = EvaluationPass(request: request, explain: explain)
        var e = FixedRules.settle(pass.run(policies), of: request)
        if explain && e.result != .no { e.grants = pass.grants() }
        return e
    }
}

/// The state of one evaluation: outcomes gathered policy by policy.
struct EvaluationPass {
    let request: Request
    let explain: Bool
    var deny = Tri.no
    var undecided: [Condition] = []
    var undecidedDeny: [Condition] = []
    var trace: [StatementTrace] = []
    /// Where the identity policies and the resource policy take part in the allow (`DecisionLogic.grantingSides`).
    var identityGrants = Tri.no
    var resourceGrants = Tri.no

    init(request: Request, explain: Bool) {
        self.request = request
        self.explain = explain
    }

    /// Allow outcomes of one policy (or several of one type), by how the principal is named.
    struct Allows {
        var any = Tri.no
        var principal = Tri.no
        var role = Tri.no
        var account = Tri.no
        var anyone = Tri.no

        @inline(__always) func of(_ c: PrincipalMatchClass) -> Tri {
            switch c {
            case .principal: principal
            case .role: role
            case .account: account
            case .anyone: anyone
            }
        }

        @inline(__always) mutating func add(_ outcome: Tri, as c: PrincipalMatchClass?) {
            any = any || outcome
            switch c {
            case .principal?: principal = principal || outcome
            case .role?: role = role || outcome
            case .account?: account = account || outcome
            case .anyone?: anyone = anyone || outcome
            case nil: break
            }
        }
    }

    mutating func run(_ set: PolicySet) -> Evaluation {
        let scpApplies = set.scpsApply(to: request.principal)
        let rcpApplies = set.rcpsApply(to: request.principal)

        var scp = Tri.yes
        if scpApplies {
            for (i, level) in set.scpLevels.enumerated() { scp = scp && evaluate(level, as: .scp(level: i)).any }
        }
        var rcp = Tri.yes
        if rcpApplies {
            for (i, level) in set.rcpLevels.enumerated() { rcp = rcp && evaluate(level, as: .rcp(level: i)).any }
        }
        let identity = set.identityAssumedToAllow ? Tri.yes : evaluate(set.identityPolicies, as: .identity).any
        let boundary = set.permissionsBoundary.map { evaluate($0, as: .permissionsBoundary).any } ?? .yes
        let session = set.sessionPolicies.map { evaluate($0, as: .session).any } ?? .yes
        let resource = set.resourcePolicy.map { evaluate([$0], as: .resource) } ?? Allows()

        let p = request.principal
        let sameAccount = request.resource == nil || p.account == nil || p.account == request.resourceAccount
        let inputs = GrantInputs(
            identity: identity, boundary: boundary, session: session, resourceAny: resource.any,
            resourcePrincipal: resource.principal, resourceRole: resource.role, resourceAccount: resource.account,
            resourceAnyone: resource.anyone)
        let (core, grantRule, denyRule) = combine(
            set, inputs, sameAccount: sameAccount, identity: identity, boundary: boundary, session: session, resource: resource)
        let sides = DecisionLogic.grantingSides(
            principal: p, sameAccount: sameAccount, resourcePolicyRequired: set.resourcePolicyRequired, inputs)
        identityGrants = sides.identity ?? .no
        resourceGrants = sides.resource
        let blocked = set.publicAccessBlocked(for: request.principal, resourceAccount: request.resourceAccount)
        let result = blocked ? Tri.no : !deny && scp && rcp && core

        let rule: DecidingRule
        if deny == .yes {
            rule = .explicitDeny
        } else if blocked {
            rule = .publicAccessBlocked
        } else if scp == .no {
            rule = .scpNoAllow
        } else if rcp == .no {
            rule = .rcpNoAllow
        } else if core == .no {
            rule = denyRule
        } else {
            rule = grantRule
        }
        return Evaluation(
            result: result, explicitDeny: deny, rule: rule, undecidedConditions: undecided, undecidedDenyConditions: undecidedDeny,
            trace: trace)
    }

    /// The allow outcome of the identity side and resource policy together, with the rule
    /// that grants when it holds and the rule that denies when it does not.
    func combine(
        _ set: PolicySet, _ inputs: GrantInputs<Tri>, sameAccount: Bool, identity: Tri, boundary: Tri, session: Tri, resource: Allows
    ) -> (Tri, DecidingRule, DecidingRule) {
        let p = request.principal
        let core = DecisionLogic.core(
            principal: p, sameAccount: sameAccount, resourcePolicyRequired: set.resourcePolicyRequired, inputs)
        let identityPath = identity && boundary && session
        let identityDenyRule: DecidingRule =
            identity == .no ? .noAllow : boundary == .no ? .boundaryNoAllow : .sessionPolicyNoAllow
        guard p.hasIdentityPolicies else { return (core, .resourcePolicyGrant, .noAllow) }
        guard sameAccount else {
            let denyRule: DecidingRule = resource.any == .no ? .crossAccountWithoutResourceGrant : .crossAccountWithoutIdentityAllow
            return (core, .crossAccountBothAllow, denyRule)
        }
        if set.resourcePolicyRequired {
            let grant: DecidingRule = identityPath == .yes && resource.account == .yes && core == .yes
                && resource.principal != .yes && resource.role != .yes && resource.anyone != .yes ? .delegatedToAccount : .resourcePolicyGrant
            return (core, grant, resource.any == .no ? .resourcePolicyRequired : identityDenyRule)
        }
        let grant: DecidingRule = identityPath != .yes && core == .yes ? .resourcePolicyGrant : .identityAllow
        return (core, grant, identityDenyRule)
    }

    /// Evaluates the statements of some policies of one type; records denies and (when explaining) matches.
    mutating func evaluate(_ policies: [NamedPolicy], as type: PolicyType) -> Allows {
        var allows = Allows()
        for policy in policies {
            for statement in policy.document.statements {
                guard statement.appliesTo(action: request.normalizedAction),
                    let m = statement.match(request, as: type)
                else { continue }
                let outcome = m.outcome
                if outcome == .no && !explain { continue }
                if outcome == .unknown { noteUndecided(m.undecided, deny: statement.effect == .deny) }
                if explain { record(statement, of: policy, type: type, outcome: outcome, principalMatch: m.matchClass) }
                if outcome == .no { continue }
                switch statement.effect {
                case .deny:
                    deny = deny || outcome
                case .allow:
                    allows.add(outcome, as: m.matchClass)
                }
            }
        }
        return allows
    }

    /// The policies whose Allow statements grant the request, from the trace (explaining only):
    /// identity policies where the identity side takes part in the allow, the resource policy
    /// where it does; each once, identity policies first, in the order they were evaluated.
    func grants() -> [GrantingPolicy] {
        var out: [GrantingPolicy] = []
        for t in trace where t.effect == .allow && t.outcome != .no {
            let side: Tri
            switch t.policyType {
            case .identity: side = identityGrants
            case .resource: side = resourceGrants
            default: continue
            }
            let g = GrantingPolicy(type: t.policyType, name: t.policyName)
            if side != .no && !out.contains(g) { out.append(g) }
        }
        return out.filter { $0.type == .identity } + out.filter { $0.type == .resource }
    }

    mutating func noteUndecided(_ conditions: [Condition], deny: Bool) {
        for c in conditions {
            if deny {
                if !undecidedDeny.contains(c) { undecidedDeny.append(c) }
            } else if !undecided.contains(c) {
                undecided.append(c)
            }
        }
    }

    mutating func record(
        _ statement: Statement, of policy: NamedPolicy, type: PolicyType, outcome: Tri, principalMatch: PrincipalMatchClass?
    ) {
        let conditions = statement.conditions.map { ConditionResult(condition: $0, outcome: ConditionEvaluator.evaluate($0, in: request.context)) }
        trace.append(StatementTrace(
            policyType: type, policyName: policy.name, statementIndex: statement.index, sid: statement.sid,
            effect: statement.effect, outcome: outcome, principalMatch: principalMatch, conditions: conditions))
    }
}

extension PolicyType {
    var isRCP: Bool {
        if case .rcp = self { return true }
        return false
    }
}
