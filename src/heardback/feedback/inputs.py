"""Build the engine's plain inputs from the database, in bulk (a fixed number of queries)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Sequence

from django.db.models import Prefetch

from heardback.accounts.models import Organization
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.feedback import engine
from heardback.feedback.engine import fit
from heardback.hiring.models import (
    Application,
    Competency,
    Interview,
    Job,
    Scorecard,
    ScorecardRating,
)

RECRUITER_TITLE = {"en": "Recruiter", "fr": "Recrutement"}
# "Has this organization partner organizations?", registered by partners/ at start-up.
HAS_PARTNERS: list[Callable[[Organization], bool]] = []
ROLES_PER_NOTE = 2


def _job(job: Job) -> engine.Job:
    return engine.Job(
        id=job.pk,
        title=job.title,
        screening_criteria=job.screening_criteria,
        language=job.language,
        rubric=tuple(
            engine.Competency(
                id=c.pk,
                name=c.name,
                description=c.description,
                weight=c.weight,
                bar=c.bar,  # type: ignore[arg-type]
                descriptors=dict(c.descriptors),
                tips=c.tips,
            )
            for c in job.competencies.all()
        ),
    )


def _scorecard(scorecard: Scorecard) -> engine.Scorecard:
    return engine.Scorecard(
        id=scorecard.pk,
        interview_id=scorecard.interview_id,
        interviewer_first_name=scorecard.interviewer.first_name,
        interviewer_id=scorecard.interviewer_id,
        overall=scorecard.overall_recommendation,  # type: ignore[arg-type]
        key_takeaways=scorecard.key_takeaways,
        key_takeaways_shareable=scorecard.key_takeaways_shareable,
        private_notes=scorecard.private_notes,
        items=tuple(
            engine.RatingItem(
                competency_id=r.competency_id,
                rating=r.rating or None,  # type: ignore[arg-type]
                evidence=r.evidence,
                candidate_comment=r.candidate_comment,
                evidence_shareable=r.evidence_shareable,
            )
            for r in scorecard.ratings.all()
        ),
    )


def openings(organization: Organization) -> list[fit.Opening]:
    """The organization's open jobs as re-routing compares them (engine.fit)."""
    jobs = Job.objects.filter(organization=organization, status=Job.Status.OPEN).prefetch_related(
        Prefetch(
            "competencies",
            queryset=Competency.objects.only("id", "name", "weight", "bar", "job_id"),
        )
    )
    return [
        fit.Opening(
            id=job.pk,
            title=job.title,
            requirements=tuple(
                fit.Requirement(c.name, c.weight, c.bar)  # type: ignore[arg-type]
                for c in job.competencies.all()
            ),
            family=job.family,
            level=job.level or 0,
            description=job.description,
        )
        for job in jobs
    ]


def _open_roles(
    index: fit.Index, job: Job, engine_job: engine.Job, inp: engine.NoteInput, resume: str
) -> tuple[engine.OpenRole, ...]:
    """The open roles that fit this candidate, ranked and explained in the note's language."""
    evidence = fit.evidence_from(
        [(engine_job.rubric, inp.scorecards)],
        family=job.family,
        level=job.level or 0,
        resume=resume,
    )
    return tuple(
        engine.OpenRole(
            f.opening.id,
            f.opening.title,
            tuple(r.name for r in f.opening.requirements),
            tuple(r.weight for r in f.opening.requirements),
            explanation=f.explain(inp.candidate.language),
        )
        for f in fit.rank(evidence, index, exclude=[job.pk], limit=ROLES_PER_NOTE)
    )


def applications_for_notes(pks: Sequence[int]) -> list[Application]:
    """The applications with everything a note needs, prefetched."""
    return list(
        Application.objects.filter(pk__in=pks)
        .select_related("candidate", "job", "job__recruiter", "stage", "rejection_reason")
        .prefetch_related(
            Prefetch("interviews", queryset=Interview.objects.order_by("scheduled_at", "id")),
            Prefetch(
                "scorecards",
                queryset=Scorecard.objects.filter(submitted_at__isnull=False)
                .select_related("interviewer")
                .prefetch_related(
                    Prefetch("ratings", queryset=ScorecardRating.objects.order_by("id"))
                ),
            ),
        )
        .order_by("id")
    )


def note_inputs(
    organization: Organization, applications: Sequence[Application]
) -> list[engine.NoteInput]:
    """One engine input per application (rejected or withdrawn, with a reason)."""
    jobs: dict[int, engine.Job] = {}
    job_ids = {a.job_id for a in applications}
    for job in Job.objects.filter(pk__in=job_ids).prefetch_related("competencies"):
        jobs[job.pk] = _job(job)
    index = fit.index(openings(organization))
    names_by_job: dict[int, set[str]] = defaultdict(set)
    everyone = Application.objects.filter(job_id__in=job_ids).values_list(
        "job_id", "candidate__first_name", "candidate__last_name"
    )
    for job_id, first_name, last_name in everyone:
        names_by_job[job_id].add(f"{first_name} {last_name}".strip())
    # One tuple per job, shared by its notes, so the guard builds its name matcher once; each
    # note's own name is excluded by the engine (own_names), not by copying the tuple.
    job_names = {job_id: tuple(sorted(names)) for job_id, names in names_by_job.items()}
    written = organization_languages(organization)
    partners = any(has(organization) for has in HAS_PARTNERS)

    inputs = []
    for application in applications:
        candidate = application.candidate
        reason = application.rejection_reason
        job = application.job
        recruiter = job.recruiter
        language = note_language(candidate.language, job.language, written)
        decided = application.decided_at or application.last_activity_at
        inp = engine.NoteInput(
            application_id=application.pk,
            job=jobs[job.pk],
            candidate=engine.Candidate(
                id=candidate.pk,
                first_name=candidate.first_name,
                last_name=candidate.last_name,
                language=language,  # type: ignore[arg-type]
                preferred_language=candidate.language,
            ),
            stage_reached=application.stage.name if application.stage else "",
            stage_kind=application.stage.kind if application.stage else "",
            interviews=tuple(
                engine.Interview(
                    id=i.pk,
                    name=i.name,
                    kind=i.kind,
                    date=i.scheduled_at.date() if i.scheduled_at else None,
                )
                for i in application.interviews.all()
            ),
            scorecards=tuple(_scorecard(s) for s in application.scorecards.all()),
            decision=engine.Decision(
                reason_category=_category(application),  # type: ignore[arg-type]
                reason_name=reason.name if reason else "",
                reason_explanation=reason.explanation(language) if reason else "",
                decided_on=decided.date(),
                reason_stages=tuple(str(s) for s in reason.stages or ()) if reason else (),
            ),
            policy=engine.Policy(
                organization_name=organization.name,
                tone=organization.tone,  # type: ignore[arg-type]
                reapply_months=organization.reapply_months,
                show_interviewer_first_names=organization.show_interviewer_first_names,
                # No recruiter and no sender: the organization signs, once (the engine does
                # not repeat its name).
                recruiter_name=(recruiter.full_name if recruiter else organization.sender_name)
                or "",
                recruiter_title=RECRUITER_TITLE[language] if recruiter else "",
                # The outbox swaps in the candidate's private link at delivery time, so no
                # usable link is ever stored in a note.
                portal_url=PORTAL_URL_PLACEHOLDER,
                partners=partners,
            ),
            other_candidate_names=job_names[application.job_id],
        )
        roles = _open_roles(index, job, jobs[job.pk], inp, candidate.resume_text)
        inputs.append(dataclasses.replace(inp, open_roles=roles) if roles else inp)
    return inputs


def organization_languages(organization: Organization) -> frozenset[str]:
    """The languages the organization writes in: its default, and those of its jobs."""
    jobs = Job.objects.filter(organization=organization).values_list("language", flat=True)
    return frozenset({organization.default_language, *jobs})


def note_language(
    candidate_language: str, job_language: str, written: frozenset[str] = frozenset()
) -> str:
    """The candidate's language when the organization writes in it, else the job's.

    A note in the candidate's language quotes no rubric text written in another one (the
    engine leaves descriptors, tips and criteria out and keeps the comments in its language);
    when the organization does not write in the candidate's language at all, the note is in
    the job's and the recruiter is told (Quality.language_fallback).
    """
    if candidate_language in written or candidate_language == job_language:
        language = candidate_language
    else:
        language = job_language
    return language if language in ("en", "fr") else "en"


def _category(application: Application) -> str:
    if application.status == Application.Status.WITHDRAWN:
        return "withdrew"
    if application.rejection_reason is None:
        return "other"
    return application.rejection_reason.category


# For re-routing (reroute/, partners/), which aggregates a candidate's every application.
engine_job = _job
engine_scorecard = _scorecard
