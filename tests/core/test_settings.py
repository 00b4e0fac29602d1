from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from heardback.settings import email_settings, envbool, envint


def _import_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", "import heardback.settings"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_settings_refuse_to_start_without_secret_key_when_debug_is_off() -> None:
    result = _import_settings({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_settings_start_without_secret_key_in_debug() -> None:
    assert _import_settings({"DEBUG": "1"}).returncode == 0


def test_settings_start_with_a_secret_key() -> None:
    assert _import_settings({"SECRET_KEY": "x" * 50}).returncode == 0


def test_bad_boolean_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG must be a boolean"):
        envbool("SOME_FLAG", False)


def test_bad_integer_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOME_INT", "ten")
    with pytest.raises(ImproperlyConfigured, match="SOME_INT must be an integer"):
        envint("SOME_INT", 1)


def test_email_url_submission_means_starttls_on_587() -> None:
    config = email_settings("submission://user%40x.org:p%2Fss@mail.example.org")
    assert config["EMAIL_PORT"] == 587
    assert config["EMAIL_USE_TLS"] is True
    assert config["EMAIL_HOST_USER"] == "user@x.org"
    assert config["EMAIL_HOST_PASSWORD"] == "p/ss"


def test_email_url_smtps_uses_implicit_tls() -> None:
    config = email_settings("smtps://mail.example.org")
    assert (config["EMAIL_PORT"], config["EMAIL_USE_SSL"]) == (465, True)


def test_email_url_console_for_the_demo() -> None:
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_unknown_email_scheme_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL scheme"):
        email_settings("pigeon://loft")


def test_sqlite_is_tuned_for_a_web_server_and_a_worker(settings: object) -> None:
    from django.conf import settings as django_settings

    database = django_settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite-only tuning; this run is on PostgreSQL")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert "busy_timeout" in database["OPTIONS"]["init_command"]
