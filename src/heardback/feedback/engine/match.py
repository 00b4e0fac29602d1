"""Open roles that draw on a candidate's strengths."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from heardback.feedback.engine.types import OpenRole


def match_open_roles(
    strengths: Sequence[str], open_roles: Sequence[OpenRole], *, limit: int = 2
) -> tuple[OpenRole, ...]:
    """The roles sharing the most competencies with `strengths` (names, case-insensitive).

    A role must share at least one strength; ties keep the order the roles were given in.
    """
    wanted = {_key(name) for name in strengths}
    scored = [(len(wanted & _keys(role)), n, role) for n, role in enumerate(open_roles)]
    ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1]))
    return tuple(role for _, _, role in ranked[:limit])


@lru_cache(maxsize=1024)
def _keys(role: OpenRole) -> frozenset[str]:
    # The open roles are the same for every application to a job: compare their names once.
    return frozenset(map(_key, role.competency_names))


def _key(name: str) -> str:
    return " ".join(name.casefold().split())
