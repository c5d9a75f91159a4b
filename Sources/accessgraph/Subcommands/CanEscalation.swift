import Analysis
import Graph
import Policy

/// `can --explain` on a request that is not allowed: the shortest ways to get the access by
/// role assumption and privilege escalation (text only).
enum CanEscalation {
    static func explain(_ model: AccessModel, principal: String, action: String, resource: String) {
        let target = ARN(resource).flatMap { model.resourceEntry(for: $0) }.map(\.arn) ?? resource
        guard model.principals[principal] != nil, model.resources[target] != nil || model.principals[target] != nil,
            let result = try? EscalationPaths(escalation: Escalation(model: model), maxSteps: 4, maxPaths: 3)
                .paths(from: principal, to: target, actions: [action])
        else { return }
        let usable = result.paths.filter(\.usesEscalation)
        guard !usable.isEmpty || !result.paths.isEmpty else {
            print("\nNo way to get this access by role assumption or privilege escalation was found (searched 4 steps deep).")
            return
        }
        print("\nThe access can be obtained by role assumption or privilege escalation (shortest first):")
        for (i, p) in result.paths.enumerated() {
            print("\(i + 1). \(EscalationText.path(p))" + (p.conditional ? "   [conditional]" : ""))
            print(EscalationText.steps(p, indent: "     "), terminator: "")
        }
    }
}
