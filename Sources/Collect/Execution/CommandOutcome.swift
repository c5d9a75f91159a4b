import Foundation

/// How one command ended, as far as the snapshot is concerned.
public enum CommandOutcome: Sendable, Hashable {
    /// It printed its output.
    case output(Data)
    /// It said the thing asked for does not exist (`NoSuchBucketPolicy`): no file, no warning.
    case absent(code: String)
    /// It failed (access denied, throttled, unreachable, ...): a warning with this message.
    case failed(String)
}
