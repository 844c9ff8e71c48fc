import Foundation
import PbRTestSupport

/// Small extracts for the shipped contracts' tests, written as CSV text; each client's story is told
/// where the test that uses it computes what it earns.
enum ShippedExtracts {
    static let contracts = Fixtures.root.appendingPathComponent("contracts")

    /// `contracts/NAME.yaml`.
    static func contract(_ name: String) -> URL { contracts.appendingPathComponent(name + ".yaml") }

    /// Every contract file shipped in `contracts/`, by name, in name order.
    static func shippedNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: contracts.path).filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(5)) }.sorted()
    }

    /// One client a line: `id,band,provider,start_on`; each has one open episode (opiates, self-referred)
    /// and an initial assessment on its start day.
    static func clients(_ rows: [String]) -> [String: String] {
        var clients = ["client_id,sex,birth_year"]
        var assessments = ["record_id,client_id,assessed_on,band,assessor,reason"]
        var episodes = ["record_id,client_id,provider_id,referral_on,start_on,end_on,discharge_reason,substance_1,substance_2,substance_3,referral_source"]
        for (index, row) in rows.enumerated() {
            let field = row.split(separator: ",").map(String.init)
            let (client, band, provider, start) = (field[0], field[1], field[2], field[3])
            clients.append("\(client),M,1980")
            assessments.append("\(index + 1),\(client),\(start),\(band),LASAR,initial")
            episodes.append("\(index + 1),\(client),\(provider),\(start),\(start),,,opiates,,,self")
        }
        return ["clients.csv": lines(clients), "assessments.csv": lines(assessments), "episodes.csv": lines(episodes)]
    }

    /// `events.csv` from `record_id,client_id,on,kind` rows.
    static func events(_ rows: [String]) -> String { lines(["record_id,client_id,on,kind,detail"] + rows.map { $0 + "," }) }

    /// `top.csv` from TOPs that record only opiate days, injecting days and quality of life; every other
    /// count is 0, every flag N.
    static func tops(_ rows: [(id: Int, client: String, episode: Int, on: String, stage: String, opiates: Int, injected: Int, quality: Int)]) -> String {
        let header = "record_id,client_id,episode_id,on,stage,alcohol_days,opiates_days,crack_days,cocaine_days,amphetamines_days,"
            + "cannabis_days,other_days,alcohol_units,injected_days,shared_equipment,shoplifting_days,selling_days,theft_vehicle,"
            + "other_theft,fraud,violence,psychological,physical,quality_of_life,paid_work_days,education_days,acute_housing,eviction_risk"
        return lines([header] + rows.map { top in
            "\(top.id),\(top.client),\(top.episode),\(top.on),\(top.stage),0,\(top.opiates),0,0,0,0,0,0,\(top.injected),N,0,0,N,N,N,N,"
                + "10,10,\(top.quality),0,0,N,N"
        })
    }

    private static func lines(_ rows: [String]) -> String { rows.joined(separator: "\n") + "\n" }
}
