import Foundation
import Analysis
import ArgumentParser
import Policy

/// `accessgraph check no-public-access --resource-type TYPE POLICY`.
struct CheckNoPublicAccess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "no-public-access",
        abstract: "FAIL when a resource policy grants access to everyone (S3's definition of public).")

    @Option(help: "The resource type the policy belongs to, e.g. AWS::S3::Bucket, AWS::SQS::Queue, AWS::IAM::Role (trust policy).")
    var resourceType: String

    @Argument(help: "The resource policy file (one JSON policy document).")
    var policy: String

    @OptionGroup var output: CheckOutputOptions

    func run() throws {
        let document = try readCheckedPolicy(policy)
        let catalog: ActionCatalog
        do {
            catalog = try ActionCatalog.bundled()
        } catch {
            throw inputError("cannot load the action catalog: \(error)")
        }
        let result: PolicyCheckResult
        do {
            result = try NoPublicAccessCheck(catalog: catalog).run(document, resourceType: resourceType)
        } catch {
            throw inputError("--resource-type: \(error.description)")
        }
        try output.finish(result)
    }
}

/// `accessgraph check access-not-granted --actions A,B [--resources R,...] POLICY`.
struct CheckAccessNotGranted: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-not-granted",
        abstract: "FAIL when a policy allows one of the given actions (on one of the given resources).")

    @Option(help: "Actions, comma-separated (repeat to add more); patterns such as iam:Pass* are allowed.")
    var actions: [String] = []

    @Option(help: "Resource ARNs or patterns, comma-separated (repeat to add more); default: any resource.")
    var resources: [String] = []

    @Argument(help: "The policy file (one JSON policy document).")
    var policy: String

    @OptionGroup var output: CheckOutputOptions

    func validate() throws {
        if split(actions).isEmpty { throw ValidationError("--actions needs at least one action") }
        for a in split(actions) where !a.contains(":") && a != "*" {
            throw ValidationError("--actions: '\(a)' is not of the form service:Action")
        }
    }

    func run() throws {
        let document = try readCheckedPolicy(policy)
        let space = try loadActionSpace()
        let scope = split(resources)
        let result = AccessNotGrantedCheck(space: space).run(document, actions: split(actions), resources: scope.isEmpty ? nil : scope)
        try output.finish(result)
    }

    func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// `accessgraph check no-new-access --reference OLD NEW`.
struct CheckNoNewAccess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "no-new-access",
        abstract: "FAIL when the new policy may allow a request that the reference policy does not.")

    @Option(help: "The reference policy file (what is allowed today).")
    var reference: String

    @Argument(help: "The new policy file.")
    var policy: String

    @OptionGroup var output: CheckOutputOptions

    func run() throws {
        let old = try readCheckedPolicy(reference)
        let new = try readCheckedPolicy(policy)
        let result = NoNewAccessCheck(space: try loadActionSpace()).run(reference: old, new: new)
        try output.finish(result)
    }
}
