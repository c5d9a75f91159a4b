import Policy
import SnapshotLayout

/// KMS keys: `<region>/kms/<key-id>/describe-key.json`, `get-key-policy.json` and `list-grants.json`.
/// Only the key policy grants; IAM policies count where it delegates to the account
/// (key-policy-default.html). Each grant becomes an Allow statement of the key's policy
/// (`KMSGrants`), so a grant to another account is external access like a policy statement.
struct KMSKeyImporter: ResourceImporter {
    let service = ServiceFolder.kms

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let describe = folder.json(.describeKey, warnings: &warnings)
        let arn = describe?["KeyMetadata"]?["Arn"]?.stringValue
            ?? "arn:aws:kms:\(folder.region ?? ""):\(folder.account):key/\(folder.name)"
        if case .string("AWS")? = describe?["KeyMetadata"]?["KeyManager"] { return nil }  // AWS managed keys
        var policy = folder.policy(
            folder.json(.getKeyPolicy, warnings: &warnings), file: .getKeyPolicy, key: ["Policy"],
            name: "key policy of \(folder.name)", warnings: &warnings)
        if let grants = KMSGrants.statements(folder, keyARN: arn, warnings: &warnings) {
            var merged = policy ?? NamedPolicy(name: "key policy of \(folder.name)", document: PolicyDocument(statements: []))
            let offset = merged.document.statements.count
            for statement in grants {
                merged.document.statements.append(statement.at(index: statement.index + offset))
            }
            policy = merged
        }
        return Resource(
            arn: arn, type: "AWS::KMS::Key", account: folder.account, region: folder.region, policy: policy,
            policyRequired: true, sourceFile: folder.file(.getKeyPolicy))
    }
}
