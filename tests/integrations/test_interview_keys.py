"""Re-importing a Greenhouse history with and without scheduled_interviews.json, in any order.

With the file, an interview is the scheduled interview (its Greenhouse id); without it, the
scorecards of one application and interview step form the interview. Both must land on the same
heardback interview, whichever way the history was imported first.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from heardback.accounts.models import Organization, User
from heardback.hiring.models import Interview, Scorecard
from heardback.integrations.importers import ImportReport, import_greenhouse, import_greenhouse_v3
from tests.integrations.conftest import FIXTURES, invited_as, model_counts, read, write

pytestmark = pytest.mark.django_db

# The technical panel of application 2200000001: two submitted scorecards, one draft.
TECHNICAL_PANEL = {
    "id": 7100000009,
    "application_id": 2200000001,
    "start": {"date_time": "2026-10-14T14:00:00.000Z"},
    "end": {"date_time": "2026-10-14T15:00:00.000Z"},
    "status": "complete",
    "interview": {"id": 8800000001, "name": "Technical Interview"},
    "interviewers": [
        {"id": 4100000001, "name": "Priya Raman", "email": "priya.raman@fernhill.example",
         "response_status": "accepted", "scorecard_id": 6600000001},
        {"id": 4100000002, "name": "Jonas Becker", "email": "jonas.becker@fernhill.example",
         "response_status": "accepted", "scorecard_id": 6600000002},
    ],
}  # fmt: skip


@pytest.fixture
def with_schedule(dump: Callable[[str], Path], tmp_path: Path) -> Path:
    """The fixture dump, its scheduled interviews covering the technical panel too."""
    directory = dump("greenhouse")
    scheduled = read(directory / "scheduled_interviews.json")
    write(directory / "scheduled_interviews.json", [*scheduled, TECHNICAL_PANEL])
    return directory


@pytest.fixture
def without_schedule(with_schedule: Path, tmp_path: Path) -> Path:
    """The same history exported without scheduled_interviews.json."""
    directory = tmp_path / "without"
    shutil.copytree(with_schedule, directory)
    (directory / "scheduled_interviews.json").unlink()
    return directory


def _interviews_of(card: str) -> Interview:
    return Scorecard.objects.get(external_ids__greenhouse=card).interview


def _interview_ids() -> set[tuple[int, str]]:
    return {(i.pk, i.external_ids["greenhouse"]) for i in Interview.objects.all()}


def _created_or_updated(report: ImportReport) -> dict[str, tuple[int, int]]:
    rows = report.summary_rows()
    return {name: (c, u) for name, c, u, _, _ in rows if c or u}


def _stable_counts() -> dict[str, int]:
    counts = model_counts()
    counts.pop("accounts.AuditEvent")  # every run is audited
    return counts


def test_importing_without_then_with_the_schedule_keeps_one_interview_per_panel(
    acme: Organization, with_schedule: Path, without_schedule: Path
) -> None:
    import_greenhouse(without_schedule, organization=acme)
    technical = _interviews_of("6600000001")
    hiring_manager = _interviews_of("6600000004")

    report = import_greenhouse(with_schedule, organization=acme)

    assert report.ok
    # The interviews built from scorecards take the scheduled interviews' ids, not a twin.
    assert _interviews_of("6600000001") == technical
    assert _interviews_of("6600000002") == technical
    assert _interviews_of("6600000004") == hiring_manager
    technical.refresh_from_db()
    assert technical.external_ids == {"greenhouse": "7100000009"}
    assert technical.scheduled_at.isoformat() == "2026-10-14T14:00:00+00:00"
    # Only the interview nobody has scored yet is new.
    assert report.counts["interviews"]["created"] == 1
    assert report.counts["interviews"]["updated"] == 2
    assert not Interview.objects.filter(
        scorecards__isnull=True, external_ids__greenhouse__startswith="step:"
    )


def test_importing_with_then_without_the_schedule_keeps_one_interview_per_panel(
    acme: Organization, with_schedule: Path, without_schedule: Path
) -> None:
    import_greenhouse(with_schedule, organization=acme)
    before = _stable_counts()
    before_people = User.objects.filter(memberships__organization=acme).count()
    technical = _interviews_of("6600000001")

    report = import_greenhouse(without_schedule, organization=acme)

    assert report.ok
    assert _stable_counts() == before
    assert _interviews_of("6600000001") == _interviews_of("6600000002") == technical
    # The scheduled interview keeps its id and time: scorecards alone know less about it.
    technical.refresh_from_db()
    assert technical.external_ids == {"greenhouse": "7100000009"}
    assert technical.scheduled_at.isoformat() == "2026-10-14T14:00:00+00:00"
    assert report.counts["interviews"]["created"] == 0
    assert report.counts["interviews"]["updated"] == 0
    # Her email was only in the schedule: she is still the author, not a placeholder twin.
    author = Scorecard.objects.get(external_ids__greenhouse="6600000004").interviewer
    assert invited_as(author) == "marta.ruiz@fernhill.example"
    assert User.objects.filter(memberships__organization=acme).count() == before_people


@pytest.mark.parametrize("first", ["with", "without"])
def test_alternating_imports_settle_and_change_nothing_after(
    acme: Organization, with_schedule: Path, without_schedule: Path, first: str
) -> None:
    order = [with_schedule, without_schedule]
    if first == "without":
        order.reverse()
    for directory in order:
        import_greenhouse(directory, organization=acme)
    settled = _stable_counts()
    interviews = _interview_ids()

    for directory in order * 2:
        report = import_greenhouse(directory, organization=acme)
        assert report.ok
        assert _created_or_updated(report) == {}, directory.name

    assert _stable_counts() == settled
    assert _interview_ids() == interviews
    # One interview per panel, each with its scorecards: no empty twin left behind.
    assert Interview.objects.filter(organization=acme).count() == 5
    assert not Interview.objects.filter(scorecards__isnull=True).exclude(
        external_ids__greenhouse="7100000002"  # scheduled, not scored yet
    )


@pytest.mark.parametrize("mode", ["with", "without"])
def test_repeating_the_same_import_reports_everything_unchanged(
    acme: Organization, with_schedule: Path, without_schedule: Path, mode: str
) -> None:
    directory = with_schedule if mode == "with" else without_schedule
    import_greenhouse(directory, organization=acme)
    before = _stable_counts()

    report = import_greenhouse(directory, organization=acme)

    assert _stable_counts() == before
    assert _created_or_updated(report) == {}


def test_a_scorecard_submitted_after_its_interview_was_scheduled_joins_it(
    acme: Organization, with_schedule: Path, without_schedule: Path
) -> None:
    """Scheduled first (no scorecard yet), then scored in a dump without the schedule."""
    scorecards = read(with_schedule / "scorecards.json")
    write(with_schedule / "scorecards.json", [c for c in scorecards if c["id"] != 6600000004])
    import_greenhouse(with_schedule, organization=acme)
    scheduled = Interview.objects.get(external_ids__greenhouse="7100000001")
    assert not scheduled.scorecards.exists()

    report = import_greenhouse(without_schedule, organization=acme)

    assert report.counts["interviews"]["created"] == 0
    assert _interviews_of("6600000004") == scheduled


def test_two_interviews_of_the_same_step_are_not_merged(
    acme: Organization, with_schedule: Path
) -> None:
    """A second technical round scheduled later is its own interview, not a rename of the first."""
    import_greenhouse(with_schedule, organization=acme)
    second_round = {
        **TECHNICAL_PANEL,
        "id": 7100000010,
        "start": {"date_time": "2026-10-16T14:00:00.000Z"},
        "interviewers": [{**TECHNICAL_PANEL["interviewers"][0], "scorecard_id": None}],  # type: ignore[index]
    }
    write(
        with_schedule / "scheduled_interviews.json",
        [*read(with_schedule / "scheduled_interviews.json"), second_round],
    )

    report = import_greenhouse(with_schedule, organization=acme)

    assert report.counts["interviews"]["created"] == 1
    assert Interview.objects.get(external_ids__greenhouse="7100000009").scorecards.count() == 2
    technical = Interview.objects.filter(application__external_ids__greenhouse="2200000001")
    assert technical.count() == 2


def test_a_v3_import_after_v1_reuses_v1_interviews(acme: Organization) -> None:
    """v3 names the technical panel by its interview id; v1 had grouped it by step."""
    import_greenhouse(FIXTURES / "greenhouse", organization=acme)
    technical = _interviews_of("6600000001")

    import_greenhouse_v3(FIXTURES / "greenhouse_v3", organization=acme)

    assert _interviews_of("6600000001") == technical
    assert not Interview.objects.filter(
        scorecards__isnull=True, external_ids__greenhouse__startswith="step:"
    )
