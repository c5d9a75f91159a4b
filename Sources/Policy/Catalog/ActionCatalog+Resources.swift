extension ActionCatalog {
    /// The resource types the service with `prefix` (case-insensitive) declares, in SAR order.
    public func resourceTypes(inService prefix: String) -> [ResourceType] {
        guard let service = service(prefix) else { return [] }
        return service.resourceTypeIndices.map(makeResourceType)
    }

    /// The resource type `name` (exact spelling, e.g. `object`) declared by the service with `prefix`.
    public func resourceType(named name: String, inService prefix: String) -> ResourceType? {
        guard let service = service(prefix) else { return nil }
        return service.resourceTypeIndices.first { text[typeRecords[$0].name.range].elementsEqual(name.utf8) }
            .map(makeResourceType)
    }

    /// The resource types of the ARN's own service (`arn.service`) that `arn`
    /// is an instance of: `arn:aws:s3:::b` is `bucket`, `arn:aws:s3:::b/k` is
    /// `object`, `arn:aws:iam::1:role/path/r` is `role`.
    ///
    /// A `${Placeholder}` in a SAR format matches one or more characters, `/`
    /// and `:` included within the resource part. When several formats match,
    /// only the most specific ones (most literal characters) are kept; the result has more than one element only when
    /// formats tie, e.g. Lambda's `function version` and `function alias`
    /// (`function:${FunctionName}:${Version}` and `...:${Alias}`).
    /// Types that other services declare with this service's ARNs (STS's
    /// `role`) are left out; see ``resourceTypesInAllServices(matching:)``.
    public func resourceTypes(matching arn: ARN) -> [ResourceType] {
        matchingTypeIndices(arn, ownServiceOnly: true).map(makeResourceType)
    }

    /// Like ``resourceTypes(matching:)``, but from every service that declares
    /// a resource type with ARNs of `arn.service`, most specific per declaring
    /// service: an IAM role ARN is IAM's `role` and also STS's, EC2's and
    /// others'. The ARN's own service comes first, then catalog order.
    public func resourceTypesInAllServices(matching arn: ARN) -> [ResourceType] {
        matchingTypeIndices(arn, ownServiceOnly: false).map(makeResourceType)
    }

    /// The actions that can be granted on `arn` by naming it in `Resource`:
    /// those listing one of its resource types
    /// (``resourceTypesInAllServices(matching:)``). This includes other
    /// services' actions on the ARN (`sts:AssumeRole` on an IAM role).
    /// Actions that take only `Resource: "*"` are not included. The ARN's own
    /// service's actions come first, then catalog order.
    public func actions(applicableTo arn: ARN) -> [Action] {
        var found: [Int] = []
        var seen = Set<Int>()
        for typeIndex in matchingTypeIndices(arn, ownServiceOnly: false) {
            let type = typeRecords[typeIndex]
            for actionIndex in services[Int(type.service)].actionIndices
            where action(actionIndex, listsTypeNamed: type.name.range) && seen.insert(actionIndex).inserted {
                found.append(actionIndex)
            }
        }
        let own = serviceIndexByPrefix[arn.service]
        found.sort { a, b in
            let aOwn = Int(actionRecords[a].service) == own
            let bOwn = Int(actionRecords[b].service) == own
            return aOwn != bOwn ? aOwn : a < b
        }
        return found.map(makeAction)
    }

    /// Positions in `typeRecords` of the types `arn` is, most specific per declaring service.
    func matchingTypeIndices(_ arn: ARN, ownServiceOnly: Bool) -> [Int] {
        guard let candidates = typeIndicesByARNService[arn.service] else { return [] }
        let own = serviceIndexByPrefix[arn.service]
        // Candidates are in catalog order, hence grouped by declaring service.
        var groups: [(service: Int, specificity: Int32, indices: [Int])] = []
        matchText.withUnsafeBufferPointer { patterns in
            for index in candidates {
                let record = typeRecords[index]
                let service = Int(record.service)
                if ownServiceOnly && service != own { continue }
                guard FormatMatching.matches(UnsafeBufferPointer(rebasing: patterns[record.matchText.range]), arn)
                else { continue }
                if let last = groups.indices.last, groups[last].service == service {
                    if record.specificity > groups[last].specificity {
                        groups[last] = (service, record.specificity, [index])
                    } else if record.specificity == groups[last].specificity {
                        groups[last].indices.append(index)
                    }
                } else {
                    groups.append((service, record.specificity, [index]))
                }
            }
        }
        let ownGroups = groups.filter { $0.service == own }
        let otherGroups = groups.filter { $0.service != own }
        return (ownGroups + otherGroups).flatMap(\.indices)
    }
}
