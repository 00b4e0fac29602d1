"""Candidate link tokens: derived from the secret, stored only as a hash.

token = base64url(HMAC-SHA256(SECRET_KEY, "portal:<application id>:<nonce>")), 256 bits.
The database keeps the nonce and sha256(token): the outbox can recompute a link when it sends
an email, and someone who reads the database without the secret can compute no link. Rotating
SECRET_KEY therefore retires every link at once; candidates ask for a new one at /p/.
"""

from __future__ import annotations

import secrets

from heardback.core.tokens import TOKEN_PATTERN, signed_token, token_hash

__all__ = [
    "TOKEN_PATTERN",
    "feed_token_for",
    "nonce_new",
    "token_for",
    "token_hash",
    "token_well_formed",
]

NONCE_BYTES = 16


def nonce_new() -> str:
    """A fresh random nonce: each new link for the same application gets a new token."""
    return secrets.token_hex(NONCE_BYTES)


def token_for(*, application_id: int, nonce: str) -> str:
    """The raw token of a link, recomputed from the secret."""
    return signed_token("portal", application_id, nonce)


def feed_token_for(*, application_id: int, nonce: str) -> str:
    """The token of a link's read-only status feed: another purpose, so it opens no page.

    It is derived from the same nonce, so it stops with the link (revoked, replaced, expired)
    and with a rotated SECRET_KEY, and needs nothing stored.
    """
    return signed_token("portal-feed", application_id, nonce)


def token_well_formed(token: str) -> bool:
    """Whether a string could be a token at all."""
    return bool(TOKEN_PATTERN.fullmatch(token))
