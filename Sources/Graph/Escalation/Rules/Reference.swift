/// References shared by the rules' documentation.
enum Reference {
    static let rhino = "Rhino Security Labs, AWS privilege escalation methods (rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation)"
    static let pmapper = "NCC Group Principal Mapper, edge checkers (github.com/nccgroup/PMapper, principalmapper/graphing)"
    static func aws(_ page: String) -> String { "AWS: \(page)" }
}
