"""Rendering the closure emails: triplets under templates/closure/emails/, per language."""

from __future__ import annotations

from django.conf import settings

from heardback.accounts.models import Language


def absolute_url(path: str) -> str:
    return f"{settings.HEARDBACK_BASE_URL}{path}"


def email_language(value: str) -> str:
    return value if value in Language.values else Language.EN
