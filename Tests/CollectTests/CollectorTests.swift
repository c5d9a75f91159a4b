import Foundation
import Testing
@testable import Collect

@Suite struct CollectorTests {
    private func collector(_ folder: TemporaryFolder, _ aws: FakeAWS, output: String = "snap",
                           regions: [String] = ["us-east-1", "eu-west-1"], organization: Bool = false,
                           force: Bool = false, jobs: Int = 4) -> Collector {
        let options = CollectOptions(output: folder.path(output), regions: regions, organization: organization,
                                     jobs: jobs, force: force)
        return Collector(options: options, runner: aws, environment: folder.environment)
    }

    @Test func writesTheLayoutAndRecordsFailures() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let summary = try await collector(folder, FakeAWS(FakeAccount.responses())).collect()

        let account = "accounts/123456789012"
        #expect(folder.files(under: "snap") == [
            "\(account)/get-caller-identity.json",
            "\(account)/iam/get-account-authorization-details.json",
            "\(account)/iam/list-open-id-connect-providers.json",
            "\(account)/iam/list-saml-providers.json",
            "\(account)/iam/get-credential-report.json",
            "\(account)/iam/get-account-summary.json",
            "\(account)/s3/logs/get-bucket-acl.json",
            "\(account)/s3/logs/get-public-access-block.json",
            "\(account)/s3/web/get-bucket-acl.json",
            "\(account)/s3/web/get-bucket-policy.json",
            "\(account)/us-east-1/kms/\(FakeAccount.keyID)/describe-key.json",
            "\(account)/us-east-1/kms/\(FakeAccount.keyID)/get-key-policy.json",
            "\(account)/us-east-1/lambda/fn/get-function.json",
            "\(account)/us-east-1/secretsmanager/prod%2Fdb%2Fpassword/get-resource-policy.json",
            "\(account)/us-east-1/sqs/orders/get-queue-attributes.json",
            "collect-errors.json",
        ].sorted())
        let policy = try String(contentsOfFile: folder.path("snap/\(account)/s3/web/get-bucket-policy.json"), encoding: .utf8)
        #expect(policy == FakeAccount.bucketPolicy, "files hold the CLI's output verbatim")
        #expect(folder.entries == ["bin", "snap"], "no staging folder is left")

        let errors = try JSONDecoder().decode(
            [CommandFailure].self, from: Data(contentsOf: URL(fileURLWithPath: folder.path("snap/collect-errors.json"))))
        #expect(errors == summary.failures)
        #expect(errors.map(\.summary) == [
            "aws --region eu-west-1 sns list-topics --query Topics[].TopicArn",
            "aws --region us-east-1 kms list-grants --key-id \(FakeAccount.keyID)",
            "aws --region us-east-1 sns list-topics --query Topics[].TopicArn",
        ])
        #expect(errors[1].error.contains("(ThrottlingException)"))
        #expect(errors[0].command.first == folder.path("bin/aws"))
        #expect(summary.fileCount == 16)
    }

    @Test func missingAWSIsAnErrorBeforeAnythingRuns() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(FakeAccount.responses())
        let options = CollectOptions(output: folder.path("snap"), regions: ["us-east-1"], awsExecutable: "no-such-aws")
        await #expect(throws: CollectError.awsCLINotFound("no-such-aws")) {
            try await Collector(options: options, runner: aws, environment: folder.environment).collect()
        }
        #expect(aws.calls.isEmpty)
        #expect(folder.entries == ["bin"])
    }

    @Test func noCredentialsIsAnErrorAndWritesNothing() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(["sts get-caller-identity": CommandResult(
            status: 253, standardError: "Unable to locate credentials. You can configure credentials by running \"aws configure\".\n")])
        await #expect(throws: CollectError.noCredentials(
            "Unable to locate credentials. You can configure credentials by running \"aws configure\".")) {
            try await collector(folder, aws).collect()
        }
        #expect(aws.commands == ["sts get-caller-identity"])
        #expect(folder.entries == ["bin"])
    }

    @Test func nonEmptyOutputNeedsForce() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("snap/accounts/old"), withIntermediateDirectories: true)
        let aws = FakeAWS(FakeAccount.responses())
        await #expect(throws: CollectError.outputNotEmpty(path: folder.path("snap"))) {
            try await collector(folder, aws).collect()
        }
        #expect(aws.calls.isEmpty)

        _ = try await collector(folder, aws, force: true).collect()
        #expect(!FileManager.default.fileExists(atPath: folder.path("snap/accounts/old")))
        #expect(FileManager.default.fileExists(atPath: folder.path("snap/collect-errors.json")))
        #expect(folder.entries == ["bin", "snap"])
    }

    @Test func forceReplacesOnlyASnapshot() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = FileManager.default.createFile(atPath: folder.path("notes.txt"), contents: Data("keep".utf8))
        let options = CollectOptions(output: folder.url.path, regions: ["us-east-1"], force: true)
        await #expect(throws: CollectError.notASnapshot(path: folder.url.path)) {
            try await Collector(options: options, runner: FakeAWS(), environment: folder.environment).collect()
        }
        #expect(FileManager.default.fileExists(atPath: folder.path("notes.txt")))
    }

    @Test func anEmptyOutputFolderIsUsed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("snap"), withIntermediateDirectories: true)
        _ = try await collector(folder, FakeAWS(FakeAccount.responses())).collect()
        #expect(folder.files(under: "snap").contains("collect-errors.json"))
    }

    @Test func unreadableListingIsRecordedAndTheRestGoesOn() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var responses = FakeAccount.responses()
        responses["s3api list-buckets --query Buckets[].Name"] = .json("<html>proxy error</html>")
        let summary = try await collector(folder, FakeAWS(responses), regions: ["us-east-1"]).collect()
        #expect(summary.failures.contains { $0.error == "unexpected output: listing output is not JSON" })
        #expect(folder.files(under: "snap").contains("accounts/123456789012/us-east-1/sqs/orders/get-queue-attributes.json"))
    }

    /// The fake holds the commands until `jobs` of them run at once: a collector that runs fewer
    /// leaves it shut (it gives up after its timeout), one that runs more shows a larger maximum.
    @Test(arguments: [1, 3])
    func runsAtMostJobsCommandsAtOnce(jobs: Int) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(FakeAccount.responses(), gate: jobs)
        _ = try await collector(folder, aws, jobs: jobs).collect()
        #expect(aws.maxInFlight <= jobs)
        #expect(aws.gateOpened, "\(jobs) commands never ran at once")
    }
}
