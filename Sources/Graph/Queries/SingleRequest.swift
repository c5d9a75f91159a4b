import Policy

extension AccessModel {
    /// One request of `principal` performing `action` on `resource`, decided by the scalar
    /// evaluator with the same context and policies as every command (`requestContext(of:on:)`,
    /// `policies(of:on:)`): the reference the batch, class and memo shortcuts are tested against.
    /// Keys not known from the snapshot are unknown, so the result is `.unknown` where the access
    /// depends on them. For an S3 bucket the action is asked of the bucket or of "some object",
    /// whichever target's actions hold it; nil when no target of the resource has the action
    /// (for a role: an `sts:AssumeRole*` action other than the one this principal uses).
    public func decide(_ principal: PrincipalEntry, _ action: String, on resource: ResourceEntry, explain: Bool = false) -> Evaluation? {
        var best: Evaluation?
        for e in evaluations(principal, action, on: resource, explain: explain) where best == nil || e.result > best!.result {
            best = e
        }
        return best
    }

    /// The policies that grant `principal` `action` on `resource`, by one explained request per
    /// target (`Evaluation.grants`): for a resource with several targets (a bucket and its objects,
    /// a domain and its paths), the grants of every target that allows the action. The reference
    /// for who-can's grants; empty when no target allows it.
    public func grants(_ principal: PrincipalEntry, _ action: String, on resource: ResourceEntry) -> [GrantingPolicy] {
        var out: [GrantingPolicy] = []
        for e in evaluations(principal, action, on: resource, explain: true) where e.result != .no {
            for g in e.grants where !out.contains(g) { out.append(g) }
        }
        return out.filter { $0.type == .identity } + out.filter { $0.type == .resource }
    }

    /// One scalar evaluation per target of `resource` whose actions hold `action`, in target order.
    private func evaluations(_ principal: PrincipalEntry, _ action: String, on resource: ResourceEntry, explain: Bool) -> [Evaluation] {
        let lowered = action.lowercased()
        let context = requestContext(of: principal, on: resource)
        let set = policies(of: principal, on: resource)
        return resource.targets.indices.compactMap { t in
            let universe = resource.isRole ? assumeUniverse(for: principal) : resource.universes[t]
            guard universe.actions.contains(where: { $0.lowercased() == lowered }) else { return nil }
            let request = Request(
                principal: principal.request, action: action, resource: resource.targets[t], resourceAccount: resource.account,
                context: context)
            return Evaluator().evaluate(request, set, explain: explain)
        }
    }
}
