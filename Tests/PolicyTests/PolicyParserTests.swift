import Testing
@testable import Policy

/// The grammar (reference_policies_grammar.html): single values or arrays, one statement or many.
@Suite("Policy parser")
struct PolicyParserTests {
    @Test func acceptsSingleValuesAndArrays() throws {
        let out = try PolicyParser().parse(text: #"{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["a", "b"], "Principal": {"AWS": "123456789012", "Service": ["x.amazonaws.com"]}, "Condition": {"NumericLessThan": {"k": 5}, "Bool": {"b": true}}}}"#)
        let s = out.document.statements[0]
        #expect(s.action.patterns.map(\.text) == ["s3:GetObject"])
        #expect(s.resource?.patterns.map(\.text) == ["a", "b"])
        #expect(s.principal?.patterns == [.aws("arn:aws:iam::123456789012:root"), .service("x.amazonaws.com")])
        #expect(s.conditions.map(\.values) == [["5"], ["true"]])
    }

    @Test func rejectsWrongShapesWithTheirPath() {
        func error(_ text: String) -> PolicyParseError? {
            do { _ = try PolicyParser().parse(text: text); return nil } catch { return error }
        }
        #expect(error(#"{"Statement": [{"Effect": "Allow", "Action": 5}]}"#)?.path.description == "$.Statement[0].Action")
        #expect(error(#"{"Statement": [{"Effect": "Permit", "Action": "x"}]}"#)?.path.description == "$.Statement[0].Effect")
        #expect(error(#"{"Statement": [{"Action": "x"}]}"#)?.path.description == "$.Statement[0]")
        #expect(error(#"{"Statement": [{"Effect": "Allow", "Action": "x", "NotAction": "y"}]}"#) != nil)
        #expect(error(#"[]"#)?.message.contains("object") == true)
    }

    @Test func warnsOnUnknownPrincipalTypesAndOperators() throws {
        let out = try PolicyParser().parse(text: #"{"Statement": [{"Effect": "Allow", "Action": "x", "Principal": {"Alien": "z"}, "Condition": {"StringFoo": {"k": "v"}}}]}"#)
        #expect(out.warnings.map(\.path.description) == ["$.Statement[0].Principal.Alien", "$.Statement[0].Condition.StringFoo"])
    }

    @Test("A bare ARN or account id as Principal is refused unless the parser reads it as {\"AWS\": ...} with a warning, as simulate does (reference_policies_elements_principal.html)")
    func bareAWSPrincipals() throws {
        let text = #"{"Statement": [{"Effect": "Deny", "NotPrincipal": "111122223333", "Action": "x"}, {"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:role/r", "Action": "x"}]}"#
        #expect(throws: PolicyParseError.self) { try PolicyParser().parse(text: text) }
        let out = try PolicyParser(readsBareAWSPrincipals: true).parse(text: text)
        #expect(out.document.statements.map(\.principal?.patterns) == [[.aws("arn:aws:iam::111122223333:root")], [.aws("arn:aws:iam::111122223333:role/r")]])
        #expect(out.warnings.map(\.path.description) == ["$.Statement[0].NotPrincipal", "$.Statement[1].Principal"])
        #expect(throws: PolicyParseError.self) {
            try PolicyParser(readsBareAWSPrincipals: true).parse(text: #"{"Statement": {"Effect": "Allow", "Principal": "lambda.amazonaws.com", "Action": "x"}}"#)
        }
    }
}
