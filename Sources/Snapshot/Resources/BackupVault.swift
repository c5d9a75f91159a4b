import Policy

/// AWS Backup vaults: `<region>/backup/<vault>/get-backup-vault-access-policy.json` (BackupVaultName, BackupVaultArn, Policy).
struct BackupVaultImporter: ResourceImporter {
    let service = "backup"
    let regional = true

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = "get-backup-vault-access-policy"
        let json = folder.json(op, warnings: &warnings)
        let arn = folder.string(json, "BackupVaultArn", path: .root, operation: op, warnings: &warnings)
            ?? "arn:\(folder.partition):backup:\(folder.region ?? ""):\(folder.account):backup-vault:\(folder.name)"
        let policy = folder.policy(json, operation: op, key: ["Policy"], name: "access policy of backup vault \(folder.name)",
                                   warnings: &warnings)
        return Resource(arn: arn, type: "AWS::Backup::BackupVault", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
