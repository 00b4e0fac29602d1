"""Rendering the closure emails: triplets under templates/closure/emails/, per language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from heardback.accounts.models import Language


def absolute_url(path: str) -> str:
    return f"{settings.HEARDBACK_BASE_URL}{path}"


def email_language(value: str) -> str:
    return value if value in Language.values else Language.EN


def render_email(name: str, language: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Subject (on one line), text and HTML of `closure/emails/<name>.<language>.*`."""
    path = f"closure/emails/{name}.{language}"
    with translation.override(language):
        return (
            " ".join(render_to_string(f"{path}.subject.txt", context).split()),
            render_to_string(f"{path}.txt", context),
            render_to_string(f"{path}.html", context),
        )
