"""Bad input gets a clear report, row by row, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from heardback.accounts.models import Organization
from heardback.hiring.models import Scorecard
from heardback.integrations.importers import (
    ImportReport,
    import_greenhouse,
    import_greenhouse_v3,
    import_lever,
)
from tests.integrations.conftest import FIXTURES, model_counts, read, write

pytestmark = pytest.mark.django_db
Break = Callable[[Path], None]


def _edit(file: str, change: Callable[[Any], Any]) -> Break:
    def apply(directory: Path) -> None:
        data = read(directory / file)
        changed = change(data)
        write(directory / file, data if changed is None else changed)

    return apply


def _set(file: str, index: int, /, **fields: Any) -> Break:
    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows[index].update(fields)
        return rows

    return _edit(file, change)


def _drop(name: str, index: int, key: str) -> Break:
    def change(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        del rows[index][key]
        return rows

    return _edit(name, change)


def _text(name: str, text: str) -> Break:
    return lambda directory: (directory / name).write_text(text)


def _duplicate(name: str, index: int) -> Break:
    # The same id with other content: which one is right cannot be told.
    return _edit(name, lambda rows: [*rows, {**rows[index], "last_name": "Other"}])


GREENHOUSE_CASES = {
    "broken JSON": (
        _text("jobs.json", '[{"id": 1, "name": "Engineer",\n  "status": }]'),
        ("jobs.json", "line 2 column 13", ""),
        "Expecting value",
    ),
    "a string where a name is expected": (
        _set("candidates.json", 0, first_name=42),
        ("candidates.json", "3010000001", "first_name"),
        "expected a string",
    ),
    "an object where a list is expected": (
        _set("scorecards.json", 0, attributes={"name": "Python"}),
        ("scorecards.json", "6600000001", "attributes"),
        "expected an array",
    ),
    "an unknown application status": (
        _set("applications.json", 0, status="pending_review"),
        ("applications.json", "2200000001", "status"),
        "unknown value 'pending_review'",
    ),
    "an unknown attribute rating": (
        _edit("scorecards.json", lambda rows: rows[0]["attributes"][0].update(rating="maybe")),
        ("scorecards.json", "6600000001", "attributes[0].rating"),
        "'maybe' is not a known attribute rating",
    ),
    "an unknown overall recommendation": (
        _set("scorecards.json", 1, overall_recommendation="mixed_feelings"),
        ("scorecards.json", "6600000002", "overall_recommendation"),
        "not a known overall rating",
    ),
    "a missing required field": (
        _drop("scorecards.json", 0, "application_id"),
        ("scorecards.json", "6600000001", "application_id"),
        "is missing",
    ),
    "a null required field": (
        _set("jobs.json", 0, name=None),
        ("jobs.json", "4460000001", "name"),
        "is null",
    ),
    "a duplicated id": (
        _duplicate("candidates.json", 1),
        ("candidates.json", "3010000002", "id"),
        "duplicate id",
    ),
    "a scorecard of an unknown application": (
        _set("scorecards.json", 0, application_id=2299999999),
        ("scorecards.json", "6600000001", "application"),
        "points to application 2299999999",
    ),
    "an application of an unknown candidate": (
        _set("applications.json", 1, candidate_id=3099999999),
        ("applications.json", "2200000002", "candidate"),
        "points to candidate 3099999999",
    ),
    "a bad timestamp": (
        _set("applications.json", 0, applied_at="last tuesday"),
        ("applications.json", "2200000001", "applied_at"),
        "not an ISO-8601 timestamp",
    ),
    "an empty file": (
        _text("rejection_reasons.json", "  \n"),
        ("rejection_reasons.json", "", ""),
        "file is empty",
    ),
    "an object instead of an array": (
        _text("jobs.json", '{"id": 1}'),
        ("jobs.json", "", ""),
        "expected a JSON array",
    ),
    "a missing required file": (
        lambda directory: (directory / "rejection_reasons.json").unlink(),
        ("rejection_reasons.json", "", ""),
        "required file rejection_reasons.json is missing",
    ),
    "a record that is not an object": (
        _edit("jobs.json", lambda rows: [*rows, "Engineer"]),
        ("jobs.json", "#3", ""),
        "expected an object",
    ),
}


def _assert_reported(report: ImportReport, where: tuple[str, str, str], message: str) -> None:
    located = [p for p in report.errors if (p.file, p.record, p.field) == where]
    assert located, f"no problem at {where}; got {report.errors}"
    assert message in located[0].message


@pytest.mark.parametrize("case", GREENHOUSE_CASES, ids=list(GREENHOUSE_CASES))
def test_a_malformed_greenhouse_dump_is_reported_and_changes_nothing(
    case: str, acme: Organization, dump: Callable[[str], Path]
) -> None:
    breaks, where, message = GREENHOUSE_CASES[case]
    import_greenhouse(FIXTURES / "greenhouse", organization=acme)
    directory = dump("greenhouse")
    _set("scorecards.json", 2, overall_recommendation="no")(directory)  # a change to roll back
    breaks(directory)
    before = model_counts()
    report = import_greenhouse(directory, organization=acme)
    assert not report.ok and not report.committed
    _assert_reported(report, where, message)
    assert model_counts() == before
    assert (
        Scorecard.objects.get(external_ids__greenhouse="6600000003").overall_recommendation == "yes"
    )


def test_an_oversized_file_is_refused_with_the_limit(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    before = model_counts()
    report = import_greenhouse(dump("greenhouse"), organization=acme, max_file_mb=0.002)
    assert any(
        "over the 0 MB limit" in p.message and "--max-file-mb" in p.message for p in report.errors
    )
    assert {p.file for p in report.errors} >= {"scorecards.json", "applications.json"}
    assert model_counts() == before


def test_every_problem_is_reported_not_just_the_first(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    directory = dump("greenhouse")
    for name in ("a duplicated id", "an unknown application status", "a missing required field"):
        GREENHOUSE_CASES[name][0](directory)
    report = import_greenhouse(directory, organization=acme)
    assert {p.file for p in report.errors} == {
        "candidates.json",
        "applications.json",
        "scorecards.json",
    }


def test_a_scorecard_may_point_to_an_application_imported_before(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    import_greenhouse(FIXTURES / "greenhouse", organization=acme)
    directory = dump("greenhouse")
    # A later pull of the scorecards only (`updated_after`): the rest is already here.
    for name in ("jobs.json", "candidates.json", "applications.json", "rejection_reasons.json"):
        write(directory / name, [])
    report = import_greenhouse(directory, organization=acme)
    # Empty arrays are fine; skipped applications' scorecards are now unknown, and said so.
    assert {p.record for p in report.errors} == {"6600000007"}


def test_the_command_prints_the_problem_table_and_fails(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    directory = dump("greenhouse")
    GREENHOUSE_CASES["an unknown application status"][0](directory)
    out = StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import", "greenhouse", str(directory), "--org", "acme", stdout=out)
    printed = out.getvalue()
    assert "nothing was imported" in printed
    assert (
        "applications.json" in printed and "2200000001" in printed and "pending_review" in printed
    )


V3_CASES = {
    "an unknown scorecard status": (
        _set("scorecards.json", 0, status="submitted"),
        ("scorecards.json", "6600000001", "status"),
        "unknown value 'submitted'",
    ),
    "an attribute row of an unknown attribute": (
        _set("scorecard_candidate_attributes.json", 0, job_candidate_attribute_id=9799999999),
        ("scorecard_candidate_attributes.json", "1", "job_candidate_attribute_id"),
        "not in job_candidate_attributes.json",
    ),
    "an unknown candidate rating": (
        _set("scorecards.json", 0, candidate_rating="maybe"),
        ("scorecards.json", "6600000001", "candidate_rating"),
        "not a known overall rating",
    ),
}


@pytest.mark.parametrize("case", V3_CASES, ids=list(V3_CASES))
def test_a_malformed_v3_dump_is_reported_and_changes_nothing(
    case: str, acme: Organization, dump: Callable[[str], Path]
) -> None:
    breaks, where, message = V3_CASES[case]
    directory = dump("greenhouse_v3")
    breaks(directory)
    before = model_counts()
    report = import_greenhouse_v3(directory, organization=acme)
    _assert_reported(report, where, message)
    assert model_counts() == before


LEVER_CASES = {
    "an unknown archive reason type": (
        _set("archive_reasons.json", 0, type="rejected-by-us"),
        ("archive_reasons.json", "63dd55b2-a99f-4e7f-97a5-0b2f3b5d1a01", "type"),
        "unknown value 'rejected-by-us'",
    ),
    "an archive reason missing from the dump": (
        _set("opportunities.json", 0, archived={"reason": "no-such-reason", "archivedAt": 1}),
        ("opportunities.json", "0a7e4c1d-2b3c-4d5e-8f9a-000000000001", "archived.reason"),
        "not in archive_reasons.json",
    ),
    "feedback that is not keyed by opportunity": (
        _text("feedback.json", "[]"),
        ("feedback.json", "", ""),
        "expected an object mapping opportunity ids",
    ),
    "a rating off the thumbs scale": (
        _edit("feedback.json", lambda d: next(iter(d.values()))[0]["fields"][2].update(value=7)),
        ("feedback.json", "fb-0001", "fields[2].value"),
        "outside the 1–4 scale",
    ),
    "feedback for an unknown opportunity": (
        _edit("feedback.json", lambda d: d.update({"opp-unknown": d.pop(next(iter(d)))})),
        ("feedback.json", "fb-0001", "application"),
        "points to application opp-unknown",
    ),
}


@pytest.mark.parametrize("case", LEVER_CASES, ids=list(LEVER_CASES))
def test_a_malformed_lever_dump_is_reported_and_changes_nothing(
    case: str, acme: Organization, dump: Callable[[str], Path]
) -> None:
    breaks, where, message = LEVER_CASES[case]
    directory = dump("lever")
    breaks(directory)
    before = model_counts()
    report = import_lever(directory, organization=acme)
    _assert_reported(report, where, message)
    assert model_counts() == before
