import Foundation
import Testing

/// `findings --format sarif` end to end, validated against the official SARIF 2.1.0 schema
/// (`shared/schemas/sarif-schema-2.1.0.json` beside the clone) with Python's jsonschema (scripts/setup.sh installs it).
@Suite struct SarifCommandTests {
    static let schema: String? = {
        let candidates = [
            CLIRunner.root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path,
            "/work/shared/schemas/sarif-schema-2.1.0.json",
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    /// Validates `file` against the schema; returns the validator's complaints (empty when valid).
    static func validate(_ file: String) throws -> String {
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
            print("\\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10]))
            sys.exit(1 if errors else 0)
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, schema ?? "", file]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return p.terminationStatus == 0 ? "" : (text.isEmpty ? "validator exited \(p.terminationStatus)" : text)
    }

    @Test func sampleSarifIsValidAndLocatesTheGrantingStatement() throws {
        let schema = try #require(Self.schema, "the SARIF schema is in shared/schemas beside the clone")
        #expect(FileManager.default.fileExists(atPath: schema))
        let dir = try CLIRunner.tempDir()
        let file = dir.appendingPathComponent("results.sarif").path
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "sarif", "-o", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try Self.validate(file) == "")

        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        #expect(rules.map { $0["id"] as? String } == ["public-access", "external-access", "cross-account-entry-point"])
        #expect(rules.allSatisfy { (($0["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false })
        let results = run["results"] as? [[String: Any]] ?? []

        // The same findings as the JSON output: one result per direct finding and entry point.
        let json = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "json"]).json
        let direct = (json?["findings"] as? [Any])?.count ?? -1
        let entries = (json?["entryPoints"] as? [Any])?.count ?? -1
        #expect(results.count == direct + entries)
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["accessgraphFindingId/v1"] }
        #expect(fingerprints.count == results.count)
        #expect(Set(fingerprints).count == fingerprints.count, "fingerprints are unique")

        // The public bucket points at its bucket policy file, the statement's line and JSON path.
        let publicAssets = try #require(results.first {
            ($0["properties"] as? [String: Any])?["resource"] as? String == "arn:aws:s3:::acme-public-assets" && $0["ruleId"] as? String == "public-access"
        })
        #expect(publicAssets["level"] as? String == "error")
        let location = ((publicAssets["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(uri == CLIRunner.sample + "/accounts/222222222222/s3/acme-public-assets/get-bucket-policy.json")
        #expect(((location?["region"] as? [String: Any])?["message"] as? [String: Any])?["text"] as? String == "$.Statement[0]")
        #expect((publicAssets["message"] as? [String: Any])?["text"] as? String ?? "" ~= "PublicRead")

        // An entry point points at the trust policy in the account's authorization details.
        let entry = try #require(results.first { $0["ruleId"] as? String == "cross-account-entry-point" })
        let paths = (entry["properties"] as? [String: Any])?["jsonPaths"] as? [String] ?? []
        #expect(paths.first?.hasPrefix("$.RoleDetailList[?(@.Arn=='arn:aws:iam::") == true)
        #expect(paths.first?.contains("AssumeRolePolicyDocument.Statement[") == true)
    }

    @Test func fingerprintsAreStableAcrossRuns() throws {
        let a = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "sarif"])
        let b = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "--format", "sarif"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test func outputOnlyWithSarif() throws {
        let r = try CLIRunner.run(["findings", CLIRunner.sample, "--no-index", "-o", "/tmp/x.sarif"])
        #expect(r.status == 2)
    }
}

/// `text ~= needle`: the text contains the needle.
func ~= (text: String, needle: String) -> Bool { text.contains(needle) }
