import Policy
import SnapshotLayout

/// ECR repositories: `<region>/ecr/<repository>/get-repository-policy.json` (registryId, repositoryName, policyText).
struct ECRRepositoryImporter: ResourceImporter {
    let service = ServiceFolder.ecr

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let json = folder.json(.getRepositoryPolicy, warnings: &warnings)
        let name = json?["repositoryName"]?.stringValue ?? folder.name
        let registry = json?["registryId"]?.stringValue ?? folder.account
        let arn = "arn:aws:ecr:\(folder.region ?? ""):\(registry):repository/\(name)"
        let policy = folder.policy(
            json, file: .getRepositoryPolicy, key: ["policyText"], name: "repository policy of \(name)", warnings: &warnings)
        return Resource(arn: arn, type: "AWS::ECR::Repository", account: folder.account, region: folder.region, policy: policy,
                        sourceFile: folder.file(.getRepositoryPolicy))
    }
}
