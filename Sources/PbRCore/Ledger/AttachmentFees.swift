/// Attachment fees (DOMAIN.md, "Block and attachment"): where a contract pays the part not paid on
/// results as a fee per journey started, each journey started in the contract earns the fee for the band
/// in force on its start day, owed from that day. Corrections (a start day moved, a band re-assessed)
/// are adjusted like outcome lines, since the ledger compares what is owed now with what was issued.
public enum AttachmentFees {
    /// What the contract owes in attachment fees as of `asOf`, one item a journey.
    public static func owed(_ contract: Contract, _ histories: [ClientHistory], asOf: Day) -> [OutcomeLineDraft.Owed] {
        guard contract.finance.remainder == "attachment", !contract.finance.attachmentFees.isEmpty else { return [] }
        var owed: [OutcomeLineDraft.Owed] = []
        for full in histories {
            let history = full.asOf(asOf)
            // A journey taken in already in treatment earns no attachment fee: it was not started under the contract.
            for journey in contract.journeys(history.episodes)
            where journey.firstEpisode.startOn! >= contract.start && journey.start <= min(asOf, contract.outcomesUntil) {
                // No band in force on the start day: no fee (the run's exceptions show such clients).
                guard let band = ClientEvaluator.band(on: journey.start, in: history.assessments),
                      let fee = contract.finance.attachmentFees[band] else { continue }
                let provider = journey.firstEpisode.providerID
                owed.append(OutcomeLineDraft.Owed(
                    key: .attachment(payee: contract.primeProvider ?? provider, clientID: history.clientID, journeyStart: journey.start),
                    earnedBy: provider, band: band, achievedOn: journey.start, dueOn: journey.start, amount: fee,
                    reason: "attachment fee: journey started on \(journey.start) at \(provider), band \(band)"))
            }
        }
        return owed
    }
}
