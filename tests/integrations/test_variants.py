"""Exports our fixtures do not look like: what real ATSs, spreadsheets and warehouses write.

Each variant either imports what it means (checked in the data) or is refused with a clear
problem row that changes nothing; none may crash the import.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from heardback.accounts.models import Organization
from heardback.hiring.models import Candidate, Job, ScorecardRating
from heardback.integrations.importers import import_csv, import_dump, import_greenhouse
from tests.integrations.conftest import FIXTURES, model_counts, read, write

pytestmark = pytest.mark.django_db
CSV = FIXTURES / "csv" / "scorecards.csv"
Change = Callable[[Path], None]


def _rewrite(name: str, render: Callable[[list[dict[str, object]]], bytes]) -> Change:
    return lambda d: (d / name).write_bytes(render(read(d / name)))


def _set(name: str, index: int, /, **fields: object) -> Change:
    def apply(directory: Path) -> None:
        rows = read(directory / name)
        rows[index].update(fields)
        write(directory / name, rows)

    return apply


GREENHOUSE_READ_AS_MEANT: dict[str, Change] = {
    # Warehouses and connectors (Airbyte's expected_records.jsonl) write one object a line.
    "JSON Lines": _rewrite("jobs.json", lambda rows: "\n".join(map(json.dumps, rows)).encode()),
    "an array under its resource's name": _rewrite(
        "jobs.json", lambda rows: json.dumps({"jobs": rows}).encode()
    ),
    # Windows tools save "Unicode" as UTF-16 with a byte-order mark.
    "UTF-16 with a byte-order mark": _rewrite(
        "candidates.json", lambda rows: json.dumps(rows, ensure_ascii=False).encode("utf-16")
    ),
    # pandas and spreadsheets write integer ids as floats (exact below 2^53).
    "ids written as floats": _set("jobs.json", 0, id=4460000001.0),
    "RFC 3339 lower-case t and z": _set(
        "applications.json", 0, applied_at="2026-10-01t10:00:00.000z"
    ),
    # Offset pagination repeats a record when the data moves during the pull.
    "a record repeated as it was": lambda d: write(
        d / "scorecards.json", [*read(d / "scorecards.json"), read(d / "scorecards.json")[0]]
    ),
    "an escaped NUL in a name": _set("candidates.json", 0, first_name="\u00c9lo\u0000die"),
}


@pytest.mark.parametrize("case", GREENHOUSE_READ_AS_MEANT, ids=list(GREENHOUSE_READ_AS_MEANT))
def test_a_greenhouse_export_written_another_way_imports_the_same(
    case: str, acme: Organization, dump: Callable[[str], Path]
) -> None:
    directory = dump("greenhouse")
    GREENHOUSE_READ_AS_MEANT[case](directory)

    report = import_greenhouse(directory, organization=acme)

    assert report.ok, report.errors
    jobs = {str(i) for i in Job.objects.values_list("external_ids__greenhouse", flat=True)}
    assert jobs == {"4460000001", "9007199254740993"}
    names = set(Candidate.objects.values_list("first_name", flat=True))
    assert {"Élodie", "Sam", "Noor"} <= names


GREENHOUSE_REFUSED: dict[str, tuple[Change, str, str]] = {
    "JSON nested deeper than any record": (
        lambda d: (d / "jobs.json").write_text("[" * 100_000 + "]" * 100_000),
        "jobs.json",
        "nested too deeply",
    ),
    "null instead of the scorecards": (
        lambda d: (d / "scorecards.json").write_text("null"),
        "scorecards.json",
        "holds null instead of records",
    ),
    "a Windows-1252 file": (
        lambda d: (d / "candidates.json").write_bytes(
            (d / "candidates.json").read_text().encode("cp1252")
        ),
        "candidates.json",
        "save it as UTF-8",
    ),
}


@pytest.mark.parametrize("case", GREENHOUSE_REFUSED, ids=list(GREENHOUSE_REFUSED))
def test_a_greenhouse_export_that_cannot_be_read_is_refused_and_changes_nothing(
    case: str, acme: Organization, dump: Callable[[str], Path]
) -> None:
    change, file, message = GREENHOUSE_REFUSED[case]
    directory = dump("greenhouse")
    change(directory)
    before = model_counts()

    report = import_greenhouse(directory, organization=acme)

    assert not report.committed
    assert any(p.file == file and message in p.message for p in report.errors), report.errors
    assert model_counts() == before


def test_the_command_reports_a_file_too_deeply_nested_instead_of_a_traceback(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    directory = dump("greenhouse")
    GREENHOUSE_REFUSED["JSON nested deeper than any record"][0](directory)
    out = StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import", "greenhouse", str(directory), "--org", "acme", stdout=out)
    assert "nested too deeply" in out.getvalue()


def _rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(CSV.read_text(encoding="utf-8"), newline="")))


def _csv(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode(encoding)


def _with_quoted_comment(rows: list[list[str]]) -> list[list[str]]:
    # Line 4 (Communication): a comment with quotes, commas and semicolons, as Excel quotes it.
    text = rows[0].index("text")
    rows[3][text] = 'She said "great question", then; paused.'
    return rows


def _yes_no(rows: list[list[str]]) -> list[list[str]]:
    safe = rows[0].index("candidate_safe")
    for row in rows[1:]:
        row[safe] = {"true": "Yes", "false": "no"}.get(row[safe], row[safe])
    return rows


CSV_READ_AS_MEANT: dict[str, Callable[[], bytes]] = {
    "doubled quotes inside a quoted value (RFC 4180)": lambda: _csv(_with_quoted_comment(_rows())),
    "semicolons, as a French Excel writes": lambda: _csv(_with_quoted_comment(_rows()), ";"),
    "Excel's Unicode text: UTF-16, tabs": lambda: _csv(
        _with_quoted_comment(_rows()), "\t", "utf-16"
    ),
    "yes and no for candidate_safe": lambda: _csv(_yes_no(_with_quoted_comment(_rows()))),
    "Excel's sep=; line before the header": lambda: (
        b"sep=;\r\n" + _csv(_with_quoted_comment(_rows()), ";")
    ),
}


@pytest.mark.parametrize("case", CSV_READ_AS_MEANT, ids=list(CSV_READ_AS_MEANT))
def test_a_csv_written_another_way_imports_the_same(
    case: str, acme: Organization, tmp_path: Path
) -> None:
    path = tmp_path / "scorecards.csv"
    path.write_bytes(CSV_READ_AS_MEANT[case]())

    report = import_csv(path, organization=acme)

    assert report.ok, report.errors
    rating = ScorecardRating.objects.get(
        scorecard__external_ids__csv="CSV-SC-1", competency__name="Communication"
    )
    assert rating.evidence == 'She said "great question", then; paused.'
    assert rating.candidate_comment == rating.evidence  # its candidate_safe column read right
    assert Candidate.objects.filter(first_name="Élodie").exists()


def _cut(raw: bytes, marker: bytes) -> bytes:
    return raw[: raw.index(marker) + len(marker)]


CSV_REFUSED: dict[str, tuple[Callable[[], bytes], str, str]] = {
    "a file cut inside a quoted value": (
        lambda: _cut(CSV.read_bytes(), b'"\xc3\x89coute, mais'),
        "line 5",
        "never closed",
    ),
    "a file cut in the middle of a row": (
        lambda: _cut(CSV.read_bytes(), b"Idiomatic code."),
        "line 11",
        "has 27 values but the header names 29 columns",
    ),
    "a separator inside an unquoted value": (
        lambda: CSV.read_bytes().replace(b",Idiomatic code.,", b",Idiomatic, tested code.,"),
        "line 11",
        "has 30 values",
    ),
    "a value past the parser's limit": (
        lambda: CSV.read_bytes().replace(b"Idiomatic code.", b'"' + b"x" * 200_000 + b'"'),
        "line 11",
        "field larger than field limit",
    ),
    "a Windows-1252 file": (
        lambda: CSV.read_text(encoding="utf-8").encode("cp1252"),
        "line 2",
        "save it as UTF-8",
    ),
    "a column twice under two spellings": (
        lambda: CSV.read_bytes().replace(b"interviewer_name", b"Interviewer E-mail", 1),
        "line 1",
        "the column appears twice (columns 17, 18)",
    ),
    "a NUL byte": (
        lambda: CSV.read_bytes().replace(b"Priya Raman", b"Priya\x00Raman", 1),
        "line 2",
        "NUL",
    ),
}


@pytest.mark.parametrize("case", CSV_REFUSED, ids=list(CSV_REFUSED))
def test_a_csv_that_cannot_be_read_right_is_refused_where_it_breaks(
    case: str, acme: Organization, tmp_path: Path
) -> None:
    content, record, message = CSV_REFUSED[case]
    path = tmp_path / "scorecards.csv"
    path.write_bytes(content())
    before = model_counts()

    report = import_csv(path, organization=acme)

    assert not report.committed
    assert any(p.record == record and message in p.message for p in report.errors), report.errors
    assert model_counts() == before


def test_a_csv_with_only_its_header_says_there_is_nothing_to_import(
    acme: Organization, tmp_path: Path
) -> None:
    path = tmp_path / "scorecards.csv"
    path.write_bytes(CSV.read_bytes().split(b"\n")[0] + b"\n")

    report = import_csv(path, organization=acme)

    assert any("nothing to import" in p.message for p in report.warnings)


@pytest.mark.parametrize("source", ["greenhouse", "lever"])
def test_every_phase_the_progress_bar_starts_it_also_finishes(
    source: str, acme: Organization
) -> None:
    # On a big file each phase takes seconds: a bar left short of its end looks like a hang.
    last: dict[str, tuple[int, int]] = {}
    import_dump(
        source,
        FIXTURES / source,
        organization=acme,
        progress=lambda phase, done, total: last.__setitem__(phase, (done, total)),
    )
    assert "Writing ratings" in last
    assert {phase for phase, (done, total) in last.items() if done < total} == set()


def test_lever_pages_saved_one_after_the_other_import_as_one_list(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    directory = dump("lever")
    rows = read(directory / "opportunities.json")
    pages = [
        {"data": rows[:2], "hasNext": True, "next": "token-2"},
        {"data": rows[2:], "hasNext": False},
    ]
    (directory / "opportunities.json").write_text("\n".join(json.dumps(p) for p in pages))

    as_one_array = import_dump("lever", FIXTURES / "lever", organization=acme, dry_run=True)
    report = import_dump("lever", directory, organization=acme)

    assert report.ok, report.errors
    assert report.counts["applications"] == as_one_array.counts["applications"]
    assert report.counts["applications"]["created"] >= 5
