import Policy

extension AccessModel {
    /// The condition keys of a request of `principal` on `resource`, the one context every
    /// command decides with (findings, who-can, graphs, reports through the batch evaluator;
    /// `can` and the differential tests through one request): what the snapshot knows of the
    /// principal, the keys AWS sets for the resource, and for everyone (`*`) and service
    /// principals what makes them a caller outside the resource's zone of trust. Keys not known
    /// are unknown (a concrete request reads them as absent).
    public func requestContext(of principal: PrincipalEntry, on resource: ResourceEntry) -> ConditionContext {
        requestContext(of: principal, resourceAccount: resource.account)
    }

    /// The same for a resource of `account` that is not in the snapshot.
    public func requestContext(of principal: PrincipalEntry, resourceAccount account: String) -> ConditionContext {
        var c = principal.context
        // reference_policies_condition-keys.html: aws:ResourceAccount and aws:ResourceOrgID are
        // set for every request on a resource.
        c.set("aws:ResourceAccount", account)
        if let org = snapshot.organization, org.contains(account: account) {
            c.set("aws:ResourceOrgID", org.id)
        } else if snapshot.organization != nil {
            c["aws:ResourceOrgID"] = .absent
        }
        guard principal.node.kind == .everyone || principal.node.kind == .service else { return c }
        let accounts = zone.accounts(trustedBy: account)
        let org = zone.organization(trustedBy: account)
        for key in ["aws:SourceAccount", "aws:SourceOwner"] { c[key] = .noneOf(accounts) }
        c["aws:SourceArn"] = .arnOutside(accounts: accounts)
        if let org { c["aws:SourceOrgID"] = .noneOf([org.lowercased()]) }
        if principal.node.kind == .everyone {
            c["aws:PrincipalAccount"] = .noneOf(accounts)
            c["aws:PrincipalArn"] = .arnOutside(accounts: accounts)
            if let org { c["aws:PrincipalOrgID"] = .noneOf([org.lowercased()]) }
            // Anonymous callers carry no aws:PrincipalIsAWSService; signed callers that are not services carry false.
            c["aws:PrincipalIsAWSService"] = .noneOf(["true"])
        }
        return c
    }
}
