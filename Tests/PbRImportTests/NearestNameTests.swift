@testable import PbRImport
import Testing

@Suite("Nearest known name")
struct NearestNameTests {
    static let files = ["clients.csv", "assessments.csv", "episodes.csv", "top.csv", "offences.csv", "events.csv", "claims.csv"]

    @Test func theClosestByEditDistanceIgnoringCaseIsSuggested() {
        #expect(NearestName.suggestion(for: "deleteed", among: ["record_id", "client_id", "on", "kind", "detail", "deleted"]) == "deleted")
        #expect(NearestName.suggestion(for: "Events.csv", among: Self.files) == "events.csv")
        #expect(NearestName.suggestion(for: "episode.csv", among: Self.files) == "episodes.csv")
        #expect(NearestName.suggestion(for: "qualityoflife", among: ["physical", "quality_of_life"]) == "quality_of_life")
    }

    @Test func aCopyOrAShortenedNameIsSuggestedItsOriginal() {
        #expect(NearestName.suggestion(for: "top (1).csv", among: Self.files) == "top.csv")
        #expect(NearestName.suggestion(for: "clients_2013-06.csv", among: Self.files) == "clients.csv")
        #expect(NearestName.suggestion(for: "provider", among: ["record_id", "client_id", "provider_id"]) == "provider_id")
    }

    @Test func nothingIsSuggestedWhenNoNameIsReasonablyClose() {
        #expect(NearestName.suggestion(for: "notes.txt", among: Self.files) == nil)
        #expect(NearestName.suggestion(for: "readme.md", among: Self.files) == nil)
        #expect(NearestName.suggestion(for: "nhs_number", among: ["client_id", "sex", "birth_year"]) == nil)
        #expect(NearestName.suggestion(for: "id", among: ["on", "kind"]) == nil)
    }
}
