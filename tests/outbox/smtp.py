"""A real SMTP server on loopback that records what it accepts and misbehaves on request.

    sink = SmtpSink().start()
    sink.fail_next("451 4.7.1 Try again later", at="RCPT")
    ... deliver ...
    sink.messages[0].message["Message-ID"]

Faults are consumed in order, one per SMTP transaction reaching their stage (MAIL, RCPT,
DATA): a scripted reply, a delay before the normal answer, a dropped connection, or a
message kept whose "250" comes late. Like aiosmtpd, the sink forgets a transaction whose
client hung up before the server decided (delay_next); stall_after_accept_next models the
server that already queued the message when the client gave up.
"""

from __future__ import annotations

import asyncio
import collections
import email
import email.message
import email.policy
import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

Stage = Literal["MAIL", "RCPT", "DATA"]

# aiosmtpd logs every command at INFO: thousands of lines per test, none of them useful.
logging.getLogger("mail.log").setLevel(logging.WARNING)


@dataclass
class Received:
    """One message the server accepted (answered 250 to)."""

    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    peer: Any
    accepted_at: float  # time.time() just before the final 250 is written

    @property
    def message(self) -> email.message.EmailMessage:
        parsed = email.message_from_bytes(self.raw, policy=email.policy.default)
        assert isinstance(parsed, email.message.EmailMessage)
        return parsed

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    @property
    def text(self) -> str:
        """The text/plain part, with the wire's CRLF line ends turned back into LF."""
        return self._part("plain")

    @property
    def html(self) -> str:
        return self._part("html")

    def _part(self, subtype: str) -> str:
        part = self.message.get_body((subtype,))
        return "" if part is None else str(part.get_content()).replace("\r\n", "\n")


@dataclass
class Fault:
    reply: str | None = None  # e.g. "451 4.7.1 Try again later"
    delay: float = 0.0  # seconds to wait before answering
    drop: bool = False  # close the connection instead of answering
    stall_after_accept: float = 0.0  # DATA: keep the message, then wait before the 250


@dataclass
class _Handler:
    sink: SmtpSink

    async def _fault(self, server: SMTP, stage: Stage) -> str | None:
        fault = self.sink._take(stage)
        if fault is None:
            return None
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.drop:
            assert server.transport is not None
            server.transport.abort()
            return "421 4.4.2 Connection dropped"  # never reaches the client
        return fault.reply

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if reply := await self._fault(server, "MAIL"):
            return reply
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if reply := await self._fault(server, "RCPT"):
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.sink.latency:
            await asyncio.sleep(self.sink.latency)
        fault = self.sink._peek("DATA")
        stall = fault.stall_after_accept if fault is not None else 0.0
        if not stall and (reply := await self._fault(server, "DATA")):
            return reply
        raw = envelope.original_content or b""
        # A real server has the message once it decides to answer 250, whether or not the
        # client is still there to read the answer (RFC 1047): so does the sink.
        self.sink._record(
            Received(
                mail_from=str(envelope.mail_from),
                rcpt_tos=list(envelope.rcpt_tos),
                raw=raw,
                peer=session.peer,
                accepted_at=time.time(),
            )
        )
        if stall:
            self.sink._take("DATA")
            await asyncio.sleep(stall)
        return "250 2.0.0 OK: queued"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SmtpSink:
    """An aiosmtpd server on 127.0.0.1 with scripted faults; thread-safe to inspect."""

    host: str = "127.0.0.1"
    port: int = field(default_factory=free_port)
    latency: float = 0.0  # seconds added before every DATA answer
    messages: list[Received] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._faults: dict[str, collections.deque[Fault]] = collections.defaultdict(
            collections.deque
        )
        self._controller = Controller(
            _Handler(self), hostname=self.host, port=self.port, server_hostname="sink.localhost"
        )

    def start(self) -> SmtpSink:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # Scripting -------------------------------------------------------------------------

    def fail_next(self, reply: str, *, at: Stage = "DATA", times: int = 1) -> None:
        """Answer the next `times` transactions reaching `at` with `reply` (e.g. 451, 550)."""
        self._script(at, Fault(reply=reply), times)

    def drop_next(self, *, at: Stage = "DATA", times: int = 1) -> None:
        """Close the connection at `at` instead of answering (DATA: after the content)."""
        self._script(at, Fault(drop=True), times)

    def delay_next(
        self, seconds: float, *, at: Stage = "DATA", reply: str | None = None, times: int = 1
    ) -> None:
        """Answer only after `seconds` (then normally, or with `reply`)."""
        self._script(at, Fault(delay=seconds, reply=reply), times)

    def stall_after_accept_next(self, seconds: float, *, times: int = 1) -> None:
        """Keep the next message but send its final 250 only after `seconds`."""
        self._script("DATA", Fault(stall_after_accept=seconds), times)

    def _script(self, stage: Stage, fault: Fault, times: int) -> None:
        with self._lock:
            self._faults[stage].extend([fault] * times)

    def _take(self, stage: Stage) -> Fault | None:
        with self._lock:
            queue = self._faults[stage]
            return queue.popleft() if queue else None

    def _peek(self, stage: Stage) -> Fault | None:
        with self._lock:
            queue = self._faults[stage]
            return queue[0] if queue else None

    def _record(self, received: Received) -> None:
        with self._arrived:
            self.messages.append(received)
            self._arrived.notify_all()

    # Inspecting ------------------------------------------------------------------------

    def received(self) -> list[Received]:
        with self._lock:
            return list(self.messages)

    def to(self, address: str) -> list[Received]:
        """Every copy delivered to `address`."""
        return [m for m in self.received() if address in m.rcpt_tos]

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        """Block until at least `count` messages have arrived (or the timeout passes)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while len(self.messages) < count and time.monotonic() < deadline:
                self._arrived.wait(timeout=0.05)
            return list(self.messages)

    def clear(self) -> None:
        with self._lock:
            self.messages.clear()
            self._faults.clear()
