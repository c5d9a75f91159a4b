import SnapshotLayout

extension AccountCommand {
    /// S3 Block Public Access at account level. An account without one answers
    /// `NoSuchPublicAccessBlockConfiguration`, which is no failure.
    static let s3: [AccountCommand] = [
        AccountCommand(.s3, CommandTemplate(
            "s3control", .getPublicAccessBlock, ["--account-id", .accountID],
            absent: ["NoSuchPublicAccessBlockConfiguration"])),
    ]
}

extension ResourceType {
    /// S3 buckets (listed once: bucket names are global): policy, ACL and Block Public Access.
    static let s3Buckets = ResourceType(
        service: .s3,
        list: ["s3api", "list-buckets"], query: "Buckets[].Name",
        folder: .field(0),
        details: [
            CommandTemplate("s3api", .getBucketPolicy, ["--bucket", .field(0)], absent: ["NoSuchBucketPolicy"]),
            CommandTemplate("s3api", .getBucketACL, ["--bucket", .field(0)]),
            CommandTemplate("s3api", .getPublicAccessBlock, ["--bucket", .field(0)],
                            absent: ["NoSuchPublicAccessBlockConfiguration"]),
        ])
}
