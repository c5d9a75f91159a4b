import Policy

/// Reads `iam/get-account-authorization-details.json` (aws iam get-account-authorization-details):
/// users, groups, roles with their trust policies, inline and managed policies
/// (default version), permission boundaries.
enum AuthorizationDetails {
    static func read(_ json: JSONValue, file: String, into account: inout Account, warnings: inout [SnapshotWarning]) {
        guard case .object(let root) = json else {
            warnings.append(SnapshotWarning(file: file, jsonPath: "$", message: "expected an object, found \(json.typeName); IAM data skipped"))
            return
        }
        let access = JSONAccess(file: file)
        let top = JSONPath.root
        account.hasIAM = true
        // AWS managed policies are parsed only when something uses them: some outputs (moto's) list
        // every one, about 1,500 documents no principal has attached. Customer managed policies are
        // all read, so that a typo is reported before someone attaches the policy.
        let used = usedManagedPolicies(root)
        for (i, p) in access.objects(root, "Policies", at: top, warnings: &warnings) {
            guard let arn = p["Arn"]?.stringValue, used.contains(arn) || !arn.hasPrefix("arn:aws:iam::aws:policy/") else { continue }
            if let policy = managedPolicy(p, path: top.appending("Policies").appending(i), file: file, warnings: &warnings) {
                account.managedPolicies[policy.arn] = policy
            }
        }
        for (i, u) in access.objects(root, "UserDetailList", at: top, warnings: &warnings) {
            let path = top.appending("UserDetailList").appending(i)
            guard let arn = u["Arn"]?.stringValue, let name = u["UserName"]?.stringValue else {
                warnings.append(SnapshotWarning(file: file, jsonPath: path.description, message: "a user without Arn or UserName is skipped"))
                continue
            }
            account.users.append(User(
                arn: arn, name: name,
                groupNames: (u["GroupList"]?.arrayValue ?? []).compactMap(\.stringValue),
                inlinePolicies: inline(u, "UserPolicyList", owner: "user/\(name)", path: path, file: file, warnings: &warnings),
                attachedPolicyArns: attached(u),
                permissionsBoundaryArn: u["PermissionsBoundary"]?["PermissionsBoundaryArn"]?.stringValue,
                tags: access.tags(u), id: u["UserId"]?.stringValue, createdAt: access.time(u, "CreateDate")))
        }
        for (i, g) in access.objects(root, "GroupDetailList", at: top, warnings: &warnings) {
            let path = top.appending("GroupDetailList").appending(i)
            guard let arn = g["Arn"]?.stringValue, let name = g["GroupName"]?.stringValue else {
                warnings.append(SnapshotWarning(file: file, jsonPath: path.description, message: "a group without Arn or GroupName is skipped"))
                continue
            }
            account.groups.append(Group(
                arn: arn, name: name,
                inlinePolicies: inline(g, "GroupPolicyList", owner: "group/\(name)", path: path, file: file, warnings: &warnings),
                attachedPolicyArns: attached(g)))
        }
        for (i, r) in access.objects(root, "RoleDetailList", at: top, warnings: &warnings) {
            let path = top.appending("RoleDetailList").appending(i)
            guard let arn = r["Arn"]?.stringValue, let name = r["RoleName"]?.stringValue else {
                warnings.append(SnapshotWarning(file: file, jsonPath: path.description, message: "a role without Arn or RoleName is skipped"))
                continue
            }
            var trust: PolicyDocument?
            if let doc = r["AssumeRolePolicyDocument"] {
                trust = PolicyText.parse(
                    doc, file: file, path: path.appending("AssumeRolePolicyDocument"), name: "trust policy of role/\(name)",
                    warnings: &warnings)?.document
            }
            account.roles.append(Role(
                arn: arn, name: name, path: r["Path"]?.stringValue ?? "/", trustPolicy: trust,
                inlinePolicies: inline(r, "RolePolicyList", owner: "role/\(name)", path: path, file: file, warnings: &warnings),
                attachedPolicyArns: attached(r),
                permissionsBoundaryArn: r["PermissionsBoundary"]?["PermissionsBoundaryArn"]?.stringValue,
                tags: access.tags(r),
                instanceProfileArns: (r["InstanceProfileList"]?.arrayValue ?? []).compactMap { $0["Arn"]?.stringValue },
                id: r["RoleId"]?.stringValue, createdAt: access.time(r, "CreateDate"),
                lastUsed: access.roleLastUsed(r, at: path, warnings: &warnings)))
        }
    }

    /// The managed policy ARNs attached to a user, group or role, or used as a permissions boundary.
    static func usedManagedPolicies(_ root: JSONObject) -> Set<String> {
        var used: Set<String> = []
        for list in ["UserDetailList", "GroupDetailList", "RoleDetailList"] {
            for entry in root[list]?.arrayValue ?? [] {
                guard case .object(let o) = entry else { continue }
                used.formUnion(attached(o))
                if let b = o["PermissionsBoundary"]?["PermissionsBoundaryArn"]?.stringValue { used.insert(b) }
            }
        }
        return used
    }

    static func attached(_ o: JSONObject) -> [String] {
        (o["AttachedManagedPolicies"]?.arrayValue ?? []).compactMap { $0["PolicyArn"]?.stringValue }
    }

    static func inline(
        _ o: JSONObject, _ key: String, owner: String, path: JSONPath, file: String, warnings: inout [SnapshotWarning]
    ) -> [NamedPolicy] {
        var out: [NamedPolicy] = []
        for (i, p) in (o[key]?.arrayValue ?? []).enumerated() {
            guard let doc = p["PolicyDocument"] else { continue }
            let name = p["PolicyName"]?.stringValue ?? "#\(i)"
            if let policy = PolicyText.parse(
                doc, file: file, path: path.appending(key).appending(i).appending("PolicyDocument"),
                name: "\(owner) inline \(name)", warnings: &warnings)
            {
                out.append(policy)
            }
        }
        return out
    }

    /// A managed policy's default version (moto omits PolicyName; the name then comes from the ARN).
    static func managedPolicy(_ p: JSONObject, path: JSONPath, file: String, warnings: inout [SnapshotWarning]) -> ManagedPolicy? {
        guard let arn = p["Arn"]?.stringValue else {
            warnings.append(SnapshotWarning(file: file, jsonPath: path.description, message: "a managed policy without Arn is skipped"))
            return nil
        }
        let name = p["PolicyName"]?.stringValue ?? ARN(arn)?.shortName ?? arn
        let defaultID = p["DefaultVersionId"]?.stringValue
        var versions = p["PolicyVersionList"]?.arrayValue ?? []
        if case .deferred(let unparsed)? = p["PolicyVersionList"] {
            do {
                versions = try unparsed.parse().arrayValue ?? []
            } catch {
                warnings.append(SnapshotWarning(
                    file: file, jsonPath: path.appending("PolicyVersionList").description, message: error.description))
                return nil
            }
        }
        let index = versions.firstIndex { v in
            if case .bool(true)? = v["IsDefaultVersion"] { return true }
            return defaultID != nil && v["VersionId"]?.stringValue == defaultID
        }
        guard let index, let doc = versions[index]["Document"] else {
            warnings.append(SnapshotWarning(file: file, jsonPath: path.description, message: "managed policy \(arn) has no default version document; it is skipped"))
            return nil
        }
        guard let parsed = PolicyText.parse(
            doc, file: file, path: path.appending("PolicyVersionList").appending(index).appending("Document"), name: arn,
            warnings: &warnings)
        else { return nil }
        var policy = ManagedPolicy(arn: arn, name: name, document: parsed.document)
        // Customer managed policies only: AWS managed ones cannot be changed by a customer.
        if !arn.hasPrefix("arn:aws:iam::aws:policy/") {
            for (i, v) in versions.enumerated() where i != index {
                guard let id = v["VersionId"]?.stringValue, let doc = v["Document"],
                    let other = PolicyText.parse(
                        doc, file: file, path: path.appending("PolicyVersionList").appending(i).appending("Document"),
                        name: "\(arn) version \(id)", warnings: &warnings)
                else { continue }
                policy.otherVersions[id] = other.document
            }
        }
        return policy
    }
}
