import Foundation
import SnapshotLayout

/// IAM's usage data for least-privilege questions (docs/least-privilege.md): the credential
/// report, the password policy and the account summary.
enum IAMUsage {
    /// `get-account-password-policy` (no file when AWS answers `NoSuchEntity`: the account has
    /// none) and `get-account-summary`.
    static let commands: [AccountCommand] = [
        AccountCommand(.iam, CommandTemplate("iam", .getAccountPasswordPolicy, absent: ["NoSuchEntity"])),
        AccountCommand(.iam, CommandTemplate("iam", .getAccountSummary)),
    ]

    /// How many times `generate-credential-report` is asked before giving up (`poll` apart).
    static let reportAttempts = 60

    /// `generate-credential-report` until its `State` is `COMPLETE` (asked again `poll` later,
    /// without holding a place among the commands running), then `get-credential-report` saved
    /// verbatim. With `--resume` and the report there, nothing runs.
    static func credentialReportJob(account: String, poll: Duration = .seconds(1), attempt: Int = 1) -> Job {
        let folder = SnapshotLayout.serviceDirectory(account: account, region: nil, service: .iam)
        let path = SnapshotLayout.path(of: .getCredentialReport, in: folder)
        return Job(command: AWSCommand(["iam", "generate-credential-report"]), target: path) { data throws(UnexpectedOutput) in
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let state = object["State"] as? String else {
                throw UnexpectedOutput("output has no \"State\"")
            }
            guard state == "COMPLETE" else {
                guard attempt < reportAttempts else { throw UnexpectedOutput("the credential report is still \(state) after \(attempt) attempts") }
                var again = credentialReportJob(account: account, poll: poll, attempt: attempt + 1)
                again.delay = poll
                return JobOutput(followUps: [again])
            }
            return JobOutput(followUps: [.save(AWSCommand(["iam", LayoutFile.getCredentialReport.operation]), to: path)])
        }
    }
}
