"""A throwaway copy of the demo served by `pbr serve`, with one user of each role.

The browser test, the screenshots and the API fuzzing all start from it, so each reads the demo a person
would read after `swift run pbr demo`, never the copy a developer has been editing.
"""

import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field


@dataclass
class User:
    name: str
    role: str
    password: str
    provider: str | None = None
    contracts: list[str] = field(default_factory=list)
    token: str = ""


# One user of each role; two providers so that each can reach for the other's data.
DEMO_USERS = [
    User("ada", "admin", ""),
    User("carol", "commissioner", "", contracts=["national-pilot"]),
    User("priya", "provider", "", provider="P01"),
    User("paul", "provider", "", provider="P02"),
    User("asha", "assessor", ""),
    User("otto", "auditor", ""),
]


class DemoSite:
    """Copies the demo's store, adds the users, serves it on a free port; stops the server on exit."""

    def __init__(self, pbr: str, demo_db: str, repo: str, log_dir: str | None = None):
        self.pbr, self.demo_db, self.repo = pbr, demo_db, repo
        self.folder = tempfile.mkdtemp(prefix="pbr-web-")
        self.log_dir = log_dir or self.folder
        self.db = os.path.join(self.folder, "pbr.sqlite")
        self.users = {user.name: User(**user.__dict__) for user in DEMO_USERS}
        self.process = None
        self.base = ""

    def __enter__(self):
        # SQLite's backup API: a consistent copy even if the demo's WAL has not been checkpointed.
        source = sqlite3.connect(self.demo_db)
        target = sqlite3.connect(self.db)
        source.backup(target)
        source.close(), target.close()
        for user in self.users.values():
            user.password = secrets.token_hex(12)
            args = ["users", "add", user.name, "--role", user.role, "--password-stdin", "--db", self.db]
            if user.provider:
                args += ["--provider", user.provider]
            for contract in user.contracts:
                args += ["--contract", contract]
            self.run(args, stdin=user.password + "\n")
            user.token = self.run(["users", "token", user.name, "--db", self.db]).strip().splitlines()[-1]
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        log = open(os.path.join(self.log_dir, "serve.log"), "w")
        self.process = subprocess.Popen([self.pbr, "serve", "--db", self.db, "--port", str(port)], cwd=self.repo,
                                        stdout=log, stderr=subprocess.STDOUT)
        wait_until_answering(self.base + "/openapi.json", self.process)
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return False

    def run(self, args: list[str], stdin: str | None = None) -> str:
        done = subprocess.run([self.pbr] + args, cwd=self.repo, input=stdin, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"pbr {' '.join(args[:3])} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def api(self, user: str, path: str):
        """GET an API path as a user (their token); the JSON and the status."""
        request = urllib.request.Request(self.base + path, headers={"Authorization": "Bearer " + self.users[user].token})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(url: str, process, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"pbr serve stopped with {process.returncode} before answering (see serve.log)")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"pbr serve did not answer {url} within {seconds:.0f} s")


def pounds(pence: int) -> str:
    """As the pages write money: £1,234.50, -£3.00."""
    sign = "-" if pence < 0 else ""
    pence = abs(pence)
    return f"{sign}£{pence // 100:,}.{pence % 100:02d}"


def session_cookie(base: str, name: str, password: str) -> str:
    """Signs in through the form as a browser would (its CSRF cookie and field); the session cookie's value."""
    import http.cookiejar
    import re
    import urllib.parse

    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    form = opener.open(base + "/sign-in", timeout=60).read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"name": name, "password": password, "csrf": csrf}).encode()
    try:
        opener.open(base + "/sign-in", data=body, timeout=60)
    except urllib.error.HTTPError as answer:
        if answer.code != 303:
            raise
    for cookie in jar:
        if cookie.name == "pbr_session":
            return cookie.value
    raise SystemExit(f"{name} could not sign in")
