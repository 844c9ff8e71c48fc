"""Every page of the demo, who may open it, and what a person must read there.

Each check reads the rendered page (what a person sees) and compares it with what the JSON API says to
the same user, or with facts of the demo that do not change (outcome names, payees). A refused page must
say why and show none of what it guards.
"""

from dataclasses import dataclass
from typing import Callable

from demo_site import pounds
import browser

CONTRACT = "national-pilot"
READERS = ["ada", "carol", "priya", "paul", "otto"]


@dataclass
class Page:
    name: str
    path: Callable[[object, str], str]  # (site, user) -> path
    allowed: list[str] | Callable[[object, str], bool]  # the users who may open it, or a test of one
    expect: Callable[[object, str, str, list[str]], list[str]]  # (site, user, text, chart labels) -> problems
    refused: list[str]  # what a refused user reads instead (the status and why); "a|b": either
    guarded: list[str]  # what a refused user must never read
    # What a person does on the page before reading it (fills in and sends its form), if anything.
    act: Callable[[object, object, str], None] | None = None


def missing(text: str, wanted: list[str], where: str) -> list[str]:
    return [f"{where}: '{want}' is not on the page" for want in wanted if want not in text]


def overview(site, user, text, labels):
    status, payments = site.api(user, f"/api/v1/contracts/{CONTRACT}/payments")
    if status != 200:
        return [f"the API refused {user} the payments ({status})"]
    total = sum(row["amount_pence"] for row in payments["by_payee"])
    problems = missing(text, [f"Payments to date: {CONTRACT}", pounds(total), "By payee", "By outcome", "By band",
                              "D1-completed", "band 3"], "overview")
    for row in payments["by_payee"]:
        problems += missing(text, [f"{row['key']} {row['lines']} {pounds(row['amount_pence'])}"], "overview by payee")
    provider = site.users[user].provider
    if provider:
        others = {"P01", "P02", "P03", "P04", "P05"} - {provider}
        problems += [f"overview: {provider}'s user reads another payee's row {other}"
                     for other in others if f"\n{other} " in text]
    if "paid (£)" not in labels or "month" not in labels:
        problems.append(f"overview: the monthly chart has no labelled axes (read: {labels[:8]})")
    return problems


def statement_path(site, user):
    return f"/contracts/{CONTRACT}/statements/2016-12/{site.users[user].provider or 'P01'}"


def statement(site, user, text, labels):
    payee = site.users[user].provider or "P01"
    status, body = site.api(user, f"/api/v1/contracts/{CONTRACT}/statements/2016-12/{payee}")
    if status != 200:
        return [f"the API refused {user} the statement ({status})"]
    own = [s for s in body["statements"] if s["payee"] == payee][0]
    problems = missing(text, [f"Statement {CONTRACT}/2016-12/{payee}", f"Payable {pounds(own['payable_pence'])}",
                              "Why"], "statement")
    for line in body["lines"][:20]:
        problems += missing(text, [f"{line['line']} {line['kind']} {line['client']}", line["outcome"],
                                   pounds(line["amount_pence"]), line["reason"][:40]], f"statement line {line['line']}")
    return problems


EXPLAINED = ("C0000207", "2016-12-31")  # the first line of P01's statement for 2016-12


def explanation_path(site, user):
    return f"/contracts/{CONTRACT}/clients/{EXPLAINED[0]}/explanation?as_of={EXPLAINED[1]}"


def explanation_allowed(site, user):
    """Whoever the API lets read the client's explanation (a provider: a client it treated)."""
    return site.api(user, "/api/v1" + explanation_path(site, user))[0] == 200


def explanation(site, user, text, labels):
    status, body = site.api(user, "/api/v1" + explanation_path(site, user))
    problems = missing(text, [f"Why {EXPLAINED[0]} is paid what it is", f"As of {EXPLAINED[1]}", "Journeys", "Outcomes"], "explanation")
    for outcome in body["outcomes"]:
        problems += missing(text, [outcome["outcome"], outcome["summary"][:40]], "explanation")
        for owed in outcome["owed"]:
            problems += missing(text, [pounds(owed["amount_pence"])], f"explanation of {outcome['outcome']}")
    return problems


def api_allows(path):
    return lambda site, user: site.api(user, path)[0] == 200


def assessments(site, user, text, labels):
    problems = missing(text, ["Assessments", "Every assessment", "Assessed twice or more before treatment", "Waiting times, as of"],
                       "assessments")
    status, page = site.api(user, "/api/v1/assessments?per_page=5")
    for row in page["items"]:
        problems += missing(text, [row["client"]], "assessments")
    status, waiting = site.api(user, "/api/v1/assessments/waiting-times")
    for row in waiting["rows"][:5]:
        problems += missing(text, [row["provider"]], "waiting times")
    if user == "asha":
        problems += missing(text, ["Record an assessment", "opiates_or_crack", "C0000207", "⚑ band disagrees with score", "needs changed"],
                            "the assessor's assessment, recorded")
    return problems


def record_assessment(driver, site, user):
    """The assessor reassesses C0000207: opiates or crack and injecting (3 + 3 = 6 points: band 3), band 4 recorded."""
    if user != "asha":
        return
    browser.fill(driver, {"client": "C0000207", "assessed_on": "2016-06-01", "why": "needs changed"})
    browser.choose(driver, {"band": "4", "reason": "reassessment"})
    browser.tick(driver, "factor", ["opiates_or_crack", "injecting"])
    browser.submit(driver, "form.assessment")


def diagnostics(site, user, text, labels):
    status, run = site.api(user, f"/api/v1/contracts/{CONTRACT}/diagnostics")
    if status != 200:
        return [f"the API has no diagnostics run for {user} ({status})"]
    alerts = [alert for diagnostic in run["diagnostics_file"]["diagnostics"] for alert in diagnostic["alerts"]]
    problems = missing(text, [f"Diagnostics: {CONTRACT}", f"Run #{run['run']}", f"Alerts {len(alerts)}"], "diagnostics")
    for alert in alerts[:5]:
        problems += missing(text, [alert["message"][:50]], "diagnostics alert")
    if "month" not in labels or "count a month" not in labels:
        problems.append(f"diagnostics: no chart with labelled axes (read: {labels[:8]})")
    return problems


def run_diagnostics(driver, site, user):
    if user in ("ada", "carol"):
        browser.submit(driver, "form[action='/diagnostics']")


def proofing(site, user, text, labels):
    status, proof = site.api(user, f"/api/v1/contracts/{CONTRACT}/proof")
    problems = missing(text, [f"Framework proofing: {CONTRACT}", proof["text"].splitlines()[0][:60]], "proofing")
    if not any(label.startswith("£") for label in labels):
        problems.append(f"proofing: the chart has no axis in pounds (read: {labels[:8]})")
    return problems


def clients(site, user, text, labels):
    status, page = site.api(user, f"/api/v1/contracts/{CONTRACT}/clients?per_page=5")
    problems = missing(text, [f"Clients of {CONTRACT}"], "clients")
    for item in page["items"]:
        problems += missing(text, [item["client"]], "clients")
    return problems


JOURNEY = f"/contracts/{CONTRACT}/clients/{EXPLAINED[0]}?as_of={EXPLAINED[1]}"
GOAL = "find work near home"


def journey(site, user, text, labels):
    status, body = site.api(user, f"/api/v1/contracts/{CONTRACT}/clients/{EXPLAINED[0]}/journey?as_of={EXPLAINED[1]}")
    problems = missing(text, [f"Client {EXPLAINED[0]} under {CONTRACT}", "Episodes", "Outcomes reached", "Payments (statement lines)",
                              "In the client's own words", GOAL], "journey")
    for episode in body["episodes"]:
        problems += missing(text, [episode["record"], episode["provider"]], "journey episodes")
    for line in body["payments"]:
        problems += missing(text, [line["statement"], pounds(line["amount_pence"])], "journey payments")
    if not any(label.startswith("2015") for label in labels):
        problems.append(f"journey: the timeline has no dated axis (read: {labels[:8]})")
    return problems


def extract_files(site, name, rows):
    """An extract of one events.csv, written where the browser can pick it up."""
    import os
    folder = os.path.join(site.folder, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "extract.yaml"), "w") as file:
        file.write(f"known_at: '2016-12-20T09:00:00+00:00'\nsource: {name}\n")
    with open(os.path.join(folder, "events.csv"), "w") as file:
        file.write("record_id,client_id,on,kind,detail\n" + "".join(row + "\n" for row in rows))
    return [os.path.join(folder, "extract.yaml"), os.path.join(folder, "events.csv")]


def upload(driver, site, user):
    """The admin uploads the client's goal; P01's user an events.csv with a day that is not a day."""
    if user == "ada":
        files = extract_files(site, "goal", [f"web-goal-1,{EXPLAINED[0]},2016-06-15,goal_agreed,{GOAL}"])
    elif user == "priya":
        files = extract_files(site, "bad-day", [f"web-bad-1,{EXPLAINED[0]},2016-13-01,work_activity,a job"])
    else:
        return
    browser.attach(driver, "files", files)
    browser.submit(driver, "form[action='/imports']")


def imports(site, user, text, labels):
    if user == "ada":
        return missing(text, ["imported as import #"], "the admin's upload")
    if user == "priya":
        return missing(text, ["not imported", "events.csv", "2016-13-01"], "the provider's upload with a bad day")
    status, page = site.api(user, "/api/v1/imports")
    problems = missing(text, ["Extracts", "Imports"], "imports")
    for item in page["items"][:5]:
        problems += missing(text, [item["source"]], "imports")
    return problems


SIMULATORS = ["ada", "carol", "priya", "paul"]


def simulations(site, user, text, labels):
    if user not in SIMULATORS:  # the auditor reads the runs kept and starts none
        return missing(text, ["Simulation", "Runs kept", "#1"], "simulations kept")
    problems = missing(text, [f"Simulation of {CONTRACT}: 5 runs", "2 referrals a month, not 40: the most a run here may have",
                              "Median income", "The commissioner", "Median spend"], f"simulation run by {user}")
    if "income a month (£)" not in labels:
        problems.append(f"simulation: no income chart in pounds (read: {labels[:8]})")
    return problems


def run_simulation(driver, site, user):
    """A small run (5 of the scenario, the most clients a run here may have), as each who may start one."""
    if user in SIMULATORS:
        browser.fill(driver, {"runs": "5", "seed": "7"})
        browser.submit(driver, "form[action='/simulations']")


PAGES = [
    # The assessor, who reads no ledger, is sent to the assessments instead.
    Page("overview", lambda site, user: f"/?contract={CONTRACT}", READERS, overview,
         ["Assessments", "Record an assessment"], ["Payments to date", "By payee"]),
    Page("statement", statement_path, READERS, statement, ["403"], ["Payable", "Lines"]),
    # P01's user reaching for P02's statement is told there is none, as if it did not exist.
    Page("statement-of-another-provider", lambda site, user: f"/contracts/{CONTRACT}/statements/2016-12/P02",
         ["ada", "carol", "paul", "otto"], lambda site, user, text, labels: missing(text, ["Payable", "P02"], "statement"),
         ["404|403", "no statement of national-pilot for P02|does not read the ledger"], ["Payable", "C0"]),
    Page("explanation", explanation_path, explanation_allowed, explanation,
         ["404|403", f"no client '{EXPLAINED[0]}'|does not read the ledger"], ["Journeys", "Outcomes"]),
    Page("clients", lambda site, user: f"/contracts/{CONTRACT}/clients", READERS, clients, ["403"], ["Clients of"]),
    Page("imports", lambda site, user: "/imports", READERS, imports, ["403"], ["Imports"], upload),
    Page("journey", lambda site, user: JOURNEY, explanation_allowed, journey,
         ["404|403", f"no client '{EXPLAINED[0]}'|does not read the ledger"], ["Episodes", GOAL]),
    Page("assessments", lambda site, user: "/assessments", api_allows("/api/v1/assessments"), assessments, ["403"], ["Every assessment"],
         record_assessment),
    Page("diagnostics", lambda site, user: f"/diagnostics?contract={CONTRACT}", ["ada", "carol", "otto"], diagnostics,
         ["403", "commissioner, admins and auditors"], ["Alerts"], run_diagnostics),
    Page("proofing", lambda site, user: f"/proofing?contract={CONTRACT}", READERS, proofing, ["403"], ["profiles proofed"]),
    Page("simulation", lambda site, user: f"/simulations?contract={CONTRACT}", READERS, simulations,
         ["403"], ["Runs kept"], run_simulation),
]
