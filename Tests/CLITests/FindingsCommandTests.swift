import Foundation
import Testing

/// The CLI end to end, as a user runs it.
@Suite("accessgraph findings / who-can")
struct FindingsCommandTests {
    @Test func findingsJSONFollowsTheContract() throws {
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--format", "json", "--no-index"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(json["warnings"] as? [String] == [])
        #expect(findings.count > 10)
        let contract: Set<String> = ["resource", "resourceType", "principal", "isPublic", "actions", "conditions", "path"]
        for f in findings {
            // `deniedWhen` appears only where an undecided Deny could take the access away.
            #expect(Set(f.keys).subtracting(["deniedWhen"]) == contract)
        }
        // acme-payroll's policy denies requests without TLS (aws:SecureTransport is unknown offline).
        let vendor = findings.first { $0["resource"] as? String == "arn:aws:s3:::acme-payroll" && $0["principal"] as? String == "arn:aws:iam::999999999999:root" }
        #expect((vendor?["deniedWhen"] as? [String: [String: [String]]]) == ["Bool": ["aws:SecureTransport": ["false"]]])
        let publicAssets = findings.first { $0["resource"] as? String == "arn:aws:s3:::acme-public-assets" && $0["principal"] as? String == "*" }
        #expect(publicAssets?["isPublic"] as? Bool == true)
        #expect(publicAssets?["path"] as? [String] == ["*", "arn:aws:s3:::acme-public-assets"])
        #expect(r.stderr.isEmpty, "stderr must stay clean when not a terminal: \(r.stderr)")
    }

    @Test func findingsText() throws {
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("acme-vendor-exchange"))
        #expect(r.stdout.contains("role/VendorAuditRole -> acme-payroll"))
        #expect(r.stdout.contains("zone of trust: organization"))
    }

    @Test func whoCanJSON() throws {
        let r = try CLIRunner.run(["who-can", CLIRunner.sample, "arn:aws:s3:::acme-payroll", "--action", "s3:GetObject", "--format", "json", "--no-index"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["resource"] as? String == "arn:aws:s3:::acme-payroll")
        let principals = try #require(json["principals"] as? [[String: Any]])
        let alice = principals.first { $0["principal"] as? String == "arn:aws:iam::222222222222:user/engineering/alice" }
        #expect(alice?["actions"] as? [String] == ["s3:GetObject"])
        #expect((alice?["path"] as? [String])?.count == 4)
        // Conditional only through the bucket's Deny of requests without TLS.
        #expect(alice?["conditional"] as? Bool == true)
        #expect((alice?["conditions"] as? [String: Any])?.isEmpty == true)
        #expect((alice?["deniedWhen"] as? [String: [String: [String]]]) == ["Bool": ["aws:SecureTransport": ["false"]]])
    }

    @Test func whoCanJSONNamesGrantsAndAccessLevels() throws {
        let r = try CLIRunner.run(["who-can", CLIRunner.sample, "arn:aws:s3:::acme-payroll", "--format", "json", "--no-index"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let principals = try #require(json["principals"] as? [[String: Any]])
        for p in principals {
            #expect(Set(p.keys).subtracting(["deniedWhen"]) == ["accessLevels", "actions", "conditional", "conditions", "grantedBy", "path", "principal"])
        }
        let alice = try #require(principals.first { $0["principal"] as? String == "arn:aws:iam::222222222222:user/engineering/alice" })
        let chain = try #require((alice["grantedBy"] as? [[String: Any]])?.first)
        #expect(chain["type"] as? String == "role-chain")
        #expect(chain["role"] as? String == "arn:aws:iam::222222222222:role/PayrollApp")
        let inner = try #require(chain["grantedBy"] as? [[String: String]])
        #expect(inner == [
            ["type": "identity", "policy": "payroll-bucket", "owner": "arn:aws:iam::222222222222:role/PayrollApp"],
            ["type": "resource", "policy": "bucket policy of acme-payroll", "resource": "arn:aws:s3:::acme-payroll"],
        ])
        #expect(alice["accessLevels"] as? [String] == ["List", "Read", "Write"])
    }

    @Test("who-can text fits 120 columns, folded and with --all", arguments: [
        ["arn:aws:s3:::acme-payroll"], ["arn:aws:s3:::acme-payroll", "--all"], ["arn:aws:events:us-east-1:222222222222:event-bus/default"],
    ])
    func whoCanTextFits120Columns(_ arguments: [String]) throws {
        let r = try CLIRunner.run(["who-can", CLIRunner.sample] + arguments + ["--no-index"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 5)
        for line in lines { #expect(line.count <= 120, "\(line.count) columns: \(line)") }
        if arguments.contains("--all") {
            #expect(r.stdout.contains("PATH"))
        } else if arguments[0].contains("event-bus") {
            // Principals that share the bus policy's grant fold into one line each kind.
            #expect(r.stdout.contains(" roles "))
            #expect(r.stdout.contains("--all lists each principal"))
        }
    }

    @Test func missingSnapshotExitsWithTwo() throws {
        let r = try CLIRunner.run(["findings", "/nonexistent/snapshot", "--no-index"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent/snapshot"))
        #expect(r.stdout.isEmpty)
    }

    @Test func unknownResourceExitsWithTwo() throws {
        let r = try CLIRunner.run(["who-can", CLIRunner.sample, "arn:aws:s3:::no-such-bucket", "--no-index"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-bucket"))
    }

    @Test func badFileIsAWarningInTheOutputAndTheRestIsAnalysed() throws {
        let dir = NSTemporaryDirectory() + "ag-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: dir)
        try #"{"Policy": "{ not json"}"#.write(toFile: dir + "/accounts/222222222222/s3/acme-vendor-exchange/get-bucket-policy.json", atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["findings", dir, "--format", "json", "--no-index"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("acme-vendor-exchange/get-bucket-policy.json") && $0.contains("$.Policy") })
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["resource"] as? String == "arn:aws:s3:::acme-vendor-exchange" })
        #expect(findings.contains { $0["resource"] as? String == "arn:aws:s3:::acme-public-assets" })
    }
}
