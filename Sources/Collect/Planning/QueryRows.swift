import Foundation

/// Reads what a listing command printed under `--query`: a JSON array of strings
/// (`Keys[].KeyId`) or of arrays of strings (`SecretList[].[Name,ARN]`), each element
/// one resource. Empty output and `null` (the CLI's answer when nothing is listed) are no rows.
enum QueryRows {
    /// The rows, each the list of string values of one resource.
    static func parse(_ data: Data) throws(UnexpectedOutput) -> [[String]] {
        if data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) { return [] }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw UnexpectedOutput("listing output is not JSON")
        }
        if value is NSNull { return [] }
        guard let items = value as? [Any] else {
            throw UnexpectedOutput("listing output is not a JSON array")
        }
        var rows: [[String]] = []
        for item in items {
            if let text = item as? String {
                rows.append([text])
            } else if let fields = item as? [Any] {
                rows.append(fields.map { $0 as? String ?? "" })
            } else if !(item is NSNull) {
                throw UnexpectedOutput("listing output holds \(type(of: item)), not strings")
            }
        }
        return rows
    }
}
