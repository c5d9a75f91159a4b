import ArgumentParser

/// The `accessgraph` command: who can reach what in an AWS estate, from a snapshot.
@main
struct AccessGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accessgraph",
        abstract: "Who can reach what in an AWS account or organization, and which of it is reachable from outside.",
        version: "0.1.0",
        subcommands: [
            Collect.self,
            Findings.self,
            WhoCan.self,
            Simulate.self,
            Can.self,
            GraphCommand.self,
            Report.self,
            Admins.self,
            Paths.self,
            Check.self,
            Diff.self,
            Hygiene.self, Unused.self, PolicySuggest.self,
        ]
    )

    /// Runs the command; usage errors (a missing or malformed option) exit with code 2, like input errors.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.write(fullMessage(for: error) + "\n")
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
