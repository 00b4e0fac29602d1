from __future__ import annotations

import pytest

from heardback.accounts.models import Organization
from heardback.hiring.models import Application, Scorecard, ScorecardRating
from heardback.integrations.importers import import_greenhouse_v3
from tests.integrations.conftest import FIXTURES

pytestmark = pytest.mark.django_db
V3 = FIXTURES / "greenhouse_v3"


def _scorecard(ext: str) -> Scorecard:
    return Scorecard.objects.get(external_ids__greenhouse=ext)


def test_only_complete_scorecards_become_scorecards(acme: Organization) -> None:
    report = import_greenhouse_v3(V3, organization=acme)
    assert report.ok
    assert {s.external_ids["greenhouse"] for s in Scorecard.objects.all()} == {
        "6600000001",
        "6600000009",
    }
    assert report.counts["scorecards"]["skipped"] == 1  # the draft


def test_rejection_details_decide_rejected_withdrawn_or_left_out(acme: Organization) -> None:
    report = import_greenhouse_v3(V3, organization=acme)
    statuses = {a.external_ids["greenhouse"]: a.status for a in Application.objects.all()}
    assert statuses == {
        "2200000001": "rejected",
        "2200000002": "withdrawn",
        "9007199254741003": "active",
    }
    # A security concern is never explained to a candidate.
    assert any(w.record == "2200000008" for w in report.warnings)


def test_the_rejection_stage_comes_from_the_stage_history(acme: Organization) -> None:
    import_greenhouse_v3(V3, organization=acme)
    rejected = Application.objects.get(external_ids__greenhouse="2200000001")
    assert rejected.stage.name == "Technical Interview"
    assert rejected.decided_at.isoformat() == "2026-10-20T16:47:03.218000+00:00"


def test_notes_private_notes_and_answers_land_where_they_belong(acme: Organization) -> None:
    import_greenhouse_v3(V3, organization=acme)
    scorecard = _scorecard("6600000001")
    assert scorecard.key_takeaways.startswith("Solid fundamentals; needs practice with async")
    assert (
        "What did the candidate build last?\nA ROS driver for a lidar." in scorecard.key_takeaways
    )
    assert "Would you work with them?\nYes" in scorecard.key_takeaways
    assert scorecard.private_notes.startswith("Salary expectations above band.")
    assert "Note to other interviewers:\nAsk Jonas" in scorecard.private_notes
    assert not scorecard.key_takeaways_shareable


def test_mentions_in_tagged_notes_become_plain_names(acme: Organization) -> None:
    import_greenhouse_v3(V3, organization=acme)
    assert _scorecard("6600000009").private_notes == "Dismissive towards Priya Raman."


def test_attribute_rows_are_joined_to_their_names(acme: Organization) -> None:
    import_greenhouse_v3(V3, organization=acme)
    ratings = {
        r.competency.name: (r.rating, r.evidence, r.candidate_comment)
        for r in ScorecardRating.objects.select_related("competency")
    }
    assert ratings == {
        "Python": ("no", "Struggled with generators.", ""),
        "Communication": ("mixed", "", ""),
        "Travail en équipe": (
            "definitely_not",
            "Travail en équipe difficile : n'a pas écouté l'équipe.",
            "",
        ),
    }
    assert _scorecard("6600000009").overall_recommendation == "strong_no"


def test_the_interviews_resource_groups_the_panel(acme: Organization) -> None:
    import_greenhouse_v3(V3, organization=acme)
    interview = _scorecard("6600000001").interview
    assert interview.external_ids == {"greenhouse": "7100000005"}
    assert interview.name == "Technical Interview"
    assert interview.interviewers.count() == 2  # a scheduled interviewer whose card is a draft


def test_importing_v3_twice_is_all_unchanged(acme: Organization) -> None:
    import_greenhouse_v3(V3, organization=acme)
    report = import_greenhouse_v3(V3, organization=acme)
    assert all(created == updated == 0 for _, created, updated, _, _ in report.summary_rows())
