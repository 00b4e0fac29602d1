"""Export an organization as a Greenhouse Harvest v1 dump: the layout `import greenhouse` reads.

Our primary keys become the Greenhouse ids, so an export imported into another organization is
a faithful copy (round trip), and the large demo doubles as an import benchmark. What v1 has
no field for is not exported: rubric descriptions, candidate-facing comments, drafts.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from heardback.accounts.models import Organization, User
from heardback.hiring.models import (
    Application,
    Candidate,
    Interview,
    Job,
    PipelineStage,
    RejectionReason,
    Scorecard,
    ScorecardRating,
)

JOB_STATUS = {"draft": "draft", "open": "open", "on_hold": "open", "closed": "closed"}
OVERALL = {"strong_no": "definitely_not"}  # v1's name; the rest are spelled the same
RATING_KEYS = ("definitely_not", "no", "mixed", "yes", "strong_yes")


@dataclass
class ExportSummary:
    directory: Path
    counts: dict[str, int] = field(default_factory=dict)


def export_greenhouse(organization: Organization, directory: Path | str) -> ExportSummary:
    """Write the organization's hiring data as Harvest v1 list dumps into `directory`."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(out)
    steps: dict[tuple[int, str], int] = {}
    files = {
        "jobs.json": _jobs(organization),
        "job_stages.json": _stages(organization),
        "rejection_reasons.json": _reasons(organization),
        "candidates.json": _candidates(organization),
        "applications.json": _applications(organization),
        "users.json": _users(organization),
        "scheduled_interviews.json": _interviews(organization, steps),
        "scorecards.json": _scorecards(organization, steps),
    }
    for name, rows in files.items():
        summary.counts[name] = _write(out / name, rows)
    # Not a Greenhouse file: keeps each reason's category across a round trip (see importing.md).
    reason_map = dict(
        RejectionReason.objects.filter(organization=organization).values_list("name", "category")
    )
    (out / "reason_map.json").write_text(json.dumps(reason_map, ensure_ascii=False, indent=1))
    return summary


def _write(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """One record per line inside one array: easy to diff, easy to split."""
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        stream.write("[")
        for row in rows:
            stream.write(",\n" if count else "\n")
            stream.write(json.dumps(row, ensure_ascii=False, default=str))
            count += 1
        stream.write("\n]\n")
    return count


def _ts(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    # Greenhouse writes milliseconds; we keep microseconds so a round trip is exact.
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _user_ref(user: User) -> dict[str, Any]:
    first, _, last = user.full_name.partition(" ")
    return {
        "id": user.pk,
        "first_name": first,
        "last_name": last,
        "name": user.full_name or user.email,
        "employee_id": None,
    }


def _html(text: str) -> str:
    # v1 notes and answers are HTML: escape so "&" and "<" in our plain text come back as is.
    return html.escape(text, quote=False)


def _jobs(organization: Organization) -> Iterable[dict[str, Any]]:
    for job in Job.objects.filter(organization=organization).order_by("pk"):
        yield {
            "id": job.pk,
            "name": job.title,
            "requisition_id": None,
            "notes": None,
            "confidential": False,
            "status": JOB_STATUS[job.status],
            "created_at": _ts(job.created_at),
            "departments": [{"id": job.pk, "name": job.department}] if job.department else [],
            "offices": [{"id": job.pk, "name": job.location, "location": {"name": job.location}}]
            if job.location
            else [],
            "custom_fields": {},
            "keyed_custom_fields": {},
        }


def _stages(organization: Organization) -> Iterable[dict[str, Any]]:
    for stage in PipelineStage.objects.filter(organization=organization).order_by("pk"):
        yield {
            "id": stage.pk,
            "job_id": stage.job_id,
            "name": stage.name,
            "priority": stage.position,
        }


def _reason_type(reason: RejectionReason) -> dict[str, Any]:
    if reason.category == RejectionReason.Category.WITHDREW:
        return {"id": 2, "name": "They rejected us"}
    return {"id": 1, "name": "We rejected them"}


def _reasons(organization: Organization) -> Iterable[dict[str, Any]]:
    for reason in RejectionReason.objects.filter(organization=organization).order_by("pk"):
        yield {"id": reason.pk, "name": reason.name, "type": _reason_type(reason)}


def _candidates(organization: Organization) -> Iterable[dict[str, Any]]:
    application_ids: dict[int, list[int]] = defaultdict(list)
    for pk, candidate_id in Application.objects.filter(organization=organization).values_list(
        "pk", "candidate_id"
    ):
        application_ids[candidate_id].append(pk)
    for c in Candidate.objects.filter(organization=organization).order_by("pk"):
        yield {
            "id": c.pk,
            "first_name": c.first_name,
            "last_name": c.last_name,
            "created_at": _ts(c.created_at),
            "email_addresses": [{"value": c.email, "type": "personal"}] if c.email else [],
            "phone_numbers": [{"value": c.phone, "type": "mobile"}] if c.phone else [],
            "application_ids": application_ids[c.pk],
            # Greenhouse has no language field; tenants keep it in a custom field.
            "keyed_custom_fields": {
                "preferred_language": {
                    "name": "Preferred language",
                    "type": "single_select",
                    "value": c.language,
                }
            },
        }


def _applications(organization: Organization) -> Iterable[dict[str, Any]]:
    applications = Application.objects.filter(organization=organization).select_related(
        "job", "stage", "rejection_reason"
    )
    for a in applications.order_by("pk"):
        reason = a.rejection_reason
        closed = a.status in ("rejected", "withdrawn")
        yield {
            "id": a.pk,
            "candidate_id": a.candidate_id,
            "prospect": False,
            "applied_at": _ts(a.applied_at),
            "rejected_at": _ts(a.decided_at or a.last_activity_at) if closed else None,
            "last_activity_at": _ts(a.last_activity_at),
            "source": {"id": None, "public_name": a.source} if a.source else None,
            "rejection_reason": (
                {"id": reason.pk, "name": reason.name, "type": _reason_type(reason)}
                if closed and reason is not None
                else None
            ),
            "jobs": [{"id": a.job_id, "name": a.job.title}],
            # A withdrawal is a rejection whose reason type is "They rejected us".
            "status": "rejected" if closed else a.status,
            "current_stage": {"id": a.stage.pk, "name": a.stage.name} if a.stage else None,
        }


def _users(organization: Organization) -> Iterable[dict[str, Any]]:
    people = User.objects.filter(memberships__organization=organization).order_by("pk")
    for user in people:
        yield {
            **_user_ref(user),
            "primary_email_address": user.email,
            "emails": [user.email],
            "disabled": not user.is_active,
            "site_admin": False,
        }


def _step(steps: dict[tuple[int, str], int], job_id: int, name: str) -> int:
    # v1's interview_step is the job's interview, shared by every application of the job.
    return steps.setdefault((job_id, name), len(steps) + 1)


def _interviews(
    organization: Organization, steps: dict[tuple[int, str], int]
) -> Iterable[dict[str, Any]]:
    submitted = {
        (interview_id, user_id): pk
        for pk, interview_id, user_id in Scorecard.objects.filter(
            organization=organization, submitted_at__isnull=False
        ).values_list("pk", "interview_id", "interviewer_id")
    }
    panels: dict[int, set[int]] = defaultdict(set)
    for interview_id, user_id in Interview.interviewers.through.objects.filter(
        interview__organization=organization
    ).values_list("interview_id", "user_id"):
        panels[interview_id].add(user_id)
    for interview_id, user_id in submitted:
        panels[interview_id].add(user_id)
    users = {u.pk: u for u in User.objects.filter(memberships__organization=organization)}
    interviews = Interview.objects.filter(organization=organization).select_related("application")
    for i in interviews.order_by("pk"):
        yield {
            "id": i.pk,
            "application_id": i.application_id,
            "start": {"date_time": _ts(i.scheduled_at)} if i.scheduled_at else None,
            "end": None,
            "status": "complete",
            "interview": {"id": _step(steps, i.application.job_id, i.name), "name": i.name},
            "interviewers": [
                {
                    "id": pk,
                    "name": users[pk].full_name if pk in users else "",
                    "email": users[pk].email if pk in users else None,
                    "response_status": "accepted",
                    "scorecard_id": submitted.get((i.pk, pk)),
                }
                for pk in sorted(panels[i.pk])
            ],
        }


def _scorecards(
    organization: Organization, steps: dict[tuple[int, str], int]
) -> Iterable[dict[str, Any]]:
    ratings: dict[int, list[ScorecardRating]] = defaultdict(list)
    for r in ScorecardRating.objects.filter(
        scorecard__organization=organization, scorecard__submitted_at__isnull=False
    ).select_related("competency"):
        ratings[r.scorecard_id].append(r)
    cards = Scorecard.objects.filter(
        organization=organization, submitted_at__isnull=False
    ).select_related("interview", "interviewer", "application")
    for s in cards.order_by("pk"):
        yield _scorecard(s, ratings[s.pk], _step(steps, s.application.job_id, s.interview.name))


def _scorecard(s: Scorecard, ratings: list[ScorecardRating], step: int) -> dict[str, Any]:
    grouped: dict[str, list[str]] = {key: [] for key in RATING_KEYS}
    for r in ratings:
        if r.rating:
            grouped[r.rating].append(r.competency.name)  # no "no_decision" key, as in v1
    interviewer = _user_ref(s.interviewer)
    return {
        "id": s.pk,
        "created_at": _ts(s.created_at),
        "interview": s.interview.name,
        "interview_step": {"id": step, "name": s.interview.name},
        "candidate_id": s.application.candidate_id,
        "application_id": s.application_id,
        "interviewed_at": _ts(s.interview.scheduled_at or s.submitted_at),
        "submitted_by": interviewer,
        "interviewer": interviewer,
        "submitted_at": _ts(s.submitted_at),
        "overall_recommendation": OVERALL.get(s.overall_recommendation, s.overall_recommendation),
        "attributes": [
            {
                "name": r.competency.name,
                "type": "Skills",
                "note": _html(r.evidence) or None,
                "rating": r.rating or "no_decision",
            }
            for r in ratings
        ],
        "ratings": grouped,
        "questions": [
            {"id": None, "question": "Key Take-Aways", "answer": _html(s.key_takeaways)},
            {"id": None, "question": "Private Notes", "answer": _html(s.private_notes)},
        ],
    }
