import Foundation
import Policy

/// OpenSearch Service domains: `<region>/opensearch/<domain>/describe-domain-config.json`
/// (`DomainConfig.AccessPolicies.Options`, a policy string, empty when there is none).
struct OpenSearchDomainImporter: ResourceImporter {
    let service = "opensearch"
    let regional = true

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = "describe-domain-config"
        var json = folder.json(op, warnings: &warnings)
        if case .string(let s)? = json?["DomainConfig"]?["AccessPolicies"]?["Options"],
           s.trimmingCharacters(in: .whitespaces).isEmpty {
            json = nil  // no access policy
        }
        let arn = "arn:\(folder.partition):es:\(folder.region ?? ""):\(folder.account):domain/\(folder.name)"
        let policy = folder.policy(
            json, operation: op, key: ["DomainConfig", "AccessPolicies", "Options"], name: "access policy of domain \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::OpenSearchService::Domain", account: folder.account, region: folder.region,
                        policy: policy, sourceFile: folder.file(op))
    }
}
