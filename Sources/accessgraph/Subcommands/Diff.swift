import Analysis
import ArgumentParser
import Foundation
import Graph

/// `accessgraph diff OLD NEW`: what changed in the findings and entry points between two snapshots.
struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the findings and entry points of two snapshots: new, changed, resolved.",
        discussion: """
            Findings and entry points are matched by resource (or entry role), principal and public flag; \
            one that only gained or lost actions or conditions is changed, not new. Exit codes: 0, or 1 \
            when --fail-on matches; 2 for usage or input errors.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Argument(help: "The old snapshot directory.")
    var old: String

    @Argument(help: "The new snapshot directory.")
    var new: String

    @Option(help: "Zone of trust: organization (when the snapshot has one) or account.")
    var zone: ZoneKind = .organization

    @Option(help: "Exit with code 1 on: new-public (a new public finding), new-external (any new finding), any (anything new or changed).")
    var failOn: FindingsDiff.Gate?

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    func run() async throws {
        let before = try await entries(old)
        let after = try await entries(new)
        let diff = FindingsDiff(old: before, new: after)
        switch format {
        case .text: print(DiffText.text(diff))
        case .markdown: print(DiffText.markdown(diff))
        case .json: try JSONOutput.print(diff)
        }
        if let failOn, diff.fails(failOn) { throw ExitCode(1) }
    }

    /// The direct findings and entry points of one snapshot, by id; a missing snapshot exits 2.
    func entries(_ path: String) async throws -> [String: DiffEntry] {
        let model: AccessModel
        do {
            model = try await AnalysisSession.open(path, zone: zone, assumeEdges: .onDemand)
        } catch {
            throw inputError(error.description)
        }
        ProcessLifetime.keep(model)
        for w in AnalysisSession.warnings(model) { Terminal.warning(w.description) }
        let analysis = await FindingsAnalyzer(model: model).analyze()
        return DiffEntry.entries(findings: analysis.direct, entryPoints: analysis.entryPoints())
    }
}

extension FindingsDiff.Gate: ExpressibleByArgument {}
