"""Hiring state changes: decisions and scorecards."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import Membership, Organization, User
from heardback.accounts.roles import Capability
from heardback.accounts.selectors import user_can
from heardback.accounts.services import audit
from heardback.feedback.engine.guard import Finding
from heardback.hiring import candidate_safety, screening
from heardback.hiring.models import (
    Application,
    AttributeRating,
    Candidate,
    Competency,
    Interview,
    Job,
    OverallRecommendation,
    PipelineStage,
    RejectionReason,
    Scorecard,
    ScorecardRating,
)
from heardback.hiring.selectors import candidate_find_by_email


def _require_decider(*, actor: User, application: Application) -> None:
    if not user_can(
        user=actor, organization=application.organization, capability=Capability.DECIDE_REJECTIONS
    ):
        raise PermissionDenied("Only recruiters, hiring managers and admins record decisions.")


def _require_open(application: Application) -> None:
    if application.status != Application.Status.ACTIVE:
        raise ValidationError(
            _("This application is already %(status)s.")
            % {"status": application.get_status_display().lower()}
        )


@transaction.atomic
def application_advance(
    *, actor: User, application: Application, stage: PipelineStage
) -> Application:
    """Move an active application to a later stage of its job."""
    _require_decider(actor=actor, application=application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    _require_open(application)
    if stage.job_id != application.job_id:
        raise ValidationError(_("That stage belongs to another job."))
    if application.stage is not None and stage.position <= application.stage.position:
        # The pipeline only moves forward: a step back would undo what the closure clock and
        # the candidate's page already said.
        raise ValidationError(_("Choose a later stage of this application's job."))
    previous = application.stage.name if application.stage else ""
    application.stage = stage
    application.decision = Application.Decision.ADVANCE
    application.last_activity_at = application.stage_entered_at = timezone.now()
    application.save(update_fields=["stage", "decision", "last_activity_at", "stage_entered_at"])
    audit(
        organization=application.organization, actor=actor, action="application.advance",
        obj=application, from_stage=previous, to_stage=stage.name,
    )  # fmt: skip
    return application


@transaction.atomic
def application_reject(
    *, actor: User, application: Application, reason: RejectionReason
) -> Application:
    """Reject an active application with a structured reason; a feedback note is then owed."""
    _require_decider(actor=actor, application=application)
    application = Application.objects.select_for_update().get(pk=application.pk)
    _require_open(application)
    if reason.organization_id != application.organization_id:
        raise ValidationError(_("Unknown rejection reason."))
    withdrew = reason.category == RejectionReason.Category.WITHDREW
    now = timezone.now()
    application.status = Application.Status.WITHDRAWN if withdrew else Application.Status.REJECTED
    application.decision = Application.Decision.PENDING if withdrew else Application.Decision.REJECT
    application.rejection_reason = reason
    application.decided_at = now
    application.decided_by = actor
    application.last_activity_at = now
    application.save()
    audit(
        organization=application.organization, actor=actor, action="application.reject",
        obj=application, reason=reason.name, category=reason.category,
    )  # fmt: skip
    return application


@dataclass(frozen=True)
class RatingInput:
    rating: str  # "" = no decision
    evidence: str = ""
    candidate_comment: str = ""


@transaction.atomic
def scorecard_save(
    *,
    actor: User | None,
    scorecard: Scorecard,
    overall: str,
    ratings: Mapping[int, RatingInput],
    key_takeaways: str = "",
    private_notes: str = "",
    submit: bool = False,
    on_behalf_of_interviewer: bool = False,
) -> Scorecard:
    """Save a scorecard as a draft, or submit it (then it is final).

    In the web app `actor` is the interviewer, who alone fills their scorecard. A tool (an
    API key) fills it `on_behalf_of_interviewer`: `actor` is then the key's person (None for
    an operator's key), whom the audit log names as the actor, with the interviewer beside.
    """
    scorecard = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    if not on_behalf_of_interviewer and (actor is None or scorecard.interviewer_id != actor.pk):
        raise PermissionDenied("Only the interviewer can fill this scorecard.")
    if scorecard.submitted_at is not None:
        raise ValidationError(_("This scorecard was already submitted."))
    if overall not in OverallRecommendation.values:
        raise ValidationError({"overall": _("Choose an overall recommendation.")})
    competencies = {c.pk: c for c in scorecard.application.job.competencies.all()}
    errors: dict[str, str | ValidationError] = {}
    for competency_id, value in ratings.items():
        if competency_id not in competencies:
            errors[f"competency_{competency_id}"] = _("Not part of this job's rubric.")
        elif value.rating not in ["", *AttributeRating.values]:
            errors[f"competency_{competency_id}"] = _("Unknown rating.")
    if submit and overall == OverallRecommendation.NO_DECISION:
        errors["overall"] = _("Choose an overall recommendation before submitting.")
    if submit and not any(value.rating for value in ratings.values()):
        errors["ratings"] = _("Rate at least one competency before submitting.")
    if submit:
        errors.update(_comments_blocked_by_the_guard(scorecard, ratings, competencies))
    if errors:
        raise ValidationError(errors)
    for competency_id, value in ratings.items():
        ScorecardRating.objects.update_or_create(
            scorecard=scorecard,
            competency_id=competency_id,
            defaults={
                "rating": value.rating,
                "rating_raw": value.rating,
                "evidence": value.evidence.strip(),
                "candidate_comment": value.candidate_comment.strip(),
            },
        )
    scorecard.overall_recommendation = overall
    scorecard.overall_recommendation_raw = overall
    scorecard.key_takeaways = key_takeaways.strip()
    scorecard.private_notes = private_notes.strip()
    if submit:
        scorecard.submitted_at = timezone.now()
    scorecard.save()
    if submit:
        # What feedback's review gate asks of every note drafted from it, found once here.
        screening.scorecards_screen([scorecard])
        behalf = (
            {"on_behalf_of": scorecard.interviewer_id}
            if actor is None or actor.pk != scorecard.interviewer_id
            else {}
        )
        audit(
            organization=scorecard.organization, actor=actor, action="scorecard.submit",
            obj=scorecard, **behalf,
        )  # fmt: skip
    return scorecard


def _comments_blocked_by_the_guard(
    scorecard: Scorecard, ratings: Mapping[int, RatingInput], competencies: Mapping[int, Competency]
) -> dict[str, ValidationError]:
    """Refusals for the comments the candidate may read that the guard blocks, by form field.

    The comments checked are those the submitted scorecard will hold: the ones given now, and
    the ones saved earlier for competencies not given again (the API's partial update).
    """
    comments = {r.competency_id: r.candidate_comment for r in scorecard.ratings.all()}
    comments.update({pk: value.candidate_comment.strip() for pk, value in ratings.items()})
    lang = scorecard.application.candidate.language
    errors: dict[str, ValidationError] = {}
    for competency_id, comment in comments.items():
        if competency_id not in competencies:
            continue  # refused as not part of the rubric
        blocks = candidate_safety.comment_blocks(comment, lang=lang)
        if blocks:
            rewrite = candidate_safety.without_blocked_sentences(comment, blocks)
            errors[f"comment_{competency_id}"] = ValidationError(
                [_guard_refusal(comment, f, competencies[competency_id], rewrite) for f in blocks]
            )
    return errors


def _guard_refusal(
    comment: str, finding: Finding, competency: Competency, rewrite: str
) -> ValidationError:
    # The params carry the finding apart, for the form to show why and offer the rewrite.
    return ValidationError(
        _("«%(text)s» is blocked by the safe-feedback guard: %(why)s Try: %(suggestion)s"),
        code="guard_block",
        params={
            "text": comment[finding.start : finding.end],
            "why": finding.why,
            "suggestion": finding.suggestion,
            "competency_id": competency.pk,
            "competency": competency.name,
            "rewrite": rewrite,
        },
    )


# --- Records created one by one (the REST API; the web UI imports them in bulk) ------------


def _require_member(user: User | None, organization: Organization, field_name: str) -> None:
    if (
        user is not None
        and not Membership.objects.filter(user=user, organization=organization).exists()
    ):
        raise ValidationError({field_name: _("This person is not a member of the organization.")})


@dataclass(frozen=True)
class StageInput:
    name: str
    kind: str = PipelineStage.Kind.INTERVIEW


@dataclass(frozen=True)
class CompetencyInput:
    name: str
    description: str = ""
    bar: str = AttributeRating.YES
    weight: int = 1
    tips: str = ""
    descriptors: Mapping[str, str] = field(default_factory=dict)


def _duplicates(names: Sequence[str]) -> list[str]:
    """Names typed more than once, case and spacing aside ("Communication", "communication "):
    a note would name them alike. Each is reported as first typed."""
    first: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for name in names:
        key = " ".join(name.casefold().split())
        first.setdefault(key, name.strip())
        counts[key] += 1
    return sorted(first[key] for key, count in counts.items() if count > 1)


@transaction.atomic
def job_create(
    *,
    actor: User | None,
    organization: Organization,
    title: str,
    department: str = "",
    location: str = "",
    status: str = Job.Status.OPEN,
    language: str = "",
    screening_criteria: str = "",
    recruiter: User | None = None,
    hiring_manager: User | None = None,
    family: str = "",
    level: int | None = None,
    description: str = "",
    stages: Sequence[StageInput] = (),
    competencies: Sequence[CompetencyInput] = (),
) -> Job:
    """Create a job with its pipeline stages (in order) and its rubric."""
    _require_member(recruiter, organization, "recruiter_id")
    _require_member(hiring_manager, organization, "hiring_manager_id")
    errors: dict[str, str] = {}
    if repeated := _duplicates([s.name.strip() for s in stages]):
        errors["stages"] = _("Stage names must differ: %(names)s.") % {"names": ", ".join(repeated)}
    if repeated := _duplicates([c.name.strip() for c in competencies]):
        errors["competencies"] = _("Competency names must differ: %(names)s.") % {
            "names": ", ".join(repeated)
        }
    if errors:
        raise ValidationError(errors)
    job = Job(
        organization=organization,
        title=title.strip(),
        department=department.strip(),
        location=location.strip(),
        status=status,
        language=language or organization.default_language,
        screening_criteria=screening_criteria.strip(),
        recruiter=recruiter,
        hiring_manager=hiring_manager,
        family=" ".join(family.split()),
        level=level,
        description=description.strip(),
    )
    job.full_clean()
    job.save()
    for position, stage in enumerate(stages):
        row = PipelineStage(
            organization=organization, job=job, name=stage.name.strip(), kind=stage.kind,
            position=position,
        )  # fmt: skip
        row.full_clean()
        row.save()
    for position, competency in enumerate(competencies):
        unknown = set(competency.descriptors) - set(AttributeRating.values)
        if unknown:
            raise ValidationError(
                {"descriptors": _("Descriptors are keyed by rating: %(r)s.") % {
                    "r": ", ".join(AttributeRating.values)
                }}
            )  # fmt: skip
        rubric_line = Competency(
            organization=organization, job=job, name=competency.name.strip(),
            description=competency.description.strip(), bar=competency.bar,
            weight=competency.weight, tips=competency.tips.strip(),
            descriptors=dict(competency.descriptors), position=position,
        )  # fmt: skip
        rubric_line.full_clean()
        rubric_line.save()
    audit(organization=organization, actor=actor, action="job.create", obj=job, title=job.title)
    return job


@transaction.atomic
def candidate_create(
    *,
    actor: User | None,
    organization: Organization,
    first_name: str,
    last_name: str = "",
    email: str = "",
    language: str = "",
    phone: str = "",
    resume_text: str = "",
) -> Candidate:
    """Create a candidate; the first name is how their feedback note will greet them."""
    candidate = Candidate(
        organization=organization,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=email.strip().lower(),
        language=language or organization.default_language,
        phone=phone.strip(),
        resume_text=resume_text.strip(),
    )
    candidate.full_clean()
    candidate.save()
    audit(organization=organization, actor=actor, action="candidate.create", obj=candidate)
    return candidate


@transaction.atomic
def application_create(
    *,
    actor: User | None,
    candidate: Candidate,
    job: Job,
    stage: PipelineStage | None = None,
    source: str = "",
    applied_at: dt.datetime | None = None,
) -> Application:
    """Apply a candidate to a job, in `stage` or else the job's first stage."""
    if candidate.organization_id != job.organization_id:
        raise ValidationError(
            {"candidate_id": _("The candidate and the job are not in the same organization.")}
        )
    if stage is not None and stage.job_id != job.pk:
        raise ValidationError({"stage_id": _("That stage belongs to another job.")})
    if Application.objects.filter(
        candidate=candidate, job=job, status=Application.Status.ACTIVE
    ).exists():
        raise ValidationError(
            {"candidate_id": _("This candidate already has an active application for this job.")}
        )
    now = timezone.now()
    application = Application(
        organization_id=job.organization_id,
        candidate=candidate,
        job=job,
        stage=stage or job.stages.order_by("position", "id").first(),
        source=source.strip(),
        applied_at=applied_at or now,
        last_activity_at=now,
        stage_entered_at=now,
    )
    application.full_clean()
    application.save()
    audit(
        organization=job.organization, actor=actor, action="application.create",
        obj=application, job=job.title,
    )  # fmt: skip
    return application


@transaction.atomic
def interview_create(
    *,
    actor: User | None,
    application: Application,
    name: str,
    kind: str = Interview.Kind.OTHER,
    scheduled_at: dt.datetime | None = None,
    interviewers: Sequence[User] = (),
) -> Interview:
    """Add an interview to an application, with its panel (members of the organization)."""
    for interviewer in interviewers:
        _require_member(interviewer, application.organization, "interviewer_ids")
    interview = Interview(
        organization_id=application.organization_id,
        application=application,
        name=name.strip(),
        kind=kind,
        scheduled_at=scheduled_at,
    )
    interview.full_clean()
    interview.save()
    interview.interviewers.set(interviewers)
    audit(
        organization=application.organization, actor=actor, action="interview.create",
        obj=interview, interviewers=[user.pk for user in interviewers],
    )  # fmt: skip
    return interview


@transaction.atomic
def scorecard_create(
    *,
    actor: User | None,
    interview: Interview,
    interviewer: User,
    overall: str,
    ratings: Mapping[int, RatingInput],
    key_takeaways: str = "",
    private_notes: str = "",
    submit: bool = False,
) -> Scorecard:
    """Start a panel member's scorecard, filled (and maybe submitted) on their behalf."""
    if not interview.interviewers.filter(pk=interviewer.pk).exists():
        raise ValidationError({"interviewer_id": _("This person is not on the interview's panel.")})
    try:
        with transaction.atomic():
            scorecard = Scorecard.objects.create(
                organization_id=interview.organization_id,
                interview=interview,
                application_id=interview.application_id,
                interviewer=interviewer,
            )
    except IntegrityError:
        raise ValidationError(
            {"interviewer_id": _("This interviewer already has a scorecard for this interview.")}
        ) from None
    audit(
        organization=interview.application.organization, actor=actor, action="scorecard.create",
        obj=scorecard, interviewer=interviewer.pk,
    )  # fmt: skip
    return scorecard_save(
        actor=actor,
        scorecard=scorecard,
        overall=overall,
        ratings=ratings,
        key_takeaways=key_takeaways,
        private_notes=private_notes,
        submit=submit,
        on_behalf_of_interviewer=True,
    )


def scorecard_submit(*, actor: User | None, scorecard: Scorecard) -> Scorecard:
    """Submit a draft scorecard as it was last saved, on its interviewer's behalf."""
    ratings = {
        rating.competency_id: RatingInput(
            rating=rating.rating,
            evidence=rating.evidence,
            candidate_comment=rating.candidate_comment,
        )
        for rating in scorecard.ratings.all()
    }
    return scorecard_save(
        actor=actor,
        scorecard=scorecard,
        overall=scorecard.overall_recommendation,
        ratings=ratings,
        key_takeaways=scorecard.key_takeaways,
        private_notes=scorecard.private_notes,
        submit=True,
        on_behalf_of_interviewer=True,
    )


# --- Records created in the web app (a team without an ATS) --------------------------------


def _require_decider_of(*, actor: User, organization: Organization) -> None:
    if not user_can(user=actor, organization=organization, capability=Capability.DECIDE_REJECTIONS):
        raise PermissionDenied("Only recruiters, hiring managers and admins change hiring records.")


@transaction.atomic
def job_update(
    *,
    actor: User,
    job: Job,
    title: str,
    department: str = "",
    location: str = "",
    status: str = Job.Status.OPEN,
    language: str = "",
    recruiter: User | None = None,
    hiring_manager: User | None = None,
    family: str | None = None,
    level: int | None = None,
    description: str | None = None,
) -> Job:
    """Change a job's basic fields; its stages and rubric are edited elsewhere.

    `family`, `level` and `description` left None keep their values.
    """
    _require_decider_of(actor=actor, organization=job.organization)
    _require_member(recruiter, job.organization, "recruiter")
    _require_member(hiring_manager, job.organization, "hiring_manager")
    job = Job.objects.select_for_update().get(pk=job.pk)
    before = {"title": job.title, "status": job.status}
    job.title = title.strip()
    job.department = department.strip()
    job.location = location.strip()
    job.status = status
    job.language = language or job.language
    job.recruiter = recruiter
    job.hiring_manager = hiring_manager
    if family is not None:
        job.family = " ".join(family.split())
    if family is not None or level is not None:
        job.level = level
    if description is not None:
        job.description = description.strip()
    job.full_clean()
    job.save()
    audit(
        organization=job.organization, actor=actor, action="job.update", obj=job,
        before=before, title=job.title, status=job.status,
    )  # fmt: skip
    return job


@dataclass(frozen=True)
class CandidateRow:
    """One candidate to add to a job: typed in a form, or one line of a pasted list."""

    first_name: str
    last_name: str = ""
    email: str = ""
    language: str = ""
    line: int | None = None  # in a pasted list: its line, which every refusal names


def _candidate_for(*, actor: User, job: Job, row: CandidateRow) -> Candidate:
    # The same person applying again is the same candidate: their history stays in one place.
    existing = candidate_find_by_email(organization=job.organization, email=row.email.strip())
    if existing is not None:
        return existing
    return candidate_create(
        actor=actor, organization=job.organization, first_name=row.first_name,
        last_name=row.last_name, email=row.email, language=row.language or job.language,
    )  # fmt: skip


@transaction.atomic
def candidates_apply(
    *, actor: User, job: Job, rows: Sequence[CandidateRow], source: str = ""
) -> list[Application]:
    """Add candidates to a job, each with an application in its first stage: all or nothing.

    A candidate already known by their email is reused. Every refusal names its line, and
    nothing is saved unless every line is.
    """
    _require_decider_of(actor=actor, organization=job.organization)
    applications: list[Application] = []
    errors: list[str] = []
    for row in rows:
        try:
            with transaction.atomic():
                candidate = _candidate_for(actor=actor, job=job, row=row)
                applications.append(
                    application_create(actor=actor, candidate=candidate, job=job, source=source)
                )
        except ValidationError as error:
            for message in error.messages:
                if row.line is not None:
                    message = _("Line %(line)s: %(error)s") % {"line": row.line, "error": message}
                errors.append(message)
    if errors:
        raise ValidationError(errors)
    return applications


@transaction.atomic
def interview_schedule(
    *,
    actor: User,
    application: Application,
    name: str,
    kind: str,
    scheduled_at: dt.datetime,
    interviewers: Sequence[User],
) -> Interview:
    """Schedule an interview with its panel; each panel member gets a scorecard to fill."""
    _require_decider_of(actor=actor, organization=application.organization)
    _require_open(application)
    if not interviewers:
        raise ValidationError({"interviewers": _("Choose at least one interviewer.")})
    interview = interview_create(
        actor=actor, application=application, name=name, kind=kind,
        scheduled_at=scheduled_at, interviewers=interviewers,
    )  # fmt: skip
    Scorecard.objects.bulk_create(
        Scorecard(
            organization_id=application.organization_id,
            interview=interview,
            application=application,
            interviewer=interviewer,
        )
        for interviewer in interviewers
    )
    Application.objects.filter(pk=application.pk).update(last_activity_at=timezone.now())
    return interview
