import Foundation
import Snapshot
@testable import Graph

/// A one-account snapshot for escalation tests, written as the AWS CLI prints it
/// (get-account-authorization-details, lambda get-function) and loaded through the importer.
struct EscalationFixture {
    static let account = "123456789012"

    /// An identity-policy statement: effect, actions and resources.
    struct Allow {
        var actions: [String]
        var resources: [String]
        var effect = "Allow"
        var condition: [String: [String: String]]? = nil

        init(_ actions: [String], on resources: [String] = ["*"], effect: String = "Allow", condition: [String: [String: String]]? = nil) {
            self.actions = actions
            self.resources = resources
            self.effect = effect
            self.condition = condition
        }

        var json: [String: Any] {
            var s: [String: Any] = ["Effect": effect, "Action": actions, "Resource": resources]
            if let condition { s["Condition"] = condition }
            return s
        }
    }

    struct UserSpec {
        var name: String
        var statements: [Allow] = []
        var groups: [String] = []
        var managed: [String] = []
    }

    struct RoleSpec {
        var name: String
        var statements: [Allow] = []
        /// Service principals the trust policy lets in.
        var trustedServices: [String] = []
        /// AWS principals (ARNs) the trust policy lets in.
        var trustedPrincipals: [String] = []
        var instanceProfile = false
        var managed: [String] = []
    }

    struct GroupSpec {
        var name: String
        var statements: [Allow] = []
        var managed: [String] = []
    }

    struct PolicySpec {
        var name: String
        /// Version documents; the first is the default.
        var versions: [[Allow]]
    }

    var users: [UserSpec] = []
    var roles: [RoleSpec] = []
    var groups: [GroupSpec] = []
    var policies: [PolicySpec] = []
    /// Lambda functions: name -> execution role name.
    var functions: [String: String] = [:]

    static func arn(_ short: String) -> String { "arn:aws:iam::\(account):\(short)" }

    static func document(_ statements: [Allow]) -> [String: Any] {
        ["Version": "2012-10-17", "Statement": statements.map(\.json)]
    }

    func gaad() -> [String: Any] {
        let a = Self.account
        func attached(_ names: [String]) -> [[String: Any]] {
            names.map { ["PolicyName": $0, "PolicyArn": "arn:aws:iam::\(a):policy/\($0)"] }
        }
        let userList: [[String: Any]] = users.map { u in
            [
                "UserName": u.name, "Arn": "arn:aws:iam::\(a):user/\(u.name)", "Path": "/", "GroupList": u.groups,
                "UserPolicyList": u.statements.isEmpty ? [] : [["PolicyName": "inline", "PolicyDocument": Self.document(u.statements)]],
                "AttachedManagedPolicies": attached(u.managed),
            ]
        }
        let groupList: [[String: Any]] = groups.map { g in
            [
                "GroupName": g.name, "Arn": "arn:aws:iam::\(a):group/\(g.name)", "Path": "/",
                "GroupPolicyList": g.statements.isEmpty ? [] : [["PolicyName": "inline", "PolicyDocument": Self.document(g.statements)]],
                "AttachedManagedPolicies": attached(g.managed),
            ]
        }
        let roleList: [[String: Any]] = roles.map { r in
            var principal: [String: Any] = [:]
            if !r.trustedServices.isEmpty { principal["Service"] = r.trustedServices }
            if !r.trustedPrincipals.isEmpty { principal["AWS"] = r.trustedPrincipals }
            let trust: [String: Any] = [
                "Version": "2012-10-17",
                "Statement": principal.isEmpty ? [] : [["Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"]],
            ]
            let profiles: [[String: Any]] = r.instanceProfile
                ? [["InstanceProfileName": r.name, "Arn": "arn:aws:iam::\(a):instance-profile/\(r.name)", "Path": "/", "Roles": []]] : []
            return [
                "RoleName": r.name, "Arn": "arn:aws:iam::\(a):role/\(r.name)", "Path": "/", "AssumeRolePolicyDocument": trust,
                "RolePolicyList": r.statements.isEmpty ? [] : [["PolicyName": "inline", "PolicyDocument": Self.document(r.statements)]],
                "AttachedManagedPolicies": attached(r.managed), "InstanceProfileList": profiles, "Tags": [],
            ]
        }
        let policyList: [[String: Any]] = policies.map { p in
            [
                "PolicyName": p.name, "Arn": "arn:aws:iam::\(a):policy/\(p.name)", "Path": "/", "DefaultVersionId": "v1",
                "PolicyVersionList": p.versions.enumerated().map { i, v in
                    ["VersionId": "v\(i + 1)", "IsDefaultVersion": i == 0, "Document": Self.document(v)] as [String: Any]
                },
            ]
        }
        return ["UserDetailList": userList, "GroupDetailList": groupList, "RoleDetailList": roleList, "Policies": policyList]
    }

    /// The model of the fixture's snapshot.
    func model() async throws -> AccessModel {
        let root = NSTemporaryDirectory() + "ag-esc-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        func write(_ relative: String, _ object: [String: Any]) throws {
            let path = root + "/accounts/\(Self.account)/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        }
        try write("iam/get-account-authorization-details.json", gaad())
        for (name, role) in functions {
            try write("us-east-1/lambda/\(name)/get-function.json", [
                "Configuration": [
                    "FunctionName": name, "FunctionArn": "arn:aws:lambda:us-east-1:\(Self.account):function:\(name)",
                    "Role": "arn:aws:iam::\(Self.account):role/\(role)", "Runtime": "python3.12",
                ]
            ])
        }
        // Escalation requests name their actions literally: the catalog (slow to load once per test) is not needed.
        return AccessModel(snapshot: try await SnapshotLoader().load(root), vocabulary: LiteralActionVocabulary(policies: []))
    }

    /// The escalation edges into `target` (or its self-grants), with every rule or without one.
    func edges(into target: String, except technique: String? = nil) async throws -> [EscalationEdge] {
        let model = try await model()
        let rules = technique.map { EscalationRules.all(except: $0) } ?? EscalationRules.all
        let escalation = Escalation(model: model, rules: rules)
        let arn = Self.arn(target)
        return escalation.edges(into: arn) + escalation.selfGrants(of: arn)
    }

    /// The techniques of the edges from `source` into `target`, with every rule; and the same
    /// without the rule of `technique` (which must then be missing).
    func techniques(from source: String, into target: String, without technique: String) async throws -> (with: [String], without: [String]) {
        let from = Self.arn(source)
        let with = try await edges(into: target).filter { $0.from == from }.map(\.technique.id)
        let without = try await edges(into: target, except: technique).filter { $0.from == from }.map(\.technique.id)
        return (with, without)
    }
}
