"""Greenhouse Harvest v1: a directory of list-endpoint dumps, one JSON array per file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

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
    placeholder_email,
)

SOURCE = "greenhouse"
REQUIRED_FILES = (
    "jobs.json",
    "candidates.json",
    "applications.json",
    "scorecards.json",
    "rejection_reasons.json",
)
OPTIONAL_FILES = ("users.json", "scheduled_interviews.json", "job_stages.json")
APPLICATION_STATUSES = ("active", "rejected", "hired", "converted")
JOB_STATUSES = ("open", "closed", "draft")
# Rejection reason type names: the type ids differ between organizations, the names do not
# (apart from their casing: "None Specified" and "None specified" both occur).
WE_REJECTED = "we rejected them"
THEY_REJECTED = "they rejected us"


@dataclass
class ReasonKind:
    """How an application closed with this reason counts for feedback."""

    by_us: bool = False
    withdrew: bool = False


@dataclass
class GreenhouseState:
    """What one file tells the readers of the next ones."""

    reason_map: dict[str, str] | None
    reason_kinds: dict[str, ReasonKind] = field(default_factory=dict)
    # scheduled_interviews[].interviewers[].scorecard_id → the scheduled interview's id.
    interview_of_scorecard: dict[str, str] = field(default_factory=dict)


def read_greenhouse(
    directory: Path,
    report: ImportReport,
    progress: ProgressCallback | None = None,
    reason_map: dict[str, str] | None = None,
    max_file_mb: float | None = None,
) -> Bundle:
    """Parse and check every file; problems go to the report, nothing is written."""
    limit = max_file_bytes(max_file_mb)
    reason_map = reason_map_in(directory, report, reason_map)
    if not directory.is_dir():
        report.error(str(directory), "", "", "is not a directory")
        return Bundle()
    dumps = {
        name: load_records(directory / name, report, max_bytes=limit, required=required)
        for names, required in ((REQUIRED_FILES, True), (OPTIONAL_FILES, False))
        for name in names
    }
    bundle, state = Bundle(), GreenhouseState(reason_map)
    for f in records(dumps["users.json"], report, "users.json", progress=progress):
        _user(f, bundle)
    for f in records(dumps["scheduled_interviews.json"], report, "scheduled_interviews.json"):
        _scheduled_interview(f, bundle, state)
    for f in records(dumps["jobs.json"], report, "jobs.json", progress=progress):
        _job(f, bundle)
    for f in records(dumps["job_stages.json"], report, "job_stages.json"):
        _job_stage(f, bundle)
    for f in records(dumps["rejection_reasons.json"], report, "rejection_reasons.json"):
        _reason(f, f.data, bundle, state)
    for f in records(dumps["candidates.json"], report, "candidates.json", progress=progress):
        _candidate(f, bundle)
    for f in records(dumps["applications.json"], report, "applications.json", progress=progress):
        _application(f, bundle, state)
    for f in records(dumps["scorecards.json"], report, "scorecards.json", progress=progress):
        _scorecard(f, bundle, state)
    return bundle


def gh_user(bundle: Bundle, user_id: str, email: str = "", name: str = "") -> str:
    return bundle.user(f"gh:{user_id}", email, name, placeholder_email("gh", user_id))


def gh_email(f: Fields, name: str, value: object) -> str:
    """An address Greenhouse gave, checked: "" when there is none or it is not an address."""
    if value in (None, ""):
        return ""
    try:
        return normalize.email_address(value)
    except ValueError as error:
        f.warn(name, f"{error}; ignored")
        return ""


def _user(f: Fields, bundle: Bundle) -> None:
    user_id = f.id("id")
    emails = f.array("emails")
    email = f.string("primary_email_address") or (emails[0] if emails else "")
    name = f.string("name") or f"{f.string('first_name')} {f.string('last_name')}".strip()
    if user_id is not None:
        gh_user(bundle, user_id, gh_email(f, "primary_email_address", email), name)


def _scheduled_interview(f: Fields, bundle: Bundle, state: GreenhouseState) -> None:
    interview_id, application_id = f.id("id"), f.id("application_id")
    step = f.object("interview")
    start = f.timestamp("start")
    keys = []
    for index, raw in enumerate(f.array("interviewers")):
        if not isinstance(raw, dict):
            f.problem(f"interviewers[{index}]", "expected an object")
            continue
        person = f.nested(f"interviewers[{index}]", raw)
        user_id = person.id("id")
        if user_id is None:
            continue
        email = gh_email(person, "email", raw.get("email"))
        keys.append(gh_user(bundle, user_id, email, person.string("name")))
        scorecard_id = person.id("scorecard_id", required=False)
        if scorecard_id is not None and interview_id is not None:
            state.interview_of_scorecard[scorecard_id] = interview_id
    if interview_id is None or application_id is None or f.failed:
        return
    bundle.interviews[interview_id] = InterviewRec(
        ext=interview_id,
        application=application_id,
        name=str(step.get("name") or "Interview"),
        origin=(f.file, f.record),
        scheduled_at=start,
        interviewers=keys,
    )


def _job(f: Fields, bundle: Bundle) -> None:
    job_id, title = f.id("id"), f.string("name", required=True)
    status = f.string("status", default="open")
    if status not in JOB_STATUSES:
        f.warn("status", f"unknown job status {status!r}; imported as open")
        status = "open"
    departments, offices = f.array("departments"), f.array("offices")
    if job_id is None or f.failed:
        return
    bundle.jobs[job_id] = JobRec(
        ext=job_id,
        title=title,
        department=_first_name(departments),
        location=_first_name(offices),
        status=status,
    )


def _first_name(items: list[object]) -> str:
    first = items[0] if items else None
    return str(first.get("name") or "") if isinstance(first, dict) else ""


def _job_stage(f: Fields, bundle: Bundle) -> None:
    stage_id, job_id, name = f.id("id"), f.id("job_id"), f.string("name", required=True)
    priority = f.data.get("priority")
    if stage_id is None or job_id is None or f.failed:
        return
    order = priority if isinstance(priority, int) and not isinstance(priority, bool) else None
    bundle.stages[(job_id, stage_id)] = StageRec(job_id, stage_id, name, order)


def _reason(f: Fields, data: dict[str, object], bundle: Bundle, state: GreenhouseState) -> None:
    """A rejection reason, from rejection_reasons.json or embedded in an application."""
    reader = f if f.data is data else f.nested("rejection_reason", data)
    reason_id, name = reader.id("id"), reader.string("name", required=True)
    type_name = str(reader.object("type").get("name") or "").strip().lower()
    if reason_id is None or reader.failed:
        return
    overrides = state.reason_map
    confirmed = normalize.reason_is_confirmed(overrides, name, reason_id)
    category = normalize.reason_category(name, overrides, reason_id)
    if type_name == THEY_REJECTED and not confirmed:
        category = "withdrew"
    kind = ReasonKind(
        by_us=type_name == WE_REJECTED or (confirmed and category != "withdrew"),
        withdrew=type_name == THEY_REJECTED or (confirmed and category == "withdrew"),
    )
    state.reason_kinds[reason_id] = kind
    if reason_id not in bundle.reasons:
        bundle.reasons[reason_id] = ReasonRec(reason_id, name, category, confirmed)


def _candidate(f: Fields, bundle: Bundle) -> None:
    candidate_id = f.id("id")
    first, last = f.string("first_name"), f.string("last_name")
    emails = [e for e in f.array("email_addresses") if isinstance(e, dict)]
    # Feedback goes to the address the candidate gave, so a personal one wins over work.
    emails.sort(key=lambda e: e.get("type") != "personal")
    phones = [p for p in f.array("phone_numbers") if isinstance(p, dict)]
    email = gh_email(f, "email_addresses", emails[0].get("value")) if emails else ""
    language = language_of(f.object("keyed_custom_fields"))
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


LANGUAGE_FIELDS = ("preferred_language", "language", "candidate_language")
LANGUAGE_VALUES = {"en": "en", "english": "en", "fr": "fr", "french": "fr", "français": "fr"}


def language_of(custom_fields: dict[str, object]) -> str | None:
    """The candidate's language when the tenant keeps one in a custom field (GH has none)."""
    for key in LANGUAGE_FIELDS:
        entry = custom_fields.get(key)
        value = entry.get("value") if isinstance(entry, dict) else entry
        if isinstance(value, str) and value.strip().lower() in LANGUAGE_VALUES:
            return LANGUAGE_VALUES[value.strip().lower()]
    return None


def _application(f: Fields, bundle: Bundle, state: GreenhouseState) -> None:
    app_id, candidate_id = f.id("id"), f.id("candidate_id")
    status = f.enum("status", APPLICATION_STATUSES)
    jobs = [j for j in f.array("jobs") if isinstance(j, dict)]
    reason = f.object("rejection_reason")
    stage = f.object("current_stage")
    applied_at, rejected_at = f.timestamp("applied_at"), f.timestamp("rejected_at")
    last_activity = f.timestamp("last_activity_at")
    if reason:
        _reason(f, reason, bundle, state)
    if app_id is None or candidate_id is None or status is None or f.failed:
        return
    if f.boolean("prospect") or not jobs or status == "converted":
        # Prospects have no job to give feedback about; converted ones live on as a new one.
        bundle.skipped_applications.add(app_id)
        return
    job_id = f.nested("jobs[0]", jobs[0]).id("id")
    stage_id = f.nested("current_stage", stage).id("id", required=False)
    if job_id is None or f.failed:
        return
    rec = ApplicationRec(
        ext=app_id,
        candidate=candidate_id,
        job=job_id,
        origin=(f.file, f.record),
        applied_at=applied_at,
        last_activity_at=last_activity,
        source=str(f.object("source").get("public_name") or ""),
    )
    if not _set_outcome(f, rec, status, reason, rejected_at, state):
        bundle.skipped_applications.add(app_id)
        return
    if stage_id is not None:
        # For a rejected application this is the stage it was in when rejected.
        bundle.stages.setdefault(
            (job_id, stage_id), StageRec(job_id, stage_id, str(stage.get("name") or stage_id))
        )
        rec.stage = stage_id
    bundle.applications[app_id] = rec


def _set_outcome(
    f: Fields,
    rec: ApplicationRec,
    status: str,
    reason: dict[str, object],
    rejected_at: dt.datetime | None,
    state: GreenhouseState,
) -> bool:
    """Status and decision from Greenhouse's; False for closures we must not give feedback on."""
    if status == "active":
        return True
    if status == "hired":
        rec.status, rec.decision, rec.decided_at = "hired", "hire", rec.last_activity_at
        return True
    reason_id = normalize.external_id(reason["id"]) if reason.get("id") is not None else None
    kind = state.reason_kinds.get(reason_id or "", ReasonKind())
    rec.rejection_reason = reason_id
    if kind.by_us:
        rec.status, rec.decision, rec.decided_at = "rejected", "reject", rejected_at
        return True
    if kind.withdrew:
        # "They rejected us": the candidate withdrew or declined. Owed a kind word, not a verdict.
        rec.status, rec.decision = "withdrawn", "pending"
        return True
    f.warn(
        "rejection_reason",
        "rejected without a 'We rejected them' or 'They rejected us' reason; left out so no "
        "feedback is drafted (confirm the reason with --reason-map to import it)",
    )
    return False


def _scorecard(f: Fields, bundle: Bundle, state: GreenhouseState) -> None:
    card_id, app_id = f.id("id"), f.id("application_id")
    interviewer = f.object("interviewer", required=True)
    step = f.object("interview_step")
    submitted_at, interviewed_at = f.timestamp("submitted_at"), f.timestamp("interviewed_at")
    overall = _overall(f)
    ratings = [r for r in (_attribute(f, i, a) for i, a in enumerate(f.array("attributes"))) if r]
    takeaways, private = _questions(f)
    interviewer_id = f.nested("interviewer", interviewer).id("id") if interviewer else None
    if card_id is None or app_id is None or interviewer_id is None or f.failed:
        return
    if app_id in bundle.skipped_applications or submitted_at is None:
        # Left out with its application, or a draft (v1 should not even return drafts).
        f.report.count("scorecards", "skipped")
        return
    interview = state.interview_of_scorecard.get(card_id)
    if interview is None:
        step_id = str(step.get("id") or f.data.get("interview") or "")
        interview = derived_interview_key("step", app_id, step_id)
        bundle.interviews.setdefault(
            interview,
            InterviewRec(
                interview,
                app_id,
                str(step.get("name") or f.data.get("interview") or "Interview"),
                (f.file, f.record),
                interviewed_at,
                derived=True,
            ),
        )
    bundle.scorecards[card_id] = ScorecardRec(
        ext=card_id,
        application=app_id,
        interview=interview,
        interviewer=gh_user(bundle, interviewer_id, name=str(interviewer.get("name") or "")),
        origin=(f.file, f.record),
        overall=overall.value,
        overall_raw=overall.raw,
        key_takeaways=takeaways,
        private_notes=private,
        submitted_at=submitted_at,
        ratings=ratings,
    )


def _overall(f: Fields) -> normalize.Rating:
    raw = f.data.get("overall_recommendation")
    try:
        rating = normalize.overall_rating(raw)
    except ValueError as error:
        f.problem("overall_recommendation", str(error))
        return normalize.Rating("no_decision", "")
    if rating.warning:
        f.warn("overall_recommendation", rating.warning)
    return rating


def _attribute(f: Fields, index: int, raw: object) -> RatingRec | None:
    if not isinstance(raw, dict):
        f.problem(f"attributes[{index}]", "expected an object")
        return None
    item = f.nested(f"attributes[{index}]", raw)
    name = item.string("name", required=True).strip()
    note = item.text("note")
    try:
        rating = normalize.attribute_rating(raw.get("rating"))
    except ValueError as error:
        item.problem("rating", str(error))
        return None
    if rating.warning:
        item.warn("rating", rating.warning)
    if not name:
        return None
    # The note is the interviewer's evidence: internal until a recruiter writes a comment.
    return RatingRec(name, rating.value, rating.raw, note)


def _questions(f: Fields) -> tuple[str, str]:
    """(Key Take-Aways plus custom answers, Private Notes) from `questions[]`."""
    takeaways: list[str] = []
    private: list[str] = []
    for index, raw in enumerate(f.array("questions")):
        if not isinstance(raw, dict):
            f.problem(f"questions[{index}]", "expected an object")
            continue
        item = f.nested(f"questions[{index}]", raw)
        question, answer = item.string("question").strip(), item.text("answer")
        if not answer:
            continue  # unanswered questions come back as "", not null
        label = question.lower()
        if raw.get("id") is None and "take" in label:
            takeaways.insert(0, answer)
        elif raw.get("id") is None:
            # "Private Notes", or a built-in we do not know: never candidate-facing.
            private.append(answer)
        else:
            takeaways.append(f"{question}\n{answer}")
    return "\n\n".join(takeaways), "\n\n".join(private)
