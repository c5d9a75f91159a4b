import Testing
@testable import Policy

@Suite("JSON parser")
struct JSONParserTests {
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
