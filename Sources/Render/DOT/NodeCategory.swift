import Graph

/// The visual category of a node: its kind, or for resources its resource type.
enum NodeCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case user, role, account, externalPrincipal, service, federated, everyone
    case group, s3Bucket, kmsKey, sqsQueue, snsTopic, lambdaFunction, secret, otherResource
    /// An overview's box of counts inside an account cluster.
    case accountCounts

    init(kind: NodeKind, resourceType: String?, id: String) {
        switch kind {
        case .user: self = .user
        case .role: self = .role
        case .account: self = .account
        case .externalPrincipal: self = .externalPrincipal
        case .service: self = .service
        case .federated: self = .federated
        case .everyone: self = .everyone
        case .resource: self = Self.resource(type: resourceType, id: id)
        }
    }

    /// The category of a resource from its CloudFormation-style type, else from its ARN's service.
    static func resource(type: String?, id: String) -> NodeCategory {
        switch type {
        case "AWS::S3::Bucket": return .s3Bucket
        case "AWS::KMS::Key": return .kmsKey
        case "AWS::SQS::Queue": return .sqsQueue
        case "AWS::SNS::Topic": return .snsTopic
        case "AWS::Lambda::Function": return .lambdaFunction
        case "AWS::SecretsManager::Secret": return .secret
        case "AWS::IAM::Group": return .group
        case .some: return .otherResource
        case .none: break
        }
        let parts = id.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn" else { return .otherResource }
        switch parts[2] {
        case "s3": return .s3Bucket
        case "kms": return .kmsKey
        case "sqs": return .sqsQueue
        case "sns": return .snsTopic
        case "lambda": return .lambdaFunction
        case "secretsmanager": return .secret
        case "iam" where parts[5].hasPrefix("group/"): return .group
        default: return .otherResource
        }
    }

    static func < (a: NodeCategory, b: NodeCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The name in the legend.
    var legendName: String {
        switch self {
        case .user: return "user"
        case .role: return "role"
        case .account: return "account"
        case .externalPrincipal: return "external principal"
        case .service: return "AWS service"
        case .federated: return "federated identity"
        case .everyone: return "everyone (public)"
        case .group: return "group"
        case .s3Bucket: return "S3 bucket"
        case .kmsKey: return "KMS key"
        case .sqsQueue: return "SQS queue"
        case .snsTopic: return "SNS topic"
        case .lambdaFunction: return "Lambda function"
        case .secret: return "secret"
        case .otherResource: return "other resource"
        case .accountCounts: return "account counts"
        }
    }

    /// The plural used for a collapsed group: "14 roles".
    var plural: String {
        switch self {
        case .everyone: return "public principals"
        case .federated: return "federated identities"
        case .service: return "AWS services"
        case .s3Bucket: return "S3 buckets"
        case .kmsKey: return "KMS keys"
        case .sqsQueue: return "SQS queues"
        case .snsTopic: return "SNS topics"
        case .lambdaFunction: return "Lambda functions"
        case .otherResource: return "resources"
        case .accountCounts: return "account counts"
        default: return legendName + "s"
        }
    }

    /// Whether nodes of this category are drawn inside their account's cluster.
    var belongsInAccount: Bool {
        switch self {
        case .externalPrincipal, .service, .federated, .everyone: return false
        default: return true
        }
    }
}
