import Foundation
import Policy

/// Reads `iam/get-credential-report.json`: `Content` is the base64 of a CSV whose header names
/// the columns (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html);
/// `GeneratedTime` is when AWS made it. Columns are found by name, so added columns are ignored.
enum CredentialReportParser {
    /// The columns every row needs; the others are read when present.
    static let required = ["user", "arn", "mfa_active"]

    /// The report, or nil with a warning naming the file and JSON path of what is wrong.
    static func parse(_ json: JSONValue, file: String, warnings: inout [SnapshotWarning]) -> CredentialReport? {
        func fail(_ path: String, _ message: String) -> CredentialReport? {
            warnings.append(SnapshotWarning(file: file, jsonPath: path, message: message + "; the credential report is not used"))
            return nil
        }
        guard let content = json["Content"] else { return fail("$.Content", "missing") }
        guard let text = content.stringValue else { return fail("$.Content", "expected a base64 string, found \(content.typeName)") }
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters), let csv = String(data: data, encoding: .utf8) else {
            return fail("$.Content", "not base64 of UTF-8 text")
        }
        if let format = json["ReportFormat"]?.stringValue, format != "text/csv" {
            return fail("$.ReportFormat", "unsupported format '\(format)', expected text/csv")
        }
        var generated: Double?
        if let g = json["GeneratedTime"] {
            generated = g.scalarText.flatMap(Timestamp.epochSeconds)
            if generated == nil { warnings.append(SnapshotWarning(file: file, jsonPath: "$.GeneratedTime", message: "not a timestamp; ignored")) }
        }
        let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first else { return fail("$.Content", "the CSV is empty") }
        let columns = Dictionary(header.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { (String($1).trimmingCharacters(in: .whitespaces), $0) }) { a, _ in a }
        for name in required where columns[name] == nil {
            return fail("$.Content", "the CSV header lacks the column '\(name)'")
        }
        var rows: [CredentialReportRow] = []
        for (i, line) in lines.dropFirst().enumerated() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            func cell(_ name: String) -> String? { columns[name].flatMap { $0 < cells.count ? cells[$0] : nil } }
            guard let user = cell("user"), let arn = cell("arn"), !user.isEmpty, !arn.isEmpty else {
                warnings.append(SnapshotWarning(file: file, jsonPath: "$.Content", message: "CSV line \(i + 2): no user or arn; the row is skipped"))
                continue
            }
            rows.append(CredentialReportRow(
                user: user, arn: arn, createdAt: cell("user_creation_time").flatMap(time),
                passwordEnabled: cell("password_enabled").flatMap(bool),
                passwordLastUsed: cell("password_last_used").flatMap(lastUse),
                passwordLastChanged: cell("password_last_changed").flatMap(time),
                mfaActive: cell("mfa_active").flatMap(bool) ?? false,
                accessKeys: [1, 2].compactMap { key($0, cell) },
                line: i + 2))
        }
        return CredentialReport(file: file, generatedAt: generated, rows: rows)
    }

    /// `access_key_N_*`: nil when the user has no such key (no rotation time and not active).
    static func key(_ slot: Int, _ cell: (String) -> String?) -> AccessKeyState? {
        let prefix = "access_key_\(slot)_"
        let active = cell(prefix + "active").flatMap(bool) ?? false
        let rotated = cell(prefix + "last_rotated").flatMap(time)
        guard active || rotated != nil else { return nil }
        let service = cell(prefix + "last_used_service").flatMap { $0 == "N/A" || $0.isEmpty ? nil : $0 }
        return AccessKeyState(slot: slot, active: active, lastRotated: rotated, lastUsed: cell(prefix + "last_used_date").flatMap(lastUse), lastUsedService: service)
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    static func time(_ text: String) -> Double? { Timestamp.epochSeconds(text) }

    /// A last-used cell: a time; `N/A` (never used, or no such credential) is `never`;
    /// `no_information` (not tracked: used before IAM began tracking) and anything else is unknown.
    static func lastUse(_ text: String) -> LastUse? {
        if text == "N/A" { return .never }
        return Timestamp.epochSeconds(text).map(LastUse.at)
    }
}
