"""The transport side of the outbox: build a message, talk to the backend, judge its errors.

No database here: services.py claims rows and records outcomes; this module only turns a row
into an `EmailMultiAlternatives` and an exception into "try again later" or "never".
"""

from __future__ import annotations

import contextlib
import functools
import random
import re
import smtplib
import socket
import ssl
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.headerregistry import Address
from email.policy import compat32
from email.utils import formatdate, make_msgid, parseaddr
from typing import TYPE_CHECKING, Any

from anymail.exceptions import AnymailError, AnymailRecipientsRefused
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import forbid_multi_line_headers, sanitize_address
from django.core.mail.utils import DNS_NAME
from django.core.validators import validate_email
from django.utils.translation import gettext

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
            {
                field: gettext("Line breaks are not allowed in a name or address (%(name)s).")
                % {"name": repr(name)}
            }
        )
    validate_address(email, field=field)
    return str(Address(display_name=name.strip(), addr_spec=email.strip())) if name else email


def validate_address(value: str, *, field: str) -> None:
    """A single mailbox, `addr` or `Name <addr>`, on one line."""
    if "\r" in value or "\n" in value:
        raise ValidationError({field: gettext("Line breaks are not allowed in an email address.")})
    try:
        validate_email(parseaddr(value)[1])
    except ValidationError:
        raise ValidationError(
            {field: gettext("%(value)s is not a valid email address.") % {"value": repr(value)}}
        ) from None


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
    if isinstance(connection, SMTPBackend):
        # Django's SMTP backend opened, secured and authenticated the connection; its smtplib
        # client gets the bytes Django would have written (see render()), for less CPU.
        smtp = connection.connection
        if smtp is None:
            connection.open()
            smtp = connection.connection
        assert smtp is not None  # open() raises instead (fail_silently is off)
        smtp.sendmail(_envelope(email.from_email), [_envelope(email.to)], render(email))
        return
    # Console in the demo, locmem in tests, anymail providers: they take the message object.
    if not connection.send_messages([build_message(email, connection)]):
        raise RuntimeError("The email backend sent nothing.")


# --- Rendering -------------------------------------------------------------------------------
#
# Django renders a message through the email package's generic machinery: 0.8 ms of CPU for a
# feedback note, about as long as the whole SMTP exchange with a local server. render() writes
# the same bytes (tests/outbox/test_rendering.py compares them for every kind of input) in a
# sixth of the time for the messages the outbox sends, and hands anything else to Django: extra
# headers that Django treats specially, lines longer than RFC 5322 allows (Django switches to
# quoted-printable), an HTML-only email.

_CRLF_POLICY = compat32.clone(linesep="\r\n")
_NEWLINES = re.compile(rb"\r\n|\r|\n")  # what email.generator turns into the line separator
_LINE_LIMIT = 998  # RFC 5322; longer lines make Django switch to quoted-printable
_SET_BY_DJANGO = frozenset(
    {"from", "to", "cc", "bcc", "reply-to", "subject", "content-type", "mime-version",
     "content-transfer-encoding"}
)  # fmt: skip
# email.generator's boundary: 15 "=", a random number on 19 digits, "==".
_BOUNDARY_DIGITS = len(repr(sys.maxsize - 1))
_BOUNDARY_MODEL = "=" * 15 + "0" * _BOUNDARY_DIGITS + "=="


def render(email: OutboundEmail) -> bytes:
    """The message as Django would write it (`build_message().message()`), with CRLF."""
    fast = _render_fast(email)
    if fast is None:
        return bytes(build_message(email).message().as_bytes(linesep="\r\n"))
    return fast


def _render_fast(email: OutboundEmail) -> bytes | None:
    extra = {**email.headers, "Message-ID": email.message_id}
    names = [name.lower() for name in extra]
    if len(set(names)) < len(names) or "date" not in names or _SET_BY_DJANGO.intersection(names):
        return None
    text = _text_part("plain", email.text) if email.text else None
    html = _text_part("html", email.html) if email.html else (b"", b"")
    if text is None or html is None:
        return None
    headers = [
        _header_line("Subject", email.subject),
        _header_line("From", email.from_email),
        _header("To", email.to),
    ]
    if email.reply_to:
        headers.append(_header_line("Reply-To", email.reply_to))
    for name, value in extra.items():
        headers.append(_header(name, value) if name == "Message-ID" else _header_line(name, value))
    if not email.html:
        # A single text/plain part: its own headers first, then the message's.
        return b"".join([text[0], *headers, b"\r\n", text[1]])
    boundary = _boundary(text[1] + html[1])
    return b"".join(
        [_multipart_header(boundary), b"MIME-Version: 1.0\r\n", *headers,
         b"\r\n--", boundary, b"\r\n", text[0], b"\r\n", text[1],
         b"\r\n--", boundary, b"\r\n", html[0], b"\r\n", html[1],
         b"\r\n--", boundary, b"--\r\n"]
    )  # fmt: skip


def _header(name: str, value: str) -> bytes:
    """One header line exactly as Django's SafeMIME classes and the compat32 generator write it."""
    name, value = forbid_multi_line_headers(name, value, "utf-8")
    return _CRLF_POLICY.fold_binary(name, value)


# The sender, the recruiter, the subject and the Date repeat across a batch; To and the
# Message-ID never do (they go to _header() directly).
_header_line = functools.lru_cache(maxsize=512)(_header)


def _text_part(subtype: str, content: str) -> tuple[bytes, bytes] | None:
    """A UTF-8 text/<subtype> part's headers and body; None if Django would encode it otherwise."""
    try:
        data = content.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: leave them to Django
        return None
    if len(data) > _LINE_LIMIT and any(
        len(line.encode("utf-8")) > _LINE_LIMIT for line in content.splitlines()
    ):
        return None
    headers = (
        f'Content-Type: text/{subtype}; charset="utf-8"\r\nMIME-Version: 1.0\r\n'
        f"Content-Transfer-Encoding: {'7bit' if data.isascii() else '8bit'}\r\n"
    )
    return headers.encode(), b"\r\n".join(_NEWLINES.split(data))


def _boundary(body: bytes) -> bytes:
    base = "=" * 15 + f"{random.randrange(sys.maxsize):0{_BOUNDARY_DIGITS}d}" + "=="
    boundary, counter = base, 0
    # Stricter than the generator (any occurrence, not only a whole line): a rare extra draw.
    while b"--" + boundary.encode() in body:
        boundary, counter = f"{base}.{counter}", counter + 1
    return boundary.encode()


def _multipart_header(boundary: bytes) -> bytes:
    value = 'multipart/alternative; boundary="{}"'
    if len(boundary) != len(_BOUNDARY_MODEL):
        return _header("Content-Type", value.format(boundary.decode()))
    # Folding depends on where the spaces are, not on the digits: fold once, fill in.
    return _header_line("Content-Type", value.format(_BOUNDARY_MODEL)).replace(
        _BOUNDARY_MODEL.encode(), boundary
    )


@functools.lru_cache(maxsize=256)  # the sender's address, parsed once per batch, not per email
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
        return Failure(reason, bounce=bool(codes) and all(_permanent_rcpt(c) for c in codes))
    if isinstance(error, smtplib.SMTPAuthenticationError | smtplib.SMTPConnectError):
        # Our credentials or the server's greeting: nothing wrong with this email, so it is
        # retried (and fails after the attempt limit) rather than bounced for every recipient.
        return Failure(reason, bounce=False)
    if isinstance(error, smtplib.SMTPSenderRefused | smtplib.SMTPHeloError):
        # Our sender address or our greeting was refused ("553 sender not allowed", an account
        # suspended): the same for every email, and nothing says the candidate's address is
        # wrong. Retried until the operator fixes it or the attempts run out, never a bounce.
        return Failure(reason, bounce=False)
    if isinstance(error, smtplib.SMTPResponseException):
        return Failure(reason, bounce=500 <= error.smtp_code < 600)
    # SMTPServerDisconnected, ConnectionError, TimeoutError and any other OSError: transient.
    # Anything unexpected is retried too; the attempt limit keeps it from looping forever.
    return Failure(reason, bounce=False)


def _permanent_rcpt(code: int) -> bool:
    # RFC 5321 4.5.3.1.10: a 552 to RCPT ("too many recipients", a full mailbox) is to be
    # treated as the temporary 452 it should have been.
    return 500 <= code < 600 and code != 552


# What the recruiter reads on the note when the mail server could not be used at all: what
# happened in plain words, then the technical detail for whoever runs heardback.
_ADMIN = "whoever runs heardback must check the mail server settings"
_PLAIN_WORDS: tuple[tuple[type[BaseException], str], ...] = (
    (smtplib.SMTPAuthenticationError, f"The mail server refused our sign-in ({_ADMIN})"),
    (smtplib.SMTPNotSupportedError, f"The mail server lacks a feature we need ({_ADMIN})"),
    (ssl.SSLError, f"No secure connection to the mail server ({_ADMIN})"),
    (ConnectionRefusedError, f"The mail server refused the connection ({_ADMIN})"),
    (socket.gaierror, f"The mail server's name could not be found ({_ADMIN})"),
    (TimeoutError, "The mail server did not answer in time"),
    (smtplib.SMTPServerDisconnected, "The mail server closed the connection"),
    (smtplib.SMTPConnectError, "The mail server would not take the connection"),
    (smtplib.SMTPException, ""),  # a reply of its own: it says it best
    (OSError, "The mail server could not be reached"),
)


def _describe(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {_text(message)}"
            for address, (code, message) in error.recipients.items()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        reply = f"{error.smtp_code} {_text(error.smtp_error)}"
    else:
        reply = f"{type(error).__name__}: {error}".rstrip(": ")
    if isinstance(error, smtplib.SMTPServerDisconnected) and "timed out" in str(error):
        error = TimeoutError()  # smtplib's wording for a server that never said a word
    plain = next((words for kind, words in _PLAIN_WORDS if isinstance(error, kind)), None)
    return f"{plain}: {reply}" if plain else reply


def _text(message: Any) -> str:
    return message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)


def backoff(attempts: int) -> timedelta:
    """Exponential backoff with jitter after the `attempts`-th failed attempt."""
    ceiling = min(RETRY_MAX_SECONDS, RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0))
    # Equal jitter: never sooner than half the backoff, and a burst of failures (a server
    # down for everyone) comes back spread out instead of all at once.
    return timedelta(seconds=ceiling / 2 + random.uniform(0, ceiling / 2))
