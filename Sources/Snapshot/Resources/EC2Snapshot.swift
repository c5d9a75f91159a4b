import Policy
import SnapshotLayout

/// EBS snapshots: `<region>/ec2-snapshots/<snapshot-id>/describe-snapshot-attribute.json`
/// (`--attribute createVolumePermission`). Sharing is an attribute, not a policy: group `all`
/// makes the snapshot public, a `UserId` shares it with that account. Both become Allow
/// statements of `ec2:CreateVolume` and `ec2:CopySnapshot` in a synthesized policy.
struct EC2SnapshotImporter: ResourceImporter {
    let service = ServiceFolder.ec2Snapshots
    static let sharedActions = ["ec2:CreateVolume", "ec2:CopySnapshot"]

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.describeSnapshotAttribute
        guard let json = folder.json(op, warnings: &warnings) else { return nil }
        let id = folder.string(json, "SnapshotId", path: .root, file: op, warnings: &warnings) ?? folder.name
        let arn = "arn:\(folder.partition):ec2:\(folder.region ?? "")::snapshot/\(id)"
        var publicShare = false
        var accounts: [String] = []
        let path = JSONPath.root.appending("CreateVolumePermissions")
        for (i, permission) in folder.array(json, "CreateVolumePermissions", path: .root, file: op, warnings: &warnings).enumerated() {
            if let group = permission["Group"]?.stringValue {
                if group == "all" { publicShare = true } else {
                    warnings.append(SnapshotWarning(file: folder.file(op), jsonPath: path.appending(i).appending("Group").description,
                                                    message: "unknown group \(group); ignored"))
                }
            } else if let user = permission["UserId"]?.stringValue {
                accounts.append(user)
            } else {
                warnings.append(SnapshotWarning(file: folder.file(op), jsonPath: path.appending(i).description,
                                                message: "a permission has neither Group nor UserId; ignored"))
            }
        }
        let policy = SyntheticPolicy.sharing(
            owner: folder.account, arn: arn, ownerActions: ["ec2:*"], sharedActions: Self.sharedActions, publicShare: publicShare,
            accounts: accounts, file: folder.file(op), name: "createVolumePermission of \(id)", warnings: &warnings)
        return Resource(arn: arn, type: "AWS::EC2::Snapshot", account: folder.account, region: folder.region, policy: policy,
                        policyRequired: true, sourceFile: folder.file(op))
    }
}
