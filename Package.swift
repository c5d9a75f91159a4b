// swift-tools-version:6.0
import PackageDescription

// One module per stage, each importing only the stages before it:
// Policy -> Snapshot -> Graph -> Analysis -> (Render) -> accessgraph (CLI).
// Concurrency (ParallelMap) and SnapshotLayout (the snapshot's folder and file names, shared by
// Snapshot that reads snapshots and Collect that writes them) have no dependencies. AnswerIndex
// keeps the query commands' answers on disk; it reads no snapshot content, so it needs no stage.
let package = Package(
    name: "AccessGraph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "accessgraph", targets: ["accessgraph"]),
        .library(name: "AccessGraph", targets: ["Policy", "Snapshot", "Graph", "Analysis", "Render", "Collect", "AnswerIndex", "SnapshotLayout"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML for findings' archive rules.
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .target(name: "Concurrency"),
        .target(name: "SnapshotLayout"),
        .target(name: "Policy", resources: [.copy("Resources/action-catalog.txt")]),
        .target(name: "Snapshot", dependencies: ["Policy", "SnapshotLayout"]),
        .target(name: "AnswerIndex", dependencies: ["Concurrency", "SnapshotLayout"]),
        .target(name: "Graph", dependencies: ["Concurrency", "Policy", "Snapshot"]),
        .target(
            name: "Analysis",
            dependencies: ["Concurrency", "Policy", "SnapshotLayout", "Snapshot", "Graph", .product(name: "Yams", package: "Yams")]),
        .target(name: "Collect", dependencies: ["SnapshotLayout"]),
        // Graphviz's C library (libgvc, libcgraph), for laying out and drawing graphs in process.
        .systemLibrary(
            name: "CGraphviz",
            path: "Sources/CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "Render", dependencies: ["Graph", "Analysis", "CGraphviz"]),
        .executableTarget(
            name: "accessgraph",
            dependencies: [
                "Concurrency", "Policy", "Snapshot", "Graph", "Analysis", "Render", "Collect", "AnswerIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PolicyTests", dependencies: ["Policy"], resources: [.copy("Corpus")]),
        .testTarget(name: "SnapshotTests", dependencies: ["Snapshot"]),
        .testTarget(name: "AnswerIndexTests", dependencies: ["AnswerIndex"]),
        .testTarget(name: "GraphTests", dependencies: ["Graph"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "RenderTests", dependencies: ["Render"], exclude: ["Expected"]),
        .testTarget(name: "CLITests", dependencies: ["accessgraph"], exclude: ["Expected"]),
        .testTarget(name: "CollectTests", dependencies: ["Collect", "SnapshotLayout", "Snapshot"]),
    ],
    swiftLanguageModes: [.v6]
)
