extension ResourceType {
    /// KMS keys: metadata (gives the ARN), the key policy (every key has one) and grants.
    static let kmsKeys = ResourceType(
        directory: "kms", scope: .regional,
        list: ["kms", "list-keys"], query: "Keys[].KeyId",
        folder: .field(0),
        details: [
            CommandTemplate(["kms", "describe-key", "--key-id", .field(0)]),
            CommandTemplate(["kms", "get-key-policy", "--key-id", .field(0), "--policy-name", "default"]),
            CommandTemplate(["kms", "list-grants", "--key-id", .field(0)]),
        ])
}
