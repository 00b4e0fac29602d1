"""The transport side of the outbox: build a message, talk to the backend, judge its errors.

No database here: services.py claims rows and records outcomes; this module only turns a row
into an `EmailMultiAlternatives` and an exception into "try again later" or "never".
"""

from __future__ import annotations

import contextlib
import random
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.utils import formatdate, make_msgid, parseaddr
from typing import TYPE_CHECKING, Any

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.core.mail.utils import DNS_NAME
from django.core.validators import validate_email

if TYPE_CHECKING:
    from heardback.outbox.models import OutboundEmail

RETRY_BASE_SECONDS = 30
RETRY_MAX_SECONDS = 3600


@dataclass(frozen=True)
class Failure:
    """Why an attempt failed, and whether trying again could ever help."""

    reason: str
    bounce: bool  # the server said no for good (5xx): the recipient must hear it from a human


def mailbox(name: str, email: str, *, field: str) -> str:
    """`Name <email>` in Unicode (the backend encodes it), refusing header injection."""
    if any(c in name or c in email for c in "\r\n"):
        raise ValidationError(
            {field: f"Line breaks are not allowed in a name or address ({name!r})."}
        )
    validate_address(email, field=field)
    return str(Address(display_name=name.strip(), addr_spec=email.strip())) if name else email


def validate_address(value: str, *, field: str) -> None:
    """A single mailbox, `addr` or `Name <addr>`, on one line."""
    if "\r" in value or "\n" in value:
        raise ValidationError({field: "Line breaks are not allowed in an email address."})
    try:
        validate_email(parseaddr(value)[1])
    except ValidationError:
        raise ValidationError({field: f"{value!r} is not a valid email address."}) from None


def new_message_id(from_email: str) -> str:
    """A Message-ID in the sender's domain, chosen once per email."""
    domain = parseaddr(from_email)[1].rpartition("@")[2] or str(DNS_NAME)
    return make_msgid(domain=domain)


def date_header(at: datetime | None) -> str:
    """The Date header: when the message is meant to leave (now, or its scheduled time)."""
    return formatdate(at.timestamp() if at else None, localtime=settings.EMAIL_USE_LOCALTIME)


def build_message(
    email: OutboundEmail, connection: BaseEmailBackend | None = None
) -> EmailMultiAlternatives:
    """The multipart (text + HTML) message for a row, with its stored Message-ID and Date."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text,
        from_email=email.from_email,
        to=[email.to],
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={**email.headers, "Message-ID": email.message_id},
        connection=connection,
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    return message


def send(email: OutboundEmail, connection: BaseEmailBackend) -> None:
    """Hand one email to the backend; an exception means it was not accepted (or we can't tell)."""
    message = build_message(email, connection)
    if isinstance(connection, SMTPBackend):
        # Django's SMTP backend opened, secured and authenticated the connection. Its
        # send_messages() would parse both addresses again (validated at enqueue time) at a
        # cost close to a third of the send, so the message goes to its smtplib client here.
        connection.open()
        smtp = connection.connection
        assert smtp is not None  # open() raises instead (fail_silently is off)
        data = message.message().as_bytes(linesep="\r\n")
        smtp.sendmail(_envelope(email.from_email), [_envelope(email.to)], data)
        return
    # Console in the demo, locmem in tests, anymail providers: they take the message object.
    if not connection.send_messages([message]):
        raise RuntimeError("The email backend sent nothing.")


def _envelope(mailbox: str) -> str:
    address = parseaddr(mailbox)[1]
    return address if address.isascii() else str(sanitize_address(address, "utf-8"))


def open_connection() -> BaseEmailBackend:
    """The configured backend (SMTP, console, anymail), opened: one per batch."""
    connection: BaseEmailBackend = get_connection(fail_silently=False)
    connection.open()
    return connection


def discard_connection(connection: BaseEmailBackend) -> None:
    """Drop a connection after an error without waiting on a server that may not answer."""
    if isinstance(connection, SMTPBackend):
        # QUIT on a timed-out socket would wait for the timeout once more: just close it.
        for smtp in (connection.connection, getattr(connection, "_partial_connection", None)):
            if smtp is not None:
                smtp.close()
        connection.connection = None
        if hasattr(connection, "_partial_connection"):
            connection._partial_connection = None
        return
    close_connection(connection)


def close_connection(connection: BaseEmailBackend) -> None:
    """Close politely; a failure to say goodbye changes nothing about what was sent."""
    with contextlib.suppress(Exception):
        connection.close()


def judge(error: BaseException) -> Failure:
    """Map a backend exception to a retry (4xx, network, timeout) or a bounce (5xx)."""
    reason = _describe(error)
    if isinstance(error, AnymailRecipientsRefused):
        return Failure(reason, bounce=True)
    if isinstance(error, AnymailError):
        return Failure(reason, bounce=False)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        return Failure(reason, bounce=bool(codes) and all(500 <= c < 600 for c in codes))
    if isinstance(error, smtplib.SMTPAuthenticationError | smtplib.SMTPConnectError):
        # Our credentials or the server's greeting: nothing wrong with this email, so it is
        # retried (and fails after the attempt limit) rather than bounced for every recipient.
        return Failure(reason, bounce=False)
    if isinstance(error, smtplib.SMTPResponseException):
        return Failure(reason, bounce=500 <= error.smtp_code < 600)
    # SMTPServerDisconnected, ConnectionError, TimeoutError and any other OSError: transient.
    # Anything unexpected is retried too; the attempt limit keeps it from looping forever.
    return Failure(reason, bounce=False)


def _describe(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {_text(message)}"
            for address, (code, message) in error.recipients.items()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return f"{type(error).__name__}: {error}".rstrip(": ")


def _text(message: Any) -> str:
    return message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)


def backoff(attempts: int) -> timedelta:
    """Exponential backoff with jitter after the `attempts`-th failed attempt."""
    ceiling = min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))
    # Equal jitter: never sooner than half the backoff, and a burst of failures (a server
    # down for everyone) comes back spread out instead of all at once.
    return timedelta(seconds=ceiling / 2 + random.uniform(0, ceiling / 2))
