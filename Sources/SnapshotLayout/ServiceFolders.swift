/// Every service folder of the layout (docs/snapshot-layout.md, docs/resource-types.md).
extension ServiceFolder {
    /// IAM: account-wide files, no resource folders.
    public static let iam = ServiceFolder(
        name: "iam", regional: false, files: [
            .getAccountAuthorizationDetails, .listOpenIDConnectProviders, .listSAMLProviders,
            .getCredentialReport, .getAccountPasswordPolicy, .getAccountSummary,
        ])
    /// S3: the account's Block Public Access, and one folder per bucket.
    public static let s3 = ServiceFolder(
        name: "s3", regional: false, files: [.getPublicAccessBlock],
        resourceFiles: [.getBucketPolicy, .getBucketACL, .getPublicAccessBlock])
    /// KMS keys.
    public static let kms = ServiceFolder(name: "kms", regional: true, resourceFiles: [.describeKey, .getKeyPolicy, .listGrants])
    /// SQS queues.
    public static let sqs = ServiceFolder(name: "sqs", regional: true, resourceFiles: [.getQueueAttributes])
    /// SNS topics.
    public static let sns = ServiceFolder(name: "sns", regional: true, resourceFiles: [.getTopicAttributes])
    /// Lambda functions.
    public static let lambda = ServiceFolder(name: "lambda", regional: true, resourceFiles: [.getFunction, .getPolicy])
    /// Secrets Manager secrets (folder: the name with `/` as `%2F`).
    public static let secretsManager = ServiceFolder(name: "secretsmanager", regional: true, resourceFiles: [.getResourcePolicy])
    /// ECR repositories.
    public static let ecr = ServiceFolder(name: "ecr", regional: true, resourceFiles: [.getRepositoryPolicy])
    /// S3 access points.
    public static let s3AccessPoints = ServiceFolder(name: "s3-access-points", regional: true, resourceFiles: [.getAccessPointPolicy])
    /// Lambda layer versions (folder `<layer>%2F<version>`).
    public static let lambdaLayers = ServiceFolder(name: "lambda-layers", regional: true, resourceFiles: [.getLayerVersionPolicy])
    /// EBS snapshots.
    public static let ec2Snapshots = ServiceFolder(name: "ec2-snapshots", regional: true, resourceFiles: [.describeSnapshotAttribute])
    /// RDS DB snapshots.
    public static let rdsSnapshots = ServiceFolder(name: "rds-snapshots", regional: true, resourceFiles: [.describeDBSnapshotAttributes])
    /// RDS DB cluster snapshots.
    public static let rdsClusterSnapshots = ServiceFolder(
        name: "rds-cluster-snapshots", regional: true, resourceFiles: [.describeDBClusterSnapshotAttributes])
    /// EFS file systems.
    public static let efs = ServiceFolder(name: "efs", regional: true, resourceFiles: [.describeFileSystemPolicy])
    /// DynamoDB tables.
    public static let dynamoDB = ServiceFolder(name: "dynamodb", regional: true, resourceFiles: [.getResourcePolicy])
    /// DynamoDB streams (folder `table%2F<table>%2Fstream%2F<label>`).
    public static let dynamoDBStreams = ServiceFolder(name: "dynamodb-streams", regional: true, resourceFiles: [.getResourcePolicy])
    /// S3 Glacier vaults.
    public static let glacier = ServiceFolder(name: "glacier", regional: true, resourceFiles: [.getVaultAccessPolicy])
    /// EventBridge event buses.
    public static let events = ServiceFolder(name: "events", regional: true, resourceFiles: [.describeEventBus])
    /// CloudWatch Logs destinations.
    public static let logsDestinations = ServiceFolder(name: "logs-destinations", regional: true, resourceFiles: [.describeDestinations])
    /// API Gateway REST APIs.
    public static let apiGateway = ServiceFolder(name: "apigateway", regional: true, resourceFiles: [.getRestAPI])
    /// OpenSearch Service domains.
    public static let openSearch = ServiceFolder(name: "opensearch", regional: true, resourceFiles: [.describeDomainConfig])
    /// AWS Backup vaults.
    public static let backup = ServiceFolder(name: "backup", regional: true, resourceFiles: [.getBackupVaultAccessPolicy])
}
