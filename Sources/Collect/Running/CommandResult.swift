import Foundation

/// What one finished command left behind: its exit status and both output streams.
public struct CommandResult: Sendable, Hashable {
    /// The exit status; 0 means success. A command that could not be started reports 127.
    public var status: Int32
    /// Everything the command wrote to standard output, byte for byte.
    public var standardOutput: Data
    /// Everything the command wrote to standard error, as text.
    public var standardError: String

    /// Creates a result.
    public init(status: Int32, standardOutput: Data = Data(), standardError: String = "") {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// True when the command exited with status 0.
    public var succeeded: Bool { status == 0 }
}
