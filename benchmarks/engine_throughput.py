"""Feedback engine throughput on one core, against a static Django mail merge of the same length.

    .venv/bin/python benchmarks/engine_throughput.py [--notes N] [--repeat R] [--lang en|fr]
                                                     [--only engine|guard|merge]

Inputs are synthetic but realistic (tests/feedback/engine/factories.py, fixed seed): one job
with a six-competency rubric, five interview-stage scorecards per application. The mail merge
is what a one-template-for-everyone tool does: a Django template of the same note, subject +
text + HTML, with only the first name and the job title swapped. The process is pinned to one
core; the rows run interleaved, R times each, so that all see the same load, and each figure
is the median of its R runs in CPU seconds of this process (time.process_time). Only this
script uses Django; the engine never imports it.

On a busy machine, count instructions instead of time (docs/benchmarks.md):
run one row under valgrind with --repeat 1 and --repeat 0; the difference over N is per note.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import django
from django.conf import settings
from django.template import engines

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.feedback.engine.factories import no_findings, synthetic_inputs

from heardback.feedback.engine import GuardCheck, NoteInput, compose


def timed(repeat: int, runs: dict[str, Callable[[], object]]) -> dict[str, list[float]]:
    """`repeat` runs of each, interleaved so that all see the same load.

    Times are CPU seconds of this process: on a shared machine, the time another process holds
    the core is not ours.
    """
    times: dict[str, list[float]] = {label: [] for label in runs}
    for _ in range(repeat):
        for label, run in runs.items():
            start = time.process_time()
            run()
            times[label].append(time.process_time() - start)
    return times


def mail_merge(inputs: list[NoteInput]) -> Callable[[], object]:
    """A static template of one real note, rendered for each input: name and job swapped."""
    settings.configure(
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
        USE_I18N=False,
    )
    django.setup()
    sample = compose(inputs[0], guard=no_findings)
    name, title = inputs[0].candidate.first_name, inputs[0].job.title

    # The title may be wrapped across a line of the text: it is swapped there too.
    titled = re.compile(r"\s+".join(map(re.escape, title.split())))

    def template(text: str) -> str:
        return titled.sub("{{ title }}", text.replace(name, "{{ first_name }}"))

    engine = engines["django"]
    subject = engine.from_string(template(sample.subject))
    text = engine.from_string(template(sample.text))
    html = engine.from_string(template(sample.html))
    contexts = [{"first_name": i.candidate.first_name, "title": i.job.title} for i in inputs]

    def run() -> None:
        for context in contexts:
            subject.render(context)
            text.render(context)
            html.render(context)

    return run


def real_guard_works(inputs: list[NoteInput]) -> bool:
    """The guard is written by someone else, in parallel: measure it only once it runs."""
    try:
        for inp in inputs[:50]:
            compose(inp)
    except Exception as error:
        print(f"(the real guard does not run yet: {type(error).__name__}: {error})")
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--lang", choices=("en", "fr"), default="en")
    parser.add_argument("--only", choices=("engine", "guard", "merge"), help="run one row")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    inputs = synthetic_inputs(args.notes, lang=args.lang)
    words = sum(compose(i, guard=no_findings).quality.word_count for i in inputs) / len(inputs)

    def engine(guard: GuardCheck | None) -> Callable[[], None]:
        def run() -> None:
            for inp in inputs:  # each note is dropped once made, as a batch job would
                compose(inp, guard=guard)

        return run

    wanted = {args.only} if args.only else {"engine", "guard", "merge"}
    runs = {}
    if "engine" in wanted:
        runs["engine, guard stubbed"] = engine(no_findings)
    if "guard" in wanted and real_guard_works(inputs):
        runs["engine + real guard"] = engine(None)
    if "merge" in wanted:
        runs["Django mail merge"] = mail_merge(inputs)
    times = timed(args.repeat, runs)
    if args.only or not args.repeat:
        return
    median = {label: statistics.median(seconds) for label, seconds in times.items()}
    merge_s = median["Django mail merge"]

    print(f"{args.notes} notes ({args.lang}, {words:.0f} words on average), "
          f"median of {args.repeat} interleaved runs")  # fmt: skip
    print(f"Python {platform.python_version()}, {platform.machine()}, one core, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    print(f"{'':24} {'notes/s':>9} {'µs/note':>8} {'(min–max)':>15} {'× merge':>8}")
    for label, seconds in median.items():
        low, high = (s / args.notes * 1e6 for s in (min(times[label]), max(times[label])))
        print(
            f"{label:24} {args.notes / seconds:9.0f} {seconds / args.notes * 1e6:8.1f}"
            f" {f'({low:.0f}–{high:.0f})':>15} {seconds / merge_s:8.2f}"
        )


if __name__ == "__main__":
    main()
