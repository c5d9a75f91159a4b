import Analysis
import Policy

/// Shared pieces of the policy-check tests: the catalog's action space (loaded once) and
/// policies written inline.
enum CheckSupport {
    static let catalog: ActionCatalog = try! ActionCatalog.bundled()
    static let space = ActionSpace(catalog: catalog)

    /// A policy from its statements' JSON text.
    static func policy(_ statements: String, file: String) throws -> CheckedPolicy {
        try CheckedPolicy.parse(Array(#"{"Version": "2012-10-17", "Statement": [\#(statements)]}"#.utf8), file: file)
    }

    /// Runs `no-new-access` on two policies given by their statements.
    static func noNewAccess(reference: String, new: String) throws -> PolicyCheckResult {
        NoNewAccessCheck(space: space).run(reference: try policy(reference, file: "old.json"), new: try policy(new, file: "new.json"))
    }
}
