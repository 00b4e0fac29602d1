"""The learned second opinion: deterministic, shipped as data, warns or blocks with examples."""

from __future__ import annotations

import json
from pathlib import Path

from heardback.feedback.engine import guard_model
from heardback.feedback.engine.guard import check, verdict

DEV = Path(__file__).parent / "guard_eval" / "dev"


def _dev() -> list[dict[str, str]]:
    return [
        json.loads(line)
        for path in sorted(DEV.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_the_shipped_weights_are_what_training_on_the_dev_part_gives() -> None:
    shipped = guard_model.load()
    assert shipped is not None
    retrained = guard_model.train(
        _dev(), shipped.threshold, shipped.block_threshold, shipped.featurizer
    )
    assert retrained.weights == shipped.weights
    assert retrained.bias == shipped.bias
    assert shipped.featurizer.chars  # words and their character n-grams


def test_a_remark_the_rules_miss_is_flagged_with_the_nearest_labelled_example() -> None:
    text = "Not sure someone with her background would suit our clients."
    assert check(text, context="note") == []
    (finding,) = check(text, context="note", second_opinion=True)
    assert finding.rule == "model.second_opinion"
    assert finding.severity in ("warn", "block")
    assert "\u201c" in finding.why  # quotes the nearest labelled sentence


def test_an_unseen_inflection_is_read_through_its_character_ngrams() -> None:
    # Neither sentence is in the dev part, and the rules pass both.
    model = guard_model.load()
    assert model is not None
    risky = "Elle est enceinte de jumelles, ça va compliquer le planning."
    plain = "Elle a repris le planning des livraisons et réduit les retards."
    assert model.score(risky, context="note") > model.score(plain, context="note")


def test_a_confident_score_blocks_and_a_middling_one_only_warns() -> None:
    model = guard_model.load()
    assert model is not None
    assert model.threshold < model.block_threshold < 1
    texts = [i["text"] for i in _dev() if i["expected"] == "block"]
    scored = {t: model.score(t, context="note") for t in texts}
    confident = next(t for t, s in scored.items() if s >= model.block_threshold)
    middling = next(t for t, s in scored.items() if model.threshold <= s < model.block_threshold)
    findings = check(confident, context="note", second_opinion=True)
    assert verdict(findings) == "block"
    model_findings = [f for f in check(middling, context="note", second_opinion=True)]
    assert all(f.severity == "warn" for f in model_findings if f.rule == "model.second_opinion")


def test_in_text_for_a_candidate_the_model_only_warns() -> None:
    # Plain refusals the model never saw score high: for a candidate it may not block them.
    model = guard_model.load()
    assert model is not None
    text = "We have now completed the interviews and will not be offering you the post."
    assert model.score(text) >= model.block_threshold
    (finding,) = check(text, context="candidate", second_opinion=True)
    assert finding.severity == "warn"
    french = check("Elle ne tiendra jamais, trop fragile.", lang="fr", second_opinion=True)
    assert all(f.severity == "warn" for f in french if f.rule == "model.second_opinion")


def test_the_second_opinion_leaves_plain_work_alone() -> None:
    for text in (
        "Walked through the fire drill calmly.",
        "Strong on stock rotation; explained last year's audit findings clearly.",
        "Infirmière de bloc, gère les urgences avec calme et méthode.",
    ):
        assert check(text, context="candidate", second_opinion=True) == []


def test_the_second_opinion_never_removes_what_the_rules_found() -> None:
    for item in _dev()[:300]:
        without = verdict(check(item["text"], context="candidate"))
        with_model = verdict(check(item["text"], context="candidate", second_opinion=True))
        rank = {"ok": 0, "warn": 1, "block": 2}
        assert rank[with_model] >= rank[without]
