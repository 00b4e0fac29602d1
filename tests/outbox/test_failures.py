"""Mail servers that cannot be used at all: busy, silent, or not set up the way we are.

Each is retried with backoff (whoever runs heardback can fix the server or the settings), the
recruiter reads on the note what happened in plain words, and once the server is fixed the
email arrives exactly once.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
from collections.abc import Callable, Iterator

import pytest
import time_machine
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session
from pytest_django.fixtures import Settings

from heardback.accounts.models import Organization, User
from heardback.outbox.models import OutboundEmail
from tests.outbox.conftest import MakeNote
from tests.outbox.smtp import SmtpSink, _Handler, free_port
from tests.outbox.test_delivery import clock, deliver, queue_one  # noqa: F401  (clock: fixture)

pytestmark = pytest.mark.django_db(transaction=True)
Greeting = Callable[[socket.socket], None]


@pytest.fixture
def raw_server() -> Iterator[Callable[[Greeting], int]]:
    """A TCP server on loopback that does only what `greet` does with each connection."""
    servers: list[socket.socket] = []
    held: list[socket.socket] = []

    def start(greet: Greeting) -> int:
        server = socket.create_server(("127.0.0.1", 0))
        servers.append(server)

        def serve() -> None:
            while True:
                try:
                    client, _ = server.accept()
                except OSError:
                    return
                held.append(client)
                greet(client)

        threading.Thread(target=serve, daemon=True).start()
        return int(server.getsockname()[1])

    yield start
    for sock in servers + held:
        sock.close()


def _refuse_every_password(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: object
) -> AuthResult:
    return AuthResult(success=False, handled=False)


@pytest.fixture
def password_refusing_server() -> Iterator[int]:
    controller = Controller(
        _Handler(SmtpSink()),
        hostname="127.0.0.1",
        port=free_port(),
        auth_require_tls=False,
        authenticator=_refuse_every_password,
    )
    controller.start()
    yield controller.port
    controller.stop()


def _busy(client: socket.socket) -> None:
    client.sendall(b"421 4.3.2 Too busy, try again later\r\n")
    client.close()


def _silent(client: socket.socket) -> None:
    pass  # accepts the connection and never says a word


# (how the server or the settings are wrong, what the recruiter reads first, the detail kept)
BROKEN: dict[str, tuple[Callable[..., None], str, str]] = {
    "busy at the greeting (421)": (
        lambda s, raw, **_: setattr(s, "EMAIL_PORT", raw(_busy)),
        "The mail server would not take the connection: ",
        "421 4.3.2 Too busy",
    ),
    "accepts the connection and never answers": (
        lambda s, raw, **_: setattr(s, "EMAIL_PORT", raw(_silent)),
        "The mail server did not answer in time: ",
        "timed out",
    ),
    "STARTTLS required but not offered": (
        lambda s, raw, **_: setattr(s, "EMAIL_USE_TLS", True),
        "The mail server lacks a feature we need (whoever runs heardback must check",
        "STARTTLS extension not supported",
    ),
    "TLS spoken to a plain-text port": (
        lambda s, raw, **_: setattr(s, "EMAIL_USE_SSL", True),
        "No secure connection to the mail server (whoever runs heardback must check",
        "SSLError",
    ),
    "a password set but no AUTH offered": (
        lambda s, raw, **_: (setattr(s, "EMAIL_HOST_USER", "mailer"),
                             setattr(s, "EMAIL_HOST_PASSWORD", "secret")),
        "The mail server lacks a feature we need",
        "SMTP AUTH extension not supported",
    ),
    "the password refused (535)": (
        lambda s, raw, auth_port: (setattr(s, "EMAIL_PORT", auth_port),
                                   setattr(s, "EMAIL_HOST_USER", "mailer"),
                                   setattr(s, "EMAIL_HOST_PASSWORD", "wrong")),
        "The mail server refused our sign-in (whoever runs heardback must check",
        "535 5.7.8 Authentication credentials invalid",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_mail_server_that_cannot_be_used_is_retried_and_the_recruiter_reads_why(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    settings: Settings,
    clock: time_machine.Coordinates,  # noqa: F811
    raw_server: Callable[[Greeting], int],
    password_refusing_server: int,
    case: str,
) -> None:
    break_it, plain, detail = BROKEN[case]
    note = queue_one(org, recruiter, make_note)
    healthy = {
        name: getattr(settings, name)
        for name in ("EMAIL_PORT", "EMAIL_USE_TLS", "EMAIL_USE_SSL", "EMAIL_HOST_USER",
                     "EMAIL_HOST_PASSWORD")
    }  # fmt: skip
    break_it(settings, raw_server, auth_port=password_refusing_server)

    assert deliver().retried == 1

    note.refresh_from_db()
    assert note.status == "queued"
    assert note.last_error.startswith(f"Attempt 1 failed, will retry: {plain}")
    assert detail in note.last_error
    assert smtp_sink.received() == []

    for name, value in healthy.items():  # the administrator fixes the server or the settings
        setattr(settings, name, value)
    clock.shift(dt.timedelta(seconds=31))
    assert deliver().sent == 1
    assert len(smtp_sink.received()) == 1
    note.refresh_from_db()
    assert (note.status, note.last_error) == ("sent", "")


def test_a_552_to_rcpt_is_the_temporary_452_it_should_have_been(
    org: Organization,
    recruiter: User,
    make_note: MakeNote,
    smtp_sink: SmtpSink,
    clock: time_machine.Coordinates,  # noqa: F811
) -> None:
    # RFC 5321 4.5.3.1.10: servers answer 552 to RCPT for "too many recipients" or a full
    # mailbox, both of which pass; clients must treat it as temporary, not bounce it.
    note = queue_one(org, recruiter, make_note)
    smtp_sink.fail_next("552 5.2.2 Mailbox full, try again later", at="RCPT")

    assert deliver().retried == 1
    note.refresh_from_db()
    assert note.status == "queued"

    clock.shift(dt.timedelta(seconds=31))
    assert deliver().sent == 1
    assert len(smtp_sink.received()) == 1


def test_a_552_to_data_still_bounces_with_the_servers_words(
    org: Organization, recruiter: User, make_note: MakeNote, smtp_sink: SmtpSink
) -> None:
    note = queue_one(org, recruiter, make_note)
    smtp_sink.fail_next("552 5.3.4 Message size exceeds fixed limit", at="DATA")

    assert deliver().bounced == 1

    note.refresh_from_db()
    assert note.status == "failed"
    assert note.last_error == "Bounced: 552 5.3.4 Message size exceeds fixed limit"
    assert OutboundEmail.objects.get().status == "bounced"
