"""What the portal's services share: limits, the candidate-facing error, text cleaning."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError

from heardback.core.links import placeholder_neutralize
from heardback.hiring.models import Candidate
from heardback.portal.texts import texts_for

# What the audit log says about who acted when the candidate did (there is no user).
CANDIDATE_VIA = "candidate via portal"
CONSENT_MONTHS = 12
CONSENT_DAYS = 365
# A candidate waits for answers before asking more: the recruiters' queue is not a chat.
OPEN_QUESTIONS_MAX = 3
# One address rarely has more; the cap bounds the work an anonymous request can cause.
REISSUE_APPLICATIONS_MAX = 20
# last_used_at is for support ("has the candidate opened it?"), not a log of every visit.
LAST_USED_GRANULARITY = timedelta(minutes=5)
ERASED_NAME = "Erased candidate"
REDACTED = "[redacted]"
ERASED_ADDRESS = "erased@invalid"
# NUL is refused by PostgreSQL and other control characters have no place in a message.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class PortalError(ValidationError):
    """A candidate action refused; `code` names its text in portal/texts.py, with `params`."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, code=code, params=params)

    def text(self, language: str) -> str:
        return texts_for(language)[str(self.code)].format(**(self.params or {}))


def clean_text(text: str) -> str:
    """Text a candidate or recruiter typed, without control characters or edge whitespace,
    and with no portal link placeholder the outbox could mistake for its own."""
    text = CONTROL_CHARACTERS.sub("", text).replace("\r\n", "\n").strip()
    return placeholder_neutralize(text)


def lock_candidate(candidate: Candidate) -> None:
    """Serialize a candidate's portal writes (consents, erasure) on their row."""
    list(Candidate.objects.select_for_update().filter(pk=candidate.pk).values_list("pk"))


def score_parse(value: object) -> int:
    """A 1-to-5 score from a form value, or PortalError("score_invalid")."""
    try:
        score = int(str(value))
    except ValueError:
        raise PortalError("score_invalid") from None
    if not 1 <= score <= 5:
        raise PortalError("score_invalid")
    return score
