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
                try command.draw(views.graph(escalatedWhoCan: result), view: .focus(focus), model: model)
            } catch let error as WhoCanAnalyzer.Failure {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        } else {
            try command.draw(views.graph(paths: AdminsAnalyzer(escalation: escalation).admins()), view: .all, model: model)
        }
    }
}
