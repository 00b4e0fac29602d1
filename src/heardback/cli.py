"""The `heardback` console script: a thin front on Django's management commands.

`heardback demo`, `heardback serve`, `heardback worker`, `heardback org create …` and every
other Django command (`heardback shell -c …`, `heardback migrate`) run through here.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

# Commands that sign, store or send nothing: they run without SECRET_KEY (see _needs_secret).
TEXT_ONLY_COMMANDS = {"guard", "help", "version"}
HELP_FLAGS = {"-h", "--help", "--version"}


def _demo_secret_key() -> str:
    # The demo must run with nothing configured, yet never with a key committed anywhere:
    # generate one per machine under var/ and reuse it so sessions survive a restart.
    var_dir = Path(os.environ.get("HEARDBACK_VAR_DIR", "var"))
    var_dir.mkdir(parents=True, exist_ok=True)
    key_file = var_dir / "demo_secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def _url_host(host: str) -> str:
    """The host as a URL and the Host header write it."""
    if host in {"", "0.0.0.0"}:  # noqa: S104  (all interfaces: this machine answers on each)
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"[{host}]" if ":" in host else host


def demo_base_url(host: str, port: str | int) -> str:
    """Where `heardback demo --host H --port P` answers, as links in its emails must say."""
    return f"http://{_url_host(host)}:{port}"


def _demo_environment(args: list[str]) -> None:
    """Before settings load: a SECRET_KEY, and from --host/--port (or HOST/PORT), when unset,
    HEARDBACK_BASE_URL and ALLOWED_HOSTS: every link the demo and its worker write points
    where it serves, and the server answers there."""
    if not os.environ.get("SECRET_KEY"):
        os.environ["SECRET_KEY"] = _demo_secret_key()
    if not os.environ.get("EMAIL_URL"):
        # On one's own machine the printed emails are the demo's inbox: show their links
        # (console:// redacts them everywhere else).
        os.environ["EMAIL_URL"] = "console://?links=show"
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
    known, _ = parser.parse_known_args(args[1:])
    if not os.environ.get("HEARDBACK_BASE_URL"):
        os.environ["HEARDBACK_BASE_URL"] = demo_base_url(known.host, known.port)
    if not os.environ.get("ALLOWED_HOSTS"):
        hosts = ["127.0.0.1", "localhost", _url_host(known.host)]
        os.environ["ALLOWED_HOSTS"] = ",".join(dict.fromkeys(hosts))


def _needs_secret(args: list[str]) -> bool:
    """Whether the command may sign, store or send something: all but help and the guard."""
    if not args or args[0] in TEXT_ONLY_COMMANDS:
        return False
    return not HELP_FLAGS.intersection(args)


def main(argv: list[str] | None = None) -> None:
    """Run a heardback (Django) management command."""
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heardback.settings")
    if args[:1] == ["demo"]:
        _demo_environment(args)
    elif not os.environ.get("SECRET_KEY") and not _needs_secret(args):
        # Nothing this process does outlives it, so a throwaway key protects nothing less.
        os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018  (loads heardback.settings: the environment)
    except ImproperlyConfigured as error:
        # A configuration mistake is one line for the operator, not a 40-line traceback.
        sys.stderr.write(f"heardback: {error}\n")
        raise SystemExit(1) from None
    execute_from_command_line(["heardback", *args])


if __name__ == "__main__":
    main()
