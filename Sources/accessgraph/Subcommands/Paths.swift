import Analysis
import ArgumentParser
import Graph

/// `accessgraph paths SNAPSHOT --from PRINCIPAL --to ARN`: every simple path, shortest first.
struct Paths: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every simple path from a principal to a resource or principal, through role assumption and privilege escalation.",
        discussion: "Shortest first; bounded to 6 principals passed through and 100 paths (the output says when the bound was hit).")

    @OptionGroup var options: SnapshotOptions

    @Option(help: "The principal ARN to start from (user or role).")
    var from: String

    @Option(help: "The resource or principal ARN to reach.")
    var to: String

    @Option(name: .customLong("action"), help: "For a resource: only these actions (repeat).")
    var actions: [String] = []

    @Flag(help: "Show each escalation step's requests and the statements that decided them.")
    var explain = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() async throws {
        let model = try await options.openForEscalation(about: to)
        let result: EscalationPaths.Result
        do {
            result = try EscalationPaths(escalation: Escalation(model: model)).paths(from: from, to: to, actions: actions)
        } catch {
            Progress.finish()
            throw inputError(error.description)
        }
        Progress.finish()
        switch format {
        case .json: JSONWriter.emit(try EscalationText.json(result))
        case .text: print(EscalationText.paths(result, explain: explain))
        }
    }
}
