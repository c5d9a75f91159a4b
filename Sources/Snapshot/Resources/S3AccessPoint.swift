import Policy
import SnapshotLayout

/// S3 access points: `<region>/s3-access-points/<name>/get-access-point-policy.json` (`Policy`).
/// The bucket's own policy must also allow what an access point grants; this reads the access point's policy alone.
struct S3AccessPointImporter: ResourceImporter {
    let service = ServiceFolder.s3AccessPoints

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.getAccessPointPolicy
        let arn = "arn:\(folder.partition):s3:\(folder.region ?? ""):\(folder.account):accesspoint/\(folder.name)"
        let policy = folder.policy(
            folder.json(op, warnings: &warnings), file: op, key: ["Policy"], name: "access point policy of \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::S3::AccessPoint", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
