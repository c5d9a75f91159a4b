import Policy

/// KMS keys: `<region>/kms/<key-id>/describe-key.json` and `get-key-policy.json`. Only the key
/// policy grants; IAM policies count where it delegates to the account (key-policy-default.html).
struct KMSKeyImporter: ResourceImporter {
    let service = "kms"
    let regional = true

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let describe = folder.json("describe-key", warnings: &warnings)
        let arn = describe?["KeyMetadata"]?["Arn"]?.stringValue
            ?? "arn:aws:kms:\(folder.region ?? ""):\(folder.account):key/\(folder.name)"
        if case .string("AWS")? = describe?["KeyMetadata"]?["KeyManager"] { return nil }  // AWS managed keys
        let policy = folder.policy(
            folder.json("get-key-policy", warnings: &warnings), operation: "get-key-policy", key: ["Policy"],
            name: "key policy of \(folder.name)", warnings: &warnings)
        return Resource(
            arn: arn, type: "AWS::KMS::Key", account: folder.account, region: folder.region, policy: policy,
            policyRequired: true, sourceFile: folder.file("get-key-policy"))
    }
}
