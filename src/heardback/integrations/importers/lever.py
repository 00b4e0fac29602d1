"""Lever v1: opportunities (expand=applications), postings, archive reasons, and feedback forms.

Lever cannot tell "we rejected them" from "they withdrew": every archive reason is just
hired / non-hired, so each non-hired reason is mapped to a category (a default from its text,
overridable with a reason map), and the withdrew category means the candidate withdrew.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from heardback.integrations.importers import normalize
from heardback.integrations.importers.base import (
    Fields,
    ImportReport,
    ProgressCallback,
    load_json,
    load_records,
    max_file_bytes,
    reason_map_in,
    records,
)
from heardback.integrations.importers.records import (
    ApplicationRec,
    Bundle,
    CandidateRec,
    InterviewRec,
    JobRec,
    RatingRec,
    ReasonRec,
    ScorecardRec,
    StageRec,
    placeholder_email,
)

SOURCE = "lever"
REQUIRED_FILES = ("opportunities.json", "postings.json", "archive_reasons.json", "feedback.json")
OPTIONAL_FILES = ("interviews.json", "users.json", "stages.json")
POSTING_STATES = {
    "published": "open",
    "internal": "open",
    "closed": "closed",
    "rejected": "closed",
    "draft": "draft",
    "pending": "draft",
}
REASON_TYPES = ("hired", "non-hired")
DEFAULT_STAGES = {
    "lead-new": "New lead",
    "lead-reached-out": "Reached out",
    "lead-responded": "Responded",
    "applicant-new": "New applicant",
    "offer": "Offer",
}
TEXT_FIELDS = (
    "text",
    "textarea",
    "code",
    "dropdown",
    "multiple-choice",
    "multiple-select",
    "yes-no",
    "date",
    "currency",
)
_OVERALL_TEXT = re.compile(r"^\s*\d\s*-")


@dataclass
class LeverState:
    reason_map: dict[str, str] | None
    reasons: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (type, category)
    stage_names: dict[str, str] = field(default_factory=dict)
    job_of_opportunity: dict[str, str] = field(default_factory=dict)


def read_lever(
    directory: Path,
    report: ImportReport,
    progress: ProgressCallback | None = None,
    reason_map: dict[str, str] | None = None,
    max_file_mb: float | None = None,
) -> Bundle:
    """Parse and check every file; problems go to the report, nothing is written."""
    if not directory.is_dir():
        report.error(str(directory), "", "", "is not a directory")
        return Bundle()
    limit = max_file_bytes(max_file_mb)
    reason_map = reason_map_in(directory, report, reason_map)

    def rows(name: str, required: bool = True) -> list[Any] | None:
        return load_records(directory / name, report, max_bytes=limit, required=required)

    opportunities, postings = rows("opportunities.json"), rows("postings.json")
    reasons, users, stages = (
        rows("archive_reasons.json"),
        rows("users.json", False),
        rows("stages.json", False),
    )
    feedback = _per_opportunity(directory / "feedback.json", report, limit, required=True)
    interviews = _per_opportunity(directory / "interviews.json", report, limit, required=False)
    bundle, state = Bundle(), LeverState(reason_map)
    for f in records(users, report, "users.json"):
        _user(f, bundle)
    for f in records(stages, report, "stages.json"):
        state.stage_names[f.id("id") or ""] = f.string("text")
    for f in records(postings, report, "postings.json", progress=progress):
        _posting(f, bundle)
    for f in records(reasons, report, "archive_reasons.json"):
        _reason(f, bundle, state)
    for f in records(opportunities, report, "opportunities.json", progress=progress):
        _opportunity(f, bundle, state)
    for opportunity_id, items in interviews.items():
        for f in records(items, report, "interviews.json"):
            _interview(f, opportunity_id, bundle)
    for opportunity_id, items in feedback.items():
        for f in records(items, report, "feedback.json"):
            _feedback(f, opportunity_id, bundle)
    return bundle


def _per_opportunity(
    path: Path, report: ImportReport, limit: int, *, required: bool
) -> dict[str, list[Any]]:
    """{opportunity id: [forms]}: what GET /opportunities/{id}/feedback returned for each."""
    value = load_json(path, report, max_bytes=limit, required=required)
    if value is None:
        return {}
    if not isinstance(value, dict):
        report.error(path.name, "", "", "expected an object mapping opportunity ids to arrays")
        return {}
    result = {}
    for opportunity_id, items in value.items():
        if isinstance(items, dict) and isinstance(items.get("data"), list):
            items = items["data"]  # the API envelope, saved as is
        if not isinstance(items, list):
            report.error(path.name, opportunity_id, "", "expected an array of forms")
            continue
        result[opportunity_id] = items
    return result


def _ref(value: object) -> str | None:
    """`expand=` turns id strings into objects: accept both."""
    if isinstance(value, dict):
        value = value.get("id")
    return value.strip() if isinstance(value, str) and value.strip() else None


def lever_user(bundle: Bundle, value: object, email: str = "", name: str = "") -> str | None:
    user_id = _ref(value)
    if user_id is None:
        return None
    if isinstance(value, dict):
        email = email or str(value.get("email") or "")
        name = name or str(value.get("name") or "")
    try:
        email = normalize.email_address(email) if email else ""
    except ValueError:
        email = ""
    return bundle.user(f"lv:{user_id}", email, name, placeholder_email("lever", user_id))


def _user(f: Fields, bundle: Bundle) -> None:
    if f.id("id") is not None:
        lever_user(bundle, f.data["id"], f.string("email"), f.string("name"))


def _posting(f: Fields, bundle: Bundle) -> None:
    posting_id, title = f.id("id"), f.string("text", required=True)
    categories = f.object("categories")
    state = f.string("state", default="published")
    if state not in POSTING_STATES:
        f.warn("state", f"unknown posting state {state!r}; imported as open")
    if posting_id is None or f.failed:
        return
    bundle.jobs[posting_id] = JobRec(
        ext=posting_id,
        title=title,
        department=str(categories.get("department") or categories.get("team") or ""),
        location=str(categories.get("location") or ""),
        status=POSTING_STATES.get(state, "open"),
    )


def _reason(f: Fields, bundle: Bundle, state: LeverState) -> None:
    reason_id, text = f.id("id"), f.string("text", required=True)
    kind = f.enum("type", REASON_TYPES)
    if reason_id is None or kind is None or f.failed:
        return
    overrides = state.reason_map
    category = normalize.reason_category(text, overrides, reason_id)
    state.reasons[reason_id] = (kind, category)
    if kind == "non-hired":
        confirmed = normalize.reason_is_confirmed(overrides, text, reason_id)
        bundle.reasons[reason_id] = ReasonRec(reason_id, text, category, confirmed)


def _opportunity(f: Fields, bundle: Bundle, state: LeverState) -> None:
    opportunity_id = f.id("id")
    name = f.string("name")
    emails = [e for e in f.array("emails") if isinstance(e, str)]
    phones = [p for p in f.array("phones") if isinstance(p, dict)]
    applications = [a for a in f.array("applications") if isinstance(a, dict)]
    archived = f.object("archived")
    # Docs examples still show the legacy top-level archivedAt / archiveReason.
    reason_id = _ref(archived.get("reason")) or _ref(f.data.get("archiveReason"))
    archived_at = _timestamp(f, "archived.archivedAt", archived.get("archivedAt")) or f.timestamp(
        "archivedAt"
    )
    created_at, last_activity = f.timestamp("createdAt"), f.timestamp("lastInteractionAt")
    if opportunity_id is None or f.failed:
        return
    posting = _ref(applications[0].get("posting")) if applications else None
    if posting is None:
        # A lead never attached to a posting: there is no job to give feedback about.
        bundle.skipped_applications.add(opportunity_id)
        return
    # One person (contact) can have several opportunities: the contact is the candidate.
    contact = _ref(f.data.get("contact")) or opportunity_id
    first, last = normalize.split_name(name)
    email = ""
    if emails:
        try:
            email = normalize.email_address(emails[0])
        except ValueError as error:
            f.warn("emails", f"{error}; ignored")
    bundle.candidates.setdefault(
        contact,
        CandidateRec(
            contact,
            first or "(no name)",
            last,
            email,
            str(phones[0].get("value") or "") if phones else "",
        ),
    )
    rec = ApplicationRec(
        ext=opportunity_id,
        candidate=contact,
        job=posting,
        origin=(f.file, f.record),
        applied_at=_timestamp(f, "applications[0].createdAt", applications[0].get("createdAt"))
        or created_at,
        last_activity_at=last_activity or f.timestamp("updatedAt"),
        source=str((f.array("sources") or [f.string("origin")])[0] or ""),
    )
    archived_now = archived_at is not None or reason_id is not None
    if archived_now and not _archive(f, rec, reason_id, archived_at, state):
        return
    stage = f.data.get("stage")
    stage_id = _ref(stage)
    if stage_id is not None:
        # Archiving does not move the stage, so it is where the candidate was turned down.
        text = stage.get("text") if isinstance(stage, dict) else None
        label = text or state.stage_names.get(stage_id) or DEFAULT_STAGES.get(stage_id)
        bundle.stages.setdefault(
            (posting, stage_id), StageRec(posting, stage_id, str(label or f"Stage {stage_id[:8]}"))
        )
        rec.stage = stage_id
    bundle.applications[opportunity_id] = rec


def _timestamp(f: Fields, name: str, value: object) -> Any:
    try:
        return normalize.parse_timestamp(value)
    except ValueError as error:
        f.problem(name, str(error))
        return None


def _archive(
    f: Fields, rec: ApplicationRec, reason_id: str | None, archived_at: Any, state: LeverState
) -> bool:
    if reason_id is None or reason_id not in state.reasons:
        f.problem(
            "archived.reason",
            f"archive reason {reason_id} is not in archive_reasons.json"
            if reason_id
            else "archived without a reason",
        )
        return False
    kind, category = state.reasons[reason_id]
    if kind == "hired":
        rec.status, rec.decision, rec.decided_at = "hired", "hire", archived_at
    elif category == "withdrew":
        rec.status, rec.decision, rec.rejection_reason = "withdrawn", "pending", reason_id
    else:
        rec.status, rec.decision, rec.decided_at = "rejected", "reject", archived_at
        rec.rejection_reason = reason_id
    return True


def _interview(f: Fields, opportunity_id: str, bundle: Bundle) -> None:
    interview_id = f.id("id")
    subject, date = f.string("subject"), f.timestamp("date")
    people = []
    for index, person in enumerate(f.array("interviewers")):
        if isinstance(person, dict):
            key = lever_user(bundle, person, str(person.get("email") or ""))
            people += [key] if key else []
        else:
            f.problem(f"interviewers[{index}]", "expected an object")
    if interview_id is None or f.failed or f.data.get("canceledAt"):
        return
    bundle.interviews[interview_id] = InterviewRec(
        interview_id, opportunity_id, subject or "Interview", (f.file, f.record), date, people
    )


def _feedback(f: Fields, opportunity_id: str, bundle: Bundle) -> None:
    form_id, user = f.id("id"), f.data.get("user")
    completed_at, deleted_at = f.timestamp("completedAt"), f.timestamp("deletedAt")
    title = f.string("text")
    overall, ratings, takeaways, private = _fields(f)
    interviewer = lever_user(bundle, user)
    if interviewer is None:
        f.problem("user", "is missing")
    if form_id is None or interviewer is None or f.failed:
        return
    if opportunity_id in bundle.skipped_applications or completed_at is None or deleted_at:
        # Deleted forms are still listed, and unfinished ones are not feedback yet.
        f.report.count("scorecards", "skipped")
        return
    interview = _ref(f.data.get("interview")) or f"feedback:{form_id}"
    if interview not in bundle.interviews:
        bundle.interviews[interview] = InterviewRec(
            interview, opportunity_id, title or "Interview", (f.file, f.record), completed_at
        )
    bundle.scorecards[form_id] = ScorecardRec(
        ext=form_id,
        application=opportunity_id,
        interview=interview,
        interviewer=interviewer,
        origin=(f.file, f.record),
        overall=overall.value,
        overall_raw=overall.raw,
        key_takeaways=takeaways,
        private_notes=private,
        submitted_at=completed_at,
        ratings=ratings,
    )


def _fields(f: Fields) -> tuple[normalize.Rating, list[RatingRec], str, str]:
    """(overall, competency ratings, take-aways, private notes) from a form's fields."""
    overall: normalize.Rating | None = None
    ratings: list[RatingRec] = []
    takeaways: list[str] = []
    private: list[str] = []
    for index, raw in enumerate(f.array("fields")):
        if not isinstance(raw, dict):
            f.problem(f"fields[{index}]", "expected an object")
            continue
        item = f.nested(f"fields[{index}]", raw)
        kind, label, value = item.string("type"), item.string("text").strip(), raw.get("value")
        if _is_overall(raw):
            rating = _parse(item, "value", value, normalize.overall_rating)
            if rating is not None and overall is None:
                overall = rating
        elif kind == "score":
            rating = _parse(item, "value", value, normalize.attribute_rating)
            if rating is not None and label:
                ratings.append(RatingRec(label, rating.value, rating.raw))
        elif kind == "scorecard":
            ratings += _scorecard_field(item, raw)
        elif kind in TEXT_FIELDS or kind == "":
            answer = _answer(item, kind, value)
            # Lever feedback has no built-in private note; tenants add one by name.
            if answer and any(w in label.lower() for w in ("private", "confidential")):
                private.append(answer)
            elif answer:
                takeaways.append(f"{label}\n{answer}" if label else answer)
        else:
            item.warn("type", f"unknown field type {kind!r}; ignored")
    return (
        overall or normalize.Rating("no_decision", ""),
        ratings,
        "\n\n".join(takeaways),
        "\n\n".join(private),
    )


def _is_overall(raw: dict[str, Any]) -> bool:
    # The docs call the overall rating `score-system`, but their feedback examples show it as
    # `score` with "3 - Hire" options, and a PUT adds `overall: true`.
    value = raw.get("value")
    return (
        raw.get("type") == "score-system"
        or raw.get("overall") is True
        or (isinstance(value, str) and bool(_OVERALL_TEXT.match(value)))
    )


def _parse(item: Fields, name: str, value: object, parse: Any) -> normalize.Rating | None:
    try:
        rating: normalize.Rating = parse(value)
    except ValueError as error:
        item.problem(name, str(error))
        return None
    if rating.warning:
        item.warn(name, rating.warning)
    return rating


def _scorecard_field(item: Fields, raw: dict[str, Any]) -> list[RatingRec]:
    """A `scorecard` field: `scores[i]` names the skill, `value[i]` rates it (by index)."""
    scores = raw.get("scores") or []
    values = raw.get("value") or []
    if not isinstance(scores, list) or not isinstance(values, list):
        item.problem("value", "expected arrays in scores and value")
        return []
    result = []
    for index, (score, value) in enumerate(zip(scores, values, strict=False)):
        if not isinstance(score, dict) or not isinstance(value, dict):
            item.problem(f"value[{index}]", "expected an object")
            continue
        rating = _parse(
            item, f"value[{index}].score", value.get("score"), normalize.attribute_rating
        )
        name = str(score.get("text") or "").strip()
        if rating is not None and name:
            comment = normalize.clean_text(value.get("comment"))
            result.append(RatingRec(name, rating.value, rating.raw, comment))
    return result


def _answer(item: Fields, kind: str, value: object) -> str:
    if kind == "date" and value not in (None, ""):
        moment = _timestamp(item, "value", value)  # dates are epoch milliseconds too
        return moment.date().isoformat() if moment else ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v not in (None, ""))
    if value is None or value == "null":  # some clients send the string 'null' for yes-no
        return ""
    return normalize.clean_text(value)
