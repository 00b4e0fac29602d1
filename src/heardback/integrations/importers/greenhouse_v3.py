"""Greenhouse Harvest v3: flat, normalized resources joined by id, one JSON array per file.

v3 ids are the same objects as v1's, so both versions share the "greenhouse" external-id key
and a v3 import updates what a v1 import created.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from heardback.integrations.importers import normalize
from heardback.integrations.importers.base import (
    Fields,
    ImportReport,
    ProgressCallback,
    load_records,
    max_file_bytes,
    reason_map_in,
    records,
)
from heardback.integrations.importers.greenhouse import ReasonKind, gh_email, gh_user, language_of
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
    derived_interview_key,
    is_derived_interview_key,
)

REQUIRED_FILES = (
    "jobs.json",
    "candidates.json",
    "applications.json",
    "rejection_reasons.json",
    "rejection_details.json",
    "scorecards.json",
    "scorecard_candidate_attributes.json",
    "job_candidate_attributes.json",
)
# job_interview_stages.json and job_interviews.json are not in the published field list; we
# read {id, job_id, name, priority} and {id, name, interview_kit_id} when a dump has them.
OPTIONAL_FILES = (
    "users.json",
    "application_stages.json",
    "job_interview_stages.json",
    "interviews.json",
    "interviewers.json",
    "job_interviews.json",
    "scorecard_questions.json",
    "scorecard_question_answers.json",
)
APPLICATION_STATUSES = ("in_process", "rejected", "hired", "converted")
SCORECARD_STATUSES = ("draft", "complete")
JOB_STATUSES = ("open", "draft", "closed")
REASON_KEYS = ("WE_REJECTED_THEM", "THEY_REJECTED_US", "NONE_SPECIFIED", "SECURITY_CONCERN")


@dataclass
class V3State:
    reason_map: dict[str, str] | None
    reason_kinds: dict[str, ReasonKind] = field(default_factory=dict)
    rejections: dict[str, tuple[str | None, Any]] = field(default_factory=dict)
    current_stage: dict[str, tuple[bool, Any, str]] = field(default_factory=dict)
    stage_names: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    interview_of_scorecard: dict[str, str] = field(default_factory=dict)
    panels: dict[str, list[str]] = field(default_factory=dict)  # interview id → user keys
    interview_names: dict[str, str] = field(default_factory=dict)  # job interview or kit id
    step_of_kit: dict[str, str] = field(default_factory=dict)
    attribute_names: dict[str, str] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)
    drafts: set[str] = field(default_factory=set)


def read_greenhouse_v3(
    directory: Path,
    report: ImportReport,
    progress: ProgressCallback | None = None,
    reason_map: dict[str, str] | None = None,
    max_file_mb: float | None = None,
) -> Bundle:
    """Parse and join the v3 resources; problems go to the report, nothing is written."""
    if not directory.is_dir():
        report.error(str(directory), "", "", "is not a directory")
        return Bundle()
    limit = max_file_bytes(max_file_mb)
    reason_map = reason_map_in(directory, report, reason_map)
    dumps = {
        name: load_records(directory / name, report, max_bytes=limit, required=required)
        for names, required in ((REQUIRED_FILES, True), (OPTIONAL_FILES, False))
        for name in names
    }
    bundle, state = Bundle(), V3State(reason_map)
    steps: list[tuple[str, Callable[[Fields, Bundle, V3State], None]]] = [
        ("users.json", _user),
        ("interviewers.json", _interviewer),
        ("job_interviews.json", _job_interview),
        ("interviews.json", _interview),
        ("jobs.json", _job),
        ("job_interview_stages.json", _stage),
        ("rejection_reasons.json", _reason),
        ("candidates.json", _candidate),
        ("rejection_details.json", _rejection),
        ("application_stages.json", _application_stage),
        ("applications.json", _application),
        ("job_candidate_attributes.json", _attribute_name),
        ("scorecard_questions.json", _question),
        ("scorecards.json", _scorecard),
        ("scorecard_candidate_attributes.json", _rating_row),
        ("scorecard_question_answers.json", _answer),
    ]
    for name, read in steps:
        for f in records(dumps[name], report, name, progress=progress):
            read(f, bundle, state)
    return bundle


def _user(f: Fields, bundle: Bundle, state: V3State) -> None:
    user_id = f.id("id")
    name = f.string("name") or f"{f.string('first_name')} {f.string('last_name')}".strip()
    email = gh_email(f, "primary_email", f.data.get("primary_email"))
    if user_id is not None:
        gh_user(bundle, user_id, email, name)


def _interviewer(f: Fields, bundle: Bundle, state: V3State) -> None:
    interview_id = f.id("interview_id")
    user_id, scorecard_id = f.id("user_id", required=False), f.id("scorecard_id", required=False)
    if user_id is not None and interview_id is not None:
        key = gh_user(bundle, user_id, gh_email(f, "email", f.data.get("email")))
        state.panels.setdefault(interview_id, []).append(key)
    if interview_id is not None and scorecard_id is not None:
        state.interview_of_scorecard[scorecard_id] = interview_id


def _job_interview(f: Fields, bundle: Bundle, state: V3State) -> None:
    step_id, name = f.id("id"), f.string("name", required=True)
    kit_id = f.id("interview_kit_id", required=False)
    if step_id is None or f.failed:
        return
    state.interview_names[step_id] = name
    if kit_id is not None:
        state.step_of_kit[kit_id] = step_id


def _interview(f: Fields, bundle: Bundle, state: V3State) -> None:
    interview_id, app_id = f.id("id"), f.id("application_id")
    step_id = f.id("job_interview_id", required=False)
    starts_at = f.timestamp("starts_at") or f.timestamp("all_day_start_on")
    if interview_id is None or app_id is None or f.failed:
        return
    bundle.interviews[interview_id] = InterviewRec(
        ext=interview_id,
        application=app_id,
        name=state.interview_names.get(step_id or "", "Interview"),
        origin=(f.file, f.record),
        scheduled_at=starts_at,
        interviewers=state.panels.get(interview_id, []),
    )


def _job(f: Fields, bundle: Bundle, state: V3State) -> None:
    job_id, title = f.id("id"), f.string("name", required=True)
    status = f.string("status", default="open")
    if status not in JOB_STATUSES:
        f.warn("status", f"unknown job status {status!r}; imported as open")
        status = "open"
    if job_id is not None and not f.failed:
        bundle.jobs[job_id] = JobRec(ext=job_id, title=title, status=status)


def _stage(f: Fields, bundle: Bundle, state: V3State) -> None:
    stage_id, name = f.id("id"), f.string("name", required=True)
    priority = f.data.get("priority")
    if stage_id is not None and not f.failed:
        order = priority if isinstance(priority, int) and not isinstance(priority, bool) else None
        state.stage_names[stage_id] = (name, order)


def _reason(f: Fields, bundle: Bundle, state: V3State) -> None:
    reason_id, name = f.id("id"), f.string("name", required=True)
    key = str(f.object("type", required=True).get("key") or "")
    if reason_id is None or f.failed:
        return
    if key not in REASON_KEYS:
        # Vendors add reason types; an unknown one is not a rejection we may explain.
        f.warn("type.key", f"unknown reason type {key!r}; its applications are left out")
    overrides = state.reason_map
    confirmed = normalize.reason_is_confirmed(overrides, name, reason_id)
    category = normalize.reason_category(name, overrides, reason_id)
    if key == "THEY_REJECTED_US" and not confirmed:
        category = "withdrew"
    # A security concern is never explained to the candidate, whatever the reason map says.
    trusted = confirmed and key != "SECURITY_CONCERN"
    state.reason_kinds[reason_id] = ReasonKind(
        by_us=key == "WE_REJECTED_THEM" or (trusted and category != "withdrew"),
        withdrew=key == "THEY_REJECTED_US" or (trusted and category == "withdrew"),
    )
    bundle.reasons[reason_id] = ReasonRec(reason_id, name, category, confirmed)


def _candidate(f: Fields, bundle: Bundle, state: V3State) -> None:
    candidate_id = f.id("id")
    first = f.string("preferred_name") or f.string("first_name")
    last = f.string("last_name")
    emails = [e for e in f.array("email_addresses") if isinstance(e, dict)]
    emails.sort(key=lambda e: e.get("type") != "personal")
    phones = [p for p in f.array("phone_numbers") if isinstance(p, dict)]
    email = gh_email(f, "email_addresses", emails[0].get("value")) if emails else ""
    language = language_of(f.object("custom_fields"))
    if candidate_id is None or f.failed:
        return
    bundle.candidates[candidate_id] = CandidateRec(
        ext=candidate_id,
        first_name=first or last or "(no name)",
        last_name=last if first else "",
        email=email,
        phone=str(phones[0].get("value") or "") if phones else "",
        language=language,
    )


def _rejection(f: Fields, bundle: Bundle, state: V3State) -> None:
    app_id = f.id("application_id")
    reason_id = f.id("rejection_reason_id", required=False)
    rejected_at = f.timestamp("rejected_at")
    if app_id is None or f.failed:
        return
    if app_id in state.rejections:
        f.warn("application_id", "a second rejection for this application; the later one wins")
    state.rejections[app_id] = (reason_id, rejected_at)


def _application_stage(f: Fields, bundle: Bundle, state: V3State) -> None:
    app_id, stage_id = f.id("application_id"), f.id("job_interview_stage_id")
    entered_at, current = f.timestamp("entered_at"), f.boolean("current")
    if app_id is None or stage_id is None or f.failed:
        return
    # v3 nulls stage_id on rejected applications. Which history row marks the rejection stage
    # is unverified: prefer the `current` row, else the last one entered.
    best = state.current_stage.get(app_id)
    candidate = (current, entered_at.isoformat() if entered_at else "", stage_id)
    if best is None or candidate[:2] > best[:2]:
        state.current_stage[app_id] = candidate


def _application(f: Fields, bundle: Bundle, state: V3State) -> None:
    app_id, candidate_id = f.id("id"), f.id("candidate_id")
    job_id = f.id("job_id", required=False)
    status = f.enum("status", APPLICATION_STATUSES)
    stage_id, stage_name = f.id("stage_id", required=False), f.string("stage_name")
    applied_at = f.timestamp("applied_at") or f.timestamp("created_at")
    last_activity = f.timestamp("last_activity_at")
    if app_id is None or candidate_id is None or status is None or f.failed:
        return
    if stage_id is not None and stage_name:
        state.stage_names.setdefault(stage_id, (stage_name, None))
    if f.boolean("prospect") or job_id is None or status == "converted":
        bundle.skipped_applications.add(app_id)
        return
    rec = ApplicationRec(
        ext=app_id,
        candidate=candidate_id,
        job=job_id,
        origin=(f.file, f.record),
        applied_at=applied_at,
        last_activity_at=last_activity,
    )
    if not _outcome(f, rec, status, state):
        bundle.skipped_applications.add(app_id)
        return
    history = state.current_stage.get(app_id)
    stage_id = stage_id or (history[2] if history else None)
    if stage_id is not None:
        name, order = state.stage_names.get(stage_id, (f"Stage {stage_id}", None))
        bundle.stages.setdefault((job_id, stage_id), StageRec(job_id, stage_id, name, order))
        rec.stage = stage_id
    bundle.applications[app_id] = rec


def _outcome(f: Fields, rec: ApplicationRec, status: str, state: V3State) -> bool:
    if status == "in_process":
        return True
    if status == "hired":
        rec.status, rec.decision, rec.decided_at = "hired", "hire", rec.last_activity_at
        return True
    reason_id, rejected_at = state.rejections.get(rec.ext, (None, None))
    kind = state.reason_kinds.get(reason_id or "", ReasonKind())
    rec.rejection_reason = reason_id
    if kind.by_us:
        rec.status, rec.decision = "rejected", "reject"
        rec.decided_at = rejected_at or f.timestamp("rejected_at")
        return True
    if kind.withdrew:
        rec.status, rec.decision = "withdrawn", "pending"
        return True
    f.warn(
        "status",
        "rejected without a WE_REJECTED_THEM or THEY_REJECTED_US reason in rejection_details; "
        "left out so no feedback is drafted (confirm the reason with --reason-map)",
    )
    return False


def _attribute_name(f: Fields, bundle: Bundle, state: V3State) -> None:
    attribute_id, name = f.id("id"), f.string("name", required=True).strip()
    if attribute_id is not None and not f.failed:
        state.attribute_names[attribute_id] = name


def _question(f: Fields, bundle: Bundle, state: V3State) -> None:
    question_id = f.id("id")
    text = f.text("question")
    if question_id is not None and not f.failed:
        state.questions[question_id] = text


def _scorecard(f: Fields, bundle: Bundle, state: V3State) -> None:
    card_id, app_id = f.id("id"), f.id("application_id")
    interviewer_id = f.id("interviewer_id")
    kit_id = f.id("interview_kit_id", required=False)
    status = f.enum("status", SCORECARD_STATUSES)
    submitted_at, interviewed_at = f.timestamp("submitted_at"), f.timestamp("interviewed_at")
    overall = _rating(f, "candidate_rating", normalize.overall_rating)
    # Plain text first; the *_with_tags twins hold HTML and @[Name](user:1) mentions.
    takeaways = f.text("notes") or f.text("notes_with_tags")
    private = f.text("private_notes") or f.text("private_notes_with_tags")
    public = f.text("public_notes") or f.text("public_notes_with_tags")
    if card_id is None or app_id is None or interviewer_id is None or f.failed:
        return
    if status == "draft" or app_id in bundle.skipped_applications:
        # Unlike v1, v3 returns drafts: only complete scorecards are feedback.
        state.drafts.add(card_id)
        f.report.count("scorecards", "skipped")
        return
    interview = _interview_key(state, card_id, app_id, kit_id)
    if interview not in bundle.interviews:
        step = state.step_of_kit.get(kit_id or "", kit_id or "")
        bundle.interviews[interview] = InterviewRec(
            interview,
            app_id,
            state.interview_names.get(step, "Interview"),
            (f.file, f.record),
            interviewed_at,
            derived=is_derived_interview_key(interview),
        )
    if public:
        # "Note to other interviewers": internal, kept beside the private notes.
        private = "\n\n".join(filter(None, [private, f"Note to other interviewers:\n{public}"]))
    bundle.scorecards[card_id] = ScorecardRec(
        ext=card_id,
        application=app_id,
        interview=interview,
        interviewer=gh_user(bundle, interviewer_id),
        origin=(f.file, f.record),
        overall=overall.value,
        overall_raw=overall.raw,
        key_takeaways=takeaways,
        private_notes=private,
        submitted_at=submitted_at,
    )


def _interview_key(state: V3State, card_id: str, app_id: str, kit_id: str | None) -> str:
    """The interview a scorecard belongs to, keyed like v1's when the dump allows it."""
    if card_id in state.interview_of_scorecard:
        return state.interview_of_scorecard[card_id]
    step = state.step_of_kit.get(kit_id or "")
    if step:
        return derived_interview_key("step", app_id, step)
    return derived_interview_key("kit", app_id, kit_id or "")


def _rating(f: Fields, name: str, parse: Callable[[object], normalize.Rating]) -> normalize.Rating:
    try:
        rating = parse(f.data.get(name))
    except ValueError as error:
        f.problem(name, str(error))
        return normalize.Rating("", "")
    if rating.warning:
        f.warn(name, rating.warning)
    return rating


def _rating_row(f: Fields, bundle: Bundle, state: V3State) -> None:
    card_id, attribute_id = f.id("scorecard_id"), f.id("job_candidate_attribute_id")
    rating = _rating(f, "candidate_attribute_rating", normalize.attribute_rating)
    note = f.text("note")
    if card_id is None or attribute_id is None or f.failed or card_id in state.drafts:
        return
    card = bundle.scorecards.get(card_id)
    name = state.attribute_names.get(attribute_id)
    if card is None:
        f.problem("scorecard_id", f"points to scorecard {card_id}, which is not in scorecards.json")
    elif name is None:
        f.problem(
            "job_candidate_attribute_id",
            f"points to attribute {attribute_id}, which is not in job_candidate_attributes.json",
        )
    else:
        card.ratings.append(RatingRec(name, rating.value, rating.raw, note))


def _answer(f: Fields, bundle: Bundle, state: V3State) -> None:
    card_id, question_id = f.id("scorecard_id"), f.id("scorecard_question_id")
    answer = f.text("answer") or f.text("answer_with_tags")
    boolean = f.data.get("boolean_value")
    if isinstance(boolean, bool):
        answer = answer or ("Yes" if boolean else "No")
    card = bundle.scorecards.get(card_id or "")
    if card is None or question_id is None or not answer or f.failed:
        return
    question = state.questions.get(question_id, "Question")
    card.key_takeaways = "\n\n".join(filter(None, [card.key_takeaways, f"{question}\n{answer}"]))
