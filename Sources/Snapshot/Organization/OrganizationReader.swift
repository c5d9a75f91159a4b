import Policy
import SnapshotLayout

/// Reads `organization/`: describe-organization, list-accounts, the OU tree from
/// `ous/<parent>/list-children.json`, and `policies/<id>/` (SCPs and RCPs with their targets).
struct OrganizationReader {
    let files: FileReader

    func read(warnings: inout [SnapshotWarning]) -> Organization? {
        let base = SnapshotLayout.organizationDirectory
        let describeFile = SnapshotLayout.path(of: .describeOrganization, in: base)
        guard files.isDirectory(base) else { return nil }
        guard let describe = files.json(describeFile, warnings: &warnings),
            let org = describe["Organization"], let id = org["Id"]?.stringValue,
            let management = org["MasterAccountId"]?.stringValue ?? org["MasterAccountArn"]?.stringValue.flatMap({ ARN($0)?.shortName })
        else {
            warnings.append(SnapshotWarning(file: describeFile, message: "no organization id or management account; organization ignored"))
            return nil
        }
        var names: [String: String] = [management: "management"]
        if let list = files.optionalJSON(SnapshotLayout.path(of: .listAccounts, in: base), warnings: &warnings) {
            for a in list["Accounts"]?.arrayValue ?? [] {
                if let accountID = a["Id"]?.stringValue { names[accountID] = a["Name"]?.stringValue ?? accountID }
            }
        }
        var parentOf: [String: String] = [:]
        for parent in files.list(SnapshotLayout.organizationalUnitsDirectory) {
            let file = SnapshotLayout.path(of: .listChildren, in: SnapshotLayout.organizationalUnitDirectory(parent))
            guard let children = files.optionalJSON(file, warnings: &warnings) else { continue }
            for c in children["Children"]?.arrayValue ?? [] {
                if let child = c["Id"]?.stringValue { parentOf[child] = parent }
            }
        }
        var policies: [OrganizationPolicy] = []
        for policyID in files.list(SnapshotLayout.organizationPoliciesDirectory) {
            if let p = policy(policyID, warnings: &warnings) { policies.append(p) }
        }
        return Organization(id: id, managementAccountID: management, accountNames: names, parentOf: parentOf, policies: policies)
    }

    func policy(_ policyID: String, warnings: inout [SnapshotWarning]) -> OrganizationPolicy? {
        let dir = SnapshotLayout.organizationPolicyDirectory(policyID)
        let file = SnapshotLayout.path(of: .describePolicy, in: dir)
        guard let json = files.json(file, warnings: &warnings), let p = json["Policy"], let summary = p["PolicySummary"],
            let content = p["Content"]
        else {
            warnings.append(SnapshotWarning(file: file, jsonPath: "$.Policy", message: "no policy summary or content; policy ignored"))
            return nil
        }
        let typeText = summary["Type"]?.stringValue ?? "SERVICE_CONTROL_POLICY"
        guard let kind = OrganizationPolicy.Kind(rawValue: typeText) else { return nil }  // tag, backup, AI policies
        let name = summary["Name"]?.stringValue ?? policyID
        guard let parsed = PolicyText.parse(
            content, file: file, path: JSONPath.root.appending("Policy").appending("Content"), name: "\(name) (\(policyID))",
            warnings: &warnings)
        else { return nil }
        var targets: [String] = []
        let targetsFile = SnapshotLayout.path(of: .listTargetsForPolicy, in: dir)
        if let t = files.optionalJSON(targetsFile, warnings: &warnings) {
            targets = (t["Targets"]?.arrayValue ?? []).compactMap { $0["TargetId"]?.stringValue }
        } else {
            warnings.append(SnapshotWarning(file: targetsFile, message: "missing: policy \(name) is attached nowhere"))
        }
        return OrganizationPolicy(id: policyID, name: name, kind: kind, document: parsed.document, targets: targets)
    }
}
