/// Where a long use case reports how far it has come: the command line draws a bar on a terminal; a
/// server or a test passes nothing.
public protocol ProgressDisplay: Sendable {
    /// A step of `total` units (rows, clients, bytes) begins; nil when this step is not shown.
    func start(_ step: String, total: Int, unit: String) -> (any ProgressStep)?
}

/// One step's progress, told from any thread.
public protocol ProgressStep: Sendable {
    func advance(by units: Int)
    func finish()
}
