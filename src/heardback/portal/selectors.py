"""Portal reads: a candidate's page, the recruiters' queue, analytics, the data export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import nh3
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from heardback.accounts.models import Organization, User
from heardback.accounts.roles import Capability, member_who_can
from heardback.closure.selectors import expected_date_for
from heardback.core import links
from heardback.feedback.models import FeedbackNote
from heardback.hiring.models import Application, Candidate, Interview, Job, PipelineStage
from heardback.portal.models import (
    CandidateLink,
    Consent,
    ErasureRequest,
    FeedbackRating,
    PortalQuestion,
    SurveyResponse,
)
from heardback.portal.texts import language_or_default, texts_for

# --- The candidate's page -----------------------------------------------------------------


@dataclass(frozen=True)
class NextStep:
    """What comes next for the candidate: a portal/texts.py key and, when known, a date."""

    key: str
    expected_date: date | None = None
    at: datetime | None = None  # the planned interview, when that is the next step


def next_step_for(application: Application, *, note: FeedbackNote | None = None) -> NextStep:
    """The candidate's next step, from the application's status and interviews.

    The date they will hear by comes from the closure clock (heardback.closure), which knows
    the organization's deadlines and any date promised in a holding update.
    """
    status = Application.Status
    if application.status == status.HIRED:
        return NextStep("next_hired")
    if application.status == status.WITHDRAWN:
        return NextStep("next_withdrawn")
    if application.status == status.REJECTED:
        if note is None:
            note = delivered_note(application=application)
        if note is not None:
            return NextStep("next_feedback_sent")
        return NextStep("next_feedback_coming", expected_date_for(application))
    now = timezone.now()
    interviews = [i for i in application.interviews.all() if i.scheduled_at is not None]
    upcoming = sorted((i for i in interviews if i.scheduled_at > now), key=_when)  # type: ignore[operator]
    if upcoming:
        return NextStep("next_interview_scheduled", at=upcoming[0].scheduled_at)
    expected = expected_date_for(application)
    if application.decision == Application.Decision.ADVANCE:
        return NextStep("next_advanced", expected)
    if interviews:
        return NextStep("next_decision_pending", expected)
    return NextStep("next_under_review", expected)


def _when(interview: Interview) -> datetime:
    assert interview.scheduled_at is not None
    return interview.scheduled_at


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    key: str  # portal/texts.py key of the event
    label: str = ""
    people: tuple[str, ...] = ()


@dataclass
class PortalPage:
    """Everything one application's page shows, and nothing about anyone else."""

    link: CandidateLink
    application: Application
    organization: Organization
    job: Job
    candidate: Candidate
    recruiter: User | None
    status_key: str
    next_step: NextStep
    timeline: list[TimelineEntry]
    stages: list[tuple[PipelineStage, bool]]  # (stage reached, is it the current one)
    note: FeedbackNote | None
    note_html: str
    rating: FeedbackRating | None
    survey: SurveyResponse | None
    questions: list[PortalQuestion]
    consents: list[tuple[str, Consent | None]]
    erasure_request: ErasureRequest | None
    interviewer_names: list[str] = field(default_factory=list)


def delivered_note(*, application: Application) -> FeedbackNote | None:
    """The newest version of the application's feedback that reached the candidate."""
    # Delivered feedback stays on the page even if a recruiter later starts a new version.
    return (
        FeedbackNote.objects.filter(application=application, status=FeedbackNote.Status.SENT)
        .order_by("-version")
        .first()
    )


def consent_current(
    *, candidate: Candidate, kind: str, now: datetime | None = None
) -> Consent | None:
    """The candidate's live (granted, not withdrawn, not expired) consent of this kind."""
    return (
        Consent.objects.filter(
            candidate=candidate,
            kind=kind,
            withdrawn_at__isnull=True,
            expires_at__gt=now or timezone.now(),
        )
        .order_by("-granted_at", "-id")
        .first()
    )


def portal_page(*, link: CandidateLink, url: str) -> PortalPage:
    """The page of the link's application; `url` is the link itself, for the note's links."""
    application = (
        Application.objects.select_related("organization", "candidate", "job__recruiter", "stage")
        .prefetch_related("interviews__interviewers")
        .get(pk=link.application_id)
    )
    organization, candidate = application.organization, application.candidate
    note = delivered_note(application=application)
    show_names = organization.show_interviewer_first_names
    now = timezone.now()
    timeline = [TimelineEntry(application.applied_at, "event_applied")]
    names: list[str] = []
    for interview in application.interviews.all():
        if interview.scheduled_at is None:
            continue
        people = tuple(u.first_name for u in interview.interviewers.all()) if show_names else ()
        names.extend(n for n in people if n not in names)
        key = "event_interview_done" if interview.scheduled_at <= now else "event_interview_planned"
        timeline.append(TimelineEntry(interview.scheduled_at, key, interview.name, people))
    decided = application.status in {Application.Status.REJECTED, Application.Status.HIRED}
    if decided and application.decided_at:
        timeline.append(TimelineEntry(application.decided_at, "event_decision"))
    if note is not None and note.sent_at:
        timeline.append(TimelineEntry(note.sent_at, "event_feedback_sent"))
    timeline.sort(key=lambda entry: entry.at)
    return PortalPage(
        link=link,
        application=application,
        organization=organization,
        job=application.job,
        candidate=candidate,
        recruiter=application.job.recruiter,
        status_key=f"status_{application.status}",
        next_step=next_step_for(application, note=note),
        timeline=timeline,
        stages=_stages_reached(application),
        note=note,
        note_html=_note_html(note, url) if note else "",
        rating=FeedbackRating.objects.filter(application=application).first(),
        survey=SurveyResponse.objects.filter(application=application).first(),
        questions=list(PortalQuestion.objects.filter(application=application)),
        consents=[
            (kind, consent_current(candidate=candidate, kind=kind, now=now))
            for kind in Consent.Kind.values
        ],
        erasure_request=ErasureRequest.objects.filter(
            candidate=candidate, completed_at__isnull=True
        ).first(),
        interviewer_names=names,
    )


def _stages_reached(application: Application) -> list[tuple[PipelineStage, bool]]:
    if application.stage is None:
        return []
    reached = PipelineStage.objects.filter(
        job_id=application.job_id, position__lte=application.stage.position
    ).order_by("position", "id")
    return [(stage, stage.pk == application.stage_id) for stage in reached]


def _note_html(note: FeedbackNote, url: str) -> str:
    # The engine escapes what it writes; cleaning again keeps a hand-edited or imported note
    # from ever carrying markup the page would run.
    return links.portal_links_replace(nh3.clean(note.html), url)


# --- The recruiters' queue ----------------------------------------------------------------


def _deciders(user: User) -> Q:
    return member_who_can(user, Capability.SEND_NOTES)


def portal_questions(*, organization: Organization, answered: bool) -> QuerySet[PortalQuestion]:
    """The organization's open questions (oldest first) or answered ones (newest first)."""
    questions = PortalQuestion.objects.filter(
        organization=organization, answered_at__isnull=not answered
    ).select_related("application__candidate", "application__job__recruiter", "answered_by")
    return questions.order_by("-answered_at", "-id") if answered else questions.order_by("id")


def portal_question_get_for_user(*, user: User, pk: int | str) -> PortalQuestion:
    """A question of an organization where the user decides (recruiter, manager, admin), or 404."""
    try:
        return (
            PortalQuestion.objects.select_related("application__candidate", "organization")
            .filter(_deciders(user))
            .get(pk=pk)
        )
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def erasure_requests_open(*, organization: Organization) -> QuerySet[ErasureRequest]:
    """The organization's erasure requests waiting for a recruiter, oldest first."""
    return (
        ErasureRequest.objects.filter(organization=organization, completed_at__isnull=True)
        .select_related("candidate")
        .order_by("requested_at", "id")
    )


def erasure_request_get_for_user(*, user: User, pk: int | str) -> ErasureRequest:
    """An erasure request of an organization where the user decides, or 404."""
    try:
        return (
            ErasureRequest.objects.select_related("candidate", "organization")
            .filter(_deciders(user))
            .get(pk=pk)
        )
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- Analytics ----------------------------------------------------------------------------


def _mean(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)


def portal_feedback_summary(organization: Organization) -> dict[str, Any]:
    """Counts and means of feedback ratings, survey scores, questions and live consents."""
    ratings = FeedbackRating.objects.filter(organization=organization)
    rated = ratings.aggregate(count=Count("id"), mean=Avg("score"))
    by_score = dict(ratings.values_list("score").annotate(n=Count("id")).values_list("score", "n"))
    survey = SurveyResponse.objects.filter(organization=organization).aggregate(
        count=Count("id"), **{q: Avg(q) for q in SurveyResponse.QUESTIONS}
    )
    questions = PortalQuestion.objects.filter(organization=organization).aggregate(
        asked=Count("id"), answered=Count("id", filter=Q(answered_at__isnull=False))
    )
    live = Consent.objects.filter(
        organization=organization, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
    )
    consents = dict(live.values_list("kind").annotate(n=Count("id")).values_list("kind", "n"))
    return {
        "feedback_ratings": {
            "count": rated["count"],
            "mean": _mean(rated["mean"]),
            "distribution": {score: by_score.get(score, 0) for score in range(1, 6)},
        },
        "survey": {
            "count": survey["count"],
            "means": {q: _mean(survey[q]) for q in SurveyResponse.QUESTIONS},
        },
        "questions": {"asked": questions["asked"], "answered": questions["answered"]},
        "consents": {kind: consents.get(kind, 0) for kind in Consent.Kind.values},
    }


# --- The candidate's data -----------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def candidate_data_export(*, candidate: Candidate, urls: Mapping[int, str]) -> dict[str, Any]:
    """What we keep about the candidate, for them: never evidence, private notes or colleagues.

    `urls` holds each application's portal link (services.candidate_link_urls): the notes
    carry it where their emails did, not the placeholder.
    """
    applications = (
        Application.objects.filter(candidate=candidate)
        .select_related("job", "stage", "organization")
        .prefetch_related("interviews")
        .order_by("applied_at", "id")
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "organization": candidate.organization.name,
        "candidate": {
            "first_name": candidate.first_name,
            "last_name": candidate.last_name,
            "email": candidate.email,
            "phone": candidate.phone,
            "language": candidate.language,
            "resume_text": candidate.resume_text,
            "created_at": _iso(candidate.created_at),
        },
        "applications": [_application_export(a, urls[a.pk]) for a in applications],
        "consents": [
            {
                "kind": c.kind,
                "granted_at": _iso(c.granted_at),
                "expires_at": _iso(c.expires_at),
                "withdrawn_at": _iso(c.withdrawn_at),
            }
            for c in Consent.objects.filter(candidate=candidate).order_by("granted_at", "id")
        ],
        "erasure_requests": [
            {"requested_at": _iso(r.requested_at), "completed_at": _iso(r.completed_at)}
            for r in ErasureRequest.objects.filter(candidate=candidate)
        ],
    }


def _application_export(application: Application, url: str) -> dict[str, Any]:
    rating = FeedbackRating.objects.filter(application=application).first()
    survey = SurveyResponse.objects.filter(application=application).first()
    notes = FeedbackNote.objects.filter(
        application=application, status=FeedbackNote.Status.SENT
    ).order_by("version")
    return {
        "job": application.job.title,
        "portal_link": url,
        "applied_at": _iso(application.applied_at),
        "status": application.status,
        "stage": application.stage.name if application.stage else None,
        "decided_at": _iso(application.decided_at),
        "interviews": [
            {"name": i.name, "kind": i.kind, "scheduled_at": _iso(i.scheduled_at)}
            for i in application.interviews.all()
        ],
        "feedback": [
            {
                "subject": n.subject,
                "text": links.portal_links_replace(n.text, url),
                "language": n.language,
                "sent_at": _iso(n.sent_at),
            }
            for n in notes
        ],
        "questions": [
            {
                "asked_at": _iso(q.created_at),
                "question": q.body,
                "answered_at": _iso(q.answered_at),
                "answer": q.answer,
            }
            for q in PortalQuestion.objects.filter(application=application)
        ],
        "feedback_rating": (
            {"score": rating.score, "comment": rating.comment, "at": _iso(rating.created_at)}
            if rating
            else None
        ),
        "survey": (
            {q: getattr(survey, q) for q in SurveyResponse.QUESTIONS}
            | {"at": _iso(survey.created_at)}
            if survey
            else None
        ),
    }


# --- The application's status feed --------------------------------------------------------


def portal_feed(*, link: CandidateLink) -> dict[str, Any]:
    """What the read-only status feed says: status, next step and its dates, interviews, the
    feedback once sent. Nothing that opens the page: the note's links point to /p/."""
    application = (
        Application.objects.select_related("organization", "candidate", "job")
        .prefetch_related("interviews")
        .get(pk=link.application_id)
    )
    language = language_or_default(application.candidate.language)
    t = texts_for(language)
    note = delivered_note(application=application)
    step = next_step_for(application, note=note)
    reissue = f"{settings.HEARDBACK_BASE_URL}/p/"
    interviews = sorted(
        (i for i in application.interviews.all() if i.scheduled_at is not None),
        key=_when,
    )
    return {
        "version": 1,
        "organization": application.organization.name,
        "job": application.job.title,
        "language": language,
        "status": application.status,
        "status_text": t[f"status_{application.status}"],
        "next_step": {
            "key": step.key,
            "text": t[step.key],
            "expected_date": step.expected_date.isoformat() if step.expected_date else None,
            "at": _iso(step.at),
        },
        "decided_at": _iso(application.decided_at),
        "interviews": [
            {
                "id": interview.pk,
                "name": interview.name,
                "kind": interview.kind,
                "scheduled_at": _iso(interview.scheduled_at),
            }
            for interview in interviews
        ],
        "feedback": (
            {
                "subject": note.subject,
                "text": links.portal_links_replace(note.text, reissue),
                "sent_at": _iso(note.sent_at),
            }
            if note is not None
            else None
        ),
    }
