import ArgumentParser

struct Findings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List resources reachable from outside the zone of trust.")
    func run() async throws {}
}
