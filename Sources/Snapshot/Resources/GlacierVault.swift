import Policy
import SnapshotLayout

/// S3 Glacier vaults: `<region>/glacier/<vault>/get-vault-access-policy.json` (`{"policy": {"Policy": "..."}}`).
struct GlacierVaultImporter: ResourceImporter {
    let service = ServiceFolder.glacier

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.getVaultAccessPolicy
        let arn = "arn:\(folder.partition):glacier:\(folder.region ?? ""):\(folder.account):vaults/\(folder.name)"
        let policy = folder.policy(
            folder.json(op, warnings: &warnings), file: op, key: ["policy", "Policy"], name: "vault access policy of \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::Glacier::Vault", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
