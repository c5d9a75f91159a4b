import SnapshotLayout
import Testing
@testable import Collect

@Suite struct CommandTemplateTests {
    @Test func fileIsNamedAfterTheOperation() {
        let template = CommandTemplate(["kms", "get-key-policy", "--key-id", .field(0), "--policy-name", "default"])
        #expect(template.file?.name == "get-key-policy.json")
        let fromLayout = CommandTemplate("kms", .getKeyPolicy, ["--key-id", .field(0), "--policy-name", "default"])
        #expect(fromLayout == template)
        #expect(template.resolve(fields: ["k1"], account: "1")
            == ["kms", "get-key-policy", "--key-id", "k1", "--policy-name", "default"])
    }

    @Test func placeholdersWithoutValueDropTheCommand() {
        let template = CommandTemplate(["secretsmanager", "get-resource-policy", "--secret-id", .field(1)])
        #expect(template.resolve(fields: ["name"], account: "1") == nil)
        #expect(template.resolve(fields: ["name", ""], account: "1") == nil)
    }

    @Test func accountIDPlaceholder() {
        let template = CommandTemplate(["s3control", "get-public-access-block", "--account-id", .accountID])
        #expect(template.resolve(account: "123456789012")?.last == "123456789012")
    }

    @Test func argvHasGlobalOptionsAndNeverDisablesPagination() {
        let cli = AWSCLI(executable: "/usr/bin/aws", profile: "audit", endpointURL: "http://127.0.0.1:5000",
                         homeRegion: "us-east-1")
        #expect(cli.argv(AWSCommand(["iam", "get-account-authorization-details"])) == [
            "/usr/bin/aws", "--output", "json", "--profile", "audit", "--endpoint-url", "http://127.0.0.1:5000",
            "--region", "us-east-1", "iam", "get-account-authorization-details",
        ])
        let regional = cli.argv(AWSCommand(["kms", "list-keys"], region: "eu-west-1"))
        #expect(regional.contains("eu-west-1") && !regional.contains("--no-paginate"))
        #expect(cli.configuredRegionArgv() == ["/usr/bin/aws", "configure", "get", "region", "--profile", "audit"])
    }

    @Test func failureSummaryDropsSharedGlobalOptions() {
        let failure = CommandFailure(command: ["/bin/aws", "--output", "json", "--profile", "p", "--endpoint-url", "u",
                                               "--region", "r", "sns", "list-topics"], error: "x")
        #expect(failure.summary == "aws --region r sns list-topics")
    }
}
