import Foundation
import Testing

/// `accessgraph collect` with a fake `aws` (a small script answering from samples/hygiene-account),
/// then `accessgraph unused` on what it collected: the service last-accessed reports go through
/// generate → get (IN_PROGRESS, then COMPLETED or FAILED) into files `unused` reads as the
/// sample's own. Response shapes: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateServiceLastAccessedDetails.html
/// and https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html.
@Suite struct CollectLastAccessedCommandTests {
    static let sample = LeastPrivilegeCommandTests.sample
    static let account = "accounts/111122223333"

    /// The fake `aws`: the global options skipped, it answers IAM's usage commands from the sample's
    /// files, a report's first status ask with IN_PROGRESS, the next with the sample's report of that
    /// principal (FAILED when the sample has none), every listing with `[]`, and the rest with AccessDenied.
    static func fakeAWS(python: String, state: URL) -> String {
        """
        #!\(python)
        import json, os, sys
        IAM = \(String(reflecting: sample + "/" + account + "/iam"))
        STATE = \(String(reflecting: state.path))
        args, words = sys.argv[1:], []
        while args:
            if args[0] in ("--output", "--region", "--endpoint-url", "--profile"):
                args = args[2:]
            else:
                words.append(args.pop(0))
        command = " ".join(words[:2])
        def option(name):
            return words[words.index(name) + 1]
        def show(path):
            sys.stdout.write(open(path).read())
            sys.exit(0)
        def principal_id(arn):
            details = json.load(open(IAM + "/get-account-authorization-details.json"))
            for entry in details["UserDetailList"] + details["RoleDetailList"]:
                if entry["Arn"] == arn:
                    return entry.get("UserId") or entry.get("RoleId")
        if command == "sts get-caller-identity":
            print(json.dumps({"UserId": "AIDAAUDIT", "Account": "111122223333", "Arn": "arn:aws:iam::111122223333:user/audit"}))
            sys.exit(0)
        if command == "iam generate-credential-report":
            print(json.dumps({"State": "COMPLETE"}))
            sys.exit(0)
        if command in ("iam get-account-authorization-details", "iam get-credential-report",
                       "iam get-account-password-policy", "iam get-account-summary"):
            show(IAM + "/" + words[1] + ".json")
        if command == "iam generate-service-last-accessed-details":
            print(json.dumps({"JobId": "job-" + principal_id(option("--arn"))}))
            sys.exit(0)
        if command == "iam get-service-last-accessed-details":
            ident = option("--job-id")[4:]
            asked = os.path.join(STATE, ident)
            if not os.path.exists(asked):
                open(asked, "w").close()
                print(json.dumps({"JobStatus": "IN_PROGRESS", "JobCreationDate": "2026-05-31T23:50:00Z", "ServicesLastAccessed": []}))
                sys.exit(0)
            report = IAM + "/service-last-accessed/" + ident + ".json"
            if os.path.exists(report):
                show(report)
            print(json.dumps({"JobStatus": "FAILED", "JobCreationDate": "2026-05-31T23:50:00Z", "ServicesLastAccessed": [],
                              "JobCompletionDate": "2026-05-31T23:50:01Z", "Error": {"Code": "Fake", "Message": "no report in the sample"}}))
            sys.exit(0)
        if "--query" in words:
            print("[]")
            sys.exit(0)
        sys.stderr.write("\\nAn error occurred (AccessDenied) when calling the Fake operation: not in the fake\\n")
        sys.exit(254)

        """
    }

    @Test func collectedReportsGiveTheSampleUnusedAnswer() throws {
        let environment = ProcessInfo.processInfo.environment
        let python = try #require((environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
            .first(where: FileManager.default.isExecutableFile), "python3 on PATH, for the fake aws")
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = dir.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        let aws = dir.appendingPathComponent("aws")
        try Data(Self.fakeAWS(python: python, state: state).utf8).write(to: aws)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: aws.path)
        let snap = dir.appendingPathComponent("snap").path

        let collect = try CLIRunner.run(["collect", "-o", snap, "--region", "us-east-1", "--aws-cli", aws.path, "--process-per-call"])
        #expect(collect.status == 0, "\(collect.stderr)")

        // The two principals the sample has reports for: their files, byte for byte, under their ids.
        let folder = "\(Self.account)/iam/service-last-accessed"
        let ours = try FileManager.default.contentsOfDirectory(atPath: snap + "/" + folder).sorted()
        let sample = try FileManager.default.contentsOfDirectory(atPath: Self.sample + "/" + folder).sorted()
        #expect(ours == sample && ours.count == 2)
        for name in ours {
            #expect(FileManager.default.contentsEqual(atPath: "\(snap)/\(folder)/\(name)", andPath: "\(Self.sample)/\(folder)/\(name)"), "\(name)")
        }
        // Every other principal's report FAILED: one entry each in collect-errors.json.
        let errors = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: snap + "/collect-errors.json"))) as? [[String: Any]])
        let failedReports = errors.filter { ($0["command"] as? [String])?.contains("get-service-last-accessed-details") == true }
        #expect(failedReports.count == 10, "4 users and 6 roles have no report in the sample (the service-linked role is left out)")
        #expect(failedReports.allSatisfy { ($0["error"] as? String)?.hasSuffix("FAILED: Fake: no report in the sample") == true })

        // `unused` on the collected snapshot answers as on the sample, permissions included.
        let collected = try #require(try CLIRunner.run(["unused", snap, "--format", "json"]).json)
        let expected = try #require(try CLIRunner.run(["unused", Self.sample, "--format", "json"]).json)
        for key in ["now", "findings", "unknown"] {
            let a = try JSONSerialization.data(withJSONObject: collected[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
            let b = try JSONSerialization.data(withJSONObject: expected[key] ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
            #expect(a == b, "\(key) differs")
        }
        let findings = collected["findings"] as? [[String: Any]] ?? []
        let permissions = findings.filter { ["unused-service", "unused-action"].contains($0["kind"] as? String) }
        #expect(!permissions.isEmpty)
        #expect(permissions.allSatisfy { ($0["evidence"] as? String)?.hasPrefix(folder + "/") == true })
    }
}
