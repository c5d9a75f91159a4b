import Graph
import Snapshot

/// That a role is unused, as `unused` reports it: its last use (or "never") and the file that shows it.
public struct UnusedMark: Sendable, Hashable, Codable {
    public var lastUsed: String
    public var evidence: String

    public init(lastUsed: String, evidence: String) {
        self.lastUsed = lastUsed
        self.evidence = evidence
    }
}

/// Joins unused access with reachability: the roles `UnusedAnalyzer` finds unused (no use of the
/// role within `days` of the snapshot's time), to mark the direct findings on roles (an outsider
/// can assume them) and the entry points outsiders enter by. A role unused for months that
/// outsiders can assume is worse than either fact alone.
public enum UnusedMarks {
    /// The unused roles of `model`'s snapshot, by ARN; empty when the snapshot has no usage time
    /// (no usage file and no authorization details to take "now" from). Reads the usage files but
    /// the service last-accessed ones (a role's use is its `RoleLastUsed`, in the authorization details).
    public static func roles(of model: AccessModel, days: Int = 90) async -> [String: UnusedMark] {
        var snapshot = model.snapshot
        await UsageLoader().read(into: &snapshot, lastAccessed: false)
        guard let window = LeastPrivilegeSession.window(snapshot, days: days) else { return [:] }
        var out: [String: UnusedMark] = [:]
        for f in UnusedAnalyzer(snapshot: snapshot, window: window).unusedRoles() where out[f.principal] == nil {
            out[f.principal] = UnusedMark(lastUsed: f.lastUsed, evidence: f.evidence)
        }
        return out
    }

    /// `entryPoints` with `unused` set on those whose entry role is unused in `model`'s snapshot;
    /// the usage files are read only when there is an entry point to mark.
    public static func marked(_ entryPoints: [EntryPoint], of model: AccessModel, days: Int = 90) async -> [EntryPoint] {
        guard !entryPoints.isEmpty else { return entryPoints }
        return mark(entryPoints, with: await roles(of: model, days: days))
    }

    /// `analysis` with its direct findings on unused roles marked, and its entry points marked
    /// when `entryPoints()` works them out; the usage files are read only when some direct
    /// finding is on a role (every entry point starts from one).
    public static func marked(_ analysis: FindingsAnalysis, days: Int = 90) async -> FindingsAnalysis {
        guard analysis.direct.contains(where: \.isOnRole) || !analysis.origins.isEmpty else { return analysis }
        return analysis.markingUnused(await roles(of: analysis.model, days: days))
    }

    /// `findings` with `unused` set on those on a role in `marks`.
    public static func mark(_ findings: [Finding], with marks: [String: UnusedMark]) -> [Finding] {
        guard !marks.isEmpty else { return findings }
        return findings.map { f in
            guard f.isOnRole, let mark = marks[f.resource] else { return f }
            var f = f
            f.unused = mark
            return f
        }
    }

    /// `entryPoints` with `unused` set on those whose entry role is in `marks`.
    public static func mark(_ entryPoints: [EntryPoint], with marks: [String: UnusedMark]) -> [EntryPoint] {
        guard !marks.isEmpty else { return entryPoints }
        return entryPoints.map { e in
            var e = e
            e.unused = marks[e.role]
            return e
        }
    }
}

extension FindingsAnalysis {
    /// The same analysis with its direct findings on roles of `marks` marked, and its entry
    /// points marked by `entryPoints()`.
    public func markingUnused(_ marks: [String: UnusedMark]) -> FindingsAnalysis {
        var out = self
        out.direct = UnusedMarks.mark(direct, with: marks)
        out.unusedRoles = marks
        return out
    }
}

extension Finding {
    /// Whether the finding is on a role (an outsider can assume it).
    public var isOnRole: Bool { resourceType == "AWS::IAM::Role" }
}
