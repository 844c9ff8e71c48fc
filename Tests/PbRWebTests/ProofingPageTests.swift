import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PbRCore
import PbRService
import PbRStore
@testable import PbRWeb
import Testing

/// Framework proofing on the web: what `pbr proof --contract national-pilot` prints, computed on request.
@Suite("Proofing a contract on the web")
struct ProofingPageTests {
    @Test func theAPIAndThePageShowWhatPbrProofPrints() async throws {
        let fixture = try await WebFixture.make()
        let proof = try await FrameworkProof.prepare(contract: "national-pilot", store: fixture.pool.location, rates: nil, start: nil).run()
        let printed = ProofText.render(proof, show: 20)
        try await fixture.application.test(.router) { client in
            let api = try await client.execute(uri: "/api/v1/contracts/national-pilot/proof", method: .get,
                                               headers: fixture.headers("provider", path: "/api/"))
            #expect(api.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as! [String: Any]
            #expect(body["text"] as? String == printed)
            let profiles = body["profiles"] as! [[String: Any]]
            #expect(profiles.count == proof.earnings.count && profiles.count == 640)
            #expect(profiles[0]["rank"] as? Int == 1 && profiles[0]["most_pence"] as? Int == Int(proof.earnings[0].most.pence))

            let page = try await client.execute(uri: "/proofing?contract=national-pilot&order=expected", method: .get,
                                                headers: fixture.headers("commissioner", path: "/"))
            #expect(page.status == .ok)
            let byExpected = ProofText.render(try await FrameworkProof.prepare(contract: "national-pilot", store: fixture.pool.location, rates: nil,
                                                                         start: nil).run(order: .expected), show: 20)
            #expect(page.text.contains("<pre class=\"proof\">" + byExpected.replacingOccurrences(of: "&", with: "&amp;") + "</pre>"))
            #expect(page.text.contains("<svg") && page.text.contains("Every profile"))
            let wrong = try await client.execute(uri: "/proofing?order=cheapest", method: .get, headers: fixture.headers("commissioner", path: "/"))
            #expect(wrong.status == .badRequest && wrong.text.contains("order is most or expected"))
        }
        try await fixture.close()
    }
}
