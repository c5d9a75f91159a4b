/// Resource types whose access is one policy read by one command each.
extension ResourceType {
    /// EFS file systems; one without a policy answers `PolicyNotFound`.
    static let efsFileSystems = ResourceType(
        directory: "efs", scope: .regional,
        list: ["efs", "describe-file-systems"], query: "FileSystems[].FileSystemId",
        folder: .field(0),
        details: [
            CommandTemplate(["efs", "describe-file-system-policy", "--file-system-id", .field(0)], absent: ["PolicyNotFound"]),
        ])

    /// DynamoDB tables, addressed by ARN (built from the name); one without a policy answers `PolicyNotFoundException`.
    static let dynamoDBTables = ResourceType(
        directory: "dynamodb", scope: .regional,
        list: ["dynamodb", "list-tables"], query: "TableNames",
        folder: .field(0),
        details: [
            CommandTemplate(["dynamodb", "get-resource-policy", "--resource-arn",
                             .format("arn:{partition}:dynamodb:{region}:{account}:table/{0}")],
                            absent: ["PolicyNotFoundException"]),
        ])

    /// DynamoDB streams; folder = the ARN's resource part (`table%2F<table>%2Fstream%2F<label>`).
    static let dynamoDBStreams = ResourceType(
        directory: "dynamodb-streams", scope: .regional,
        list: ["dynamodbstreams", "list-streams"], query: "Streams[].StreamArn",
        folder: .arnResource(0),
        details: [
            CommandTemplate(["dynamodb", "get-resource-policy", "--resource-arn", .field(0)], absent: ["PolicyNotFoundException"]),
        ])

    /// S3 Glacier vaults (`--account-id -` is the caller's account); one without a policy answers `ResourceNotFoundException`.
    static let glacierVaults = ResourceType(
        directory: "glacier", scope: .regional,
        list: ["glacier", "list-vaults", "--account-id", "-"], query: "VaultList[].VaultName",
        folder: .field(0),
        details: [
            CommandTemplate(["glacier", "get-vault-access-policy", "--account-id", "-", "--vault-name", .field(0)],
                            absent: ["ResourceNotFoundException"]),
        ])

    /// EventBridge event buses (name, ARN and policy).
    static let eventBuses = ResourceType(
        directory: "events", scope: .regional,
        list: ["events", "list-event-buses"], query: "EventBuses[].Name",
        folder: .field(0),
        details: [CommandTemplate(["events", "describe-event-bus", "--name", .field(0)])])

    /// CloudWatch Logs destinations: there is no describe of one destination, so each is read by
    /// `describe-destinations --destination-name-prefix NAME` (the importer picks the exact name).
    static let logsDestinations = ResourceType(
        directory: "logs-destinations", scope: .regional,
        list: ["logs", "describe-destinations"], query: "destinations[].destinationName",
        folder: .field(0),
        details: [CommandTemplate(["logs", "describe-destinations", "--destination-name-prefix", .field(0)])])

    /// API Gateway REST APIs (the resource policy is the API's `policy`).
    static let restAPIs = ResourceType(
        directory: "apigateway", scope: .regional,
        list: ["apigateway", "get-rest-apis"], query: "items[].id",
        folder: .field(0),
        details: [CommandTemplate(["apigateway", "get-rest-api", "--rest-api-id", .field(0)])])

    /// OpenSearch Service domains (the access policy is `DomainConfig.AccessPolicies.Options`).
    static let openSearchDomains = ResourceType(
        directory: "opensearch", scope: .regional,
        list: ["opensearch", "list-domain-names"], query: "DomainNames[].DomainName",
        folder: .field(0),
        details: [CommandTemplate(["opensearch", "describe-domain-config", "--domain-name", .field(0)])])

    /// AWS Backup vaults; one without a policy answers `ResourceNotFoundException`.
    static let backupVaults = ResourceType(
        directory: "backup", scope: .regional,
        list: ["backup", "list-backup-vaults"], query: "BackupVaultList[].BackupVaultName",
        folder: .field(0),
        details: [
            CommandTemplate(["backup", "get-backup-vault-access-policy", "--backup-vault-name", .field(0)],
                            absent: ["ResourceNotFoundException"]),
        ])
}
