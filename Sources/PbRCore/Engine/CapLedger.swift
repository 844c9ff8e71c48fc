/// Applies a contract's caps: per contract year (across clients) and per client (over the contract).
/// Payable lines are taken in order of achievement day,
/// client, outcome and part; the one that crosses a cap is cut to meet it exactly and later ones are
/// 0.00, both with status `capped` and reason `cap reached`.
struct CapLedger: Sendable {
    let contract: Contract

    func apply(to lines: inout [Entitlement]) {
        guard !contract.caps.isEmpty else { return }
        var used: [String: Money] = [:]
        let order = lines.indices.filter { lines[$0].status == .payable }
            .sorted { Entitlement.capOrder(lines[$0], lines[$1]) }
        for index in order {
            let line = lines[index]
            let year = contract.yearStart(containing: line.earnsOn)
            let applicable = contract.caps.filter { $0.outcome == nil || $0.outcome == line.outcomeID }
            var allowed = line.amount
            for cap in applicable {
                let room = cap.limit - used[key(cap, year, line.clientID), default: .zero]
                allowed = min(allowed, max(room, .zero))
            }
            for cap in applicable { used[key(cap, year, line.clientID), default: .zero] += allowed }
            if allowed < line.amount {
                lines[index].amount = allowed
                lines[index].status = .capped
                lines[index].reason = "cap reached (\(line.amount) cut to \(allowed)); " + line.reason
            }
        }
    }

    /// What a cap counts against: its outcome, and the contract year or the client.
    private func key(_ cap: Cap, _ year: Day, _ client: ClientID) -> String {
        (cap.outcome?.rawValue ?? "*") + (cap.perClient ? "#" + client.rawValue : "@" + year.description)
    }
}
