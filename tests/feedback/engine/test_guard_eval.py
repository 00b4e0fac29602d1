"""The guard against the labelled evaluation set, in two parts (guard_eval/dev and guard_eval/test).

Each line of `guard_eval/<split>/<lang>.jsonl`: id, lang, context (note | candidate), text,
expected (block | warn | ok), category (for "ok" items: the sensitive topic the sentence brushes
against, or "clean") and, when the text names another candidate, other_names.

- `dev` is the development part: rules and models are tuned on it, and new items go into it.
  Its targets are the product's promise: at least 95 % of what must block does, at most 5 % of
  clean items are blocked, in each language.
- `test` is the frozen test part, written without sight of the rules and never read while
  changing them. Only aggregate figures are ever printed for it, and the tests assert
  non-regression floors on it (set by the lead from the measured figures).

`python tests/feedback/engine/test_guard_eval.py --split dev|test [--root PATH] [--markdown]`
prints, per language and per category, the confusion matrix (expected x got), the block recall
and the share of clean items blocked. `--root` is a guard_eval folder or a checkout holding one;
with `--misses` (dev only) the missed and wrongly blocked dev items are listed too.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from heardback.feedback.engine.guard import check, verdict
from heardback.feedback.engine.guard_rules import CATEGORIES

EVAL_DIR = Path(__file__).parent / "guard_eval"
OUTCOMES = ("block", "warn", "ok")
LANGS = ("en", "fr")
FIELDS = ("id", "lang", "context", "text", "expected", "category", "other_names")

# Non-regression floors on the frozen test part, per language, just under what it measures
# today (raised after each round). The product targets, 0.95 and 3 %, are not met there yet:
# docs/benchmarks.md publishes the figures.
# Round 3's blocking second opinion was rolled back: on the demo's real scorecards it flagged
# 13 % of interviewer evidence and sent 129 of 223 notes to review. With the round's rule fixes
# and warn-only model: 0.676 en, 0.678 fr; clean blocked 5.9 % en, 5.4 % fr.
# Round 5 added 612 items written blind (test/*_r5.jsonl). Before the round's changes the whole
# part measured 0.665 en, 0.719 fr; clean blocked 6.2 % en, 4.9 % fr. After round 5 (the second
# opinion blocks a protected word said of the candidate): 0.791 en, 0.795 fr; clean blocked
# 6.7 % en, 5.9 % fr. Round 6 added 437 blind items, most of them clean text on protected
# subjects (a fertility clinic, union-side law): before its changes the whole part measured
# 0.786 en, 0.783 fr; clean blocked 7.8 % en, 7.0 % fr. After round 6: 0.795 en, 0.790 fr;
# clean blocked 7.2 % en, 6.0 % fr. Round 7 added 579 blind items in 29 new trades: alone,
# before its changes, they measured 0.728 en, 0.769 fr; clean blocked 10.2 % en, 8.2 % fr
# (benchmarks/results/guard_eval_test_round7_before.md); the whole part 0.786 en, 0.787 fr;
# clean blocked 7.6 % en, 6.5 % fr. After round 7 (whom a protected word describes: role
# nouns, the groups the work is for, possessives, the passive, a trait unfit for the place):
# round 7 alone 0.711 en, 0.777 fr, clean blocked 7.3 % en, 7.5 % fr; the whole part 0.783
# en, 0.782 fr, clean blocked 5.0 % en, 5.4 % fr. After round 8 (dev only, no new blind
# items): the whole part 0.787 en, 0.782 fr; clean blocked 4.5 % en, 5.4 % fr. After round 9
# (French, dev only): 0.787 en, 0.785 fr; clean blocked 4.5 % en, 5.0 % fr. Round 10 added
# 628 blind items in 30 more trades: alone, before any change, 0.754 en, 0.729 fr; clean
# blocked 10.1 % en, 9.4 % fr; the whole part (4,121 items) 0.782 en, 0.776 fr; clean blocked
# 5.3 % en, 5.8 % fr (benchmarks/results/guard_eval_test_round10_*before.md). After round 10
# (dev only): round 10 alone 0.769 en, 0.752 fr, clean blocked 10.8 % en, 10.1 % fr; the
# whole part 0.797 en, 0.801 fr, clean blocked 5.2 % en, 5.9 % fr. Round 11 added 609 blind
# items in 40 more trades: alone, before any change, 0.762 en, 0.773 fr; clean blocked 5.4 %
# en, 7.4 % fr; the whole part (4,730 items) 0.793 en, 0.797 fr; clean blocked 5.2 % en,
# 6.1 % fr, over the 6 % floor before anything changed: the floor moves to 6.5 %, and says
# so. After round 11 (dev only): round 11 alone 0.785 en, 0.773 fr, clean blocked 4.7 % en,
# 7.4 % fr; the whole part 0.809 en, 0.803 fr, clean blocked 5.4 % en, 6.1 % fr. Round 13
# added 609 blind items: alone, before any change, 0.800 en, 0.811 fr; clean blocked 11.5 % en,
# 8.7 % fr; the whole part (5,339 items) 0.812 / 5.3 % en, 0.813 / 5.9 % fr. After session 11
# (the second opinion may turn a rule's block on a protected word into a warning, its bar
# chosen on dev before the test part was read): the whole part 0.818 / 2.4 % en, 0.818 / 2.5 %
# fr. The clean-blocked floor tightens to 3.5 %, within reach of the 3 % target. Round 15 added
# 637 blind items (alone, before: 0.811 / 2.0 % en, 0.757 / 5.3 % fr; whole part 5,976 items
# 0.818 / 2.3 % en, 0.811 / 2.9 % fr). After session 12 (the second opinion also learns plain
# interviewer text and may block alone when sure; dev rounds 15-17): whole part 0.858 / 2.3 %
# en, 0.852 / 2.9 % fr. The recall floor rises to 0.84. Round 18 (543 blind items, written after
# those changes): alone 0.864 / 8.1 % en, 0.881 / 1.6 % fr; the whole part (6,519 items) 0.859 /
# 2.7 % en, 0.854 / 2.8 % fr.
TEST_MIN_RECALL = 0.84  # the target is 0.95
TEST_MAX_CLEAN_BLOCKED = 0.035  # the target is 3 %


@dataclass(frozen=True)
class Item:
    id: str
    lang: str
    context: str
    text: str
    expected: str
    category: str
    other_names: tuple[str, ...] = ()


def split_dir(split: str, root: Path | None = None) -> Path:
    """The folder of `split` under `root`: a guard_eval folder, or a checkout that holds one."""
    base = EVAL_DIR if root is None else root
    nested = base / "tests" / "feedback" / "engine" / "guard_eval"
    return (nested if nested.is_dir() else base) / split


def load(split: str = "dev", root: Path | None = None) -> list[Item]:
    items = []
    for path in sorted(split_dir(split, root).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            fields = {k: v for k, v in row.items() if k in FIELDS}
            fields["other_names"] = tuple(row.get("other_names", ()))
            items.append(Item(**fields))
    return items


def got(item: Item) -> str:
    findings = check(
        item.text,
        lang=item.lang,
        context=item.context,  # type: ignore[arg-type]
        other_names=item.other_names,
        second_opinion=True,  # the guard as it reads what people write (guard_model)
    )
    return verdict(findings)


Results = list[tuple[Item, str]]


def run(items: Sequence[Item]) -> Results:
    return [(item, got(item)) for item in items]


def confusion(results: Results) -> Counter[tuple[str, str]]:
    """(expected, got) -> count."""
    return Counter((item.expected, outcome) for item, outcome in results)


def block_recall(matrix: Counter[tuple[str, str]]) -> float:
    must_block = sum(matrix[("block", g)] for g in OUTCOMES)
    return matrix[("block", "block")] / must_block if must_block else 1.0


def false_block_rate(matrix: Counter[tuple[str, str]]) -> float:
    clean = sum(matrix[("ok", g)] for g in OUTCOMES)
    return matrix[("ok", "block")] / clean if clean else 0.0


def in_lang(results: Results, lang: str) -> Results:
    return [(i, o) for i, o in results if i.lang == lang]


# --- Development part: the product's targets --------------------------------------------------


@pytest.fixture(scope="module")
def dev_results() -> Results:
    return run(load("dev"))


def test_the_dev_part_is_big_varied_and_mostly_realistic() -> None:
    items = load("dev")
    assert len(items) >= 1000
    assert len({i.id for i in items}) == len(items)
    assert sum(i.expected == "ok" for i in items) / len(items) >= 0.40
    assert {i.context for i in items} == {"note", "candidate"}
    for lang in LANGS:
        flagged = {i.category for i in items if i.lang == lang and i.expected != "ok"}
        assert flagged >= set(CATEGORIES), (lang, set(CATEGORIES) - flagged)


def test_at_least_95_percent_of_what_must_block_is_blocked(dev_results: Results) -> None:
    matrix = confusion(dev_results)
    missed = [i.id for i, outcome in dev_results if i.expected == "block" and outcome != "block"]
    assert block_recall(matrix) >= 0.95, missed


def test_at_most_5_percent_of_clean_items_are_blocked(dev_results: Results) -> None:
    matrix = confusion(dev_results)
    blocked = [i.id for i, outcome in dev_results if i.expected == "ok" and outcome == "block"]
    assert false_block_rate(matrix) <= 0.05, blocked


@pytest.mark.parametrize("lang", LANGS)
def test_the_targets_hold_in_each_language(dev_results: Results, lang: str) -> None:
    matrix = confusion(in_lang(dev_results, lang))
    assert block_recall(matrix) >= 0.95
    assert false_block_rate(matrix) <= 0.05


def test_warnings_are_not_silently_dropped(dev_results: Results) -> None:
    # A "warn" item that comes back "ok" would reach a candidate without a recruiter's look.
    matrix = confusion(dev_results)
    warned = sum(matrix[("warn", g)] for g in OUTCOMES)
    assert matrix[("warn", "ok")] / warned <= 0.05


# --- Frozen test part: non-regression floors, aggregate figures only ----------------------------


@pytest.fixture(scope="module")
def test_results() -> Results:
    # The frozen part is committed: if it went missing, say so rather than skip quietly.
    assert split_dir("test").is_dir(), f"the frozen test part is missing: {split_dir('test')}"
    return run(load("test"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_frozen_test_part_stays_above_its_floors(test_results: Results, lang: str) -> None:
    # Only aggregates in the message: nobody tuning the rules may read the test items.
    matrix = confusion(in_lang(test_results, lang))
    assert sum(matrix.values()) > 0, f"no {lang} items in the test part"
    recall, blocked = block_recall(matrix), false_block_rate(matrix)
    assert recall >= TEST_MIN_RECALL, f"{lang}: block recall {recall:.3f}"
    assert blocked <= TEST_MAX_CLEAN_BLOCKED, f"{lang}: clean items blocked {blocked:.1%}"


# --- Report -------------------------------------------------------------------------------------


def _categories(results: Results) -> list[str]:
    seen = {i.category for i, _ in results}
    known = [c for c in (*CATEGORIES, "clean") if c in seen]
    return known + sorted(seen - set(known))


def _summary(title: str, results: Results) -> str:
    matrix = confusion(results)
    clean = sum(matrix[("ok", g)] for g in OUTCOMES)
    must = sum(matrix[("block", g)] for g in OUTCOMES)
    return (
        f"**{title}** ({len(results)} items; block recall {block_recall(matrix):.3f} "
        f"({matrix[('block', 'block')]}/{must}), clean items blocked "
        f"{false_block_rate(matrix):.1%} ({matrix[('ok', 'block')]}/{clean}))"
    )


def markdown(results: Results, split: str) -> str:
    """Per language: the summary, the 3x3 matrix, and one row per category. Aggregates only."""
    lines = [_summary(f"{split}, all", results), ""]
    for lang in LANGS:
        subset = in_lang(results, lang)
        if not subset:
            continue
        matrix = confusion(subset)
        lines += [
            _summary(f"{split}, lang={lang}", subset),
            "",
            "| expected \\ got | block | warn | ok |",
            "|---|---:|---:|---:|",
        ]
        for expected in OUTCOMES:
            counts = " | ".join(str(matrix[(expected, g)]) for g in OUTCOMES)
            lines.append(f"| {expected} | {counts} |")
        lines += [
            "",
            "| category | items | block→block | block→warn | block→ok | warn→block | "
            "warn→warn | warn→ok | ok→block | ok→warn | ok→ok | block recall | ok blocked |",
            "|---|" + "---:|" * 12,
        ]
        for category in _categories(subset):
            cat = [(i, o) for i, o in subset if i.category == category]
            m = confusion(cat)
            cells = " | ".join(str(m[(e, g)]) for e in OUTCOMES for g in OUTCOMES)
            must = sum(m[("block", g)] for g in OUTCOMES)
            clean = sum(m[("ok", g)] for g in OUTCOMES)
            recall = f"{block_recall(m):.2f}" if must else "—"
            blocked = f"{false_block_rate(m):.0%}" if clean else "—"
            lines.append(f"| {category} | {len(cat)} | {cells} | {recall} | {blocked} |")
        lines.append("")
    return "\n".join(lines)


def misses(results: Results) -> str:
    """The dev items whose verdict differs from the label (never used for the test part)."""
    rows = [
        f"{i.id}\t{i.expected}->{o}\t{i.category}\t{i.text}" for i, o in results if i.expected != o
    ]
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Guard accuracy on the labelled set.")
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--root", type=Path, default=None, help="guard_eval folder or checkout")
    parser.add_argument("--misses", action="store_true", help="list wrong dev items")
    args = parser.parse_args(argv)
    folder = split_dir(args.split, args.root)
    if not folder.is_dir():
        raise SystemExit(f"no {args.split} part at {folder}")
    results = run(load(args.split, args.root))
    print(markdown(results, args.split))
    if args.misses:
        if args.split != "dev":
            raise SystemExit("--misses lists items: only for the dev part")
        print(misses(results))


if __name__ == "__main__":
    main()
