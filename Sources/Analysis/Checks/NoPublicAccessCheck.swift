import Graph
import Policy

/// `check no-public-access`: whether a resource policy of a given type grants access to
/// everyone, the offline counterpart of Access Analyzer's CheckNoPublicAccess.
///
/// Decided by the evaluator: for each resource each Allow statement names (a wildcard in the
/// resource part stands for "some resource under this prefix", as for S3 objects) and each action
/// of the type's service, the anonymous principal asks, with every condition key unknown (and
/// for a role's trust policy, each OIDC or SAML provider it names asks to assume the role). The
/// grant is public as `findings` decides it (`PublicAccess`): allowed, or allowed under conditions
/// that do not pin a key restricting who can call (S3's definition, access-control-block-public-access.html).
public struct NoPublicAccessCheck: Sendable {
    let catalog: ActionCatalog

    public init(catalog: ActionCatalog) { self.catalog = catalog }

    /// A resource type the check knows: the service whose actions are asked, an example ARN for
    /// statements without a usable Resource, and whether only the policy can grant.
    public struct ResourceKind: Sendable {
        public let service: String
        public let exampleARN: String
        public let policyRequired: Bool
    }

    /// The supported types, by Access Analyzer's type name.
    public static let resourceKinds: [String: ResourceKind] = [
        "AWS::S3::Bucket": ResourceKind(service: "s3", exampleARN: "arn:aws:s3:::checked-bucket", policyRequired: false),
        "AWS::S3::AccessPoint": ResourceKind(service: "s3", exampleARN: "arn:aws:s3:us-east-1:111122223333:accesspoint/checked", policyRequired: false),
        "AWS::SQS::Queue": ResourceKind(service: "sqs", exampleARN: "arn:aws:sqs:us-east-1:111122223333:checked", policyRequired: false),
        "AWS::SNS::Topic": ResourceKind(service: "sns", exampleARN: "arn:aws:sns:us-east-1:111122223333:checked", policyRequired: false),
        "AWS::KMS::Key": ResourceKind(service: "kms", exampleARN: "arn:aws:kms:us-east-1:111122223333:key/checked", policyRequired: true),
        "AWS::Lambda::Function": ResourceKind(service: "lambda", exampleARN: "arn:aws:lambda:us-east-1:111122223333:function:checked", policyRequired: false),
        "AWS::Lambda::LayerVersion": ResourceKind(service: "lambda", exampleARN: "arn:aws:lambda:us-east-1:111122223333:layer:checked:1", policyRequired: false),
        "AWS::SecretsManager::Secret": ResourceKind(service: "secretsmanager", exampleARN: "arn:aws:secretsmanager:us-east-1:111122223333:secret:checked", policyRequired: false),
        "AWS::ECR::Repository": ResourceKind(service: "ecr", exampleARN: "arn:aws:ecr:us-east-1:111122223333:repository/checked", policyRequired: false),
        "AWS::IAM::Role": ResourceKind(service: "sts", exampleARN: "arn:aws:iam::111122223333:role/checked", policyRequired: true),
        "AWS::EFS::FileSystem": ResourceKind(service: "elasticfilesystem", exampleARN: "arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-checked", policyRequired: false),
        "AWS::Glacier::Vault": ResourceKind(service: "glacier", exampleARN: "arn:aws:glacier:us-east-1:111122223333:vaults/checked", policyRequired: false),
        "AWS::Events::EventBus": ResourceKind(service: "events", exampleARN: "arn:aws:events:us-east-1:111122223333:event-bus/checked", policyRequired: false),
        "AWS::Logs::Destination": ResourceKind(service: "logs", exampleARN: "arn:aws:logs:us-east-1:111122223333:destination:checked", policyRequired: false),
        "AWS::Backup::BackupVault": ResourceKind(service: "backup", exampleARN: "arn:aws:backup:us-east-1:111122223333:backup-vault:checked", policyRequired: false),
        "AWS::DynamoDB::Table": ResourceKind(service: "dynamodb", exampleARN: "arn:aws:dynamodb:us-east-1:111122223333:table/checked", policyRequired: false),
        "AWS::OpenSearchService::Domain": ResourceKind(service: "es", exampleARN: "arn:aws:es:us-east-1:111122223333:domain/checked", policyRequired: false),
        "AWS::ApiGateway::RestApi": ResourceKind(service: "execute-api", exampleARN: "arn:aws:execute-api:us-east-1:111122223333:checked/*", policyRequired: false),
    ]

    public func run(_ policy: CheckedPolicy, resourceType: String) throws(PolicyCheckInputError) -> PolicyCheckResult {
        guard let kind = Self.resourceKinds[resourceType] else {
            throw PolicyCheckInputError(
                message: "unknown resource type '\(resourceType)'; known: " + Self.resourceKinds.keys.sorted().joined(separator: ", "))
        }
        let set = PolicySet(resourcePolicy: NamedPolicy(name: policy.file, document: policy.document), resourcePolicyRequired: kind.policyRequired)
        var responsible: [Int: Set<String>] = [:]
        for resource in candidates(policy.document, kind) {
            for (principal, nodeKind) in askers(policy.document, kind) {
                for action in actions(for: principal, kind) {
                    let request = Request(
                        principal: principal, action: action, resource: resource,
                        context: ConditionContext(missingKeys: .unknown))
                    let evaluation = Evaluator().evaluate(request, set, explain: true)
                    guard evaluation.result == .yes
                        || (evaluation.result == .unknown
                            && PublicAccess.isPublic(kind: nodeKind, id: principal.id, undecided: evaluation.undecidedConditions))
                    else { continue }
                    for t in evaluation.trace where t.effect == .allow && t.outcome != .no {
                        responsible[t.statementIndex, default: []].insert(action)
                    }
                }
            }
        }
        let problems = responsible.keys.sorted().map { index in
            let statement = policy.document.statements[index]
            let actions = responsible[index]!.sorted()
            let shown = actions.prefix(8).joined(separator: ", ") + (actions.count > 8 ? " and \(actions.count - 8) more" : "")
            return CheckProblem(
                statement: policy.reference(to: statement),
                message: "grants \(shown) to \(PrincipalSet(statement.principal).description), which is public access")
        }
        return PolicyCheckResult(
            check: "no-public-access", passed: problems.isEmpty,
            summary: problems.isEmpty ? "\(policy.file) grants no public access to \(resourceType)"
                : "\(policy.file) grants public access to \(resourceType)",
            problems: problems, warnings: policy.warnings.map(\.description))
    }

    /// The resources asked about: one per Resource pattern of an Allow, and the type's example.
    func candidates(_ document: PolicyDocument, _ kind: ResourceKind) -> [RequestResource] {
        var out: [RequestResource] = RequestResource(kind.exampleARN).map { [$0] } ?? []
        for s in document.statements where s.effect == .allow {
            guard case .resource(let patterns)? = s.resource else { continue }
            for p in patterns where !p.isAny {
                if let r = Self.someResource(matching: p), !out.contains(r) { out.append(r) }
            }
        }
        return out
    }

    /// A request resource standing for the ARNs `pattern` matches: the pattern with wildcards in
    /// the first five components removed, and for a wildcard in the resource part, every resource
    /// under the text before it.
    static func someResource(matching pattern: ARNPattern) -> RequestResource? {
        let text = ARNPatternRelation.variablesAsWildcards(pattern.text)
        guard let parts = ARNPatternRelation.components(text) else { return nil }
        let head = parts[0..<5].map { $0.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "?", with: "x") }
        let resource = parts[5]
        guard let wild = resource.firstIndex(where: { $0 == "*" || $0 == "?" }) else {
            return RequestResource((head + [resource]).joined(separator: ":"))
        }
        let prefix = String(resource[..<wild])
        guard let arn = ARN((head + [prefix + "*"]).joined(separator: ":")) else { return nil }
        return RequestResource(arn: arn, anyUnderPrefix: prefix)
    }

    /// Who asks: anyone; for a trust policy also each identity provider an Allow names.
    func askers(_ document: PolicyDocument, _ kind: ResourceKind) -> [(RequestPrincipal, NodeKind)] {
        var out: [(RequestPrincipal, NodeKind)] = [(RequestPrincipal(kind: .anonymous, id: "*"), .everyone)]
        guard kind.service == "sts" else { return out }
        for s in document.statements where s.effect == .allow {
            for case .federated(let provider) in s.principal?.patterns ?? [] where !out.contains(where: { $0.0.id == provider }) {
                out.append((RequestPrincipal(kind: .federated, id: provider), .federated))
            }
        }
        return out
    }

    /// The actions asked: every action of the service; a provider only assumes roles with tokens.
    func actions(for principal: RequestPrincipal, _ kind: ResourceKind) -> [String] {
        if principal.kind == .federated { return ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"] }
        return catalog.actions(inService: kind.service).map(\.fullName)
    }
}

/// A check that cannot run on its input (an unknown resource type...).
public struct PolicyCheckInputError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
