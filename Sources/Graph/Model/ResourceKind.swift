import Policy

/// What a resource type is called in labels, and where its name sits in its ARN: one row of
/// `ResourceKind.table`, the single place node labels and group names come from.
///
/// A label is the kind's `prefix` followed by the name read from the ARN:
/// `arn:aws:lambda:us-east-1:111111111111:layer:acme-common-libs:3` is "Lambda layer acme-common-libs:3",
/// `arn:aws:iam::111111111111:role/ops/Deployer` is "role/Deployer".
public struct ResourceKind: Sendable, Hashable {
    /// How the name is cut out of the ARN's resource component (the part after the account).
    public enum NameRule: Sendable, Hashable {
        /// Everything after `resourcePrefix`: `table/orders` -> `orders`.
        case afterPrefix
        /// The last `/`-separated segment after `resourcePrefix`: `role/ops/Deployer` -> `Deployer`.
        case lastSegment
        /// The first `/`-separated segment: `k3m9x2p7qa/*/*/*` -> `k3m9x2p7qa` (API Gateway).
        case firstSegment
        /// A DynamoDB stream: `table/orders/stream/2024-06-01T00:00:00.000` -> `orders 2024-06-01T00:00:00.000`.
        case tableAndStream
    }

    /// Access Analyzer's type name, e.g. `AWS::S3::Bucket`.
    public let type: String
    /// The ARN's service component, e.g. `s3`, `execute-api`.
    public let service: String
    /// What the ARN's resource component starts with, e.g. `table/`; empty when it is the bare name.
    public let resourcePrefix: String
    /// Put before the name in a label: `S3 bucket ` (with its space) or `role/`.
    public let prefix: String
    /// One of them, in words: "S3 bucket", "role".
    public let singular: String
    /// Several of them: "S3 buckets", "roles".
    public let plural: String
    public let rule: NameRule

    init(_ type: String, _ service: String, _ resourcePrefix: String, _ singular: String, _ plural: String,
         prefix: String? = nil, rule: NameRule = .afterPrefix) {
        self.type = type
        self.service = service
        self.resourcePrefix = resourcePrefix
        self.singular = singular
        self.plural = plural
        self.prefix = prefix ?? singular + " "
        self.rule = rule
    }

    /// Every kind the labels know: the snapshot reader's resource types (docs/resource-types.md),
    /// IAM users and groups. In the order ARNs are matched against them (a stream before its table).
    public static let table: [ResourceKind] = [
        ResourceKind("AWS::S3::AccessPoint", "s3", "accesspoint/", "S3 access point", "S3 access points"),
        ResourceKind("AWS::S3::Bucket", "s3", "", "S3 bucket", "S3 buckets"),
        ResourceKind("AWS::KMS::Key", "kms", "key/", "KMS key", "KMS keys"),
        ResourceKind("AWS::SQS::Queue", "sqs", "", "SQS queue", "SQS queues"),
        ResourceKind("AWS::SNS::Topic", "sns", "", "SNS topic", "SNS topics"),
        ResourceKind("AWS::Lambda::Function", "lambda", "function:", "Lambda function", "Lambda functions"),
        ResourceKind("AWS::Lambda::LayerVersion", "lambda", "layer:", "Lambda layer", "Lambda layers"),
        ResourceKind("AWS::SecretsManager::Secret", "secretsmanager", "secret:", "secret", "secrets"),
        ResourceKind("AWS::ECR::Repository", "ecr", "repository/", "ECR repository", "ECR repositories"),
        ResourceKind("AWS::EC2::Snapshot", "ec2", "snapshot/", "EBS snapshot", "EBS snapshots"),
        ResourceKind("AWS::RDS::DBClusterSnapshot", "rds", "cluster-snapshot:", "RDS cluster snapshot", "RDS cluster snapshots"),
        ResourceKind("AWS::RDS::DBSnapshot", "rds", "snapshot:", "RDS snapshot", "RDS snapshots"),
        ResourceKind("AWS::EFS::FileSystem", "elasticfilesystem", "file-system/", "EFS file system", "EFS file systems"),
        ResourceKind("AWS::DynamoDB::Stream", "dynamodb", "table/", "DynamoDB stream", "DynamoDB streams", rule: .tableAndStream),
        ResourceKind("AWS::DynamoDB::Table", "dynamodb", "table/", "DynamoDB table", "DynamoDB tables"),
        ResourceKind("AWS::Glacier::Vault", "glacier", "vaults/", "Glacier vault", "Glacier vaults"),
        ResourceKind("AWS::Events::EventBus", "events", "event-bus/", "EventBridge bus", "EventBridge buses"),
        ResourceKind("AWS::Logs::Destination", "logs", "destination:", "Logs destination", "Logs destinations"),
        ResourceKind("AWS::ApiGateway::RestApi", "execute-api", "", "API Gateway", "API Gateways", rule: .firstSegment),
        ResourceKind("AWS::OpenSearchService::Domain", "es", "domain/", "OpenSearch domain", "OpenSearch domains"),
        ResourceKind("AWS::Backup::BackupVault", "backup", "backup-vault:", "Backup vault", "Backup vaults"),
        ResourceKind("AWS::IAM::Role", "iam", "role/", "role", "roles", prefix: "role/", rule: .lastSegment),
        ResourceKind("AWS::IAM::Group", "iam", "group/", "group", "groups", prefix: "group/", rule: .lastSegment),
        ResourceKind("AWS::IAM::User", "iam", "user/", "user", "users", prefix: "user/", rule: .lastSegment),
    ]

    private static let byType = Dictionary(table.map { ($0.type, $0) }, uniquingKeysWith: { a, _ in a })

    /// The kind of a type name; nil for a type the table does not know.
    public static func of(type: String) -> ResourceKind? { byType[type] }

    /// The kind an ARN has by its service and resource component, for a node whose type is not known.
    public static func inferred(from arn: ARN) -> ResourceKind? {
        table.first { $0.matches(arn) }
    }

    /// Whether `arn` is shaped like this kind's ARNs.
    func matches(_ arn: ARN) -> Bool {
        guard arn.service == service else { return false }
        switch (type, resourcePrefix.isEmpty) {
        case ("AWS::DynamoDB::Stream", _): return arn.resource.hasPrefix(resourcePrefix) && arn.resource.contains("/stream/")
        case ("AWS::S3::Bucket", _): return arn.region.isEmpty && arn.account.isEmpty && !arn.resource.isEmpty
        case (_, true): return true
        case (_, false): return arn.resource.hasPrefix(resourcePrefix)
        }
    }

    /// The resource's name as read from its ARN's resource component.
    public func name(of arn: ARN) -> String {
        let rest = arn.resource.hasPrefix(resourcePrefix) ? String(arn.resource.dropFirst(resourcePrefix.count)) : arn.resource
        switch rule {
        case .afterPrefix:
            return rest
        case .lastSegment:
            return rest.split(separator: "/").last.map(String.init) ?? rest
        case .firstSegment:
            return rest.split(separator: "/").first.map(String.init) ?? rest
        case .tableAndStream:
            return rest.replacingOccurrences(of: "/stream/", with: " ")
        }
    }

    /// "S3 bucket acme-payroll", "role/Deployer".
    public func label(of arn: ARN) -> String { prefix + name(of: arn) }
}
