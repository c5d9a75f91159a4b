import Analysis
import AnswerIndex
import ArgumentParser
import Graph

/// `who-can --with-escalation`: the model with every role, the resource and the Lambda functions
/// (their execution roles and policies matter to escalation), then `EscalationWhoCan`.
enum WhoCanEscalation {
    static func answer(_ options: SnapshotOptions, resource: String, actions: [String], format: OutputFormat) async throws -> StoredAnswer {
        let model = try await options.openForEscalation(about: resource)
        let result: EscalatedWhoCanResult
        do {
            let analysed = ContinuousClock.now
            let escalation = Escalation(model: model)
            Timings.note("escalation index", since: analysed)
            result = try EscalationWhoCan(escalation: escalation).whoCan(resource, actions: actions, stages: Timings.stageTimer)
        } catch {
            Progress.finish()
            Terminal.error(String(describing: error))
            throw ExitCode(2)
        }
        Progress.finish()
        let warnings = AnalysisSession.warnings(model).map(\.description)
        switch format {
        case .json:
            return StoredAnswer(
                stdout: JSONWriter.escalatedWhoCan(resource: result.resource, principals: result.principals, warnings: warnings))
        case .text:
            let notes = warnings.map { "warning: \($0)\n" }.joined()
            return StoredAnswer(stdout: Array((EscalationText.whoCan(result) + "\n").utf8), stderr: Array(notes.utf8))
        }
    }
}

extension SnapshotOptions {
    /// The model for escalation questions about one resource (`EscalationSession.open(_:about:)`).
    func openForEscalation(about resource: String?, assumeEdges: AccessModel.AssumeEdgeBuilding = .onDemand) async throws -> AccessModel {
        do {
            let model = try await EscalationSession.open(
                snapshot, about: resource, zone: zone, progress: Progress.reporter(label: "files read"), stages: Timings.stageTimer,
                assumeEdges: assumeEdges)
            ProcessLifetime.keep(model)
            return model
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }
}
