/// What is known about one condition key of a request.
public enum ContextValue: Sendable, Hashable {
    /// The key is present with these values (one for a single-valued key; an empty
    /// array is a multi-valued key that is present but empty).
    case values([String])
    /// The key is not in the request.
    case absent
    /// The key may or may not be present and its value is not known statically.
    case unknown
    /// The key is absent or has a value that is none of `excluded` (compared case-insensitively);
    /// e.g. the organization id of a principal outside the organization.
    case noneOf(Set<String>)
    /// The key is an ARN (or absent) whose account is none of `accounts`: the ARN of a principal outside the zone.
    case arnOutside(accounts: Set<String>)
}

/// The condition keys of a request. Keys compare case-insensitively.
///
/// A concrete request (`simulate`) treats every key it does not carry as absent;
/// a partial request (static analysis of a snapshot) treats them as unknown, so
/// that conditional access is reported, never silently dropped.
public struct ConditionContext: Sendable, Hashable {
    public enum MissingKeys: Sendable, Hashable {
        case absent
        case unknown
    }

    public private(set) var entries: [String: ContextValue] = [:]
    public var missingKeys: MissingKeys
    /// Lowercased key prefixes whose every key is known: a key under one of them that has no
    /// entry is absent, even when other missing keys are unknown (a snapshot principal's tags
    /// are all known, so `aws:PrincipalTag/team` of a principal without that tag is absent).
    public private(set) var closedPrefixes: [String] = []

    public init(missingKeys: MissingKeys, _ values: [String: ContextValue] = [:]) {
        self.missingKeys = missingKeys
        for (k, v) in values { entries[k.lowercased()] = v }
    }

    public subscript(key: String) -> ContextValue {
        get { value(normalizedKey: key.lowercased()) }
        set { entries[key.lowercased()] = newValue }
    }

    /// The value for a key that is already lowercased.
    @inline(__always) func value(normalizedKey key: String) -> ContextValue {
        if let v = entries[key] { return v }
        if missingKeys == .absent { return .absent }
        for prefix in closedPrefixes where key.hasPrefix(prefix) { return .absent }
        return .unknown
    }

    /// Declares every key under `prefix` known: those without an entry are absent.
    public mutating func close(prefix: String) {
        let p = prefix.lowercased()
        if !closedPrefixes.contains(p) { closedPrefixes.append(p) }
    }

    /// Sets single string values.
    public mutating func set(_ key: String, _ value: String) { self[key] = .values([value]) }

    /// The same context with only the entries of `keys` (lowercased): equal for two principals
    /// exactly when every condition on those keys reads the same values.
    public func keeping(_ keys: Set<String>) -> ConditionContext {
        var out = self
        out.entries = entries.filter { keys.contains($0.key) }
        return out
    }

    /// The same context without `keys` (which then read as missing keys do).
    public func removing(_ keys: Set<String>) -> ConditionContext {
        var out = self
        for k in keys { out.entries[k.lowercased()] = nil }
        return out
    }
}
