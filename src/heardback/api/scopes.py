"""What an API key may do: each endpoint names the one scope it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

READ = "read"
WRITE_HIRING = "write:hiring"
WRITE_FEEDBACK = "write:feedback"
IMPORTS = "imports"

# Scope → what it allows, as shown next to each checkbox when a key is created.
SCOPES: dict[str, StrOrPromise] = {
    READ: _(
        "Read jobs, candidates, applications, interviews, scorecards, rejection reasons "
        "and feedback notes."
    ),
    WRITE_HIRING: _(
        "Create jobs, candidates, applications, interviews and rejection reasons; fill and "
        "submit scorecards; reject or advance applications."
    ),
    WRITE_FEEDBACK: _("Draft, approve and send feedback notes to candidates."),
    IMPORTS: _("Upload ATS exports and follow their progress."),
}
