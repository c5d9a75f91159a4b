import Testing
@testable import Policy

@Suite("JSON parser")
struct JSONParserTests {
    @Test("Deferred members are skipped, parse on demand to the same value, and report their own syntax errors")
    func deferredMembers() throws {
        let text = #"{"a": 1, "Versions": [{"Document": {"x": "br]ace\"}"}, "n": [1, {"y": null}]}], "b": "Versions", "c": {"Versions": "s"}}"#
        let eager = try JSONParser.parse(text)
        let lazy = try JSONParser.parse(Array(text.utf8), deferring: ["Versions"])
        guard case .deferred(let versions)? = lazy["Versions"], case .deferred(let inner)? = lazy["c"]?["Versions"] else {
            Issue.record("expected deferred members, got \(String(describing: lazy["Versions"]))")
            return
        }
        #expect(try versions.parse() == eager["Versions"])
        #expect(try inner.parse() == .string("s"))
        #expect(lazy["a"] == eager["a"] && lazy["b"] == .string("Versions"))
        // Brackets must balance even when skipped; what is inside is checked when parsed.
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(#"{"Versions": [1, 2}"#.utf8), deferring: ["Versions"]) }
        let bad = try JSONParser.parse(Array(#"{"Versions": [1, tru]}"#.utf8), deferring: ["Versions"])
        guard case .deferred(let badVersions)? = bad["Versions"] else { Issue.record("not deferred"); return }
        #expect(throws: JSONSyntaxError.self) { try badVersions.parse() }
        // The error's position is in the whole document, not in the skipped value.
        let later = try JSONParser.parse(Array("{\"a\": 1,\n \"Versions\": [1,\n  tru]}".utf8), deferring: ["Versions"])
        guard case .deferred(let laterVersions)? = later["Versions"] else { Issue.record("not deferred"); return }
        do {
            _ = try laterVersions.parse()
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.line == 3 && error.column == 3, "\(error)")
        }
    }

    @Test func parsesNestedValues() throws {
        let v = try JSONParser.parse(#"{"a": [1, 2.5e3, true, null, "x\u00e9\n"], "b": {"c": -0}}"#)
        #expect(v["a"]?.arrayValue?.count == 5)
        #expect(v["a"]?.arrayValue?[1] == .number("2.5e3"))
        #expect(v["a"]?.arrayValue?[4] == .string("xé\n"))
        #expect(v["b"]?["c"] == .number("-0"))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test func keepsMemberOrderAndDuplicates() throws {
        let v = try JSONParser.parse(#"{"b": 1, "a": 2, "b": 3}"#)
        #expect(v.objectValue?.keys == ["b", "a", "b"])
        #expect(v["b"] == .number("1"))
    }

    @Test(arguments: [
        (#"{"a": }"#, 1, 7), ("[1, 2", 1, 6), ("{\n  \"a\": tru }", 2, 8), (#"{"a": 1} x"#, 1, 10), (#""\x""#, 1, 3),
    ])
    func reportsErrorPositions(input: String, line: Int, column: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func rejectsControlCharactersAndLeadingZeros() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("\"a\u{01}\"") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[01]") }
    }
}
