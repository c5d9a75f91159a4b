import Analysis
import ArgumentParser
import Graph
import Snapshot

/// Output format of the query commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Options shared by the commands that read a snapshot.
struct SnapshotOptions: ParsableArguments {
    @Argument(help: "The snapshot directory (see docs/snapshot-layout.md).")
    var snapshot: String

    @Option(help: "Zone of trust: organization (when the snapshot has one) or account.")
    var zone: ZoneKind = .organization

    /// Loads the snapshot; a missing or empty snapshot exits with code 2 and a message. The model is
    /// kept until the process exits (`ProcessLifetime`).
    func open(assumeEdges: AccessModel.AssumeEdgeBuilding = .all) async throws -> AccessModel {
        try await opened { () async throws(SnapshotError) in
            try await AnalysisSession.open(
                snapshot, zone: zone, progress: Progress.reporter(label: "files read"), stages: Timings.stageTimer,
                assumeEdges: assumeEdges)
        }
    }

    /// The same for questions about one resource (`AnalysisSession.open(_:about:)`).
    func open(about resource: String) async throws -> AccessModel {
        try await opened { () async throws(SnapshotError) in
            try await AnalysisSession.open(
                snapshot, about: resource, zone: zone, progress: Progress.reporter(label: "files read"), stages: Timings.stageTimer)
        }
    }

    private func opened(_ load: () async throws(SnapshotError) -> AccessModel) async throws -> AccessModel {
        do {
            let model = try await load()
            ProcessLifetime.keep(model)
            return model
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }
}

extension ZoneKind: ExpressibleByArgument {}
