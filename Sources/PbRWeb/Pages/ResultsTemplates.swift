/// The templates of the results pages: diagnostics, proofing and simulation. A report drawn by the
/// server (`{{{report}}}`) comes with the rules for its classes and charts (`{{{style}}}`).
enum ResultsTemplates {
    static let all: [String: String] = [
        "diagnostics": diagnostics, "proofing": proofing, "simulations": simulations, "simulation-run": simulationRun,
    ]

    static let choice = """
        {{#choice}}{{#hasOthers}}<p>Contracts: {{#others}}<a href="{{link}}">{{id}}</a> {{/others}}</p>{{/hasOthers}}{{/choice}}
        {{^contract}}<p>No contract is in the store for you to read yet.</p>{{/contract}}
        """

    static let diagnostics = """
        <h1>Diagnostics{{#contract}}: {{contract}}{{/contract}}</h1>
        \(choice)
        {{#contract}}
        {{#run}}<p>Run #{{id}}, as of {{asOf}}, on the journal to import #{{lastImport}}: run {{runAt}} by {{runBy}}. \
        The page shows this kept run; it does not run the diagnostics again.</p>{{/run}}
        {{#stale}}<p class="note"><strong>{{stale}}</strong></p>{{/stale}}
        {{^run}}<p>No diagnostics of {{contract}} have been run yet.</p>{{/run}}
        {{#mayRun}}<form method="post" action="/diagnostics">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="contract" value="{{contract}}">
        <label>As of <input name="as_of" value="{{today}}" pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}" required></label>
        <button type="submit">Run the diagnostics</button>
        <span class="note">Over everything imported; the months that have ended by the day are judged.</span>
        </form>{{/mayRun}}
        {{#run}}<style>{{{style}}}</style>
        {{{report}}}{{/run}}
        {{/contract}}
        """

    static let proofing = """
        <h1>Framework proofing{{#contract}}: {{contract}}{{/contract}}</h1>
        \(choice)
        {{#contract}}
        <p>What a provider can earn from each client profile under the contract, at most and on the shipped rates, through the real engine \
        (synthetic clients: nothing of the journal). Ranked by <a href="{{byMost}}">the most a provider can earn</a> or \
        <a href="{{byExpected}}">the expected earning</a>.</p>
        <pre class="proof">{{text}}</pre>
        <style>{{{style}}}</style>
        {{{report}}}
        {{/contract}}
        """

    static let simulations = """
        <h1>Simulation{{#contract}}: {{contract}}{{/contract}}</h1>
        \(choice)
        {{#contract}}
        {{#mayStart}}<h2>Run a small scenario</h2>
        <form method="post" action="/simulations">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="contract" value="{{contract}}">
        <label>Scenario <select name="scenario">{{#scenarios}}<option{{#selected}} selected{{/selected}}>{{name}}</option>{{/scenarios}}</select></label>
        <label>Runs <input name="runs" value="50" inputmode="numeric" required></label>
        <label>Seed <input name="seed" value="1" inputmode="numeric" required></label>
        <label>Referrals a month <input name="referrals_per_month" inputmode="numeric" placeholder="the scenario's, or the most that fits"></label>
        <button type="submit">Simulate</button>
        </form>
        <p class="note">Here a simulation has at most {{maxRuns}} runs of at most {{maxClients}} clients each (referrals a month \
        × months × providers). Left empty, the referrals a month are the scenario's, lowered to the most that fits if need be \
        (the run's scenario says so); run a larger one with <code>pbr simulate</code>.</p>
        {{/mayStart}}
        <h2>Runs kept</h2>
        <table><thead><tr><th>Run</th><th>Scenario</th><th class="number">Runs</th><th class="number">Clients a run</th><th>Seed</th><th>When</th><th>By</th></tr></thead><tbody>
        {{#rows}}<tr><td><a href="{{link}}">#{{id}}</a></td><td>{{scenario}}</td><td class="number">{{runs}}</td><td class="number">{{clients}}</td>\
        <td>{{seed}}</td><td>{{runAt}}</td><td>{{runBy}}</td></tr>{{/rows}}
        </tbody></table>
        {{^rows}}<p>No simulation of {{contract}} is kept yet.</p>{{/rows}}
        {{/contract}}
        """

    static let simulationRun = """
        <p><a href="{{back}}">Simulations of {{contract}}</a></p>
        <p>Run #{{id}}: {{scenario}}, {{runs}} runs of {{clients}} clients, seed {{seed}}; run {{runAt}} by {{runBy}}. \
        <code>pbr simulate --contract {{contract}} --runs {{runs}} --seed {{seed}}</code> with the same scenario gives the same figures.</p>
        <style>{{{style}}}</style>
        {{{report}}}
        """
}
