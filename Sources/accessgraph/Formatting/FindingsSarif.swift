import Analysis
import Foundation
import Graph

/// `findings --format sarif`: the SARIF 2.1.0 log, written to `-o FILE` (whole or not at all) or stdout.
enum FindingsSarif {
    static func write(_ split: ArchiveSplit, escalations: ArchiveSplit? = nil, model: AccessModel, snapshot: String, to output: String?) throws {
        let report = SarifReport(model: model, snapshotPath: snapshot, toolVersion: AccessGraphCommand.configuration.version)
        let log = report.log(
            direct: split.findings, entryPoints: split.entryPoints, archived: split.archived + (escalations?.archived ?? []),
            escalated: escalations?.findings ?? [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(log)
        data.append(Data("\n".utf8))
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw inputError("cannot write \(output): \(error.localizedDescription)")
        }
    }
}
