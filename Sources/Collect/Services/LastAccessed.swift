import Foundation
import SnapshotLayout

/// Each IAM user's and role's service last-accessed data, which `unused` and `policy-suggest` read
/// (docs/least-privilege.md), one report job per principal of the authorization details the
/// collector saved first (service-linked roles left out, as `unused` leaves them out):
///
/// 1. `iam generate-service-last-accessed-details --arn ARN --granularity ACTION_LEVEL` starts the
///    job and answers its `JobId`. ACTION_LEVEL adds `TrackedActionsLastAccessed` to the services
///    whose actions IAM tracks; the others still get their service-level data.
///    https://docs.aws.amazon.com/IAM/latest/APIReference/API_GenerateServiceLastAccessedDetails.html
///    When ACTION_LEVEL is refused (`InvalidInput`, or a CLI that does not know `--granularity`),
///    the job is started again at SERVICE_LEVEL. `NoSuchEntity` (the principal was deleted since
///    the authorization details were read) leaves no file and no warning.
/// 2. `iam get-service-last-accessed-details --job-id J --max-items 1000` until `JobStatus` is no
///    longer `IN_PROGRESS`, asked again after a wait that holds no place among the running commands.
///    https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetServiceLastAccessedDetails.html
///    `COMPLETED`: the output is saved verbatim as `iam/service-last-accessed/<UserId or RoleId>.json`.
///    `FAILED`: its `Error` is recorded in `collect-errors.json` and no file is written.
///    The CLI does not paginate this operation, so the page is asked as large as the API allows
///    (1000 services; there are fewer services than that). Should IAM still answer `IsTruncated`,
///    the next pages are asked with `--marker` and their `ServicesLastAccessed` joined into the
///    last page's object (then the file is re-serialised, not verbatim).
///
/// With `--resume`, a principal whose file is there is not asked again.
struct LastAccessed: Sendable {
    /// The report's level of detail (`--granularity`).
    enum Granularity: String, Sendable {
        case actionLevel = "ACTION_LEVEL"
        case serviceLevel = "SERVICE_LEVEL"
    }

    /// A user or role of the authorization details: its ARN (to generate the report) and its
    /// unique id (`UserId`, `RoleId`: the file's name, which the usage loader matches).
    struct Principal: Sendable, Hashable {
        let arn: String
        let id: String
    }

    /// The largest page `get-service-last-accessed-details` gives (`MaxItems`, 1 to 1000).
    static let pageSize = 1000
    /// How many times one job's status is asked before giving up.
    static let attempts = 60

    /// The account whose principals these are.
    let account: String
    /// The first wait before asking a job's status again; later waits grow to five times it.
    let poll: Duration

    /// The report jobs for the users and roles of `get-account-authorization-details`' output.
    func jobs(fromAuthorizationDetails data: Data) -> [Job] {
        Self.principals(in: data).map { generateJob($0) }
    }

    /// The users (`UserDetailList[].Arn`, `UserId`) and roles (`RoleDetailList[].Arn`, `RoleId`),
    /// without service-linked roles (path `/aws-service-role/`) and without entries lacking either
    /// value or whose id is not a word (`[A-Za-z0-9_]+`, as IAM's ids are). Unreadable output: none.
    static func principals(in authorizationDetails: Data) -> [Principal] {
        guard let object = (try? JSONSerialization.jsonObject(with: authorizationDetails)) as? [String: Any] else { return [] }
        func list(_ key: String, id: String) -> [Principal] {
            let entries = object[key] as? [[String: Any]] ?? []
            return entries.compactMap { entry in
                guard let arn = entry["Arn"] as? String, let principalID = entry[id] as? String, isWord(principalID),
                      (entry["Path"] as? String)?.hasPrefix("/aws-service-role/") != true else { return nil }
                return Principal(arn: arn, id: principalID)
            }
        }
        return list("UserDetailList", id: "UserId") + list("RoleDetailList", id: "RoleId")
    }

    /// `generate-service-last-accessed-details` for `principal`, leading to the first status ask.
    func generateJob(_ principal: Principal, granularity: Granularity = .actionLevel) -> Job {
        let command = AWSCommand(["iam", "generate-service-last-accessed-details", "--arn", principal.arn,
                                  "--granularity", granularity.rawValue])
        let path = file(of: principal)
        var job = Job(command: command, absentErrorCodes: ["NoSuchEntity"], target: path) { data throws(UnexpectedOutput) in
            let object = try Self.object(data)
            guard let jobID = object["JobId"] as? String, !jobID.isEmpty else { throw UnexpectedOutput("output has no \"JobId\"") }
            return JobOutput(followUps: [getJob(principal, jobID: jobID)])
        }
        if granularity == .actionLevel {
            job.fallback = { result in
                Self.refusesActionLevel(result) ? generateJob(principal, granularity: .serviceLevel) : nil
            }
        }
        return job
    }

    /// `get-service-last-accessed-details` of job `jobID`: asked again while `IN_PROGRESS`, then
    /// saved (or its next page asked); `pages` are the earlier pages of a truncated report.
    func getJob(_ principal: Principal, jobID: String, attempt: Int = 1, marker: String? = nil, pages: [Data] = []) -> Job {
        var arguments = ["iam", LayoutFile.getServiceLastAccessedDetails.operation, "--job-id", jobID,
                         "--max-items", String(Self.pageSize)]
        if let marker { arguments += ["--marker", marker] }
        let path = file(of: principal)
        return Job(command: AWSCommand(arguments), target: path) { data throws(UnexpectedOutput) in
            let object = try Self.object(data)
            guard let status = object["JobStatus"] as? String else { throw UnexpectedOutput("output has no \"JobStatus\"") }
            switch status {
            case "COMPLETED":
                if object["IsTruncated"] as? Bool == true, let next = object["Marker"] as? String {
                    return JobOutput(followUps: [getJob(principal, jobID: jobID, marker: next, pages: pages + [data])])
                }
                let contents = pages.isEmpty ? data : try Self.join(pages + [data])
                return JobOutput(files: [SnapshotFile(path: path, contents: contents)])
            case "IN_PROGRESS":
                guard attempt < Self.attempts else {
                    return JobOutput(failure: "the service last-accessed report of \(principal.arn) is still IN_PROGRESS after \(attempt) attempts")
                }
                var again = getJob(principal, jobID: jobID, attempt: attempt + 1, marker: marker, pages: pages)
                again.delay = poll * min(attempt, 5)
                return JobOutput(followUps: [again])
            case "FAILED":
                let error = object["Error"] as? [String: Any]
                let reason = [error?["Code"] as? String, error?["Message"] as? String].compactMap { $0 }.joined(separator: ": ")
                return JobOutput(failure: "the service last-accessed report of \(principal.arn) FAILED"
                                 + (reason.isEmpty ? "" : ": \(reason)"))
            default:
                throw UnexpectedOutput("unknown \"JobStatus\" \(status)")
            }
        }
    }

    /// The snapshot file of `principal`'s report.
    func file(of principal: Principal) -> String {
        SnapshotLayout.serviceLastAccessedFile(account: account, principalID: principal.id)
    }

    /// Whether a failed generate says ACTION_LEVEL is not accepted: AWS's `InvalidInput`, or a
    /// CLI too old to know `--granularity` (`Unknown options: --granularity, ACTION_LEVEL`).
    static func refusesActionLevel(_ result: CommandResult) -> Bool {
        ErrorClassifier.errorCode(in: result.standardError) == "InvalidInput" || result.standardError.contains("--granularity")
    }

    /// The pages of one report as one object: the last page's members, every page's
    /// `ServicesLastAccessed` in order, `IsTruncated` false and no `Marker`.
    static func join(_ pages: [Data]) throws(UnexpectedOutput) -> Data {
        var joined: [String: Any] = [:]
        var services: [Any] = []
        for page in pages {
            joined = try object(page)
            services += joined["ServicesLastAccessed"] as? [Any] ?? []
        }
        joined["ServicesLastAccessed"] = services
        joined["IsTruncated"] = false
        joined["Marker"] = nil
        do {
            return try JSONSerialization.data(withJSONObject: joined, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        } catch {
            throw UnexpectedOutput("cannot write the joined report")
        }
    }

    private static func object(_ data: Data) throws(UnexpectedOutput) -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw UnexpectedOutput("output is not a JSON object")
        }
        return object
    }

    private static func isWord(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) }
    }
}
