from __future__ import annotations

import threading
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from heardback.core import periodic


class Command(BaseCommand):
    help = (
        "Run the background worker until stopped: queued tasks (django-tasks database backend) "
        "and the periodic sweeps (outbox, closure clock). Run several for more throughput."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="Poll interval, seconds.")
        parser.add_argument("--worker-id", default=None, help="A name for logs.")

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        sweeper = threading.Thread(
            target=periodic.run_forever, args=(stop,), name="heardback-sweeps", daemon=True
        )
        sweeper.start()
        names = ", ".join(job.name for job in periodic.registered()) or "none"
        self.stdout.write(f"Worker started; periodic sweeps: {names}.")
        try:
            extra = {"worker_id": options["worker_id"]} if options["worker_id"] else {}
            call_command("db_worker", interval=options["interval"], no_startup_delay=True, **extra)
        finally:
            stop.set()
            sweeper.join(timeout=10)
