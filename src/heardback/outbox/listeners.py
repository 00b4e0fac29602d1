"""Delivery listeners: what the app behind an email kind records as its emails move on.

The outbox knows no domain model. An email carries a `kind` ("feedback_note", …) and, when
it is about one of its owner's objects, that object's id (`about_id`). The app that owns the
kind registers, in its `AppConfig.ready()`, what to write on its side when one of those
emails is sent, bounces, fails for good, will be retried or is cancelled; the outbox runs it
in the same transaction as its own record of the outcome, so both commit or neither does.
Feedback registers the notes' status updates (`FeedbackConfig.ready()`).

"Sent" is the hot path (once per email, inside the duplicate window): its listener does not
run Python in the transaction but returns one SQL statement (`%s` parameters), which the
outbox runs next to its own update, in one round trip on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

# One SQL statement and its parameters, written with `%s` placeholders.
Statement = tuple[str, Sequence[Any]]


@dataclass(frozen=True)
class Listener:
    """What one email kind's owner records; each receives the email's `about_id`.

    - `sent(about_id, now)`: the statement recording "sent" (`now` as the database takes it);
    - `bounced(about_id, reason)`, `failed(about_id, reason)`: given up for good;
    - `retrying(about_id, reason)`: this attempt failed, another one will follow;
    - `cancelled(about_id)`: taken off the queue before any worker claimed it.
    """

    sent: Callable[[int, Any], Statement] | None = None
    bounced: Callable[[int, str], None] | None = None
    failed: Callable[[int, str], None] | None = None
    retrying: Callable[[int, str], None] | None = None
    cancelled: Callable[[int], None] | None = None


_listeners: dict[str, Listener] = {}
_NONE = Listener()


def register(kind: str, listener: Listener) -> None:
    """Make `listener` the one for emails of `kind` (the last one registered wins)."""
    _listeners[kind] = listener


def listener_for(kind: str) -> Listener:
    """The listener of `kind`; one that records nothing if no app registered one."""
    return _listeners.get(kind, _NONE)
