"""Keep live private links (candidate portal, invitations) out of logs and printed emails.

A link is a bearer secret: whoever reads an access log, an error report or a console email
could open the candidate's page. Every place the service writes text for operators goes
through `redact`.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from django.core.mail.backends.console import EmailBackend as ConsoleEmailBackend

_SECRET_PATHS = re.compile(r"/(p|invite)/[A-Za-z0-9_-]{20,}")


def redact(text: str) -> str:
    """`text` with the token of every portal or invitation link replaced."""
    return _SECRET_PATHS.sub(lambda m: f"/{m.group(1)}/[redacted]", text)


class RedactingFilter(logging.Filter):
    """A logging filter: the formatted message, with private links redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class RedactingConsoleEmailBackend(ConsoleEmailBackend):
    """Django's console backend, without live links (EMAIL_URL=console://?links=show keeps
    them, for a demo on one's own machine)."""

    def write_message(self, message: Any) -> None:
        original = self.stream
        buffer = io.StringIO()
        self.stream = buffer
        try:
            super().write_message(message)
        finally:
            self.stream = original
        self.stream.write(redact(buffer.getvalue()))


def _gunicorn_logger() -> type:
    from gunicorn.glogging import Logger

    class RedactingGunicornLogger(Logger):  # type: ignore[misc]
        """gunicorn's logger with the request line, path and query redacted."""

        def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
            atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
            for key in ("r", "U", "q"):
                if isinstance(atoms.get(key), str):
                    atoms[key] = redact(atoms[key])
            return atoms

    return RedactingGunicornLogger


def __getattr__(name: str) -> Any:
    # gunicorn is imported only by the web server process that asks for its logger class.
    if name == "RedactingGunicornLogger":
        return _gunicorn_logger()
    raise AttributeError(name)
