"""Notes drafted for scenarios the demo never uses, through the REST API, for reading by hand.

    .venv/bin/python benchmarks/api_scenarios.py [--scenarios FILE] [--out notes.txt] [--keep]

Builds a fresh SQLite database in a temporary folder (`--keep` leaves it), creates an
organization with the members of benchmarks/api_scenarios.toml and an API key acting for its
admin, starts `heardback runserver` on a free loopback port, then, through the API only:
creates each job with its stages and rubric, the extra rejection reasons, the candidates,
their applications (in the stage they reached), interviews and submitted scorecards; rejects
each application with its reason and drafts its note. Writes every note (or why there is none)
under a summary of what the scorecards hold ("Safe driving=no (bar yes) «comment»"), so each
sentence can be checked against them; also the note's language flags, guard verdict and
review reasons. Nothing is measured: it is the input for reading notes as a candidate would.

`--scenarios benchmarks/api_scenarios_r2.toml` reads another file of the same shape (the
second round: two interviewers on one interview, no dates, take-home or trial only, one
competency left unrated, takeaways, a formal organization). Optional keys: `[organization]
tone`; a candidate's `last_name`; an interview without `date`; a rating of "" (not
assessed); `key_takeaways` and `evidence` on a scorecard (internal: the API cannot mark them
shareable).

`--scenarios benchmarks/api_scenarios_r3.toml`: the third round. Optional key: `overall` on a
scorecard (its overall recommendation, else yes or no from the worst rating), so a scorecard
can carry `ratings = []` and an overall recommendation only (the API refuses to submit it);
a job without `candidate`: an open role a note may suggest. An extra reason the API refuses
stops the run with the API's answer.

`--scenarios benchmarks/api_scenarios_r4.toml`: the fourth round. Optional keys: a job's
`family`, `level`, `description` and `status` (a role paused is "on_hold"); `[organization]
partner`: the name of a partner organization, created with its own admin and key, that accepts
a partnership proposed through the API (notes then offer the partners' pool). Every job is
created before the first candidate, so an open role listed later may be suggested too.

`--scenarios benchmarks/api_scenarios_r5.toml`: the fifth round. An `[[extra_reason]]` may
carry `sends_note = false` (the API then drafts no note, and the script says why).

`--scenarios benchmarks/api_scenarios_r6.toml`: the sixth round, no new key (an interview may
have no scorecard: it is held, nobody rated it).

`--scenarios benchmarks/api_scenarios_r7.toml`: the seventh round. An interview's `date` may be
"today": an hour before the run (the day of the rejection).

`--scenarios benchmarks/api_scenarios_r8.toml`: the eighth round, no new key (six new trades; a
phone screen alone, a role closed after a final, comments on a gap that praise or name no
shortfall word, three gaps beside a strength, a skill the interviewers split on).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = Path(__file__).with_name("api_scenarios.toml")
JOB_KEYS = ("family", "level", "description", "status")  # optional in a scenario file
RATINGS = ("definitely_not", "no", "mixed", "yes", "strong_yes")


def options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenarios", type=Path, default=SCENARIOS, help="The TOML to run.")
    parser.add_argument("--out", type=Path, help="Write the notes here (default: stdout).")
    parser.add_argument("--keep", action="store_true", help="Keep the database and its folder.")
    return parser.parse_args()


class Api:
    def __init__(self, base: str, key: str) -> None:
        self.base, self.key = base, key

    def __call__(self, method: str, path: str, body: object | None = None) -> dict[str, Any]:
        data = json.dumps(body).encode() if body is not None else None
        # The base is the loopback server this script started: http only.
        request = urllib.request.Request(self.base + path, data=data, method=method)  # noqa: S310
        request.add_header("Authorization", f"Bearer {self.key}")
        if data:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310
                answer: dict[str, Any] = json.loads(reply.read() or b"{}")
                return answer
        except urllib.error.HTTPError as error:
            return {"status": error.code, **json.loads(error.read() or b"{}")}


def heardback(env: dict[str, str], *args: str) -> str:
    command = [str(Path(sys.executable).with_name("heardback")), *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def organization(
    env: dict[str, str], people: dict[str, dict[str, str]], tone: str = ""
) -> tuple[str, dict]:
    """A fresh organization with `people` as members: the admin's API key and member ids."""
    heardback(env, "migrate", "-v0")
    heardback(env, "org", "create", "--name", "Northwind Services", "--language", "en", "nw")
    if tone:  # no API or CLI sets it: the organization's settings page does
        heardback(env, "shell", "-c", "from heardback.accounts.models import Organization; "
                  f"Organization.objects.filter(slug='nw').update(tone={tone!r})")  # fmt: skip
    for key, person in people.items():
        email = f"{key}@nw.example"
        heardback(env, "user", "create", "--org", "nw", "--role", person["role"], "--no-password",
                  "--name", person["name"], email)  # fmt: skip
    admin = next(k for k, p in people.items() if p["role"] == "admin")
    scopes = ("--scope", "read", "--scope", "write:hiring", "--scope", "write:feedback")
    printed = heardback(env, "apikey", "create", "--org", "nw", "--name", "scenarios", *scopes,
                        "--user", f"{admin}@nw.example")  # fmt: skip
    key = printed.split()[0]  # the key alone on stdout; what was created goes to stderr
    assert key.startswith("hb_"), printed
    ids = json.loads(
        heardback(env, "shell", "-c", "import json; from heardback.accounts.models import User; "
                  "print(json.dumps({u.email.split('@')[0]: u.pk for u in User.objects.all()}))")
        .strip().splitlines()[-1]
    )  # fmt: skip
    return key, ids


def partner_key(env: dict[str, str], name: str) -> str:
    """A partner organization ("hp") with an admin, and an API key acting for that admin."""
    heardback(env, "org", "create", "--name", name, "--language", "en", "hp")
    heardback(env, "user", "create", "--org", "hp", "--role", "admin", "--no-password",
              "--name", "Pat Partner", "pat@hp.example")  # fmt: skip
    scopes = ("--scope", "read", "--scope", "write:hiring")
    printed = heardback(env, "apikey", "create", "--org", "hp", "--name", "partner", *scopes,
                        "--user", "pat@hp.example")  # fmt: skip
    return printed.split()[0]


def partnership(base: str, ours: str, theirs: str) -> None:
    """Our organization proposes a partnership to "hp", whose admin accepts it (the API)."""
    proposed = Api(base, ours)("POST", "/partnerships", {"slug": "hp"})
    assert "id" in proposed, proposed
    accepted = Api(base, theirs)("POST", f"/partnerships/{proposed['id']}/accept")
    assert accepted.get("status") == "live", accepted


def serve(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).with_name("heardback")), "runserver", "--noreload"]
    server = subprocess.Popen(
        [*command, f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/openapi.json") as reply:
                if reply.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("The server did not answer within 60 s.")


def when(interview: dict[str, Any]) -> str | None:
    """The interview's date as the API takes it; "today" is an hour before now (never the eve,
    unless the run starts in the first hour of a UTC day)."""
    date = interview.get("date")
    if date != "today":
        return date
    return (datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)).isoformat()


def card_line(interview: dict[str, Any], card: dict[str, Any], bars: dict[str, str]) -> str:
    ratings = f"overall {card['overall']} " if card.get("overall") else ""
    ratings += "; ".join(
        f"{r['competency']}={r['rating'] or 'unrated'} (bar {bars[r['competency']]})"
        + (f" «{r['comment']}»" if r.get("comment") else "")
        for r in card["ratings"]
    )
    private = f" [private: {card['private_notes']}]" if card.get("private_notes") else ""
    if card.get("key_takeaways"):
        private += f" [takeaways: {card['key_takeaways']}]"
    where = f"{interview['name']} ({interview['kind']}, {(when(interview) or 'no date')[:10]})"
    return f"  {where}, {card['interviewer']}: {ratings}{private}"


def run(api: Api, data: dict[str, Any], ids: dict[str, int]) -> list[str]:
    reasons = {r["name"]: r["id"] for r in api("GET", "/rejection-reasons?limit=200")["items"]}
    for extra in data.get("extra_reason", []):
        made = api("POST", "/rejection-reasons", extra)
        assert "id" in made, made
        reasons[extra["name"]] = made["id"]
    reason_ids = {key: reasons[name] for key, name in data["reasons"].items()}
    out = []
    # French jobs first: from then on the organization writes in French, so a French-speaking
    # candidate of an English job gets a French note (with the rubric's language flagged).
    jobs = sorted(data["job"], key=lambda job: job["language"] != "fr")
    # Every job exists before the first note is drafted: an open role listed after the job a
    # candidate applied for may be suggested in their note too.
    made_jobs = []
    for job in jobs:
        recruiter = "raj" if job["language"] == "en" else "lea"
        created = api("POST", "/jobs", {
            "title": job["title"], "language": job["language"], "recruiter_id": ids[recruiter],
            "stages": [{"name": name, "kind": kind} for name, kind in job["stages"]],
            "competencies": [
                {k: c[k] for k in ("name", "bar", "weight", "description", "tips") if k in c}
                | {"descriptors": c.get("descriptors", {})}
                for c in job["competency"]
            ],
        } | {k: job[k] for k in JOB_KEYS if k in job})  # fmt: skip
        assert "id" in created, created
        made_jobs.append(created)
    for n, (job, created) in enumerate(zip(jobs, made_jobs, strict=True)):
        stages = [s["id"] for s in created["stages"]]
        competencies = {c["name"]: c["id"] for c in created["competencies"]}
        bars = {c["name"]: c["bar"] for c in job["competency"]}
        for m, person in enumerate(job.get("candidate", [])):
            candidate = api("POST", "/candidates", {
                "first_name": person["first_name"], "last_name": person.get("last_name", "Example"),
                "email": f"candidate-{n}-{m}@mail.example", "language": person["language"],
            })  # fmt: skip
            application = api("POST", "/applications", {
                "candidate_id": candidate["id"], "job_id": created["id"],
                "stage_id": stages[person["stage"]],
            })  # fmt: skip
            stage = job["stages"][person["stage"]][0]
            lines = [
                f"### {job['title']} ({job['language']}): {person['first_name']} "
                f"({person['language']}), reached {stage}, rejected as {person['reason']}"
            ]
            for interview in person.get("interview", []):
                cards = interview.get("scorecard", [])
                made = api("POST", "/interviews", {
                    "application_id": application["id"], "name": interview["name"],
                    "kind": interview["kind"], "scheduled_at": when(interview),
                    "interviewer_ids": [ids[c["interviewer"]] for c in cards],
                })  # fmt: skip
                assert "id" in made, made
                for card in cards:
                    rated = [RATINGS.index(r["rating"]) for r in card["ratings"] if r["rating"]]
                    overall = card.get("overall") or ("yes" if min(rated) >= 3 else "no")
                    answer = api("POST", "/scorecards", {
                        "interview_id": made["id"], "interviewer_id": ids[card["interviewer"]],
                        "overall_recommendation": overall, "submit": True,
                        "private_notes": card.get("private_notes", ""),
                        "key_takeaways": card.get("key_takeaways", ""),
                        "ratings": [
                            {"competency_id": competencies[r["competency"]],
                             "rating": r["rating"], "candidate_comment": r.get("comment", ""),
                             "evidence": r.get("evidence", "")}
                            for r in card["ratings"]
                        ],
                    })  # fmt: skip
                    lines.append(card_line(interview, card, bars))
                    if "id" not in answer:
                        lines.append(f"  scorecard refused: {answer}")
            rejected = api("POST", f"/applications/{application['id']}/reject",
                           {"reason_id": reason_ids[person["reason"]]})  # fmt: skip
            if "status" in rejected and isinstance(rejected["status"], int):
                lines.append(f"  reject refused: {rejected}")
            note = api("POST", f"/applications/{application['id']}/feedback-note")
            if "text" not in note:
                lines.append(f"  no note: {note.get('error', {}).get('message', note)}")
            else:
                flags = (
                    f"language {note['language']}, fallback {note['language_fallback']}, "
                    f"rubric language {note['rubric_language'] or '-'}, "
                    f"guard {note['guard_verdict']}, review {note['review_reasons'] or '-'}"
                )
                lines += [f"  note: {flags}", "", note["text"]]
            out.append("\n".join(lines))
    return out


def main() -> None:
    args = options()
    data = tomllib.loads(args.scenarios.read_text(encoding="utf-8"))
    folder = Path(tempfile.mkdtemp(prefix="heardback-scenarios-"))
    env = {
        **os.environ,
        "HEARDBACK_VAR_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "PYTHONPATH": str(ROOT / "src"),
        "DEBUG": "1",
        "SECRET_KEY": "scenarios-only",
    }
    try:
        tone = data.get("organization", {}).get("tone", "")
        key, ids = organization(env, data["people"], tone)
        partner = data.get("organization", {}).get("partner", "")
        theirs = partner_key(env, partner) if partner else ""
        port = free_port()
        server = serve(env, port)
        base = f"http://127.0.0.1:{port}/api/v1"
        try:
            if partner:
                partnership(base, key, theirs)
            notes = run(Api(base, key), data, ids)
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        if not args.keep:
            shutil.rmtree(folder)
    text = "\n\n".join(notes) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"{len(notes)} applications written to {args.out}")
    else:
        print(text)
    if args.keep:
        print(f"database kept in {folder}", file=sys.stderr)


if __name__ == "__main__":
    main()
