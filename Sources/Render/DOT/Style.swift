/// Shapes and colours of the visual language, in one place.
enum Style {
    struct Node: Sendable {
        var shape: String
        var fill: String
        var border: String
        var fontColor = "#111827"
        var rounded = false
    }

    static func node(_ category: NodeCategory) -> Node {
        switch category {
        case .user: return Node(shape: "ellipse", fill: "#dbeafe", border: "#1e40af")
        case .role: return Node(shape: "hexagon", fill: "#e0e7ff", border: "#3730a3")
        case .account: return Node(shape: "house", fill: "#f1f5f9", border: "#334155")
        case .externalPrincipal: return Node(shape: "octagon", fill: "#fee2e2", border: "#b91c1c")
        case .service: return Node(shape: "component", fill: "#dcfce7", border: "#166534")
        case .federated: return Node(shape: "invhouse", fill: "#fef9c3", border: "#854d0e")
        case .everyone:
            return Node(shape: "doubleoctagon", fill: "#fecaca", border: "#991b1b", fontColor: "#991b1b")
        case .group: return Node(shape: "tab", fill: "#e0f2fe", border: "#075985")
        case .s3Bucket: return Node(shape: "cylinder", fill: "#fef3c7", border: "#b45309")
        case .kmsKey: return Node(shape: "cds", fill: "#fce7f3", border: "#9d174d")
        case .sqsQueue: return Node(shape: "box3d", fill: "#ffedd5", border: "#c2410c")
        case .snsTopic: return Node(shape: "parallelogram", fill: "#fae8ff", border: "#86198f")
        case .lambdaFunction: return Node(shape: "trapezium", fill: "#ede9fe", border: "#5b21b6")
        case .secret: return Node(shape: "note", fill: "#ecfeff", border: "#0e7490")
        case .otherResource: return Node(shape: "box", fill: "#f5f5f5", border: "#525252", rounded: true)
        case .accountCounts: return Node(shape: "note", fill: "#ffffff", border: "#64748b", fontColor: "#334155")
        }
    }

    /// Colours shared by edges and clusters.
    static let external = "#dc2626"
    static let assume = "#1d4ed8"
    static let access = "#111827"
    static let member = "#9ca3af"
    /// Privilege escalation: orange, bold, with a diamond arrowhead.
    static let escalate = "#ea580c"
    static let escalateEdge: [(String, String)] = [("penwidth", "2"), ("arrowhead", "diamond"), ("fontcolor", escalate)]
    static let accountFill = "#f8fafc"
    static let accountBorder = "#94a3b8"
    static let organizationFill = "#f1f5f9"
    static let organizationBorder = "#475569"
    static let font = "Helvetica"
}
