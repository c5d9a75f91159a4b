import Analysis
import ArgumentParser
import Policy

/// Options shared by `simulate` and `can`: condition keys and how to print the answer.
struct RequestOutputOptions: ParsableArguments {
    @Option(name: .customLong("context"), help: "A condition key of the request, KEY=VALUE (repeat; a repeated key is multi-valued).")
    var context: [String] = []

    @Flag(help: "List the statements that matched, per policy type, and the rule that settled the decision.")
    var explain = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The `--context` pairs grouped by key; a pair without `=` exits with code 2.
    func contextKeys() throws -> [(key: String, values: [String])] {
        var pairs: [(String, String)] = []
        for c in context {
            guard let pair = ConcreteRequest.splitPair(c) else {
                Terminal.error("--context '\(c)' is not KEY=VALUE")
                throw ExitCode(2)
            }
            pairs.append(pair)
        }
        return ConcreteRequest.contextPairs(pairs)
    }

    func print(_ report: SimulationReport) throws {
        switch format {
        case .json: try JSONOutput.print(report)
        case .text: Swift.print(SimulationText.render(report, explain: explain))
        }
    }
}

/// Input errors exit with code 2 and a message.
func inputError(_ message: String) -> ExitCode {
    Terminal.error(message)
    return ExitCode(2)
}
