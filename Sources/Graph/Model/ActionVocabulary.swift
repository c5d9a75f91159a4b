import Policy

/// The concrete actions that can be performed on a resource, used to turn policy
/// patterns (`s3:Get*`, `*`, NotAction) into the actions a finding lists.
public protocol ActionVocabulary: Sendable {
    /// A key that is the same for every target with the same actions (its type).
    func universeKey(for target: ARN) -> String
    /// The actions that apply to `target` (an ARN of the resource's type), sorted.
    func actions(applicableTo target: ARN) -> [String]
}

/// The Service Authorization Reference catalog (`ActionCatalog`): every action of the
/// target's service whose resource types match the target.
public struct CatalogVocabulary: ActionVocabulary {
    public let catalog: ActionCatalog

    public init(catalog: ActionCatalog) { self.catalog = catalog }

    public func universeKey(for target: ARN) -> String {
        target.service + "|" + catalog.resourceTypes(matching: target).map(\.name).sorted().joined(separator: ",")
    }

    public func actions(applicableTo target: ARN) -> [String] {
        let service = target.service.lowercased()
        let actions = catalog.actions(applicableTo: target).filter { $0.service.lowercased() == service }.map(\.fullName)
        return Array(Set(actions)).sorted()
    }
}

/// A vocabulary from the literal action names that appear in the snapshot's own policies,
/// for when no action catalog is available: it cannot expand wildcards into names that
/// no policy spells out.
public struct LiteralActionVocabulary: ActionVocabulary {
    let byService: [String: [String]]

    public init(policies: [PolicyDocument]) {
        var seen: [String: Set<String>] = [:]
        for doc in policies {
            for s in doc.statements {
                for p in s.action.patterns where p.isLiteral {
                    guard let colon = p.text.firstIndex(of: ":") else { continue }
                    seen[p.text[..<colon].lowercased(), default: []].insert(p.text)
                }
            }
        }
        byService = seen.mapValues { Array($0).sorted() }
    }

    public func universeKey(for target: ARN) -> String { target.service }

    public func actions(applicableTo target: ARN) -> [String] { byService[target.service] ?? [] }
}
