import PbRCore

/// The records generated so far, one typed array per kind: smaller than `[Record]` while the
/// corrections are planned, and flattened once at the end.
struct GeneratedRecords {
    var clients: [Client] = []
    var assessments: [Assessment] = []
    var episodes: [Episode] = []
    var tops: [TopReview] = []
    /// Offences dated up to 2015-06-30, sent with the treatment extract.
    var treatmentOffences: [Offence] = []
    /// Offences the police extract brings late.
    var policeOffences: [Offence] = []
    var events: [Event] = []

    init(clients count: Int) {
        clients.reserveCapacity(count)
        assessments.reserveCapacity(count + count / 8)
        episodes.reserveCapacity(count * 3 / 2)
        tops.reserveCapacity(count * 5)
        events.reserveCapacity(count * 2)
    }

    /// The treatment extract's records, kind by kind in file order; each typed array is released as
    /// soon as it is copied, so the two forms are not both held in full.
    mutating func takeTreatmentRecords() -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(clients.count + assessments.count + episodes.count + tops.count
            + treatmentOffences.count + events.count)
        records.append(contentsOf: clients.lazy.map(Record.client)); clients = []
        records.append(contentsOf: assessments.lazy.map(Record.assessment)); assessments = []
        records.append(contentsOf: episodes.lazy.map(Record.episode)); episodes = []
        records.append(contentsOf: tops.lazy.map(Record.top)); tops = []
        records.append(contentsOf: treatmentOffences.lazy.map(Record.offence)); treatmentOffences = []
        records.append(contentsOf: events.lazy.map(Record.event)); events = []
        return records
    }
}
