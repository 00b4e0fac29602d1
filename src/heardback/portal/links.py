"""The portal link placeholder, for text written before the link can be known.

The feedback engine writes PORTAL_URL_PLACEHOLDER into a note; whoever sends the note (the
outbox, holding the secret) calls `portal_links_fill` so the email carries the real link while
the stored note never does.
"""

from __future__ import annotations

import re

from django.conf import settings

from heardback.hiring.models import Application

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


def portal_links_fill(text: str, application: Application) -> str:
    """`text` with the placeholder replaced by the application's link (issued when needed)."""
    if PORTAL_TOKEN_PLACEHOLDER not in text:
        return text
    # services imports the selectors, which use this module: import at call time.
    from heardback.portal.services import candidate_link_issue, candidate_link_url

    return portal_links_replace(
        text, candidate_link_url(candidate_link_issue(application=application))
    )
