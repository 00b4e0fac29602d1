"""What every schema shares: storable types, the models' choices, errors and pages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import AfterValidator, AwareDatetime, ConfigDict

MAX_ID = 2**63 - 1  # the largest primary key the databases store


def _storable(value: str) -> str:
    # Both databases refuse NUL characters, and neither can store half a surrogate pair.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


def _one_line(value: str) -> str:
    # An email subject is one header line: a line break would make the message undeliverable.
    if "\r" in value or "\n" in value:
        raise ValueError("must be a single line")
    return value


def _plausible(value: dt.datetime) -> dt.datetime:
    # Far-off years overflow when converted to UTC for storage.
    if not 1900 <= value.year <= 2999:
        raise ValueError("must be between the years 1900 and 2999")
    return value


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
When = Annotated[AwareDatetime, AfterValidator(_plausible)]
LocalWhen = Annotated[dt.datetime, AfterValidator(_plausible)]
Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_storable)]
Line = Annotated[str, Field(max_length=200), AfterValidator(_storable)]
Long = Annotated[str, Field(max_length=50_000), AfterValidator(_storable)]
Email = Annotated[str, Field(max_length=254), AfterValidator(_storable)]
Phone = Annotated[str, Field(max_length=50), AfterValidator(_storable)]
Subject = Annotated[
    str, Field(max_length=300), AfterValidator(_storable), AfterValidator(_one_line)
]
Cursor = Annotated[str, Field(max_length=100), AfterValidator(_storable)]

# Literal copies of the models' choices, so the schema lists the values (checked by a test).
Language = Literal["en", "fr"]
JobStatus = Literal["draft", "open", "on_hold", "closed"]
StageKind = Literal["application_review", "screen", "interview", "final", "offer"]
Rating = Literal["definitely_not", "no", "mixed", "yes", "strong_yes"]
Overall = Literal["strong_no", "no", "yes", "strong_yes", "no_decision"]
ApplicationStatus = Literal["active", "rejected", "hired", "withdrawn"]
Decision = Literal["pending", "advance", "reject", "hire"]
InterviewKind = Literal[
    "screen", "technical", "system_design", "hiring_manager", "onsite", "take_home", "other"
]
ReasonCategory = Literal[
    "skills_gap",
    "experience_level",
    "stronger_candidate",
    "role_closed",
    "compensation",
    "location",
    "logistics",
    "withdrew",
    "other",
]
ImportSource = Literal["greenhouse", "greenhouse-v3", "lever", "csv"]
ImportStatus = Literal["queued", "running", "succeeded", "failed"]
NoteStatus = Literal["draft", "approved", "queued", "sent", "failed", "cancelled"]
Verdict = Literal["ok", "warn", "block"]


class InputSchema(Schema):
    """A request body: a field it does not define is refused (422), not silently dropped,
    so a misspelt optional field never passes for its default."""

    model_config = ConfigDict(extra="forbid")


# --- Errors and pages ---------------------------------------------------------------------


class FieldErrorOut(Schema):
    field: str = Field(description="Dotted path to the input at fault, '' for the whole request.")
    message: str


class ErrorDetailOut(Schema):
    code: str = Field(
        description="unauthenticated, forbidden, not_found, method_not_allowed, "
        "invalid_request (422), refused (400), bad_request, too_large, rate_limited (429), "
        "server_error."
    )
    message: str
    fields: list[FieldErrorOut] = []


class ErrorOut(Schema):
    error: ErrorDetailOut


# The errors every operation may answer, all in the ErrorOut shape.
ERROR_STATUSES = frozenset({400, 401, 403, 404, 422, 429})


def answers(status: int, schema: Any) -> dict[Any, Any]:
    """An operation's responses: `schema` on success, ErrorOut on any error."""
    return {status: schema, ERROR_STATUSES: ErrorOut}


class PageFilters(Schema):
    cursor: Cursor | None = Field(
        None, description="The `next` cursor of the previous page; omit for the first page."
    )
    limit: int = Field(50, ge=1, le=200, description="Items per page (at most 200).")
