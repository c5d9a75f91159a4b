/// Everything collected per account, as data. Adding a resource type is its folder in the
/// layout (`SnapshotLayout`'s `ServiceFolders.swift`), one file under `Services/` and one line here.
public enum ServiceCatalog {
    /// Commands run once per account, saved as one file each.
    public static let accountCommands: [AccountCommand] = AccountCommand.iam + IAMUsage.commands + AccountCommand.s3

    /// Resource types listed and then described one by one.
    public static let resourceTypes: [ResourceType] = [
        .s3Buckets,
        .kmsKeys,
        .sqsQueues,
        .snsTopics,
        .lambdaFunctions,
        .secrets,
        .ecrRepositories,
        .s3AccessPoints,
        .lambdaLayerVersions,
        .ebsSnapshots,
        .rdsSnapshots,
        .rdsClusterSnapshots,
        .efsFileSystems,
        .dynamoDBTables,
        .dynamoDBStreams,
        .glacierVaults,
        .eventBuses,
        .logsDestinations,
        .restAPIs,
        .openSearchDomains,
        .backupVaults,
    ]
}
