import Testing
@testable import Collect

@Suite struct CollectPlanTests {
    private func commands(_ plan: CollectPlan) -> [String] {
        plan.initialJobs().map { job in
            ([job.command.region ?? "-"] + job.command.arguments).joined(separator: " ")
        }
    }

    @Test func accountCommandsThenOneListingPerGlobalTypeAndPerRegion() {
        let listed = commands(CollectPlan(account: "123456789012", regions: ["us-east-1", "eu-west-1"], organization: false))
        #expect(Array(listed.prefix(7)) == [
            "- iam get-account-authorization-details",
            "- iam list-open-id-connect-providers",
            "- iam list-saml-providers",
            "- iam get-account-password-policy",
            "- iam get-account-summary",
            "- s3control get-public-access-block --account-id 123456789012",
            "- iam generate-credential-report",
        ])
        for region in ["us-east-1", "eu-west-1"] {
            #expect(listed.contains("\(region) kms list-keys --query Keys[].KeyId"))
            #expect(listed.contains("\(region) sqs list-queues --query QueueUrls"))
            #expect(listed.contains("\(region) sns list-topics --query Topics[].TopicArn"))
            #expect(listed.contains("\(region) lambda list-functions --query Functions[].FunctionName"))
            #expect(listed.contains("\(region) secretsmanager list-secrets --query SecretList[].[Name,ARN]"))
            #expect(listed.contains("\(region) ecr describe-repositories --query repositories[].repositoryName"))
            #expect(listed.contains("\(region) s3control list-access-points --account-id 123456789012 --query AccessPointList[].Name"))
            #expect(listed.contains("\(region) ec2 describe-snapshots --owner-ids self --query Snapshots[].SnapshotId"))
            #expect(listed.contains("\(region) dynamodbstreams list-streams --query Streams[].StreamArn"))
        }
        #expect(listed.contains("- s3api list-buckets --query Buckets[].Name"))
        #expect(listed.count == 8 + ServiceCatalog.resourceTypes.filter { $0.scope == .regional }.count * 2)
        #expect(ServiceCatalog.resourceTypes.filter { $0.scope == .regional }.count == 20)
        #expect(!listed.contains { $0.contains("organizations") })
    }

    @Test func organizationStartsWithDescribeOrganization() {
        let listed = commands(CollectPlan(account: "1", regions: [], organization: true))
        #expect(listed.last == "- organizations describe-organization")
    }

    @Test func listingLeadsToOneSavedFilePerDetailCommand() throws {
        let job = ResourceType.secrets.discoveryJob(account: "123456789012", region: "eu-west-1")
        let output = try job.handle(.init(#"[["prod/db/password", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db/password-AbCd"]]"#.utf8))
        let detail = try #require(output.followUps.first)
        #expect(output.followUps.count == 1)
        #expect(detail.command.region == "eu-west-1")
        #expect(detail.command.arguments == ["secretsmanager", "get-resource-policy", "--secret-id",
                                             "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db/password-AbCd"])
        let saved = try detail.handle(.init("{}".utf8))
        #expect(saved.files.map(\.path)
            == ["accounts/123456789012/eu-west-1/secretsmanager/prod%2Fdb%2Fpassword/get-resource-policy.json"])
    }

    @Test func everyCommandSavesAFileOfItsLayoutFolder() {
        for type in ServiceCatalog.resourceTypes {
            #expect(!type.details.isEmpty, "\(type.directory)")
            for template in type.details {
                let file = template.file
                #expect(file != nil, "\(type.directory): operation must be a literal")
                #expect(file.map(type.service.resourceFiles.contains) == true, "\(type.directory): \(file?.name ?? "?")")
            }
        }
        for command in ServiceCatalog.accountCommands {
            let file = command.template.file
            #expect(file.map(command.service.files.contains) == true, "\(command.service): \(file?.name ?? "?")")
        }
    }
}
