"""`heardback guard`: the safe-feedback guard on a file, stdin, or a stream of JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from heardback.feedback.engine import guard

# Exit statuses, like a linter's: scripts and CI steps branch on them.
OK, WARNINGS, BLOCKED, BAD_INPUT = 0, 1, 2, 3
_STATUS = {"ok": OK, "warn": WARNINGS, "block": BLOCKED}


class Command(BaseCommand):
    help = (
        "Check text with the safe-feedback guard. Exit status: 0 clean, 1 warnings only, "
        "2 something blocks, 3 unreadable input. With --jsonl, read lines of "
        '{"id", "text", "lang", "context", "other_names"} and write one verdict line each.'
    )
    # The guard is pure Python: no database, so no system checks to wait for.
    requires_system_checks: list[str] = []
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="A file, or - for stdin.")
        parser.add_argument("--lang", choices=["en", "fr"], default="en")
        parser.add_argument("--context", choices=["note", "candidate"], default="candidate")
        parser.add_argument(
            "--name",
            action="append",
            default=[],
            dest="other_names",
            help="Another candidate's name (or label) that must not appear; repeatable.",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--json", action="store_true", help="One JSON document for the text.")
        mode.add_argument("--jsonl", action="store_true", help="Batch: JSON lines in and out.")

    def handle(self, *args: Any, **options: Any) -> None:
        stream = _open(options["file"], options.get("stdin") or sys.stdin)
        try:
            if options["jsonl"]:
                status = self._batch(stream, options)
            else:
                status = self._single(stream.read(), options)
        finally:
            if stream is not options.get("stdin") and stream is not sys.stdin:
                stream.close()
        if status != OK:
            sys.exit(status)

    def _single(self, text: str, options: dict[str, Any]) -> int:
        findings = guard.check(
            text,
            lang=options["lang"],
            context=options["context"],
            other_names=options["other_names"],
            second_opinion=True,
        )
        outcome = guard.verdict(findings)
        if options["json"]:
            document = {"verdict": outcome, "findings": [_located(text, f) for f in findings]}
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            name = "<stdin>" if options["file"] == "-" else options["file"]
            self.stdout.write(_human(name, text, findings, outcome))
        return _STATUS[outcome]

    def _batch(self, stream: Iterable[str], options: dict[str, Any]) -> int:
        worst = OK
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            result = _check_line(line, number, options)
            self.stdout.write(json.dumps(result, ensure_ascii=False))
            status = BAD_INPUT if "error" in result else _STATUS[result["verdict"]]
            worst = max(worst, status)
        return worst


def _open(file: str, stdin: TextIO) -> TextIO:
    if file == "-":
        return stdin
    try:
        return Path(file).open(encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot read {file}: {exc.strerror}", returncode=BAD_INPUT) from None


def _check_line(line: str, number: int, defaults: dict[str, Any]) -> dict[str, Any]:
    """The output object for one input line: a verdict and its findings, or an error."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "line": number, "error": f"not JSON: {exc.msg}"}
    if not isinstance(item, dict):
        return {"id": None, "line": number, "error": "each line must be a JSON object"}
    problem = _problem(item)
    if problem:
        return {"id": item.get("id"), "line": number, "error": problem}
    findings = guard.check(
        item["text"],
        lang=item.get("lang", defaults["lang"]),
        context=item.get("context", defaults["context"]),
        other_names=item.get("other_names", defaults["other_names"]),
        second_opinion=True,
    )
    return {
        "id": item.get("id"),
        "verdict": guard.verdict(findings),
        "findings": [_fields(f) for f in findings],
    }


def _problem(item: dict[str, Any]) -> str | None:
    """What is wrong with one batch item, or None."""
    if not isinstance(item.get("text"), str):
        return '"text" must be a string'
    if not isinstance(item.get("lang", "en"), str):
        return '"lang" must be a string such as "en" or "fr"'
    if item.get("context", "note") not in ("note", "candidate"):
        return '"context" must be "note" or "candidate"'
    names = item.get("other_names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return '"other_names" must be a list of strings'
    return None


def _fields(finding: guard.Finding) -> dict[str, Any]:
    return {
        "start": finding.start,
        "end": finding.end,
        "category": finding.category,
        "severity": finding.severity,
        "rule": finding.rule,
        "why": finding.why,
        "suggestion": finding.suggestion,
    }


def _located(text: str, finding: guard.Finding) -> dict[str, Any]:
    line, column = _line_column(text, finding.start)
    return {
        **_fields(finding),
        "line": line,
        "column": column,
        "text": text[finding.start : finding.end],
    }


def _line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`, as editors count them."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _human(name: str, text: str, findings: list[guard.Finding], outcome: str) -> str:
    lines = []
    for f in findings:
        line, column = _line_column(text, f.start)
        matched = " ".join(text[f.start : f.end].split())
        lines.append(f'{name}:{line}:{column}: {f.severity} {f.category} "{matched}" [{f.rule}]')
        lines.append(f"    why: {f.why}")
        lines.append(f"    try: {f.suggestion}")
    count = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
    lines.append(f"{name}: {outcome} ({count})")
    return "\n".join(lines)
