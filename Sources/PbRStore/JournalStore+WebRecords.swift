import Crypto
import Foundation
import PbRCore
import SQLKit

/// What an assessment recorded on the web holds beyond its journal row.
public struct StoredAssessmentDetails: Sendable, Equatable {
    public var recordID: RecordID
    public var clientID: ClientID
    public var importID: Int
    public var contractID: String
    public var assessedOn: Day
    public var factors: [String]
    public var score: Int
    public var computedBand: Band
    public var recordedBand: Band
    public var referredTo: ProviderID?
    public var reason: AssessmentReason
    public var why: String
    public var recordedBy: String
    public var recordedAt: String

    /// The recorded band is not the band the score gives (flagged, never replaced).
    public var disagrees: Bool { computedBand != recordedBand }

    public init(recordID: RecordID, clientID: ClientID, importID: Int, contractID: String, assessedOn: Day, factors: [String], score: Int,
                computedBand: Band, recordedBand: Band, referredTo: ProviderID?, reason: AssessmentReason, why: String, recordedBy: String,
                recordedAt: String) {
        self.recordID = recordID; self.clientID = clientID; self.importID = importID; self.contractID = contractID
        self.assessedOn = assessedOn; self.factors = factors; self.score = score; self.computedBand = computedBand
        self.recordedBand = recordedBand; self.referredTo = referredTo; self.reason = reason; self.why = why
        self.recordedBy = recordedBy; self.recordedAt = recordedAt
    }
}

extension JournalStore {
    /// Records what a user entered on the web as a small import of its own (source `web: NAME`, known at
    /// `knownAt`), so that runs read it exactly as an extract's rows: the journal rows `rows` makes from
    /// the new import's id, beside them an assessment's details, and the audit entry, in one transaction.
    /// - Returns: the import's id.
    @discardableResult
    public func recordFromWeb(what: String, by user: String, knownAt: Moment, audit: AuditRecord,
                              rows: (Int) -> [JournalRow], details: ((Int) -> StoredAssessmentDetails)? = nil) async throws -> Int {
        try await transaction { db in
            let source = "web: \(user)"
            let digest = SHA256.hash(data: Array("web\u{1F}\(user)\u{1F}\(knownAt.text)\u{1F}\(UUID().uuidString)".utf8)).hex
            let row = try await db.raw("""
                INSERT INTO imports (known_at, known_at_epoch, source, digest, origin, imported_at, imported_by, rows_imported, rows_rejected)
                VALUES (\(bind: knownAt.text), \(bind: knownAt.epochSeconds), \(bind: source), \(bind: digest), \(bind: "web: " + what),
                        \(bind: Self.now()), \(bind: user), 0, 0)
                RETURNING id
                """).first()
            guard let importID = try row?.decode(column: "id", as: Int.self) else { throw StoreError.corrupt("the import was not recorded") }
            guard importID < VersionCode.importLimit else {
                throw StoreError.unsupported("this store holds \(VersionCode.importLimit - 1) imports, its most")
            }
            let written = rows(importID)
            try await self.insert(Self.binds(written, importID: importID, knownAt: knownAt))
            var sum = RecordsDigest()
            for row in written { sum.add(row.digest) }
            try await db.raw("""
                UPDATE imports SET rows_imported = \(bind: written.count), records_digest = \(bind: sum.text) WHERE id = \(bind: importID)
                """).run()
            if let details = details?(importID) { try await self.insert(details, db) }
            try await self.appendAudit(audit, db)
            return importID
        }
    }

    private func insert(_ d: StoredAssessmentDetails, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO assessment_details (record_id, client_id, import_id, contract_id, assessed_on, factors, score, computed_band,
                                            recorded_band, referred_to, reason, why, recorded_by, recorded_at)
            VALUES (\(bind: d.recordID.rawValue), \(bind: d.clientID.rawValue), \(bind: d.importID), \(bind: d.contractID),
                    \(bind: d.assessedOn.description), \(bind: d.factors.joined(separator: "\u{1F}")), \(bind: d.score),
                    \(bind: d.computedBand.value), \(bind: d.recordedBand.value), \(bind: d.referredTo?.rawValue ?? ""),
                    \(bind: d.reason.rawValue), \(bind: d.why), \(bind: d.recordedBy), \(bind: d.recordedAt))
            """).run()
    }

    /// The details of every assessment recorded on the web, by record id.
    public func assessmentDetails() async throws -> [RecordID: StoredAssessmentDetails] {
        let rows = try await database.raw("""
            SELECT record_id, client_id, import_id, contract_id, assessed_on, factors, score, computed_band, recorded_band, referred_to,
                   reason, why, recorded_by, recorded_at FROM assessment_details ORDER BY record_id
            """).all()
        var result: [RecordID: StoredAssessmentDetails] = [:]
        for row in rows {
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            guard let day = Day(iso: try text("assessed_on")), let computed = Band(try row.decode(column: "computed_band", as: Int.self)),
                  let recorded = Band(try row.decode(column: "recorded_band", as: Int.self)),
                  let reason = AssessmentReason(rawValue: try text("reason")) else {
                throw StoreError.corrupt("assessment \(try text("record_id")) has a day, band or reason PbR does not know")
            }
            let factors = try text("factors")
            let details = StoredAssessmentDetails(
                recordID: RecordID(try text("record_id")), clientID: ClientID(try text("client_id")),
                importID: try row.decode(column: "import_id", as: Int.self), contractID: try text("contract_id"), assessedOn: day,
                factors: factors.isEmpty ? [] : factors.split(separator: "\u{1F}").map(String.init),
                score: try row.decode(column: "score", as: Int.self), computedBand: computed, recordedBand: recorded,
                referredTo: try text("referred_to").isEmpty ? nil : ProviderID(try text("referred_to")), reason: reason,
                why: try text("why"), recordedBy: try text("recorded_by"), recordedAt: try text("recorded_at"))
            result[details.recordID] = details
        }
        return result
    }

    /// Records a service user's feedback, with its audit entry.
    public func addFeedback(_ feedback: ClientVoice.Feedback, client: ClientID, audit: AuditRecord) async throws {
        try await transaction { db in
            try await db.raw("""
                INSERT INTO voice_feedback (client_id, on_day, text, provider_id, recorded_by, recorded_at)
                VALUES (\(bind: client.rawValue), \(bind: feedback.on.description), \(bind: feedback.text),
                        \(bind: feedback.providerID?.rawValue ?? ""), \(bind: feedback.recordedBy), \(bind: Self.now()))
                """).run()
            try await self.appendAudit(audit, db)
        }
    }

    /// A client's feedback, in the order recorded.
    public func feedback(client: ClientID) async throws -> [ClientVoice.Feedback] {
        try await database.raw("""
            SELECT on_day, text, provider_id, recorded_by FROM voice_feedback WHERE client_id = \(bind: client.rawValue) ORDER BY id
            """).all().map { row in
            func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
            guard let day = Day(iso: try text("on_day")) else { throw StoreError.corrupt("feedback for \(client) has a day PbR does not read") }
            let provider = try text("provider_id")
            return ClientVoice.Feedback(on: day, text: try text("text"), providerID: provider.isEmpty ? nil : ProviderID(provider),
                                        recordedBy: try text("recorded_by"))
        }
    }
}
