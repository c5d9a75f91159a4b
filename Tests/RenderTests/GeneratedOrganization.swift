import Analysis
import Foundation
import Graph
import Policy
import Snapshot
import Testing

/// A three-account organization written by shared/bench/gen_snapshot.py (`--preset small
/// --accounts 3`, as Tests/AnalysisTests/DifferentialSupport.swift makes it) into a temporary
/// folder for the suite, removed afterwards, with its overview.
enum GeneratedOrganization {
    @TaskLocal static var current: Result<OrganizationOverview, GenerationFailure>?

    struct GenerationFailure: Error, CustomStringConvertible {
        var description: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$ACCESSGRAPH_BENCH_SHARED/bench/gen_snapshot.py`, else the clone's sibling `../shared`.
    static var generator: String {
        let shared = ProcessInfo.processInfo.environment["ACCESSGRAPH_BENCH_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? repository.deletingLastPathComponent().appendingPathComponent("shared")
        return shared.appendingPathComponent("bench/gen_snapshot.py").standardizedFileURL.path
    }

    static func generate(into dir: String) throws -> String {
        guard FileManager.default.fileExists(atPath: generator) else {
            throw GenerationFailure(description: "the snapshot generator is missing: \(generator) (set ACCESSGRAPH_BENCH_SHARED)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [ProcessInfo.processInfo.environment["ACCESSGRAPH_PYTHON"] ?? "python3", generator, "--out", dir,
                             "--preset", "small", "--seed", "1", "--accounts", "3"]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GenerationFailure(description: "gen_snapshot.py exited with \(process.terminationStatus): \(String(decoding: message, as: UTF8.self))")
        }
        return dir
    }

    /// The overview of the generated organization; a failure of the test when it could not be made.
    static func overview() throws -> OrganizationOverview {
        guard let current else { throw GenerationFailure(description: "run inside a suite with the .generatedOrganization trait") }
        return try current.get()
    }
}

/// Generates the organization and its overview once before the suite's tests, removes the files after.
struct GeneratedOrganizationTrait: SuiteTrait, TestScoping {
    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let root = NSTemporaryDirectory() + "ag-render-org-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result: Result<OrganizationOverview, GeneratedOrganization.GenerationFailure>
        do {
            let path = try GeneratedOrganization.generate(into: root)
            let snapshot = try await SnapshotLoader().load(path)
            let model = AccessModel(snapshot: snapshot, vocabulary: CatalogVocabulary(catalog: try ActionCatalog.bundled()))
            result = .success(await FindingsAnalyzer(model: model).analyze().overview())
        } catch let e as GeneratedOrganization.GenerationFailure {
            result = .failure(e)
        } catch {
            result = .failure(.init(description: "\(error)"))
        }
        try await GeneratedOrganization.$current.withValue(result) { try await function() }
    }
}

extension Trait where Self == GeneratedOrganizationTrait {
    static var generatedOrganization: Self { Self() }
}
