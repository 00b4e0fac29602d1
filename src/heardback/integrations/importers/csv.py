"""The long CSV layout (formats/README.md §7e): one row per (scorecard, item).

Columns are matched by header name, ignoring case, spaces and hyphens; extra columns are
ignored, so a warehouse export with more columns can be imported as it is.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from heardback.hiring.models import RejectionReason
from heardback.integrations.importers import normalize
from heardback.integrations.importers.base import (
    ImportReport,
    ProgressCallback,
    max_file_bytes,
    read_text,
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
)

SOURCE = "csv"
REQUIRED_COLUMNS = (
    "scorecard_id",
    "application_id",
    "candidate_email",
    "job_title",
    "interviewer_email",
    "item_kind",
)
OPTIONAL_COLUMNS = (
    "candidate_id",
    "candidate_first_name",
    "candidate_last_name",
    "candidate_name",
    "candidate_language",
    "job_id",
    "application_status",
    "applied_at",
    "rejected_at",
    "rejection_reason",
    "rejection_category",
    "stage",
    "interview_id",
    "interview_name",
    "interviewed_at",
    "interviewer_name",
    "submitted_at",
    "overall_recommendation_raw",
    "overall_recommendation",
    "item_category",
    "item_label",
    "rating_raw",
    "rating",
    "text",
    "candidate_safe",
)
ITEM_KINDS = ("overall", "attribute", "question", "summary_note", "private_note")
CANDIDATE_SAFE = ("true", "false", "review", "")
# What spreadsheets write for a checkbox or a yes/no column.
BOOLEAN_WORDS = {"yes": "true", "y": "true", "1": "true", "no": "false", "n": "false", "0": "false"}
STATUSES = ("active", "rejected", "withdrawn", "hired", "")
LANGUAGES = ("en", "fr", "")


def column_key(header: str) -> str:
    """ "Candidate E-mail " and "candidate_email" are the same column."""
    return re.sub(r"[\s\-]+", "_", header.strip().lower().replace("e-mail", "email"))


@dataclass
class Row:
    """One CSV line, with its problems reported under its line number."""

    report: ImportReport
    file: str
    line: int
    values: dict[str, str]
    failed: bool = False

    @property
    def record(self) -> str:
        return f"line {self.line}"

    def get(self, name: str) -> str:
        return self.values.get(name, "").strip()

    def problem(self, name: str, message: str) -> None:
        self.failed = True
        self.report.error(self.file, self.record, name, message)

    def warn(self, name: str, message: str) -> None:
        self.report.warn(self.file, self.record, name, message)

    def enum(
        self, name: str, allowed: tuple[str, ...], synonyms: dict[str, str] | None = None
    ) -> str:
        value = self.get(name).lower()
        value = (synonyms or {}).get(value, value)
        if value not in allowed:
            known = ", ".join(a for a in allowed if a)
            self.problem(name, f"unknown value {self.get(name)!r} (expected one of {known})")
            return ""
        return value

    def email(self, name: str) -> str:
        try:
            return normalize.email_address(self.get(name))
        except ValueError as error:
            self.problem(name, str(error))
            return ""

    def timestamp(self, name: str) -> dt.datetime | None:
        try:
            return normalize.parse_timestamp(self.get(name))
        except ValueError as error:
            self.problem(name, str(error))
            return None

    def rating(self, parse: Callable[[object], normalize.Rating], *names: str) -> normalize.Rating:
        """The first non-blank of the named columns, on our scale (the raw value is kept)."""
        raw = next((self.get(n) for n in names if self.get(n)), "")
        try:
            rating = parse(raw)
        except ValueError as error:
            self.problem(names[0], str(error))
            return normalize.Rating("", raw)
        if rating.warning:
            self.warn(names[0], rating.warning)
        raw_column = next((n for n in names if n.endswith("_raw") and self.get(n)), None)
        return normalize.Rating(rating.value, self.get(raw_column) if raw_column else raw)


@dataclass
class CsvState:
    reason_map: dict[str, str] | None
    seen_items: dict[tuple[str, str, str], int] = field(default_factory=dict)
    drafts: set[str] = field(default_factory=set)


def read_csv(
    path: Path,
    report: ImportReport,
    progress: ProgressCallback | None = None,
    reason_map: dict[str, str] | None = None,
    max_file_mb: float | None = None,
) -> Bundle:
    """Parse and check every row; problems go to the report, nothing is written."""
    text = read_text(path, report, max_bytes=max_file_bytes(max_file_mb))
    bundle = Bundle()
    if not text:
        return bundle
    # strict: an opening quote never closed (a file cut short) is an error, not a last field
    # that silently swallows the rest of the file.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader, [])
        if _SEP_LINE.match(text):
            header = next(reader, [])  # the header follows Excel's "sep=;" line
    except csv.Error as error:
        report.error(path.name, "line 1", "", f"the header cannot be read: {error}")
        return bundle
    columns = [column_key(h) for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        report.error(path.name, "line 1", ", ".join(missing), "required column(s) missing")
        return bundle
    twice = sorted(
        {c for c in columns if columns.count(c) > 1 and c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
    )
    for name in twice:
        # "Candidate Email" and "candidate_email" both: which one holds the data cannot be told.
        at = ", ".join(str(i) for i, c in enumerate(columns, start=1) if c == name)
        report.error(path.name, "line 1", name, f"the column appears twice (columns {at})")
    if twice:
        return bundle
    state = CsvState(reason_map)
    lines = text.count("\n") or 1
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            row = Row(report, path.name, reader.line_num, dict(zip(columns, cells, strict=False)))
            if _row_fits(row, cells, columns):
                _row(row, bundle, state)
            if progress is not None and reader.line_num % 500 == 0:
                progress(f"Reading {path.name}", reader.line_num, lines)
    except csv.Error as error:
        # The parser cannot tell where the next row starts: stop here, report where.
        report.error(path.name, f"line {reader.line_num}", "", f"{_csv_error(error)}")
    if not bundle.scorecards and report.ok:
        report.warn(path.name, "", "", "no submitted scorecard rows: nothing to import")
    return bundle


def _csv_error(error: csv.Error) -> str:
    message = str(error)
    if "field larger than field limit" in message or "unexpected end of data" in message:
        return f"{message}: a quote opened and never closed (a file cut short?)"
    return message


def _row_fits(row: Row, cells: list[str], columns: list[str]) -> bool:
    """A row with fewer cells than the header is cut short (or misses a separator); one with
    more has a separator inside an unquoted value. Either way its values would land in the
    wrong columns."""
    extra = cells[len(columns) :]
    if len(cells) < len(columns) or any(c.strip() for c in extra):
        row.problem(
            "",
            f"has {len(cells)} values but the header names {len(columns)} columns (a line "
            "cut short, or a separator inside an unquoted value?)",
        )
        return False
    return True


# Excel writes (and reads) a first line "sep=;" that names the separator.
_SEP_LINE = re.compile(r"^sep=(.)\r?\n", re.IGNORECASE)


def _delimiter(text: str) -> str:
    # Spreadsheets set to French write ";" between columns. Only the separator is taken from
    # the header: the sniffer's other guesses (no doubled quotes, when the header has none)
    # would misread RFC 4180's "say ""hi""" in a row below.
    if sep := _SEP_LINE.match(text):
        return sep.group(1)
    try:
        return csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _row(row: Row, bundle: Bundle, state: CsvState) -> None:
    kind = row.enum("item_kind", ITEM_KINDS)
    safe = row.enum("candidate_safe", CANDIDATE_SAFE, synonyms=BOOLEAN_WORDS)
    card_id, label = row.get("scorecard_id"), row.get("item_label")
    if not card_id:
        row.problem("scorecard_id", "is empty")
    key = (card_id, kind, label.casefold())
    if key in state.seen_items:
        row.problem("item_label", f"duplicate item (also line {state.seen_items[key]})")
    state.seen_items.setdefault(key, row.line)
    application = _application(row, bundle, state)
    card = _scorecard(row, bundle, state, application)
    if card is None or row.failed:
        return
    text = normalize.clean_text(row.get("text"))
    if kind in ("overall",):
        overall = row.rating(normalize.overall_rating, "rating", "rating_raw")
        if overall.raw:
            card.overall, card.overall_raw = overall.value, overall.raw
    elif kind == "attribute":
        rating = row.rating(normalize.attribute_rating, "rating", "rating_raw")
        if not label:
            row.problem("item_label", "an attribute row needs the competency's name")
            return
        # Only the source can say a comment is fit for the candidate; "review" is not a yes.
        comment = text if safe == "true" else None
        card.ratings.append(RatingRec(label, rating.value, rating.raw, text, comment))
    elif kind == "private_note":
        if safe == "true":
            row.warn("candidate_safe", "private notes are never candidate-safe; kept private")
        card.private_notes = _join(card.private_notes, text)
    elif kind == "summary_note":
        card.key_takeaways = _join(text, card.key_takeaways)
    elif kind == "question" and text:
        card.key_takeaways = _join(card.key_takeaways, f"{label}\n{text}" if label else text)


def _join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def _application(row: Row, bundle: Bundle, state: CsvState) -> str | None:
    """Register the candidate, job, stage, reason and application this row carries."""
    app_id = row.get("application_id")
    email = row.email("candidate_email")
    title = row.get("job_title")
    status = row.enum("application_status", STATUSES)
    language = row.enum("candidate_language", LANGUAGES) or None
    category = row.enum("rejection_category", ("", *RejectionReason.Category.values))
    applied_at, rejected_at = row.timestamp("applied_at"), row.timestamp("rejected_at")
    if not app_id:
        row.problem("application_id", "is empty")
    if not title:
        row.problem("job_title", "is empty")
    if row.failed or app_id in bundle.applications:
        return app_id if not row.failed else None
    candidate = row.get("candidate_id") or email
    first = row.get("candidate_first_name")
    last = row.get("candidate_last_name")
    if not first:
        first, last = normalize.split_name(row.get("candidate_name"))
    bundle.candidates.setdefault(
        candidate, CandidateRec(candidate, first or email.split("@")[0], last, email, "", language)
    )
    job = row.get("job_id") or title
    bundle.jobs.setdefault(job, JobRec(job, title))
    rec = ApplicationRec(
        app_id,
        candidate,
        job,
        (row.file, row.record),
        applied_at=applied_at,
    )
    reason_name = row.get("rejection_reason")
    if reason_name:
        confirmed = bool(category) or normalize.reason_is_confirmed(state.reason_map, reason_name)
        category = category or normalize.reason_category(reason_name, state.reason_map)
        bundle.reasons.setdefault(
            reason_name, ReasonRec(reason_name, reason_name, category, confirmed)
        )
        rec.rejection_reason = reason_name
        status = status or ("withdrawn" if category == "withdrew" else "rejected")
    rec.status = status or "active"
    rec.decision = {"rejected": "reject", "hired": "hire"}.get(rec.status, "pending")
    rec.decided_at = rejected_at
    if row.get("stage"):
        stage = row.get("stage")
        bundle.stages.setdefault((job, stage), StageRec(job, stage, stage))
        rec.stage = stage
    bundle.applications[app_id] = rec
    return app_id


def _scorecard(
    row: Row, bundle: Bundle, state: CsvState, application: str | None
) -> ScorecardRec | None:
    card_id = row.get("scorecard_id")
    interviewer_email = row.email("interviewer_email")
    submitted_at = row.timestamp("submitted_at")
    if application is None or row.failed:
        return None
    card = bundle.scorecards.get(card_id)
    if card is not None:
        if card.application != application or card.interviewer != interviewer_email:
            row.problem("scorecard_id", "the same scorecard has another application or interviewer")
            return None
        return card
    if submitted_at is None:
        if card_id not in state.drafts:
            state.drafts.add(card_id)
            row.report.count("scorecards", "skipped")  # a draft: not feedback yet
        return None
    name = row.get("interview_name") or "Interview"
    interview = row.get("interview_id") or f"{application}:{name}"
    bundle.interviews.setdefault(
        interview,
        InterviewRec(
            interview,
            application,
            name,
            (row.file, row.record),
            row.timestamp("interviewed_at"),
        ),
    )
    bundle.user(interviewer_email, interviewer_email, row.get("interviewer_name"))
    overall = row.rating(
        normalize.overall_rating, "overall_recommendation", "overall_recommendation_raw"
    )
    card = ScorecardRec(
        ext=card_id,
        application=application,
        interview=interview,
        interviewer=interviewer_email,
        origin=(row.file, row.record),
        overall=overall.value or "no_decision",
        overall_raw=overall.raw,
        submitted_at=submitted_at,
    )
    bundle.scorecards[card_id] = card
    return card
