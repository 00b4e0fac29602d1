"""Write interviews, scorecards and their ratings; add unknown competencies to the rubric."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from heardback.accounts.models import User
from heardback.hiring.models import (
    Application,
    Competency,
    Interview,
    Job,
    Scorecard,
    ScorecardRating,
)
from heardback.integrations.importers.base import BATCH
from heardback.integrations.importers.interviews import match_existing_interviews
from heardback.integrations.importers.normalize import guess_kind, name_key
from heardback.integrations.importers.records import ScorecardRec

if TYPE_CHECKING:
    from heardback.integrations.importers.writer import BundleWriter

INTERVIEW_KINDS = (
    ("screen", "screen"),
    ("échange", "screen"),
    ("system design", "system_design"),
    ("architecture", "system_design"),
    ("take-home", "take_home"),
    ("take home", "take_home"),
    ("hiring manager", "hiring_manager"),
    ("manager", "hiring_manager"),
    ("onsite", "onsite"),
    ("panel", "onsite"),
    ("technical", "technical"),
    ("technique", "technical"),
    ("pairing", "technical"),
    ("coding", "technical"),
)


def write_interviews(
    w: BundleWriter,
    existing: dict[str, Interview],
    applications: dict[str, Application],
    users: dict[str, User],
) -> dict[str, Interview]:
    match_existing_interviews(w, existing, applications, users)
    recs = [
        r
        for r in w.bundle.interviews.values()
        if r.application not in w.bundle.skipped_applications
    ]
    rows = (
        (
            r.ext,
            {
                "application_id": applications[r.application].pk,
                "name": r.name[:200],
                "scheduled_at": r.scheduled_at,
            },
            {"kind": guess_kind(r.name, INTERVIEW_KINDS, "other")},
        )
        for r in recs
    )
    interviews = {**existing, **w.upsert("interviews", Interview, existing, rows)}
    # The panel: scheduled interviewers plus whoever submitted a scorecard.
    panel: set[tuple[int, int]] = set()
    for r in recs:
        panel.update((interviews[r.ext].pk, users[key].pk) for key in r.interviewers)
    for card in w.bundle.scorecards.values():
        if card.interview in interviews and card.interviewer in users:
            panel.add((interviews[card.interview].pk, users[card.interviewer].pk))
    through = Interview.interviewers.through
    linked = set(
        through.objects.filter(interview__organization=w.org).values_list("interview_id", "user_id")
    )
    through.objects.bulk_create(
        [through(interview_id=i, user_id=u) for i, u in sorted(panel - linked)],
        batch_size=BATCH,
    )
    return interviews


def write_scorecards(
    w: BundleWriter,
    applications: dict[str, Application],
    interviews: dict[str, Interview],
    users: dict[str, User],
) -> None:
    cards = _one_per_interviewer(w, interviews, users)
    existing = w._existing(Scorecard)
    rows = []
    for card in cards:
        values: dict[str, Any] = {
            "interview_id": interviews[card.interview].pk,
            "application_id": applications[card.application].pk,
            "interviewer_id": users[card.interviewer].pk,
            "overall_recommendation": card.overall,
            "overall_recommendation_raw": card.overall_raw[:100],
            "key_takeaways": card.key_takeaways,
            "private_notes": card.private_notes,
            "submitted_at": card.submitted_at,
        }
        old = existing.get(card.ext)
        if old is not None and old.key_takeaways != card.key_takeaways:
            # A recruiter's "shareable" was about the old text: review the new one again.
            values["key_takeaways_shareable"] = False
        rows.append((card.ext, values, {"key_takeaways_shareable": False}))
    scorecards = w.upsert("scorecards", Scorecard, existing, rows)
    _ratings(w, cards, scorecards, applications)


def _one_per_interviewer(
    w: BundleWriter, interviews: dict[str, Interview], users: dict[str, User]
) -> list[ScorecardRec]:
    """One scorecard per interviewer and interview (a model rule): keep the latest."""
    chosen: dict[tuple[str, int], ScorecardRec] = {}
    skipped = 0
    for card in w.bundle.scorecards.values():
        if card.application in w.bundle.skipped_applications:
            skipped += 1
            continue
        key = (card.interview, users[card.interviewer].pk)
        other = chosen.get(key)
        if other is not None:
            keep, drop = sorted((other, card), key=_submitted, reverse=True)
            chosen[key] = keep
            skipped += 1
            w.report.warn(
                *drop.origin, "interviewer", f"the same interviewer has scorecard "
                f"{keep.ext} for this interview; kept that later one",
            )  # fmt: skip
            continue
        chosen[key] = card
    w.report.count("scorecards", "skipped", skipped)
    return list(chosen.values())


def _ratings(
    w: BundleWriter,
    cards: list[ScorecardRec],
    scorecards: dict[str, Scorecard],
    applications: dict[str, Application],
) -> None:
    competencies = _competencies(w, cards, applications)
    existing = {
        (r.scorecard_id, r.competency_id): r
        for r in ScorecardRating.objects.filter(
            scorecard__organization=w.org, scorecard__external_ids__has_key=w.source
        )
    }
    created, updated, unchanged, fields = [], [], 0, set()
    for card in cards:
        scorecard = scorecards[card.ext]
        job_id = applications[card.application].job_id
        seen: set[int] = set()
        for item in card.ratings:
            competency = competencies[(job_id, name_key(item.competency))]
            if competency.pk in seen:
                w.report.warn(*card.origin, "ratings", f"{item.competency!r} rated twice")
                continue
            seen.add(competency.pk)
            values = {
                "rating": item.rating,
                "rating_raw": item.rating_raw[:100],
                "evidence": item.evidence,
                "candidate_comment": item.candidate_comment,
            }
            old = existing.get((scorecard.pk, competency.pk))
            if old is None:
                values["candidate_comment"] = item.candidate_comment or ""
                created.append(
                    ScorecardRating(
                        scorecard_id=scorecard.pk, competency_id=competency.pk, **values
                    )
                )
                continue
            changed = [k for k, v in values.items() if v is not None and getattr(old, k) != v]
            for name in changed:
                setattr(old, name, values[name])
            fields.update(changed)
            if changed:
                updated.append(old)
            else:
                unchanged += 1
    w._say("Writing ratings", 0, len(created) + len(updated))
    ScorecardRating.objects.bulk_create(created, batch_size=BATCH)
    if updated:
        ScorecardRating.objects.bulk_update(updated, sorted(fields), batch_size=BATCH)
    w.report.count("ratings", "created", len(created))
    w.report.count("ratings", "updated", len(updated))
    w.report.count("ratings", "unchanged", unchanged)
    w._say("Writing ratings", len(created) + len(updated), len(created) + len(updated))


def _competencies(
    w: BundleWriter, cards: list[ScorecardRec], applications: dict[str, Application]
) -> dict[tuple[int, str], Competency]:
    """The rubric lines the ratings need; unknown ones are added for a recruiter to describe."""
    rubric = {
        (c.job_id, name_key(c.name)): c for c in Competency.objects.filter(organization=w.org)
    }
    next_position: dict[int, int] = defaultdict(int)
    for c in rubric.values():
        next_position[c.job_id] = max(next_position[c.job_id], c.position + 1)
    needed: dict[tuple[int, str], str] = {}
    for card in cards:
        job_id = applications[card.application].job_id
        for item in card.ratings:
            needed.setdefault((job_id, name_key(item.competency)), item.competency)
    created = []
    used = set()
    for key, name in needed.items():
        if key in rubric:
            used.add(key)
            continue
        job_id = key[0]
        rubric[key] = Competency(
            organization=w.org,
            job_id=job_id,
            name=name[:200],
            needs_description=True,
            position=next_position[job_id],
        )
        next_position[job_id] += 1
        created.append(rubric[key])
    Competency.objects.bulk_create(created, batch_size=BATCH)
    titles = dict(Job.objects.filter(organization=w.org).values_list("pk", "title"))
    w.report.new_competencies.extend(sorted((titles[c.job_id], c.name) for c in created))
    w.report.count("competencies", "created", len(created))
    w.report.count("competencies", "unchanged", len(used))
    return rubric


def _submitted(card: ScorecardRec) -> tuple[bool, Any]:
    return (card.submitted_at is not None, card.submitted_at)
