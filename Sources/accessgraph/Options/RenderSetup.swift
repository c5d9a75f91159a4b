import Graph
import Render

extension RenderOptions {
    /// The defaults, with the snapshot's account names and organization for the account boxes.
    static func snapshot(_ model: AccessModel) -> RenderOptions {
        var options = RenderOptions()
        if let org = model.snapshot.organization {
            options.organization = Render.Organization(name: org.id, accounts: Set(org.accountNames.keys))
            options.accountNames = org.accountNames
        }
        return options
    }
}
