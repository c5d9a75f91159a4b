import Policy
import SnapshotLayout

/// Policy documents built from sharing settings that are not policies (EBS snapshot
/// `createVolumePermission`, RDS snapshot `restore` attributes, KMS grants), so that the
/// evaluator treats them like any resource policy.
enum SyntheticPolicy {
    /// `{"Sid": sid, "Effect": "Allow", "Principal": principal, "Action": actions, "Resource": resource[, "Condition": conditions]}`.
    static func allow(sid: String, principal: JSONValue, actions: [String], resource: String, conditions: JSONValue? = nil) -> JSONValue {
        var members: [JSONObject.Member] = [
            .init(key: "Sid", value: .string(sid)),
            .init(key: "Effect", value: .string("Allow")),
            .init(key: "Principal", value: principal),
            .init(key: "Action", value: .array(actions.map(JSONValue.string))),
            .init(key: "Resource", value: .string(resource)),
        ]
        if let conditions { members.append(.init(key: "Condition", value: conditions)) }
        return .object(JSONObject(members))
    }

    /// `{"AWS": value}`.
    static func aws(_ value: String) -> JSONValue { .object(JSONObject([.init(key: "AWS", value: .string(value))])) }

    /// The root of `account`, as sharing with an account id means.
    static func accountRoot(_ account: String, partition: String = "aws") -> JSONValue { aws("arn:\(partition):iam::\(account):root") }

    /// A policy document holding `statements`.
    static func document(_ statements: [JSONValue]) -> JSONValue {
        .object(JSONObject([
            .init(key: "Version", value: .string("2012-10-17")),
            .init(key: "Statement", value: .array(statements)),
        ]))
    }

    /// A shared resource (snapshot): its owner account may use it through IAM policies
    /// (`ownerActions`), and each share adds an Allow of `sharedActions` to the account or
    /// to everyone. Parsed as the resource's policy; `file` names the attribute file.
    static func sharing(
        owner: String, arn: String, ownerActions: [String], sharedActions: [String], publicShare: Bool, accounts: [String],
        file: String, name: String, warnings: inout [SnapshotWarning]
    ) -> NamedPolicy? {
        var statements = [allow(sid: "owner account", principal: accountRoot(owner), actions: ownerActions, resource: arn)]
        if publicShare {
            statements.append(allow(sid: "shared with all", principal: .string("*"), actions: sharedActions, resource: arn))
        }
        for account in accounts where account != owner {
            statements.append(allow(sid: "shared with \(account)", principal: accountRoot(account), actions: sharedActions, resource: arn))
        }
        return PolicyText.parse(document(statements), file: file, path: .root, name: name, warnings: &warnings)
    }
}

extension ResourceFolder {
    /// The text at `key` of `json`, or a warning naming `path` when it is there but not a string.
    func string(_ json: JSONValue?, _ key: String, path: JSONPath, file: LayoutFile, warnings: inout [SnapshotWarning]) -> String? {
        guard let value = json?[key], value != .null else { return nil }
        guard let text = value.stringValue else {
            warnings.append(SnapshotWarning(
                file: self.file(file), jsonPath: path.appending(key).description, message: "expected a string, found \(value.typeName)"))
            return nil
        }
        return text
    }

    /// The array at `key` of `json`; a warning when it is there but not an array.
    func array(_ json: JSONValue?, _ key: String, path: JSONPath, file: LayoutFile, warnings: inout [SnapshotWarning]) -> [JSONValue] {
        guard let value = json?[key], value != .null else { return [] }
        guard let items = value.arrayValue else {
            warnings.append(SnapshotWarning(
                file: self.file(file), jsonPath: path.appending(key).description, message: "expected an array, found \(value.typeName)"))
            return []
        }
        return items
    }

    /// The partition of ARNs built for this folder (`aws`, `aws-cn`, `aws-us-gov`), from its region.
    var partition: String {
        guard let region else { return "aws" }
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }
}
