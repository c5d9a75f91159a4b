import Graph
import Policy
import Snapshot

/// A principal or resource that `can` cannot find in the snapshot.
public struct SnapshotRequestError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension AccessModel {
    /// The policies that apply when `request`'s principal acts on its resource, read from the
    /// snapshot: the principal's identity and group policies, boundary and SCP path, and the
    /// resource's policy and RCP path. A role session maps to its role. The context is concrete:
    /// the keys the snapshot knows about the principal, the keys AWS sets, the caller's keys;
    /// every other key is absent.
    public func simulationInput(_ request: ConcreteRequest) throws(SnapshotRequestError) -> (ConcreteRequest, PolicySet) {
        let p = request.principal
        guard let entry = principal(p.id) ?? principal(p.sessionArn ?? p.id) else {
            throw SnapshotRequestError(message: "principal '\(p.sessionArn ?? p.id)' is not in the snapshot")
        }
        var r = request
        r.principal = entry.request
        r.principal.sessionArn = p.sessionArn
        var set = entry.policies
        set.resourcePolicy = nil
        set.resourcePolicyRequired = false
        set.rcpLevels = []
        // The same context every command decides with, read as a concrete request: keys the
        // snapshot does not know are absent (`ConcreteRequest.context`).
        r.baseContext = entry.context
        if let resource = request.resource {
            if let target = resourceEntry(for: resource.arn) {
                // A role's trust policy governs only the sts:AssumeRole* actions.
                let trustOnly = target.isRole && !request.resourcePolicyRequiredByDefault
                if !trustOnly { set = policies(of: entry, on: target) } else { set.rcpLevels = target.rcpLevels }
                if request.givenResourceAccount == nil { r.resourceAccount = target.account }
                r.baseContext = requestContext(of: entry, on: target)
            } else if let account = r.resourceAccount {
                set.rcpLevels = snapshot.organization?.rcpLevels(forAccount: account) ?? []
                set.resourcePolicyRequired = r.resourcePolicyRequiredByDefault
                r.baseContext = requestContext(of: entry, resourceAccount: account)
            }
        }
        return (r, set)
    }

    /// The snapshot resource that holds the policy for `arn`: the ARN itself, or for an
    /// S3 object its bucket.
    public func resourceEntry(for arn: ARN) -> ResourceEntry? {
        if let r = resources[arn.description] { return r }
        if arn.service == "s3", let slash = arn.resource.firstIndex(of: "/") {
            return resources[ARN(partition: arn.partition, service: "s3", resource: String(arn.resource[..<slash])).description]
        }
        return nil
    }
}
