import Analysis
import ArgumentParser
import Foundation
import Render

/// `accessgraph report SNAPSHOT -o FILE`: one self-contained HTML page of the findings.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report: counts, a sortable findings table, each path drawn.",
        discussion: """
            The page loads nothing from the network: styles, script and the SVG drawings are inline.
            """)

    @OptionGroup var options: SnapshotOptions

    @Option(name: [.customShort("o"), .long], help: "The HTML file to write.")
    var output: String

    @Option(help: "Draw the paths of at most this many findings (each is a Graphviz layout).")
    var maxDrawings = 1000

    func validate() throws {
        if maxDrawings < 0 { throw ValidationError("--max-drawings must be 0 or more") }
    }

    func run() async throws {
        let model = try await options.open()
        let findings = await FindingsAnalyzer(model: model).findings()
        Progress.finish()
        let source = URL(fileURLWithPath: options.snapshot).standardizedFileURL.lastPathComponent
        let report = HTMLReport(
            model: model, findings: findings, warnings: AnalysisSession.warnings(model).map(\.description),
            source: source, renderOptions: .snapshot(model), maxDrawings: maxDrawings
        ).render()
        do {
            try Data(report.html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.error("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        for e in report.drawingErrors { Terminal.warning("could not draw the path to \(e)") }
        let c = report.counts
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        Terminal.write("wrote \(output): \(count(c.findings, "finding")) (\(c.publicFindings) public), "
            + "\(count(report.drawn, "path")) drawn, \(count(c.warnings, "warning"))\n")
    }
}
