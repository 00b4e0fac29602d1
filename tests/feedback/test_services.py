from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.accounts.services import organization_create
from heardback.feedback import engine, services
from heardback.feedback.engine import guard
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, RejectionReason, ScorecardRating
from tests import factories
from tests.feedback.conftest import rejected_application

pytestmark = pytest.mark.django_db


def test_bulk_drafting_writes_one_personal_note_per_rejected_or_withdrawn_application(
    org: Organization,
) -> None:
    first = rejected_application(org, first_name="Priya")
    second = rejected_application(org, first_name="Chiamaka", comment="")
    factories.ApplicationFactory(organization=org)  # still active: no note

    summary = services.feedback_notes_draft_bulk(actor=None, organization=org)

    assert summary.drafted == 2
    notes = {n.application_id: n for n in FeedbackNote.objects.all()}
    assert "Priya" in notes[first.pk].text and "Chiamaka" in notes[second.pk].text
    assert "Senior Backend Engineer" in notes[first.pk].subject
    assert notes[first.pk].text != notes[second.pk].text.replace("Chiamaka", "Priya")


def test_internal_evidence_and_private_notes_never_reach_a_note(org: Organization) -> None:
    rejected_application(org)
    services.feedback_notes_draft_bulk(actor=None, organization=org)
    note = FeedbackNote.objects.get()
    for marker in ("INTERNAL-EVIDENCE-MARKER", "PRIVATE-NOTE-MARKER"):
        assert marker not in note.text and marker not in note.html


def test_every_sentence_of_a_drafted_note_has_its_sources(org: Organization) -> None:
    application = rejected_application(org)
    note = services.feedback_note_draft(actor=None, application=application)
    cited = {src["ref"] for s in note.provenance for src in s["sources"]}
    assert any(ref.startswith("scorecard:") for ref in cited)
    assert "reason:skills_gap" in cited or any(r.startswith("reason") for r in cited)
    # Each source is stored with every field the engine gives it, no more and no fewer (as a
    # set: PostgreSQL's jsonb keeps keys in its own order).
    fields = sorted(f.name for f in dataclasses.fields(engine.Source))
    assert all(sorted(src) == fields for s in note.provenance for src in s["sources"])


def test_drafting_again_skips_applications_that_have_a_note(org: Organization) -> None:
    rejected_application(org)
    services.feedback_notes_draft_bulk(actor=None, organization=org)
    assert services.feedback_notes_draft_bulk(actor=None, organization=org).drafted == 0
    assert FeedbackNote.objects.count() == 1


def test_redrafting_replaces_drafts_but_never_an_approved_note(org: Organization) -> None:
    kept = rejected_application(org, first_name="Ana")
    redrafted = rejected_application(org, first_name="Bo")
    services.feedback_notes_draft_bulk(actor=None, organization=org)
    approved = FeedbackNote.objects.get(application=kept)
    services.feedback_note_approve(actor=None, note=approved)

    summary = services.feedback_notes_draft_bulk(actor=None, organization=org, redraft=True)

    assert (summary.drafted, summary.skipped) == (1, 1)
    assert FeedbackNote.objects.get(application=kept, is_current=True).pk == approved.pk
    versions = FeedbackNote.objects.filter(application=redrafted).order_by("version")
    assert [(n.version, n.is_current) for n in versions] == [(1, False), (2, True)]


def test_bulk_drafting_reads_in_bulk(
    org: Organization, django_assert_max_num_queries: object
) -> None:
    for i in range(12):
        rejected_application(org, first_name=f"Candidate{i}")
    with django_assert_max_num_queries(20):  # type: ignore[operator]
        assert services.feedback_notes_draft_bulk(actor=None, organization=org).drafted == 12


def test_an_active_application_gets_no_note(org: Organization) -> None:
    application = factories.ApplicationFactory(organization=org)
    with pytest.raises(ValidationError, match="rejected or withdrawn"):
        services.feedback_note_draft(actor=None, application=application)


def test_a_recruiters_edit_is_a_new_version_checked_again(
    org: Organization, recruiter: User
) -> None:
    note = services.feedback_note_draft(actor=None, application=rejected_application(org))
    edited = services.feedback_note_edit(
        actor=recruiter,
        note=note,
        subject=note.subject,
        text=note.text + "\n\nBetween us, we worried you are pregnant.",
    )
    note.refresh_from_db()
    assert (edited.version, edited.is_current, note.is_current) == (2, True, False)
    assert edited.author == recruiter
    assert edited.guard_verdict == "block"
    assert any(f["category"] == "family" for f in edited.guard_findings)


def test_an_edit_that_keeps_the_engines_sentences_draws_no_new_finding(db: None) -> None:
    # The learned second opinion reads what people write; on the engine's own sentences it would
    # warn on most notes ("On your application page, you can agree to be suggested…"), so a
    # recruiter who only fixes a typo would find their note flagged.
    from heardback.demo.services import demo_create

    organization = demo_create(seed=1, size="small", password="x").organization
    services.feedback_notes_draft_bulk(actor=None, organization=organization)
    recruiter = User.objects.get(email="recruiter@demo.example")
    notes = FeedbackNote.objects.filter(
        organization=organization, is_current=True, guard_verdict="ok"
    ).order_by("pk")[:40]
    for note in notes:
        edited = services.feedback_note_edit(
            actor=recruiter, note=note, subject=note.subject, text=note.text
        )
        assert edited.guard_verdict == "ok", (note.pk, edited.guard_findings)


def test_an_edit_reads_a_wrapped_line_as_the_same_sentence(
    org: Organization, recruiter: User
) -> None:
    # The engine's text wraps bullets at 72 columns; a line that then opens on "short, …" is
    # not a sentence about someone's height (the draft was checked that way too).
    note = services.feedback_note_draft(actor=None, application=rejected_application(org))
    tip = (
        "\n\n- Testing: Kent Beck's Test-Driven Development: By Example is a\n"
        "  short, hands-on introduction."
    )
    assert engine.unwrapped(tip).count("\n") == 2 and len(engine.unwrapped(tip)) == len(tip)
    edited = services.feedback_note_edit(
        actor=recruiter, note=note, subject=note.subject, text=note.text + tip
    )
    assert edited.guard_verdict == note.guard_verdict, edited.guard_findings


def test_a_blocked_note_cannot_be_approved(org: Organization, recruiter: User) -> None:
    note = services.feedback_note_draft(actor=None, application=rejected_application(org))
    edited = services.feedback_note_edit(
        actor=recruiter, note=note, subject=note.subject, text="Dear Priya, you are too old for us."
    )
    with pytest.raises(ValidationError, match="Blocked by the safe-feedback guard"):
        services.feedback_note_approve(actor=recruiter, note=edited)
    edited.refresh_from_db()
    assert edited.status == "draft"


def test_a_note_with_warnings_needs_an_acknowledgement(org: Organization, recruiter: User) -> None:
    note = services.feedback_note_draft(actor=None, application=rejected_application(org))
    note.guard_verdict = "warn"
    note.save()
    with pytest.raises(ValidationError, match="acknowledge"):
        services.feedback_note_approve(actor=recruiter, note=note)
    approved = services.feedback_note_approve(actor=recruiter, note=note, acknowledge_warnings=True)
    assert approved.status == "approved" and approved.warnings_acknowledged


def test_approve_all_clean_leaves_blocked_and_warned_drafts(org: Organization) -> None:
    for name in ("Ana", "Bo", "Cy"):
        rejected_application(org, first_name=name)
    services.feedback_notes_draft_bulk(actor=None, organization=org)
    FeedbackNote.objects.filter(application__candidate__first_name="Bo").update(
        guard_verdict="warn"
    )
    assert services.feedback_notes_approve_clean(actor=None, organization=org) == 2
    assert FeedbackNote.objects.get(application__candidate__first_name="Bo").status == "draft"


def test_an_old_version_cannot_be_approved(org: Organization, recruiter: User) -> None:
    note = services.feedback_note_draft(actor=None, application=rejected_application(org))
    services.feedback_note_edit(
        actor=recruiter, note=note, subject="Hello", text="Dear Priya, thanks."
    )
    with pytest.raises(ValidationError, match="old version"):
        services.feedback_note_approve(actor=recruiter, note=note)


def test_withdrawn_candidates_get_a_short_courteous_close(org: Organization) -> None:
    application = rejected_application(org, category="withdrew")
    Application.objects.filter(pk=application.pk).update(status="withdrawn", decision="pending")
    application.refresh_from_db()
    note = services.feedback_note_draft(actor=None, application=application)
    assert "Distributed systems" not in note.text
    assert note.quality["word_count"] < 120


def test_the_database_refuses_to_advance_a_blocked_note(org: Organization) -> None:
    from django.db import IntegrityError, transaction

    note = services.feedback_note_draft(actor=None, application=rejected_application(org))
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackNote.objects.filter(pk=note.pk).update(guard_verdict="block", status="approved")


def test_parse_when_reads_the_organizations_zone(org: Organization) -> None:
    org.time_zone = "Europe/Paris"
    when = services.parse_when("2030-01-15T09:00", org)
    assert when is not None and when.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]
    assert services.parse_when("now", org) is None
    with pytest.raises(ValidationError, match="Cannot read"):
        services.parse_when("next tuesday", org)
    with pytest.raises(ValidationError, match="past"):
        services.parse_when("2001-01-01T09:00", org)


def test_a_new_organizations_skills_reason_names_the_gap_the_scorecards_show() -> None:
    """The default interview-stage skills reason has no stock sentence: the note's reason is the
    skill furthest below the bar, in the candidate's note, not "some of its core skills"."""
    organization = organization_create(actor=None, slug="fresh", name="Fresh")
    application = rejected_application(organization)
    application.rejection_reason = RejectionReason.objects.get(
        organization=organization, name="Skills below the level the role needs"
    )
    application.save()
    note = services.feedback_note_draft(actor=None, application=application)
    reason = " ".join(p["text"] for p in note.provenance if p["section"] == "reason")
    assert "Distributed systems design" in reason
    assert "core skills" not in note.text


def test_a_runs_comment_checks_find_what_the_guard_finds_however_often_asked() -> None:
    names = ("Ana Lima", "Bo Chen")  # the job's candidates, the reader among them
    checks = services.CommentChecks()
    comments = [
        "Explained the trade-offs of the cache clearly.",  # clean
        "Stronger than Bo Chen on the design exercise.",  # names another candidate
        "Ana Lima explained the trade-offs clearly.",  # names only the reader
        "She seems too old for a startup.",  # a remark on age
    ]
    verdicts = set()
    for own in (("Ana Lima", "Ana", "Lima"), ("Bo Chen", "Bo", "Chen")):
        for text in comments * 2:  # the second time from what the run remembers
            expected = guard.check(text, context="note", other_names=names, own_names=own)
            got = checks(text, context="note", other_names=names, own_names=own)
            assert got == expected
            verdicts.add((text, bool(expected)))
    # Some comments are flagged, others clean, and one flips with whose note it is.
    assert (comments[0], False) in verdicts and (comments[3], True) in verdicts
    assert {(comments[1], True), (comments[1], False)} <= verdicts


def test_bulk_drafting_stores_each_note_as_the_engine_writes_it_alone(db: None) -> None:
    # Bulk drafting reads a run's inputs once, remembers which comments are clean and writes
    # rows without model instances: none of it may change a field of any note.
    from heardback.demo.services import demo_create
    from heardback.feedback.inputs import applications_for_notes, note_inputs
    from heardback.feedback.review import ScorecardScreen, review_reasons

    organization = demo_create(seed=1, size="small", password="x").organization
    other = Application.objects.filter(organization=organization).select_related("candidate")[0]
    risky = [
        "She seems too old for a startup.",
        f"Clearer than {other.candidate.first_name} {other.candidate.last_name} on caching.",
        "Explained the trade-offs of the cache clearly, like a true team player.",
    ]
    comments = ScorecardRating.objects.filter(
        scorecard__application__organization=organization,
        scorecard__application__status="rejected",
        rating__in=["yes", "strong_yes"],
    ).exclude(candidate_comment="")
    for i, pk in enumerate(comments.order_by("pk").values_list("pk", flat=True)[:120]):
        ScorecardRating.objects.filter(pk=pk).update(candidate_comment=risky[i % len(risky)])
    services.feedback_notes_draft_bulk(actor=None, organization=organization, redraft=True)
    stored = {
        row["application_id"]: row
        for row in FeedbackNote.objects.filter(
            organization=organization, is_current=True, status="draft", author=None
        ).values()
    }
    applications = applications_for_notes(sorted(stored))
    assert len(applications) > 150
    verdicts, dropped = set(), 0
    for note_input in note_inputs(organization, applications):
        fields = services._note_fields(engine.compose(note_input))  # the plain guard
        fields["review_reasons"] = review_reasons(
            fields["quality"],  # type: ignore[arg-type]
            note_input,
            ScorecardScreen(),
        )
        expected = json.loads(json.dumps(fields))  # tuples as the database gives them back
        row = stored[note_input.application_id]
        assert {name: row[name] for name in expected} == expected, note_input.application_id
        verdicts.add((row["guard_verdict"], bool(row["review_reasons"])))
        dropped += row["quality"]["dropped_comments"]
    assert ("ok", True) in verdicts and ("ok", False) in verdicts and dropped > 10


def test_notes_inserted_in_bulk_are_the_rows_bulk_create_would_write(
    org: Organization,
) -> None:
    applications = [rejected_application(org, first_name=name) for name in ("Ana", "Bo")]
    values: dict[str, object] = {
        "organization_id": org.pk,
        "language": "fr",
        "subject": "Votre candidature",
        "text": "Bonjour Ana,\n\n- un point",
        "html": "<p>Bonjour Ana,</p>",
        "provenance": [{"text": "Bonjour Ana,", "section": "greeting", "sources": []}],
        "quality": {"word_count": 3, "contradictions": ["é"]},
        "guard_findings": [{"start": 0, "end": 3, "rule": "x", "matched": "Bon"}],
        "guard_verdict": "warn",
        "review_reasons": ["contradiction"],
    }
    services._insert_notes([{**values, "application_id": applications[0].pk}])
    FeedbackNote.objects.bulk_create(
        [FeedbackNote(**values, application_id=applications[1].pk)]  # type: ignore[misc]
    )

    inserted, created = (
        FeedbackNote.objects.filter(application=a).values().get() for a in applications
    )
    for row in (inserted, created):
        del row["id"], row["application_id"]
        assert abs(row.pop("created_at") - timezone.now()) < dt.timedelta(minutes=1)
    assert inserted == created
    with pytest.raises(TypeError, match="no field colour"):
        services._insert_notes([{**values, "colour": "blue"}])


def test_bulk_drafting_leaves_the_garbage_collector_as_it_found_it(
    org: Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    rejected_application(org)
    assert gc.isenabled()
    services.feedback_notes_draft_bulk(actor=None, organization=org)
    assert gc.isenabled()
    gc.disable()
    try:
        services.feedback_notes_draft_bulk(actor=None, organization=org, redraft=True)
        assert not gc.isenabled()
    finally:
        gc.enable()

    def fail(**kwargs: object) -> None:
        assert not gc.isenabled()  # paused while a chunk is drafted
        raise RuntimeError("database gone")

    monkeypatch.setattr(services, "_draft_chunk", fail)
    with pytest.raises(RuntimeError):
        services.feedback_notes_draft_bulk(actor=None, organization=org, redraft=True)
    assert gc.isenabled()
