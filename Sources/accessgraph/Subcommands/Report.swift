import Analysis
import ArgumentParser
import Foundation
import Render

/// `accessgraph report SNAPSHOT -o FILE`: one self-contained HTML page of what is reachable from outside.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a self-contained HTML report: counts, the overview drawing, entry points, direct findings.",
        discussion: """
            The page loads nothing from the network: styles, script and the SVG drawing are inline. \
            Entry points unfold to what they reach per account and resource type; the transitive \
            findings themselves are not listed (findings --expand lists them).
            """)

    @OptionGroup var options: SnapshotOptions

    @Option(name: [.customShort("o"), .long], help: "The HTML file to write.")
    var output: String

    @Option(help: "The most nodes the overview drawing has; what does not fit is counted on the page.")
    var maxNodes = 300

    func validate() throws {
        if maxNodes < 1 { throw ValidationError("--max-nodes must be 1 or more") }
    }

    func run() async throws {
        let model = try await options.open(assumeEdges: .onDemand)
        var start = ContinuousClock.now
        let analysis = await UnusedMarks.marked(await FindingsAnalyzer(model: model).analyze())
        Timings.note("analysis", since: start)
        start = .now
        let overview = analysis.overview()
        Timings.note("overview", since: start)
        Progress.finish()
        start = .now
        let source = URL(fileURLWithPath: options.snapshot).standardizedFileURL.lastPathComponent
        var renderOptions = RenderOptions.snapshot(model)
        renderOptions.maxNodes = maxNodes
        let report = HTMLReport(
            model: model, overview: overview, warnings: AnalysisSession.warnings(model).map(\.description),
            source: source, renderOptions: renderOptions
        ).render()
        Timings.note("page (drawing included)", since: start)
        do {
            try Data(report.html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.error("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        if let e = report.drawingError { Terminal.warning("could not draw the overview: \(e)") }
        let c = report.counts
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        Terminal.write("wrote \(output): \(count(c.findings, "direct finding")) (\(c.publicFindings) public), "
            + "\(count(c.entryPoints, "entry point")), \(count(c.reachableResources, "resource")) reachable from outside, "
            + "\(count(c.warnings, "warning"))\n")
        for line in report.drawing?.notes ?? [] { Terminal.write("overview: \(line)\n") }
    }
}
