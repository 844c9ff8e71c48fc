/// One kind of client a framework is proofed for, before signing: what they present with and where they
/// start from. Framework proofing asks what a provider can earn from each kind, so that the kinds it pays
/// least (the clients a provider will not want) show before the contract does its harm.
public struct ProofProfile: Hashable, Sendable {
    /// The presenting substances, as the first episode names them (one to three, in that order).
    public var substances: [Substance]
    /// A proven offence in the year before the journey, and a criminal-justice referral.
    public var offending: Bool
    /// Injecting at baseline (injected days >= 1).
    public var injecting: Bool
    /// An acute housing problem at baseline.
    public var housingProblem: Bool
    /// In paid work at baseline.
    public var inWork: Bool
    public var band: Band

    public init(substances: [Substance], offending: Bool, injecting: Bool, housingProblem: Bool, inWork: Bool, band: Band) {
        precondition((1...3).contains(substances.count) && Set(substances).count == substances.count,
                     "a profile presents one to three different substances")
        self.substances = substances; self.offending = offending; self.injecting = injecting
        self.housingProblem = housingProblem; self.inWork = inWork; self.band = band
    }

    /// `opiates+crack`, `alcohol`.
    public var substancesLabel: String { substances.map(\.rawValue).joined(separator: "+") }

    /// For people: `alcohol, not offending, not injecting, housed, in work, band 1`.
    public var label: String {
        [substancesLabel, offending ? "offending" : "not offending", injecting ? "injecting" : "not injecting",
         housingProblem ? "housing problem" : "housed", inWork ? "in work" : "not in work", "band \(band)"]
            .joined(separator: ", ")
    }
}
