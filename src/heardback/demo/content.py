"""Invented content for the demo organization: jobs, rubrics, people and scorecard text.

The content is data, in the TOML files of `data/` (each says what it holds); this module loads
them once, checks every entry against the types below (an error names the file, the entry and the
field) and gives them typed. Pure Python, no Django and no randomness: the demo generator
(`services`) makes every random choice itself. Texts documented as candidate-facing follow the
feedback quality bar (specific, kind, about the work); the scorecards' evidence, key takeaways
and private notes are internal and must never reach a candidate. Every company, person and quote
is invented.
"""

from __future__ import annotations

import tomllib
import typing
from pathlib import Path
from typing import Any, Literal, NamedTuple, NotRequired, TypedDict, cast

from heardback.hiring import library

Rating = Literal["definitely_not", "no", "mixed", "yes", "strong_yes"]
Language = Literal["en", "fr"]
Role = Literal["admin", "recruiter", "interviewer"]
JobStatus = Literal["open", "on_hold", "closed"]
StageKind = Literal["application_review", "screen", "interview", "final", "offer"]
InterviewKind = Literal[
    "screen", "technical", "system_design", "hiring_manager", "onsite", "take_home", "other"
]
RejectionCategory = Literal[
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

RATINGS: tuple[Rating, ...] = typing.get_args(Rating)
DATA_DIR = Path(__file__).with_name("data")


class DemoContentError(ValueError):
    """A data file of the demo is malformed: the message names the file, the entry and the field."""


# --- The shapes of the files -------------------------------------------------------------------


class PersonSpec(TypedDict):
    email: str
    role: Role
    name: str


class OrganizationSpec(TypedDict):
    name: str
    sender_name: str
    sender_email: str
    time_zone: str
    interviewers: list[str]  # more interviewers, by name (email: first name @demo.example)
    people: list[PersonSpec]  # who signs in, with their role


class PartnerPoolSpec(TypedDict):
    locations: list[str]  # what consenting candidates type on their page for partners
    languages: dict[Language, list[str]]  # by the candidate's language
    invitation_message: str


class OrganizationsFile(TypedDict):
    demo: OrganizationSpec
    partner: OrganizationSpec
    partner_pool: PartnerPoolSpec


class StageSpec(TypedDict):
    name: str
    kind: StageKind


class InterviewSpec(TypedDict):
    name: str
    kind: InterviewKind
    stage: int  # index into the job's `stages`: the stage this interview belongs to


class CompetencySpec(TypedDict):
    name: str
    description: str  # internal, one line
    weight: int  # 1-3
    bar: Rating  # the rating a hire needs
    # Candidate-facing, in the job's language; each fragment follows "you " (en) or "vous " (fr).
    descriptors: dict[Rating, str]
    tips: list[str]  # candidate-facing, in the job's language


class RubricLineSpec(CompetencySpec):
    key: str  # how a job names it


class RubricLinesFile(TypedDict):
    competency: list[RubricLineSpec]


class CompetencyRef(TypedDict):
    key: str  # a key of rubric_lines.toml or of the competency library
    weight: NotRequired[int]  # this job's, instead of the line's
    bar: NotRequired[Rating]


class JobEntry(TypedDict):
    title: str
    department: str
    location: str
    language: Language
    status: JobStatus
    # Candidate-facing fragment that follows "this role requires " / "ce poste demande ".
    screening_criteria: str
    family: str  # re-routing suggests roles of the same family
    level: int  # 1-5
    description: str
    competencies: list[CompetencyRef]
    stages: list[StageSpec]
    interviews: list[InterviewSpec]


class JobsFile(TypedDict):
    job: list[JobEntry]
    partner_job: list[JobEntry]


class JobSpec(TypedDict):
    """A job as the generator reads it: its rubric lines resolved."""

    title: str
    department: str
    location: str
    language: Language
    status: JobStatus
    screening_criteria: str
    family: str
    level: int
    description: str
    stages: list[StageSpec]
    interviews: list[InterviewSpec]
    competencies: list[CompetencySpec]


class NamePoolSpec(TypedDict):
    first_names: list[str]
    last_names: list[str]
    french_share: float


class CandidatesFile(TypedDict):
    sources: list[str]
    pool: list[NamePoolSpec]


class NamePool(NamedTuple):
    """Culturally coherent first and last names, and how often such a candidate writes in French."""

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    language_weight_fr: float


class ScorecardsFile(TypedDict):
    key_takeaways: list[str]
    private_notes: list[str]
    evidence: dict[str, dict[Rating, list[str]]]  # by competency name, then rating


class CommentsFile(TypedDict):
    comments: dict[str, dict[Rating, list[str]]]  # by competency name, then rating


class RejectionReasonSpec(TypedDict):
    name: str  # recruiter-facing
    category: RejectionCategory
    explanation_en: str  # candidate-facing, one sentence; empty: the category's own words
    explanation_fr: str
    # The stage kinds the explanation is true of (stored on the reason); empty: every stage.
    stages: list[StageKind]
    # Demo only: the interview kinds that must have taken place for the reason to be chosen
    # (for a skills gap, with a rating below the bar in one of them).
    requires: NotRequired[list[InterviewKind]]
    sends_note: NotRequired[bool]  # False: duplicates, spam (default True)


class ReasonsFile(TypedDict):
    reason: list[RejectionReasonSpec]


# --- The loader --------------------------------------------------------------------------------

_NAMING_FIELDS = ("key", "title", "name", "email")


def _describe(expected: Any) -> str:
    origin = typing.get_origin(expected)
    if origin is Literal:
        return "one of " + ", ".join(str(v) for v in typing.get_args(expected))
    if origin is list:
        return "a list"
    if origin is dict or typing.is_typeddict(expected):
        return "a table"
    return {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}[
        expected
    ]


def _check(value: Any, expected: Any, where: str) -> None:
    """Raise DemoContentError, naming `where`, unless `value` has the type `expected`."""
    origin = typing.get_origin(expected)
    if typing.is_typeddict(expected):
        if not isinstance(value, dict):
            raise DemoContentError(f"{where}: must be a table")
        hints = typing.get_type_hints(expected, include_extras=True)
        unknown = sorted(set(value) - set(hints))
        if unknown:
            raise DemoContentError(f"{where}: unknown fields {', '.join(unknown)}")
        for name, hint in hints.items():
            optional = typing.get_origin(hint) is NotRequired
            if optional:
                hint = typing.get_args(hint)[0]
            if name not in value:
                if optional:
                    continue
                raise DemoContentError(f"{where}: {name} is missing")
            _check(value[name], hint, f"{where}, {name}")
    elif origin is list:
        if not isinstance(value, list):
            raise DemoContentError(f"{where}: must be {_describe(expected)}")
        (item_type,) = typing.get_args(expected)
        for number, item in enumerate(value, start=1):
            label = f"{where} {number}"
            if isinstance(item, dict):
                named = next((item[f] for f in _NAMING_FIELDS if isinstance(item.get(f), str)), "")
                label += f" ({named})" if named else ""
            _check(item, item_type, label)
    elif origin is dict:
        if not isinstance(value, dict):
            raise DemoContentError(f"{where}: must be a table")
        key_type, value_type = typing.get_args(expected)
        for key, item in value.items():
            _check(key, key_type, f"{where}, key {key!r}")
            _check(item, value_type, f"{where}, {key}")
    elif origin is Literal:
        if value not in typing.get_args(expected):
            raise DemoContentError(f"{where}: must be {_describe(expected)}, not {value!r}")
    elif expected is float:
        if not isinstance(value, float):
            raise DemoContentError(f"{where}: must be a number with a decimal point, not {value!r}")
    elif type(value) is not expected:  # bool is not an int here
        raise DemoContentError(f"{where}: must be {_describe(expected)}, not {value!r}")


def load(name: str, shape: Any, folder: Path = DATA_DIR) -> Any:
    """The data file `name` of `folder`, checked against `shape` (a TypedDict)."""
    path = folder / name
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{name}: {error}") from error
    _check(data, shape, name)
    return data


def jobs_resolve(entries: list[JobEntry], lines: list[RubricLineSpec], where: str) -> list[JobSpec]:
    """The jobs with each rubric line named by its key, here or in the competency library,
    with the job's own weight or bar; an error names the job and what does not fit."""
    own: dict[str, CompetencySpec] = {}
    for number, line in enumerate(lines, start=1):
        at = f"rubric_lines.toml, competency {number} ({line['key']})"
        if line["key"] in own or library.library_competency(line["key"]):
            raise DemoContentError(f"{at}: the key is taken (here or in the competency library)")
        if line["weight"] not in (1, 2, 3):
            raise DemoContentError(f"{at}: weight must be 1, 2 or 3")
        if set(line["descriptors"]) != set(RATINGS):
            raise DemoContentError(f"{at}: descriptors need every level: {', '.join(RATINGS)}")
        own[line["key"]] = _line(line)
    jobs: list[JobSpec] = []
    for number, entry in enumerate(entries, start=1):
        job = f"{where} {number} ({entry['title']})"
        if not 1 <= entry["level"] <= 5:
            raise DemoContentError(f"{job}: level must be from 1 to 5, not {entry['level']}")
        competencies: list[CompetencySpec] = []
        for ref in entry["competencies"]:
            if ref.get("weight", 1) not in (1, 2, 3):
                raise DemoContentError(f"{job}, {ref['key']}: weight must be 1, 2 or 3")
            base = own.get(ref["key"]) or _from_library(ref["key"])
            if base is None:
                raise DemoContentError(
                    f"{job}: no rubric line has the key {ref['key']} (rubric_lines.toml or the "
                    "competency library)"
                )
            competencies.append(
                {
                    **base,
                    "weight": ref.get("weight", base["weight"]),
                    "bar": ref.get("bar", base["bar"]),
                }
            )
        for interview in entry["interviews"]:
            if not 0 <= interview["stage"] < len(entry["stages"]):
                raise DemoContentError(
                    f"{job}: the interview {interview['name']} names stage {interview['stage']}, "
                    f"but the job has {len(entry['stages'])} stages (counted from 0)"
                )
        jobs.append(
            {
                "title": entry["title"],
                "department": entry["department"],
                "location": entry["location"],
                "language": entry["language"],
                "status": entry["status"],
                "screening_criteria": entry["screening_criteria"],
                "family": entry["family"],
                "level": entry["level"],
                "description": entry["description"],
                "stages": entry["stages"],
                "interviews": entry["interviews"],
                "competencies": competencies,
            }
        )
    return jobs


def _from_library(key: str) -> CompetencySpec | None:
    """A rubric line of the competency library, with its suggested weight and bar."""
    entry = library.library_competency(key)
    return None if entry is None else _line(entry)


def _line(entry: RubricLineSpec | library.LibraryCompetency) -> CompetencySpec:
    return {
        "name": entry["name"],
        "description": entry["description"],
        "weight": entry["weight"],
        "bar": entry["bar"],
        "descriptors": entry["descriptors"],
        "tips": entry["tips"],
    }


def evidence_check(jobs: list[JobSpec], evidence: dict[str, dict[Rating, list[str]]]) -> None:
    """Every competency of a job has evidence at every rating level (the generator draws one)."""
    for job in jobs:
        for competency in job["competencies"]:
            missing = [
                level for level in RATINGS if not evidence.get(competency["name"], {}).get(level)
            ]
            if missing:
                raise DemoContentError(
                    f"scorecards.toml, evidence, {competency['name']} (a competency of the job "
                    f"{job['title']}): no evidence for {', '.join(missing)}"
                )


# --- The content, loaded once ------------------------------------------------------------------

_ORGANIZATIONS: OrganizationsFile = load("organizations.toml", OrganizationsFile)
_JOBS: JobsFile = load("jobs.toml", JobsFile)
_LINES: RubricLinesFile = load("rubric_lines.toml", RubricLinesFile)
_CANDIDATES: CandidatesFile = load("candidates.toml", CandidatesFile)
_SCORECARDS: ScorecardsFile = load("scorecards.toml", ScorecardsFile)

ORGANIZATION = _ORGANIZATIONS["demo"]
PARTNER_ORGANIZATION = _ORGANIZATIONS["partner"]
PARTNER_LOCATIONS = _ORGANIZATIONS["partner_pool"]["locations"]
PARTNER_LANGUAGES = _ORGANIZATIONS["partner_pool"]["languages"]
PARTNER_INVITATION_MESSAGE = _ORGANIZATIONS["partner_pool"]["invitation_message"]
JOBS = jobs_resolve(_JOBS["job"], _LINES["competency"], "jobs.toml, job")
PARTNER_JOBS = jobs_resolve(_JOBS["partner_job"], _LINES["competency"], "jobs.toml, partner_job")
NAME_POOLS = [
    NamePool(tuple(pool["first_names"]), tuple(pool["last_names"]), pool["french_share"])
    for pool in _CANDIDATES["pool"]
]
SOURCES = _CANDIDATES["sources"]
# INTERNAL: never shown to a candidate.
EVIDENCE = _SCORECARDS["evidence"]
KEY_TAKEAWAYS = _SCORECARDS["key_takeaways"]
PRIVATE_NOTES = _SCORECARDS["private_notes"]
evidence_check(JOBS + PARTNER_JOBS, EVIDENCE)
# Candidate-facing.
CANDIDATE_COMMENTS = cast(CommentsFile, load("candidate_comments.toml", CommentsFile))["comments"]
REJECTION_REASONS = cast(ReasonsFile, load("reasons.toml", ReasonsFile))["reason"]
