import Analysis
import ArgumentParser
import Foundation
import Graph

/// `accessgraph hygiene SNAPSHOT`: the credential hygiene checks of AWS's IAM best practices.
struct Hygiene: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check root, MFA, access keys, the password policy and admins without MFA against AWS's IAM best practices.",
        discussion: """
            Reads each account's credential report, password policy and account summary (docs/snapshot-layout.md). \
            "Now" is the snapshot's time (the credential report's GeneratedTime, or else the newest file it reads; \
            service last-accessed files are not read). Admin equivalence is decided by the \
            evaluator, as for `admins`. Every check and its AWS page: docs/least-privilege.md.
            """)

    @OptionGroup var options: UsageSnapshotOptions

    @Option(name: .customLong("key-days"), help: "Access keys rotated longer ago than this many days are reported.")
    var keyDays = 90

    @Option(help: "Output format: text, json or sarif.")
    var format: UsageFormat = .text

    @Option(name: .shortAndLong, help: "Write the output to this file instead of stdout.")
    var output: String?

    @Option(help: "Zone of trust: organization (when the snapshot has one) or account.")
    var zone: ZoneKind = .organization

    func validate() throws {
        guard keyDays > 0 else { throw ValidationError("--key-days must be a positive number of days") }
    }

    func run() async throws {
        let snapshot = try await options.open(lastAccessed: false)
        let window = try options.window(snapshot, days: keyDays)
        let model = LeastPrivilegeSession.model(snapshot, zone: zone, stages: Timings.stageTimer)
        let start = ContinuousClock.now
        let report = HygieneAnalyzer(model: model, window: window, keyDays: keyDays).report()
        Timings.note("hygiene", since: start)
        let warnings = AnalysisSession.warnings(model).map(\.description)
        switch format {
        case .json: try UsageOutput.write(HygieneJSON(report: report, warnings: warnings), to: output)
        case .sarif: try UsageOutput.write(UsageOutput.sarif(options.snapshot).log(report), to: output)
        case .text:
            for w in warnings { Terminal.warning(w) }
            try UsageOutput.write(Data((UsageText.hygiene(report) + "\n").utf8), to: output)
        }
    }
}

/// The JSON shape of `hygiene`.
struct HygieneJSON: Encodable {
    var report: HygieneReport
    var warnings: [String]

    func encode(to encoder: any Encoder) throws {
        enum Keys: String, CodingKey { case now, keyDays, findings, notChecked, warnings }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(report.now, forKey: .now)
        try c.encode(report.keyDays, forKey: .keyDays)
        try c.encode(report.findings, forKey: .findings)
        try c.encode(report.notChecked, forKey: .notChecked)
        try c.encode(warnings, forKey: .warnings)
    }
}
