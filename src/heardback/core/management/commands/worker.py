from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django_tasks_db.management.commands.db_worker import Command as DbWorker

from heardback.core import periodic


class QuietDbWorker(DbWorker):
    """django-tasks-db's worker, which logs two lines for every task it runs at the default
    verbosity: the outbox sweep every few seconds would bury every other line (and `heardback
    demo`'s sign-in details). Task runs are logged at TASKS_LOG_LEVEL; a failed task is an
    error, so it always shows. `-v 2` keeps the library's own choice (everything)."""

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        if verbosity == 1:
            logging.getLogger("django_tasks").setLevel(settings.TASKS_LOG_LEVEL)


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
            call_command(
                QuietDbWorker(),
                interval=options["interval"],
                no_startup_delay=True,
                verbosity=options["verbosity"],
                **extra,
            )
        finally:
            stop.set()
            sweeper.join(timeout=10)
