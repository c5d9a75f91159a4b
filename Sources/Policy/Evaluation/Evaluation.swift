/// The answer for one request.
public enum Decision: String, Sendable, Hashable, Codable {
    case allowed
    case implicitlyDenied = "implicitly_denied"
    case explicitlyDenied = "explicitly_denied"
}

/// The rule that settled a decision.
public enum DecidingRule: String, Sendable, Hashable, Codable {
    case explicitDeny = "explicit deny"
    case publicAccessBlocked = "S3 Block Public Access (RestrictPublicBuckets) admits only AWS services and the owner account's principals to a resource with a public policy"
    case scpNoAllow = "a level of SCPs has no allow"
    case rcpNoAllow = "a level of RCPs has no allow"
    case noAllow = "no policy allows the request"
    case boundaryNoAllow = "the permissions boundary does not allow the request"
    case sessionPolicyNoAllow = "the session policy does not allow the request"
    case crossAccountWithoutResourceGrant = "cross-account request without a resource-policy grant"
    case crossAccountWithoutIdentityAllow = "cross-account grant without an identity-policy allow"
    case resourcePolicyRequired = "the resource policy grants no access (IAM policies count only where it delegates to the account)"
    case identityAllow = "same-account identity-policy allow"
    case resourcePolicyGrant = "same-account resource-policy grant"
    case delegatedToAccount = "resource policy delegates to the account and an identity policy allows"
    case crossAccountBothAllow = "cross-account: the resource policy and the identity side both allow"
    /// `FixedRules`: the action needs no permission (sts:GetCallerIdentity).
    case noPermissionRequired = "the action needs no permission and no policy can deny it"
    /// `FixedRules`: a change to what AWS owns (AWS managed policy, service-linked role, alias/aws/ alias).
    case awsOwnedResource = "AWS owns the resource: no policy lets a customer change it"
    /// `FixedRules`: a web-identity or SAML identity calls only sts:AssumeRoleWithWebIdentity / AssumeRoleWithSAML.
    case federatedIdentityOnlyAssumesRoles = "a web-identity or SAML identity makes no request but sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML"
}

/// A condition of a matched statement and how it was decided.
public struct ConditionResult: Sendable, Hashable {
    public var condition: Condition
    public var outcome: Tri
}

/// A statement that matched the request (or may match, depending on conditions).
public struct StatementTrace: Sendable, Hashable {
    public var policyType: PolicyType
    public var policyName: String
    public var statementIndex: Int
    public var sid: String?
    public var effect: Effect
    public var outcome: Tri
    public var principalMatch: PrincipalMatchClass?
    public var conditions: [ConditionResult]
}

/// The result of evaluating one request against a policy set.
public struct Evaluation: Sendable {
    /// `.yes` allowed, `.no` denied, `.unknown` allowed only if undecided conditions hold.
    public var result: Tri
    /// Whether an explicit deny applies (`.unknown`: it applies if its conditions hold).
    public var explicitDeny: Tri
    public var rule: DecidingRule
    /// Conditions of Allow statements that the result depends on and that could not be decided.
    public var undecidedConditions: [Condition]
    /// Conditions of Deny statements that could not be decided: the access holds unless they do.
    public var undecidedDenyConditions: [Condition]
    /// The statements that matched, when the evaluation was asked to explain.
    public var trace: [StatementTrace]
    /// The policies whose Allow statements grant the request (allowed requests, when explaining):
    /// identity policies where the identity side takes part in the allow, the resource policy
    /// where it does (`DecisionLogic.grantingSides`). SCPs, RCPs, boundaries and session
    /// policies only cap; they grant nothing.
    public var grants: [GrantingPolicy] = []

    /// The decision of a concrete request (an undecided result counts as denied only when
    /// nothing could decide it; `simulate` leaves no key undecided).
    public var decision: Decision {
        switch result {
        case .yes, .unknown: return .allowed
        case .no: return explicitDeny == .yes ? .explicitlyDenied : .implicitlyDenied
        }
    }
}

/// A policy whose Allow statements grant a request: an identity policy or the resource policy.
public struct GrantingPolicy: Sendable, Hashable {
    /// `.identity` or `.resource`.
    public var type: PolicyType
    /// The policy's name: a managed policy ARN, `user/NAME inline POLICY`, `bucket policy of NAME`, ...
    public var name: String

    public init(type: PolicyType, name: String) {
        self.type = type
        self.name = name
    }
}
