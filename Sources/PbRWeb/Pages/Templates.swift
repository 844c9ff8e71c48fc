/// The pages' Mustache templates, kept in the code (no resource bundle to find at run time, so a clean
/// clone builds and serves them as they are). `{{x}}` is escaped for HTML; `{{{x}}}` only for what the
/// server itself drew (the page body, an SVG chart).
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "sign-in": signIn, "overview": overview, "statement": statement, "error": error,
        "explanation": explanation,
    ].merging(assessment) { first, _ in first }.merging(ResultsTemplates.all) { $1 }.merging(ClientTemplates.all) { own, _ in own }

    static let layout = """
        <!doctype html>
        <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · PbR</title><style>{{{style}}}</style></head>
        <body>
        <header class="bar"><strong>PbR</strong>
        {{#viewer}}<nav><a href="/">Overview</a> <a href="/imports">Extracts</a> <a href="/assessments">Assessments</a>{{#diagnostics}} <a href="/diagnostics">Diagnostics</a>{{/diagnostics}}{{#proofing}} <a href="/proofing">Proofing</a>{{/proofing}}{{#simulations}} <a href="/simulations">Simulation</a>{{/simulations}}</nav>
        <span class="who">{{name}} ({{role}}{{#provider}}, {{provider}}{{/provider}})</span>
        <form method="post" action="/sign-out"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">Sign out</button></form>{{/viewer}}
        </header>
        <main>
        {{{body}}}
        </main>
        </body></html>
        """

    static let signIn = """
        <h1>Sign in</h1>
        {{#message}}<p class="error">{{message}}</p>{{/message}}
        <form class="sign-in" method="post" action="/sign-in">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>Name <input name="name" value="{{name}}" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
        </form>
        <p class="note">Users are added with <code>pbr users add NAME --role ROLE</code>; <code>pbr serve</code> on the demo prints an admin's password.</p>
        """

    static let overview = """
        <h1>Payments to date{{#contract}}: {{contract}}{{/contract}}</h1>
        {{#hasOthers}}<p>Contracts: {{#others}}<a href="/?contract={{id}}">{{id}}</a> {{/others}}</p>{{/hasOthers}}
        {{^contract}}<p>No contract is in the store for you to read yet.</p>{{/contract}}
        {{#contract}}
        <p>From the lines of the statements issued so far{{#provider}}, those paid to or earned by {{provider}}{{/provider}}: <strong>{{total}}</strong>.</p>
        <p><a href="/contracts/{{contract}}/clients">Clients</a> · <a href="/contracts/{{contract}}/payments.csv">Payments to date as CSV</a></p>
        <h2>Each month</h2>
        {{{chart}}}
        <h2>By payee</h2>
        <table><thead><tr><th>Payee</th><th class="number">Lines</th><th class="number">Paid</th></tr></thead><tbody>
        {{#byPayee}}<tr><td>{{key}}</td><td class="number">{{lines}}</td><td class="number">{{amount}}</td></tr>{{/byPayee}}
        </tbody></table>
        <h2>By outcome</h2>
        <table><thead><tr><th>Outcome or component</th><th class="number">Lines</th><th class="number">Paid</th></tr></thead><tbody>
        {{#byOutcome}}<tr><td>{{key}}</td><td class="number">{{lines}}</td><td class="number">{{amount}}</td></tr>{{/byOutcome}}
        </tbody></table>
        <h2>By band</h2>
        <table><thead><tr><th>Band</th><th class="number">Lines</th><th class="number">Paid</th></tr></thead><tbody>
        {{#byBand}}<tr><td>{{key}}</td><td class="number">{{lines}}</td><td class="number">{{amount}}</td></tr>{{/byBand}}
        </tbody></table>
        <h2>Statements</h2>
        <table><thead><tr><th>Period</th><th>Payee</th><th class="number">No.</th><th class="number">Payable</th></tr></thead><tbody>
        {{#statements}}<tr><td>{{period}}</td><td><a href="{{link}}">{{payee}}</a></td><td class="number">{{number}}</td><td class="number">{{payable}}</td></tr>{{/statements}}
        </tbody></table>
        {{/contract}}
        """

    static let statement = """
        <h1>Statement {{id}}</h1>
        {{#share}}<p class="note">The lines {{share}} earned as a subcontractor, with their totals alone.</p>{{/share}}
        <table><tbody>
        <tr><th>Contract</th><td>{{contract}} (version {{version}})</td></tr>
        <tr><th>Period</th><td>{{period}}</td></tr>
        <tr><th>Payee</th><td>{{payee}}</td></tr>
        <tr><th>Issued</th><td>{{issuedAt}} by {{issuedBy}}, on the data to import #{{lastImport}}</td></tr>
        </tbody></table>
        <h2>Totals</h2>
        <table><tbody>
        {{#totals}}<tr><th>{{name}}</th><td class="number">{{amount}}</td></tr>{{/totals}}
        </tbody></table>
        <h2>Lines</h2>
        <p class="note"><a href="{{csv}}">These lines as CSV</a> (the statements.csv columns)</p>
        <table class="lines"><thead><tr><th>Line</th><th>Kind</th><th>Client</th><th>Earned by</th><th>Outcome</th><th>Part</th><th>Band</th>
        <th>Achieved</th><th>Due</th><th class="number">Amount</th><th>Why</th></tr></thead><tbody>
        {{#lines}}<tr><td>{{line}}</td><td>{{kind}}</td><td>{{#clientLink}}<a href="{{clientLink}}">{{client}}</a>{{/clientLink}}{{^clientLink}}{{client}}{{/clientLink}}</td><td>{{earnedBy}}</td><td>{{outcome}}</td><td>{{part}}</td><td>{{band}}</td>
        <td>{{achievedOn}}</td><td>{{dueOn}}</td><td class="number">{{amount}}</td><td>{{reason}}{{#explanation}} <a class="explain" href="{{explanation}}">why</a>{{/explanation}}</td></tr>{{/lines}}
        </tbody></table>
        {{^lines}}<p>No lines.</p>{{/lines}}
        """

    static let error = """
        <h1>{{status}}</h1>
        <p class="error">{{message}}</p>
        <p><a href="/">Back to the overview</a></p>
        """
}
