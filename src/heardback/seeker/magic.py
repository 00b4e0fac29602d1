"""Sign-in links by email: short-lived, single-use, for seekers who would rather not keep a
password. The link is a signature over the account and its last sign-in, so signing in (with
it or otherwise) spends it, and it lasts `MAGIC_LINK_MINUTES`."""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse

from heardback.accounts.models import User

MAGIC_LINK_MINUTES = 15
_SALT = "heardback.seeker.magic-link"


def _state(user: User) -> str:
    return user.last_login.isoformat() if user.last_login else "never"


def magic_link_url(user: User) -> str:
    token = signing.dumps({"u": user.pk, "s": _state(user)}, salt=_SALT, compress=True)
    return settings.HEARDBACK_BASE_URL + reverse("seeker:magic-link", args=[token])


def magic_link_user(token: str) -> User | None:
    """The seeker a live, unspent link signs in, else None (any reason alike)."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=MAGIC_LINK_MINUTES * 60)
        user = User.objects.filter(pk=int(data["u"]), is_active=True, seeker__isnull=False).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if user is None or data.get("s") != _state(user):
        return None
    return user


@transaction.atomic
def magic_link_request(*, email: str) -> None:
    """Email a sign-in link to this address if it is a seeker's; callers answer alike either
    way. At most one email per account in a window of the link's lifetime."""
    from heardback.seeker.services import companion_email_enqueue

    user = User.objects.filter(
        email__iexact=email.strip(), is_active=True, seeker__isnull=False
    ).first()
    if user is None:
        return
    window = int(time.time() // (MAGIC_LINK_MINUTES * 60))
    context = {"url": magic_link_url(user), "minutes": MAGIC_LINK_MINUTES}
    companion_email_enqueue(
        user=user, template="seeker/emails/magic_link", language=user.language or "en",
        context=context, idempotency_key=f"seeker_magic_link:{user.pk}:{window}",
        kind="seeker_magic_link",
    )  # fmt: skip
