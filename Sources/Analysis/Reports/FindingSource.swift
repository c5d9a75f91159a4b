import Foundation
import Graph
import Policy
import SnapshotLayout

/// Where the policy that grants a finding is: the snapshot file, the statements that grant it
/// (found by the evaluator), their JSON paths and the line to point at.
public struct FindingSource: Sendable, Hashable, Codable {
    /// The file, relative to the snapshot's root (`accounts/2222.../s3/bucket/get-bucket-policy.json`); nil when unknown.
    public var file: String?
    /// The granting statements: `$.Statement[0]` of the resource policy, or for a role
    /// `$.RoleDetailList[?(@.Arn=='…')].AssumeRolePolicyDocument.Statement[0]`; empty when no
    /// statement grants (an S3 ACL).
    public var jsonPaths: [String]
    /// The statements' Sids, where they have one.
    public var sids: [String]
    /// The 1-based line of the file to point at (the first granting statement's Sid, or the role), else 1.
    public var line: Int
}

/// Finds the source of findings in one access model.
public struct FindingSourceLocator: Sendable {
    let model: AccessModel

    public init(model: AccessModel) { self.model = model }

    /// The source of `principal`'s access to `resource`: the statements granting the first of `actions` that some statement grants.
    public func source(resource arn: String, principal: String, actions: [String]) -> FindingSource {
        guard let entry = model.resources[arn] else { return FindingSource(file: nil, jsonPaths: [], sids: [], line: 1) }
        let file = entry.isRole ? roleFile(account: entry.account) : resourceFile(arn, account: entry.account)
        var indices: [Int] = []
        if let policy = entry.policy {
            for action in actions where indices.isEmpty {
                indices = grantingStatements(policy, entry: entry, principal: principal, action: action)
            }
        }
        let statements = indices.compactMap { i in entry.policy?.document.statements.first { $0.index == i } }
        let base = entry.isRole ? "$.RoleDetailList[?(@.Arn=='\(arn)')].AssumeRolePolicyDocument" : "$"
        let paths = statements.map { "\(base).Statement[\($0.index)]" }
        let sids = statements.compactMap(\.sid)
        return FindingSource(file: file, jsonPaths: paths, sids: sids, line: line(in: file, sid: sids.first, arn: entry.isRole ? arn : nil))
    }

    /// The Allow statements of the resource's policy the evaluator matches for the principal and action.
    func grantingStatements(_ policy: NamedPolicy, entry: ResourceEntry, principal: String, action: String) -> [Int] {
        var askers: [RequestPrincipal] = RequestPrincipal.parse(principal).map { [$0] } ?? []
        askers.append(RequestPrincipal(kind: .federated, id: principal))
        let set = PolicySet(identityAssumedToAllow: true, resourcePolicy: policy, resourcePolicyRequired: entry.policyRequired)
        for asker in askers {
            var found: [Int] = []
            for target in entry.targets {
                let request = Request(
                    principal: asker, action: action, resource: target, resourceAccount: entry.account,
                    context: ConditionContext(missingKeys: .unknown))
                for t in Evaluator().evaluate(request, set, explain: true).trace
                where t.policyType == .resource && t.effect == .allow && t.outcome != .no && !found.contains(t.statementIndex) {
                    found.append(t.statementIndex)
                }
            }
            if !found.isEmpty { return found.sorted() }
        }
        return []
    }

    func resourceFile(_ arn: String, account: String) -> String? {
        guard let file = model.snapshot.accounts[account]?.resources.first(where: { $0.arn == arn })?.sourceFile else { return nil }
        return relative(file)
    }

    func roleFile(account: String) -> String {
        SnapshotLayout.path(
            of: .getAccountAuthorizationDetails, in: SnapshotLayout.serviceDirectory(account: account, region: nil, service: .iam))
    }

    func relative(_ file: String) -> String {
        let root = model.snapshot.root.hasSuffix("/") ? model.snapshot.root : model.snapshot.root + "/"
        return file.hasPrefix(root) ? String(file.dropFirst(root.count)) : file
    }

    /// The line of the Sid (or the role ARN) in the file, else 1.
    func line(in file: String?, sid: String?, arn: String?) -> Int {
        guard let file, let needle = sid ?? arn,
            let data = FileManager.default.contents(atPath: model.snapshot.root + "/" + file)
        else { return 1 }
        let text = String(decoding: data, as: UTF8.self)
        guard let range = text.range(of: needle) else { return 1 }
        return text[..<range.lowerBound].reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
    }
}
