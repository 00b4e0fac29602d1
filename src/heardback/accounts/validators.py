"""Password rules Django does not have."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class NotTheAddressValidator:
    """Refuse a password that is, or nearly is, the part of the email before the "@".

    Django's similarity check compares with each word of the address and the whole of it, so
    "samira.haddad" passes for samira.haddad@example.com; it is the first thing anyone tries.
    """

    def validate(self, password: str, user: Any = None) -> None:
        email = getattr(user, "email", "") or ""
        local = email.partition("@")[0].lower()
        if not local:
            return
        candidate = password.lower()
        similar = SequenceMatcher(a=candidate, b=local).quick_ratio() >= 0.7 and (
            SequenceMatcher(a=candidate, b=local).ratio() >= 0.7
        )
        contains = len(local) >= 4 and local in candidate
        if candidate in (local, email.lower()) or contains or similar:
            raise ValidationError(
                _("The password is too similar to your email address."),
                code="password_too_similar",
            )

    def get_help_text(self) -> str:
        return _("Your password can't be your email address or close to it.")
