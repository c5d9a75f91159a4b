/// A command succeeded but printed something the collector cannot read (not the JSON it expects).
public struct UnexpectedOutput: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong with the output.
    public var message: String

    /// Creates the error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
