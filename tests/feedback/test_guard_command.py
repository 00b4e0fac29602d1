"""`heardback guard`: a linter's contract — findings a person can act on, and exit statuses."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def run(*args: str, stdin: str = "") -> tuple[int, str]:
    """Exit status and output of `guard` with `args`, reading `stdin`."""
    out = io.StringIO()
    try:
        call_command("guard", *args, stdin=io.StringIO(stdin), stdout=out)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_clean_text_exits_zero_and_says_ok() -> None:
    status, out = run(stdin="Solid on SQL window functions, weaker on indexing.")
    assert status == 0
    assert out.strip() == "<stdin>: ok (0 findings)"


def test_a_blocking_finding_exits_two_and_names_line_column_and_fix() -> None:
    status, out = run("--context", "note", stdin="Good SQL.\nHonestly he's too old for us.")
    assert status == 2
    first = out.splitlines()[0]
    assert first == '<stdin>:2:15: block age "too old" [en.age.explicit]'
    assert "why: " in out and "try: " in out
    assert out.strip().endswith("<stdin>: block (1 finding)")


def test_warnings_only_exit_one() -> None:
    status, out = run("--context", "note", stdin="Not a culture fit.")
    assert status == 1
    assert "warn vague_verdict" in out


def test_the_context_changes_the_verdict() -> None:
    assert run("--context", "note", stdin="Strong no.")[0] == 1
    assert run("--context", "candidate", stdin="Strong no.")[0] == 2


def test_french_is_checked_with_lang_fr(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Pas un bon fit culturel.\nElle est enceinte.", encoding="utf-8")
    status, out = run("--lang", "fr", "--context", "note", str(note))
    assert status == 2
    assert f'{note}:2:10: block family "enceinte" [fr.family.pregnancy]' in out


def test_other_candidates_names_can_be_given() -> None:
    status, out = run("--name", "Jordan Lee", stdin="Jordan Lee was faster.")
    assert status == 2
    assert '"Jordan Lee" [internal_leak.other_candidate]' in out


def test_json_output_has_offsets_and_line_and_column() -> None:
    status, out = run("--json", "--context", "note", stdin="Fine.\nShe is pregnant.")
    assert status == 2
    document = json.loads(out)
    assert document["verdict"] == "block"
    (finding,) = document["findings"]
    assert finding["text"] == "pregnant"
    assert (finding["line"], finding["column"], finding["start"], finding["end"]) == (2, 8, 13, 21)
    assert finding["category"] == "family" and finding["why"] and finding["suggestion"]


def test_batch_mode_writes_one_verdict_line_per_input_line() -> None:
    lines = [
        {"id": "a", "text": "Solid SQL."},
        {"id": "b", "text": "She is pregnant.", "context": "note"},
        {"id": 7, "text": "Strong no.", "lang": "en", "context": "note"},
        {"id": "d", "text": "Candidate B was stronger.", "other_names": ["Candidate B"]},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n\n"
    status, out = run("--jsonl", stdin=stdin)
    results = [json.loads(line) for line in out.splitlines()]
    assert [(r["id"], r["verdict"]) for r in results] == [
        ("a", "ok"),
        ("b", "block"),
        (7, "warn"),
        ("d", "block"),
    ]
    assert set(results[1]["findings"][0]) == {
        "start",
        "end",
        "category",
        "severity",
        "rule",
        "why",
        "suggestion",
    }
    assert status == 2


def test_batch_mode_reports_a_malformed_line_and_carries_on() -> None:
    stdin = "\n".join(
        [
            "not json",
            json.dumps({"id": "x", "text": 42}),
            json.dumps(["a list"]),
            json.dumps({"id": "y", "text": "ok", "context": "email"}),
            json.dumps({"id": "z", "text": "ok", "other_names": "Jordan"}),
            json.dumps({"id": "fine", "text": "Solid SQL."}),
        ]
    )
    status, out = run("--jsonl", stdin=stdin)
    results = [json.loads(line) for line in out.splitlines()]
    assert [(r.get("id"), r.get("line"), "error" in r) for r in results] == [
        (None, 1, True),
        ("x", 2, True),
        (None, 3, True),
        ("y", 4, True),
        ("z", 5, True),
        ("fine", None, False),
    ]
    assert "text" in results[1]["error"] and "context" in results[3]["error"]
    assert status == 3


def test_an_unreadable_file_is_a_clear_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"cannot read .*missing\.txt") as refused:
        call_command("guard", str(tmp_path / "missing.txt"))
    assert refused.value.returncode == 3


def test_the_console_script_runs_the_same_command(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Too old for a startup.", encoding="utf-8")
    script = Path(sys.executable).with_name("heardback")
    env = {**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY", "test-only-not-a-secret")}
    done = subprocess.run(
        [str(script), "guard", "--context", "note", str(note)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "block age" in done.stdout
