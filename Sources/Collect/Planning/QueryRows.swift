import Foundation

/// Reads what a listing command printed under `--query`: a JSON array of strings
/// (`Keys[].KeyId`) or numbers (`LayerVersions[].Version`), or of arrays of strings (`SecretList[].[Name,ARN]`), each element
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
            if let text = text(item) {
                rows.append([text])
            } else if let fields = item as? [Any] {
                rows.append(fields.map { text($0) ?? "" })
            } else if !(item is NSNull) {
                throw UnexpectedOutput("listing output holds \(type(of: item)), not strings")
            }
        }
        return rows
    }

    /// A string as it is, a number (a layer's version) as its decimal text.
    private static func text(_ item: Any) -> String? {
        if let text = item as? String { return text }
        if let number = item as? NSNumber { return number.stringValue }
        return nil
    }
}
