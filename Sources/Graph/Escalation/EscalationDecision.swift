import Policy

extension Escalation {
    /// One request of a need, decided by the evaluator with the context and policies every
    /// command uses: the resource's policy when the resource is in the snapshot (a role's trust
    /// policy governs only sts:AssumeRole*, so it is left out), else the caller's identity side
    /// and the RCPs of the resource's account; `iam:PassedToService` set for iam:PassRole.
    public func evaluate(_ p: PrincipalEntry, _ need: EscalationNeed, explain: Bool = true) -> Evaluation {
        let account = need.resource.flatMap { $0.arn.account.isEmpty ? nil : $0.arn.account } ?? p.request.account ?? ""
        var set: PolicySet
        var context: ConditionContext
        if let text = need.resource?.text, let r = model.resources[text], !r.isRole {
            set = model.policies(of: p, on: r)
            context = model.requestContext(of: p, on: r)
        } else {
            set = p.policies
            set.resourcePolicy = nil
            set.resourcePolicyRequired = false
            set.rcpLevels = model.snapshot.organization?.rcpLevels(forAccount: account) ?? []
            context = model.requestContext(of: p, resourceAccount: account)
        }
        if let service = need.passedToService { context.set("iam:PassedToService", service) }
        let request = Request(principal: p.request, action: need.action, resource: need.resource, resourceAccount: account, context: context)
        return Evaluator().evaluate(request, set, explain: explain)
    }

    /// The same, remembered in `memo` per caller (the entry itself: a widened copy of a principal
    /// is another caller).
    func decide(_ p: PrincipalEntry, _ need: EscalationNeed, memo: EscalationMemo?) -> Evaluation {
        guard let memo else { return evaluate(p, need) }
        let service = need.service
        let withPolicy = need.resource.flatMap { model.resources[$0.text] }.flatMap { $0.isRole || $0.policy == nil ? nil : $0.arn }
        let key = NeedKey(
            caller: CallerIdentity(entry: p), action: need.loweredAction, passedToService: need.passedToService,
            statementMatches: p.resourceSpecificStatements.filter { $0.mayCover(service: service) }.map {
                $0.appliesTo(resource: need.resource, context: p.context).rawValue
            },
            resourceWithPolicy: withPolicy)
        if let known = memo.evaluations[key] { return known }
        let e = evaluate(p, need)
        memo.evaluations[key] = e
        return e
    }

    /// Whether `role`'s trust policy lets `service` assume it, decided like any trust.
    func serviceTrust(_ role: String, _ service: String, memo: EscalationMemo?) -> Evaluation? {
        let key = role + "\u{0}" + service
        if let memo, let known = memo.trust[key] { return known }
        var e: Evaluation?
        if let r = model.resources[role], r.isRole,
            let caller = model.principal(service) ?? model.factory.outside(.service(service))
        {
            e = model.decide(caller, "sts:AssumeRole", on: r, explain: true)
        }
        memo?.trust[key] = e
        return e
    }

    /// The edge for one way of `rule` from `caller` into `target`, when the evaluator allows every need.
    func edge(_ caller: PrincipalEntry, into target: EscalationTarget, by rule: any EscalationRule, _ way: EscalationWay, memo: EscalationMemo?)
        -> EscalationEdge?
    {
        // Every request is decided before any is written out: most ways stop at a denied need.
        var evaluations: [Evaluation] = []
        evaluations.reserveCapacity(way.needs.count)
        for need in way.needs {
            let e = decide(caller, need, memo: memo)
            guard e.result != .no else { return nil }
            evaluations.append(e)
        }
        var trust: Evaluation?
        if let service = way.trustedService {
            guard let e = serviceTrust(target.arn, service, memo: memo), e.result != .no else { return nil }
            trust = e
        }
        var requests = zip(way.needs, evaluations).map { need, e in Self.request(caller.id, need.action, need.resourceText, e) }
        if let service = way.trustedService, let trust { requests.append(Self.request(service, "sts:AssumeRole", target.arn, trust)) }
        var conditions: [String: [String: [String]]] = [:]
        var deniedWhen: [String: [String: [String]]] = [:]
        for r in requests {
            conditions = EscalationEdge.merge(conditions, r.conditions)
            deniedWhen = EscalationEdge.merge(deniedWhen, r.deniedWhen)
        }
        return EscalationEdge(
            from: caller.id, to: target.arn, technique: rule.technique, via: way.via, grant: way.grant, requests: requests,
            conditions: conditions, deniedWhen: deniedWhen, assumes: way.assumes)
    }

    static func request(_ principal: String, _ action: String, _ resource: String, _ e: Evaluation) -> EscalationRequest {
        let statements = e.trace.filter { $0.outcome != .no }.map { t in
            let label = t.sid.flatMap { $0.isEmpty ? nil : $0 } ?? "#\(t.statementIndex)"
            return DecidingStatement(policy: t.policyName, policyType: t.policyType.description, statement: label, effect: t.effect.rawValue)
        }
        return EscalationRequest(
            principal: principal, action: action, resource: resource, conditional: e.result == .unknown,
            conditions: e.undecidedConditions.isEmpty ? [:] : AccessModel.group(e.undecidedConditions),
            deniedWhen: e.undecidedDenyConditions.isEmpty ? [:] : AccessModel.group(e.undecidedDenyConditions), statements: statements)
    }
}
