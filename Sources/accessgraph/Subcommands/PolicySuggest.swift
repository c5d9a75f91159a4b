import Analysis
import ArgumentParser
import Foundation
import Graph
import Policy

/// `accessgraph policy-suggest SNAPSHOT PRINCIPAL -o policy.json`: a least-privilege identity
/// policy from what the principal used.
struct PolicySuggest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy-suggest",
        abstract: "Write a least-privilege identity policy for a user or role from its service last-accessed data.",
        discussion: """
            Keeps, of the actions the current identity policies allow, those of services used in the last --days days \
            (and of services with action-level data, only the actions used), with the current statements' resources and \
            conditions. The suggestion is checked with `check no-new-access` and the evaluator: it grants nothing the \
            current policies do not; a suggestion failing that is not written (exit 1). See docs/least-privilege.md.
            """)

    @OptionGroup var options: UsageSnapshotOptions

    @Argument(help: "The user's or role's ARN.")
    var principal: String

    @Option(help: "Keep what was used in this many days before the snapshot's time.")
    var days = 90

    @Option(name: .shortAndLong, help: "Write the policy to this file (default: stdout).")
    var output: String?

    @Option(help: "Zone of trust: organization (when the snapshot has one) or account.")
    var zone: ZoneKind = .organization

    func validate() throws {
        guard days > 0 else { throw ValidationError("--days must be a positive number of days") }
    }

    func run() async throws {
        let snapshot = try await options.open()
        let window = try options.window(snapshot, days: days)
        let model = LeastPrivilegeSession.model(snapshot, zone: zone, stages: Timings.stageTimer)
        let suggestion: PolicySuggestion
        do {
            suggestion = try PolicySuggester(model: model, window: window).suggest(principal: principal)
        } catch let error as PolicySuggestError {
            throw inputError(error.description)
        }
        Terminal.write("""
            \(suggestion.actions.count) action(s) kept; services not used since \(Timestamp.day(window.cutoff)) left out: \
            \(suggestion.droppedServices.isEmpty ? "none" : suggestion.droppedServices.joined(separator: ", ")); evidence: \(suggestion.evidence)

            """)
        if !suggestion.untrackedServices.isEmpty {
            Terminal.write("no action-level data for \(suggestion.untrackedServices.joined(separator: ", ")): every allowed action of theirs kept\n")
        }
        Terminal.write("check no-new-access: \(suggestion.noNewAccess.verdict); evaluator: \(suggestion.requestsCompared) request(s) compared, \(suggestion.widened.count) widened\n")
        guard suggestion.grantsNothingNew else {
            for p in suggestion.noNewAccess.problems { Terminal.write("  \(p)\n") }
            for w in suggestion.widened { Terminal.write("  widened: \(w)\n") }
            Terminal.error("the suggestion would grant more than the current policies; not written")
            throw ExitCode(1)
        }
        try UsageOutput.write(Data(suggestion.policy.utf8), to: output)
    }
}
