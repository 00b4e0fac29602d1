"""The guard against the project's labelled evaluation set (guard_eval/en.jsonl, fr.jsonl).

Each line: id, lang, context (note | candidate), text, expected (block | warn | ok), category
(for "ok" items: the sensitive topic the sentence brushes against, or "clean") and, when the
text names another candidate, other_names. The targets are the product's promise: at least 95%
of what must block does, and at most 5% of clean items are blocked.

`python tests/feedback/engine/test_guard_eval.py` prints the confusion matrices published in
docs/benchmarks.md.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from heardback.feedback.engine.guard import check, verdict
from heardback.feedback.engine.guard_rules import CATEGORIES

EVAL_DIR = Path(__file__).parent / "guard_eval"
OUTCOMES = ("block", "warn", "ok")


@dataclass(frozen=True)
class Item:
    id: str
    lang: str
    context: str
    text: str
    expected: str
    category: str
    other_names: tuple[str, ...] = ()


def load() -> list[Item]:
    items = []
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            row["other_names"] = tuple(row.get("other_names", ()))
            items.append(Item(**row))
    return items


def got(item: Item) -> str:
    findings = check(
        item.text,
        lang=item.lang,
        context=item.context,
        other_names=item.other_names,  # type: ignore[arg-type]
    )
    return verdict(findings)


def confusion(results: list[tuple[Item, str]]) -> Counter[tuple[str, str]]:
    """(expected, got) -> count."""
    return Counter((item.expected, outcome) for item, outcome in results)


def block_recall(matrix: Counter[tuple[str, str]]) -> float:
    must_block = sum(matrix[("block", g)] for g in OUTCOMES)
    return matrix[("block", "block")] / must_block if must_block else 1.0


def false_block_rate(matrix: Counter[tuple[str, str]]) -> float:
    clean = sum(matrix[("ok", g)] for g in OUTCOMES)
    return matrix[("ok", "block")] / clean if clean else 0.0


@pytest.fixture(scope="module")
def results() -> list[tuple[Item, str]]:
    return [(item, got(item)) for item in load()]


def test_the_eval_set_is_big_varied_and_mostly_realistic() -> None:
    items = load()
    assert len(items) >= 150
    assert len({i.id for i in items}) == len(items)
    assert sum(i.expected == "ok" for i in items) / len(items) >= 0.40
    assert {i.context for i in items} == {"note", "candidate"}
    for lang in ("en", "fr"):
        flagged = {i.category for i in items if i.lang == lang and i.expected != "ok"}
        assert flagged >= set(CATEGORIES), lang


def test_at_least_95_percent_of_what_must_block_is_blocked(results: list[tuple[Item, str]]) -> None:
    matrix = confusion(results)
    missed = [i.id for i, outcome in results if i.expected == "block" and outcome != "block"]
    assert block_recall(matrix) >= 0.95, missed


def test_at_most_5_percent_of_clean_items_are_blocked(results: list[tuple[Item, str]]) -> None:
    matrix = confusion(results)
    blocked = [i.id for i, outcome in results if i.expected == "ok" and outcome == "block"]
    assert false_block_rate(matrix) <= 0.05, blocked


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_targets_hold_in_each_language(results: list[tuple[Item, str]], lang: str) -> None:
    matrix = confusion([(i, o) for i, o in results if i.lang == lang])
    assert block_recall(matrix) >= 0.95
    assert false_block_rate(matrix) <= 0.05


def test_warnings_are_not_silently_dropped(results: list[tuple[Item, str]]) -> None:
    # A "warn" item that comes back "ok" would reach a candidate without a recruiter's look.
    matrix = confusion(results)
    warned = sum(matrix[("warn", g)] for g in OUTCOMES)
    assert matrix[("warn", "ok")] / warned <= 0.05


def markdown(results: list[tuple[Item, str]]) -> str:
    """The confusion matrices (overall, per language, per category) as Markdown tables."""

    def table(title: str, subset: list[tuple[Item, str]]) -> list[str]:
        matrix = confusion(subset)
        rows = [
            f"**{title}** ({len(subset)} items; block recall {block_recall(matrix):.3f}, "
            f"false blocks on clean items {false_block_rate(matrix):.1%})",
            "",
            "| expected \\ got | block | warn | ok |",
            "|---|---:|---:|---:|",
        ]
        for expected in OUTCOMES:
            counts = " | ".join(str(matrix[(expected, g)]) for g in OUTCOMES)
            rows.append(f"| {expected} | {counts} |")
        return [*rows, ""]

    lines = table("All", results)
    for lang in ("en", "fr"):
        lines += table(f"lang={lang}", [(i, o) for i, o in results if i.lang == lang])
    for context in ("note", "candidate"):
        lines += table(f"context={context}", [(i, o) for i, o in results if i.context == context])
    lines += [
        "| category | items | block→block | block→warn | block→ok | warn→block | "
        "warn→warn | warn→ok | ok→block | ok→warn | ok→ok |",
        "|---|" + "---:|" * 10,
    ]
    for category in (*CATEGORIES, "clean"):
        subset = [(i, o) for i, o in results if i.category == category]
        matrix = confusion(subset)
        cells = " | ".join(str(matrix[(e, g)]) for e in OUTCOMES for g in OUTCOMES)
        lines.append(f"| {category} | {len(subset)} | {cells} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown([(item, got(item)) for item in load()]))
