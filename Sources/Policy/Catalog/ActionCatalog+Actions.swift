extension ActionCatalog {
    /// The action with full name `name` (`s3:GetObject`), compared case-insensitively.
    public func action(named name: String) -> Action? {
        actionIndex(named: asciiLowercased(name)).map(makeAction)
    }

    /// Whether `prefix` (`s3`) is a service prefix of the catalog, compared case-insensitively.
    public func isKnownService(_ prefix: String) -> Bool {
        serviceIndexByPrefix[asciiLowercased(prefix)] != nil
    }

    /// The service with `prefix`, compared case-insensitively.
    public func service(_ prefix: String) -> Service? {
        serviceIndexByPrefix[asciiLowercased(prefix)].map { services[$0] }
    }

    /// The actions of the service with `prefix` (case-insensitive), sorted by name; empty for an unknown service.
    public func actions(inService prefix: String) -> [Action] {
        guard let service = service(prefix) else { return [] }
        return service.actionIndices.map(makeAction)
    }

    /// The concrete actions an `Action` pattern grants: `s3:Get*` gives every
    /// S3 action whose name starts with `Get`, `s3:*` all of S3's, `*` all.
    /// Matching is case-insensitive; the result is in catalog order.
    public func expand(_ pattern: ActionPattern) -> [Action] {
        actionIndices(matching: pattern).map(makeAction)
    }

    /// The patterns that match no action of the catalog: typos such as
    /// `s3:GetObjekt`, unknown services such as `s4:GetObject`, or actions
    /// newer than the catalog. Useful for warnings.
    public func unknownActions(in patterns: [ActionPattern]) -> [ActionPattern] {
        patterns.filter { actionIndices(matching: $0, limit: 1).isEmpty }
    }

    /// Position in `actionRecords` of the action `lowercased` (`s3:getobject`), by binary search.
    func actionIndex(named lowercased: String) -> Int? {
        let utf8 = lowercased.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
            let service = serviceIndexByPrefix[String(decoding: utf8[..<colon], as: UTF8.self)]
        else { return nil }
        let target = Array(utf8[utf8.index(after: colon)...])
        let range = services[service].actionIndices
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if lowercasedText[actionRecords[middle].name.range].lexicographicallyPrecedes(target) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < range.upperBound, lowercasedText[actionRecords[low].name.range].elementsEqual(target)
        else { return nil }
        return low
    }

    /// Positions in `actionRecords` of the actions `pattern` matches, at most `limit` of them.
    func actionIndices(matching pattern: ActionPattern, limit: Int = .max) -> [Int] {
        let wildcard = pattern.wildcard
        if wildcard.isAny { return Array(actionRecords.indices.prefix(limit)) }
        if wildcard.isLiteral { return actionIndex(named: wildcard.pattern).map { [$0] } ?? [] }
        var found: [Int] = []
        lowercasedText.withUnsafeBufferPointer { names in
            if let prefix = pattern.service {
                // `prefix:rest` with a literal prefix: match `rest` against that service's names.
                guard let service = serviceIndexByPrefix[prefix] else { return }
                let rest = Wildcard(String(decoding: wildcard.pattern.utf8.dropFirst(prefix.utf8.count + 1), as: UTF8.self))
                for index in services[service].actionIndices
                where rest.matches(utf8: UnsafeBufferPointer(rebasing: names[actionRecords[index].name.range])) {
                    found.append(index)
                    if found.count == limit { return }
                }
                return
            }
            // A wildcard in the service part: match whole `prefix:name` strings.
            var scratch: [UInt8] = []
            for service in services {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: asciiLowercased(service.prefix).utf8)
                scratch.append(UInt8(ascii: ":"))
                let prefixLength = scratch.count
                for index in service.actionIndices {
                    scratch.removeSubrange(prefixLength...)
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: names[actionRecords[index].name.range]))
                    if scratch.withUnsafeBufferPointer({ wildcard.matches(utf8: $0) }) {
                        found.append(index)
                        if found.count == limit { return }
                    }
                }
            }
        }
        return found
    }
}
