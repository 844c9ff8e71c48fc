/// A request a use case refuses (bad input, a file it must not touch, a store that is not there): the
/// message says what is wrong and what to do, and the command line prints it as it is.
public struct Refusal: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
