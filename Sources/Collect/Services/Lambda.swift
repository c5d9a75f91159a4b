extension ResourceType {
    /// Lambda functions: configuration (gives the ARN and execution role) and the resource
    /// policy that `add-permission` builds; a function without one answers `ResourceNotFoundException`.
    static let lambdaFunctions = ResourceType(
        directory: "lambda", scope: .regional,
        list: ["lambda", "list-functions"], query: "Functions[].FunctionName",
        folder: .field(0),
        details: [
            CommandTemplate(["lambda", "get-function", "--function-name", .field(0)]),
            CommandTemplate(["lambda", "get-policy", "--function-name", .field(0)],
                            absent: ["ResourceNotFoundException"]),
        ])
}
