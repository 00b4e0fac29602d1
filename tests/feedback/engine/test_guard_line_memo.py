"""The guard's line memo: what bulk drafting reads line by line is what `check` reads whole."""

from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heardback.feedback.engine import guard
from heardback.feedback.engine.guard import LineMemo, check
from heardback.feedback.engine.guard_rules import LANGUAGES, parse_rules, rule_set

# Every rule's examples (flagged) and counterexamples (not), in both languages: text with
# findings of every category, with the look-alikes the rules must let through.
_EXAMPLES = sorted(
    {text for lang in LANGUAGES for rule in rule_set(lang).rules for text in rule.examples}
    | {text for lang in LANGUAGES for rule in rule_set(lang).rules for text in rule.counterexamples}
)
# Another candidate is called Marie: inside the reader's own "Rose-Marie" that is no leak.
_NAMES = ("Rose-Marie Dubois", "Rose-Marie", "Dubois", "Jan Kowalski", "Jan", "Kowalski", "Marie")
_OWN = ("Rose-Marie Dubois", "Rose-Marie", "Dubois")
_NOTE_LINES = [
    "Dear Rose-Marie,",
    "Bonjour Rose-Marie,",
    "Jan Kowalski gave a stronger answer.",
    "- Communication: rated below the level the role needs on 12 August.",
    "Thank you for the time you gave us.",
    "",
    "pre\u200bgnant",  # an invisible character: offsets move, `check` itself maps them
    "   ",
]


@given(
    lines=st.lists(st.sampled_from(_EXAMPLES + _NOTE_LINES), min_size=1, max_size=8),
    separators=st.lists(st.sampled_from(["\n", "\n\n", "\n- ", " ", ". "]), min_size=8),
    context=st.sampled_from(["note", "candidate"]),
    lang=st.sampled_from(LANGUAGES),
    own=st.sampled_from([(), _OWN]),
)
@settings(max_examples=300, deadline=None)
def test_a_text_read_line_by_line_gets_the_findings_of_the_whole(
    lines: list[str],
    separators: list[str],
    context: guard.Context,
    lang: str,
    own: tuple[str, ...],
) -> None:
    text = "".join(line + sep for line, sep in zip(lines, separators, strict=False)).rstrip(" ")
    memo = _MEMO  # shared across examples: lines read for another text are remembered
    kwargs = {"lang": lang, "context": context, "other_names": _NAMES, "own_names": own}
    expected = check(text, **kwargs)  # type: ignore[arg-type]
    assert memo(text, **kwargs) == expected  # type: ignore[arg-type]
    assert memo(text, **kwargs) == expected  # type: ignore[arg-type]


_MEMO = LineMemo()


def test_the_memo_reads_the_findings_a_note_needs() -> None:
    # Not a vacuous comparison: the lines hold findings of rules, of names and own names.
    text = "Dear Rose-Marie,\n\nShe is too old for a startup.\nJan Kowalski did better.\n"
    found = LineMemo()(text, other_names=_NAMES, own_names=_OWN)
    assert found == check(text, other_names=_NAMES, own_names=_OWN)
    assert {f.category for f in found} == {"age", "internal_leak"}
    assert [text[f.start : f.end] for f in found if f.category == "internal_leak"] == [
        "Jan Kowalski"
    ]
    assert [f.category for f in LineMemo()(text, other_names=_NAMES)][:1] == ["internal_leak"]


def test_the_second_opinion_and_lists_of_names_go_to_check() -> None:
    text = "He is a great guy but too old.\nWe liked him."
    memo = LineMemo()
    assert memo(text, second_opinion=True) == check(text, second_opinion=True)
    assert memo(text, other_names=["Great Guy"]) == check(text, other_names=["Great Guy"])
    assert not memo._lines
    with pytest.raises(ValueError, match="unknown context"):
        memo(text, context="email")  # type: ignore[arg-type]


def test_the_memo_forgets_what_it_read_when_the_rules_are_rebuilt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Thank you for the time you gave us.\nYour bananas were excellent."
    memo = LineMemo()
    assert memo(text) == []
    source = resources.files("heardback.feedback.engine.guard_rules") / "en.toml"
    extra = (
        '\n[[rule]]\nid = "insult.banana"\ncategory = "insult"\nseverity = "block"\n'
        'keys = ["bananas"]\nmatch = ["bananas"]\nwhy = "Test."\nsuggestion = "Test."\n'
        'examples = ["Your bananas."]\ncounterexamples = []\n'
    )
    rebuilt = {
        "en": parse_rules(source.read_text(encoding="utf-8") + extra, "en"),
        "fr": rule_set("fr"),
    }
    monkeypatch.setattr(guard, "rule_set", rebuilt.__getitem__)
    found = memo(text)
    assert [(f.rule, text[f.start : f.end]) for f in found] == [("en.insult.banana", "bananas")]
    assert found == check(text)


def test_the_memo_is_bounded() -> None:
    memo = LineMemo(size=10, line_chars=40)
    for n in range(100):
        text = f"Thank you, candidate {n}.\nThe role needs Go.\n{'Long line. ' * 10}"
        assert memo(text) == check(text)
        assert len(memo._lines) <= 10
    assert all(len(line) <= 40 for line, _, _ in memo._lines)
