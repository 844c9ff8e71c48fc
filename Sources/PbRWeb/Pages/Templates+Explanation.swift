extension Templates {
    static let explanation = """
        <h1>Why {{client}} is paid what it is</h1>
        <table><tbody>
        <tr><th>Contract</th><td>{{contract}}</td></tr>
        <tr><th>As of</th><td>{{asOf}}, on the data to import #{{lastImport}}</td></tr>
        </tbody></table>
        <h2>Journeys</h2>
        <table><thead><tr><th>Start</th><th>End</th><th>Why it ended</th><th>Providers</th><th>Presenting</th></tr></thead><tbody>
        {{#journeys}}<tr><td>{{start}}</td><td>{{end}}</td><td>{{endReason}}</td><td>{{providers}}</td><td>{{presenting}}</td></tr>{{/journeys}}
        </tbody></table>
        <h2>Assessments</h2>
        <table><thead><tr><th>Assessed</th><th class="number">Band</th><th>Reason</th><th>Record</th></tr></thead><tbody>
        {{#assessments}}<tr><td>{{assessedOn}}</td><td class="number">{{band}}</td><td>{{reason}}</td><td>{{record}}</td></tr>{{/assessments}}
        </tbody></table>
        {{^assessments}}<p>No assessment: no band, so nothing is priced.</p>{{/assessments}}
        <h2>Outcomes</h2>
        {{#outcomes}}
        <section class="outcome">
        <h3>{{outcome}}</h3>
        <p>{{summary}}</p>
        <table><tbody>
        {{#achievedOn}}<tr><th>Achieved</th><td>{{achievedOn}}</td></tr>{{/achievedOn}}
        {{#band}}<tr><th>Band</th><td>{{band}}</td></tr>{{/band}}
        {{#price}}<tr><th>Price</th><td>{{price}}{{#version}} (contract version {{version}}){{/version}}</td></tr>{{/price}}
        </tbody></table>
        {{#hasVerdicts}}<h4>Each journey</h4><ul>{{#verdicts}}<li><strong>{{verdict}}</strong>: {{why}}</li>{{/verdicts}}</ul>{{/hasVerdicts}}
        {{#hasParts}}<h4>Parts</h4><table><thead><tr><th class="number">Part</th><th>Due</th><th>State</th></tr></thead><tbody>
        {{#parts}}<tr><td class="number">{{number}}</td><td>{{dueOn}}</td><td>{{state}}</td></tr>{{/parts}}
        </tbody></table>{{/hasParts}}
        {{#hasOwed}}<h4>Owed</h4><table><thead><tr><th class="number">Part</th><th class="number">Amount</th><th>Status</th><th>Paid to</th><th>Earned by</th><th>Why</th></tr></thead><tbody>
        {{#owed}}<tr><td class="number">{{part}}</td><td class="number">{{amount}}</td><td>{{status}}</td><td>{{paidTo}}</td><td>{{earnedBy}}</td><td>{{reason}}</td></tr>{{/owed}}
        </tbody></table>{{/hasOwed}}
        {{#hasIssued}}<h4>Lines issued</h4><table><thead><tr><th>Statement</th><th class="number">Line</th><th>Kind</th><th class="number">Amount</th><th>Why</th></tr></thead><tbody>
        {{#issued}}<tr><td><a href="{{link}}">{{statement}}</a></td><td class="number">{{line}}</td><td>{{kind}}</td><td class="number">{{amount}}</td><td>{{reason}}</td></tr>{{/issued}}
        </tbody></table>{{/hasIssued}}
        </section>
        {{/outcomes}}
        """
}
