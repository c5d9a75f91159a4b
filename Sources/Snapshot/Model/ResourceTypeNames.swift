/// The resource types the snapshot reader knows, by Access Analyzer's type name: one per
/// importer's type (`Sources/Snapshot/Resources`) and IAM roles (trust policies). The same list
/// as docs/resource-types.md (a test keeps the two equal).
public enum ResourceTypeNames {
    /// Every type name, sorted.
    public static let all: [String] = [
        "AWS::ApiGateway::RestApi",
        "AWS::Backup::BackupVault",
        "AWS::DynamoDB::Stream",
        "AWS::DynamoDB::Table",
        "AWS::EC2::Snapshot",
        "AWS::ECR::Repository",
        "AWS::EFS::FileSystem",
        "AWS::Events::EventBus",
        "AWS::Glacier::Vault",
        "AWS::IAM::Role",
        "AWS::KMS::Key",
        "AWS::Lambda::Function",
        "AWS::Lambda::LayerVersion",
        "AWS::Logs::Destination",
        "AWS::OpenSearchService::Domain",
        "AWS::RDS::DBClusterSnapshot",
        "AWS::RDS::DBSnapshot",
        "AWS::S3::AccessPoint",
        "AWS::S3::Bucket",
        "AWS::SNS::Topic",
        "AWS::SQS::Queue",
        "AWS::SecretsManager::Secret",
    ]

    /// The known type spelt `name`, compared without regard to case; nil when unknown.
    public static func known(_ name: String) -> String? {
        let lowered = name.lowercased()
        return all.first { $0.lowercased() == lowered }
    }

    /// What people call a type, for text output: `AWS::S3::Bucket` is "S3 bucket". An unknown
    /// type is its own name.
    public static func displayName(_ type: String) -> String { displayNames[type] ?? type }

    static let displayNames: [String: String] = [
        "AWS::ApiGateway::RestApi": "API Gateway API",
        "AWS::Backup::BackupVault": "Backup vault",
        "AWS::DynamoDB::Stream": "DynamoDB stream",
        "AWS::DynamoDB::Table": "DynamoDB table",
        "AWS::EC2::Snapshot": "EBS snapshot",
        "AWS::ECR::Repository": "ECR repository",
        "AWS::EFS::FileSystem": "EFS file system",
        "AWS::Events::EventBus": "EventBridge bus",
        "AWS::Glacier::Vault": "Glacier vault",
        "AWS::IAM::Role": "IAM role",
        "AWS::KMS::Key": "KMS key",
        "AWS::Lambda::Function": "Lambda function",
        "AWS::Lambda::LayerVersion": "Lambda layer",
        "AWS::Logs::Destination": "Logs destination",
        "AWS::OpenSearchService::Domain": "OpenSearch domain",
        "AWS::RDS::DBClusterSnapshot": "RDS cluster snapshot",
        "AWS::RDS::DBSnapshot": "RDS snapshot",
        "AWS::S3::AccessPoint": "S3 access point",
        "AWS::S3::Bucket": "S3 bucket",
        "AWS::SNS::Topic": "SNS topic",
        "AWS::SQS::Queue": "SQS queue",
        "AWS::SecretsManager::Secret": "secret",
    ]
}
