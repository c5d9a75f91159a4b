import Policy
import SnapshotLayout

/// Secrets Manager secrets: `<region>/secretsmanager/<name with / as %2F>/get-resource-policy.json` (ARN, Name, ResourcePolicy).
struct SecretsManagerSecretImporter: ResourceImporter {
    let service = ServiceFolder.secretsManager

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let json = folder.json(.getResourcePolicy, warnings: &warnings)
        guard let arn = json?["ARN"]?.stringValue else {
            if json != nil {
                warnings.append(SnapshotWarning(file: folder.file(.getResourcePolicy), jsonPath: "$", message: "no ARN; secret skipped"))
            }
            return nil
        }
        let policy = folder.policy(
            json, file: .getResourcePolicy, key: ["ResourcePolicy"], name: "secret policy of \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::SecretsManager::Secret", account: folder.account, region: folder.region,
                        policy: policy, sourceFile: folder.file(.getResourcePolicy))
    }
}
