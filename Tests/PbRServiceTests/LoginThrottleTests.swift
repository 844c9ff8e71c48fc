import PbRService
import Testing

/// The sign-in rate limit, on a clock the test passes in: five failures hold a name for the rest of the
/// window, and the oldest failure leaving the window lets one attempt through again.
@Suite("The sign-in rate limit")
struct LoginThrottleTests {
    @Test func fiveFailuresHoldTheNameUntilTheOldestLeavesTheWindow() {
        var throttle = LoginThrottle(maxFailures: 5, windowSeconds: 900)
        let keys = LoginThrottle.keys(name: "Ann", address: "10.0.0.1")
        for second in 0..<5 {
            #expect(throttle.wait(keys, now: Double(second)) == 0)
            throttle.failed(keys, now: Double(second))
        }
        #expect(throttle.wait(keys, now: 10) == 890)
        #expect(throttle.wait(LoginThrottle.keys(name: "ANN", address: nil), now: 10) == 890, "a name in any case")
        #expect(throttle.wait(keys, now: 900) == 0, "the first failure has left the window")
    }

    @Test func aSuccessClearsTheNameButNotTheAddress() {
        var throttle = LoginThrottle(maxFailures: 2, windowSeconds: 60)
        throttle.failed(LoginThrottle.keys(name: "a", address: "10.0.0.1"), now: 0)
        throttle.failed(LoginThrottle.keys(name: "b", address: "10.0.0.1"), now: 1)
        throttle.succeeded(LoginThrottle.keys(name: "a", address: "10.0.0.1"))
        #expect(throttle.wait(LoginThrottle.keys(name: "a", address: nil), now: 2) == 0)
        #expect(throttle.wait(LoginThrottle.keys(name: "c", address: "10.0.0.1"), now: 2) == 58, "one address guessing many names")
    }
}
