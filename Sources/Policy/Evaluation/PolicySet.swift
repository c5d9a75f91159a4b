/// Every policy that applies to one request, by type
/// (reference_policies_evaluation-logic.html, "policy types").
public struct PolicySet: Sendable {
    /// The principal's identity-based policies (its own, its groups').
    public var identityPolicies: [NamedPolicy]
    /// True when the principal's identity side is outside what is known (a principal of an
    /// account not in the snapshot): it is taken to allow, as Access Analyzer does.
    public var identityAssumedToAllow: Bool
    /// The permissions boundary's documents; nil when the principal has none.
    public var permissionsBoundary: [NamedPolicy]?
    /// Session policies; nil when the session has none.
    public var sessionPolicies: [NamedPolicy]?
    /// SCPs of the principal's account, one array per level from the root to the account.
    /// Empty when no SCPs apply (no organization, or the management account).
    public var scpLevels: [[NamedPolicy]]
    /// RCPs of the resource's account, one array per level; empty when none apply.
    public var rcpLevels: [[NamedPolicy]]
    /// The resource's policy (bucket policy, key policy, role trust policy, ...).
    public var resourcePolicy: NamedPolicy?
    /// True when only the resource policy can grant access and identity policies count only
    /// through a grant to the account: KMS key policies (key-policy-default.html) and role trust policies.
    public var resourcePolicyRequired: Bool
    /// S3 Block Public Access's `RestrictPublicBuckets` is on (bucket, access point or account
    /// level) and the resource policy is public: only AWS service principals and principals of
    /// the resource's account can access the resource (access-control-block-public-access.html).
    public var restrictPublicAccess: Bool = false

    public init(
        identityPolicies: [NamedPolicy] = [], identityAssumedToAllow: Bool = false,
        permissionsBoundary: [NamedPolicy]? = nil, sessionPolicies: [NamedPolicy]? = nil,
        scpLevels: [[NamedPolicy]] = [], rcpLevels: [[NamedPolicy]] = [], resourcePolicy: NamedPolicy? = nil,
        resourcePolicyRequired: Bool = false
    ) {
        self.identityPolicies = identityPolicies
        self.identityAssumedToAllow = identityAssumedToAllow
        self.permissionsBoundary = permissionsBoundary
        self.sessionPolicies = sessionPolicies
        self.scpLevels = scpLevels
        self.rcpLevels = rcpLevels
        self.resourcePolicy = resourcePolicy
        self.resourcePolicyRequired = resourcePolicyRequired
    }
}

extension PolicySet {
    /// SCPs restrict principals of member accounts, never service-linked roles or principals
    /// without identity policies (orgs_manage_policies_scps.html).
    public func scpsApply(to p: RequestPrincipal) -> Bool {
        !scpLevels.isEmpty && !p.isServiceLinkedRole && p.hasIdentityPolicies
    }

    /// RCPs restrict access to resources of member accounts, except by service-linked roles and
    /// AWS service principals (orgs_manage_policies_rcps.html).
    public func rcpsApply(to p: RequestPrincipal) -> Bool {
        !rcpLevels.isEmpty && !p.isServiceLinkedRole && p.kind != .service
    }

    /// Whether `RestrictPublicBuckets` stops `p` (see `restrictPublicAccess`): every principal
    /// but AWS services and those of the resource's account.
    public func publicAccessBlocked(for p: RequestPrincipal, resourceAccount: String?) -> Bool {
        restrictPublicAccess && p.kind != .service && (p.account == nil || p.account != resourceAccount)
    }
}

/// The type of a policy taking part in an evaluation.
public enum PolicyType: Sendable, Hashable, Codable, CustomStringConvertible {
    case scp(level: Int)
    case rcp(level: Int)
    case resource
    case identity
    case permissionsBoundary
    case session

    public var description: String {
        switch self {
        case .scp(let l): "SCP level \(l)"
        case .rcp(let l): "RCP level \(l)"
        case .resource: "resource policy"
        case .identity: "identity policy"
        case .permissionsBoundary: "permissions boundary"
        case .session: "session policy"
        }
    }
}
