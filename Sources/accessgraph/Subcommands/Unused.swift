import Analysis
import ArgumentParser
import Foundation

/// `accessgraph unused SNAPSHOT`: unused roles, access keys, passwords and permissions.
struct Unused: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List unused roles, access keys, passwords, and unused permissions at service and action level.",
        discussion: """
            Like IAM Access Analyzer's unused access findings, offline: roles from RoleLastUsed, keys and passwords \
            from the credential report, permissions from iam/service-last-accessed/<principal-id>.json. "Now" is the \
            snapshot's time. A principal without data is listed as unknown, never as unused. See docs/least-privilege.md.
            """)

    @OptionGroup var options: UsageSnapshotOptions

    @Option(help: "Unused means not used in this many days before the snapshot's time.")
    var days = 90

    @Option(help: "Output format: text, json or sarif.")
    var format: UsageFormat = .text

    @Option(name: .shortAndLong, help: "Write the output to this file instead of stdout.")
    var output: String?

    func validate() throws {
        guard days > 0 else { throw ValidationError("--days must be a positive number of days") }
    }

    func run() async throws {
        let snapshot = try await options.open()
        let window = try options.window(snapshot, days: days)
        let start = ContinuousClock.now
        let report = UnusedAnalyzer(snapshot: snapshot, window: window).report()
        Timings.note("unused", since: start)
        let warnings = snapshot.warnings.map(\.description)
        switch format {
        case .json: try UsageOutput.write(UnusedJSON(report: report, warnings: warnings), to: output)
        case .sarif: try UsageOutput.write(UsageOutput.sarif(options.snapshot).log(report), to: output)
        case .text:
            for w in warnings { Terminal.warning(w) }
            try UsageOutput.write(Data((UsageText.unused(report) + "\n").utf8), to: output)
        }
    }
}

/// The JSON shape of `unused`.
struct UnusedJSON: Encodable {
    var report: UnusedReport
    var warnings: [String]

    func encode(to encoder: any Encoder) throws {
        enum Keys: String, CodingKey { case now, days, findings, unknown, warnings }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(report.now, forKey: .now)
        try c.encode(report.days, forKey: .days)
        try c.encode(report.findings, forKey: .findings)
        try c.encode(report.unknown, forKey: .unknown)
        try c.encode(warnings, forKey: .warnings)
    }
}
