from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from heardback.accounts.models import Organization
from heardback.hiring.models import Application, Candidate, Scorecard, ScorecardRating
from heardback.integrations.importers import import_lever
from tests.integrations.conftest import FIXTURES, invited_as, read, write

pytestmark = pytest.mark.django_db
LEVER = FIXTURES / "lever"


def _opportunity(n: int) -> Application:
    return Application.objects.get(external_ids__lever=f"0a7e4c1d-2b3c-4d5e-8f9a-00000000000{n}")


def test_archive_reasons_decide_the_outcome(acme: Organization) -> None:
    report = import_lever(LEVER, organization=acme)
    assert report.ok
    outcomes = {
        n: (_opportunity(n).status, _opportunity(n).rejection_reason) for n in range(1, 8) if n != 6
    }
    assert outcomes[1][0] == "rejected" and outcomes[1][1].category == "skills_gap"
    assert outcomes[2][0] == "withdrawn"  # "Withdrew"
    assert outcomes[3][0] == "rejected" and outcomes[3][1].category == "stronger_candidate"
    assert outcomes[4] == ("active", None)
    assert outcomes[5] == ("hired", None)
    assert outcomes[7][0] == "withdrawn"  # "Offer declined"
    assert report.counts["applications"]["skipped"] == 1  # a lead with no posting


def test_a_reason_map_overrides_the_default_categories(
    acme: Organization,
) -> None:
    import_lever(LEVER, organization=acme, reason_map={"position filled": "role_closed"})
    assert _opportunity(3).rejection_reason.category == "role_closed"


def test_the_stage_survives_archiving(acme: Organization) -> None:
    import_lever(LEVER, organization=acme)
    assert _opportunity(1).stage.name == "On-site"
    assert _opportunity(2).stage.name == "New applicant"
    assert _opportunity(3).stage.name == "Phone screen"


def test_one_contact_is_one_candidate_across_opportunities(acme: Organization) -> None:
    import_lever(LEVER, organization=acme)
    assert _opportunity(1).candidate == _opportunity(7).candidate
    candidate = Candidate.objects.get(external_ids__lever="c-0001")
    assert (candidate.first_name, candidate.last_name) == ("Élodie", "Lefèvre")


def test_only_completed_undeleted_feedback_becomes_a_scorecard(acme: Organization) -> None:
    report = import_lever(LEVER, organization=acme)
    assert {s.external_ids["lever"] for s in Scorecard.objects.all()} == {
        "fb-0001",
        "fb-0004",
        "fb-0005",
    }
    assert report.counts["scorecards"]["skipped"] == 2


def test_form_fields_map_to_overall_ratings_and_notes(acme: Organization) -> None:
    import_lever(LEVER, organization=acme)
    scorecard = Scorecard.objects.get(external_ids__lever="fb-0001")
    assert (scorecard.overall_recommendation, scorecard.overall_recommendation_raw) == (
        "no",
        "2 - No Hire",
    )
    ratings = {
        r.competency.name: (r.rating, r.rating_raw, r.evidence)
        for r in ScorecardRating.objects.filter(scorecard=scorecard).select_related("competency")
    }
    assert ratings == {
        "Python": ("no", "2", "Struggled with generators & iterators."),
        "ROS": ("yes", "3", ""),
        "Communication": ("strong_yes", "4", ""),
        "Teamwork": ("", "0", ""),
    }
    assert scorecard.private_notes == "Expects 70k; mentioned a competing offer."
    assert "Expects" not in scorecard.key_takeaways
    assert "Summary\nGood fundamentals.\nNeeds practice with async code." in scorecard.key_takeaways
    assert "Available from\n2027-01-04" in scorecard.key_takeaways


def test_a_relabelled_or_score_typed_overall_is_still_the_overall(acme: Organization) -> None:
    import_lever(LEVER, organization=acme)
    assert (
        Scorecard.objects.get(external_ids__lever="fb-0004").overall_recommendation == "strong_yes"
    )
    assert Scorecard.objects.get(external_ids__lever="fb-0005").overall_recommendation == "yes"


def test_interviewers_come_from_users_expanded_objects_or_placeholders(acme: Organization) -> None:
    import_lever(LEVER, organization=acme)
    emails = {
        s.external_ids["lever"]: invited_as(s.interviewer)
        for s in Scorecard.objects.select_related("interviewer")
    }
    assert emails == {
        "fb-0001": "priya.raman@fernhill.example",
        "fb-0004": "marta.ruiz@fernhill.example",
        "fb-0005": f"lever-user-u-kofi@org-{acme.pk}.import.invalid",
    }
    panel = Scorecard.objects.get(external_ids__lever="fb-0001").interview
    assert panel.name == "On-site: Élodie Lefèvre"
    assert panel.interviewers.count() == 2


def test_importing_lever_twice_is_all_unchanged(acme: Organization) -> None:
    import_lever(LEVER, organization=acme)
    report = import_lever(LEVER, organization=acme)
    assert all(created == updated == 0 for _, created, updated, _, _ in report.summary_rows())


def test_feedback_in_the_api_envelope_is_accepted(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    directory = dump("lever")
    feedback = read(directory / "feedback.json")
    write(
        directory / "feedback.json", {k: {"data": v, "hasNext": False} for k, v in feedback.items()}
    )
    assert import_lever(directory, organization=acme).counts["scorecards"]["created"] == 3
