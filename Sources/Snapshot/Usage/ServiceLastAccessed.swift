import Policy

/// One principal's service last-accessed data (`aws iam get-service-last-accessed-details`,
/// saved as `iam/service-last-accessed/<principal-id>.json`): for each service its policies
/// allow, when it last used it, and for services with action-level tracking, each tracked action.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_last-accessed.html
public struct ServiceLastAccessed: Sendable {
    /// The file, relative to the snapshot root.
    public var file: String
    /// The principal's unique id (`AIDA…`, `AROA…`), from the file's name.
    public var principalID: String
    /// `JobCompletionDate` (epoch seconds).
    public var completedAt: Double?
    /// `JobType`: `ACTION_LEVEL` when tracked actions were asked for.
    public var actionLevel: Bool
    /// The services, in the file's order.
    public var services: [ServiceUse]
}

/// One service of a last-accessed report.
public struct ServiceUse: Sendable, Hashable {
    /// `ServiceNamespace`: `s3`, `iam`.
    public var namespace: String
    /// `ServiceName`: `Amazon S3`.
    public var name: String
    /// `LastAuthenticated`: `never` when absent (AWS lists the service with no use in its tracking period).
    public var lastAuthenticated: LastUse
    /// `TrackedActionsLastAccessed`, nil when the service has no action-level data.
    public var actions: [ActionUse]?
}

/// One tracked action of a service.
public struct ActionUse: Sendable, Hashable {
    /// `ActionName`: `GetObject` (without the service prefix).
    public var name: String
    /// `LastAccessedTime`: `never` when absent.
    public var lastAccessed: LastUse
}

enum ServiceLastAccessedParser {
    /// The report, or nil with a warning naming the file and JSON path; a report whose job did not
    /// complete (`JobStatus` other than `COMPLETED`) is not usable data.
    static func parse(_ json: JSONValue, file: String, principalID: String, warnings: inout [SnapshotWarning]) -> ServiceLastAccessed? {
        guard case .object(let root) = json else { return nil }
        if let status = root["JobStatus"]?.stringValue, status != "COMPLETED" {
            warnings.append(SnapshotWarning(file: file, jsonPath: "$.JobStatus", message: "job \(status), not COMPLETED; the principal's use is unknown"))
            return nil
        }
        guard case .array(let list)? = root["ServicesLastAccessed"] else {
            warnings.append(SnapshotWarning(file: file, jsonPath: "$.ServicesLastAccessed", message: "missing or not an array; the principal's use is unknown"))
            return nil
        }
        let access = JSONAccess(file: file)
        var services: [ServiceUse] = []
        for (i, entry) in list.enumerated() {
            let path = "$.ServicesLastAccessed[\(i)]"
            guard case .object(let s) = entry, let namespace = s["ServiceNamespace"]?.stringValue else {
                warnings.append(SnapshotWarning(file: file, jsonPath: path, message: "no ServiceNamespace; the entry is skipped"))
                continue
            }
            var actions: [ActionUse]?
            if case .array(let tracked)? = s["TrackedActionsLastAccessed"] {
                actions = tracked.enumerated().compactMap { j, a in
                    guard case .object(let o) = a, let name = o["ActionName"]?.stringValue else {
                        warnings.append(SnapshotWarning(file: file, jsonPath: "\(path).TrackedActionsLastAccessed[\(j)]", message: "no ActionName; skipped"))
                        return nil
                    }
                    return ActionUse(name: name, lastAccessed: access.time(o, "LastAccessedTime").map(LastUse.at) ?? .never)
                }
            }
            services.append(ServiceUse(
                namespace: namespace, name: s["ServiceName"]?.stringValue ?? namespace,
                lastAuthenticated: access.time(s, "LastAuthenticated").map(LastUse.at) ?? .never, actions: actions))
        }
        return ServiceLastAccessed(
            file: file, principalID: principalID, completedAt: access.time(root, "JobCompletionDate"),
            actionLevel: root["JobType"]?.stringValue == "ACTION_LEVEL", services: services)
    }
}
