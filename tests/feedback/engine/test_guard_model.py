"""The learned second opinion: deterministic, shipped as data, and only ever adds warnings."""

from __future__ import annotations

import json
from pathlib import Path

from heardback.feedback.engine import guard_model
from heardback.feedback.engine.guard import check, verdict

DEV = Path(__file__).parent / "guard_eval" / "dev"


def _dev() -> tuple[list[str], list[bool]]:
    rows = [
        json.loads(line)
        for path in sorted(DEV.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    return [r["text"] for r in rows], [r["expected"] == "block" for r in rows]


def test_the_shipped_weights_are_what_training_on_the_dev_part_gives() -> None:
    texts, labels = _dev()
    shipped = guard_model.load()
    assert shipped is not None
    retrained = guard_model.train(texts, labels, shipped.threshold)
    assert retrained.weights == shipped.weights
    assert retrained.bias == shipped.bias


def test_the_second_opinion_warns_on_a_remark_the_rules_miss_and_names_an_example() -> None:
    text = "Not sure someone with her background would suit our clients."
    assert check(text, context="note") == []
    (finding,) = check(text, context="note", second_opinion=True)
    assert finding.severity == "warn"
    assert finding.rule == "model.second_opinion"
    assert "\u201c" in finding.why  # quotes the nearest labelled sentence


def test_the_second_opinion_never_blocks_and_leaves_plain_work_alone() -> None:
    texts, _ = _dev()
    for text in texts[:300]:
        with_model = check(text, context="candidate", second_opinion=True)
        without = check(text, context="candidate")
        assert verdict(with_model) == verdict(without) or verdict(with_model) == "warn"
    assert check("Walked through the fire drill calmly.", second_opinion=True) == []
