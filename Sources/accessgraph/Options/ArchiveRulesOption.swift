import Analysis
import ArgumentParser

/// `--archive-rules FILE` of `findings`.
struct ArchiveRulesOption: ParsableArguments {
    @Option(name: .customLong("archive-rules"), help: "A YAML file of archive rules: matching findings are listed apart as archived, with rule and reason.")
    var file: String?

    /// The rules, nil without the option; a malformed file exits with code 2 naming its line and column.
    func rules() throws -> ArchiveRules? {
        guard let file else { return nil }
        do {
            return try ArchiveRules.read(file)
        } catch {
            throw inputError(error.description)
        }
    }
}
