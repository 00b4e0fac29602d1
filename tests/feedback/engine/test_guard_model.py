"""The learned second opinion: deterministic, shipped as data; it warns, and blocks only where
a protected word said of the candidate agrees."""

from __future__ import annotations

import json
from pathlib import Path

from heardback.feedback.engine import guard_model
from heardback.feedback.engine.guard import ALONE_SCORE, check, verdict
from heardback.feedback.engine.guard_rules import CATEGORIES

DEV = Path(__file__).parent / "guard_eval" / "dev"
ROOT = Path(__file__).resolve().parents[3]


def _dev() -> tuple[list[str], list[bool]]:
    rows = [
        json.loads(line)
        for path in sorted(DEV.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    return [r["text"] for r in rows], [r["expected"] == "block" for r in rows]


def test_the_shipped_weights_are_what_training_on_the_dev_part_gives() -> None:
    texts, labels = guard_model.training_set(ROOT)
    assert len(texts) > len(_dev()[0])  # and the interviewers' plain text, as clean
    shipped = guard_model.load()
    assert shipped is not None
    retrained = guard_model.train(texts, labels, shipped.threshold)
    assert retrained.weights == shipped.weights
    assert retrained.bias == shipped.bias


def test_the_second_opinion_warns_on_a_remark_the_rules_miss_and_names_an_example() -> None:
    text = "A bit rough around the edges for our clients."
    assert check(text, context="note") == []
    (finding,) = check(text, context="note", second_opinion=True)
    assert finding.severity == "warn"
    assert finding.rule == "model.second_opinion"
    assert "\u201c" in finding.why  # quotes the nearest labelled sentence


def test_the_second_opinion_blocks_on_its_own_when_it_is_sure() -> None:
    text = "Not sure someone with his background would fit with our clients."
    assert check(text, context="note") == []  # no protected word: no rule, no lexicon word
    (finding,) = check(text, context="note", second_opinion=True)
    assert (finding.severity, finding.rule) == ("block", "model.second_opinion")
    assert "judgement of the person" in finding.why and "\u201c" in finding.why


def test_the_interviewers_plain_text_is_never_blocked_by_the_second_opinion_alone() -> None:
    # Comments like these were scored past 0.95 before the model read plain interviewer text
    # (the API scenarios' comments, which it does not train on).
    for text in (
        "Might be nerves, got a bit better towards the end.",
        "In the disagreement example, we would have liked to hear what you learned.",
        "tbh I don't think they've had to work w/ other teams much in their current job",
        "We felt you rushed the delay announcement and did not check that passengers understood.",
        "Would like more 'here's the conclusion' up front.",
    ):
        assert verdict(check(text, context="candidate", second_opinion=True)) != "block", text


def test_the_second_opinion_blocks_a_protected_word_said_of_the_person() -> None:
    text = "Quite churchy, she might lecture the volunteers."
    assert verdict(check(text, context="note")) == "ok"  # no rule knows "churchy"
    (finding,) = check(text, context="note", second_opinion=True)
    assert (finding.severity, finding.category) == ("block", "religion")
    assert finding.rule == "model.protected.religion"
    assert "churchy" in finding.why and "evidence" in finding.suggestion


def test_a_french_block_from_the_second_opinion_speaks_french() -> None:
    text = "Très pieuse, elle risque de juger les résidents."
    (finding,) = check(text, lang="fr", context="note", second_opinion=True)
    assert (finding.severity, finding.category) == ("block", "religion")
    assert "« pieuse »" in finding.why and "Retirez" in finding.suggestion


def test_the_second_opinion_leaves_plain_work_alone() -> None:
    # Real interviewer evidence from the demo that an early, wider word list blocked.
    for text in (
        "Walked through the fire drill calmly.",
        "Writing short decision documents so other teams can follow is a great habit.",
        "couldn't get a straight answer to any question, even when I rephrased twice",
        "too focused on UI polish, not enough on the actual task",
        "You used the browser's performance tools to find the slow part quickly.",
        "Designing a dashboard, not only using one, would strengthen this area.",
        # Sentences of the engine's own drafted notes.
        "We were not able to meet the salary expectations you shared within the range.",
        "We also have a Backend Engineer (Invoicing) opening that fits your experience.",
        "Problem solving also stood out.",
    ):
        assert verdict(check(text, context="candidate", second_opinion=True)) != "block", text
        assert verdict(check(text, context="note", second_opinion=True)) != "block", text


def test_the_second_opinion_blocks_on_a_protected_word_or_past_its_own_bar() -> None:
    model = guard_model.load()
    assert model is not None
    texts, _ = _dev()
    for text in texts[:400]:
        with_model = check(text, context="candidate", second_opinion=True)
        if verdict(with_model) == "block" and verdict(check(text, context="candidate")) != "block":
            (block,) = [f for f in with_model if f.severity == "block"]
            if block.rule == "model.second_opinion":
                assert model.score(text[block.start : block.end]) >= ALONE_SCORE
            else:
                assert block.rule == f"model.protected.{block.category}"
                assert block.category in CATEGORIES


def test_a_vague_verdict_blocks_only_in_candidate_text_and_not_with_the_jobs_reason() -> None:
    text = "You just weren't what we pictured for this team."
    (finding,) = check(text, context="candidate", second_opinion=True)
    assert (finding.severity, finding.category) == ("block", "vague_verdict")
    assert "requirement" in finding.suggestion
    assert verdict(check(text, context="note", second_opinion=True)) == "warn"
    explained = text[:-1] + ", as the role requires a forklift licence."
    assert verdict(check(explained, context="candidate", second_opinion=True)) == "ok"


def test_the_second_opinion_reads_a_derived_form_of_a_labelled_word() -> None:
    # The dev part labels "grandmother" said of a candidate, never "grandmotherly": the model
    # scores the pieces of words ("<gran", "mothe"), so the derived form is read alike.
    text = "Very much the grandmotherly type, slow on the tills."
    assert verdict(check(text, context="note")) == "ok"  # no rule knows "grandmotherly"
    (finding,) = check(text, context="note", second_opinion=True)
    assert finding.severity == "block"
    assert finding.category == "age"
