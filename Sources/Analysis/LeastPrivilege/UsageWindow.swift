import Policy
import Snapshot

/// The time window questions about use are asked in: "now" is the snapshot's time
/// (`Snapshot.usageTime`), and something is unused when not used in the last `days` days.
public struct UsageWindow: Sendable, Hashable {
    /// Epoch seconds of "now".
    public var now: Double
    /// The window's length in days.
    public var days: Int

    public init(now: Double, days: Int) {
        self.now = now
        self.days = days
    }

    /// The start of the window: uses before it are too old.
    public var cutoff: Double { now - Double(days) * 86400 }

    /// Whether something last used `use`, existing since `since` (nil: unknown, taken as old enough),
    /// counts as unused: not used in the window, and older than the window.
    public func isUnused(_ use: LastUse, since created: Double?) -> Bool {
        guard !use.isUsed(since: cutoff) else { return false }
        if use == .never, let created, created >= cutoff { return false }
        return true
    }

    /// `YYYY-MM-DD` or `never`.
    public static func text(_ use: LastUse) -> String {
        switch use {
        case .never: "never"
        case .at(let t): Timestamp.day(t)
        }
    }
}
