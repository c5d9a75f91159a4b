import SnapshotLayout

extension ResourceType {
    /// S3 access points of the account in each region, with their policies; one without a
    /// policy answers `NoSuchAccessPointPolicy`.
    static let s3AccessPoints = ResourceType(
        service: .s3AccessPoints,
        list: ["s3control", "list-access-points", "--account-id", .accountID], query: "AccessPointList[].Name",
        folder: .field(0),
        details: [
            CommandTemplate("s3control", .getAccessPointPolicy, ["--account-id", .accountID, "--name", .field(0)],
                            absent: ["NoSuchAccessPointPolicy"]),
        ])
}
