import PbRSimulation

/// How big a simulation the web application runs while a person waits (the command line has no limit):
/// at most `maxRuns` runs of at most `maxClients` clients each.
public struct SimulationLimits: Sendable, Equatable {
    public var maxRuns = 200
    public var maxClients = 500

    public init(maxRuns: Int = 200, maxClients: Int = 500) { self.maxRuns = maxRuns; self.maxClients = maxClients }

    /// The clients one run refers, as the scenario expects them: referrals a month, times months, times providers.
    public static func clients(_ model: CohortModel) -> Int { model.referralsPerMonth * model.referralMonths * model.providers.count }

    /// The most referrals a month that keep a run of `model` within `maxClients` (nil: not even one fits).
    public func mostReferralsPerMonth(_ model: CohortModel) -> Int? {
        let most = maxClients / max(model.referralMonths * model.providers.count, 1)
        return most >= 1 ? most : nil
    }

    /// Refuses a simulation above the limits, saying what to change.
    public func check(runs: Int, model: CohortModel) throws(AccessRefusal) {
        guard (1...maxRuns).contains(runs) else {
            throw .badRequest("runs is 1 to \(maxRuns) here (asked: \(runs)); run more with pbr simulate")
        }
        let clients = Self.clients(model)
        guard clients <= maxClients else {
            let most = maxClients / max(model.referralMonths * model.providers.count, 1)
            throw .badRequest("a run of this scenario refers \(clients) clients (\(model.referralsPerMonth) a month for \(model.referralMonths) "
                + "months to \(model.providers.count) provider\(model.providers.count == 1 ? "" : "s")), more than the \(maxClients) a run here "
                + "may have: ask for at most \(most) referrals a month, or run it with pbr simulate")
        }
    }
}
