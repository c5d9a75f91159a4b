import Foundation
import Testing
@testable import Collect

@Suite struct QueryRowsTests {
    @Test(arguments: ["", "  \n", "null\n", "[]"])
    func nothingListedIsNoRows(output: String) throws {
        #expect(try QueryRows.parse(Data(output.utf8)).isEmpty)
    }

    @Test func stringsAndTuplesBecomeRows() throws {
        #expect(try QueryRows.parse(Data(#"["a", "b"]"#.utf8)) == [["a"], ["b"]])
        #expect(try QueryRows.parse(Data(#"[["prod/db", "arn:1"], ["x", null]]"#.utf8)) == [["prod/db", "arn:1"], ["x", ""]])
    }

    @Test(arguments: ["{\"Keys\": []}", "not json", "[{\"a\": 1}]"])
    func otherOutputIsAnError(output: String) {
        #expect(throws: UnexpectedOutput.self) { try QueryRows.parse(Data(output.utf8)) }
    }
}

@Suite struct QueryRowsNumberTests {
    @Test func numbersAreRowsToo() throws {
        #expect(try QueryRows.parse(Data("[3, 1, 12]".utf8)) == [["3"], ["1"], ["12"]])
        #expect(try QueryRows.parse(Data(#"[["a", 2]]"#.utf8)) == [["a", "2"]])
    }
}
