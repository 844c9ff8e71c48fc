/// The seven kinds of record an extract carries, one type each. Field names follow the CSV columns.

public struct Client: Hashable, Sendable {
    public var id: ClientID
    public var sex: Sex?
    public var birthYear: Int?
    /// The birth years an extract may give: both the general way and the importer's byte path check it.
    public static let birthYears = 1900...2100
    public init(id: ClientID, sex: Sex? = nil, birthYear: Int? = nil) {
        self.id = id; self.sex = sex; self.birthYear = birthYear
    }
}

public struct Assessment: Hashable, Sendable {
    public var recordID: RecordID
    public var clientID: ClientID
    public var assessedOn: Day
    public var band: Band
    public var assessor: String
    public var reason: AssessmentReason?
    public init(recordID: RecordID, clientID: ClientID, assessedOn: Day, band: Band, assessor: String = "",
                reason: AssessmentReason? = nil) {
        self.recordID = recordID; self.clientID = clientID; self.assessedOn = assessedOn; self.band = band
        self.assessor = assessor; self.reason = reason
    }
}

public struct Episode: Hashable, Sendable {
    public var recordID: RecordID
    public var clientID: ClientID
    public var providerID: ProviderID
    public var referralOn: Day?
    public var startOn: Day?
    public var endOn: Day?
    public var dischargeReason: DischargeReason?
    /// `substance_1` .. `substance_3` as given (empty ones left out).
    public var substances: [Substance]
    public var referralSource: ReferralSource?
    public init(recordID: RecordID, clientID: ClientID, providerID: ProviderID, referralOn: Day? = nil,
                startOn: Day?, endOn: Day? = nil, dischargeReason: DischargeReason? = nil,
                substances: [Substance] = [], referralSource: ReferralSource? = nil) {
        self.recordID = recordID; self.clientID = clientID; self.providerID = providerID
        self.referralOn = referralOn; self.startOn = startOn; self.endOn = endOn
        self.dischargeReason = dischargeReason; self.substances = substances; self.referralSource = referralSource
    }
}

public struct TopReview: Hashable, Sendable {
    public var recordID: RecordID
    public var clientID: ClientID
    public var episodeID: RecordID
    public var on: Day
    public var stage: TopStage
    public var values: TopValues
    public init(recordID: RecordID, clientID: ClientID, episodeID: RecordID, on: Day, stage: TopStage,
                values: TopValues = TopValues()) {
        self.recordID = recordID; self.clientID = clientID; self.episodeID = episodeID
        self.on = on; self.stage = stage; self.values = values
    }
}

public struct Offence: Hashable, Sendable {
    public var recordID: RecordID
    public var clientID: ClientID
    public var offenceOn: Day
    public var provenOn: Day?
    public var trigger: Bool?
    public var category: String
    public init(recordID: RecordID, clientID: ClientID, offenceOn: Day, provenOn: Day? = nil,
                trigger: Bool? = nil, category: String = "") {
        self.recordID = recordID; self.clientID = clientID; self.offenceOn = offenceOn
        self.provenOn = provenOn; self.trigger = trigger; self.category = category
    }
}

public struct Event: Hashable, Sendable {
    public var recordID: RecordID
    public var clientID: ClientID
    public var on: Day
    public var kind: EventKind
    public var detail: String
    public init(recordID: RecordID, clientID: ClientID, on: Day, kind: EventKind, detail: String = "") {
        self.recordID = recordID; self.clientID = clientID; self.on = on; self.kind = kind; self.detail = detail
    }
}

/// An outcome another payment programme has paid for this client (claims.csv). Kept in the journal; the
/// engine does not read it yet.
public struct Claim: Hashable, Sendable {
    public var recordID: RecordID
    public var clientID: ClientID
    /// The other programme, e.g. `work_programme`, `justice_pbr`.
    public var programme: String
    /// The outcome as that programme names it.
    public var outcome: String
    public var achievedOn: Day
    public init(recordID: RecordID, clientID: ClientID, programme: String, outcome: String, achievedOn: Day) {
        self.recordID = recordID; self.clientID = clientID; self.programme = programme; self.outcome = outcome
        self.achievedOn = achievedOn
    }
}
