import Hummingbird
import PbRCore
import NIOCore

/// One request's context: who is asking (set by `SignInMiddleware`), and the session's secret and CSRF
/// token when the request came with a browser session.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var viewer: Viewer?
    public var sessionSecret: String?
    public var csrf: String?
    /// The peer's address, for the sign-in rate limit; nil in router tests.
    public var remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
