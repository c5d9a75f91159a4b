import Foundation
import Testing

/// `accessgraph check ...` end to end: verdicts, exit codes 0/1/2, statements named by file and JSON path.
@Suite struct CheckCommandTests {
    func policy(_ statements: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(#"{"Version": "2012-10-17", "Statement": [\#(statements)]}"#.utf8).write(to: url)
        return url.path
    }

    @Test func noNewAccessExitCodes() throws {
        let dir = try CLIRunner.tempDir()
        let old = try policy(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Sid": "Keep", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}"#, "old.json", in: dir)
        let same = try policy(#"{"Sid": "Keep", "Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}, {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#, "same.json", in: dir)
        let dropped = try policy(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#, "dropped.json", in: dir)
        let pass = try CLIRunner.run(["check", "no-new-access", "--reference", old, same])
        #expect(pass.status == 0)
        #expect(pass.stdout.hasPrefix("PASS no-new-access"))
        let fail = try CLIRunner.run(["check", "no-new-access", "--reference", old, dropped])
        #expect(fail.status == 1)
        #expect(fail.stdout.hasPrefix("FAIL no-new-access"))
        #expect(fail.stdout.contains("old.json $.Statement[1] (Sid \"Keep\")"))
        let json = try CLIRunner.run(["check", "no-new-access", "--reference", old, dropped, "--format", "json"])
        #expect(json.status == 1)
        #expect(json.json?["passed"] as? Bool == false)
        let problems = json.json?["problems"] as? [[String: Any]]
        #expect((problems?.first?["statement"] as? [String: Any])?["path"] as? String == "$.Statement[1]")
    }

    @Test func malformedPolicyExitsTwoNamingFileAndPath() throws {
        let dir = try CLIRunner.tempDir()
        let good = try policy(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}"#, "good.json", in: dir)
        let bad = try policy(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Maybe", "Action": "s3:*", "Resource": "*"}"#, "bad.json", in: dir)
        let r = try CLIRunner.run(["check", "no-new-access", "--reference", good, bad])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.json: $.Statement[1].Effect"))
        #expect(r.stdout.isEmpty)
        let missing = try CLIRunner.run(["check", "access-not-granted", "--actions", "s3:GetObject", dir.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        let usage = try CLIRunner.run(["check", "access-not-granted", good])
        #expect(usage.status == 2)
        let type = try CLIRunner.run(["check", "no-public-access", "--resource-type", "AWS::Nope::Thing", good])
        #expect(type.status == 2)
        #expect(type.stderr.contains("AWS::S3::Bucket"))
    }

    @Test func accessNotGrantedAndNoPublicAccess() throws {
        let dir = try CLIRunner.tempDir()
        let admin = try policy(#"{"Sid": "Admin", "Effect": "Allow", "Action": "*", "Resource": "*"}"#, "admin.json", in: dir)
        let r = try CLIRunner.run(["check", "access-not-granted", "--actions", "s3:DeleteBucket,iam:PassRole", admin])
        #expect(r.status == 1)
        #expect(r.stdout.contains("$.Statement[0] (Sid \"Admin\")"))
        #expect(r.stdout.contains("iam:PassRole") && r.stdout.contains("s3:DeleteBucket"))
        let readOnly = try policy(#"{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}"#, "ro.json", in: dir)
        #expect(try CLIRunner.run(["check", "access-not-granted", "--actions", "s3:DeleteBucket", "--actions", "iam:PassRole", readOnly]).status == 0)
        // The sample's public bucket, as the AWS CLI printed its policy ({"Policy": "..."}).
        let bucket = CLIRunner.root.appendingPathComponent("samples/acme-org/accounts/222222222222/s3/acme-public-assets/get-bucket-policy.json").path
        let pub = try CLIRunner.run(["check", "no-public-access", "--resource-type", "AWS::S3::Bucket", bucket])
        #expect(pub.status == 1)
        #expect(pub.stdout.contains("Sid \"PublicRead\""))
        #expect(try CLIRunner.run(["check", "no-public-access", "--resource-type", "AWS::S3::Bucket", readOnly]).status == 0)
    }
}
