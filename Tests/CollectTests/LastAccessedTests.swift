import Foundation
import Snapshot
import SnapshotLayout
import Testing
@testable import Collect

/// Each user's and role's service last-accessed report, with the response shapes of
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateServiceLastAccessedDetails.html (a `JobId`) and
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html (`JobStatus`
/// IN_PROGRESS, COMPLETED or FAILED with `Error`; `IsTruncated` and `Marker` for further pages).
@Suite struct LastAccessedTests {
    static let account = FakeAccount.id
    static let aliceARN = "arn:aws:iam::123456789012:user/alice"
    static let appARN = "arn:aws:iam::123456789012:role/app"
    static let linkedARN = "arn:aws:iam::123456789012:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport"
    static let aliceJob = "11111111-2222-3333-4444-555555555555"
    static let appJob = "66666666-7777-8888-9999-000000000000"

    static let gaad = """
        {"UserDetailList": [{"UserName": "alice", "UserId": "AIDAALICE0000000001", "Arn": "\(aliceARN)", "Path": "/"}],
         "RoleDetailList": [
           {"RoleName": "app", "RoleId": "AROAAPP000000000002", "Arn": "\(appARN)", "Path": "/"},
           {"RoleName": "AWSServiceRoleForSupport", "RoleId": "AROALINKED000000003", "Arn": "\(linkedARN)",
            "Path": "/aws-service-role/support.amazonaws.com/"}],
         "GroupDetailList": [], "Policies": []}
        """

    /// A COMPLETED action-level report, as the CLI prints it (its spacing kept: the file must be this text).
    static let aliceReport = """
        {
            "JobStatus": "COMPLETED",
            "JobType": "ACTION_LEVEL",
            "JobCreationDate": "2026-05-31T23:50:00Z",
            "ServicesLastAccessed": [
                {"ServiceName": "Amazon S3", "ServiceNamespace": "s3", "LastAuthenticated": "2026-05-31T23:00:00Z",
                 "TotalAuthenticatedEntities": 1,
                 "TrackedActionsLastAccessed": [{"ActionName": "GetObject", "LastAccessedTime": "2026-05-31T23:00:00Z"},
                                                {"ActionName": "PutObject"}]},
                {"ServiceName": "AWS Identity and Access Management", "ServiceNamespace": "iam", "TotalAuthenticatedEntities": 0}
            ],
            "JobCompletionDate": "2026-05-31T23:51:00Z",
            "IsTruncated": false
        }

        """

    static func generate(_ arn: String, _ granularity: String = "ACTION_LEVEL") -> String {
        "iam generate-service-last-accessed-details --arn \(arn) --granularity \(granularity)"
    }

    static func get(_ job: String) -> String {
        "iam get-service-last-accessed-details --job-id \(job) --max-items 1000"
    }

    static func inProgress() -> CommandResult {
        .json(#"{"JobStatus": "IN_PROGRESS", "JobCreationDate": "2026-05-31T23:50:00Z", "ServicesLastAccessed": []}"#)
    }

    static func responses() -> [String: CommandResult] {
        var r = FakeAccount.responses()
        r["iam get-account-authorization-details"] = .json(gaad)
        r[generate(aliceARN)] = .json("{\"JobId\": \"\(aliceJob)\"}")
        r[generate(appARN)] = .json("{\"JobId\": \"\(appJob)\"}")
        r[get(appJob)] = .json("""
            {"JobStatus": "FAILED", "JobCreationDate": "2026-05-31T23:50:00Z", "JobCompletionDate": "2026-05-31T23:50:05Z",
             "ServicesLastAccessed": [], "Error": {"Code": "InternalFailure", "Message": "the report could not be generated"}}
            """)
        return r
    }

    private func collect(_ folder: TemporaryFolder, _ aws: FakeAWS, lastAccessed: Bool = true, resume: Bool = false,
                         jobs: Int = 4) async throws -> CollectSummary {
        let options = CollectOptions(output: folder.path("snap"), regions: ["us-east-1"], jobs: jobs, resume: resume,
                                     lastAccessed: lastAccessed)
        var collector = Collector(options: options, runner: aws, environment: folder.environment)
        collector.poll = .milliseconds(5)
        return try await collector.collect()
    }

    private func iamFile(_ id: String) -> String {
        SnapshotLayout.serviceLastAccessedFile(account: Self.account, principalID: id)
    }

    @Test func savesEachCompletedReportVerbatimAndRecordsAFailedOne() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(Self.responses(), sequences: [Self.get(Self.aliceJob): [Self.inProgress(), Self.inProgress(), .json(Self.aliceReport)]])
        let summary = try await collect(folder, aws)

        #expect(iamFile("AIDAALICE0000000001") == "accounts/123456789012/iam/service-last-accessed/AIDAALICE0000000001.json")
        let written = folder.files(under: "snap").filter { $0.contains(SnapshotLayout.serviceLastAccessedDirectory) }
        #expect(written == [iamFile("AIDAALICE0000000001")], "only the completed report; none for the failed or the service-linked role")
        let saved = try String(contentsOfFile: folder.path("snap/" + iamFile("AIDAALICE0000000001")), encoding: .utf8)
        #expect(saved == Self.aliceReport, "the final output verbatim")

        let commands = aws.commands
        #expect(commands.filter { $0 == Self.get(Self.aliceJob) }.count == 3, "asked until COMPLETED")
        #expect(commands.filter { $0 == Self.generate(Self.aliceARN) }.count == 1)
        #expect(!commands.contains { $0.contains("AWSServiceRoleForSupport") }, "service-linked roles are left out")
        let generateIndex = try #require(commands.firstIndex(of: Self.generate(Self.aliceARN)))
        #expect(commands.firstIndex(of: "iam get-account-authorization-details")! < generateIndex)

        let failed = summary.failures.filter { $0.command.contains("get-service-last-accessed-details") }
        #expect(failed.map(\.summary) == ["aws --region us-east-1 \(Self.get(Self.appJob))"])
        #expect(failed.first?.error == "the service last-accessed report of \(Self.appARN) FAILED: InternalFailure: the report could not be generated")
        let recorded = try JSONDecoder().decode(
            [CommandFailure].self, from: Data(contentsOf: URL(fileURLWithPath: folder.path("snap/collect-errors.json"))))
        #expect(recorded.contains(try #require(failed.first)), "in collect-errors.json")
    }

    /// The saved report is what the usage loader reads for the user (its file name is the UserId).
    @Test func theSavedReportIsReadByTheUsageLoader() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try await collect(folder, FakeAWS(Self.responses(), sequences: [Self.get(Self.aliceJob): [.json(Self.aliceReport)]]))
        var snapshot = try await SnapshotLoader().load(folder.path("snap"))
        await UsageLoader().read(into: &snapshot)
        let usage = try #require(snapshot.accounts[Self.account]?.usage)
        let alice = try #require(snapshot.accounts[Self.account]?.users.first { $0.arn == Self.aliceARN })
        let aliceID = try #require(alice.id)
        let report = try #require(usage.lastAccessed[aliceID])
        #expect(report.actionLevel)
        #expect(report.services.map(\.namespace) == ["s3", "iam"])
        #expect(report.services.first?.actions?.map(\.name) == ["GetObject", "PutObject"])
        #expect(usage.lastAccessed.count == 1)
    }

    @Test func refusedActionLevelFallsBackToServiceLevel() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var responses = Self.responses()
        responses[Self.generate(Self.aliceARN)] = .awsError("InvalidInput", "Granularity ACTION_LEVEL is not supported",
                                                            operation: "GenerateServiceLastAccessedDetails")
        responses[Self.generate(Self.aliceARN, "SERVICE_LEVEL")] = .json("{\"JobId\": \"\(Self.aliceJob)\"}")
        responses[Self.get(Self.aliceJob)] = .json(#"{"JobStatus": "COMPLETED", "JobType": "SERVICE_LEVEL", "ServicesLastAccessed": []}"#)
        let aws = FakeAWS(responses)
        let summary = try await collect(folder, aws)
        #expect(aws.commands.contains(Self.generate(Self.aliceARN, "SERVICE_LEVEL")))
        #expect(folder.files(under: "snap").contains(iamFile("AIDAALICE0000000001")))
        #expect(!summary.failures.contains { $0.command.contains(Self.aliceARN) }, "the refused first ask is no failure")
    }

    @Test func aDeletedPrincipalLeavesNoFileAndNoWarning() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var responses = Self.responses()
        responses[Self.generate(Self.aliceARN)] = .awsError("NoSuchEntity", "The user with name alice cannot be found.")
        let aws = FakeAWS(responses)
        let summary = try await collect(folder, aws)
        #expect(!summary.failures.contains { $0.command.contains(Self.aliceARN) })
        #expect(!aws.commands.contains(Self.get(Self.aliceJob)))
        #expect(!aws.commands.contains(Self.generate(Self.aliceARN, "SERVICE_LEVEL")), "NoSuchEntity is no refusal of ACTION_LEVEL")
    }

    @Test func noLastAccessedRunsNoReportJob() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(Self.responses())
        _ = try await collect(folder, aws, lastAccessed: false)
        #expect(!aws.commands.contains { $0.contains("service-last-accessed") })
        #expect(aws.commands.contains("iam get-account-authorization-details"))
    }

    /// `--resume` reads the saved authorization details back and asks only for the reports not there.
    @Test func resumeAsksOnlyForMissingReports() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let gaadPath = SnapshotLayout.path(of: .getAccountAuthorizationDetails,
                                           in: SnapshotLayout.serviceDirectory(account: Self.account, region: nil, service: .iam))
        for (path, text) in [(gaadPath, Self.gaad), (iamFile("AIDAALICE0000000001"), "{\"JobStatus\": \"COMPLETED\"}")] {
            let url = URL(fileURLWithPath: folder.path("snap/" + path))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let aws = FakeAWS(Self.responses())
        _ = try await collect(folder, aws, resume: true)
        #expect(!aws.commands.contains("iam get-account-authorization-details"))
        #expect(!aws.commands.contains { $0.contains(Self.aliceARN) || $0.contains(Self.aliceJob) })
        #expect(aws.commands.contains(Self.generate(Self.appARN)), "the role's report is asked for")
    }

    /// With one command at a time, a job that must wait (a poll) lets the jobs queued after it
    /// run meanwhile, and runs when its time comes: it holds no place while it waits.
    @Test func aWaitingJobHoldsNoPlace() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(["sts a": .json("{}"), "sts b": .json("{}"), "sts c": .json("{}")])
        var poll = Job.save(AWSCommand(["sts", "a"]), to: "a.json")
        poll.delay = .milliseconds(300)
        let others = [Job.save(AWSCommand(["sts", "b"]), to: "b.json"), Job.save(AWSCommand(["sts", "c"]), to: "c.json")]
        let scheduler = JobScheduler(cli: AWSCLI(executable: "aws", homeRegion: "us-east-1"), runner: aws, limit: 1,
                                     progress: SilentProgress(), resume: false)
        let writer = SnapshotWriter(root: folder.url, partial: PartialFiles())
        let run = try await scheduler.run([poll] + others, as: .caller(Self.account), into: writer)
        #expect(aws.commands == ["sts b", "sts c", "sts a"])
        #expect(run.written == 3 && !run.interrupted)
        #expect(aws.maxInFlight == 1)
    }

    /// Polled until COMPLETED with one command at a time: the collection ends with the report.
    @Test func pollsEndWithOneCommandAtATime() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let aws = FakeAWS(Self.responses(), sequences: [Self.get(Self.aliceJob): [Self.inProgress(), .json(Self.aliceReport)]])
        _ = try await collect(folder, aws, jobs: 1)
        #expect(aws.commands.filter { $0 == Self.get(Self.aliceJob) }.count == 2)
        #expect(aws.maxInFlight == 1)
        #expect(folder.files(under: "snap").contains(iamFile("AIDAALICE0000000001")))
    }

    /// A truncated report's next page is asked with `--marker`; the pages' services are joined.
    @Test func truncatedPagesAreJoined() throws {
        let jobs = LastAccessed(account: Self.account, poll: .zero)
        let alice = LastAccessed.Principal(arn: Self.aliceARN, id: "AIDAALICE0000000001")
        let first = jobs.getJob(alice, jobID: Self.aliceJob)
        let page1 = #"{"JobStatus": "COMPLETED", "JobType": "ACTION_LEVEL", "ServicesLastAccessed": [{"ServiceNamespace": "s3", "ServiceName": "Amazon S3"}], "IsTruncated": true, "Marker": "m-1"}"#
        let next = try #require(try first.handle(Data(page1.utf8)).followUps.first)
        #expect(next.command.arguments == ["iam", "get-service-last-accessed-details", "--job-id", Self.aliceJob,
                                           "--max-items", "1000", "--marker", "m-1"])
        let page2 = #"{"JobStatus": "COMPLETED", "JobType": "ACTION_LEVEL", "ServicesLastAccessed": [{"ServiceNamespace": "iam", "ServiceName": "IAM"}], "IsTruncated": false}"#
        let output = try next.handle(Data(page2.utf8))
        let file = try #require(output.files.first)
        #expect(file.path == iamFile("AIDAALICE0000000001"))
        let joined = try #require(try JSONSerialization.jsonObject(with: file.contents) as? [String: Any])
        #expect((joined["ServicesLastAccessed"] as? [[String: Any]])?.compactMap { $0["ServiceNamespace"] as? String } == ["s3", "iam"])
        #expect(joined["IsTruncated"] as? Bool == false && joined["Marker"] == nil && joined["JobType"] as? String == "ACTION_LEVEL")
    }

    @Test func principalsAreTheUsersAndRolesWithAnARNAndAnId() {
        let principals = LastAccessed.principals(in: Data(Self.gaad.utf8))
        #expect(principals == [.init(arn: Self.aliceARN, id: "AIDAALICE0000000001"), .init(arn: Self.appARN, id: "AROAAPP000000000002")])
        #expect(LastAccessed.principals(in: Data(#"{"UserDetailList": [{"UserName": "x", "UserId": "../x", "Arn": "a"}]}"#.utf8)).isEmpty,
                "an id that is not a word would not name a file in the folder")
        #expect(LastAccessed.principals(in: Data("not json".utf8)).isEmpty)
    }
}
