import Policy

extension Escalation {
    /// The policy a principal that can write its own policies would write.
    static let allowEverything: PolicyDocument = {
        let text = #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#
        return try! PolicyParser().parse(text: text).document
    }()

    /// `p` after a self-grant: its identity policies with what the grant adds (a policy allowing
    /// everything, a group's policies) or changes (a managed policy's other version). Its
    /// permissions boundary and SCPs still apply, and its other policies' Deny statements stay.
    public func granted(_ p: PrincipalEntry, _ grant: SelfGrant) -> PrincipalEntry {
        var set = p.policies
        switch grant {
        case .anything:
            set.identityPolicies.append(NamedPolicy(name: "a policy it writes itself (Allow * on *)", document: Self.allowEverything))
        case .group(let arn):
            guard let account = p.request.account.flatMap({ model.snapshot.accounts[$0] }),
                let g = account.groups.first(where: { $0.arn == arn })
            else { return p }
            set.identityPolicies += g.inlinePolicies
            set.identityPolicies += g.attachedPolicyArns.compactMap { a in
                account.managedPolicies[a].map { NamedPolicy(name: a, document: $0.document) }
            }
        case .policyVersion(let policy, let version):
            guard let account = p.request.account.flatMap({ model.snapshot.accounts[$0] }),
                let doc = account.managedPolicies[policy]?.otherVersions[version]
            else { return p }
            set.identityPolicies = set.identityPolicies.map {
                $0.name == policy ? NamedPolicy(name: "\(policy) version \(version)", document: doc) : $0
            }
        }
        return PrincipalEntry(node: p.node, request: p.request, policies: set, context: p.context)
    }

    /// Whether `principal` can give itself any permission (within its boundary and SCPs): a
    /// self-grant of a policy it writes, or one after joining a group or switching a policy
    /// version. Returns the grants that get there, shortest first; nil when none does.
    public func adminGrants(of principal: String, memo: EscalationMemo = EscalationMemo()) -> [EscalationEdge]? {
        guard let t = target(principal) else { return nil }
        var others: [EscalationEdge] = []
        if let e = firstSelfGrant(of: t, caller: t.principal, memo: memo, accept: { e in
            if e.grant != .anything { others.append(e) }
            return e.grant == .anything
        }) {
            return [e]
        }
        for e in others {
            guard let g = e.grant else { continue }
            let widened = granted(t.principal, g)
            if let then = firstSelfGrant(of: t, caller: widened, memo: nil, accept: { $0.grant == .anything }) { return [e, then] }
        }
        return nil
    }
}
