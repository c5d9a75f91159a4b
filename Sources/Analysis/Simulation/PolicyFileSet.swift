import Policy

/// The policy files of one `simulate` call, read into a `PolicySet`.
///
/// Each SCP or RCP file is one level of the organization path (root to account):
/// every level must allow, so a level file holding an empty array denies everything.
/// No SCP file at all means no SCPs apply (likewise RCPs).
public struct PolicyFileSet: Sendable {
    public var identity: [String] = []
    public var boundary: [String] = []
    public var session: String?
    public var scp: [String] = []
    public var rcp: [String] = []
    public var resourcePolicy: String?
    /// Only the resource policy can grant (KMS key policies, role trust policies); nil: decided from the request.
    public var resourcePolicyRequired: Bool?

    public init() {}

    /// Reads every file; the first file that cannot be read or parsed throws, naming the file and JSON path.
    public func load(for request: ConcreteRequest) throws(PolicyFileError) -> (PolicySet, [String: PolicySource]) {
        var warnings: [PolicyFileWarning] = []
        return try load(for: request, warnings: &warnings)
    }

    /// The same, adding to `warnings` what the files hold that was understood only in part.
    public func load(for request: ConcreteRequest, warnings: inout [PolicyFileWarning]) throws(PolicyFileError) -> (PolicySet, [String: PolicySource]) {
        var sources: [String: PolicySource] = [:]
        func read(_ file: String) throws(PolicyFileError) -> [NamedPolicy] {
            let policies = try PolicyFiles.read(file, warnings: &warnings)
            let isArray = policies.count != 1 || policies.first?.name != file
            for (i, p) in policies.enumerated() { sources[p.name] = PolicySource(file: file, index: isArray ? i : nil) }
            return policies
        }
        var set = PolicySet()
        for f in identity { set.identityPolicies += try read(f) }
        if !boundary.isEmpty {
            var b: [NamedPolicy] = []
            for f in boundary { b += try read(f) }
            set.permissionsBoundary = b
        }
        if let session { set.sessionPolicies = try read(session) }
        for f in scp { set.scpLevels.append(try read(f)) }
        for f in rcp { set.rcpLevels.append(try read(f)) }
        if let resourcePolicy {
            let p = try PolicyFiles.readOne(resourcePolicy, warnings: &warnings)
            sources[p.name] = PolicySource(file: resourcePolicy, index: p.name == resourcePolicy ? nil : 0)
            set.resourcePolicy = p
        }
        set.resourcePolicyRequired = resourcePolicyRequired ?? request.resourcePolicyRequiredByDefault
        return (set, sources)
    }
}
