import Foundation
import PbRCore
import PbRService
import PbRStore
import PbRTestSupport
import Testing

/// One result, one payment across the contracts of one area: Oxfordshire's harm minimisation (OX-HEALTH)
/// and recovery (OX-RECOVERY) contracts both pay D4-stopped-injecting, and name each other in
/// `paid_once_with`. A client treated at both is paid it once, by the contract that reached it first.
@Suite("Contracts of one area")
struct AreaContractsTests {
    static let harm = "oxfordshire-harm-minimisation", recovery = "oxfordshire-recovery"

    /// X003, band 2, in treatment at OX-HEALTH (episode 1, from 2012-05-01) and at OX-RECOVERY (episode 2,
    /// from 2012-06-01), injecting at both start TOPs and using opiates throughout, quality of life flat:
    /// D4-stopped-injecting is the only outcome either contract can pay (200.00 at band 2 in both files).
    static let treatedAtBoth: [String: String] = [
        "clients.csv": "client_id,sex,birth_year\nX003,F,1979\n",
        "assessments.csv": "record_id,client_id,assessed_on,band,assessor,reason\n1,X003,2012-05-01,2,LASAR,initial\n",
        "episodes.csv": "record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source\n"
            + "1,X003,OX-HEALTH,2012-05-01,2012-05-01,,,opiates,,,self\n2,X003,OX-RECOVERY,2012-06-01,2012-06-01,,,opiates,,,self\n",
    ]

    /// At OX-RECOVERY: injecting 8 days at the start, none at the reviews of 2012-09-01 and 2012-10-05.
    static let recoveryTops = [
        (id: 11, client: "X003", episode: 2, on: "2012-06-01", stage: "start", opiates: 20, injected: 8, quality: 10),
        (id: 12, client: "X003", episode: 2, on: "2012-09-01", stage: "review", opiates: 10, injected: 0, quality: 10),
        (id: 13, client: "X003", episode: 2, on: "2012-10-05", stage: "review", opiates: 10, injected: 0, quality: 10),
    ]
    /// At OX-HEALTH: injecting 10 days at the start, none at the reviews of 2012-08-01 and 2012-09-10.
    static let healthTops = [
        (id: 1, client: "X003", episode: 1, on: "2012-05-01", stage: "start", opiates: 20, injected: 10, quality: 10),
        (id: 2, client: "X003", episode: 1, on: "2012-08-01", stage: "review", opiates: 10, injected: 0, quality: 10),
        (id: 3, client: "X003", episode: 1, on: "2012-09-10", stage: "review", opiates: 10, injected: 0, quality: 10),
    ]

    func area() async throws -> LedgerFixture {
        let ledger = try await LedgerFixture.make(contract: ShippedExtracts.contract(Self.harm))
        _ = try await ContractRegistry(store: ledger.store).add(ShippedExtracts.contract(Self.recovery).path, by: "test")
        return ledger
    }

    func outcomeLines(_ ledger: LedgerFixture) async throws -> [String] {
        var rows: [String] = []
        for name in [Self.harm, Self.recovery] {
            rows += try await ledger.store.statementLines(name).filter { $0.component == .outcome }.map { "\(name) " + LedgerFixture.row($0) }
        }
        return rows
    }

    @Test func theContractThatReachedAResultFirstPaysItAndTheOtherDoesNot() async throws {
        let ledger = try await area()
        var files = Self.treatedAtBoth
        files["top.csv"] = ShippedExtracts.tops(Self.healthTops + Self.recoveryTops)
        try await importExtract(try ExtractFolders.write(files), into: ledger.store)
        for name in [Self.harm, Self.recovery] { try await ledger.issue(through: "2012-12", contract: name) }
        let run = try await EntitlementsJob.stored(Self.recovery, in: ledger.store, asOf: day("2012-12-31"), knownAt: nil)
            .run(on: ledger.store, command: "test").report
        let rows = try await outcomeLines(ledger)
        try await ledger.store.close()
        // OX-HEALTH reached it on 2012-09-10, OX-RECOVERY on 2012-10-05: harm minimisation pays, once.
        #expect(rows == ["\(Self.harm) 2012-09,OX-HEALTH,X003,D4-stopped-injecting,1,new,200.00"])
        #expect(run.lines.isEmpty)
        #expect(run.exceptions.map(\.reason) == ["not paid: one result, one payment: \(Self.harm) pays D4-stopped-injecting, "
            + "reached first at OX-HEALTH on 2012-09-10"])
    }

    @Test func aResultReachedFirstElsewhereAndReportedLateIsClawedBackNamingWhoPaysIt() async throws {
        let ledger = try await area()
        var files = Self.treatedAtBoth
        files["top.csv"] = ShippedExtracts.tops(Self.recoveryTops)
        try await importExtract(try ExtractFolders.write(files, knownAt: "2012-12-05T09:00:00+00:00"), into: ledger.store)
        for name in [Self.harm, Self.recovery] { try await ledger.issue(through: "2012-12", contract: name) }
        // OX-HEALTH's reviews arrive late: it had reached the result first, on 2012-09-10.
        let late = ["top.csv": ShippedExtracts.tops(Self.healthTops)]
        try await importExtract(try ExtractFolders.write(late, knownAt: "2013-01-20T09:00:00+00:00"), into: ledger.store)
        var january: [StatementLine] = []
        for name in [Self.harm, Self.recovery] { january += try await ledger.issue("2013-01", contract: name).issued.flatMap(\.lines) }
        let rows = try await outcomeLines(ledger)
        try await ledger.store.close()
        #expect(rows == [
            "\(Self.harm) 2013-01,OX-HEALTH,X003,D4-stopped-injecting,1,new,200.00",
            "\(Self.recovery) 2012-10,OX-RECOVERY,X003,D4-stopped-injecting,1,new,200.00",
            "\(Self.recovery) 2013-01,OX-RECOVERY,X003,D4-stopped-injecting,1,adjustment,-200.00",
        ])
        let clawBack = january.first { $0.kind == .adjustment }
        #expect(clawBack?.reason.contains("not paid: one result, one payment: \(Self.harm) pays D4-stopped-injecting, "
            + "reached first at OX-HEALTH on 2012-09-10") == true, "\(clawBack?.reason ?? "no claw-back")")
    }

    @Test func reachedTheSameDayTheContractWithTheSmallerIdPays() async throws {
        let ledger = try await area()
        var files = Self.treatedAtBoth
        var sameDay = Self.recoveryTops
        sameDay[2].on = "2012-09-10"
        files["top.csv"] = ShippedExtracts.tops(Self.healthTops + sameDay)
        try await importExtract(try ExtractFolders.write(files), into: ledger.store)
        for name in [Self.harm, Self.recovery] { try await ledger.issue(through: "2012-12", contract: name) }
        let rows = try await outcomeLines(ledger)
        try await ledger.store.close()
        // "oxfordshire-harm-minimisation" < "oxfordshire-recovery".
        #expect(rows == ["\(Self.harm) 2012-09,OX-HEALTH,X003,D4-stopped-injecting,1,new,200.00"])
    }

    @Test func aContractPaidOnceWithOneNotInTheStoreOrNotNamingItBackIsRefused() async throws {
        let (store, _) = try await temporaryStore()
        let registry = ContractRegistry(store: store)
        _ = try await registry.add(ShippedExtracts.contract(Self.recovery).path, by: "test")
        await #expect(throws: Refusal("\(Self.recovery) is paid once with \(Self.harm) (paid_once_with), which is not in "
            + "\(store.location): `pbr contract add` its file first")) { _ = try await registry.versions(of: Self.recovery) }
        // A harm minimisation contract that does not name recovery back.
        let text = try String(contentsOf: ShippedExtracts.contract(Self.harm), encoding: .utf8)
            .replacingOccurrences(of: "paid_once_with: [oxfordshire-recovery]", with: "")
        let file = try Fixtures.temporaryFolder().appendingPathComponent("harm.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        _ = try await registry.add(file.path, by: "test")
        await #expect(throws: Refusal("\(Self.recovery) is paid once with \(Self.harm), but \(Self.harm)'s paid_once_with does not name "
            + "\(Self.recovery): a result \(Self.harm) reached first would be paid by both; name each contract in the other's file")) {
            _ = try await registry.versions(of: Self.recovery)
        }
        try await store.close()
    }
}
