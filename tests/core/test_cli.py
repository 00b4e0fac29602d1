"""The `heardback` script: help and the guard need no SECRET_KEY; the rest say so in a line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from heardback import cli


def _heardback(
    *args: str, tmp_path: Path, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-m", "heardback.cli", *args],
        env={
            **clean,
            "HEARDBACK_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            **env,
        },
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_the_guard_checks_text_without_a_secret_key(tmp_path: Path) -> None:
    result = _heardback("guard", tmp_path=tmp_path, stdin="You were not a culture fit.\n")
    assert "Traceback" not in result.stderr
    assert "<stdin>: warn" in result.stdout or "<stdin>: block" in result.stdout
    assert result.returncode in {1, 2}  # the guard's own statuses: it found something


def test_help_lists_heardbacks_commands_without_a_secret_key(tmp_path: Path) -> None:
    for args in (["help"], ["--help"]):
        result = _heardback(*args, tmp_path=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "[core]" in result.stdout and "demo" in result.stdout
        assert "not properly configured" not in result.stdout


def test_a_command_that_needs_the_secret_key_says_so_in_one_line(tmp_path: Path) -> None:
    result = _heardback("migrate", tmp_path=tmp_path)
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        "heardback: SECRET_KEY is not set. Set it in the environment (see .env.example), "
        "or set DEBUG=1 on a development machine."
    ]
    assert not (tmp_path / "db.sqlite3").exists()


def test_a_bad_setting_is_one_line_too(tmp_path: Path) -> None:
    result = _heardback("org", "list", tmp_path=tmp_path, SECRET_KEY="x" * 50, DEBUG="maybe")
    assert result.returncode != 0
    assert (
        result.stderr.strip() == "heardback: DEBUG must be a boolean (1/0, true/false), got 'maybe'"
    )


def _unset(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    """The demo's variables as `env` says, all restored afterwards (even those it sets)."""
    for name in ("HOST", "PORT", "HEARDBACK_BASE_URL", "ALLOWED_HOSTS"):
        monkeypatch.setenv(name, "")  # recorded, so teardown restores the original or unsets
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SECRET_KEY", "test-only-not-a-secret")


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["demo"], {}, "http://127.0.0.1:8000"),
        (["demo", "--port", "8123"], {}, "http://127.0.0.1:8123"),
        (["demo", "--port=8124", "--no-serve"], {"PORT": "9000"}, "http://127.0.0.1:8124"),
        (["demo"], {"HOST": "0.0.0.0", "PORT": "9001"}, "http://127.0.0.1:9001"),
        (["demo", "--host", "::1"], {}, "http://[::1]:8000"),
        (["demo", "--port", "8125"], {"HEARDBACK_BASE_URL": "https://demo.example"}, None),
    ],
)
def test_the_demo_links_point_where_it_serves(
    monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str], expected: str | None
) -> None:
    _unset(monkeypatch, env)

    cli._demo_environment(args)

    assert os.environ["HEARDBACK_BASE_URL"] == (expected or env["HEARDBACK_BASE_URL"])


@pytest.mark.parametrize(
    ("host", "env", "expected"),
    [
        ("127.0.0.1", {}, "127.0.0.1,localhost"),
        ("0.0.0.0", {}, "127.0.0.1,localhost"),
        ("192.168.1.20", {}, "127.0.0.1,localhost,192.168.1.20"),
        ("::1", {}, "127.0.0.1,localhost,[::1]"),
        ("192.168.1.20", {"ALLOWED_HOSTS": "demo.example"}, "demo.example"),
    ],
)
def test_the_demo_answers_on_the_host_it_serves(
    monkeypatch: pytest.MonkeyPatch, host: str, env: dict[str, str], expected: str
) -> None:
    _unset(monkeypatch, env)

    cli._demo_environment(["demo", "--host", host])

    assert os.environ["ALLOWED_HOSTS"] == expected
