import Analysis
import AnswerIndex
import ArgumentParser
import Graph
import Snapshot

/// `accessgraph who-can SNAPSHOT RESOURCE`: every principal that can act on a resource, and how.
struct WhoCan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can",
        abstract: "List every principal that can act on a resource: its access, what grants it, and the path.")

    @OptionGroup var options: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "The resource ARN, e.g. arn:aws:s3:::my-bucket.")
    var resource: String

    @Option(name: .customLong("action"), help: "Only these actions (repeat); default: every action of the resource's type.")
    var actions: [String] = []

    @Flag(help: "Also follow privilege escalation (docs/escalation.md): paths name each step's technique.")
    var withEscalation = false

    @Flag(help: "Text output: list every principal on its own line instead of folding those that share a grant.")
    var all = false

    @OptionGroup var indexOptions: IndexOptions

    func run() async throws {
        let query = ["who-can", "zone=\(options.zone.rawValue)", "format=\(format.rawValue)", resource] + actions.map { "action=" + $0 }
            + (withEscalation ? ["with-escalation"] : [])
            + (all && format == .text ? ["all"] : [])
        try await indexOptions.respond(to: query, on: options.snapshot) {
            if withEscalation { return try await WhoCanEscalation.answer(options, resource: resource, actions: actions, format: format) }
            let model = try await options.open(about: resource)
            let result: WhoCanResult
            let analysed = ContinuousClock.now
            defer { Timings.note("who-can", since: analysed) }
            do {
                result = try WhoCanAnalyzer(model: model).whoCan(resource, actions: actions, stages: Timings.stageTimer)
            } catch {
                Progress.finish()
                Terminal.error(String(describing: error))
                throw ExitCode(2)
            }
            Progress.finish()
            let warnings = AnalysisSession.warnings(model).map(\.description)
            switch format {
            case .json:
                return StoredAnswer(stdout: JSONWriter.whoCan(result, warnings: warnings))
            case .text:
                let notes = warnings.map { "warning: \($0)\n" }.joined()
                return StoredAnswer(stdout: Array((WhoCanText.render(result, all: all) + "\n").utf8), stderr: Array(notes.utf8))
            }
        }
    }
}
