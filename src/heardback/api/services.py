"""API keys, and the hiring records only the API creates (the web UI imports them instead).

Decisions, scorecard filling and feedback notes are not here: the API calls the hiring,
feedback and outbox services for them, exactly like the web pages do.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from heardback.accounts.models import Membership, Organization, User
from heardback.accounts.selectors import user_role
from heardback.accounts.services import audit
from heardback.api.models import KEY_PREFIX, ApiKey, hash_key
from heardback.api.scopes import SCOPES
from heardback.hiring.models import (
    Application,
    AttributeRating,
    Candidate,
    Competency,
    Interview,
    Job,
    PipelineStage,
    Scorecard,
)
from heardback.hiring.services import RatingInput, scorecard_save

# How often `last_used_at` is written: often enough to tell a live key from a dead one,
# rarely enough that reads through the API do not each take SQLite's write lock.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


# --- API keys -----------------------------------------------------------------------------


def _require_admin(*, user: User | None, organization: Organization) -> None:
    # user=None: an operator at the server's command line, who needs no role.
    if user is not None and user_role(user=user, organization=organization) != "admin":
        raise PermissionDenied(_("Only admins manage API keys."))


@transaction.atomic
def api_key_create(
    *, organization: Organization, user: User | None, name: str, scopes: Sequence[str]
) -> tuple[ApiKey, str]:
    """Create a key acting for `user`; return it with the raw key, which is never shown again."""
    _require_admin(user=user, organization=organization)
    name = name.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Give the key a name, e.g. the tool that will use it.")
    elif len(name) > ApiKey._meta.get_field("name").max_length:  # type: ignore[operator]
        errors["name"] = _("Keep the name under 100 characters.")
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        errors["scopes"] = _("Unknown scope(s): %(scopes)s. Choose from %(known)s.") % {
            "scopes": ", ".join(unknown),
            "known": ", ".join(SCOPES),
        }
    elif not scopes:
        errors["scopes"] = _("Choose at least one scope.")
    if errors:
        raise ValidationError(errors)
    prefix = secrets.token_hex(4)
    while ApiKey.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    raw_key = f"{KEY_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    api_key = ApiKey.objects.create(
        organization=organization,
        name=name,
        prefix=prefix,
        key_hash=hash_key(raw_key),
        scopes=[scope for scope in SCOPES if scope in scopes],
        created_by=user,
    )
    audit(
        organization=organization, actor=user, action="api_key.create", obj=api_key,
        name=name, prefix=api_key.display_prefix, scopes=api_key.scopes,
    )  # fmt: skip
    return api_key, raw_key


@transaction.atomic
def api_key_revoke(*, api_key: ApiKey, user: User | None) -> None:
    """Revoke a key at once: its next request gets a 401. Revoking twice changes nothing."""
    _require_admin(user=user, organization=api_key.organization)
    revoked = ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    api_key.refresh_from_db(fields=["revoked_at"])
    if revoked:
        audit(
            organization=api_key.organization, actor=user, action="api_key.revoke", obj=api_key,
            name=api_key.name, prefix=api_key.display_prefix,
        )  # fmt: skip


def api_key_mark_used(*, api_key: ApiKey) -> None:
    """Record that the key was just used (at most once a minute)."""
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at >= LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
        api_key.last_used_at = now


# --- Hiring records -----------------------------------------------------------------------


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
    return sorted(name for name, count in Counter(names).items() if count > 1)


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
        actor=interviewer,
        scorecard=scorecard,
        overall=overall,
        ratings=ratings,
        key_takeaways=key_takeaways,
        private_notes=private_notes,
        submit=submit,
    )


def scorecard_submit(*, scorecard: Scorecard) -> Scorecard:
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
        actor=scorecard.interviewer,
        scorecard=scorecard,
        overall=scorecard.overall_recommendation,
        ratings=ratings,
        key_takeaways=scorecard.key_takeaways,
        private_notes=scorecard.private_notes,
        submit=True,
    )
