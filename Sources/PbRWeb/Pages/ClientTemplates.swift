/// The templates of the clients, journey, export and upload pages, merged into `Templates.all`.
enum ClientTemplates {
    static let all: [String: String] = ["clients": clients, "journey": journey, "imports": imports, "upload-report": uploadReport]

    static let clients = """
        <h1>Clients of {{contract}}</h1>
        <p>{{total}} clients you may see, by client id (pseudonymous: no names). Page {{page}} of {{pages}}.
        {{#previous}}<a href="{{previous}}">Previous</a>{{/previous}} {{#next}}<a href="{{next}}">Next</a>{{/next}}</p>
        <table class="lines"><thead><tr><th>Client</th><th>Providers</th><th>Band today</th><th class="number">Episodes</th>
        <th class="number">Lines</th><th class="number">Paid</th></tr></thead><tbody>
        {{#rows}}<tr><td><a href="{{link}}">{{client}}</a></td><td>{{providers}}</td><td>{{band}}</td><td class="number">{{episodes}}</td>
        <td class="number">{{lines}}</td><td class="number">{{paid}}</td></tr>{{/rows}}
        </tbody></table>
        {{^rows}}<p>No clients on this page.</p>{{/rows}}
        """

    static let journey = """
        <style>
        svg.timeline { max-width: 720px; }
        svg .episode { fill: #1f4e8c; } svg .episode.open { fill: #7d9cc7; }
        svg .mark.top { fill: #fff; stroke: #1f4e8c; stroke-width: 1.5; } svg .mark.offence { fill: #b00020; }
        svg .mark.assessment { fill: #6a4c93; } svg .mark.outcome { fill: #2e7d32; }
        </style>
        <h1>Client {{client}} under {{contract}}</h1>
        <p>As of {{asOf}}, on the data to import #{{lastImport}}. Paid on the statements issued so far: <strong>{{paid}}</strong>.
        <a href="/contracts/{{contract}}/clients">All clients</a></p>
        {{{chart}}}
        <h2>Episodes</h2>
        <table class="lines"><thead><tr><th>Episode</th><th>Provider</th><th>Referred</th><th>Started</th><th>Ended</th><th>Reason</th><th>Substances</th></tr></thead><tbody>
        {{#episodes}}<tr><td>{{record}}</td><td>{{provider}}</td><td>{{referral}}</td><td>{{start}}</td><td>{{end}}</td><td>{{reason}}</td><td>{{substances}}</td></tr>{{/episodes}}
        </tbody></table>
        <h2>TOPs, with the scores that mattered</h2>
        <table class="lines"><thead><tr><th>Day</th><th>Stage</th><th>Episode</th><th>Scores (days in the past 28; scores 0-20; flags 1 = yes)</th></tr></thead><tbody>
        {{#tops}}<tr><td>{{on}}</td><td>{{stage}}</td><td>{{episode}}</td><td>{{scores}}</td></tr>{{/tops}}
        </tbody></table>
        <h2>Offences</h2>
        <table class="lines"><thead><tr><th>Day</th><th>Category</th><th>Detail</th></tr></thead><tbody>
        {{#offences}}<tr><td>{{on}}</td><td>{{what}}</td><td>{{detail}}</td></tr>{{/offences}}
        </tbody></table>
        {{^offences}}<p>None.</p>{{/offences}}
        <h2>Assessments</h2>
        <table class="lines"><thead><tr><th>Day</th><th>Band</th><th>Detail</th></tr></thead><tbody>
        {{#assessments}}<tr><td>{{on}}</td><td>{{what}}</td><td>{{detail}}</td></tr>{{/assessments}}
        </tbody></table>
        <h2>Events</h2>
        <table class="lines"><thead><tr><th>Day</th><th>Kind</th><th>Detail</th></tr></thead><tbody>
        {{#events}}<tr><td>{{on}}</td><td>{{what}}</td><td>{{detail}}</td></tr>{{/events}}
        </tbody></table>
        {{^events}}<p>None.</p>{{/events}}
        <h2>Outcomes reached</h2>
        <table class="lines"><thead><tr><th>Outcome</th><th>Achieved</th><th>Band</th><th>Evidence</th></tr></thead><tbody>
        {{#reached}}<tr><td>{{outcome}}</td><td>{{on}}</td><td>{{band}}</td><td>{{evidence}}</td></tr>{{/reached}}
        </tbody></table>
        {{^reached}}<p>None yet.</p>{{/reached}}
        <h2>Entitlements as of {{asOf}}</h2>
        <table class="lines"><thead><tr><th>Outcome</th><th>Part</th><th>Band</th><th>Achieved</th><th>Due</th><th>Status</th><th>Earned by</th><th class="number">Amount</th></tr></thead><tbody>
        {{#entitlements}}<tr><td>{{outcome}}</td><td>{{part}}</td><td>{{band}}</td><td>{{achieved}}</td><td>{{due}}</td><td>{{status}}</td><td>{{earnedBy}}</td><td class="number">{{amount}}</td></tr>{{/entitlements}}
        </tbody></table>
        <h2>Payments (statement lines)</h2>
        <table class="lines"><thead><tr><th>Statement</th><th>Line</th><th>Outcome</th><th>Part</th><th>Kind</th><th class="number">Amount</th><th>Why</th></tr></thead><tbody>
        {{#payments}}<tr><td><a href="{{link}}">{{statement}}</a></td><td>{{line}}</td><td>{{outcome}}</td><td>{{part}}</td><td>{{kind}}</td><td class="number">{{amount}}</td><td>{{reason}}</td></tr>{{/payments}}
        </tbody></table>
        {{^payments}}<p>No lines issued.</p>{{/payments}}
        {{#voice}}
        <h2>In the client's own words: goals and feedback</h2>
        <p>{{summary}}. <a href="{{link}}">Record a goal or feedback</a></p>
        <table class="lines"><thead><tr><th>Day</th><th>Goal</th><th>What</th></tr></thead><tbody>
        {{#goals}}<tr><td>{{on}}</td><td>{{what}}</td><td>{{detail}}</td></tr>{{/goals}}
        </tbody></table>
        <table class="lines"><thead><tr><th>Day</th><th>Recorded by</th><th>Feedback</th></tr></thead><tbody>
        {{#feedback}}<tr><td>{{on}}</td><td>{{what}}</td><td>{{detail}}</td></tr>{{/feedback}}
        </tbody></table>
        {{/voice}}
        """

    static let imports = """
        <h1>Extracts</h1>
        {{#mayUpload}}
        <h2>Upload an extract</h2>
        <form method="post" action="/imports" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label>The extract's files: extract.yaml and any of clients.csv, assessments.csv, episodes.csv, top.csv, offences.csv, events.csv, claims.csv
        <input type="file" name="files" multiple required></label></p>
        <p class="note">All or nothing: an extract with a bad row is not imported, and the page lists every defect.{{#provider}} As {{provider}}: only your own episodes, their TOPs, and clients and events of clients you treat.{{/provider}}</p>
        <button type="submit">Upload and import</button>
        </form>
        {{/mayUpload}}
        <h2>Imports</h2>
        <table class="lines"><thead><tr><th>#</th><th>Known at</th><th>Source</th><th>Imported</th><th>By</th><th class="number">Rows</th><th>Warnings</th></tr></thead><tbody>
        {{#imports}}<tr><td>{{id}}</td><td>{{knownAt}}</td><td>{{source}}</td><td>{{importedAt}}</td><td>{{importedBy}}</td><td class="number">{{rows}}</td>
        <td>{{#warnings}}{{.}}<br>{{/warnings}}</td></tr>{{/imports}}
        </tbody></table>
        {{^imports}}<p>No imports you may see.</p>{{/imports}}
        """

    static let uploadReport = """
        <h1>{{heading}}</h1>
        <p{{#failed}} class="error"{{/failed}}>{{message}}</p>
        {{#hasDefects}}
        <table class="lines"><thead><tr><th>File</th><th>Line</th><th>Column</th><th>Why</th></tr></thead><tbody>
        {{#defects}}<tr><td>{{file}}</td><td>{{line}}</td><td>{{column}}</td><td>{{reason}}</td></tr>{{/defects}}
        </tbody></table>
        {{/hasDefects}}
        {{#hasWarnings}}<h2>Warnings</h2><ul>{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>{{/hasWarnings}}
        <p><a href="/imports">Back to the extracts</a></p>
        """
}
