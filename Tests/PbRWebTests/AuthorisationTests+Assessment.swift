/// The routes of independent assessment and the service user's voice, in the authorisation table.
extension AuthorisationTests {
    /// Every signed-in role: 200 with `found`; a provider without `providerAbsent`; no one 401 (API) or to sign in (page).
    static func everyone(_ uri: String, found: String, providerAbsent: [String] = []) -> Case {
        Case(uri: uri) { role in
            guard let role else { return uri.hasPrefix("/api/") ? Expectation(status: 401, contains: "unauthorised") : Expectation(status: 303, contains: "") }
            return Expectation(status: 200, contains: found, absent: role == "provider" ? providerAbsent : [])
        }
    }

    /// A form posted without the session's token: refused whoever asks; no one is sent to sign in.
    static func form(_ uri: String, _ body: String) -> Case {
        Case(uri: uri, body: body) { role in
            role == nil ? Expectation(status: 303, contains: "") : Expectation(status: 403, contains: "did not come from this session")
        }
    }

    static let assessmentCases: [String: Case] = [
        // P01 treats A001 and A003: it sees their assessments, not A002's or A004's.
        "GET /api/v1/assessments": everyone("/api/v1/assessments?per_page=500", found: #""client":"A001""#,
                                            providerAbsent: [#""client":"A002""#, #""client":"A004""#]),
        "POST /api/v1/assessments": only(["admin", "assessor"], "/api/v1/assessments", body: #"{"contract":"national-pilot","client":"A003","#
            + #""assessed_on":"2014-01-06","factors":["housing"],"band":1,"reason":"reassessment","why":"moved home"}"#,
                                         status: 201, found: #""computed_band":1"#),
        "GET /api/v1/assessments/waiting-times": everyone("/api/v1/assessments/waiting-times?as_of=2014-07-31", found: #""provider":"P01""#,
                                                          providerAbsent: [#""provider":"P02""#]),
        "GET /api/v1/assessments/assessed-twice": everyone("/api/v1/assessments/assessed-twice", found: #""items":["#),
        "GET /api/v1/clients/{client}/voice": only(["admin", "commissioner", "provider", "auditor"], "/api/v1/clients/A001/voice",
                                                   found: #""client":"A001""#),
        "POST /api/v1/clients/{client}/goals": only(["admin", "provider"], "/api/v1/clients/A001/goals",
                                                    body: #"{"on":"2013-01-02","kind":"goal_agreed","detail":"a week without using"}"#,
                                                    status: 201, found: #""kind":"goal_agreed""#),
        "POST /api/v1/clients/{client}/feedback": only(["admin", "provider"], "/api/v1/clients/A001/feedback",
                                                       body: #"{"on":"2013-01-02","text":"kind staff"}"#, status: 201, found: #""text":"kind staff""#),
        "GET /assessments": everyone("/assessments", found: "<h1>Assessments</h1>", providerAbsent: ["<td>A002</td>", "<td>A004</td>"]),
        "POST /assessments": form("/assessments", "csrf=wrong&contract=national-pilot&client=A003&assessed_on=2014-01-06&band=1&reason=initial"),
        "GET /clients/{client}/voice": Case(uri: "/clients/A001/voice") { role in
            switch role {
            case nil: Expectation(status: 303, contains: "")
            case "assessor": Expectation(status: 403, contains: "assessments only")
            default: Expectation(status: 200, contains: "Client A001: goals and feedback")
            }
        },
        "POST /clients/{client}/voice": form("/clients/A001/voice", "csrf=wrong&what=feedback&on=2013-01-02&text=x"),
    ]
}
