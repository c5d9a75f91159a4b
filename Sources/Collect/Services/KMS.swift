import SnapshotLayout

extension ResourceType {
    /// KMS keys: metadata (gives the ARN), the key policy (every key has one) and grants.
    static let kmsKeys = ResourceType(
        service: .kms,
        list: ["kms", "list-keys"], query: "Keys[].KeyId",
        folder: .field(0),
        details: [
            CommandTemplate("kms", .describeKey, ["--key-id", .field(0)]),
            CommandTemplate("kms", .getKeyPolicy, ["--key-id", .field(0), "--policy-name", "default"]),
            CommandTemplate("kms", .listGrants, ["--key-id", .field(0)]),
        ])
}
