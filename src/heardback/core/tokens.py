"""Secret links: a token derived from SECRET_KEY, of which the database keeps only a hash.

token = base64url(HMAC-SHA256(SECRET_KEY, "<purpose>:<part>:<part>…")), 256 bits, 43 characters.
Whoever reads the database without the secret can compute no token; rotating SECRET_KEY
retires every link at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

from django.conf import settings

# 32 bytes of HMAC in unpadded base64url; anything else is refused before touching the database.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{43}")


def signed_token(purpose: str, *parts: object) -> str:
    """The raw token for `purpose` and its parts (an id, a nonce), recomputed from the secret."""
    message = ":".join([purpose, *(str(part) for part in parts)]).encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def token_hash(token: str) -> str:
    """What the database stores and looks tokens up by: sha256 of the token, in hex."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()
