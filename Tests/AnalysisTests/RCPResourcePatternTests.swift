import Foundation
@testable import Graph
import Policy
import Snapshot
import Testing
@testable import Analysis

/// An RCP statement whose Resource names some resources of an account tells them apart from the
/// account's other resources (Organizations, "RCP syntax": `Resource` is any ARN pattern), so the
/// shortcuts that answer a resource from an alike one (`AccessMemo`, `PlanClassing`) must not
/// share answers across it. The sample organization's RCP is rewritten to deny everything on one
/// of two buckets that nothing else tells apart (same account, no bucket policy); every
/// principal's answers must equal `access(of:to:)` whatever the order of asking.
@Suite struct RCPResourcePatternTests {
    static func rcp(denying bucket: String) -> String {
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
          {"Sid": "ProtectOne", "Effect": "Deny", "Principal": "*", "Action": "*",
           "Resource": ["\(bucket)", "\(bucket)/*"]}]}
        """
    }

    /// acme-org with an RCP denying everything on `bucket` in place of RCPFullAWSAccess.
    static func snapshot(denying bucket: String) throws -> String {
        let root = NSTemporaryDirectory() + "ag-rcp-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: DifferentialSnapshot.repository.appendingPathComponent("samples/acme-org").path, toPath: root)
        let file = root + "/organization/policies/p-RCPFullAWSAccess/describe-policy.json"
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var policy = try #require(json["Policy"] as? [String: Any])
        policy["Content"] = rcp(denying: bucket)
        json["Policy"] = policy
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        return root
    }

    @Test func memoAndClassesTellApartResourcesAnRCPNames() async throws {
        // acme-logs has no bucket policy; its twin acme-logs-twin (same ACL and settings) differs
        // from it only by the RCP's Resource.
        let root = try Self.snapshot(denying: "arn:aws:s3:::acme-logs")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let s3 = root + "/accounts/222222222222/s3/"
        try FileManager.default.copyItem(atPath: s3 + "acme-logs", toPath: s3 + "acme-logs-twin")
        let m = try await AnalysisSession.open(root)
        let denied = try #require(m.resources["arn:aws:s3:::acme-logs"]), other = try #require(m.resources["arn:aws:s3:::acme-logs-twin"])
        #expect(denied.policy == nil && other.policy == nil)
        let admin = try #require(m.principals["arn:aws:iam::222222222222:role/BreakGlass"])
        // The engine: the RCP's Deny takes every action away on the named resource only.
        #expect(m.access(of: admin, to: denied) == nil)
        #expect(m.access(of: admin, to: other) != nil)
        // The memo, asked in both orders.
        for principal in m.principalOrder.compactMap({ m.principals[$0] }) {
            for order in [[denied, other], [other, denied]] {
                let memo = AccessMemo()
                for r in order { #expect(m.access(of: principal, to: r, memo: memo) == m.access(of: principal, to: r), "\(principal.id) on \(r.arn)") }
            }
        }
        // The classes of resources, each group alone and every group at once.
        try DifferentialTests.checkClasses(of: m, label: "acme-org with an RCP on one bucket", shared: false)
        try DifferentialTests.checkClasses(of: m, label: "acme-org with an RCP on one bucket", shared: true)
    }

    /// The same for role assumption: two roles with one trust policy share their callers' answers
    /// (`TrustGroupKey`) unless an RCP statement names roles, as one here denies assuming one of them.
    @Test func assumeEdgesTellApartRolesAnRCPNames() async throws {
        let root = try Self.snapshot(denying: "arn:aws:iam::222222222222:role/BreakGlass")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/accounts/222222222222/iam/get-account-authorization-details.json"
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var roles = try #require(json["RoleDetailList"] as? [[String: Any]])
        var twin = try #require(roles.first { $0["RoleName"] as? String == "BreakGlass" })
        twin["RoleName"] = "BreakGlassTwin"
        twin["Arn"] = "arn:aws:iam::222222222222:role/BreakGlassTwin"
        twin["RoleId"] = "AROATWINTWINTWINTWIN"
        roles.insert(twin, at: 0)
        json["RoleDetailList"] = roles
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        let m = try await AnalysisSession.open(root)
        let cache = AssumeEdgeCache()
        for arn in ["arn:aws:iam::222222222222:role/BreakGlassTwin", "arn:aws:iam::222222222222:role/BreakGlass"] {
            let role = try #require(m.resources[arn])
            let callers = Set(m.edges(into: arn, cache: cache).map(\.from))
            let expected = Set(m.principalOrder.compactMap { m.principals[$0] }.filter { $0.id != arn && m.access(of: $0, to: role) != nil }.map(\.id))
            #expect(callers == expected, "\(arn)")
            if arn.hasSuffix("Twin") { #expect(!callers.isEmpty) } else { #expect(callers.isEmpty) }
        }
    }
}
