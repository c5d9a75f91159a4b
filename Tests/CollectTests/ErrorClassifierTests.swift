import Foundation
import Testing
@testable import Collect

@Suite struct ErrorClassifierTests {
    @Test func readsTheServiceErrorCode() {
        let stderr = "\nAn error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation: The bucket policy does not exist\n"
        #expect(ErrorClassifier.errorCode(in: stderr) == "NoSuchBucketPolicy")
        #expect(ErrorClassifier.errorCode(in: "Could not connect to the endpoint URL: \"http://x\"") == nil)
        #expect(ErrorClassifier.errorCode(in: "An error occurred () when") == nil)
    }

    @Test func noPolicyCodeOfTheCommandLeavesNothing() {
        let result = CommandResult.awsError("NoSuchBucketPolicy")
        #expect(ErrorClassifier.outcome(of: result, absentCodes: ["NoSuchBucketPolicy"]) == .absent(code: "NoSuchBucketPolicy"))
    }

    @Test(arguments: ["AccessDenied", "AccessDeniedException", "ThrottlingException", "Throttling", "ResourceNotFoundException"])
    func otherCodesAreFailures(code: String) {
        let result = CommandResult.awsError(code, "no")
        let outcome = ErrorClassifier.outcome(of: result, absentCodes: ["NoSuchBucketPolicy"])
        #expect(outcome == .failed("An error occurred (\(code)) when calling the Operation operation: no"))
    }

    @Test func messageFallsBackToTheLastLineThenTheStatus() {
        let usage = CommandResult(status: 252, standardError: "usage: aws [options]\n\nUnknown options: --bogus\n")
        #expect(ErrorClassifier.message(for: usage) == "Unknown options: --bogus")
        #expect(ErrorClassifier.message(for: CommandResult(status: 3)) == "exit status 3")
    }

    @Test func successIsOutputWhateverStandardErrorSays() {
        let result = CommandResult(status: 0, standardOutput: Data("{}".utf8), standardError: "An error occurred (X) noise")
        #expect(ErrorClassifier.outcome(of: result, absentCodes: []) == .output(Data("{}".utf8)))
    }
}
