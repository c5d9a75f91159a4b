import SnapshotLayout

/// Resource types whose access is one policy read by one command each.
extension ResourceType {
    /// EFS file systems; one without a policy answers `PolicyNotFound`.
    static let efsFileSystems = ResourceType(
        service: .efs,
        list: ["efs", "describe-file-systems"], query: "FileSystems[].FileSystemId",
        folder: .field(0),
        details: [
            CommandTemplate("efs", .describeFileSystemPolicy, ["--file-system-id", .field(0)], absent: ["PolicyNotFound"]),
        ])

    /// DynamoDB tables, addressed by ARN (built from the name); one without a policy answers `PolicyNotFoundException`.
    static let dynamoDBTables = ResourceType(
        service: .dynamoDB,
        list: ["dynamodb", "list-tables"], query: "TableNames",
        folder: .field(0),
        details: [
            CommandTemplate("dynamodb", .getResourcePolicy, ["--resource-arn",
                             .format("arn:{partition}:dynamodb:{region}:{account}:table/{0}")],
                            absent: ["PolicyNotFoundException"]),
        ])

    /// DynamoDB streams; folder = the ARN's resource part (`table%2F<table>%2Fstream%2F<label>`).
    static let dynamoDBStreams = ResourceType(
        service: .dynamoDBStreams,
        list: ["dynamodbstreams", "list-streams"], query: "Streams[].StreamArn",
        folder: .arnResource(0),
        details: [
            CommandTemplate("dynamodb", .getResourcePolicy, ["--resource-arn", .field(0)], absent: ["PolicyNotFoundException"]),
        ])

    /// S3 Glacier vaults (`--account-id -` is the caller's account); one without a policy answers `ResourceNotFoundException`.
    static let glacierVaults = ResourceType(
        service: .glacier,
        list: ["glacier", "list-vaults", "--account-id", "-"], query: "VaultList[].VaultName",
        folder: .field(0),
        details: [
            CommandTemplate("glacier", .getVaultAccessPolicy, ["--account-id", "-", "--vault-name", .field(0)],
                            absent: ["ResourceNotFoundException"]),
        ])

    /// EventBridge event buses (name, ARN and policy).
    static let eventBuses = ResourceType(
        service: .events,
        list: ["events", "list-event-buses"], query: "EventBuses[].Name",
        folder: .field(0),
        details: [CommandTemplate("events", .describeEventBus, ["--name", .field(0)])])

    /// CloudWatch Logs destinations: there is no describe of one destination, so each is read by
    /// `describe-destinations --destination-name-prefix NAME` (the importer picks the exact name).
    static let logsDestinations = ResourceType(
        service: .logsDestinations,
        list: ["logs", "describe-destinations"], query: "destinations[].destinationName",
        folder: .field(0),
        details: [CommandTemplate("logs", .describeDestinations, ["--destination-name-prefix", .field(0)])])

    /// API Gateway REST APIs (the resource policy is the API's `policy`).
    static let restAPIs = ResourceType(
        service: .apiGateway,
        list: ["apigateway", "get-rest-apis"], query: "items[].id",
        folder: .field(0),
        details: [CommandTemplate("apigateway", .getRestAPI, ["--rest-api-id", .field(0)])])

    /// OpenSearch Service domains (the access policy is `DomainConfig.AccessPolicies.Options`).
    static let openSearchDomains = ResourceType(
        service: .openSearch,
        list: ["opensearch", "list-domain-names"], query: "DomainNames[].DomainName",
        folder: .field(0),
        details: [CommandTemplate("opensearch", .describeDomainConfig, ["--domain-name", .field(0)])])

    /// AWS Backup vaults; one without a policy answers `ResourceNotFoundException`.
    static let backupVaults = ResourceType(
        service: .backup,
        list: ["backup", "list-backup-vaults"], query: "BackupVaultList[].BackupVaultName",
        folder: .field(0),
        details: [
            CommandTemplate("backup", .getBackupVaultAccessPolicy, ["--backup-vault-name", .field(0)],
                            absent: ["ResourceNotFoundException"]),
        ])
}
