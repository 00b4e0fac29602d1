"""The `heardback` console script: a thin front on Django's management commands.

`heardback demo`, `heardback serve`, `heardback worker`, `heardback org create …` and every
other Django command (`heardback shell -c …`, `heardback migrate`) run through here.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path


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


def main(argv: list[str] | None = None) -> None:
    """Run a heardback (Django) management command."""
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heardback.settings")
    if args[:1] == ["demo"] and not os.environ.get("SECRET_KEY"):
        os.environ["SECRET_KEY"] = _demo_secret_key()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["heardback", *args])


if __name__ == "__main__":
    main()
