"""The candidate link placeholder, for text written before the link can be known.

Feedback notes, the portal's and the closure's emails write PORTAL_URL_PLACEHOLDER; the outbox
worker replaces it with the candidate's link as it sends the email, asking the portal (which
registers itself with `outbox.links` at start-up) for the address, so neither the note nor the
outbox row holds a live link. Here, below every app, so that any of them may write it.
"""

from __future__ import annotations

import re

from django.conf import settings

PORTAL_TOKEN_PLACEHOLDER = "PORTAL-TOKEN"  # noqa: S105  (a marker, not a secret)
PORTAL_URL_PLACEHOLDER = f"{settings.HEARDBACK_BASE_URL}/p/{PORTAL_TOKEN_PLACEHOLDER}/"
# Any base URL, not only today's: a note drafted before HEARDBACK_BASE_URL changed must still
# get a working link. Stops at whitespace, quotes, brackets and parentheses (HTML, Markdown).
_PLACEHOLDER_URL = re.compile(r"[^\s\"'<>()\[\]]*/p/" + PORTAL_TOKEN_PLACEHOLDER + "/")


def portal_links_replace(text: str, url: str) -> str:
    """`text` with every placeholder URL replaced by `url`."""
    if PORTAL_TOKEN_PLACEHOLDER not in text:
        return text
    # The URL is made of URL-safe characters only, so it is the same in text and in HTML.
    return _PLACEHOLDER_URL.sub(lambda _match: url, text)


# What a typed PORTAL-TOKEN becomes: it reads the same, and no worker will ever fill it.
_NEUTRAL_TOKEN = "PORTAL\u2011TOKEN"  # noqa: S105  (U+2011 NON-BREAKING HYPHEN, not a secret)


def placeholder_neutralize(text: str) -> str:
    """`text` with every placeholder made inert: for text a person typed, which must never
    turn into a live link (or stop an email) because it happens to contain the marker."""
    return text.replace(PORTAL_TOKEN_PLACEHOLDER, _NEUTRAL_TOKEN)
