import Analysis
import AnswerIndex
import ArgumentParser
import Graph
import Snapshot

/// `accessgraph findings SNAPSHOT`: every resource a principal outside the zone of trust can reach.
struct Findings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every resource that a principal outside the zone of trust can reach.",
        discussion: """
            Like IAM Access Analyzer's external access findings, plus what outside principals reach \
            through the roles they can assume (the path shows the chain).
            """)

    @OptionGroup var options: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var indexOptions: IndexOptions

    func run() async throws {
        let query = ["findings", "zone=\(options.zone.rawValue)", "format=\(format.rawValue)"]
        try await indexOptions.respond(to: query, on: options.snapshot) {
            let model = try await options.open(assumeEdges: .onDemand)
            let analysed = ContinuousClock.now
            let findings = await FindingsAnalyzer(model: model, progress: Progress.counter(label: "role classes and single roles reachable from outside analysed")).findings()
            Timings.note("findings (\(findings.count))", since: analysed)
            Progress.finish()
            let warnings = AnalysisSession.warnings(model).map(\.description)
            switch format {
            case .json:
                let formatted = ContinuousClock.now
                let answer = StoredAnswer(stdout: JSONWriter.findings(findings, warnings: warnings))
                Timings.note("format answer", since: formatted)
                return answer
            case .text:
                var notes = warnings.map { "warning: \($0)\n" }.joined()
                if !warnings.isEmpty { notes += "\(warnings.count) warning(s): the rest of the snapshot was analysed.\n" }
                let text = FindingsText.render(findings, zone: model.zone) + "\n"
                return StoredAnswer(stdout: Array(text.utf8), stderr: Array(notes.utf8))
            }
        }
    }
}
