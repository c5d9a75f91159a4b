/// One file of a snapshot, named after the AWS CLI operation whose output it holds:
/// `<operation>.json` (`get-key-policy.json` holds `aws kms get-key-policy`'s output).
/// The files of the layout are the static members (`LayoutFiles.swift`).
public struct LayoutFile: Sendable, Hashable, CustomStringConvertible {
    /// The operation, as the AWS CLI spells it: `get-key-policy`.
    public let operation: String

    /// The file of `operation`'s output. Further services follow the same pattern
    /// (docs/snapshot-layout.md: `<region>/<service>/<name>/<operation>.json`).
    public init(operation: String) {
        self.operation = operation
    }

    /// The file's name: `get-key-policy.json`.
    public var name: String { operation + ".json" }

    /// The file's name.
    public var description: String { name }
}
