import Analysis
import ArgumentParser
import Graph

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

    func run() async throws {
        let model = try await options.open()
        let start = ContinuousClock.now
        let findings = await FindingsAnalyzer(model: model, progress: Progress.counter(label: "roles reachable from outside analysed")).findings()
        Timings.note("findings (\(findings.count))", since: start)
        Progress.finish()
        let warnings = AnalysisSession.warnings(model).map(\.description)
        switch format {
        case .json:
            let written = ContinuousClock.now
            JSONWriter.emit(JSONWriter.findings(findings, warnings: warnings))
            Timings.note("write JSON", since: written)
        case .text:
            print(FindingsText.render(findings, zone: model.zone))
            for w in warnings { Terminal.warning(w) }
            if !warnings.isEmpty { Terminal.write("\(warnings.count) warning(s): the rest of the snapshot was analysed.\n") }
        }
    }
}
