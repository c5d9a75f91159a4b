import Policy
import SnapshotLayout

/// EFS file systems: `<region>/efs/<file-system-id>/describe-file-system-policy.json` (FileSystemId, Policy).
struct EFSFileSystemImporter: ResourceImporter {
    let service = ServiceFolder.efs

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.describeFileSystemPolicy
        let json = folder.json(op, warnings: &warnings)
        let id = folder.string(json, "FileSystemId", path: .root, file: op, warnings: &warnings) ?? folder.name
        let arn = "arn:\(folder.partition):elasticfilesystem:\(folder.region ?? ""):\(folder.account):file-system/\(id)"
        let policy = folder.policy(json, file: op, key: ["Policy"], name: "file system policy of \(id)", warnings: &warnings)
        return Resource(arn: arn, type: "AWS::EFS::FileSystem", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
