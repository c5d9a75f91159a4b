import Policy

/// The policies whose Allow statements grant an access (`AccessModel.accessWithGrants`): the
/// principal's identity policies and the resource's policy, as `Evaluation.grants` names them for
/// one request of each action. SCPs, RCPs, boundaries and session policies only cap.
public struct AccessGrants: Sendable, Hashable {
    /// Indices into the principal's `policies.identityPolicies`, ascending.
    public var identityPolicies: [Int]
    /// Whether the resource policy grants.
    public var resourcePolicy: Bool

    public init(identityPolicies: [Int], resourcePolicy: Bool) {
        self.identityPolicies = identityPolicies
        self.resourcePolicy = resourcePolicy
    }

    mutating func add(_ g: (identity: [Int], resource: Bool)) {
        for i in g.identity where !identityPolicies.contains(i) { identityPolicies.append(i) }
        identityPolicies.sort()
        resourcePolicy = resourcePolicy || g.resource
    }

    /// The grants as policies of `principal` on `resource`: identity policies first, in the
    /// principal's order, then the resource policy.
    public func policies(of principal: PrincipalEntry, on resource: ResourceEntry) -> [GrantingPolicy] {
        var out = identityPolicies.map { GrantingPolicy(type: .identity, name: principal.policies.identityPolicies[$0].name) }
        if resourcePolicy, let policy = resource.policy { out.append(GrantingPolicy(type: .resource, name: policy.name)) }
        var seen: Set<GrantingPolicy> = []
        return out.filter { seen.insert($0).inserted }
    }
}
