/// The templates of independent assessment and the service user's voice.
extension Templates {
    static let assessment: [String: String] = ["assessments": assessments, "voice": voice]

    static let assessments = """
        <h1>Assessments</h1>
        {{#recorded}}<p class="note">Assessment {{recorded}} recorded.</p>{{/recorded}}
        {{#form}}
        <h2>Record an assessment</h2>
        <p>Scored by the banding rules of <strong>{{contract}}</strong>{{#several}} (contracts with rules:
        {{#contracts}}<a href="/assessments?contract={{id}}">{{id}}</a> {{/contracts}}){{/several}}. Bands by points:
        {{#ranges}}band {{band}}: {{points}}; {{/ranges}}a band that disagrees with the score is recorded as given and flagged.</p>
        <form class="assessment" method="post" action="/assessments">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="contract" value="{{contract}}">
        <label>Client <input name="client" required></label>
        <label>Assessed on <input name="assessed_on" type="date" value="{{today}}" required></label>
        <fieldset><legend>Complexity factors present</legend>
        {{#factors}}<label><input type="checkbox" name="factor" value="{{id}}"> {{id}} ({{points}}){{#description}}: {{description}}{{/description}}</label><br>{{/factors}}
        </fieldset>
        <label>Band recorded <select name="band"><option>1</option><option>2</option><option>3</option><option>4</option><option>5</option></select></label>
        <label>Referred to <select name="referred_to"><option value="">(no referral)</option>{{#providers}}<option>{{id}}</option>{{/providers}}</select></label>
        <label>Reason <select name="reason"><option value="initial">initial</option><option value="reassessment">reassessment</option></select></label>
        <label>Why (a reassessment) <input name="why"></label>
        <button type="submit">Record</button>
        </form>
        {{/form}}
        <h2>Flagged, and just recorded</h2>
        <p>{{flagged}} recorded bands disagree with their score (flagged ⚑), all of them here. ⧉: the client was assessed twice or more before treatment.</p>
        {{#hasFlagged}}<table class="lines"><thead><tr><th>Record</th><th>Client</th><th>Assessed</th><th>Band</th><th>Score</th><th>Computed</th><th>Flags</th>
        <th>Reason</th><th>Factors</th><th>Referred to</th><th>Assessor</th><th>Source</th></tr></thead><tbody>
        {{#flaggedRows}}<tr{{#recorded}} class="recorded"{{/recorded}}><td>{{recordID}}</td><td>{{client}}</td><td>{{assessedOn}}</td><td>{{band}}</td>
        <td>{{score}}</td><td>{{computed}}</td><td>{{#disagrees}}⚑ band disagrees with score {{/disagrees}}{{#assessedTwice}}⧉ assessed twice before treatment{{/assessedTwice}}</td>
        <td>{{reason}}{{#why}}: {{why}}{{/why}}</td><td>{{factors}}</td><td>{{referredTo}}</td><td>{{assessor}}</td><td>{{source}}</td></tr>{{/flaggedRows}}
        </tbody></table>{{/hasFlagged}}
        <h2>Every assessment</h2>
        <p>{{shown}} of {{total}}, by client then day.{{#previous}} <a href="{{previous}}">Previous</a>{{/previous}}{{#next}} <a href="{{next}}">Next</a>{{/next}}
        The API lists them all (<code>/api/v1/assessments</code>, a page at a time).</p>
        <table class="lines"><thead><tr><th>Record</th><th>Client</th><th>Assessed</th><th>Band</th><th>Score</th><th>Computed</th><th>Flags</th>
        <th>Reason</th><th>Factors</th><th>Referred to</th><th>Assessor</th><th>Source</th></tr></thead><tbody>
        {{#rows}}<tr{{#recorded}} class="recorded"{{/recorded}}><td>{{recordID}}</td><td>{{client}}</td><td>{{assessedOn}}</td><td>{{band}}</td>
        <td>{{score}}</td><td>{{computed}}</td><td>{{#disagrees}}⚑ band disagrees with score {{/disagrees}}{{#assessedTwice}}⧉ assessed twice before treatment{{/assessedTwice}}</td>
        <td>{{reason}}{{#why}}: {{why}}{{/why}}</td><td>{{factors}}</td><td>{{referredTo}}</td><td>{{assessor}}</td><td>{{source}}</td></tr>{{/rows}}
        </tbody></table>
        {{^rows}}<p>No assessments you may see.</p>{{/rows}}
        <h2>Assessed twice or more before treatment: {{twiceTotal}} clients</h2>
        <p class="note">Offered assessments instead of treatment? Clients with two or more assessments on or before their first episode's start, or never started.</p>
        <table><thead><tr><th>Client</th><th class="number">Assessments</th><th>First start</th></tr></thead><tbody>
        {{#twice}}<tr><td>{{client}}</td><td class="number">{{assessments}}</td><td>{{firstStart}}</td></tr>{{/twice}}
        </tbody></table>
        {{^twice}}<p>None.</p>{{/twice}}
        <h2>Waiting times, as of {{asOf}}</h2>
        <p class="note">Days, by provider and the band in force at the start: count, median and 90th percentile (nearest rank).</p>
        <table><thead><tr><th>Provider</th><th>Band</th><th class="number">Referred</th><th class="number">Started</th>
        <th class="number">Referral → assessment</th><th class="number">Assessment → start</th><th class="number">Referral → start</th></tr></thead><tbody>
        {{#waiting}}<tr><td>{{provider}}</td><td>{{band}}</td><td class="number">{{referred}}</td><td class="number">{{started}}</td>
        {{#toAssessment}}<td class="number">{{count}}: {{median}} / {{p90}}</td>{{/toAssessment}}
        {{#toStart}}<td class="number">{{count}}: {{median}} / {{p90}}</td>{{/toStart}}
        {{#total}}<td class="number">{{count}}: {{median}} / {{p90}}</td>{{/total}}</tr>{{/waiting}}
        </tbody></table>
        """

    static let voice = """
        <h1>Client {{client}}: goals and feedback</h1>
        <p>{{agreed}} personal goals agreed, {{achieved}} achieved.</p>
        <h2>Personal goals</h2>
        <table><thead><tr><th>Day</th><th>Goal</th><th>What</th><th>Record</th></tr></thead><tbody>
        {{#goals}}<tr><td>{{on}}</td><td>{{kind}}</td><td>{{detail}}</td><td>{{recordID}}</td></tr>{{/goals}}
        </tbody></table>
        {{^goals}}<p>No goals recorded.</p>{{/goals}}
        <h2>Feedback</h2>
        {{#feedback}}<blockquote><p>{{text}}</p><p class="note">{{on}}, recorded by {{by}}</p></blockquote>{{/feedback}}
        {{^feedback}}<p>No feedback recorded.</p>{{/feedback}}
        {{#records}}
        <h2>Record</h2>
        <form method="post" action="/clients/{{client}}/voice">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>What <select name="what"><option value="goal_agreed">a goal agreed</option><option value="goal_achieved">a goal achieved</option>
        <option value="feedback">feedback from the client</option></select></label>
        <label>On <input name="on" type="date" value="{{today}}" required></label>
        <label>Words <input name="text" required maxlength="2000"></label>
        <button type="submit">Record</button>
        </form>
        {{/records}}
        """
}
