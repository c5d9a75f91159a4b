import Analysis
import ArgumentParser
import Graph

/// `accessgraph who-can SNAPSHOT RESOURCE`: every principal that can act on a resource, and how.
struct WhoCan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can",
        abstract: "List every principal that can act on a resource, with its actions and the path that gives them.")

    @OptionGroup var options: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "The resource ARN, e.g. arn:aws:s3:::my-bucket.")
    var resource: String

    @Option(name: .customLong("action"), help: "Only these actions (repeat); default: every action of the resource's type.")
    var actions: [String] = []

    func run() async throws {
        let model = try await options.open()
        let result: WhoCanResult
        let start = ContinuousClock.now
        defer { Timings.note("who-can", since: start) }
        do {
            result = try WhoCanAnalyzer(model: model).whoCan(resource, actions: actions)
        } catch {
            Progress.finish()
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        Progress.finish()
        let warnings = AnalysisSession.warnings(model).map(\.description)
        switch format {
        case .json:
            JSONWriter.emit(JSONWriter.whoCan(result, warnings: warnings))
        case .text:
            print(WhoCanText.render(result))
            for w in warnings { Terminal.warning(w) }
        }
    }
}
