"""Headers, logs and deployment checks that protect candidates' data on every page."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client

from heardback.core.logs import RedactingConsoleEmailBackend, RedactingFilter, redact

TOKEN = "A" * 43


def test_app_pages_forbid_inline_script_framing_and_caching(recruiter_client: Client) -> None:
    response = recruiter_client.get("/jobs/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["Cache-Control"] == "no-store"
    # No page may rely on an inline handler the policy would block.
    assert " onclick=" not in response.content.decode()


def test_the_api_answers_are_not_cached(client: Client) -> None:
    assert client.get("/api/v1/jobs")["Cache-Control"] == "no-store"


def test_live_links_never_reach_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1,
                               "Not Found: %s", (f"/p/{TOKEN}/",), None)  # fmt: skip
    RedactingFilter().filter(record)
    assert TOKEN not in record.getMessage() and "/p/[redacted]" in record.getMessage()
    assert redact(f"GET /invite/{TOKEN}/ HTTP/1.1") == "GET /invite/[redacted]/ HTTP/1.1"


def test_printed_emails_hold_no_live_link(capsys: pytest.CaptureFixture[str]) -> None:
    backend = RedactingConsoleEmailBackend()
    backend.send_messages(
        [EmailMessage("Your page", f"Open https://jobs.example/p/{TOKEN}/", to=["a@b.example"])]
    )
    printed = capsys.readouterr().out
    assert TOKEN not in printed and "/p/[redacted]" in printed
    assert mail.outbox == []


def test_the_gunicorn_access_log_redacts_links() -> None:
    from heardback.core.logs import RedactingGunicornLogger

    atoms = {"r": f"GET /p/{TOKEN}/ HTTP/1.1", "U": f"/p/{TOKEN}/", "q": ""}
    from gunicorn.glogging import Logger

    original = Logger.atoms
    try:
        Logger.atoms = lambda self, *a: dict(atoms)  # type: ignore[method-assign]
        logger = RedactingGunicornLogger.__new__(RedactingGunicornLogger)
        result = logger.atoms(None, None, None, None)
    finally:
        Logger.atoms = original  # type: ignore[method-assign]
    assert TOKEN not in result["r"] + result["U"]


def test_check_deploy_is_clean_with_production_settings() -> None:
    """`heardback check --deploy` with the environment docs/operators.md gives production."""
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            # The browser fixture allows async-unsafe calls in-process; a server must not.
            if k not in ("DEBUG", "CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
        },
        "DEBUG": "0",
        "SECRET_KEY": "a-production-secret-key-" + "x7Qp" * 12,
        "HEARDBACK_BASE_URL": "https://jobs.example.com",
        "ALLOWED_HOSTS": "jobs.example.com",
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
        "SECURE_HSTS_PRELOAD": "1",
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_PROXY_SSL": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "heardback.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_per_process_cache_is_warned_about_at_start_up(settings: object) -> None:
    """Rate limits counted per process let each web process allow the full rate: say so."""
    from heardback.core.apps import cache_shared_check

    settings.DEBUG = False  # type: ignore[attr-defined]
    settings.CACHES = {  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    assert [w.id for w in cache_shared_check()] == ["heardback.W001"]
    settings.CACHES = {  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "heardback_cache",
        }
    }
    assert cache_shared_check() == []
