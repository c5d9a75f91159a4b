import Analysis
import ArgumentParser
import Foundation
import Graph
import Snapshot

/// Output format of `unused` and `hygiene`.
enum UsageFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

/// Options shared by `unused`, `hygiene` and `policy-suggest`: the snapshot, read with its usage files.
struct UsageSnapshotOptions: ParsableArguments {
    @Argument(help: "The snapshot directory (see docs/snapshot-layout.md).")
    var snapshot: String

    /// The snapshot's IAM data with usage files (the service last-accessed ones only when
    /// `lastAccessed`); a missing snapshot exits 2.
    func open(lastAccessed: Bool = true) async throws -> Snapshot {
        do {
            let s = try await LeastPrivilegeSession.snapshot(snapshot, lastAccessed: lastAccessed, progress: Progress.reporter(label: "files read"), stages: Timings.stageTimer)
            Progress.finish()
            return s
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
    }

    /// The usage window ("now" is the snapshot's time); exits 2 when the snapshot gives no time.
    func window(_ snapshot: Snapshot, days: Int) throws -> UsageWindow {
        guard let w = LeastPrivilegeSession.window(snapshot, days: days) else {
            throw inputError("\(self.snapshot): no file tells the snapshot's time (no credential report, no IAM file)")
        }
        return w
    }
}

/// Writes machine output to `-o FILE` (whole or not at all) or stdout.
enum UsageOutput {
    static func write<T: Encodable>(_ value: T, to output: String?) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(Data("\n".utf8))
        try write(data, to: output)
    }

    static func write(_ data: Data, to output: String?) throws {
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

    static func sarif(_ snapshot: String) -> UsageSarif {
        UsageSarif(snapshotPath: snapshot, toolVersion: AccessGraphCommand.configuration.version)
    }
}
