import ArgumentParser

struct WhoCan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "who-can", abstract: "List every principal that can act on a resource.")
    func run() async throws {}
}
