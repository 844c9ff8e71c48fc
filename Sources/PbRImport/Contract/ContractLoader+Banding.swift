import PbRCore

extension ContractLoader {
    /// `banding`: `factors: [{id, points, description}]` and `bands: [{band: 1, points: 0-2}, ..., {band: 5, points: 12+}]`,
    /// refused at the key of the factor or range that is wrong (a gap, an overlap, a factor named twice).
    static func banding(_ node: ContractNode) throws(ContractError) -> BandingRules {
        let keys = try node.mapping(allowed: ["factors", "bands"])
        guard let factorsNode = keys["factors"], let bandsNode = keys["bands"] else {
            throw node.fail("banding needs factors (each with id and points) and bands (each with band and points, e.g. 0-2 or 12+)")
        }
        let factorNodes = try factorsNode.list()
        var factors: [BandingRules.Factor] = []
        for item in factorNodes {
            let entry = try item.mapping(allowed: ["id", "points", "description"])
            guard let id = entry["id"], let points = entry["points"] else { throw item.fail("a factor needs id and points") }
            factors.append(.init(id: try id.string(), points: try points.integer(), description: try entry["description"]?.string() ?? ""))
        }
        let rangeNodes = try bandsNode.list()
        var ranges: [BandingRules.Range] = []
        for item in rangeNodes {
            let entry = try item.mapping(allowed: ["band", "points"])
            guard let bandNode = entry["band"], let pointsNode = entry["points"] else { throw item.fail("a band needs band and points") }
            guard let band = Band(try bandNode.integer()) else { throw bandNode.fail("a band is 1 to 5") }
            let (from, through) = try range(pointsNode)
            ranges.append(.init(band: band, from: from, through: through))
        }
        if let problem = BandingRules.problem(factors: factors, ranges: ranges) {
            switch problem.place {
            case .factor(let index): throw factorNodes[index].fail(problem.reason)
            case .range(let index): throw ContractNode(node: rangeNodes[index].node, path: rangeNodes[index].path + ".points").fail(problem.reason)
            case .ranges: throw bandsNode.fail(problem.reason)
            }
        }
        return BandingRules(factors: factors, ranges: ranges)
    }

    /// `0-2`, `7` or `12+`.
    private static func range(_ node: ContractNode) throws(ContractError) -> (Int, Int?) {
        let text = try node.string()
        let bad = node.fail("'\(text)' is not a range of points like 0-2, 7 or 12+")
        if text.hasSuffix("+") {
            guard let from = Int(text.dropLast()), from >= 0 else { throw bad }
            return (from, nil)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, let from = Int(parts[0]), from >= 0, let through = Int(parts.last!) else { throw bad }
        return (from, through)
    }
}
