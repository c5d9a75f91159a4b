import Policy
import Snapshot

/// A resource ready for evaluation: its policy, the RCPs of its account and the
/// request targets its actions apply to (an S3 bucket has the bucket and its objects).
public struct ResourceEntry: Sendable {
    public var node: Node
    public var arn: String
    public var type: String
    public var account: String
    public var policy: NamedPolicy?
    public var policyRequired: Bool
    public var rcpLevels: [[NamedPolicy]]
    /// The request targets: for S3 buckets the bucket and "any object of it".
    public var targets: [RequestResource]
    /// The actions that apply to each target (same order as `targets`).
    public var universes: [ActionUniverse]
    /// S3 attributes (ACL, Block Public Access with the account level merged in).
    public var s3: S3Attributes?
    public var effectivePublicAccessBlock: PublicAccessBlock?

    public init(
        node: Node, arn: String, type: String, account: String, policy: NamedPolicy?, policyRequired: Bool,
        rcpLevels: [[NamedPolicy]], targets: [RequestResource], universes: [ActionUniverse], s3: S3Attributes? = nil,
        effectivePublicAccessBlock: PublicAccessBlock? = nil
    ) {
        self.node = node
        self.arn = arn
        self.type = type
        self.account = account
        self.policy = policy
        self.policyRequired = policyRequired
        self.rcpLevels = rcpLevels
        self.targets = targets
        self.universes = universes
        self.s3 = s3
        self.effectivePublicAccessBlock = effectivePublicAccessBlock
        self.service = targets.first?.arn.service ?? ""
    }

    /// The service prefix of the resource's actions.
    public var service: String

    /// True for IAM roles as resources (their trust policy).
    public var isRole: Bool { type == "AWS::IAM::Role" }
}
