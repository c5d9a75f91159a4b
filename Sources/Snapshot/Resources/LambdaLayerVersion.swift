import Policy
import SnapshotLayout

/// Lambda layer versions: `<region>/lambda-layers/<layer>%2F<version>/get-layer-version-policy.json` (`Policy`).
struct LambdaLayerVersionImporter: ResourceImporter {
    let service = ServiceFolder.lambdaLayers

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.getLayerVersionPolicy
        let parts = folder.name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, Int(parts[1]) != nil else {
            warnings.append(SnapshotWarning(file: folder.path, message: "a layer version folder is named <layer>%2F<version>; skipped"))
            return nil
        }
        let arn = "arn:\(folder.partition):lambda:\(folder.region ?? ""):\(folder.account):layer:\(parts[0]):\(parts[1])"
        let policy = folder.policy(
            folder.json(op, warnings: &warnings), file: op, key: ["Policy"], name: "layer version policy of \(parts[0]):\(parts[1])",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::Lambda::LayerVersion", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(op))
    }
}
