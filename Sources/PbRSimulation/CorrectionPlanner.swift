import PbRCore

/// Plans the correction batch: TOPs re-sent with changed answers, corrected discharges and a handful
/// of withdrawals, all of records the treatment extract sent.
struct CorrectionPlanner {
    let generated: GeneratedRecords

    /// Records re-sent with the same key (episodes, then TOPs) and the withdrawals (TOPs, events, clients).
    func plan(_ rng: inout SplitMix64) -> (records: [Record], withdrawals: [SyntheticExtract.Withdrawal]) {
        var withdrawals: [SyntheticExtract.Withdrawal] = []
        var withdrawnClients = Set<ClientID>()
        for index in distinctIndices(min(generated.clients.count, rng.int(2...3)), of: generated.clients.count, &rng) {
            withdrawnClients.insert(generated.clients[index].id)
            withdrawals.append(.init(kind: .clients, key: generated.clients[index].id.rawValue))
        }
        var corrected = Set<Int>()
        var tops: [Record] = []
        for (index, top) in generated.tops.enumerated() where rng.chance(0.005) && !withdrawnClients.contains(top.clientID) {
            var changed = top
            let field = Self.correctable[rng.int(0...(Self.correctable.count - 1))]
            changed.values[field] = Self.changed(top.values[field], field, &rng)
            corrected.insert(index)
            tops.append(.top(changed))
        }
        let topWithdrawals = distinctIndices(5, of: generated.tops.count, &rng).filter {
            !corrected.contains($0) && !withdrawnClients.contains(generated.tops[$0].clientID)
        }
        let eventWithdrawals = distinctIndices(2, of: generated.events.count, &rng).filter {
            generated.events[$0].kind != .died && !withdrawnClients.contains(generated.events[$0].clientID)
        }
        let clientWithdrawals = withdrawals
        withdrawals = topWithdrawals.map { .init(kind: .top, key: generated.tops[$0].recordID.rawValue) }
            + eventWithdrawals.map { .init(kind: .events, key: generated.events[$0].recordID.rawValue) }
            + clientWithdrawals
        return (correctedEpisodes(excluding: withdrawnClients, &rng).map(Record.episode) + tops, withdrawals)
    }

    /// Fields an audit typically finds mistyped.
    private static let correctable: [TopField] = [
        .qualityOfLife, .psychological, .physical, .alcoholDays, .opiatesDays, .crackDays, .cannabisDays,
        .injectedDays, .paidWorkDays, .acuteHousing,
    ]

    /// About 0.2% of completed or dropped-out discharges: the reason flips between the two, and for half
    /// the discharge moves a few days later where nothing else is in the way.
    private func correctedEpisodes(excluding withdrawn: Set<ClientID>, _ rng: inout SplitMix64) -> [Episode] {
        let episodes = generated.episodes
        let died = Set(generated.events.lazy.filter { $0.kind == .died }.map(\.clientID))
        var result: [Episode] = []
        for index in distinctIndices(max(2, episodes.count / 500) * 4, of: episodes.count, &rng) {
            var episode = episodes[index]
            guard result.count < max(2, episodes.count / 500), let end = episode.endOn,
                  let reason = episode.dischargeReason, !withdrawn.contains(episode.clientID) else { continue }
            switch reason {
            case .droppedOut: episode.dischargeReason = Self.completion(for: episode.substances)
            case .completedDrugFree, .completedAlcoholFree, .completedOccasionalUser: episode.dischargeReason = .droppedOut
            default: continue
            }
            let newEnd = end.adding(days: rng.int(1...7))
            let next = index + 1 < episodes.count && episodes[index + 1].clientID == episode.clientID ? episodes[index + 1] : nil
            if rng.chance(0.5), newEnd <= Timeline.treatmentCutoff, !died.contains(episode.clientID),
               next?.startOn.map({ $0 > newEnd }) ?? true {
                episode.endOn = newEnd
            }
            result.append(episode)
        }
        return result
    }

    /// A different valid value: an unknown becomes known, a flag flips, a count or score moves by 1..3.
    private static func changed(_ value: Int32?, _ field: TopField, _ rng: inout SplitMix64) -> Int32 {
        let range = field.validRange
        guard let value else { return rng.int32(range.lowerBound...min(range.upperBound, 20)) }
        if field.scale == .flag { return 1 - value }
        let delta = rng.int32(1...3)
        return value + delta <= range.upperBound ? value + delta : value - delta
    }

    private static func completion(for substances: [Substance]) -> DischargeReason {
        if substances.contains(.opiates) || substances.contains(.crack) { return .completedDrugFree }
        return substances == [.alcohol] ? .completedAlcoholFree : .completedOccasionalUser
    }

    /// Up to `count` distinct indices below `bound`, in the order drawn (never a Set's order: that
    /// changes from run to run).
    private func distinctIndices(_ count: Int, of bound: Int, _ rng: inout SplitMix64) -> [Int] {
        guard bound > 0 else { return [] }
        var seen = Set<Int>(), result: [Int] = []
        for _ in 0..<(count * 4) where result.count < min(count, bound) {
            let index = rng.int(0...(bound - 1))
            if seen.insert(index).inserted { result.append(index) }
        }
        return result
    }
}
