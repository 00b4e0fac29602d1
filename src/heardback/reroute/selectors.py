"""Reads for re-routing: a candidate's evidence, the roles that fit them, the talent pool."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from heardback.accounts.models import Organization
from heardback.feedback import inputs
from heardback.feedback.engine import fit
from heardback.feedback.engine.types import Language
from heardback.feedback.inputs import strengths_by_candidate
from heardback.hiring.models import (
    Application,
    Candidate,
    Competency,
    Job,
    Scorecard,
)
from heardback.portal.models import Consent
from heardback.reroute.models import RoleInvitation

NOT_HIRED = (Application.Status.REJECTED, Application.Status.WITHDRAWN)
RECENT = 30  # the re-routing page ranks the most recent decisions


@dataclass(frozen=True)
class Suggestion:
    job: Job
    fit: fit.Fit
    explanation: str  # in the candidate's language
    invitation: RoleInvitation | None


def _applications(candidates: Iterable[int]) -> QuerySet[Application]:
    return (
        Application.objects.filter(candidate_id__in=list(candidates))
        .select_related("job")
        .prefetch_related(
            Prefetch("job__competencies", queryset=Competency.objects.order_by("position", "id")),
            Prefetch(
                "scorecards",
                queryset=Scorecard.objects.filter(submitted_at__isnull=False)
                .select_related("interviewer")
                .prefetch_related("ratings"),
            ),
        )
        .order_by("candidate_id", "-applied_at", "-id")
    )


def evidence_by_candidate(candidates: Iterable[Candidate]) -> dict[int, fit.Evidence]:
    """Each candidate's evidence across every application of theirs (a fixed number of reads).

    Family and level are those of their most recent application's job.
    """
    by_id = {c.pk: c for c in candidates}
    grouped: dict[int, list[Application]] = defaultdict(list)
    for application in _applications(by_id):
        grouped[application.candidate_id].append(application)
    evidence = {}
    for pk, candidate in by_id.items():
        applications = grouped.get(pk, [])
        latest = applications[0].job if applications else None
        evidence[pk] = fit.evidence_from(
            [
                (
                    inputs.engine_job(a.job).rubric,
                    [inputs.engine_scorecard(s) for s in a.scorecards.all()],
                )
                for a in applications
            ],
            family=latest.family if latest else "",
            level=(latest.level or 0) if latest else 0,
            resume=candidate.resume_text,
        )
    return evidence


def open_jobs_index(organization: Organization) -> tuple[fit.Index, dict[int, Job]]:
    openings = inputs.openings(organization)
    jobs = Job.objects.in_bulk([o.id for o in openings])
    return fit.index(openings), jobs


def suggestions_for(
    applications: Sequence[Application], *, limit: int = 3
) -> dict[int, list[Suggestion]]:
    """The open roles that fit each application's candidate, best first, by application id.

    Jobs the candidate already applied for are never suggested.
    """
    if not applications:
        return {}
    organization = applications[0].organization
    index, jobs = open_jobs_index(organization)
    candidates = {a.candidate_id: a.candidate for a in applications}
    evidence = evidence_by_candidate(candidates.values())
    applied: dict[int, set[int]] = defaultdict(set)
    for candidate_id, job_id in Application.objects.filter(
        candidate_id__in=list(candidates)
    ).values_list("candidate_id", "job_id"):
        applied[candidate_id].add(job_id)
    invitations = {
        (i.candidate_id, i.job_id): i
        for i in RoleInvitation.objects.filter(candidate_id__in=list(candidates))
    }
    result = {}
    for application in applications:
        candidate = application.candidate
        language: Language = "fr" if candidate.language == "fr" else "en"
        fits = fit.rank(evidence[candidate.pk], index, exclude=applied[candidate.pk], limit=limit)
        result[application.pk] = [
            Suggestion(
                jobs[f.opening.id],
                f,
                f.explain(language),
                invitations.get((candidate.pk, f.opening.id)),
            )
            for f in fits
        ]
    return result


def not_hired_recent(*, organization: Organization, limit: int = RECENT) -> list[Application]:
    """The organization's most recent rejections and withdrawals."""
    return list(
        Application.objects.filter(organization=organization, status__in=NOT_HIRED)
        .select_related("candidate", "job", "organization")
        .order_by("-decided_at", "-last_activity_at", "-id")[:limit]
    )


def other_roles_consenting(*, organization: Organization) -> QuerySet[Candidate]:
    """The organization's candidates with a live "other roles here" consent."""
    live = Consent.objects.filter(
        organization=organization,
        kind=Consent.Kind.OTHER_ROLES,
        withdrawn_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    return Candidate.objects.filter(organization=organization, pk__in=live.values("candidate_id"))


def has_other_roles_consent(candidate: Candidate) -> bool:
    return (
        other_roles_consenting(organization=candidate.organization).filter(pk=candidate.pk).exists()
    )


@dataclass(frozen=True)
class PoolEntry:
    candidate: Candidate
    strengths: list[tuple[str, float]]  # rubric words, mean rating (1..5), best first
    family: str


def talent_pool(
    *, organization: Organization, query: str = "", limit: int = 100
) -> list[PoolEntry]:
    """Consenting candidates, with their strengths; `query` keeps those strong in a competency
    whose name contains it (case and accents aside). Strongest in the query first."""
    candidates = list(
        other_roles_consenting(organization=organization)
        .prefetch_related("applications__job")
        .order_by("-id")[:1000]
    )
    strengths = strengths_by_candidate(c.pk for c in candidates)
    families = dict(
        Application.objects.filter(candidate__in=candidates)
        .order_by("candidate_id", "applied_at", "id")
        .values_list("candidate_id", "job__family")
    )  # the latest application wins (later rows overwrite earlier ones)
    wanted = fit.key(query)
    entries = []
    for candidate in candidates:
        own = strengths.get(candidate.pk, [])
        if wanted:
            hits = [m for n, m in own if wanted in fit.key(n)]
            if not hits:
                continue
            rank = -max(hits)
        else:
            rank = -max((m for _, m in own), default=0)
        entries.append(
            (rank, candidate.pk, PoolEntry(candidate, own, families.get(candidate.pk, "")))
        )
    entries.sort(key=lambda e: (e[0], -e[1]))
    return [e[2] for e in entries[:limit]]
