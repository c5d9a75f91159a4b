import SnapshotLayout

/// AWS Organizations, read from the management account: the organization, its accounts,
/// the tree of roots and OUs, and the SCPs and RCPs with their targets.
enum Organizations {
    /// The policy types collected with `list-policies --filter`.
    static let policyTypes = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]

    /// The command `organizations <operation>` whose output is `file`, with `parameters`.
    private static func command(_ file: LayoutFile, _ parameters: [String] = []) -> AWSCommand {
        AWSCommand(["organizations", file.operation] + parameters)
    }

    /// Where `file` goes in the organization's folder.
    private static func path(_ file: LayoutFile) -> String {
        SnapshotLayout.path(of: file, in: SnapshotLayout.organizationDirectory)
    }

    /// The first job: `describe-organization`. Only when it succeeds (the account is in an
    /// organization) do the other organization commands follow, so a lone account gets one warning.
    static func jobs() -> [Job] {
        [Job(command: command(.describeOrganization), absentErrorCodes: []) { data throws(UnexpectedOutput) in
            JobOutput(files: [SnapshotFile(path: path(.describeOrganization), contents: data)],
                      followUps: afterDescribe())
        }]
    }

    private static func afterDescribe() -> [Job] {
        let roots = Job(command: command(.listRoots), absentErrorCodes: []) { data throws(UnexpectedOutput) in
            JobOutput(files: [SnapshotFile(path: path(.listRoots), contents: data)],
                      followUps: try JSONObjects.strings("Id", of: "Roots", in: data).map(childrenJob))
        }
        return [.save(command(.listAccounts), to: path(.listAccounts)), roots]
            + policyTypes.map(policiesJob)
    }

    /// `list-children` of one parent: the OU children first, then the account children;
    /// both lists are saved as one `Children` list, and each child OU is visited next
    /// (breadth first).
    static func childrenJob(parent: String) -> Job {
        let base = ["--parent-id", parent, "--child-type"]
        return Job(command: command(.listChildren, base + ["ORGANIZATIONAL_UNIT"]), absentErrorCodes: []) { units throws(UnexpectedOutput) in
            let childUnits = try JSONObjects.strings("Id", of: "Children", in: units)
            let accounts = Job(command: command(.listChildren, base + ["ACCOUNT"]), absentErrorCodes: []) { accounts throws(UnexpectedOutput) in
                let merged = try JSONObjects.concatenate("Children", units, accounts)
                let folder = SnapshotLayout.organizationalUnitDirectory(SnapshotLayout.folderName(parent))
                return JobOutput(files: [SnapshotFile(path: SnapshotLayout.path(of: .listChildren, in: folder), contents: merged)],
                                 followUps: childUnits.map(childrenJob))
            }
            return JobOutput(followUps: [accounts])
        }
    }

    /// `list-policies --filter TYPE`, then each policy's document and targets.
    static func policiesJob(type: String) -> Job {
        .discover(AWSCommand(["organizations", "list-policies", "--filter", type]), query: "Policies[].Id") { rows in
            rows.compactMap(\.first).filter { !$0.isEmpty }.flatMap { id -> [Job] in
                let folder = SnapshotLayout.organizationPolicyDirectory(SnapshotLayout.folderName(id))
                return [LayoutFile.describePolicy, .listTargetsForPolicy].map { file in
                    .save(command(file, ["--policy-id", id]), to: SnapshotLayout.path(of: file, in: folder))
                }
            }
        }
    }
}
