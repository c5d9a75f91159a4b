import Analysis

/// One direct finding as a JSON array for the page's script, which draws the findings table a
/// page at a time: `[resource, type, principal, public (1 or 0), access levels, [actions], [conditions]]`.
struct FindingRow {
    var finding: Finding
    var accessLevels: [String]

    /// The columns, in order: header text, sort type.
    static let columns: [(title: String, type: String)] = [
        ("Resource", "text"), ("Type", "text"), ("Principal", "text"), ("Access", "text"),
        ("Access levels", "text"), ("Actions", "number"), ("Conditions", "text"),
    ]

    var json: String {
        let f = finding
        return "[" + [
            JSONText.string(f.resource), JSONText.string(f.resourceType), JSONText.string(f.principal), f.isPublic ? "1" : "0",
            JSONText.string(accessLevels.joined(separator: ", ")), JSONText.array(f.actions), JSONText.array(ConditionText.lines(f.conditions)),
        ].joined(separator: ",") + "]"
    }
}
