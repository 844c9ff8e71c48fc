import Foundation
import PbRCore
import PbRStore

/// The service user's voice, as one viewer may read and record it: personal goals agreed and achieved
/// (written to the journal as `goal_agreed` / `goal_achieved` events, as an extract's `events.csv` would
/// bring them, so that a contract may pay for goals achieved with an `event` outcome) and free-text
/// feedback. A provider reads and records them for its own clients only; a client it may not see is
/// refused as if it did not exist.
public struct ServiceUserVoice: Sendable {
    public let store: JournalStore
    public let viewer: Viewer
    public let clock: WallClock

    public init(store: JournalStore, viewer: Viewer, clock: WallClock = .system) {
        self.store = store; self.viewer = viewer; self.clock = clock
    }

    /// A client's goals and feedback (the journey timeline shows them).
    public func voice(_ client: ClientID) async throws -> ClientVoice {
        guard viewer.role != .assessor else { throw AccessRefusal.forbidden("an assessor records and reads assessments only") }
        let history = try await visible(client) { viewer.maySeeVoice(treatedBy: $0, covered: $1) }
        let voice = ClientVoice(clientID: client, events: history.events, feedback: try await store.feedback(client: client))
        try await store.appendAudit(AuditRecord(actor: viewer.name, action: "client.voice", subject: client.rawValue,
                                                detail: "\(voice.goals.count) goals, \(voice.feedback.count) feedback"))
        return voice
    }

    /// Records a goal agreed or achieved, as an event in the journal.
    public func recordGoal(_ client: ClientID, on day: Day, achieved: Bool, detail: String) async throws -> Event {
        try requireRecorder()
        _ = try await visible(client) { treatedBy, _ in viewer.recordsVoice(treatedBy: treatedBy) }
        guard day <= clock.today else { throw AccessRefusal.badRequest("a goal is dated on or before today (\(clock.today))") }
        let text = try Self.text(detail, what: "a goal", required: true)
        let kind: EventKind = achieved ? .goalAchieved : .goalAgreed
        let recordedAt = clock.timestamp, name = viewer.name
        guard let knownAt = Moment(iso: recordedAt) else { preconditionFailure("the clock's timestamp is ISO 8601") }
        var event: Event?
        try await store.recordFromWeb(what: "\(kind.rawValue) of \(client)", by: name, knownAt: knownAt,
                                      audit: AuditRecord(actor: name, action: "goal.record", subject: client.rawValue,
                                                         detail: "\(kind.rawValue) on \(day)")) { importID in
            let made = Event(recordID: RecordID("web-\(importID)"), clientID: client, on: day, kind: kind, detail: text)
            event = made
            return [JournalRow(.event(made))]
        }
        guard let event else { preconditionFailure("recordFromWeb makes the row") }
        return event
    }

    /// Records what the client said about the service.
    public func recordFeedback(_ client: ClientID, on day: Day, text: String) async throws -> ClientVoice.Feedback {
        try requireRecorder()
        _ = try await visible(client) { treatedBy, _ in viewer.recordsVoice(treatedBy: treatedBy) }
        guard day <= clock.today else { throw AccessRefusal.badRequest("feedback is dated on or before today (\(clock.today))") }
        let feedback = ClientVoice.Feedback(on: day, text: try Self.text(text, what: "feedback", required: true),
                                            providerID: viewer.providerID, recordedBy: viewer.name)
        try await store.addFeedback(feedback, client: client,
                                    audit: AuditRecord(actor: viewer.name, action: "feedback.record", subject: client.rawValue, detail: "on \(day)"))
        return feedback
    }

    private func requireRecorder() throws {
        guard viewer.role == .provider || viewer.role == .admin else {
            throw AccessRefusal.forbidden("goals and feedback are recorded by the client's provider")
        }
    }

    /// The client's history, if the viewer passes `allowed`; otherwise refused as a client that does not exist.
    private func visible(_ client: ClientID, _ allowed: (Set<ProviderID>, Set<ProviderID>?) -> Bool) async throws -> ClientHistory {
        let missing = AccessRefusal.notFound("no client '\(client)'")
        guard let history = try await store.histories(knownAt: nil, client: client).first else { throw missing }
        let covered = try await Coverage.providers(of: viewer, in: store)
        guard allowed(Set(history.episodes.map(\.providerID)), covered) else { throw missing }
        return history
    }

    /// Text as the journal and the page can hold it: one line for a goal (CSV's detail), at most 2,000 characters.
    static func text(_ raw: String, what: String, required: Bool) throws -> String {
        let oneLine = String(String.UnicodeScalarView(raw.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : $0 }))
        let text = oneLine.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty || !required else { throw AccessRefusal.badRequest("\(what) needs some words") }
        guard text.count <= 2_000 else { throw AccessRefusal.badRequest("\(what) is at most 2,000 characters") }
        return text
    }
}
