import Foundation

/// The temporary credentials `sts assume-role` printed, kept in memory only.
struct MemberCredentials: Sendable, Hashable, CustomStringConvertible {
    let accessKeyID: String
    let secretAccessKey: String
    let sessionToken: String

    /// Reads `Credentials` from `assume-role`'s output. The error never quotes the output,
    /// which holds the secret.
    static func parse(_ output: Data) throws(UnexpectedOutput) -> MemberCredentials {
        let object = (try? JSONSerialization.jsonObject(with: output)) as? [String: Any]
        guard let credentials = object?["Credentials"] as? [String: Any],
              let key = credentials["AccessKeyId"] as? String, !key.isEmpty,
              let secret = credentials["SecretAccessKey"] as? String, !secret.isEmpty,
              let token = credentials["SessionToken"] as? String, !token.isEmpty else {
            throw UnexpectedOutput("assume-role printed no Credentials (AccessKeyId, SecretAccessKey, SessionToken)")
        }
        return MemberCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
    }

    /// Redacted: credentials never reach a log.
    var description: String { "MemberCredentials(redacted)" }
}
