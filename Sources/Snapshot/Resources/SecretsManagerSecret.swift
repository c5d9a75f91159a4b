import Policy

/// Secrets Manager secrets: `<region>/secretsmanager/<name with / as %2F>/get-resource-policy.json` (ARN, Name, ResourcePolicy).
struct SecretsManagerSecretImporter: ResourceImporter {
    let service = "secretsmanager"
    let regional = true

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let json = folder.json("get-resource-policy", warnings: &warnings)
        guard let arn = json?["ARN"]?.stringValue else {
            if json != nil {
                warnings.append(SnapshotWarning(file: folder.file("get-resource-policy"), jsonPath: "$", message: "no ARN; secret skipped"))
            }
            return nil
        }
        let policy = folder.policy(
            json, operation: "get-resource-policy", key: ["ResourcePolicy"], name: "secret policy of \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::SecretsManager::Secret", account: folder.account, region: folder.region,
                        policy: policy, sourceFile: folder.file("get-resource-policy"))
    }
}
