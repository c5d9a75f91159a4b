extension Snapshot {
    /// "Now" for questions about use: the snapshot's own time, never the wall clock, so that the
    /// same snapshot always gives the same answer. The newest credential report's `GeneratedTime`,
    /// else the newest modification time of the usage files read (`UsageLoader`); nil when neither
    /// exists.
    public var usageTime: Double? {
        let usages = accounts.values.compactMap(\.usage)
        if let t = usages.compactMap({ $0.credentialReport?.generatedAt }).max() { return t }
        return usages.compactMap(\.newestFileTime).max()
    }
}
