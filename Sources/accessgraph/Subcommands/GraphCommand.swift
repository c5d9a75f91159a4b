import Analysis
import ArgumentParser
import Foundation
import Graph
import Render

/// `accessgraph graph SNAPSHOT`: draws access paths through the Graphviz library.
struct GraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw access paths as SVG, PNG, PDF or DOT (Graphviz, in process).",
        discussion: """
            Default: an overview of what is reachable from outside: each account as a box with counts, \
            the roles outsiders enter and who enters them, and per account and resource type what they \
            reach (counts and access levels), public resources one by one; at most --max-nodes nodes, \
            and what is left out is said in the title and on standard error. --paths draws every \
            external and public access path node by node, --focus every path that reaches one resource, \
            --from everything one principal reaches, --all the whole graph (each of these can be large \
            on an organization).
            """)

    @OptionGroup var options: SnapshotOptions

    @Option(help: "Draw every path that reaches this resource ARN.")
    var focus: String?

    @Option(help: "Draw everything this principal (ARN) reaches.")
    var from: String?

    @Flag(help: "Draw the whole graph (every principal's access).")
    var all = false

    @Flag(help: "Draw every external and public access path, node by node, instead of the overview.")
    var paths = false

    @Option(help: "The most nodes the overview draws; what does not fit is counted in the title.")
    var maxNodes = 300

    @Option(help: "svg, png, pdf or dot; default: from the output file's extension, else svg.")
    var format: String?

    @Option(name: [.customShort("o"), .long], help: "Output file; default: standard output.")
    var output: String?

    @Flag(help: "With --focus: also follow privilege escalation; alone: draw who is effectively admin and how (docs/escalation.md).")
    var withEscalation = false

    @Option(help: "Merge principals with identical edges when the view has more nodes than this.")
    var collapseAbove = 60

    func validate() throws {
        if [focus != nil, from != nil, all, paths].filter({ $0 }).count > 1 {
            throw ValidationError("use at most one of --focus, --from, --paths and --all")
        }
        if maxNodes < 1 { throw ValidationError("--max-nodes must be 1 or more") }
    }

    func run() async throws {
        if withEscalation, from == nil, !all {
            return try await EscalationGraph.draw(self)
        }
        // Role-assumption edges are built all at once only for --from (which walks every edge out
        // of each principal it meets); the other views decide them on demand (tested equal).
        let model = try await options.open(assumeEdges: from != nil ? .all : .onDemand)
        let views = GraphViews(model: model)
        let graph: AccessGraph
        let view: GraphView
        if let focus {
            do {
                graph = views.graph(whoCan: try WhoCanAnalyzer(model: model).whoCan(focus))
            } catch {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
            view = .focus(focus)
        } else if let from {
            guard model.principal(from) != nil else {
                Terminal.error("principal \(from) is not in the snapshot and no policy names it")
                throw ExitCode(2)
            }
            graph = views.graph(from: from)
            view = .from(from)
        } else if all {
            graph = views.fullGraph()
            view = .all
        } else if paths {
            graph = views.graph(findings: await FindingsAnalyzer(model: model).findings())
            view = .external
        } else {
            var start = ContinuousClock.now
            let analysis = await FindingsAnalyzer(model: model).analyze()
            Timings.note("analysis", since: start)
            start = .now
            let overview = analysis.overview()
            Timings.note("overview", since: start)
            Progress.finish()
            start = .now
            try draw(model: model) { try $0.render(overview, format: $1) }
            Timings.note("drawing", since: start)
            return
        }
        try draw(model: model) { try $0.render(graph, view: view, format: $1) }
    }

    func draw(model: AccessModel, _ render: (GraphRenderer, Render.OutputFormat) throws -> RenderOutput) throws {
        let format = Render.OutputFormat(rawValue: format ?? output.map { ($0 as NSString).pathExtension }.flatMap { $0.isEmpty ? nil : $0 } ?? "svg")
        var renderOptions = RenderOptions.snapshot(model)
        renderOptions.collapseAbove = collapseAbove
        renderOptions.maxNodes = maxNodes
        let out: RenderOutput
        do {
            out = try render(GraphRenderer(options: renderOptions), format)
        } catch {
            Terminal.error((error as? RenderError)?.description ?? "\(error)")
            throw ExitCode(2)
        }
        if let output {
            do {
                try Data(out.data).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Terminal.error("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(2)
            }
        } else {
            FileHandle.standardOutput.write(Data(out.data))
        }
        for line in out.summary.lines { Terminal.write("\(line)\n") }
    }
}
