import Analysis
import ArgumentParser
import Graph

/// `accessgraph admins SNAPSHOT`: who is effectively admin, directly or by escalation.
struct Admins: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every principal that is effectively admin, directly or by privilege escalation, with the shortest path.",
        discussion: """
            A principal is admin when the evaluator allows it to give itself any permission (write or attach a \
            policy to itself, a new version of its own managed policy, possibly after joining a group or switching \
            a policy version); admin by escalation when it can assume or act as an admin. See docs/escalation.md.
            """)

    @OptionGroup var options: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        // Role-assumption edges are decided on demand: the walk asks only about candidates not yet reached.
        let model = try await options.openForEscalation(about: nil, assumeEdges: .onDemand)
        let analysed = ContinuousClock.now
        let escalation = Escalation(model: model)
        Timings.note("escalation index", since: analysed)
        let rows = AdminsAnalyzer(escalation: escalation).admins(stages: Timings.stageTimer)
        Timings.note("admins", since: analysed)
        Progress.finish()
        let warnings = AnalysisSession.warnings(model).map(\.description)
        switch format {
        case .json:
            JSONWriter.emit(JSONWriter.admins(rows, warnings: warnings))
        case .text:
            for w in warnings { Terminal.write("warning: \(w)\n") }
            print(EscalationText.admins(rows))
        }
    }
}
