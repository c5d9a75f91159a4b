import Foundation
import Testing
@testable import Collect

@Suite struct OrganizationTests {
    private static let children = "organizations list-children --parent-id"

    private static func list(_ items: [(String, String)]) -> CommandResult {
        .json(#"{"Children": ["# + items.map { #"{"Id": "\#($0.0)", "Type": "\#($0.1)"}"# }.joined(separator: ", ") + "]}")
    }

    private static let responses: [String: CommandResult] = [
        "organizations describe-organization": .json(#"{"Organization": {"Id": "o-1"}}"#),
        "organizations list-accounts": .json(#"{"Accounts": []}"#),
        "organizations list-roots": .json(#"{"Roots": [{"Id": "r-1"}]}"#),
        "\(children) r-1 --child-type ORGANIZATIONAL_UNIT": list([("ou-1", "ORGANIZATIONAL_UNIT")]),
        "\(children) r-1 --child-type ACCOUNT": list([("123456789012", "ACCOUNT")]),
        "\(children) ou-1 --child-type ORGANIZATIONAL_UNIT": list([("ou-2", "ORGANIZATIONAL_UNIT")]),
        "\(children) ou-1 --child-type ACCOUNT": list([]),
        "\(children) ou-2 --child-type ORGANIZATIONAL_UNIT": list([]),
        "\(children) ou-2 --child-type ACCOUNT": list([("210987654321", "ACCOUNT")]),
        "organizations list-policies --filter SERVICE_CONTROL_POLICY --query Policies[].Id": .json(#"["p-FullAWSAccess", "p-1"]"#),
        "organizations list-policies --filter RESOURCE_CONTROL_POLICY --query Policies[].Id": .json(#"["p-rcp"]"#),
    ]

    private func collect(_ responses: [String: CommandResult]) async throws -> (TemporaryFolder, CollectSummary) {
        let folder = try TemporaryFolder()
        var all = FakeAccount.responses().merging(responses) { _, new in new }
        for id in ["p-FullAWSAccess", "p-1", "p-rcp"] {
            all["organizations describe-policy --policy-id \(id)"] = .json(#"{"Policy": {}}"#)
            all["organizations list-targets-for-policy --policy-id \(id)"] = .json(#"{"Targets": []}"#)
        }
        let options = CollectOptions(output: folder.path("snap"), regions: ["us-east-1"], organization: true)
        return (folder, try await Collector(options: options, runner: FakeAWS(all), environment: folder.environment).collect())
    }

    @Test func walksTheTreeAndJoinsBothChildTypes() async throws {
        let (folder, summary) = try await collect(Self.responses)
        defer { folder.remove() }
        #expect(!summary.failures.contains { $0.command.contains("organizations") })
        #expect(folder.files(under: "snap/organization") == [
            "describe-organization.json", "list-accounts.json", "list-roots.json",
            "ous/ou-1/list-children.json", "ous/ou-2/list-children.json", "ous/r-1/list-children.json",
            "policies/p-1/describe-policy.json", "policies/p-1/list-targets-for-policy.json",
            "policies/p-FullAWSAccess/describe-policy.json", "policies/p-FullAWSAccess/list-targets-for-policy.json",
            "policies/p-rcp/describe-policy.json", "policies/p-rcp/list-targets-for-policy.json",
        ])
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path("snap/organization/ous/r-1/list-children.json")))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String: String]]])
        #expect(root["Children"]?.map { $0["Id"] } == ["ou-1", "123456789012"])
    }

    @Test func notInAnOrganizationIsOneWarning() async throws {
        let (folder, summary) = try await collect([
            "organizations describe-organization": .awsError("AWSOrganizationsNotInUseException"),
        ])
        defer { folder.remove() }
        #expect(summary.failures.filter { $0.command.contains("organizations") }.count == 1)
        #expect(folder.files(under: "snap/organization").isEmpty)
    }
}
