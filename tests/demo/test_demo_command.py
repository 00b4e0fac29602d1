"""`heardback demo` as someone trying the product meets it: the port, the clock, re-runs, stop."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from heardback.accounts.models import Organization, User
from heardback.closure.models import ApplicationClock
from heardback.hiring.models import Application


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port something else listens on."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        yield int(server.getsockname()[1])


def _demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", "--no-drafts", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_closure_dashboard_is_right_from_the_first_page() -> None:
    output = _demo("--no-serve")

    organization = Organization.objects.get(slug="demo")
    open_applications = Application.objects.filter(organization=organization, status="active")
    assert ApplicationClock.objects.filter(application__in=open_applications).count() == (
        open_applications.count()
    )
    client = Client()
    client.force_login(User.objects.get(email="recruiter@demo.example"))
    page = client.get("/closure/").content.decode()
    assert "Nobody is waiting here" not in page
    assert "The clocks have not been computed yet" not in page
    assert "closure clocks" in output
    assert "created again" not in output  # nothing existed before


@pytest.mark.django_db
def test_a_rerun_says_the_demo_was_created_again() -> None:
    _demo("--no-serve")
    output = _demo("--no-serve")
    assert "its data was deleted and created again, so every id changed" in output


@pytest.mark.django_db
def test_a_busy_port_fails_before_anything_changes(busy_port: int) -> None:
    _demo("--no-serve")
    before = list(Application.objects.order_by("pk").values_list("pk", "candidate__email"))

    with pytest.raises(CommandError, match=f"Cannot serve on 127.0.0.1:{busy_port}: .*in use"):
        _demo("--port", str(busy_port))

    assert list(Application.objects.order_by("pk").values_list("pk", "candidate__email")) == (
        before
    )


def _env(tmp_path: Path, port: int) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "HEARDBACK_VAR_DIR": str(tmp_path),
        "HEARDBACK_DEMO_PASSWORD": "demo-pass-1",
        "PORT": str(port),
    }
    for name in ("SECRET_KEY", "HEARDBACK_BASE_URL", "HOST", "DEBUG", "CACHE_URL"):
        env.pop(name, None)  # the demo must start with nothing configured
    return env


def test_a_busy_port_is_one_line_and_leaves_no_database(tmp_path: Path, busy_port: int) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "heardback.cli", "demo"],
        env=_env(tmp_path, busy_port),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        f"CommandError: Cannot serve on 127.0.0.1:{busy_port}: Address already in use. Nothing "
        "was changed. Stop what runs there, or pick another port, e.g. PORT=8001 make demo"
    ]
    assert not (tmp_path / "demo.sqlite3").exists()


def _processes() -> dict[int, tuple[int, str]]:
    """Every live process: pid -> (parent pid, start time, which tells a reused pid apart)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        fields = stat.rsplit(")", 1)[1].split()  # after "pid (command)": state, ppid, …
        if fields[0] != "Z":
            found[int(entry.name)] = (int(fields[1]), fields[19])
    return found


def _descendants(pid: int) -> dict[int, str]:
    processes = _processes()
    found: dict[int, str] = {}
    parents = {pid}
    while parents:
        children = {p for p, (ppid, _) in processes.items() if ppid in parents and p not in found}
        found.update((p, processes[p][1]) for p in children)
        parents = children
    return found


@pytest.mark.slow
@pytest.mark.parametrize(
    "signum",
    [signal.SIGTERM, signal.SIGHUP],  # kill, systemd and docker stop; the terminal closing
    ids=["SIGTERM", "SIGHUP"],
)
def test_a_stop_signal_stops_the_server_and_the_worker(
    tmp_path: Path, signum: signal.Signals
) -> None:
    port = _free_port()
    log = tmp_path / "demo.log"  # a file, not a pipe: a child left behind would hold a pipe open
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "heardback.cli", "demo", "--no-drafts"],
            env=_env(tmp_path, port),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        children: dict[int, str] = {}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    pass
            except OSError:
                time.sleep(0.3)
                continue
            children = _descendants(process.pid)
            if len(children) >= 4:  # gunicorn, its two workers, the worker
                break
            time.sleep(0.3)
        assert len(children) >= 4, children
    finally:
        process.send_signal(signum)  # to the demo alone, not to its process group
        process.wait(timeout=40)
    output = log.read_text()

    now = _processes()
    left = [pid for pid, start in children.items() if now.get(pid, (0, ""))[1] == start]
    for pid in left:  # so that a failure leaves nothing behind either
        os.kill(pid, signal.SIGKILL)
    assert left == [], output
    assert process.returncode == 0, output
    assert output.rstrip().endswith("Stopped.")
    assert f"Links in emails point to http://127.0.0.1:{port}/" in output
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
