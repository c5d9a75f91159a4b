import SnapshotLayout

extension ResourceType {
    /// EBS snapshots the account owns, with who may create volumes from them (the sharing attribute).
    static let ebsSnapshots = ResourceType(
        service: .ec2Snapshots,
        list: ["ec2", "describe-snapshots", "--owner-ids", "self"], query: "Snapshots[].SnapshotId",
        folder: .field(0),
        details: [
            CommandTemplate("ec2", .describeSnapshotAttribute, ["--snapshot-id", .field(0),
                             "--attribute", "createVolumePermission"]),
        ])

    /// Manual RDS DB snapshots (only those can be shared) and their `restore` attribute.
    static let rdsSnapshots = ResourceType(
        service: .rdsSnapshots,
        list: ["rds", "describe-db-snapshots", "--snapshot-type", "manual"], query: "DBSnapshots[].DBSnapshotIdentifier",
        folder: .field(0),
        details: [
            CommandTemplate("rds", .describeDBSnapshotAttributes, ["--db-snapshot-identifier", .field(0)]),
        ])

    /// Manual RDS DB cluster snapshots and their `restore` attribute.
    static let rdsClusterSnapshots = ResourceType(
        service: .rdsClusterSnapshots,
        list: ["rds", "describe-db-cluster-snapshots", "--snapshot-type", "manual"],
        query: "DBClusterSnapshots[].DBClusterSnapshotIdentifier",
        folder: .field(0),
        details: [
            CommandTemplate("rds", .describeDBClusterSnapshotAttributes, ["--db-cluster-snapshot-identifier", .field(0)]),
        ])
}
