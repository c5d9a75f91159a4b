import Analysis
import Foundation

extension Findings {
    /// `--format sarif` and `--archive-rules`: computed without the answer index, archived findings
    /// split off and listed apart (SARIF: as suppressed results).
    func archivedOrSarif(filter: FindingFilter, rules: ArchiveRules?) async throws -> Never {
        let model = try await options.open(assumeEdges: .onDemand)
        let analysis = await UnusedMarks.marked(await analyze(model, filter: filter))
        let warnings = AnalysisSession.warnings(model).map(\.description)
        let split = ArchiveSplit(
            findings: analysis.direct, entryPoints: analysis.entryPoints(), rules: rules ?? ArchiveRules(rules: []), model: model)
        switch format {
        case .sarif:
            for w in warnings { Terminal.warning(w) }
            // With --with-escalation: the transitive findings whose path takes an escalation step.
            var escalated: [Finding] = []
            if withEscalation {
                analysis.forEachTransitiveFinding({ _, found in found.filter(SarifReport.isEscalated) }, consume: { escalated += $0 })
            }
            let escalations = ArchiveSplit(findings: escalated, entryPoints: [], rules: rules ?? ArchiveRules(rules: []), model: model)
            try FindingsSarif.write(split, escalations: escalations, model: model, snapshot: options.snapshot, to: output)
        case .json, .ndjson:
            FileHandle.standardOutput.write(Data(JSONWriter.findings(
                split.findings, entryPoints: split.entryPoints, archived: split.archived, warnings: warnings)))
        case .text:
            let text = FindingsText.render(
                direct: split.findings, entryPoints: split.entryPoints, transitive: nil, zone: model.zone, levels: Self.levels(model))
            print(text + "\n\n" + FindingsText.archived(split.archived))
            Terminal.write(FindingsStream.notes(warnings))
        }
        Answered.finish()
    }
}
