import Policy
import SnapshotLayout

/// AWS Backup vaults: `<region>/backup/<vault>/get-backup-vault-access-policy.json` (BackupVaultName, BackupVaultArn, Policy).
struct BackupVaultImporter: ResourceImporter {
    let service = ServiceFolder.backup

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.getBackupVaultAccessPolicy
        let json = folder.json(op, warnings: &warnings)
        let arn = folder.string(json, "BackupVaultArn", path: .root, file: op, warnings: &warnings)
            ?? "arn:\(folder.partition):backup:\(folder.region ?? ""):\(folder.account):backup-vault:\(folder.name)"
        let policy = folder.policy(json, file: op, key: ["Policy"], name: "access policy of backup vault \(folder.name)",
                                   warnings: &warnings)
        return Resource(arn: arn, type: "AWS::Backup::BackupVault", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
