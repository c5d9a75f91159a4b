import Foundation
import Testing

/// `accessgraph diff` end to end on snapshot pairs built from samples/acme-org in a temp dir: a
/// bucket made public, a trust widened to another account, a role's policy that gained s3:*, a
/// bucket grant that gained an action, and a finding resolved.
@Suite struct DiffCommandTests {
    static let account = "accounts/222222222222"

    /// A copy of the sample with the changes applied; returns (old, new) paths.
    static func pair() throws -> (String, String) {
        let dir = try CLIRunner.tempDir()
        let old = dir.appendingPathComponent("old")
        let new = dir.appendingPathComponent("new")
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: old.path)
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: new.path)
        // A bucket made public.
        try editBucketPolicy(new, "acme-shared-reports") { statements in
            statements.append(["Sid": "Everyone", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                               "Resource": "arn:aws:s3:::acme-shared-reports/*"])
        }
        // A grant that only gained an action.
        try editBucketPolicy(new, "acme-vendor-exchange") { statements in
            var s = statements[0] as! [String: Any]
            s["Action"] = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject"]
            statements[0] = s
        }
        // A finding resolved: the public assets bucket loses its policy.
        try FileManager.default.removeItem(at: new.appendingPathComponent("\(account)/s3/acme-public-assets/get-bucket-policy.json"))
        // A trust widened to another account, and the role's policy gaining s3:*.
        let details = new.appendingPathComponent("\(account)/iam/get-account-authorization-details.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: details)) as! [String: Any]
        var roles = json["RoleDetailList"] as! [[String: Any]]
        let i = roles.firstIndex { ($0["RoleName"] as? String) == "VendorAuditRole" }!
        var trust = roles[i]["AssumeRolePolicyDocument"] as! [String: Any]
        var statements = trust["Statement"] as! [Any]
        statements.append(["Effect": "Allow", "Principal": ["AWS": "arn:aws:iam::888888888888:root"], "Action": "sts:AssumeRole"])
        trust["Statement"] = statements
        roles[i]["AssumeRolePolicyDocument"] = trust
        roles[i]["RolePolicyList"] = [["PolicyName": "everything-s3", "PolicyDocument": [
            "Version": "2012-10-17", "Statement": [["Effect": "Allow", "Action": "s3:*", "Resource": "*"]]]]]
        json["RoleDetailList"] = roles
        try JSONSerialization.data(withJSONObject: json).write(to: details)
        return (old.path, new.path)
    }

    static func editBucketPolicy(_ root: URL, _ bucket: String, _ edit: (inout [Any]) -> Void) throws {
        let file = root.appendingPathComponent("\(account)/s3/\(bucket)/get-bucket-policy.json")
        let wrapper = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        var policy = try JSONSerialization.jsonObject(with: Data((wrapper["Policy"] as! String).utf8)) as! [String: Any]
        var statements = policy["Statement"] as! [Any]
        edit(&statements)
        policy["Statement"] = statements
        let text = String(decoding: try JSONSerialization.data(withJSONObject: policy), as: UTF8.self)
        try JSONSerialization.data(withJSONObject: ["Policy": text]).write(to: file)
    }

    @Test func newChangedAndResolvedAreFound() throws {
        let (old, new) = try Self.pair()
        let r = try CLIRunner.run(["diff", old, new, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(r.json)
        let added = json["new"] as? [[String: Any]] ?? []
        let resolved = json["resolved"] as? [[String: Any]] ?? []
        let changed = json["changed"] as? [[String: Any]] ?? []
        func has(_ items: [[String: Any]], _ resource: String, _ principal: String, kind: String = "finding") -> Bool {
            items.contains { $0["resource"] as? String == resource && $0["principal"] as? String == principal && $0["kind"] as? String == kind }
        }
        #expect(has(added, "arn:aws:s3:::acme-shared-reports", "*"), "the bucket made public")
        #expect(added.first?["isPublic"] as? Bool == true, "public first")
        #expect(has(added, "arn:aws:iam::222222222222:role/VendorAuditRole", "arn:aws:iam::888888888888:root"), "the widened trust")
        #expect(has(added, "arn:aws:iam::222222222222:role/VendorAuditRole", "arn:aws:iam::888888888888:root", kind: "entryPoint"))
        #expect(has(resolved, "arn:aws:s3:::acme-public-assets", "*"), "the finding resolved")
        let exchange = changed.first { ($0["new"] as? [String: Any])?["resource"] as? String == "arn:aws:s3:::acme-vendor-exchange" }
        #expect(exchange?["addedActions"] as? [String] == ["s3:DeleteObject"], "gained an action: changed, not new")
        #expect(!has(added, "arn:aws:s3:::acme-vendor-exchange", "arn:aws:iam::999999999999:root"))
        let vendorEntry = changed.first {
            let n = $0["new"] as? [String: Any]
            return n?["kind"] as? String == "entryPoint" && n?["resource"] as? String == "arn:aws:iam::222222222222:role/VendorAuditRole"
        }
        let reachesBefore = ((vendorEntry?["old"] as? [String: Any])?["reaches"] as? Int) ?? 0
        let reachesAfter = ((vendorEntry?["new"] as? [String: Any])?["reaches"] as? Int) ?? 0
        #expect(reachesAfter > reachesBefore, "the role that gained s3:* reaches more buckets")
    }

    @Test func failOnGatesAndFormats() throws {
        let (old, new) = try Self.pair()
        #expect(try CLIRunner.run(["diff", old, new, "--fail-on", "new-public"]).status == 1)
        #expect(try CLIRunner.run(["diff", old, new, "--fail-on", "any"]).status == 1)
        #expect(try CLIRunner.run(["diff", old, old, "--fail-on", "any"]).status == 0)
        #expect(try CLIRunner.run(["diff", new, old, "--fail-on", "new-public"]).status == 1, "the public assets bucket is new seen backwards")
        let md = try CLIRunner.run(["diff", old, new, "--format", "markdown"])
        #expect(md.stdout.contains("#### New ("))
        #expect(md.stdout.contains("| finding | `arn:aws:s3:::acme-shared-reports` | `*` | **yes** |"))
        #expect(md.stdout.contains("#### Resolved ("))
        let text = try CLIRunner.run(["diff", old, new])
        #expect(text.stdout.contains("gained s3:DeleteObject"))
        #expect(try CLIRunner.run(["diff", old, "/nonexistent/snapshot"]).status == 2)
        #expect(try CLIRunner.run(["diff", old, new, "--fail-on", "sometimes"]).status == 2)
    }
}
