import Testing

@testable import Policy

/// Tests of the catalog text format on small hand-written inputs.
struct ActionCatalogParsingTests {
    private func parse(_ lines: [String]) throws(ActionCatalogError) -> ActionCatalog {
        try ActionCatalog(parsing: Array(lines.joined(separator: "\n").utf8))
    }

    private let sample = [
        "# comment",
        "S\tdemo\tDemo Service",
        "R\tthing\tarn:${Partition}:demo:${Region}:${Account}:thing/${ThingName}\tdemo:ThingTag",
        "R\tthing part\tarn:${Partition}:demo:${Region}:${Account}:thing/${ThingName}/part/${PartId}\t",
        "A\tGetThing\tR\tthing*\tdemo:ThingTag,aws:ResourceTag/${TagKey}",
        "A\tListThings\tL\t\t",
        "A\tTouchPart\tW\tthing part,thing*\t",
        "",
        "S\tother\tOther\r",
        "A\tDo\tP\t\t",
    ]

    @Test func parsesRecords() throws {
        let catalog = try parse(sample)
        #expect(catalog.services.map(\.prefix) == ["demo", "other"])
        #expect(catalog.services.map(\.name) == ["Demo Service", "Other"])
        #expect(catalog.expand(ActionPattern("*")).map(\.fullName) == ["demo:GetThing", "demo:ListThings", "demo:TouchPart", "other:Do"])
        let get = try #require(catalog.action(named: "DEMO:getthing"))
        #expect(get.accessLevel == .read)
        #expect(get.resourceTypes == ["thing"])
        #expect(get.requiredResourceTypes == ["thing"])
        #expect(get.conditionKeys == ["demo:ThingTag", "aws:ResourceTag/${TagKey}"])
        let touch = try #require(catalog.action(named: "demo:TouchPart"))
        #expect(touch.resourceTypes == ["thing part", "thing"])
        #expect(touch.requiredResourceTypes == ["thing"])
        #expect(catalog.action(named: "demo:ListThings")?.resourceTypes == [])
        #expect(catalog.action(named: "other:Do")?.accessLevel == .permissionsManagement)
        let thing = try #require(catalog.resourceType(named: "thing", inService: "demo"))
        #expect(thing.arnPattern.text == "arn:*:demo:*:*:thing/*")
        #expect(thing.conditionKeys == ["demo:ThingTag"])
    }

    @Test func matchesTheMostSpecificFormat() throws {
        let catalog = try parse(sample)
        let part = try #require(ARN("arn:aws:demo:r:1:thing/t/part/p"))
        #expect(catalog.resourceTypes(matching: part).map(\.name) == ["thing part"])
        let thing = try #require(ARN("arn:aws:demo:r:1:thing/t"))
        #expect(catalog.resourceTypes(matching: thing).map(\.name) == ["thing"])
        #expect(catalog.actions(applicableTo: thing).map(\.name) == ["GetThing", "TouchPart"])
        #expect(catalog.actions(applicableTo: part).map(\.name) == ["TouchPart"])
        let noRegion = try #require(ARN("arn:aws:demo::1:thing/t"))
        #expect(catalog.resourceTypes(matching: noRegion).isEmpty)
    }

    @Test(arguments: [
        (["A\tX\tR\t\t"], 1),  // action before any service
        (["S\tdemo\tDemo", "A\tX\tQ\t\t"], 2),  // unknown access level
        (["S\tdemo\tDemo", "A\tX\tR\tmissing\t"], 2),  // undeclared resource type
        (["S\tdemo\tDemo", "A\tX\tR\t"], 2),  // too few fields
        (["S\tdemo\tDemo", "A\tX\tR\t\t", "A\tx\tW\t\t"], 3),  // duplicate action (case-insensitive)
        (["S\tdemo\tDemo", "S\tDEMO\tAgain"], 2),  // duplicate service
        (["S\tdemo\tDemo", "A\tX\tR\t\t", "R\tt\tarn:*:demo:::t\t"], 3),  // resource type after actions
        (["S\tdemo\tDemo", "Z\tx"], 2),  // unknown record type
    ])
    func rejectsMalformedInput(lines: [String], line: Int) {
        #expect {
            _ = try parse(lines)
        } throws: { error in
            guard case .malformed(let at, _) = error as? ActionCatalogError else { return false }
            return at == line
        }
    }

    @Test func rejectsAnEmptyCatalog() {
        #expect(throws: ActionCatalogError.self) { try parse(["# nothing"]) }
    }
}
