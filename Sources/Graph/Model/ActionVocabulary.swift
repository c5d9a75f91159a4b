import Policy

/// The concrete actions that can be performed on a resource, used to turn policy
/// patterns (`s3:Get*`, `*`, NotAction) into the actions a finding lists.
public protocol ActionVocabulary: Sendable {
    /// The actions that apply to `target` (an ARN of the resource's type), sorted, with a key
    /// that is the same for every target of the same type.
    func actions(applicableTo target: ARN) -> (key: String, actions: [String])
}

/// The Service Authorization Reference catalog (`ActionCatalog`): every action of the
/// target's service whose resource types match the target.
public struct CatalogVocabulary: ActionVocabulary {
    public let catalog: ActionCatalog

    public init(catalog: ActionCatalog) { self.catalog = catalog }

    public func actions(applicableTo target: ARN) -> (key: String, actions: [String]) {
        let types = catalog.resourceTypes(matching: target).map(\.name).sorted()
        let key = target.service + "|" + types.joined(separator: ",")
        let service = target.service.lowercased()
        let actions = catalog.actions(applicableTo: target).filter { $0.service.lowercased() == service }.map(\.fullName)
        return (key, Array(Set(actions)).sorted())
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

    public func actions(applicableTo target: ARN) -> (key: String, actions: [String]) {
        (target.service, byService[target.service] ?? [])
    }
}
