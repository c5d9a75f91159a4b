import Policy
import Snapshot

/// Builds `PrincipalEntry` values: users and roles of the snapshot with their
/// effective identity policies, and principals named in policies from outside it.
struct PrincipalFactory {
    let snapshot: Snapshot
    let zone: Zone

    // MARK: - Snapshot principals

    func users(of account: Account) -> [PrincipalEntry] {
        let groups = Dictionary(account.groups.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return account.users.map { user in
            var identity = user.inlinePolicies + managed(user.attachedPolicyArns, in: account)
            for name in user.groupNames {
                guard let g = groups[name] else { continue }
                identity += g.inlinePolicies + managed(g.attachedPolicyArns, in: account)
            }
            var context = baseContext(arn: user.arn, account: account.id, type: "User", tags: user.tags)
            context.set("aws:username", user.name)
            return PrincipalEntry(
                node: Node(id: user.arn, kind: .user, account: account.id),
                request: RequestPrincipal(kind: .user, id: user.arn, account: account.id),
                policies: policies(identity, boundary: user.permissionsBoundaryArn, account: account), context: context)
        }
    }

    func roles(of account: Account) -> [PrincipalEntry] {
        account.roles.map { role in
            let identity = role.inlinePolicies + managed(role.attachedPolicyArns, in: account)
            let context = baseContext(arn: role.arn, account: account.id, type: "AssumedRole", tags: role.tags)
            return PrincipalEntry(
                node: Node(id: role.arn, kind: .role, account: account.id, resourceType: "AWS::IAM::Role"),
                request: RequestPrincipal(kind: .role, id: role.arn, account: account.id, isServiceLinkedRole: role.isServiceLinked),
                policies: policies(identity, boundary: role.permissionsBoundaryArn, account: account), context: context)
        }
    }

    func managed(_ arns: [String], in account: Account) -> [NamedPolicy] {
        arns.compactMap { arn in account.managedPolicies[arn].map { NamedPolicy(name: arn, document: $0.document) } }
    }

    func policies(_ identity: [NamedPolicy], boundary: String?, account: Account) -> PolicySet {
        var boundaryPolicies: [NamedPolicy]?
        if let boundary {
            // A boundary whose document is not in the snapshot cannot be evaluated: it is taken
            // to allow nothing, the safe reading of an unknown cap... but that would hide access,
            // so an unknown boundary is left out instead (and access may be over-reported).
            boundaryPolicies = account.managedPolicies[boundary].map { [NamedPolicy(name: boundary, document: $0.document)] }
        }
        return PolicySet(
            identityPolicies: identity, permissionsBoundary: boundaryPolicies,
            scpLevels: snapshot.organization?.scpLevels(forAccount: account.id) ?? [])
    }

    /// The keys known for a principal of the snapshot (reference_policies_condition-keys.html).
    func baseContext(arn: String, account: String, type: String, tags: [String: String]) -> ConditionContext {
        var c = ConditionContext(missingKeys: .unknown)
        c.set("aws:PrincipalArn", arn)
        c.set("aws:PrincipalAccount", account)
        c.set("aws:PrincipalType", type)
        c.set("aws:PrincipalIsAWSService", "false")
        c["aws:PrincipalServiceName"] = .absent
        for key in Self.serviceSourceKeys { c[key] = .absent }
        if let org = snapshot.organization, org.contains(account: account) {
            c.set("aws:PrincipalOrgID", org.id)
        } else {
            c["aws:PrincipalOrgID"] = .absent
        }
        for (k, v) in tags { c.set("aws:PrincipalTag/\(k)", v) }
        // Every tag of the principal is in the snapshot: a tag it lacks is absent, so a policy
        // variable naming it cannot be resolved (reference_policies_variables.html).
        c.close(prefix: "aws:PrincipalTag/")
        return c
    }

    /// Keys that only requests a service makes on someone's behalf carry: a principal calling
    /// directly has none of them (reference_policies_condition-keys.html, aws:SourceAccount).
    static let serviceSourceKeys = ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOwner", "aws:SourceOrgID", "aws:SourceOrgPaths"]

    // MARK: - Principals named in policies

    /// A principal named in a resource or trust policy that is not a user or role of the snapshot.
    func outside(_ pattern: PrincipalPattern) -> PrincipalEntry? {
        switch pattern {
        case .anyone:
            return PrincipalEntry(
                node: Node(id: "*", kind: .everyone, label: "everyone (*)"),
                request: RequestPrincipal(kind: .anonymous, id: "*"), policies: PolicySet(),
                context: ConditionContext(missingKeys: .unknown))
        case .service(let name):
            var c = ConditionContext(missingKeys: .unknown)
            c.set("aws:PrincipalIsAWSService", "true")
            c.set("aws:PrincipalServiceName", name)
            // A service is in no organization: the keys are only in requests of members
            // (reference_policies_condition-keys.html, aws:PrincipalOrgID).
            c["aws:PrincipalOrgID"] = .absent
            c["aws:PrincipalOrgPaths"] = .absent
            return PrincipalEntry(
                node: Node(id: name, kind: .service), request: RequestPrincipal(kind: .service, id: name),
                policies: PolicySet(), context: c)
        case .federated(let provider):
            return PrincipalEntry(
                node: Node(id: provider, kind: .federated, account: ARN(provider)?.account.nilIfEmpty),
                request: RequestPrincipal(kind: .federated, id: provider), policies: PolicySet(),
                context: ConditionContext(missingKeys: .unknown))
        case .canonicalUser(let id):
            return PrincipalEntry(
                node: Node(id: id, kind: .externalPrincipal, label: "canonical user \(id.prefix(8))…"),
                request: RequestPrincipal(kind: .anonymous, id: id, canonicalUserID: id), policies: PolicySet(),
                context: ConditionContext(missingKeys: .unknown))
        case .aws(let arnText):
            guard let parsed = RequestPrincipal.parse(arnText), let account = parsed.account else { return nil }
            var c = ConditionContext(missingKeys: .unknown)
            for key in Self.serviceSourceKeys { c[key] = .absent }
            c.set("aws:PrincipalAccount", account)
            // An account or IAM principal is not an AWS service (reference_policies_condition-keys.html).
            c.set("aws:PrincipalIsAWSService", "false")
            c["aws:PrincipalServiceName"] = .absent
            if parsed.kind != .account { c.set("aws:PrincipalArn", parsed.id) }
            switch parsed.kind {
            case .user: c.set("aws:PrincipalType", "User")
            case .role: c.set("aws:PrincipalType", "AssumedRole")
            case .federatedUser: c.set("aws:PrincipalType", "FederatedUser")
            default: break  // an account stands for any of its principals
            }
            if let org = snapshot.organization {
                if org.contains(account: account) { c.set("aws:PrincipalOrgID", org.id) } else { c["aws:PrincipalOrgID"] = .noneOf([org.id.lowercased()]) }
            }
            let kind: NodeKind = parsed.kind == .account ? .account : .externalPrincipal
            return PrincipalEntry(
                node: Node(id: parsed.id, kind: kind, account: account),
                request: parsed, policies: PolicySet(identityAssumedToAllow: true), context: c)
        }
    }

}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
