import Policy

/// ECR repositories: `<region>/ecr/<repository>/get-repository-policy.json` (registryId, repositoryName, policyText).
struct ECRRepositoryImporter: ResourceImporter {
    let service = "ecr"
    let regional = true

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let json = folder.json("get-repository-policy", warnings: &warnings)
        let name = json?["repositoryName"]?.stringValue ?? folder.name
        let registry = json?["registryId"]?.stringValue ?? folder.account
        let arn = "arn:aws:ecr:\(folder.region ?? ""):\(registry):repository/\(name)"
        let policy = folder.policy(
            json, operation: "get-repository-policy", key: ["policyText"], name: "repository policy of \(name)", warnings: &warnings)
        return Resource(arn: arn, type: "AWS::ECR::Repository", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file("get-repository-policy"))
    }
}
