from __future__ import annotations

import logging
import logging.config
import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from heardback.settings import cache_settings, email_settings, envbool, envint


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


def test_runserver_after_the_demo_signs_with_the_demo_key(tmp_path) -> None:
    """`heardback demo --no-serve` then `heardback runserver`: the links the demo printed and
    the emails it queued were signed with the demo's key, so they must still open."""
    (tmp_path / "demo_secret_key").write_text("k" * 60 + "\n")
    script = "from django.conf import settings; print(settings.SECRET_KEY)"
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']"
            f"='heardback.settings'; {script}",
        ],
        env={**clean, "DEBUG": "1", "HEARDBACK_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "k" * 60


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
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("RedactingConsoleEmailBackend")
    assert email_settings("console://?links=show")["EMAIL_BACKEND"].endswith("console.EmailBackend")


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


def test_cache_url_chooses_the_cache_that_holds_rate_limit_counts() -> None:
    assert cache_settings("")["BACKEND"].endswith("DatabaseCache")
    assert cache_settings("db://")["BACKEND"].endswith("DatabaseCache")
    assert cache_settings("locmem://")["BACKEND"].endswith("LocMemCache")
    redis = cache_settings("rediss://:secret@cache.example:6380/2")
    assert redis == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "rediss://:secret@cache.example:6380/2",
    }
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL scheme"):
        cache_settings("memcached://127.0.0.1:11211")


_LOOKUP_TWICE = """
import django, os, time
django.setup()
from django.core.cache import cache
from django.test import RequestFactory
from heardback.portal.throttle import WINDOW_SECONDS, portal_lookup_allowed
request = RequestFactory().get("/p/x/", REMOTE_ADDR=os.environ["CLIENT_IP"])
cache.get("warm-up")  # connect first: the window is read around the lookups alone
before = int(time.time() // WINDOW_SECONDS)
answers = [portal_lookup_allowed(request) for _ in range(2)]
print(before, int(time.time() // WINDOW_SECONDS), *answers)
"""


def _two_web_processes(cache_url: str) -> list[str]:
    """Two processes, one after the other, each looking up twice for the same client."""
    for _ in range(3):  # a minute boundary between the two processes restarts the count
        # A new client each try: a try that straddled a boundary left counts in the new
        # minute, which the next try with the same client would inherit.
        client = f"203.0.113.{uuid.uuid4().int % 250}-{uuid.uuid4().hex[:8]}"
        env = {
            **os.environ, "DEBUG": "1", "CACHE_URL": cache_url, "CLIENT_IP": client,
            "PORTAL_LOOKUPS_PER_MINUTE": "3", "DJANGO_SETTINGS_MODULE": "heardback.settings",
        }  # fmt: skip
        outputs = [
            subprocess.run(
                [sys.executable, "-c", _LOOKUP_TWICE], env=env, capture_output=True, text=True,
                check=True,
            ).stdout.split()
            for _ in range(2)
        ]  # fmt: skip
        if len({window for output in outputs for window in output[:2]}) == 1:
            return [answer for output in outputs for answer in output[2:]]
    raise AssertionError("three minute boundaries in a row")


def test_with_redis_every_web_process_shares_one_rate_limit_count() -> None:
    # The real Redis on 127.0.0.1:6379 (database 15): the second process sees the first's count.
    assert _two_web_processes("redis://127.0.0.1:6379/15") == ["True", "True", "True", "False"]
    # With locmem://, each process counts alone (what the start-up warning says).
    assert _two_web_processes("locmem://") == ["True", "True", "True", "True"]


def test_the_worker_logs_failed_tasks_but_not_every_run() -> None:
    # The outbox sweep runs every few seconds: at INFO the worker's console (and `heardback demo`'s
    # sign-in details) would drown in two lines a run. (Configured afresh: a test that ran a
    # worker in this process may have turned the logger up.)
    logging.config.dictConfig(settings.LOGGING)
    worker = logging.getLogger("django_tasks")
    assert not worker.isEnabledFor(logging.INFO)
    assert worker.isEnabledFor(logging.ERROR)


def test_the_background_worker_keeps_task_runs_out_of_its_console() -> None:
    # django-tasks-db's worker sets the task logger to INFO itself at the default verbosity.
    from heardback.core.management.commands.worker import QuietDbWorker

    QuietDbWorker().configure_logging(verbosity=1)
    worker = logging.getLogger("django_tasks")
    assert not worker.isEnabledFor(logging.INFO)
    assert worker.isEnabledFor(logging.ERROR)


@pytest.mark.parametrize("timeout", ["abc", "0", "-5", "1.5"])
def test_an_email_timeout_that_would_hang_or_fail_every_send_is_refused(timeout: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL timeout must be a whole number"):
        email_settings(f"smtp://mail.example.org?timeout={timeout}")
    assert email_settings("smtp://mail.example.org?timeout=10")["EMAIL_TIMEOUT"] == 10
