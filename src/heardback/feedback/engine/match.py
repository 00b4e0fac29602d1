"""Open roles that draw on a candidate's strengths.

A note that says "our Account Executive opening draws on the same strengths" to a backend
engineer because both rubrics list Communication reads as a form letter. So a role is only
suggested when the overlap means something:

- it shares at least two of the candidate's strengths (the sentence says "strengths"), and
- at least one of them is *specific*: the role weighs it at least as much as its average
  competency, and it is not *generic*. A competency is generic when at least half of the
  organization's rubrics list it, and at least three do (Communication, Collaboration,
  Problem solving…).

Open roles ranked for the candidate by `engine.fit` (each with its `explanation`), which is
what the notes get from feedback/inputs.py, are taken as they are: that ranking already weighs
the rubric's bars and weights, the job family and level, and the comments' text.

Otherwise, roles that share more specific strengths come first (a generic one counts half),
then those whose shared strengths weigh more in the role; ties keep the order the roles were
given in.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Final, NamedTuple

from heardback.feedback.engine.types import OpenRole

MIN_SHARED: Final = 2
# Two similar roles share many competencies: that alone does not make one of them generic.
MIN_LISTED_GENERIC: Final = 3


class _Role(NamedTuple):
    """An open role's competencies as compared: normalized names -> weight, and the average."""

    role: OpenRole
    weights: dict[str, int]
    average: float


class _Index(NamedTuple):
    """The roles to compare, and the competencies most rubrics list."""

    roles: tuple[_Role, ...]
    generic: frozenset[str]
    held: tuple[OpenRole, ...]  # every role of the key, alive while the index is cached


def match_open_roles(
    strengths: Sequence[str],
    open_roles: Sequence[OpenRole],
    *,
    exclude: int | None = None,
    other_rubrics: Sequence[tuple[str, ...]] = (),
    limit: int = 2,
) -> tuple[OpenRole, ...]:
    """The open roles (never `exclude`) that draw on the candidate's `strengths` (names).

    Names compare case-insensitively. `other_rubrics` are the organization's other rubrics
    (the job applied for): they count when telling a generic competency, never suggested.
    """
    if open_roles and all(role.explanation for role in open_roles):
        # Ranked for this candidate already (engine.fit): their order and choice stand.
        return tuple(role for role in open_roles if role.id != exclude)[:limit]
    wanted = {name_key(name) for name in strengths}
    if len(wanted) < MIN_SHARED or not open_roles:
        return ()
    index = _index(tuple(open_roles), exclude, tuple(other_rubrics))
    ranked = []
    for n, (role, weights, average) in enumerate(index.roles):
        shared = wanted.intersection(weights)
        if len(shared) < MIN_SHARED:
            continue
        specific = shared - index.generic
        if not any(weights[c] >= average for c in specific):
            continue
        overlap = len(specific) + (len(shared) - len(specific)) / 2
        ranked.append((-overlap, -sum(weights[c] for c in shared), n, role))
    ranked.sort(key=lambda r: r[:3])
    return tuple(r[3] for r in ranked[:limit])


# The open roles are the same for every note of an organization: they are indexed once.
# Keyed by the roles' identities (hashing them would cost more than comparing them); the
# cached index holds the roles, so that their ids cannot be reused while it is cached.
_INDEXES: Final[dict[tuple[object, ...], _Index]] = {}
_MAX_CACHED: Final = 256


def _index(
    open_roles: tuple[OpenRole, ...], exclude: int | None, others: tuple[tuple[str, ...], ...]
) -> _Index:
    key = (*map(id, open_roles), exclude, others)
    index = _INDEXES.get(key)
    if index is None:
        roles = tuple(_role(r) for r in open_roles if r.id != exclude)
        listed: dict[str, int] = {}
        for names in [r.weights for r in roles] + [{name_key(n) for n in o} for o in others]:
            for name in names:
                listed[name] = listed.get(name, 0) + 1
        rubrics = len(roles) + len(others)
        generic = frozenset(
            name
            for name, count in listed.items()
            if count >= MIN_LISTED_GENERIC and 2 * count >= rubrics
        )
        index = _Index(roles, generic, open_roles)
        if len(_INDEXES) >= _MAX_CACHED:
            _INDEXES.clear()
        _INDEXES[key] = index
    return index


def _role(role: OpenRole) -> _Role:
    names = role.competency_names
    weights: dict[str, int] = {}
    for name, weight in zip(names, role.competency_weights or (1,) * len(names), strict=True):
        weights[name_key(name)] = max(weight, weights.get(name_key(name), 0))
    return _Role(role, weights, sum(weights.values()) / len(weights) if weights else 0.0)


@lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """A competency name as rubrics are compared by: case and spacing set aside."""
    return " ".join(name.casefold().split())
