import Foundation
import Policy
import SnapshotLayout

/// OpenSearch Service domains: `<region>/opensearch/<domain>/describe-domain-config.json`
/// (`DomainConfig.AccessPolicies.Options`, a policy string, empty when there is none).
struct OpenSearchDomainImporter: ResourceImporter {
    let service = ServiceFolder.openSearch

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.describeDomainConfig
        var json = folder.json(op, warnings: &warnings)
        if case .string(let s)? = json?["DomainConfig"]?["AccessPolicies"]?["Options"],
           s.trimmingCharacters(in: .whitespaces).isEmpty {
            json = nil  // no access policy
        }
        let arn = "arn:\(folder.partition):es:\(folder.region ?? ""):\(folder.account):domain/\(folder.name)"
        let policy = folder.policy(
            json, file: op, key: ["DomainConfig", "AccessPolicies", "Options"], name: "access policy of domain \(folder.name)",
            warnings: &warnings)
        return Resource(arn: arn, type: "AWS::OpenSearchService::Domain", account: folder.account, region: folder.region,
                        policy: policy, sourceFile: folder.file(op))
    }
}
