import Foundation
import Testing

/// `simulate` and `can` as a user runs them: explanations, exit codes and input errors.
@Suite struct SimulateCLITests {
    let alice = "arn:aws:iam::111111111111:user/alice"
    let object = "arn:aws:s3:::bucket-a/data.csv"

    func policy(_ statements: [[String: Any]]) -> [String: Any] { ["Version": "2012-10-17", "Statement": statements] }

    /// Writes `json` to `name` in `dir` and returns its path.
    func write(_ json: Any, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try CLIRunner.write(json, to: url)
        return url.path
    }

    func decisiveStatements(_ json: [String: Any]?) -> [[String: Any]] {
        let groups = json?["explanation"] as? [[String: Any]] ?? []
        return groups.flatMap { ($0["statements"] as? [[String: Any]] ?? []).filter { $0["decisive"] as? Bool == true } }
    }

    @Test func explainNamesTheDecidingDenyInAnSCPLevel() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let identity = try write(policy([["Sid": "ReadAll", "Effect": "Allow", "Action": "s3:*", "Resource": "*"]]), "identity.json", in: dir)
        let root = try write([policy([["Effect": "Allow", "Action": "*", "Resource": "*"]])], "root.json", in: dir)
        let ou = try write(
            [policy([["Effect": "Allow", "Action": "*", "Resource": "*"]]),
             policy([["Sid": "NoDeletes", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*",
                      "Condition": ["ArnNotLike": ["aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"]]]])],
            "ou.json", in: dir)
        let r = try CLIRunner.run([
            "simulate", "--principal", alice, "--action", "s3:DeleteObject", "--resource", object,
            "--identity-policy", identity, "--scp", root, "--scp", ou, "--format", "json",
        ])
        #expect(r.status == 0)
        let json = r.json
        #expect(json?["decision"] as? String == "explicitly_denied")
        #expect(json?["rule"] as? String == "explicit deny")
        let deciding = decisiveStatements(json)
        #expect(deciding.count == 1)
        #expect(deciding.first?["statement"] as? String == "NoDeletes")
        #expect(deciding.first?["file"] as? String == ou)
        #expect(deciding.first?["policyIndex"] as? Int == 1)
        #expect(deciding.first?["policy"] as? String == "\(ou)[1]")
        let conditions = deciding.first?["conditions"] as? [[String: Any]] ?? []
        #expect(conditions.first?["operator"] as? String == "ArnNotLike")
        #expect(conditions.first?["result"] as? String == "yes")
        let groups = json?["explanation"] as? [[String: Any]] ?? []
        #expect(groups.map { $0["label"] as? String ?? "" } == ["SCP level 0", "SCP level 1", "identity policy"])
        #expect(groups[1]["decisive"] as? Bool == true)

        let text = try CLIRunner.run([
            "simulate", "--principal", alice, "--action", "s3:DeleteObject", "--resource", object,
            "--identity-policy", identity, "--scp", root, "--scp", ou, "--explain",
        ])
        #expect(text.stdout.contains("EXPLICITLY_DENIED"))
        #expect(text.stdout.contains("Deny NoDeletes in \(ou)[1]"))
        #expect(text.stdout.contains("ArnNotLike aws:PrincipalArn"))
    }

    @Test func explainNamesTheAllowAndTheLevelWithoutAllow() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let identity = try write(policy([["Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"]]), "id.json", in: dir)
        var r = try CLIRunner.run(["simulate", "--principal", alice, "--action", "s3:GetObject", "--resource", object, "--identity-policy", identity, "--format", "json"])
        #expect(r.json?["decision"] as? String == "allowed")
        #expect(decisiveStatements(r.json).map { $0["statement"] as? String } == ["Read"])
        #expect(decisiveStatements(r.json).first?["file"] as? String == identity)

        let empty = try write([Any](), "empty-level.json", in: dir)
        r = try CLIRunner.run(["simulate", "--principal", alice, "--action", "s3:GetObject", "--resource", object, "--identity-policy", identity, "--scp", empty, "--format", "json"])
        #expect(r.json?["decision"] as? String == "implicitly_denied")
        #expect(r.json?["rule"] as? String == "a level of SCPs has no allow")
        let groups = r.json?["explanation"] as? [[String: Any]] ?? []
        #expect(groups.first { $0["decisive"] as? Bool == true }?["label"] as? String == "SCP level 0")

        r = try CLIRunner.run(["simulate", "--principal", alice, "--action", "s3:GetObject", "--resource", object, "--resource-account", "222222222222", "--identity-policy", identity, "--format", "json"])
        #expect(r.json?["decision"] as? String == "implicitly_denied")
        let cross = r.json?["explanation"] as? [[String: Any]] ?? []
        #expect(cross.first { $0["decisive"] as? Bool == true }?["policyType"] as? String == "resource")
    }

    @Test func expectSetsTheExitCode() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let identity = try write(policy([["Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"]]), "id.json", in: dir)
        let base = ["simulate", "--principal", alice, "--action", "s3:GetObject", "--resource", object, "--identity-policy", identity]
        #expect(try CLIRunner.run(base + ["--expect", "allowed"]).status == 0)
        #expect(try CLIRunner.run(base + ["--expect", "denied"]).status == 1)
        let denied = ["simulate", "--principal", alice, "--action", "s3:PutObject", "--resource", object, "--identity-policy", identity]
        #expect(try CLIRunner.run(denied + ["--expect", "denied"]).status == 0)
        #expect(try CLIRunner.run(denied + ["--expect", "allowed"]).status == 1)
        #expect(try CLIRunner.run(denied).status == 0)
    }

    @Test func malformedPolicyFileNamesTheFileAndJSONPath() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try write([policy([["Effect": "Allow", "Action": "s3:*", "Resource": "*"]]), policy([["Effect": "Maybe", "Action": "s3:*", "Resource": "*"]])], "bad.json", in: dir)
        let r = try CLIRunner.run(["simulate", "--principal", alice, "--action", "s3:GetObject", "--resource", object, "--identity-policy", bad])
        #expect(r.status == 2)
        #expect(r.stderr.contains(bad))
        #expect(r.stderr.contains("$[1].Statement[0]"))

        let notJSON = dir.appendingPathComponent("broken.json")
        try Data("{\"Version\": ".utf8).write(to: notJSON)
        let r2 = try CLIRunner.run(["simulate", "--principal", alice, "--action", "s3:GetObject", "--scp", notJSON.path])
        #expect(r2.status == 2)
        #expect(r2.stderr.contains(notJSON.path))

        let missing = dir.appendingPathComponent("nope.json").path
        let r3 = try CLIRunner.run(["simulate", "--principal", alice, "--action", "s3:GetObject", "--resource-policy", missing])
        #expect(r3.status == 2)
        #expect(r3.stderr.contains(missing))
    }

    /// A bare ARN as `Principal` is read as `{"AWS": ARN}` with a warning naming the file and the
    /// JSON path, not refused (AWS itself takes only "*" in that form: reference_policies_elements_principal.html).
    @Test func bareARNPrincipalIsReadAsAWSWithAWarning() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bob = "arn:aws:iam::111122223333:user/bob"
        let identity = try write(policy([["Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"]]), "identity.json", in: dir)
        let bucket = try write(
            policy([["Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket-a/*"]]),
            "bucket.json", in: dir)
        let r = try CLIRunner.run([
            "simulate", "--principal", bob, "--action", "s3:GetObject", "--resource", object, "--resource-account", "111111111111",
            "--identity-policy", identity, "--resource-policy", bucket, "--format", "json",
        ])
        #expect(r.status == 0)
        #expect(r.json?["decision"] as? String == "allowed")
        #expect(r.stderr.contains("warning: \(bucket): $.Statement[0].Principal: a principal must be \"*\" or an object"))
        #expect(r.stderr.contains(#"read as {"AWS": "arn:aws:iam::111122223333:root"}"#))

        // The same inside an array of documents, in NotPrincipal, and for an account id.
        let rcps = try write(
            [policy([["Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"]]),
             policy([["Effect": "Deny", "NotPrincipal": "111111111111", "Action": "s3:*", "Resource": "*"]])],
            "rcps.json", in: dir)
        let denied = try CLIRunner.run([
            "simulate", "--principal", bob, "--action", "s3:GetObject", "--resource", object, "--resource-account", "111111111111",
            "--identity-policy", identity, "--resource-policy", bucket, "--rcp", rcps,
        ])
        #expect(denied.status == 0)
        #expect(denied.stdout.hasPrefix("EXPLICITLY_DENIED"))
        #expect(denied.stderr.contains("warning: \(rcps): $[1].Statement[0].NotPrincipal: "))

        // A string that is neither an ARN nor an account id is still refused.
        let service = try write(policy([["Effect": "Allow", "Principal": "lambda.amazonaws.com", "Action": "s3:GetObject", "Resource": "*"]]), "service.json", in: dir)
        let refused = try CLIRunner.run(["simulate", "--principal", bob, "--action", "s3:GetObject", "--resource", object, "--resource-policy", service])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(service): $.Statement[0].Principal: a principal must be"))
    }

    @Test func badRequestInputExitsWithTwo() throws {
        #expect(try CLIRunner.run(["simulate", "--principal", "alice", "--action", "s3:GetObject"]).status == 2)
        #expect(try CLIRunner.run(["simulate", "--principal", alice, "--action", "GetObject"]).status == 2)
        #expect(try CLIRunner.run(["simulate", "--principal", alice, "--action", "s3:GetObject", "--context", "novalue"]).status == 2)
        #expect(try CLIRunner.run(["simulate", "--principal", alice]).status == 2)
    }

    @Test func repeatedContextKeyIsMultiValued() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let identity = try write(policy([["Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
                                          "Condition": ["ForAllValues:StringEquals": ["aws:TagKeys": ["team", "cost"]]]]]), "id.json", in: dir)
        let base = ["simulate", "--principal", alice, "--action", "ec2:CreateTags", "--identity-policy", identity, "--format", "json"]
        #expect(try CLIRunner.run(base + ["--context", "aws:TagKeys=team", "--context", "aws:TagKeys=cost"]).json?["decision"] as? String == "allowed")
        #expect(try CLIRunner.run(base + ["--context", "aws:TagKeys=team", "--context", "aws:TagKeys=admin"]).json?["decision"] as? String == "implicitly_denied")
    }

    var sample: String { CLIRunner.root.appendingPathComponent("samples/acme-org").path }

    /// `--explain` says which rule no policy changes settled the decision
    /// (API_GetCallerIdentity.html; using-service-linked-roles.html).
    @Test func explainNamesTheRulesNoPolicyChanges() throws {
        let dir = try CLIRunner.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let denyAll = try write(policy([["Effect": "Allow", "Action": "*", "Resource": "*"], ["Effect": "Deny", "Action": "sts:*", "Resource": "*"]]), "deny.json", in: dir)
        var r = try CLIRunner.run(["simulate", "--principal", alice, "--action", "sts:GetCallerIdentity", "--identity-policy", denyAll, "--explain"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("ALLOWED"))
        #expect(r.stdout.contains("rule: the action needs no permission and no policy can deny it"))
        let slr = "arn:aws:iam::111111111111:role/aws-service-role/ops.amazonaws.com/AWSServiceRoleForOps"
        r = try CLIRunner.run(["simulate", "--principal", alice, "--action", "iam:PutRolePolicy", "--resource", slr, "--identity-policy", denyAll, "--format", "json"])
        #expect(r.json?["decision"] as? String == "implicitly_denied")
        #expect(r.json?["rule"] as? String == "AWS owns the resource: no policy lets a customer change it")
        #expect(decisiveStatements(r.json).isEmpty)
    }

    @Test func canPayrollAppReadPayroll() throws {
        let r = try CLIRunner.run(["can", sample, "arn:aws:iam::222222222222:role/PayrollApp", "s3:GetObject", "arn:aws:s3:::acme-payroll/x.csv", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.json?["decision"] as? String == "allowed")
        let session = try CLIRunner.run(["can", sample, "arn:aws:sts::222222222222:assumed-role/PayrollApp/batch", "s3:GetObject", "arn:aws:s3:::acme-payroll/x.csv", "--format", "json"])
        #expect(session.json?["decision"] as? String == "allowed")
    }

    @Test func canBobDeleteIsDeniedByTheProdSCP() throws {
        let r = try CLIRunner.run(["can", sample, "arn:aws:iam::222222222222:user/bob", "s3:DeleteObject", "arn:aws:s3:::acme-payroll/x", "--format", "json", "--explain"])
        #expect(r.status == 0)
        #expect(r.json?["decision"] as? String == "explicitly_denied")
        let deciding = decisiveStatements(r.json)
        #expect(deciding.map { $0["policy"] as? String } == ["ProdDenyObjectDeletion"])
        let text = try CLIRunner.run(["can", sample, "arn:aws:iam::222222222222:user/bob", "s3:DeleteObject", "arn:aws:s3:::acme-payroll/x"])
        #expect(text.stdout.hasPrefix("EXPLICITLY_DENIED"))
    }

    @Test func canUnknownPrincipalExitsWithTwo() throws {
        let r = try CLIRunner.run(["can", sample, "arn:aws:iam::222222222222:user/nobody", "s3:GetObject", "arn:aws:s3:::acme-payroll/x"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("not in the snapshot"))
    }
}
