/// Why there is no answer index for a snapshot.
public enum AnswerIndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The snapshot path does not name a directory.
    case notADirectory(String)

    /// The message for a person.
    public var description: String {
        switch self {
        case .notADirectory(let p): "snapshot directory '\(p)' does not exist or is not a directory"
        }
    }
}
