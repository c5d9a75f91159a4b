/// Timestamps as AWS prints them, for the modules that read snapshots.
public enum Timestamp {
    /// Seconds since 1970 of an ISO 8601 date or date-time (`2024-01-31`, `…T12:00:00Z`,
    /// fractions, a `+hh:mm` offset) or of epoch seconds (awscli v1 prints some timestamps so);
    /// nil when the text is neither.
    public static func epochSeconds(_ text: String) -> Double? { DateText.epochSeconds(text) }

    /// The UTC date of epoch seconds, `YYYY-MM-DD`.
    public static func day(_ seconds: Double) -> String {
        let days = Int((seconds / 86400).rounded(.down))
        // Howard Hinnant's civil_from_days.
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
