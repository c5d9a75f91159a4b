import Analysis
import ArgumentParser
import Policy

/// `accessgraph check`: offline policy checks, counterparts of Access Analyzer's custom policy checks.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a policy file offline: no public access, access not granted, no new access.",
        discussion: """
            Each check prints PASS or FAIL and the statements responsible (Sid or index and JSON path). \
            Exit codes: 0 PASS, 1 FAIL, 2 usage or input error (a malformed policy names the file and \
            the JSON path). See docs/checks.md.
            """,
        subcommands: [CheckNoPublicAccess.self, CheckAccessNotGranted.self, CheckNoNewAccess.self])
}

/// Options every check shares: how to print the result.
struct CheckOutputOptions: ParsableArguments {
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// Prints the result and exits 1 when the check failed.
    func finish(_ result: PolicyCheckResult) throws {
        switch format {
        case .json: try JSONOutput.print(result)
        case .text:
            for w in result.warnings { Terminal.warning(w) }
            print(CheckText.render(result))
        }
        if !result.passed { throw ExitCode(1) }
    }
}

/// Reads a policy file for a check; an unreadable or malformed file exits with code 2.
func readCheckedPolicy(_ file: String) throws -> CheckedPolicy {
    do {
        return try CheckedPolicy.read(file)
    } catch {
        throw inputError(error.description)
    }
}

/// The action catalog as an action space; a missing catalog exits with code 2.
func loadActionSpace() throws -> ActionSpace {
    do {
        return ActionSpace(catalog: try ActionCatalog.bundled())
    } catch {
        throw inputError("cannot load the action catalog: \(error)")
    }
}
