import Analysis
import ArgumentParser
import Graph
import Render

/// `graph --with-escalation`: the escalated who-can paths of `--focus`, or else every admin's path.
enum EscalationGraph {
    static func draw(_ command: GraphCommand) async throws {
        let model = try await command.options.openForEscalation(about: command.focus, assumeEdges: command.focus == nil ? .all : .onDemand)
        let escalation = Escalation(model: model)
        let views = GraphViews(model: model)
        if let focus = command.focus {
            do {
                let result = try EscalationWhoCan(escalation: escalation).whoCan(focus)
                let graph = views.graph(escalatedWhoCan: result)
                try command.draw(model: model) { try $0.render(graph, view: .focus(focus), format: $1) }
            } catch let error as WhoCanAnalyzer.Failure {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        } else {
            let graph = views.graph(paths: AdminsAnalyzer(escalation: escalation).admins())
            try command.draw(model: model) { try $0.render(graph, view: .all, format: $1) }
        }
    }
}
