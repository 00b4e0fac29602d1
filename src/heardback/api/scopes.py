"""What an API key may do: each endpoint names the one scope it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from heardback.accounts.roles import ROLE_CAPABILITIES, Capability, can

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

READ = "read"
WRITE_HIRING = "write:hiring"
WRITE_FEEDBACK = "write:feedback"
IMPORTS = "imports"

# Scope → what it allows, as shown next to each checkbox when a key is created.
SCOPES: dict[str, StrOrPromise] = {
    READ: _(
        "Read jobs, candidates, applications, interviews, scorecards, rejection reasons, "
        "feedback notes, re-routing suggestions, partnerships and the partner pool."
    ),
    WRITE_HIRING: _(
        "Create jobs, candidates, applications, interviews and rejection reasons; fill and "
        "submit scorecards; reject or advance applications; invite candidates to other roles "
        "or partners' roles; propose, accept or end partnerships (admins' keys only)."
    ),
    WRITE_FEEDBACK: _("Draft, approve and send feedback notes to candidates."),
    IMPORTS: _("Upload ATS exports and follow their progress."),
}


# The capability each scope needs of the key's person (accounts.roles). Interviewers work on
# their own scorecards in the web app; the API reads organization-wide, so READ needs the
# capability to see every candidate.
SCOPE_CAPABILITIES: dict[str, Capability] = {
    READ: Capability.VIEW_CANDIDATES,
    WRITE_HIRING: Capability.DECIDE_REJECTIONS,
    WRITE_FEEDBACK: Capability.SEND_NOTES,
    IMPORTS: Capability.IMPORT_DATA,
}

# What each role may do through a key it made: a key acts with its person's role *now*, so an
# admin demoted to interviewer can no longer read private notes or send feedback with it.
ROLE_SCOPES: dict[str, frozenset[str]] = {
    role: frozenset(scope for scope, needed in SCOPE_CAPABILITIES.items() if can(role, needed))
    for role in ROLE_CAPABILITIES
}


def scopes_allowed(*, granted: list[str], role: str | None) -> frozenset[str]:
    """The scopes a key may use today: those granted, within its person's current role.

    `role` None: a key an operator made from the command line, for no person.
    """
    if role is None:
        return frozenset(granted)
    return frozenset(granted) & ROLE_SCOPES.get(role, frozenset())
