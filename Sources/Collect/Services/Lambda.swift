import SnapshotLayout

extension ResourceType {
    /// Lambda functions: configuration (gives the ARN and execution role) and the resource
    /// policy that `add-permission` builds; a function without one answers `ResourceNotFoundException`.
    static let lambdaFunctions = ResourceType(
        service: .lambda,
        list: ["lambda", "list-functions"], query: "Functions[].FunctionName",
        folder: .field(0),
        details: [
            CommandTemplate("lambda", .getFunction, ["--function-name", .field(0)]),
            CommandTemplate("lambda", .getPolicy, ["--function-name", .field(0)],
                            absent: ["ResourceNotFoundException"]),
        ])
}

extension ResourceType {
    /// Lambda layer versions: the layers, each layer's versions, and each version's policy
    /// (`add-layer-version-permission`); a version without one answers `ResourceNotFoundException`.
    /// Folder `<layer>%2F<version>`.
    static let lambdaLayerVersions = ResourceType(
        service: .lambdaLayers,
        list: ["lambda", "list-layers"], query: "Layers[].LayerName",
        folder: .joined(0, 1),
        details: [
            CommandTemplate("lambda", .getLayerVersionPolicy, ["--layer-name", .field(0), "--version-number", .field(1)],
                            absent: ["ResourceNotFoundException"]),
        ],
        sublisting: .init(CommandTemplate(["lambda", "list-layer-versions", "--layer-name", .field(0)]),
                          query: "LayerVersions[].Version"))
}
