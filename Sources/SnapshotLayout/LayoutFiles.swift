/// Every file of the layout (docs/snapshot-layout.md), each named after its operation.
extension LayoutFile {
    // The account's folder.
    /// `sts get-caller-identity`: the account a folder holds (read for a single-account folder).
    public static let getCallerIdentity = LayoutFile(operation: "get-caller-identity")

    // iam/
    /// Every user, group, role and managed policy with their documents.
    public static let getAccountAuthorizationDetails = LayoutFile(operation: "get-account-authorization-details")
    /// The OIDC identity providers.
    public static let listOpenIDConnectProviders = LayoutFile(operation: "list-open-id-connect-providers")
    /// The SAML identity providers.
    public static let listSAMLProviders = LayoutFile(operation: "list-saml-providers")
    /// The credential report: a base64 CSV in `Content`, with its `GeneratedTime` (after `generate-credential-report`).
    public static let getCredentialReport = LayoutFile(operation: "get-credential-report")
    /// The account's password policy (no file when the account has none: AWS answers `NoSuchEntity`).
    public static let getAccountPasswordPolicy = LayoutFile(operation: "get-account-password-policy")
    /// The account's IAM usage and quotas (`SummaryMap`: root MFA, root access keys, counts).
    public static let getAccountSummary = LayoutFile(operation: "get-account-summary")
    /// One principal's service (and action) last-accessed data, after `generate-service-last-accessed-details`;
    /// saved as `iam/service-last-accessed/<principal-id>.json` (`SnapshotLayout.serviceLastAccessedDirectory`).
    public static let getServiceLastAccessedDetails = LayoutFile(operation: "get-service-last-accessed-details")

    // s3/ (account level) and s3/<bucket>/
    /// S3 Block Public Access, of the account (`s3control`) or of one bucket (`s3api`).
    public static let getPublicAccessBlock = LayoutFile(operation: "get-public-access-block")
    /// A bucket's policy.
    public static let getBucketPolicy = LayoutFile(operation: "get-bucket-policy")
    /// A bucket's ACL.
    public static let getBucketACL = LayoutFile(operation: "get-bucket-acl")

    // <region>/<service>/<name>/
    /// A KMS key's metadata.
    public static let describeKey = LayoutFile(operation: "describe-key")
    /// A KMS key's policy.
    public static let getKeyPolicy = LayoutFile(operation: "get-key-policy")
    /// A KMS key's grants.
    public static let listGrants = LayoutFile(operation: "list-grants")
    /// An SQS queue's attributes (ARN and policy).
    public static let getQueueAttributes = LayoutFile(operation: "get-queue-attributes")
    /// An SNS topic's attributes (ARN and policy).
    public static let getTopicAttributes = LayoutFile(operation: "get-topic-attributes")
    /// A Lambda function's configuration.
    public static let getFunction = LayoutFile(operation: "get-function")
    /// A Lambda function's resource policy.
    public static let getPolicy = LayoutFile(operation: "get-policy")
    /// A resource policy of Secrets Manager (a secret) or DynamoDB (a table or stream).
    public static let getResourcePolicy = LayoutFile(operation: "get-resource-policy")
    /// An ECR repository's policy.
    public static let getRepositoryPolicy = LayoutFile(operation: "get-repository-policy")
    /// An S3 access point's policy.
    public static let getAccessPointPolicy = LayoutFile(operation: "get-access-point-policy")
    /// A Lambda layer version's policy.
    public static let getLayerVersionPolicy = LayoutFile(operation: "get-layer-version-policy")
    /// An EBS snapshot's `createVolumePermission` attribute.
    public static let describeSnapshotAttribute = LayoutFile(operation: "describe-snapshot-attribute")
    /// An RDS DB snapshot's attributes.
    public static let describeDBSnapshotAttributes = LayoutFile(operation: "describe-db-snapshot-attributes")
    /// An RDS DB cluster snapshot's attributes.
    public static let describeDBClusterSnapshotAttributes = LayoutFile(operation: "describe-db-cluster-snapshot-attributes")
    /// An EFS file system's policy.
    public static let describeFileSystemPolicy = LayoutFile(operation: "describe-file-system-policy")
    /// An S3 Glacier vault's access policy.
    public static let getVaultAccessPolicy = LayoutFile(operation: "get-vault-access-policy")
    /// An EventBridge event bus (name, ARN and policy).
    public static let describeEventBus = LayoutFile(operation: "describe-event-bus")
    /// The CloudWatch Logs destinations whose name starts with the folder's.
    public static let describeDestinations = LayoutFile(operation: "describe-destinations")
    /// An API Gateway REST API (its policy).
    public static let getRestAPI = LayoutFile(operation: "get-rest-api")
    /// An OpenSearch Service domain's configuration (its access policy).
    public static let describeDomainConfig = LayoutFile(operation: "describe-domain-config")
    /// An AWS Backup vault's access policy.
    public static let getBackupVaultAccessPolicy = LayoutFile(operation: "get-backup-vault-access-policy")

    // organization/
    /// The organization: its id and management account.
    public static let describeOrganization = LayoutFile(operation: "describe-organization")
    /// The organization's accounts.
    public static let listAccounts = LayoutFile(operation: "list-accounts")
    /// The roots of the organization's tree.
    public static let listRoots = LayoutFile(operation: "list-roots")
    /// `ous/<parent>/`: the parent's children, accounts and OUs in one `Children` list.
    public static let listChildren = LayoutFile(operation: "list-children")
    /// `policies/<id>/`: an SCP's or RCP's summary and document.
    public static let describePolicy = LayoutFile(operation: "describe-policy")
    /// `policies/<id>/`: the roots, OUs and accounts a policy is attached to.
    public static let listTargetsForPolicy = LayoutFile(operation: "list-targets-for-policy")
}
