import Foundation
import Policy
import SnapshotLayout

/// API Gateway REST APIs: `<region>/apigateway/<api-id>/get-rest-api.json` (id, name, policy). The
/// policy is a string whose quotes are backslash-escaped once more (`{\"Version\":...}`), and its
/// resources may be written `execute-api:/stage/METHOD/path`, which API Gateway reads as the
/// API's own ARN; both are undone here. The resource stands for every stage, method and path:
/// `arn:aws:execute-api:<region>:<account>:<api-id>/*/*/*`.
struct ApiGatewayRestApiImporter: ResourceImporter {
    let service = ServiceFolder.apiGateway

    func read(_ folder: ResourceFolder, warnings: inout [SnapshotWarning]) -> Resource? {
        let op = LayoutFile.getRestAPI
        let json = folder.json(op, warnings: &warnings)
        let id = folder.string(json, "id", path: .root, file: op, warnings: &warnings) ?? folder.name
        let prefix = "arn:\(folder.partition):execute-api:\(folder.region ?? ""):\(folder.account):\(id)"
        var policy: NamedPolicy?
        if let value = json?["policy"], value != .null {
            var text = value
            if case .string(var s) = value {
                if s.contains("\\\"") { s = Self.unescape(s) }
                text = .string(s.replacingOccurrences(of: "\"execute-api:/", with: "\"\(prefix)/"))
            }
            policy = PolicyText.parse(text, file: folder.file(op), path: JSONPath.root.appending("policy"),
                                      name: "resource policy of API \(id)", warnings: &warnings)
        }
        return Resource(arn: "\(prefix)/*/*/*", type: "AWS::ApiGateway::RestApi", account: folder.account, region: folder.region,
                        policy: policy, sourceFile: folder.file(op))
    }

    /// `\"` → `"`, `\\` → `\`, `\/` → `/`.
    static func unescape(_ s: String) -> String {
        var out = ""
        var escaping = false
        for c in s {
            if escaping {
                out.append(c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
