import Policy
import SnapshotLayout

/// KMS grants (`list-grants.json`) as policy statements: each grant is an Allow, named
/// `grant <GrantId>`, of `kms:<Operation>` on the key to its `GranteePrincipal`, with the
/// grant's encryption context constraints as `kms:EncryptionContext:` conditions
/// (`EncryptionContextSubset` and `EncryptionContextEquals` both as `StringEquals` on each pair).
enum KMSGrants {
    /// The statements of the folder's grants, nil when `list-grants.json` is missing or empty.
    static func statements(_ folder: ResourceFolder, keyARN: String, warnings: inout [SnapshotWarning]) -> [Statement]? {
        let op = LayoutFile.listGrants
        guard let json = folder.json(op, warnings: &warnings) else { return nil }
        let grantsPath = JSONPath.root.appending("Grants")
        var result: [Statement] = []
        for (i, grant) in folder.array(json, "Grants", path: .root, file: op, warnings: &warnings).enumerated() {
            let path = grantsPath.appending(i)
            guard let grantee = folder.string(grant, "GranteePrincipal", path: path, file: op, warnings: &warnings) else {
                warnings.append(SnapshotWarning(file: folder.file(op), jsonPath: path.description, message: "a grant without GranteePrincipal; ignored"))
                continue
            }
            let id = folder.string(grant, "GrantId", path: path, file: op, warnings: &warnings) ?? "#\(i)"
            var operations: [String] = []
            for (j, value) in folder.array(grant, "Operations", path: path, file: op, warnings: &warnings).enumerated() {
                guard let name = value.stringValue, !name.isEmpty else {
                    warnings.append(SnapshotWarning(file: folder.file(op), jsonPath: path.appending("Operations").appending(j).description,
                                                    message: "expected an operation name; ignored"))
                    continue
                }
                operations.append("kms:\(name)")
            }
            guard !operations.isEmpty else { continue }
            var pairs: [JSONObject.Member] = []
            if let constraints = grant["Constraints"] {
                for key in ["EncryptionContextSubset", "EncryptionContextEquals"] {
                    guard let context = constraints[key], context != .null else { continue }
                    guard let object = context.objectValue else {
                        warnings.append(SnapshotWarning(file: folder.file(op), jsonPath: path.appending("Constraints").appending(key).description,
                                                        message: "expected an object, found \(context.typeName); constraint ignored"))
                        continue
                    }
                    pairs += object.members.map { .init(key: "kms:EncryptionContext:\($0.key)", value: $0.value) }
                }
            }
            let conditions: JSONValue? = pairs.isEmpty ? nil : .object(JSONObject([.init(key: "StringEquals", value: .object(JSONObject(pairs)))]))
            let principal: JSONValue = grantee.hasPrefix("arn:") || grantee.count == 12 && grantee.allSatisfy(\.isNumber)
                ? SyntheticPolicy.aws(grantee)
                : .object(JSONObject([.init(key: "Service", value: .string(grantee))]))
            let statement = SyntheticPolicy.allow(sid: "grant \(id)", principal: principal, actions: operations, resource: keyARN, conditions: conditions)
            guard let parsed = PolicyText.parse(SyntheticPolicy.document([statement]), file: folder.file(op), path: path,
                                                name: "grant \(id)", warnings: &warnings) else { continue }
            result += parsed.document.statements
        }
        return result.isEmpty ? nil : result
    }
}
