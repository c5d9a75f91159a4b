import Analysis
import ArgumentParser
import Policy

/// `accessgraph simulate`: evaluates one concrete request against policies given as files.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one request against policy files, offline, as AWS would decide it.",
        discussion: """
            A policy file holds one policy document or a JSON array of documents. Each --scp and --rcp \
            file is one level of the organization path, from the root to the account: every level must \
            allow. Condition keys not given with --context are absent. Exit codes: 0, or 1 when --expect \
            differs from the decision; 2 for usage or input errors. See docs/simulate.md.
            """)

    enum Expectation: String, ExpressibleByArgument, CaseIterable {
        case allowed, denied
    }

    @Option(help: "The principal ARN: user, role, assumed-role session, federated user, account, or a service principal.")
    var principal: String

    @Option(help: "The action, e.g. s3:GetObject.")
    var action: String

    @Option(help: "The resource ARN; omit for actions that take no resource.")
    var resource: String?

    @Option(help: "The account that owns the resource (default: the resource ARN's account, else the principal's).")
    var resourceAccount: String?

    @Option(name: .customLong("identity-policy"), help: "An identity policy file (repeat).")
    var identityPolicies: [String] = []

    @Option(name: .customLong("resource-policy"), help: "The resource's policy file (bucket policy, key policy, trust policy, ...).")
    var resourcePolicy: String?

    @Flag(help: "Only the resource policy can grant (as for KMS key policies and role trust policies, which are detected from the request).")
    var resourcePolicyRequired = false

    @Option(name: .customLong("boundary"), help: "A permissions boundary file (repeat).")
    var boundaries: [String] = []

    @Option(name: .customLong("scp"), help: "One level of SCPs, root first (repeat per level).")
    var scps: [String] = []

    @Option(name: .customLong("rcp"), help: "One level of RCPs, root first (repeat per level).")
    var rcps: [String] = []

    @Option(help: "A session policy file.")
    var sessionPolicy: String?

    @Option(help: "Exit with code 1 unless the decision is this: allowed or denied.")
    var expect: Expectation?

    @OptionGroup var output: RequestOutputOptions

    func run() throws {
        let request: ConcreteRequest
        do {
            request = try ConcreteRequest(
                principal: principal, action: action, resource: resource, resourceAccount: resourceAccount,
                context: try output.contextKeys())
        } catch let e as ConcreteRequestError {
            throw inputError(e.description)
        }
        var files = PolicyFileSet()
        files.identity = identityPolicies
        files.boundary = boundaries
        files.session = sessionPolicy
        files.scp = scps
        files.rcp = rcps
        files.resourcePolicy = resourcePolicy
        if resourcePolicyRequired { files.resourcePolicyRequired = true }
        let loaded: (PolicySet, [String: PolicySource])
        var warnings: [PolicyFileWarning] = []
        do {
            loaded = try files.load(for: request, warnings: &warnings)
        } catch {
            throw inputError(error.description)
        }
        for w in warnings { Terminal.warning(w.description) }
        let report = Simulator().run(request, loaded.0, sources: loaded.1)
        try output.print(report)
        if let expect, (report.decision == .allowed) != (expect == .allowed) {
            throw ExitCode(1)
        }
    }
}
