"""Who may do what: each role's named capabilities, decided here and nowhere else.

Code asks `can(membership, Capability.SEND_NOTES)`, never "is this person a recruiter": a role
is a bundle of capabilities, and a new role (or a capability moved between roles) changes this
file only. Querysets filter with `member_who_can(user, capability)`; the API's scopes derive
from the same table (`api.scopes.ROLE_SCOPES`).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from django.db.models import Q

from heardback.accounts.models import Membership

if TYPE_CHECKING:
    from heardback.accounts.models import User

Role = Membership.Role


class Capability(enum.Enum):
    """Something a member may do in their organization."""

    # Read every application, candidate, scorecard (once submitted) and note of the
    # organization. Without it a member sees only the applications whose panel they sit on.
    VIEW_CANDIDATES = "view_candidates"
    # Reject, advance, schedule; create and change jobs, candidates and rejection reasons.
    DECIDE_REJECTIONS = "decide_rejections"
    # Draft, edit, approve and send feedback notes; answer candidates' questions and erasures.
    SEND_NOTES = "send_notes"
    # Edit the rubric of any job (a hiring manager edits their own job's: see hiring.selectors).
    EDIT_RUBRICS = "edit_rubrics"
    # Upload an ATS export: it rewrites the organization's hiring data.
    IMPORT_DATA = "import_data"
    # The organization's settings, members, invitations and API keys.
    MANAGE_MEMBERS = "manage_members"
    # Fill one's own scorecards (every member who sits on a panel).
    FILL_SCORECARDS = "fill_scorecards"


_DECIDER = frozenset(
    {
        Capability.VIEW_CANDIDATES,
        Capability.DECIDE_REJECTIONS,
        Capability.SEND_NOTES,
        Capability.FILL_SCORECARDS,
    }
)

ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.ADMIN: frozenset(Capability),
    Role.RECRUITER: _DECIDER | {Capability.EDIT_RUBRICS, Capability.IMPORT_DATA},
    Role.HIRING_MANAGER: _DECIDER,
    Role.INTERVIEWER: frozenset({Capability.FILL_SCORECARDS}),
}


def can(who: Membership | str | None, capability: Capability) -> bool:
    """Whether a membership (or a role, '' or None for no membership) grants `capability`."""
    role = who.role if isinstance(who, Membership) else who
    return capability in ROLE_CAPABILITIES.get(role or "", frozenset())


def roles_with(capability: Capability) -> frozenset[str]:
    """The roles that grant `capability`."""
    return frozenset(str(role) for role, caps in ROLE_CAPABILITIES.items() if capability in caps)


def member_who_can(user: User, capability: Capability, *, path: str = "organization") -> Q:
    """A filter: objects whose organization (at `path`) the user belongs to with `capability`."""
    return Q(
        **{
            f"{path}__memberships__user": user,
            f"{path}__memberships__role__in": sorted(roles_with(capability)),
        }
    )
