/// When a role, key, password, service or action was last used, as AWS recorded it. Where AWS
/// recorded nothing the value is absent (nil): unknown, never "unused".
public enum LastUse: Sendable, Hashable, Codable {
    /// AWS's records show no use (within its tracking period).
    case never
    /// Last used at these epoch seconds.
    case at(Double)

    /// The time, or nil for `never`.
    public var time: Double? {
        if case .at(let t) = self { return t }
        return nil
    }

    /// Whether it was used since `cutoff` (epoch seconds).
    public func isUsed(since cutoff: Double) -> Bool { (time ?? -.infinity) >= cutoff }
}
