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
    /// organization) do the other organization commands follow, so a lone account gets one
    /// warning. With `members`, `list-accounts` leads to each member account's collection.
    static func jobs(members: MemberCollection? = nil) -> [Job] {
        [.save(command(.describeOrganization), to: path(.describeOrganization)) { _ in
            JobOutput(followUps: afterDescribe(members: members))
        }]
    }

    private static func afterDescribe(members: MemberCollection?) -> [Job] {
        let accounts = Job.save(command(.listAccounts), to: path(.listAccounts)) { data throws(UnexpectedOutput) in
            try members?.jobs(fromAccounts: data) ?? JobOutput()
        }
        let roots = Job.save(command(.listRoots), to: path(.listRoots)) { data throws(UnexpectedOutput) in
            JobOutput(followUps: try JSONObjects.strings("Id", of: "Roots", in: data).map(childrenJob))
        }
        return [accounts, roots] + policyTypes.map(policiesJob)
    }

    /// `list-children` of one parent: the OU children first, then the account children;
    /// both lists are saved as one `Children` list, and each child OU is visited next
    /// (breadth first). With `--resume` and that file there, its OUs are visited from it.
    static func childrenJob(parent: String) -> Job {
        let base = ["--parent-id", parent, "--child-type"]
        let folder = SnapshotLayout.organizationalUnitDirectory(SnapshotLayout.folderName(parent))
        let merged = SnapshotLayout.path(of: .listChildren, in: folder)
        return Job(command: command(.listChildren, base + ["ORGANIZATIONAL_UNIT"]), target: merged, handle: { units throws(UnexpectedOutput) in
            let childUnits = try JSONObjects.strings("Id", of: "Children", in: units)
            let accounts = Job(command: command(.listChildren, base + ["ACCOUNT"])) { accounts throws(UnexpectedOutput) in
                JobOutput(files: [SnapshotFile(path: merged, contents: try JSONObjects.concatenate("Children", units, accounts))],
                          followUps: childUnits.map(childrenJob))
            }
            return JobOutput(followUps: [accounts])
        }, reuse: { existing throws(UnexpectedOutput) in
            let childUnits = try JSONObjects.list("Children", in: existing)
                .filter { $0["Type"] as? String == "ORGANIZATIONAL_UNIT" }.compactMap { $0["Id"] as? String }
            return JobOutput(followUps: childUnits.map(childrenJob))
        })
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
