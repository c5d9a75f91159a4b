import Policy

/// A resource whose access is governed by a resource policy or sharing settings.
public struct Resource: Sendable {
    public var arn: String
    /// Access Analyzer's type name, e.g. `AWS::S3::Bucket`.
    public var type: String
    public var account: String
    public var region: String?
    /// The resource policy, when it has one.
    public var policy: NamedPolicy?
    /// True when only the resource policy can grant (KMS key policies): see `PolicySet.resourcePolicyRequired`.
    public var policyRequired: Bool
    /// S3 only: ACL grants and Block Public Access.
    public var s3: S3Attributes?
    /// The snapshot file the policy came from, for messages.
    public var sourceFile: String?
    /// Lambda functions: the execution role the function's code runs as.
    public var executionRole: String?

    public init(
        arn: String, type: String, account: String, region: String? = nil, policy: NamedPolicy? = nil,
        policyRequired: Bool = false, s3: S3Attributes? = nil, sourceFile: String? = nil
    ) {
        self.arn = arn
        self.type = type
        self.account = account
        self.region = region
        self.policy = policy
        self.policyRequired = policyRequired
        self.s3 = s3
        self.sourceFile = sourceFile
    }
}

/// S3 Block Public Access settings (access-control-block-public-access.html).
public struct PublicAccessBlock: Sendable, Hashable {
    public var blockPublicAcls = false
    public var ignorePublicAcls = false
    public var blockPublicPolicy = false
    public var restrictPublicBuckets = false

    public init(blockPublicAcls: Bool = false, ignorePublicAcls: Bool = false, blockPublicPolicy: Bool = false, restrictPublicBuckets: Bool = false) {
        self.blockPublicAcls = blockPublicAcls
        self.ignorePublicAcls = ignorePublicAcls
        self.blockPublicPolicy = blockPublicPolicy
        self.restrictPublicBuckets = restrictPublicBuckets
    }

    /// The union of two settings: a setting is on when either level turns it on.
    public func merged(with other: PublicAccessBlock?) -> PublicAccessBlock {
        guard let other else { return self }
        return PublicAccessBlock(
            blockPublicAcls: blockPublicAcls || other.blockPublicAcls, ignorePublicAcls: ignorePublicAcls || other.ignorePublicAcls,
            blockPublicPolicy: blockPublicPolicy || other.blockPublicPolicy,
            restrictPublicBuckets: restrictPublicBuckets || other.restrictPublicBuckets)
    }
}

/// One grant of an S3 ACL.
public struct ACLGrant: Sendable, Hashable {
    public enum Grantee: Sendable, Hashable {
        case canonicalUser(String)
        case allUsers
        case authenticatedUsers
        case logDelivery
        case email(String)
        case other(String)
    }

    public var grantee: Grantee
    /// READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL.
    public var permission: String
}

/// What S3 adds to a bucket's access besides its policy.
public struct S3Attributes: Sendable {
    public var bucketName: String
    public var ownerCanonicalID: String?
    public var aclGrants: [ACLGrant]
    /// Whether the ACL was collected.
    public var hasACL: Bool
    /// The bucket-level Block Public Access settings, when collected.
    public var publicAccessBlock: PublicAccessBlock?
}
