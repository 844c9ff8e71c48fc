/// One result, one payment, across the contracts of one area (`paid_once_with`): an outcome the client
/// reached first in another contract's journeys is that contract's to pay, not this one's.
extension ClientEvaluator {
    /// The contract of the area that reached `outcome` before this one did (the same day: the smaller
    /// contract id), and the day it did; nil when this contract reached it first or alone.
    func reachedFirstElsewhere(_ outcome: OutcomeID, _ achievement: Achievement, _ history: ClientHistory,
                               asOf: Day, diedOn: Day?) -> (contract: String, on: Day, by: ProviderID)? {
        var first: (contract: String, on: Day, by: ProviderID)?
        for peer in contract.peers {
            let other = peer.versions.inForce(on: asOf)
            guard let rule = other.outcomes.first(where: { $0.id == outcome }) else { continue }
            for journey in other.journeys(history.episodes) {
                let context = JourneyContext(journey: journey, history: history, asOf: asOf, diedOn: diedOn)
                guard case .achieved(let reached) = rule.kind.evaluate(context), reached.achievedOn <= other.outcomesUntil else { continue }
                if let diedOn, reached.achievedOn > diedOn { continue }
                let before = reached.achievedOn < achievement.achievedOn
                    || (reached.achievedOn == achievement.achievedOn && peer.id < contract.id)
                if before, first.map({ (reached.achievedOn, peer.id) < ($0.on, $0.contract) }) ?? true {
                    first = (peer.id, reached.achievedOn, reached.earnedBy)
                }
            }
        }
        return first
    }

    /// How a result another contract of the area pays is named in an exception or a trace.
    static func describePeer(_ outcome: OutcomeID, _ peer: (contract: String, on: Day, by: ProviderID)) -> String {
        "not paid: one result, one payment: \(peer.contract) pays \(outcome), reached first at \(peer.by) on \(peer.on)"
    }
}
