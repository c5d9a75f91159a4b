import Foundation
import Snapshot
import SnapshotLayout
import Testing
@testable import Collect

/// The collector and the loader agree on the layout: every file a collection writes, of every
/// kind the collector plans, is one the snapshot loader reads.
@Suite struct LayoutAgreementTests {
    static let account = FakeAccount.id
    static let keyID = FakeAccount.keyID
    static let topicARN = "arn:aws:sns:us-east-1:123456789012:alerts"

    /// Answers giving at least one file of every kind: the resource types' canned answers, with
    /// the commands they leave failing or empty answered too, and a small organization.
    static func responses() -> [String: CommandResult] {
        var r = PolicyResourceTypesTests.responses()
        let more: [String: CommandResult] = [
            // With an ARN, so that the account folder alone still names its account without get-caller-identity.json.
            "iam get-account-authorization-details": .json(
                #"{"UserDetailList": [{"UserName": "alice", "UserId": "AIDAALICE0000000001", "Arn": "arn:aws:iam::123456789012:user/alice"}], "RoleDetailList": [], "GroupDetailList": [], "Policies": []}"#),
            LastAccessedTests.generate(LastAccessedTests.aliceARN): .json("{\"JobId\": \"\(LastAccessedTests.aliceJob)\"}"),
            LastAccessedTests.get(LastAccessedTests.aliceJob): .json(LastAccessedTests.aliceReport),
            "s3control get-public-access-block --account-id \(account)": .json(#"{"PublicAccessBlockConfiguration": {}}"#),
            "kms list-grants --key-id \(keyID)": .json(#"{"Grants": []}"#),
            "lambda get-policy --function-name fn": .json(#"{"Policy": "{}"}"#),
            "us-east-1|sns list-topics --query Topics[].TopicArn": .json("[\"\(topicARN)\"]"),
            "sns get-topic-attributes --topic-arn \(topicARN)": .json(#"{"Attributes": {}}"#),
            "us-east-1|ecr describe-repositories --query repositories[].repositoryName": .json(#"["app"]"#),
            "ecr get-repository-policy --repository-name app": .json(#"{"policyText": "{}"}"#),
            "dynamodb get-resource-policy --resource-arn \(PolicyResourceTypesTests.streamARN)": .json(#"{"Policy": "{}"}"#),
            "backup get-backup-vault-access-policy --backup-vault-name Default": .json(#"{"Policy": "{}"}"#),
            "iam get-account-password-policy": .json(#"{"PasswordPolicy": {"MinimumPasswordLength": 14, "RequireSymbols": true}}"#),
            "organizations describe-organization": .json(#"{"Organization": {"Id": "o-1", "MasterAccountId": "123456789012"}}"#),
            "organizations list-accounts": .json(#"{"Accounts": []}"#),
            "organizations list-roots": .json(#"{"Roots": [{"Id": "r-1"}]}"#),
            "organizations list-children --parent-id r-1 --child-type ORGANIZATIONAL_UNIT": .json(#"{"Children": []}"#),
            "organizations list-children --parent-id r-1 --child-type ACCOUNT": .json(#"{"Children": []}"#),
            "organizations list-policies --filter SERVICE_CONTROL_POLICY --query Policies[].Id": .json(#"["p-1"]"#),
            "organizations list-policies --filter RESOURCE_CONTROL_POLICY --query Policies[].Id": .json("[]"),
            "organizations describe-policy --policy-id p-1":
                .json(#"{"Policy": {"PolicySummary": {"Name": "all", "Type": "SERVICE_CONTROL_POLICY"}, "Content": "{\"Statement\": []}"}}"#),
            "organizations list-targets-for-policy --policy-id p-1": .json(#"{"Targets": []}"#),
        ]
        r.merge(more) { _, new in new }
        return r
    }

    /// Files the loader does not read, and why.
    static let unread: [String: String] = [
        SnapshotLayout.errorsFile: "the collector's record of failed commands, not data",
        SnapshotLayout.path(of: .listRoots, in: SnapshotLayout.organizationDirectory):
            "the roots are read as the parents under ous/",
    ]

    /// The snapshot with the usage files `unused`, `hygiene` and `policy-suggest` read too.
    static func load(_ root: String) async throws -> Snapshot {
        var snapshot = try await SnapshotLoader().load(root)
        await UsageLoader().read(into: &snapshot)
        return snapshot
    }

    @Test func everyFileTheCollectorWritesIsReadByTheLoader() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let options = CollectOptions(output: folder.path("snap"), regions: ["us-east-1"], organization: true, jobs: 4)
        let summary = try await Collector(options: options, runner: FakeAWS(Self.responses()), environment: folder.environment).collect()
        #expect(summary.failures.isEmpty, "\(summary.failures.map(\.summary))")
        let files = folder.files(under: "snap")

        // The collection has a file of every kind the collector plans.
        for type in ServiceCatalog.resourceTypes {
            let base = SnapshotLayout.serviceDirectory(
                account: Self.account, region: type.scope == .regional ? "us-east-1" : nil, service: type.service) + "/"
            for file in type.details.compactMap(\.file) {
                #expect(files.contains { $0.hasPrefix(base) && $0.hasSuffix("/" + file.name) }, "no \(base)*/\(file.name)")
            }
        }
        for command in ServiceCatalog.accountCommands {
            let folder = SnapshotLayout.serviceDirectory(account: Self.account, region: nil, service: command.service)
            let path = command.template.file.map { SnapshotLayout.path(of: $0, in: folder) }
            #expect(path.map(files.contains) == true, "no \(path ?? command.service.name)")
        }
        #expect(files.contains(SnapshotLayout.serviceLastAccessedFile(account: Self.account, principalID: "AIDAALICE0000000001")))

        // Read as it is, no file or folder in it is unknown to the loader.
        let root = folder.path("snap")
        let accountFolder = SnapshotLayout.accountDirectory(Self.account)
        let intact = try await Self.load(root).warnings
        let intactAccount = try await SnapshotLoader().load(root + "/" + accountFolder).warnings
        #expect(!(intact + intactAccount).contains { $0.jsonPath == nil && $0.message.hasSuffix("; ignored") }, "\(intact)")

        // Each file, made unreadable in turn, gets a new warning: the loader opened it. A file of
        // the account's folder may be read only when that folder is loaded as a single account.
        for file in files where Self.unread[file] == nil {
            let url = URL(fileURLWithPath: root + "/" + file)
            let original = try Data(contentsOf: url)
            try Data("not json".utf8).write(to: url)
            var reported = try await Self.load(root).warnings.contains { $0.file == file && !intact.contains($0) }
            if !reported, file.hasPrefix(accountFolder + "/") {
                let inAccount = String(file.dropFirst(accountFolder.count + 1))
                reported = try await SnapshotLoader().load(root + "/" + accountFolder).warnings
                    .contains { $0.file == inAccount && !intactAccount.contains($0) }
            }
            #expect(reported, "\(file) is written but not read")
            try original.write(to: url)
        }
    }
}
