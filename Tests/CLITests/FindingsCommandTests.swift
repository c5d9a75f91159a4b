import Foundation
import Testing

/// The CLI end to end, as a user runs it.
@Suite("accessgraph findings / who-can")
struct FindingsCommandTests {
    @Test func findingsJSONFollowsTheContract() throws {
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--format", "json", "--no-index"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["entryPoints", "findings", "warnings"])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(json["warnings"] as? [String] == [])
        #expect(findings.count == 21)
        let contract: Set<String> = ["resource", "resourceType", "principal", "isPublic", "actions", "conditions", "path", "kind"]
        for f in findings {
            // `deniedWhen` appears only where an undecided Deny could take the access away,
            // `unused` only on a finding on a role that is also unused.
            #expect(Set(f.keys).subtracting(["deniedWhen", "unused"]) == contract)
            #expect(f["kind"] as? String == "direct")
            #expect((f["path"] as? [String])?.count == 2)
        }
        let publicAssets = findings.first { $0["resource"] as? String == "arn:aws:s3:::acme-public-assets" && $0["principal"] as? String == "*" }
        #expect(publicAssets?["isPublic"] as? Bool == true)
        #expect(publicAssets?["path"] as? [String] == ["*", "arn:aws:s3:::acme-public-assets"])
        let entryPoints = try #require(json["entryPoints"] as? [[String: Any]])
        #expect(entryPoints.count == 4)
        for e in entryPoints {
            // `unused` appears only where the entry role is also unused (`unused`'s unused-role finding).
            #expect(Set(e.keys).subtracting(["unused"]) == ["principal", "role", "isPublic", "conditions", "deniedWhen", "resources", "reach", "examples"])
            let reach = try #require(e["reach"] as? [[String: Any]])
            #expect(reach.allSatisfy { Set($0.keys) == ["account", "resourceType", "resources", "accessLevels", "isPublic"] })
            #expect(e["resources"] as? Int == reach.reduce(0) { $0 + ($1["resources"] as? Int ?? 0) })
            #expect((e["examples"] as? [String])?.count == min(5, e["resources"] as? Int ?? 0))
        }
        let vendor = try #require(entryPoints.first { $0["principal"] as? String == "arn:aws:iam::999999999999:root" })
        #expect(vendor["role"] as? String == "arn:aws:iam::222222222222:role/VendorAuditRole")
        #expect((vendor["conditions"] as? [String: [String: [String]]]) == ["StringEquals": ["sts:ExternalId": ["acme-7f3a9c"]]])
        let buckets = (vendor["reach"] as? [[String: Any]])?.first { $0["resourceType"] as? String == "AWS::S3::Bucket" && $0["account"] as? String == "222222222222" }
        #expect(buckets?["accessLevels"] as? [String] == ["List", "Read"])
        #expect(r.stderr.isEmpty, "stderr must stay clean when not a terminal: \(r.stderr)")
    }

    /// Entry points whose role is unused carry `unused`, with the last use and evidence of the
    /// `unused` command's unused-role finding on that role; the others carry none.
    @Test func entryPointsMarkUnusedRolesAsTheUnusedCommandFindsThem() throws {
        let findings = try #require(try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "json"]).json)
        let unused = try #require(try CLIRunner.run(["unused", CLIRunner.sample, "--format", "json"]).json)
        var roles: [String: [String: String]] = [:]
        for f in unused["findings"] as? [[String: Any]] ?? [] where f["kind"] as? String == "unused-role" {
            roles[f["principal"] as! String] = ["lastUsed": f["lastUsed"] as! String, "evidence": f["evidence"] as! String]
        }
        let entryPoints = try #require(findings["entryPoints"] as? [[String: Any]])
        #expect(entryPoints.contains { $0["unused"] != nil })
        for e in entryPoints {
            #expect(e["unused"] as? [String: String] == roles[e["role"] as! String], "\(e["role"] ?? "")")
        }
        // Direct findings on roles (an outsider can assume them) carry the same mark; other findings none.
        let direct = try #require(findings["findings"] as? [[String: Any]])
        #expect(direct.contains { $0["unused"] != nil })
        for f in direct {
            let onRole = f["resourceType"] as? String == "AWS::IAM::Role"
            #expect(f["unused"] as? [String: String] == (onRole ? roles[f["resource"] as! String] : nil), "\(f["resource"] ?? "")")
        }
        // --expand and ndjson mark the same direct findings (and --expand the same entry points).
        let expanded = try #require(try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "json", "--expand"]).json)
        let expandedDirect = (expanded["findings"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "direct" }
        #expect(expandedDirect.map { $0["unused"] as? [String: String] } == direct.map { $0["unused"] as? [String: String] })
        #expect((expanded["entryPoints"] as? [[String: Any]] ?? []).map { $0["unused"] as? [String: String] }
            == entryPoints.map { $0["unused"] as? [String: String] })
        let lines = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "ndjson"]).stdout.split(separator: "\n")
        let streamed = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["kind"] as? String == "direct" }
        #expect(streamed.map { $0["unused"] as? [String: String] } == direct.map { $0["unused"] as? [String: String] })
        let text = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index"]).stdout
        #expect(text.contains("Unused roles outsiders can assume (no use within 90 days; last use): "))
    }

    @Test("--expand lists the transitive findings after the direct ones; --format ndjson the same, one per line")
    func expandAndNDJSON() throws {
        let expanded = try CLIRunner.run(["findings", CLIRunner.sample, "--format", "json", "--expand", "--no-index"])
        #expect(expanded.status == 0)
        let json = try #require(expanded.json)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.prefix(21).allSatisfy { $0["kind"] as? String == "direct" })
        #expect(findings.dropFirst(21).allSatisfy { $0["kind"] as? String == "transitive" && ($0["path"] as? [String])?.count ?? 0 > 2 })
        // acme-payroll's policy denies requests without TLS (aws:SecureTransport is unknown offline).
        let payroll = findings.first { $0["resource"] as? String == "arn:aws:s3:::acme-payroll" && $0["principal"] as? String == "arn:aws:iam::999999999999:root" }
        #expect(payroll?["path"] as? [String] == ["arn:aws:iam::999999999999:root", "arn:aws:iam::222222222222:role/VendorAuditRole", "arn:aws:s3:::acme-payroll"])
        #expect((payroll?["deniedWhen"] as? [String: [String: [String]]]) == ["Bool": ["aws:SecureTransport": ["false"]]])
        // Entry points count what --expand lists.
        let entryPoints = try #require(json["entryPoints"] as? [[String: Any]])
        let total = entryPoints.reduce(0) { $0 + ($1["resources"] as? Int ?? 0) }
        #expect(findings.count - 21 == total)

        let lines = try CLIRunner.run(["findings", CLIRunner.sample, "--format", "ndjson", "--no-index"])
        #expect(lines.status == 0)
        let rows = lines.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == findings.count)
        #expect(rows.map { $0?["resource"] as? String } == findings.map { $0["resource"] as? String })
        #expect(rows.map { $0?["path"] as? [String] } == findings.map { $0["path"] as? [String] })
        #expect(lines.stderr.isEmpty)
    }

    @Test func findingsText() throws {
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("acme-vendor-exchange"))
        #expect(r.stdout.contains("VendorAuditRole"))
        #expect(r.stdout.contains("S3 bucket 4 (List, Read)"))
        // The summary line counts what the JSON answer holds.
        let json = try #require(try CLIRunner.run(["findings", CLIRunner.sample, "--format", "json", "--no-index"]).json)
        let direct = try #require(json["findings"] as? [[String: Any]])
        let entryPoints = try #require(json["entryPoints"] as? [[String: Any]])
        let reached = entryPoints.reduce(0) { $0 + ($1["resources"] as? Int ?? 0) }
        let publicCount = direct.filter { $0["isPublic"] as? Bool == true }.count
        #expect(r.stdout.contains("\(direct.count) direct finding(s), \(publicCount) public; \(entryPoints.count) entry point(s) reaching \(reached) resource(s); zone of trust: organization."))
        let expanded = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--expand"])
        #expect(expanded.stdout.split(separator: "\n").contains { $0.hasPrefix("acme-payroll ") && $0.contains("VendorAuditRole") })
        #expect(expanded.stdout.contains("\(reached) transitive finding(s) listed."))
    }

    @Test("The sample organization's text output fits 120 columns", arguments: [[], ["--expand"], ["--zone", "account"]])
    func textFits120Columns(extra: [String]) throws {
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index"] + extra)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 20)
        for line in lines { #expect(line.count <= 120, "\(line.count) characters: \(line)") }
    }

    @Test("Filters: what is left, and bad values exit 2 listing what is accepted")
    func filters() throws {
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--format", "json", "--no-index", "--resource-type", "AWS::S3::Bucket", "--account", "222222222222"])
        #expect(r.status == 0)
        let json = try #require(r.json)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty && findings.allSatisfy { $0["resourceType"] as? String == "AWS::S3::Bucket" })
        let entryPoints = try #require(json["entryPoints"] as? [[String: Any]])
        #expect(!entryPoints.isEmpty)
        for e in entryPoints {
            for reach in e["reach"] as? [[String: Any]] ?? [] {
                #expect(reach["resourceType"] as? String == "AWS::S3::Bucket" && reach["account"] as? String == "222222222222")
            }
        }
        let type = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--resource-type", "AWS::S3::Buckets"])
        #expect(type.status == 2 && type.stdout.isEmpty)
        #expect(type.stderr.contains("AWS::S3::Buckets") && type.stderr.contains("AWS::SQS::Queue"))
        let principal = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--principal", "arn:aws:iam:999999999999:root"])
        #expect(principal.status == 2 && principal.stderr.contains("accepted"))
        let account = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "ndjson", "--account", "2222"])
        #expect(account.status == 2 && account.stdout.isEmpty && account.stderr.contains("twelve-digit"))
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
