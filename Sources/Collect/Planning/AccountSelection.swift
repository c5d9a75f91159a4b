import Foundation

/// Which accounts of an organization are collected: `--accounts` (only these) and `--exclude`.
public struct AccountSelection: Sendable, Hashable {
    /// When not empty, only these accounts.
    public var only: Set<String>
    /// Never these accounts.
    public var excluded: Set<String>

    /// Creates a selection; empty `only` selects every account.
    public init(only: Set<String> = [], excluded: Set<String> = []) {
        self.only = only
        self.excluded = excluded
    }

    /// Whether `account` is collected.
    public func includes(_ account: String) -> Bool {
        !excluded.contains(account) && (only.isEmpty || only.contains(account))
    }

    /// The account ids in `--accounts 1,2 --accounts 3` style values; nil names the first
    /// value that is not a 12-digit account id.
    public static func parse(_ values: [String]) -> Result<Set<String>, InvalidAccountID> {
        var ids = Set<String>()
        for value in values {
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let id = part.trimmingCharacters(in: .whitespaces)
                guard id.count == 12, id.allSatisfy(\.isASCIIDigit) else { return .failure(InvalidAccountID(value: id)) }
                ids.insert(id)
            }
        }
        return .success(ids)
    }
}

/// A value of `--accounts` or `--exclude` that is not a 12-digit account id.
public struct InvalidAccountID: Error, Sendable, Hashable {
    /// The value as given.
    public let value: String
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
