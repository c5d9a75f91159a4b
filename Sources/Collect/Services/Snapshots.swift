extension ResourceType {
    /// EBS snapshots the account owns, with who may create volumes from them (the sharing attribute).
    static let ebsSnapshots = ResourceType(
        directory: "ec2-snapshots", scope: .regional,
        list: ["ec2", "describe-snapshots", "--owner-ids", "self"], query: "Snapshots[].SnapshotId",
        folder: .field(0),
        details: [
            CommandTemplate(["ec2", "describe-snapshot-attribute", "--snapshot-id", .field(0),
                             "--attribute", "createVolumePermission"]),
        ])

    /// Manual RDS DB snapshots (only those can be shared) and their `restore` attribute.
    static let rdsSnapshots = ResourceType(
        directory: "rds-snapshots", scope: .regional,
        list: ["rds", "describe-db-snapshots", "--snapshot-type", "manual"], query: "DBSnapshots[].DBSnapshotIdentifier",
        folder: .field(0),
        details: [
            CommandTemplate(["rds", "describe-db-snapshot-attributes", "--db-snapshot-identifier", .field(0)]),
        ])

    /// Manual RDS DB cluster snapshots and their `restore` attribute.
    static let rdsClusterSnapshots = ResourceType(
        directory: "rds-cluster-snapshots", scope: .regional,
        list: ["rds", "describe-db-cluster-snapshots", "--snapshot-type", "manual"],
        query: "DBClusterSnapshots[].DBClusterSnapshotIdentifier",
        folder: .field(0),
        details: [
            CommandTemplate(["rds", "describe-db-cluster-snapshot-attributes", "--db-cluster-snapshot-identifier", .field(0)]),
        ])
}
