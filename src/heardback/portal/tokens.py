"""Candidate link tokens: derived from the secret, stored only as a hash.

token = base64url(HMAC-SHA256(SECRET_KEY, "portal:<application id>:<nonce>")), 256 bits.
The database keeps the nonce and sha256(token): the outbox can recompute a link when it sends
an email, and someone who reads the database without the secret can compute no link. Rotating
SECRET_KEY therefore retires every link at once; candidates ask for a new one at /p/.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from django.conf import settings

NONCE_BYTES = 16
# 32 bytes of HMAC in unpadded base64url; anything else is refused before touching the database.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def nonce_new() -> str:
    """A fresh random nonce: each new link for the same application gets a new token."""
    return secrets.token_hex(NONCE_BYTES)


def token_for(*, application_id: int, nonce: str) -> str:
    """The raw token of a link, recomputed from the secret."""
    message = f"portal:{application_id}:{nonce}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def token_hash(token: str) -> str:
    """What the database stores and looks links up by: sha256 of the token, in hex."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def token_well_formed(token: str) -> bool:
    """Whether a string could be a token at all."""
    return bool(TOKEN_PATTERN.fullmatch(token))
