import Analysis
import ArgumentParser
import Graph
import Policy

/// `accessgraph can SNAPSHOT PRINCIPAL ACTION RESOURCE`: one concrete request against a snapshot's policies.
struct Can: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Whether a principal of a snapshot can perform an action on a resource, and why.",
        discussion: """
            Uses the principal's identity and group policies, permissions boundary and SCP path, and the \
            resource's policy and RCP path, from the snapshot. A role session maps to its role. Condition \
            keys not known from the snapshot or given with --context are absent.
            """)

    @Argument(help: "The snapshot directory (see docs/snapshot-layout.md).")
    var snapshot: String

    @Argument(help: "The principal ARN (user, role or assumed-role session).")
    var principal: String

    @Argument(help: "The action, e.g. s3:GetObject.")
    var action: String

    @Argument(help: "The resource ARN, or * for actions that take no resource.")
    var resource: String

    @OptionGroup var output: RequestOutputOptions

    func run() async throws {
        let model: AccessModel
        do {
            model = try await AnalysisSession.open(snapshot, progress: Progress.reporter(label: "files read"))
        } catch {
            Progress.finish()
            throw inputError(error.description)
        }
        Progress.finish()
        let report: SimulationReport
        do {
            let request = try ConcreteRequest(
                principal: principal, action: action, resource: resource, context: try output.contextKeys())
            let (r, set) = try model.simulationInput(request)
            report = Simulator().run(r, set)
        } catch let e as ConcreteRequestError {
            throw inputError(e.description)
        } catch let e as SnapshotRequestError {
            throw inputError(e.description)
        }
        // With --explain, a request not allowed also gets the ways to obtain it by escalation.
        let escalate = output.explain && report.decision != .allowed
        if escalate, output.format == .json {
            try CanEscalation.json(model, report: report, principal: principal, action: action, resource: resource)
            return
        }
        try output.print(report)
        if escalate { CanEscalation.explain(model, principal: principal, action: action, resource: resource) }
    }
}
