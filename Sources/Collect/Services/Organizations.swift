/// AWS Organizations, read from the management account: the organization, its accounts,
/// the tree of roots and OUs, and the SCPs and RCPs with their targets.
enum Organizations {
    /// The policy types collected with `list-policies --filter`.
    static let policyTypes = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]

    private static let directory = SnapshotLayout.organizationDirectory

    /// The first job: `describe-organization`. Only when it succeeds (the account is in an
    /// organization) do the other organization commands follow, so a lone account gets one warning.
    static func jobs() -> [Job] {
        let describe = AWSCommand(["organizations", "describe-organization"])
        return [Job(command: describe, absentErrorCodes: []) { data throws(UnexpectedOutput) in
            JobOutput(files: [SnapshotFile(path: "\(directory)/describe-organization.json", contents: data)],
                      followUps: afterDescribe())
        }]
    }

    private static func afterDescribe() -> [Job] {
        let roots = Job(command: AWSCommand(["organizations", "list-roots"]), absentErrorCodes: []) { data throws(UnexpectedOutput) in
            JobOutput(files: [SnapshotFile(path: "\(directory)/list-roots.json", contents: data)],
                      followUps: try JSONObjects.strings("Id", of: "Roots", in: data).map(childrenJob))
        }
        return [.save(AWSCommand(["organizations", "list-accounts"]), to: "\(directory)/list-accounts.json"), roots]
            + policyTypes.map(policiesJob)
    }

    /// `list-children` of one parent: the OU children first, then the account children;
    /// both lists are saved as one `Children` list, and each child OU is visited next
    /// (breadth first).
    static func childrenJob(parent: String) -> Job {
        let base = ["organizations", "list-children", "--parent-id", parent, "--child-type"]
        return Job(command: AWSCommand(base + ["ORGANIZATIONAL_UNIT"]), absentErrorCodes: []) { units throws(UnexpectedOutput) in
            let childUnits = try JSONObjects.strings("Id", of: "Children", in: units)
            let accounts = Job(command: AWSCommand(base + ["ACCOUNT"]), absentErrorCodes: []) { accounts throws(UnexpectedOutput) in
                let merged = try JSONObjects.concatenate("Children", units, accounts)
                let path = "\(directory)/ous/\(SnapshotLayout.folderName(parent))/list-children.json"
                return JobOutput(files: [SnapshotFile(path: path, contents: merged)],
                                 followUps: childUnits.map(childrenJob))
            }
            return JobOutput(followUps: [accounts])
        }
    }

    /// `list-policies --filter TYPE`, then each policy's document and targets.
    static func policiesJob(type: String) -> Job {
        .discover(AWSCommand(["organizations", "list-policies", "--filter", type]), query: "Policies[].Id") { rows in
            rows.compactMap(\.first).filter { !$0.isEmpty }.flatMap { id -> [Job] in
                let folder = "\(directory)/policies/\(SnapshotLayout.folderName(id))"
                return ["describe-policy", "list-targets-for-policy"].map { operation in
                    .save(AWSCommand(["organizations", operation, "--policy-id", id]), to: "\(folder)/\(operation).json")
                }
            }
        }
    }
}
