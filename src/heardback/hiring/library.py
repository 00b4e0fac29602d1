"""The competency library: common rubric lines a recruiter can start a job's rubric from.

The entries are data, in competency_library.toml; this module loads them once, checks every
field (an error names the entry and the field) and gives them typed. Pure Python, no Django.
Descriptors are candidate-facing fragments that follow "you " (en) or "vous " (fr), one per rating
level; `rubric_descriptors` turns them into the whole clauses a rubric stores. The demo
organization's rubrics are built from these entries too (heardback.demo.content).
"""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path
from typing import Any, Literal, TypedDict, cast

Rating = Literal["definitely_not", "no", "mixed", "yes", "strong_yes"]
Language = Literal["en", "fr"]

RATINGS: tuple[Rating, ...] = ("definitely_not", "no", "mixed", "yes", "strong_yes")
SUBJECT: dict[str, str] = {"en": "you", "fr": "vous"}
LIBRARY_FILE = Path(__file__).with_name("competency_library.toml")


class LibraryCompetency(TypedDict):
    key: str  # stable identifier, used by "add to this job"
    name: str
    language: Language
    description: str  # one line
    weight: int  # 1-3
    bar: Rating  # the rating a hire usually needs
    descriptors: dict[Rating, str]  # candidate-facing, each fragment follows "you " / "vous "
    tips: list[str]  # candidate-facing


class LibraryError(ValueError):
    """The library file is malformed: the message names the entry and the field."""


def load_library(path: Path = LIBRARY_FILE) -> list[LibraryCompetency]:
    """Every entry of the library file, checked."""
    with path.open("rb") as file:
        raw = tomllib.load(file).get("competency", [])
    entries = [_entry(item, f"{path.name}, entry {n}") for n, item in enumerate(raw, start=1)]
    keys = [e["key"] for e in entries]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise LibraryError(f"{path.name}: keys used twice: {', '.join(duplicates)}")
    return entries


def _entry(item: dict[str, Any], where: str) -> LibraryCompetency:
    where = f"{where} ({item.get('key', '?')})"

    def text(name: str) -> str:
        value = item.get(name)
        if not isinstance(value, str) or not value.strip():
            raise LibraryError(f"{where}: {name} must be a non-empty string")
        return value

    if item.get("language") not in SUBJECT:
        raise LibraryError(f"{where}: language must be one of {', '.join(SUBJECT)}")
    if item.get("weight") not in (1, 2, 3):
        raise LibraryError(f"{where}: weight must be 1, 2 or 3")
    if item.get("bar") not in RATINGS:
        raise LibraryError(f"{where}: bar must be one of {', '.join(RATINGS)}")
    descriptors = item.get("descriptors")
    if not isinstance(descriptors, dict) or set(descriptors) - set(RATINGS) or not descriptors:
        raise LibraryError(f"{where}: descriptors must map rating levels to text")
    tips = item.get("tips")
    if not isinstance(tips, list) or not tips or not all(isinstance(t, str) for t in tips):
        raise LibraryError(f"{where}: tips must be a non-empty list of sentences")
    unknown = set(item) - set(LibraryCompetency.__annotations__)
    if unknown:
        raise LibraryError(f"{where}: unknown fields {', '.join(sorted(unknown))}")
    return {
        "key": text("key"),
        "name": text("name"),
        "language": cast(Language, item["language"]),
        "description": text("description"),
        "weight": int(item["weight"]),
        "bar": cast(Rating, item["bar"]),
        "descriptors": {cast(Rating, k): str(v) for k, v in descriptors.items()},
        "tips": [str(t) for t in tips],
    }


COMPETENCY_LIBRARY: list[LibraryCompetency] = load_library()
_BY_KEY = {entry["key"]: entry for entry in COMPETENCY_LIBRARY}


def library_competency(key: str) -> LibraryCompetency | None:
    """The library entry with this key, or None."""
    return _BY_KEY.get(key)


def rubric_descriptors(entry: LibraryCompetency) -> dict[str, str]:
    """The entry's descriptors as the whole clauses a rubric stores ("you …", "vous …")."""
    subject = SUBJECT[entry["language"]]
    return {level: f"{subject} {text}" for level, text in entry["descriptors"].items()}


def rubric_tips(entry: LibraryCompetency) -> str:
    """The entry's tips as the one text a rubric stores."""
    return " ".join(entry["tips"])


# The entries the demo's rubrics and the tests name directly.
COMMUNICATION = _BY_KEY["communication"]
PROBLEM_SOLVING = _BY_KEY["problem-solving"]
COLLABORATION = _BY_KEY["collaboration"]
PRIORITISATION = _BY_KEY["prioritisation"]
STAKEHOLDERS = _BY_KEY["stakeholders"]
MENTORING = _BY_KEY["mentoring"]
CODE_QUALITY = _BY_KEY["code-quality"]
API_DESIGN = _BY_KEY["api-design"]
DISTRIBUTED_SYSTEMS = _BY_KEY["distributed-systems"]
OBSERVABILITY = _BY_KEY["observability"]
INCIDENT_RESPONSE = _BY_KEY["incident-response"]
ACCESSIBILITY = _BY_KEY["accessibility"]
INTERACTION_DESIGN = _BY_KEY["interaction-design"]
USER_RESEARCH = _BY_KEY["user-research"]
STORYTELLING = _BY_KEY["storytelling"]
DIFFICULT_CONVERSATIONS = _BY_KEY["difficult-conversations"]
DISCOVERY = _BY_KEY["discovery"]
COMMUNICATION_FR = _BY_KEY["fr-communication"]
TEAMWORK_FR = _BY_KEY["fr-teamwork"]
PROBLEM_SOLVING_FR = _BY_KEY["fr-problem-solving"]
PRIORITISATION_FR = _BY_KEY["fr-prioritisation"]
INTERVIEWING_FR = _BY_KEY["fr-interviewing"]
API_DESIGN_FR = _BY_KEY["fr-api-design"]
TESTING_FR = _BY_KEY["fr-testing"]


def _folded(text: str) -> str:
    """Lower case without accents: "Écoute" is found by "ecoute"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def library_search(entries: list[LibraryCompetency], query: str) -> list[LibraryCompetency]:
    """The entries whose name, description, descriptors or tips hold every word of `query`."""
    words = _folded(query).split()
    if not words:
        return entries
    found = []
    for entry in entries:
        haystack = _folded(
            " ".join(
                [
                    entry["name"],
                    entry["description"],
                    *entry["descriptors"].values(),
                    *entry["tips"],
                ]
            )
        )
        if all(word in haystack for word in words):
            found.append(entry)
    return found
