"""Emails from any app: rendered from a template triplet, queued through the outbox.

The outbox sits above accounts and hiring, which may therefore not import it: they call
`email_enqueue` here, and the outbox registers its own as the one that writes the row, in
`OutboxConfig.ready()` (the same idea as `core.periodic`). Apps above the outbox call
`outbox.services.email_enqueue` directly. Rendering is here too, so every
email is rendered the same way: `<template>.subject.txt` (on one line), `.txt`, `.html`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

# The outbox's `email_enqueue(*, organization, to, subject, text, html, reply_to,
# idempotency_key, …)`: see outbox.services.enqueue for its arguments.
Enqueue = Callable[..., Any]

_enqueue: list[Enqueue] = []


def register_enqueue(enqueue: Enqueue) -> None:
    """Make `enqueue` the one that queues emails (the outbox's, at start-up)."""
    _enqueue[:] = [enqueue]


def email_enqueue(**email: Any) -> Any:
    """Queue one email, once per idempotency key (outbox.services.email_enqueue)."""
    if not _enqueue:
        raise RuntimeError("No outbox is registered to queue emails (is the outbox installed?)")
    return _enqueue[0](**email)


def render_email(template: str, language: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Subject (on one line), text and HTML of the triplet `<template>.*`, in `language`."""
    with translation.override(language):
        subject = render_to_string(f"{template}.subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return " ".join(subject.split()), text, html
