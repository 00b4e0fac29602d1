"""Build the engine's plain inputs from the database, in bulk (a fixed number of queries)."""

from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence

from django.db.models import Prefetch

from heardback.accounts.models import Organization, User
from heardback.core.links import PORTAL_URL_PLACEHOLDER
from heardback.feedback import engine
from heardback.feedback.engine import fit
from heardback.feedback.engine.aggregate import SCORE
from heardback.hiring.models import (
    Application,
    Competency,
    Interview,
    Job,
    Scorecard,
    ScorecardRating,
)

RECRUITER_TITLE = {"en": "Recruiter", "fr": "Recrutement"}
STRONG = SCORE["yes"]  # a strength in the talent pools: rated "yes" or better on average
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
    """The applications with their candidates, stages and reasons (`note_inputs` reads the
    rest in bulk: jobs once per run, interviews and scorecards once per call)."""
    return list(
        Application.objects.filter(pk__in=pks)
        .select_related("candidate", "stage", "rejection_reason")
        .only(*_APPLICATION_FIELDS)
        .order_by("id")
    )


# What `note_inputs` reads of an application and its candidate, stage and reason: bulk drafting
# reads 10,000 of each, and their other fields (external ids as JSON, dates) cost more to
# convert than the note's own writing. A field missing here is read by one query per note.
_APPLICATION_FIELDS = (
    "job", "status", "decided_at", "last_activity_at",
    "candidate__first_name", "candidate__last_name", "candidate__language",
    "candidate__resume_text",
    "stage__name", "stage__kind",
    "rejection_reason__name", "rejection_reason__category", "rejection_reason__explanation_en",
    "rejection_reason__explanation_fr", "rejection_reason__stages",
    "rejection_reason__sends_note",
)  # fmt: skip


class SharedInputs:
    """What the notes of one organization share: each job's rubric and candidates' names, the
    open roles' index, the languages it writes, its partners. Read once for a whole bulk run
    rather than for every chunk of it (a job's ~1,500 names, every open job's rubric)."""

    def __init__(self, organization: Organization) -> None:
        self.organization = organization
        self.jobs: dict[int, engine.Job] = {}
        self.job_models: dict[int, Job] = {}
        # One tuple per job, shared by its notes, so the guard builds its name matcher once;
        # each note's own name is excluded by the engine (own_names), not by copying the tuple.
        self.names: dict[int, tuple[str, ...]] = {}
        self.interviewers: dict[int, str] = {}  # user id -> first name
        # Scorecard id -> the guard's verdict stored on it and what it was found under
        # (`hiring.screening`), for the review gate.
        self.screened: dict[int, tuple[str, bool | None]] = {}

    @functools.cached_property
    def index(self) -> fit.Index:
        return fit.index(openings(self.organization))

    @functools.cached_property
    def written(self) -> frozenset[str]:
        return organization_languages(self.organization)

    @functools.cached_property
    def partners(self) -> bool:
        return any(has(self.organization) for has in HAS_PARTNERS)

    def load_jobs(self, job_ids: Collection[int]) -> None:
        missing = set(job_ids) - self.jobs.keys()
        if not missing:
            return
        jobs = Job.objects.filter(pk__in=missing).select_related("recruiter")
        for job in jobs.prefetch_related("competencies"):
            self.jobs[job.pk] = _job(job)
            self.job_models[job.pk] = job
        names_by_job: dict[int, set[str]] = defaultdict(set)
        everyone = Application.objects.filter(job_id__in=missing).values_list(
            "job_id", "candidate__first_name", "candidate__last_name"
        )
        for job_id, first_name, last_name in everyone:
            names_by_job[job_id].add(f"{first_name} {last_name}".strip())
        for job_id in missing:
            self.names[job_id] = tuple(sorted(names_by_job[job_id]))

    def load_interviewers(self, user_ids: Collection[int]) -> None:
        missing = set(user_ids) - self.interviewers.keys()
        for user in User.objects.filter(pk__in=missing):
            self.interviewers[user.pk] = user.first_name


def strengths_by_candidate(candidate_ids: Iterable[int]) -> dict[int, list[tuple[str, float]]]:
    """Each candidate's strengths: competencies rated "yes" or better on average, rubric words.

    Over every application of the candidate: what the talent pools (re-routing, partners)
    list, and what a note says a partner organization would see."""
    scores: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    rows = ScorecardRating.objects.filter(
        scorecard__application__candidate_id__in=list(candidate_ids),
        scorecard__submitted_at__isnull=False,
    ).exclude(rating="")
    for candidate_id, name, rating in rows.values_list(
        "scorecard__application__candidate_id", "competency__name", "rating"
    ):
        key = fit.key(name)
        names.setdefault(key, " ".join(name.split()))
        scores[candidate_id][key].append(SCORE[rating])
    result = {}
    for candidate_id, by_name in scores.items():
        means = [(names[k], sum(v) / len(v)) for k, v in by_name.items()]
        result[candidate_id] = sorted(
            [(n, m) for n, m in means if m >= STRONG], key=lambda s: (-s[1], s[0])
        )
    return result


def _interviews(pks: Sequence[int]) -> dict[int, list[engine.Interview]]:
    """Each application's interviews, in the order they took place."""
    by_application: dict[int, list[engine.Interview]] = defaultdict(list)
    rows = (
        Interview.objects.filter(application_id__in=pks)
        .order_by("scheduled_at", "id")
        .values_list("application_id", "id", "name", "kind", "scheduled_at")
    )
    for application_id, pk, name, kind, scheduled_at in rows:
        date = scheduled_at.date() if scheduled_at else None
        by_application[application_id].append(engine.Interview(pk, name, kind, date))
    return by_application


_SCORECARD_FIELDS = (
    "id", "application_id", "interview_id", "interviewer_id", "overall_recommendation",
    "key_takeaways", "key_takeaways_shareable", "private_notes", "guard_screened",
    "guard_blocked",
)  # fmt: skip
_RATING_FIELDS = (
    "scorecard_id", "competency_id", "rating", "evidence", "candidate_comment",
    "evidence_shareable",
)  # fmt: skip


def _scorecards(pks: Sequence[int], shared: SharedInputs) -> dict[int, list[engine.Scorecard]]:
    """Each application's submitted scorecards with their ratings, as `_scorecard` makes them
    (read as rows: thousands of model instances cost more than the notes' own writing)."""
    cards = list(
        Scorecard.objects.filter(application_id__in=pks, submitted_at__isnull=False).values_list(
            *_SCORECARD_FIELDS
        )
    )
    items: dict[int, list[engine.RatingItem]] = defaultdict(list)
    ratings = (
        ScorecardRating.objects.filter(scorecard_id__in=[card[0] for card in cards])
        .order_by("id")
        .values_list(*_RATING_FIELDS)
    )
    for scorecard_id, competency_id, rating, evidence, comment, shareable in ratings:
        items[scorecard_id].append(
            engine.RatingItem(
                competency_id=competency_id,
                rating=rating or None,
                evidence=evidence,
                candidate_comment=comment,
                evidence_shareable=shareable,
            )
        )
    shared.load_interviewers({card[3] for card in cards})
    by_application: dict[int, list[engine.Scorecard]] = defaultdict(list)
    for *row, screened, blocked in cards:
        pk, application_id, interview_id, interviewer_id, overall, takeaways, share, notes = row
        shared.screened[pk] = (screened, blocked)
        by_application[application_id].append(
            engine.Scorecard(
                id=pk,
                interview_id=interview_id,
                interviewer_first_name=shared.interviewers[interviewer_id],
                interviewer_id=interviewer_id,
                overall=overall,
                key_takeaways=takeaways,
                key_takeaways_shareable=share,
                private_notes=notes,
                items=tuple(items[pk]),
            )
        )
    return by_application


def note_inputs(
    organization: Organization,
    applications: Sequence[Application],
    shared: SharedInputs | None = None,
) -> list[engine.NoteInput]:
    """One engine input per application (rejected or withdrawn, with a reason), in a fixed
    number of queries; `shared` carries what a run has already read (see `SharedInputs`)."""
    shared = shared if shared is not None else SharedInputs(organization)
    shared.load_jobs({a.job_id for a in applications})
    pks = [a.pk for a in applications]
    interviews = _interviews(pks)
    scorecards = _scorecards(pks, shared)
    index = shared.index
    # What a partner organization would see of each candidate: the pool's own reading.
    pooled = (
        strengths_by_candidate({a.candidate_id for a in applications}) if shared.partners else None
    )

    inputs = []
    for application in applications:
        candidate = application.candidate
        reason = application.rejection_reason
        job = shared.job_models[application.job_id]
        recruiter = job.recruiter
        language = note_language(candidate.language, job.language, shared.written)
        decided = application.decided_at or application.last_activity_at
        inp = engine.NoteInput(
            application_id=application.pk,
            job=shared.jobs[job.pk],
            candidate=engine.Candidate(
                id=candidate.pk,
                first_name=candidate.first_name,
                last_name=candidate.last_name,
                language=language,  # type: ignore[arg-type]
                preferred_language=candidate.language,
            ),
            stage_reached=application.stage.name if application.stage else "",
            stage_kind=application.stage.kind if application.stage else "",
            interviews=tuple(interviews[application.pk]),
            scorecards=tuple(scorecards[application.pk]),
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
                partners=shared.partners,
            ),
            other_candidate_names=shared.names[application.job_id],
            partner_strengths=(
                None if pooled is None else tuple(name for name, _ in pooled.get(candidate.pk, ()))
            ),
        )
        roles = _open_roles(index, job, shared.jobs[job.pk], inp, candidate.resume_text)
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
