import Policy

/// The concrete actions that can be performed on a resource, used to turn policy
/// patterns (`s3:Get*`, `*`, NotAction) into the actions a finding lists.
public protocol ActionVocabulary: Sendable {
    /// Every action that applies to `target` (an ARN of the resource's type), sorted.
    func actions(applicableTo target: ARN) -> [String]
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

    public func actions(applicableTo target: ARN) -> [String] { byService[target.service] ?? [] }
}
