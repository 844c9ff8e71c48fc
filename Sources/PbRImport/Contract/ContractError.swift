/// A contract file with a mistake: the path to the bad key (`outcomes[2].window`), its line and why.
public struct ContractError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let reason: String

    public init(path: String, line: Int?, reason: String) { self.path = path; self.line = line; self.reason = reason }

    public var description: String {
        (path.isEmpty ? "contract" : path) + (line.map { " (line \($0))" } ?? "") + ": " + reason
    }
}
