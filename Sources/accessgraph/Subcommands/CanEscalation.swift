import Analysis
import Graph
import Policy

/// `can --explain` on a request that is not allowed: the shortest ways to get the access by
/// role assumption and privilege escalation, as text after the explanation, or in the JSON
/// report as `escalation` (README, "JSON contract").
enum CanEscalation {
    /// How deep the search goes, and how many paths it keeps.
    static let maxSteps = 4
    static let maxPaths = 3

    /// The shortest paths from `principal` to the request's resource; nil when the principal or
    /// the resource is not in the snapshot (nothing to search).
    static func paths(_ model: AccessModel, principal: String, action: String, resource: String) -> EscalationPaths.Result? {
        let target = ARN(resource).flatMap { model.resourceEntry(for: $0) }.map(\.arn) ?? resource
        guard model.principals[principal] != nil, model.resources[target] != nil || model.principals[target] != nil else { return nil }
        return try? EscalationPaths(escalation: Escalation(model: model), maxSteps: maxSteps, maxPaths: maxPaths)
            .paths(from: principal, to: target, actions: [action])
    }

    /// The text form, after the explanation.
    static func explain(_ model: AccessModel, principal: String, action: String, resource: String) {
        guard let result = paths(model, principal: principal, action: action, resource: resource) else { return }
        guard !result.paths.isEmpty else {
            print("\nNo way to get this access by role assumption or privilege escalation was found (searched \(maxSteps) steps deep).")
            return
        }
        print("\nThe access can be obtained by role assumption or privilege escalation (shortest first):")
        for (i, p) in result.paths.enumerated() {
            print("\(i + 1). \(EscalationText.path(p))" + (p.conditional ? "   [conditional]" : ""))
            print(EscalationText.steps(p, indent: "     "), terminator: "")
        }
    }

    /// The JSON report with `escalation`: `{"maxSteps", "paths", "truncated"}` (the paths as in
    /// `paths --format json`), when the search could run.
    struct Report: Encodable {
        let report: SimulationReport
        let escalation: Escalation?

        struct Escalation: Encodable {
            let maxSteps: Int
            let paths: [EscalatedReach]
            let truncated: Bool
        }

        enum Key: String, CodingKey { case escalation }

        func encode(to encoder: any Encoder) throws {
            try report.encode(to: encoder)
            var c = encoder.container(keyedBy: Key.self)
            try c.encodeIfPresent(escalation, forKey: .escalation)
        }
    }

    /// The JSON form: the report, and the paths when the request is not allowed.
    static func json(_ model: AccessModel, report: SimulationReport, principal: String, action: String, resource: String) throws {
        let result = paths(model, principal: principal, action: action, resource: resource)
        try JSONOutput.print(Report(
            report: report,
            escalation: result.map { Report.Escalation(maxSteps: maxSteps, paths: $0.paths, truncated: $0.truncated) }))
    }
}
