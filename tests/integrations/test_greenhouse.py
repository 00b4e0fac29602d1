from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from heardback.accounts.models import Invitation, Membership, Organization, User
from heardback.hiring.models import (
    Application,
    Candidate,
    Competency,
    Interview,
    Job,
    RejectionReason,
    Scorecard,
    ScorecardRating,
)
from heardback.integrations.importers import import_greenhouse, import_greenhouse_v3
from tests.integrations.conftest import FIXTURES, invited_as, model_counts, read, write

pytestmark = pytest.mark.django_db
GREENHOUSE = FIXTURES / "greenhouse"


def _application(ext: str) -> Application:
    return Application.objects.get(external_ids__greenhouse=ext)


def _scorecard(ext: str) -> Scorecard:
    return Scorecard.objects.get(external_ids__greenhouse=ext)


def test_a_clean_dump_imports_every_object_it_holds(acme: Organization) -> None:
    report = import_greenhouse(GREENHOUSE, organization=acme)
    assert report.ok and report.committed
    assert Job.objects.filter(organization=acme).count() == 2
    assert Candidate.objects.filter(organization=acme).count() == 7
    assert Application.objects.filter(organization=acme).count() == 5
    assert Scorecard.objects.filter(organization=acme).count() == 5
    assert ScorecardRating.objects.filter(scorecard__organization=acme).count() == 9
    assert report.counts["applications"]["skipped"] == 2  # a prospect, a reasonless rejection
    assert report.counts["scorecards"]["skipped"] == 2  # a draft, one of a skipped application


def test_we_rejected_them_becomes_a_rejection_with_its_date_and_stage(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    application = _application("2200000001")
    assert (application.status, application.decision) == ("rejected", "reject")
    assert application.decided_at.isoformat() == "2026-10-20T16:47:03.218000+00:00"
    assert application.stage.name == "Technical Interview"
    assert application.rejection_reason.category == "skills_gap"


def test_they_rejected_us_becomes_a_withdrawal(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    application = _application("2200000003")
    assert application.status == "withdrawn"
    assert application.rejection_reason.category == "withdrew"


def test_a_rejection_without_a_reason_is_left_out_with_a_warning(acme: Organization) -> None:
    report = import_greenhouse(GREENHOUSE, organization=acme)
    assert not Application.objects.filter(external_ids__greenhouse="2200000007").exists()
    assert any(w.record == "2200000007" for w in report.warnings)


def test_private_notes_stay_private_and_take_aways_are_not_shareable(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    scorecard = _scorecard("6600000001")
    assert scorecard.private_notes == "Asked about salary twice; expects 70k."
    assert "salary" not in scorecard.key_takeaways
    assert scorecard.key_takeaways.startswith("- Solid fundamentals\n- Needs practice with async")
    assert (
        "What did the candidate build last?\nA ROS driver for a lidar." in scorecard.key_takeaways
    )
    assert scorecard.key_takeaways_shareable is False


def test_attribute_notes_are_internal_evidence_stripped_of_html(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    rating = ScorecardRating.objects.get(
        scorecard__external_ids__greenhouse="6600000001", competency__name="Python"
    )
    assert rating.evidence == "Struggled with generators & iterators.\nNeeded two hints to finish."
    assert rating.candidate_comment == ""
    assert rating.evidence_shareable is False


def test_ratings_are_normalized_and_their_raw_values_kept(acme: Organization) -> None:
    report = import_greenhouse(GREENHOUSE, organization=acme)
    strict = _scorecard("6600000002")
    assert (strict.overall_recommendation, strict.overall_recommendation_raw) == (
        "strong_no",
        "definitely_not",
    )
    undecided = ScorecardRating.objects.get(
        scorecard=_scorecard("6600000001"), competency__name="Motion planning"
    )
    assert (undecided.rating, undecided.rating_raw) == ("", "no_decision")
    misspelled = _scorecard("6600000005")
    assert (misspelled.overall_recommendation, misspelled.overall_recommendation_raw) == (
        "strong_yes",
        "stong_yes",
    )
    assert any("stong_yes" in w.message for w in report.warnings)


def test_unknown_competencies_join_the_rubric_for_a_recruiter_to_describe(
    acme: Organization,
) -> None:
    report = import_greenhouse(GREENHOUSE, organization=acme)
    python = Competency.objects.get(job__external_ids__greenhouse="4460000001", name="Python")
    assert python.needs_description and python.descriptors == {} and python.tips == ""
    # "communication" in one scorecard and "Communication" in another are one competency.
    assert Competency.objects.filter(name__iexact="communication").count() == 1
    assert ("Robotics Software Engineer", "Python") in report.new_competencies


def test_a_competency_the_recruiter_already_described_is_reused(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    Competency.objects.filter(name="Python").update(
        description="Idiomatic Python", needs_description=False
    )
    report = import_greenhouse(GREENHOUSE, organization=acme)
    assert Competency.objects.get(name="Python").description == "Idiomatic Python"
    assert report.new_competencies == []


def test_interviewers_are_matched_among_members_or_get_a_placeholder_of_this_org(
    acme: Organization,
) -> None:
    member = User.objects.create_user("priya.raman@fernhill.example", "a-long-password-1")
    Membership.objects.create(organization=acme, user=member, role="recruiter")
    import_greenhouse(GREENHOUSE, organization=acme)
    assert _scorecard("6600000001").interviewer == member
    # Known to the dump by address, not a member: an account of Acme's only, and an invitation.
    marta = _scorecard("6600000004").interviewer
    assert marta.email == f"gh-user-4100000003@org-{acme.pk}.import.invalid"
    assert not marta.has_usable_password()
    invitation = Invitation.objects.get(organization=acme, email="marta.ruiz@fernhill.example")
    assert (invitation.placeholder, invitation.sent_at) == (marta, None)
    placeholder = _scorecard("6600000003").interviewer
    assert placeholder.email == f"gh-user-4100000004@org-{acme.pk}.import.invalid"
    assert placeholder.full_name == "Kofi Mensah"
    roles = dict(Membership.objects.filter(organization=acme).values_list("user__email", "role"))
    assert roles[placeholder.email] == "interviewer"


def test_an_account_elsewhere_is_neither_matched_nor_told_apart(
    acme: Organization, other_org: Organization
) -> None:
    """A dump naming someone with an account (here, in another organization) changes nothing
    of theirs, adds them nowhere, and reports exactly what it reports for a stranger."""
    stranger_report = import_greenhouse(GREENHOUSE, organization=acme, dry_run=True)
    known = User.objects.create_user("priya.raman@fernhill.example", "a-long-password-1")
    Membership.objects.create(organization=other_org, user=known, role="admin")
    before = User.objects.values_list("pk", "email", "full_name", "password").get(pk=known.pk)
    report = import_greenhouse(GREENHOUSE, organization=acme)
    assert report.counts == stranger_report.counts
    assert User.objects.values_list("pk", "email", "full_name", "password").get(pk=known.pk) == (
        before
    )
    assert not Membership.objects.filter(organization=acme, user=known).exists()
    assert _scorecard("6600000001").interviewer != known


def test_a_real_email_on_a_later_import_invites_instead_of_renaming(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    placeholder = _scorecard("6600000003").interviewer
    directory = dump("greenhouse")
    users = read(directory / "users.json")
    users.append(
        {"id": 4100000004, "name": "Kofi Mensah", "primary_email_address": "kofi@fernhill.example"}
    )
    write(directory / "users.json", users)
    report = import_greenhouse(directory, organization=acme)
    placeholder.refresh_from_db()
    assert placeholder.email.endswith(".import.invalid")
    assert _scorecard("6600000003").interviewer == placeholder
    invitation = Invitation.objects.get(organization=acme, email="kofi@fernhill.example")
    assert invitation.placeholder == placeholder
    assert report.counts["invitations"]["created"] == 1


def test_scorecards_share_the_interview_of_their_panel(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    assert _scorecard("6600000001").interview == _scorecard("6600000002").interview
    interview = _scorecard("6600000001").interview
    assert interview.kind == "technical"
    assert {invited_as(u) for u in interview.interviewers.all()} == {
        "priya.raman@fernhill.example",
        "jonas.becker@fernhill.example",
    }


def test_an_all_day_interview_starts_at_midnight_utc(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    interview = Interview.objects.get(external_ids__greenhouse="7100000002")
    assert interview.scheduled_at.isoformat() == "2026-11-30T00:00:00+00:00"


def test_huge_ids_are_stored_as_exact_strings(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    job = Job.objects.get(title="Field Service Technician")
    assert job.external_ids == {"greenhouse": "9007199254740993"}
    assert _application("9007199254740997").candidate.external_ids == {
        "greenhouse": "9007199254740995"
    }


def test_a_french_candidate_keeps_her_accents(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    candidate = Candidate.objects.get(external_ids__greenhouse="3010000001")
    assert (candidate.first_name, candidate.last_name) == ("Élodie", "Lefèvre")
    assert candidate.email == "elodie.lefevre@courriel.example"


def test_a_personal_email_is_preferred_over_a_work_one(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    assert _application("2200000002").candidate.email == "sam.carter@mail.example"


def test_importing_twice_changes_nothing_and_says_so(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    before = model_counts()
    report = import_greenhouse(GREENHOUSE, organization=acme)
    after = model_counts()
    after["accounts.AuditEvent"] -= 1  # each run is audited
    assert after == before
    for name, created, updated, _unchanged, _skipped in report.summary_rows():
        assert (name, created, updated) == (name, 0, 0)


def test_one_changed_field_is_one_update(acme: Organization, dump: Callable[[str], Path]) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    directory = dump("greenhouse")
    scorecards = read(directory / "scorecards.json")
    scorecards[0]["overall_recommendation"] = "yes"
    write(directory / "scorecards.json", scorecards)
    report = import_greenhouse(directory, organization=acme)
    assert report.counts["scorecards"]["updated"] == 1
    assert sum(counts["updated"] for counts in report.counts.values()) == 1
    assert _scorecard("6600000001").overall_recommendation == "yes"


def test_new_take_aways_must_be_reviewed_again(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    Scorecard.objects.filter(external_ids__greenhouse="6600000001").update(
        key_takeaways_shareable=True
    )
    import_greenhouse(GREENHOUSE, organization=acme)
    assert _scorecard("6600000001").key_takeaways_shareable, "unchanged text keeps the review"
    directory = dump("greenhouse")
    scorecards = read(directory / "scorecards.json")
    scorecards[0]["questions"][0]["answer"] = "Rewritten take-aways."
    write(directory / "scorecards.json", scorecards)
    import_greenhouse(directory, organization=acme)
    assert not _scorecard("6600000001").key_takeaways_shareable


def test_a_recruiter_category_survives_a_re_import(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    RejectionReason.objects.filter(name="Hired another candidate").update(category="role_closed")
    import_greenhouse(GREENHOUSE, organization=acme)
    assert RejectionReason.objects.get(name="Hired another candidate").category == "role_closed"


def test_a_reason_map_confirms_a_reason_greenhouse_did_not_type(
    acme: Organization, dump: Callable[[str], Path]
) -> None:
    directory = dump("greenhouse")
    applications = read(directory / "applications.json")
    applications[6]["rejection_reason"] = {
        "id": 5120000004,
        "name": "Other (add notes below)",
        "type": {"id": 13, "name": "None Specified"},
    }
    write(directory / "applications.json", applications)
    assert import_greenhouse(directory, organization=acme).counts["applications"]["skipped"] == 2
    report = import_greenhouse(
        directory, organization=acme, reason_map={"other (add notes below)": "logistics"}
    )
    application = _application("2200000007")
    assert application.status == "rejected"
    assert application.rejection_reason.category == "logistics"
    assert report.counts["applications"]["created"] == 1


def test_a_dry_run_reports_what_would_change_and_saves_nothing(acme: Organization) -> None:
    before = model_counts()
    report = import_greenhouse(GREENHOUSE, organization=acme, dry_run=True)
    assert report.ok and not report.committed
    assert report.counts["applications"]["created"] == 5
    assert model_counts() == before


def test_progress_is_reported_per_phase(acme: Organization) -> None:
    phases: list[str] = []
    import_greenhouse(GREENHOUSE, organization=acme, progress=lambda p, d, t: phases.append(p))
    assert "Reading scorecards.json" in phases and "Writing scorecards" in phases


def test_the_same_people_from_v3_update_what_v1_created(acme: Organization) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    before = Application.objects.count(), Scorecard.objects.count()
    import_greenhouse_v3(FIXTURES / "greenhouse_v3", organization=acme)
    assert _application("2200000001").candidate == Candidate.objects.get(
        external_ids__greenhouse="3010000001"
    )
    # v3 adds one in-process application and one scorecard (and skips a security concern);
    # everything v1 created is updated in place, nothing is doubled.
    assert (Application.objects.count(), Scorecard.objects.count()) == (
        before[0] + 1,
        before[1] + 1,
    )
    assert _application("2200000002").status == "withdrawn"


def test_an_import_into_another_organization_is_separate(
    acme: Organization, other_org: Organization
) -> None:
    import_greenhouse(GREENHOUSE, organization=acme)
    report = import_greenhouse(GREENHOUSE, organization=other_org)
    assert report.counts["applications"]["created"] == 5
    assert Application.objects.filter(organization=other_org).count() == 5
