/// Told how far a collection is: commands finished out of those known so far
/// (the total grows as listings reveal resources).
public protocol ProgressReporter: Sendable {
    /// `done` of `total` commands have finished.
    func update(done: Int, total: Int)
    /// The collection has stopped; clear or end the progress display.
    func finish()
}

/// Reports nothing: for a standard error that is not a terminal, and for tests.
public struct SilentProgress: ProgressReporter {
    /// Creates the reporter.
    public init() {}
    /// Does nothing.
    public func update(done: Int, total: Int) {}
    /// Does nothing.
    public func finish() {}
}
