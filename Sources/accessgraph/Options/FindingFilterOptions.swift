import Analysis
import ArgumentParser

/// `findings`' filters, applied before any output is built.
struct FindingFilterOptions: ParsableArguments {
    @Option(name: .customLong("resource-type"), help: "Only resources of this type, e.g. AWS::S3::Bucket (repeat for several).")
    var resourceTypes: [String] = []

    @Option(name: .customLong("account"), help: "Only resources of this account id (repeat for several).")
    var accounts: [String] = []

    @Option(name: .customLong("principal"), help: "Only this outside principal, e.g. arn:aws:iam::123456789012:root (repeat for several).")
    var principals: [String] = []

    @Flag(name: .customLong("public-only"), help: "Only public access.")
    var publicOnly = false

    /// The filter; a value that is not accepted exits with code 2, saying what is.
    func filter() throws -> FindingFilter {
        do {
            return try FindingFilter.validated(resourceTypes: resourceTypes, accounts: accounts, principals: principals, publicOnly: publicOnly)
        } catch {
            throw inputError(error.description)
        }
    }
}
