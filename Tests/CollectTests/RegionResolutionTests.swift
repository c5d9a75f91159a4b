import Foundation
import Testing
@testable import Collect

@Suite struct RegionResolutionTests {
    private let describeRegions = "ec2 describe-regions --query Regions[].RegionName"

    private func run(_ responses: [String: CommandResult], environment: [String: String] = [:]) async throws
        -> (summary: CollectSummary, aws: FakeAWS) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(FakeAccount.responses().merging(responses) { _, new in new })
        let collector = Collector(options: CollectOptions(output: folder.path("snap")), runner: aws,
                                  environment: folder.environment.merging(environment) { _, new in new })
        return (try await collector.collect(), aws)
    }

    @Test func defaultIsEveryEnabledRegion() async throws {
        let (summary, aws) = try await run([describeRegions: .json(#"["us-east-1", "eu-west-1"]"#)])
        #expect(summary.regions == ["eu-west-1", "us-east-1"])
        #expect(aws.commands.filter { $0.hasPrefix("kms list-keys") }.count == 2)
        let describe = try #require(aws.calls.first { FakeAWS.split($0).command.first == "ec2" })
        #expect(FakeAWS.split(describe).region == "us-east-1", "no configured region: describe-regions asks us-east-1")
    }

    @Test func configuredRegionIsTheHomeRegion() async throws {
        let (_, aws) = try await run([
            "configure get region": .json("eu-central-1\n"),
            describeRegions: .json(#"["eu-central-1"]"#),
        ])
        #expect(FakeAWS.split(aws.calls[1]).region == "eu-central-1")
        #expect(aws.commands.prefix(2) == ["configure get region", "sts get-caller-identity"])
    }

    @Test func fallsBackToTheConfiguredRegionAndRecordsWhy() async throws {
        let (summary, aws) = try await run([:], environment: ["AWS_DEFAULT_REGION": "us-east-1"])
        #expect(summary.regions == ["us-east-1"])
        #expect(summary.failures.first?.summary == "aws --region us-east-1 \(describeRegions)")
        #expect(!aws.commands.contains("configure get region"), "the environment's region needs no call")
    }

    @Test func noRegionAtAllIsAnError() async throws {
        await #expect(throws: CollectError.self) {
            _ = try await run([:])
        }
    }

    @Test func givenRegionsAreUsedOnceEachInOrder() {
        #expect(Collector.unique(["eu-west-1", "us-east-1", "eu-west-1"]) == ["eu-west-1", "us-east-1"])
    }
}
