import PbRCore

/// One client as the clients list shows it: pseudonymous (its id, nothing that names a person), the
/// providers of its episodes that the viewer may see, its band on the day asked for, and what the
/// statement lines the viewer may see have paid for it.
public struct ClientSummary: Sendable, Equatable {
    public var clientID: ClientID
    public var providers: [ProviderID]
    public var band: Band?
    public var episodes: Int
    public var paid: Money
    public var lines: Int
}
