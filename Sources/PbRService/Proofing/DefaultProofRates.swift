/// The rates `pbr proof` uses when no `--rates` file is given; docs/diagnostics.md gives the reasoning
/// for each. They are stated, not measured: a commissioner proofing a contract should give the area's own.
public enum DefaultProofRates {
    public static let yaml = """
        # The chance that a client of a profile achieves each outcome it is eligible for.
        # Exclusive group D1: the chance that this outcome is the best the client reaches in the group.
        rates:
          D1-abstinent: 30%
          D1-alcohol-reduced: 20%
          D1-completed: 45%
          D2-work-activity: 20%
          D3-no-offending-6m: 50%
          D3-no-offending-12m: 35%
          D4-stopped-injecting: 40%
          D4-hepb-course: 40%
          D4-housing: 35%
          D4-wellbeing: 40%
        adjustments:
          # Crack users stop and complete less often than other non-opiate users.
          - when: {presenting_any: [crack]}
            rates: {D1-abstinent: 20%, D1-completed: 30%}
          # Opiate users are often in long substitute prescribing: they complete least often.
          - when: {presenting_any: [opiates]}
            rates: {D1-abstinent: 20%, D1-completed: 25%}
          # Drinkers more often cut down than stop altogether.
          - when: {presenting_any: [alcohol]}
            rates: {D1-abstinent: 15%, D1-alcohol-reduced: 35%}
          # A client in work at the start who keeps the job shows paid work at a review.
          - when: {in_work: Y}
            rates: {D2-work-activity: 85%}

        """
}
