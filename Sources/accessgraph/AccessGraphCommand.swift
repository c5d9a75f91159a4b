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
        ]
    )
}
