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
}
