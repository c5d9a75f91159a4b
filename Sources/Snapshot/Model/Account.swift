import Policy

/// One AWS account of a snapshot.
public struct Account: Sendable {
    public var id: String
    public var users: [User] = []
    public var groups: [Group] = []
    public var roles: [Role] = []
    /// Customer and AWS managed policies by ARN (their default version).
    public var managedPolicies: [String: ManagedPolicy] = [:]
    /// Resources with access policies (buckets, keys, queues, ...), not counting roles.
    public var resources: [Resource] = []
    /// The account-level S3 Block Public Access settings, when collected.
    public var s3PublicAccessBlock: PublicAccessBlock?
    /// OIDC and SAML provider ARNs.
    public var identityProviders: [String] = []
    /// Whether IAM data (get-account-authorization-details) was read.
    public var hasIAM = false
    /// The credential report, password policy, account summary and service last-accessed data,
    /// when read (`UsageLoader`; the other commands do not read them).
    public var usage: AccountUsage? = nil

    public init(id: String) { self.id = id }

    public var rootArn: String { RequestPrincipal.rootArn(ofAccount: id) }
}

/// A customer or AWS managed policy.
public struct ManagedPolicy: Sendable {
    public var arn: String
    public var name: String
    public var document: PolicyDocument
    /// The versions other than the default, by version id (iam:SetDefaultPolicyVersion can make any of them the default).
    public var otherVersions: [String: PolicyDocument] = [:]
}

/// An IAM user.
public struct User: Sendable {
    public var arn: String
    public var name: String
    public var groupNames: [String]
    public var inlinePolicies: [NamedPolicy]
    public var attachedPolicyArns: [String]
    public var permissionsBoundaryArn: String?
    public var tags: [String: String]
    /// The `UserId` (`AIDA…`), which names its service last-accessed file.
    public var id: String? = nil
    /// When it was created (epoch seconds).
    public var createdAt: Double? = nil
}

/// An IAM group: not a principal; its policies apply to its members.
public struct Group: Sendable {
    public var arn: String
    public var name: String
    public var inlinePolicies: [NamedPolicy]
    public var attachedPolicyArns: [String]
}

/// An IAM role: a principal (its sessions act) and a resource (its trust policy says who may assume it).
public struct Role: Sendable {
    public var arn: String
    public var name: String
    public var path: String
    public var trustPolicy: PolicyDocument?
    public var inlinePolicies: [NamedPolicy]
    public var attachedPolicyArns: [String]
    public var permissionsBoundaryArn: String?
    public var tags: [String: String]
    /// The ARNs of the instance profiles that hold the role (an EC2 instance launched with one acts as the role).
    public var instanceProfileArns: [String] = []
    /// The `RoleId` (`AROA…`), which names its service last-accessed file.
    public var id: String? = nil
    /// When it was created (epoch seconds).
    public var createdAt: Double? = nil
    /// `RoleLastUsed` of the authorization details: `never` for an empty object, nil when absent (unknown).
    public var lastUsed: LastUse? = nil

    public var isServiceLinked: Bool { path.hasPrefix("/aws-service-role/") }
}
