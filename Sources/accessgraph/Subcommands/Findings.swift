import Analysis
import AnswerIndex
import ArgumentParser
import Graph
import Policy
import Snapshot

/// `accessgraph findings SNAPSHOT`: what principals outside the zone of trust can reach.
struct Findings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what principals outside the zone of trust can reach: direct findings and entry points.",
        discussion: """
            Direct findings are IAM Access Analyzer's external access findings. Entry points summarise \
            what an outside principal reaches through a role it can assume, and every role that role \
            can assume in turn; --expand or --format ndjson list those transitive findings one by one.
            """)

    /// Output formats of `findings`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
        /// One finding per line, direct then transitive, streamed.
        case ndjson
        /// SARIF 2.1.0: direct findings and entry points, for code-scanning dashboards.
        case sarif
    }

    @OptionGroup var options: SnapshotOptions

    @Option(help: "Output format: text, json, ndjson (every finding, one per line, streamed), or sarif (SARIF 2.1.0).")
    var format: Format = .text

    @Option(name: [.short, .customLong("output")], help: "Write the sarif output to this file instead of stdout.")
    var output: String?

    @Flag(help: "Also list every transitive finding, with its path (streamed, not kept in the index).")
    var expand = false

    @Flag(
        help: """
            Also follow privilege escalation out of every principal reached from outside (docs/escalation.md): \
            entry points count what it adds; transitive findings name each step's technique.
            """)
    var withEscalation = false

    @OptionGroup var filterOptions: FindingFilterOptions

    @OptionGroup var archive: ArchiveRulesOption

    @OptionGroup var indexOptions: IndexOptions

    func run() async throws {
        let filter = try filterOptions.filter()
        if output != nil && format != .sarif { throw inputError("-o/--output is only for --format sarif") }
        let rules = try archive.rules()
        if format == .sarif || (rules != nil && format != .ndjson && !expand) {
            try await archivedOrSarif(filter: filter, rules: rules)
        }
        if format == .ndjson || expand {
            // The whole answer is never held, so the index (which stores it) is bypassed.
            let model = try await options.open(assumeEdges: .onDemand)
            let analysis = await UnusedMarks.marked(await analyze(model, filter: filter))
            let warnings = AnalysisSession.warnings(model).map(\.description)
            switch format {
            case .ndjson, .sarif: FindingsStream.ndjson(analysis, warnings: warnings, rules: rules)
            case .json: FindingsStream.expandedJSON(analysis, warnings: warnings, rules: rules)
            case .text: FindingsStream.expandedText(analysis, warnings: warnings, levels: Self.levels(model), rules: rules)
            }
            Answered.finish()
        }
        let query = ["findings", "zone=\(options.zone.rawValue)", "format=\(format.rawValue)"] + filter.queryKey
            + (withEscalation ? ["escalation"] : [])
        try await indexOptions.respond(to: query, on: options.snapshot) {
            let model = try await options.open(assumeEdges: .onDemand)
            let analysis = await UnusedMarks.marked(await analyze(model, filter: filter))
            let summarised = ContinuousClock.now
            let entryPoints = analysis.entryPoints()
            Timings.note("entry points (\(entryPoints.count))", since: summarised)
            let warnings = AnalysisSession.warnings(model).map(\.description)
            let formatted = ContinuousClock.now
            defer { Timings.note("format answer", since: formatted) }
            switch format {
            case .json, .ndjson, .sarif:
                return StoredAnswer(stdout: JSONWriter.findings(analysis.direct, entryPoints: entryPoints, warnings: warnings))
            case .text:
                let text = FindingsText.render(
                    direct: analysis.direct, entryPoints: entryPoints, transitive: nil, zone: model.zone, levels: Self.levels(model))
                return StoredAnswer(stdout: Array((text + "\n").utf8), stderr: Array(FindingsStream.notes(warnings).utf8))
            }
        }
    }

    /// The direct findings and what entry points need, with the stage's time.
    func analyze(_ model: AccessModel, filter: FindingFilter) async -> FindingsAnalysis {
        let analysed = ContinuousClock.now
        let progress = Progress.counter(label: "role classes and single roles reachable from outside analysed")
        let analyzer = FindingsAnalyzer(
            model: model, progress: progress, stages: Timings.stageTimer, escalation: withEscalation ? Escalation(model: model) : nil)
        let analysis = await analyzer.analyze(filter: filter)
        Progress.finish()
        Timings.note("findings (\(analysis.direct.count) direct)", since: analysed)
        return analysis
    }

    /// Access levels of an action list for text output: "Read 2, List 1".
    static func levels(_ model: AccessModel) -> ([String]) -> String {
        guard let catalog = (model.vocabulary as? CatalogVocabulary)?.catalog ?? (try? ActionCatalog.bundled()) else {
            return { Short.actions($0) }
        }
        return { AccessLevelSummary(actions: $0, catalog: catalog).text }
    }
}
