/// One request: a principal, an action, a resource and the condition keys.
public struct Request: Sendable {
    public var principal: RequestPrincipal
    /// The action as given, e.g. `s3:GetObject`.
    public var action: String
    /// The action lowercased, for matching.
    public let normalizedAction: String
    /// The resource; nil for actions that take no resource (`s3:ListAllMyBuckets`).
    public var resource: RequestResource?
    /// The account that owns the resource; nil when there is no resource or it is unknown.
    public var resourceAccount: String?
    public var context: ConditionContext

    public init(
        principal: RequestPrincipal, action: String, resource: RequestResource?, resourceAccount: String? = nil,
        context: ConditionContext
    ) {
        self.principal = principal
        self.action = action
        self.normalizedAction = action.lowercased()
        self.resource = resource
        self.resourceAccount = resourceAccount ?? resource?.arn.account.nilIfEmpty ?? principal.account
        self.context = context
    }
}

/// The resource of a request: one ARN, or every resource under an ARN prefix
/// (all objects of a bucket) when asking "can it reach some of them".
public struct RequestResource: Sendable, Hashable {
    public var arn: ARN
    /// When set, the request stands for every ARN whose resource component starts
    /// with this prefix (`bucket/`): an Allow matches if it matches some of them,
    /// a Deny only if it matches all of them.
    public var anyUnderPrefix: String?
    public let text: String

    public init(arn: ARN, anyUnderPrefix: String? = nil) {
        self.arn = arn
        self.anyUnderPrefix = anyUnderPrefix
        self.text = arn.description
    }

    /// A concrete resource from its ARN text; nil when it is not an ARN.
    public init?(_ text: String) {
        guard let arn = ARN(text) else { return nil }
        self.init(arn: arn)
    }

    /// Every object of an S3 bucket (`arn:aws:s3:::bucket/*`).
    public static func objects(ofBucket bucket: String) -> RequestResource {
        RequestResource(arn: ARN(service: "s3", resource: "\(bucket)/*"), anyUnderPrefix: "\(bucket)/")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
