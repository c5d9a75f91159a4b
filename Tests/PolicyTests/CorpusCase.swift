import Foundation
import Policy

/// One case of the evaluation corpus (Tests/PolicyTests/Corpus/<topic>.json): a request,
/// the policies by type and the decision AWS documents for it.
struct CorpusCase {
    var file: String
    var name: String
    var doc: String
    var principal: String
    var action: String
    var resource: String?
    var resourceAccount: String?
    var context: [(key: String, values: [String])]
    var identity: [PolicyDocument]
    var boundary: [PolicyDocument]?
    var session: [PolicyDocument]?
    var scp: [[PolicyDocument]]
    var rcp: [[PolicyDocument]]
    var resourcePolicy: PolicyDocument?
    var resourcePolicyRequired: Bool?
    var expect: Decision
    /// The raw JSON of each policy, by kind, for writing them to files.
    var raw: JSONValue

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// Every case of every corpus file, in file and case order.
    static func all() throws -> [CorpusCase] {
        guard let dir = Bundle.module.url(forResource: "Corpus", withExtension: nil) else {
            throw Malformed(description: "the Corpus folder is not in the test bundle")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
        var out: [CorpusCase] = []
        for f in files {
            let data = try Data(contentsOf: dir.appendingPathComponent(f))
            let json = try JSONParser.parse(Array(data))
            guard case .array(let items) = json else { throw Malformed(description: "\(f): not an array") }
            for item in items { out.append(try CorpusCase(file: f, json: item)) }
        }
        return out
    }

    init(file: String, json: JSONValue) throws {
        self.file = file
        self.raw = json
        func string(_ k: String) -> String? { json[k]?.stringValue }
        guard let name = string("name"), let doc = string("doc"), let principal = string("principal"),
            let action = string("action"), let expect = string("expect").flatMap(Decision.init(rawValue:))
        else { throw Malformed(description: "\(file): a case lacks name, doc, principal, action or expect") }
        self.name = name
        self.doc = doc
        self.principal = principal
        self.action = action
        self.expect = expect
        self.resource = string("resource")
        self.resourceAccount = string("resourceAccount")
        var context: [(key: String, values: [String])] = []
        for m in json["context"]?.objectValue?.members ?? [] {
            switch m.value {
            case .array(let a): context.append((m.key, a.compactMap(\.scalarText)))
            default: context.append((m.key, [m.value.scalarText ?? ""]))
            }
        }
        self.context = context
        func policy(_ v: JSONValue) throws -> PolicyDocument {
            do { return try PolicyParser().parse(json: v).document } catch {
                throw Malformed(description: "\(file) '\(name)': \(error)")
            }
        }
        func list(_ k: String) throws -> [PolicyDocument]? {
            guard let a = json[k]?.arrayValue else { return nil }
            return try a.map(policy)
        }
        func levels(_ k: String) throws -> [[PolicyDocument]] {
            try (json[k]?.arrayValue ?? []).map { try ($0.arrayValue ?? []).map(policy) }
        }
        self.identity = try list("identity") ?? []
        self.boundary = try list("boundary")
        self.session = try list("session")
        self.scp = try levels("scp")
        self.rcp = try levels("rcp")
        self.resourcePolicy = try json["resourcePolicy"].map(policy)
        if case .bool(let b)? = json["resourcePolicyRequired"] { self.resourcePolicyRequired = b }
    }

    /// The concrete request, as `simulate` reads it.
    func concreteRequest() throws -> ConcreteRequest {
        try ConcreteRequest(principal: principal, action: action, resource: resource, resourceAccount: resourceAccount, context: context)
    }

    /// The policy set, as `simulate` builds it from files.
    func policySet(for request: ConcreteRequest) -> PolicySet {
        func named(_ docs: [PolicyDocument], _ kind: String) -> [NamedPolicy] {
            docs.enumerated().map { NamedPolicy(name: "\(kind)[\($0.offset)]", document: $0.element) }
        }
        return PolicySet(
            identityPolicies: named(identity, "identity"),
            permissionsBoundary: boundary.map { named($0, "boundary") },
            sessionPolicies: session.map { named($0, "session") },
            scpLevels: scp.enumerated().map { named($0.element, "scp\($0.offset)") },
            rcpLevels: rcp.enumerated().map { named($0.element, "rcp\($0.offset)") },
            resourcePolicy: resourcePolicy.map { NamedPolicy(name: "resource", document: $0) },
            resourcePolicyRequired: resourcePolicyRequired ?? request.resourcePolicyRequiredByDefault)
    }

    /// The concrete request and policy set, as `simulate` builds them from files.
    func evaluate(explain: Bool = false) throws -> Evaluation {
        let request = try concreteRequest()
        return Evaluator().evaluate(request.request, policySet(for: request), explain: explain)
    }

    /// The same request through the batch evaluator (`Evaluator.evaluate(_:principal:...)`), as a
    /// one-action universe: whether the action comes out allowed (or allowed under undecided conditions).
    func batchAllows() throws -> Bool {
        let request = try concreteRequest()
        let r = request.request
        let universe = ActionUniverse(id: 0, actions: [action])
        let decisions = Evaluator().evaluate(
            universe, principal: r.principal, resource: r.resource, resourceAccount: r.resourceAccount, context: r.context,
            policies: policySet(for: request), cache: ActionMaskCache())
        return decisions.contains { $0.action == action && $0.result != .no }
    }
}
