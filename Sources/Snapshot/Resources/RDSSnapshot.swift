import Policy
import SnapshotLayout

/// RDS DB snapshots (`<region>/rds-snapshots/<id>/describe-db-snapshot-attributes.json`) and DB cluster
/// snapshots (`<region>/rds-cluster-snapshots/<id>/describe-db-cluster-snapshot-attributes.json`).
/// The `restore` attribute lists the account ids it is shared with, or `all` (public); each
/// becomes an Allow of restore and copy in a synthesized policy.
struct RDSSnapshotImporter: ResourceImporter {
    let service: ServiceFolder
    let cluster: Bool

    static let instance = RDSSnapshotImporter(service: .rdsSnapshots, cluster: false)
    static let clusters = RDSSnapshotImporter(service: .rdsClusterSnapshots, cluster: true)

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op: LayoutFile = cluster ? .describeDBClusterSnapshotAttributes : .describeDBSnapshotAttributes
        let result = cluster ? "DBClusterSnapshotAttributesResult" : "DBSnapshotAttributesResult"
        let attributesKey = cluster ? "DBClusterSnapshotAttributes" : "DBSnapshotAttributes"
        guard let json = folder.json(op, warnings: &warnings) else { return nil }
        let path = JSONPath.root.appending(result)
        let body = json[result]
        if body == nil {
            warnings.append(SnapshotWarning(file: folder.file(op), jsonPath: path.description, message: "missing; snapshot skipped"))
            return nil
        }
        let idKey = cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier"
        let id = folder.string(body, idKey, path: path, file: op, warnings: &warnings) ?? folder.name
        let arn = "arn:\(folder.partition):rds:\(folder.region ?? ""):\(folder.account):\(cluster ? "cluster-snapshot" : "snapshot"):\(id)"
        var publicShare = false
        var accounts: [String] = []
        let attributesPath = path.appending(attributesKey)
        for (i, attribute) in folder.array(body, attributesKey, path: path, file: op, warnings: &warnings).enumerated() {
            guard attribute["AttributeName"]?.stringValue == "restore" else { continue }
            let valuesPath = attributesPath.appending(i)
            for (j, value) in folder.array(attribute, "AttributeValues", path: valuesPath, file: op, warnings: &warnings).enumerated() {
                switch value.stringValue {
                case "all"?: publicShare = true
                case let account? where account.count == 12 && account.allSatisfy(\.isNumber): accounts.append(account)
                default:
                    warnings.append(SnapshotWarning(
                        file: folder.file(op), jsonPath: valuesPath.appending("AttributeValues").appending(j).description,
                        message: "expected an account id or \"all\"; ignored"))
                }
            }
        }
        let shared = cluster
            ? ["rds:RestoreDBClusterFromSnapshot", "rds:CopyDBClusterSnapshot"]
            : ["rds:RestoreDBInstanceFromDBSnapshot", "rds:CopyDBSnapshot"]
        let policy = SyntheticPolicy.sharing(
            owner: folder.account, arn: arn, ownerActions: ["rds:*"], sharedActions: shared, publicShare: publicShare,
            accounts: accounts, file: folder.file(op), name: "restore attribute of \(id)", warnings: &warnings)
        return Resource(arn: arn, type: cluster ? "AWS::RDS::DBClusterSnapshot" : "AWS::RDS::DBSnapshot", account: folder.account,
                        region: folder.region, policy: policy, policyRequired: true, sourceFile: folder.file(op))
    }
}
