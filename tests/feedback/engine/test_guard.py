"""The safe-feedback guard: what it flags, what it lets through, and where it points."""

from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heardback.feedback.engine import guard
from heardback.feedback.engine.guard import Finding, check, verdict
from heardback.feedback.engine.guard_rules import (
    CATEGORIES,
    LANGUAGES,
    RuleError,
    parse_rules,
    rule_set,
)


def flagged(text: str, **kwargs: object) -> list[tuple[str, str, str]]:
    """(category, severity, matched text) for each finding, the way a reviewer reads them."""
    return [(f.category, f.severity, text[f.start : f.end]) for f in check(text, **kwargs)]


def categories(text: str, **kwargs: object) -> set[str]:
    return {f.category for f in check(text, **kwargs)}


# --- The interface the feedback engine relies on --------------------------------------------------


def test_a_finding_is_a_frozen_value() -> None:
    finding = Finding(0, 3, "age", "block", "en.age.explicit", "why", "try")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 1  # type: ignore[misc]
    assert not hasattr(finding, "__dict__")  # slots


def test_findings_come_sorted_by_start_with_every_field_filled() -> None:
    text = "Strong no. She is pregnant and too old for us, and his accent is thick."
    findings = check(text, context="note")
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert len(findings) >= 4
    for f in findings:
        assert f.category in CATEGORIES
        assert f.severity in ("block", "warn")
        assert f.rule and f.why.endswith(".") and f.suggestion


def test_verdict_is_the_worst_severity() -> None:
    warn = Finding(0, 1, "age", "warn", "r", "w", "s")
    block = Finding(0, 1, "age", "block", "r", "w", "s")
    assert verdict([]) == "ok"
    assert verdict([warn]) == "warn"
    assert verdict([warn, block]) == "block"


def test_an_unknown_context_is_refused() -> None:
    with pytest.raises(ValueError, match="context"):
        check("fine", context="email")  # type: ignore[arg-type]


def test_an_unknown_language_falls_back_to_english() -> None:
    assert categories("Too old for a startup.", lang="de") == {"age"}


def test_check_many_checks_each_text_in_order() -> None:
    results = guard.check_many(["Fine SQL.", "She is pregnant."], context="note")
    assert [verdict(r) for r in results] == ["ok", "block"]


# --- One test per category, in both languages -----------------------------------------------------

BLOCKED = [
    ("en", "age", "Honestly he's too old for a startup."),
    ("en", "age", "Given your age, the on-call rotation might be demanding."),
    ("en", "sex_gender", "We were looking for a man for this role."),
    ("en", "family", "Will she manage with two kids?"),
    ("en", "family", "Recently married, may want to relax a bit."),
    ("en", "race_origin", "His accent made him hard to understand."),
    ("en", "race_origin", "Not a native English speaker."),
    ("en", "religion", "Asked to leave early on Fridays for prayers."),
    ("en", "disability_health", "Uses a wheelchair, the office has stairs."),
    ("en", "orientation_identity", "Pretty sure he's gay."),
    ("en", "insult", "What an idiot, couldn't reverse a list."),
    ("fr", "age", "Trop vieux pour une startup."),
    ("fr", "age", "L'âge pose question pour ce poste."),
    ("fr", "sex_gender", "En tant que femme, elle aura du mal à s'imposer."),
    ("fr", "family", "Elle est enceinte, le timing est mauvais."),
    ("fr", "race_origin", "D'origine maghrébine, il parle bien français."),
    ("fr", "religion", "Porte le voile, pas sûr pour les clients."),
    ("fr", "disability_health", "Il a parlé de son arrêt maladie."),
    ("fr", "orientation_identity", "Elle est trans, l'équipe risque d'être mal à l'aise."),
    ("fr", "insult", "Complètement idiot sur la concurrence."),
]


@pytest.mark.parametrize(("lang", "category", "text"), BLOCKED)
@pytest.mark.parametrize("context", ["note", "candidate"])
def test_protected_characteristics_and_insults_block_in_both_contexts(
    lang: str, category: str, text: str, context: str
) -> None:
    assert (category, "block") in {(c, s) for c, s, _ in flagged(text, lang=lang, context=context)}


def test_a_pregnancy_question_is_blocked() -> None:
    assert flagged("Is she pregnant?", context="note") == [("family", "block", "pregnant")]


def test_age_proxies_warn_rather_than_block() -> None:
    for text in ("Overqualified for this role.", "We need a digital native.", "Recent graduate."):
        assert verdict(check(text, context="candidate")) == "warn", text


def test_a_graduation_year_is_an_age_signal_but_an_employment_range_is_not() -> None:
    assert flagged("Graduated in 1998.") == [("age", "warn", "Graduated in 1998")]
    assert categories("2019 graduate from EPFL.") == {"age"}
    assert check("Worked there 2015–2019 on the ledger.") == []


def test_a_language_level_is_fine_when_tested_and_required() -> None:
    assert check("French C1 level, tested and required for the role.") == []
    assert check("Spoke clearly in English, the team's working language.") == []
    assert verdict(check("Your English was not strong enough for this role.")) == "warn"


def test_a_religious_school_warns_but_religiously_is_an_adverb() -> None:
    assert verdict(check("Went to a Catholic school, very disciplined.")) == "warn"
    assert check("Religiously followed TDD.") == []


def test_a_figurative_handicap_warns_with_a_plain_rewrite() -> None:
    (finding,) = check("Handicapped by a slow laptop during the live coding.")
    assert (finding.severity, finding.category) == ("warn", "disability_health")
    assert "slowed down" in finding.suggestion


# --- Contexts -------------------------------------------------------------------------------------


def test_culture_fit_blocks_in_candidate_text_and_coaches_in_a_note() -> None:
    (sent,) = check("Unfortunately, you were not a culture fit.", context="candidate")
    (noted,) = check("Not a culture fit.", context="note")
    assert (sent.severity, noted.severity) == ("block", "warn")
    assert noted.category == "vague_verdict" and "behaviour" in noted.suggestion


def test_a_gut_feeling_blocks_for_candidates_and_warns_in_notes() -> None:
    text = "The interview just didn't feel right."
    assert verdict(check(text, context="candidate")) == "block"
    assert verdict(check(text, context="note")) == "warn"


def test_vague_praise_is_coached_in_notes_only() -> None:
    text = "Great vibe, would love to work with him."
    assert verdict(check(text, context="note")) == "warn"
    assert check(text, context="candidate") == []


def test_internal_leaks_block_for_candidates_and_warn_in_notes() -> None:
    for text in ("3/5 on system design.", "Strong no.", "[private] HM has someone in mind."):
        assert verdict(check(text, context="candidate")) == "block", text
        assert verdict(check(text, context="note")) == "warn", text


def test_salary_figures_are_internal_but_request_rates_are_not() -> None:
    assert flagged("Asked about salary expectations: 95k.", context="note") == [
        ("internal_leak", "warn", "95k")
    ]
    assert categories("Your salary expectations of €95,000 were too high.") == {"internal_leak"}
    assert check("Handles 10k requests per second on one node.") == []


def test_a_test_score_is_feedback_but_a_panel_rating_is_a_leak() -> None:
    assert check("You passed 4/5 of the test cases.") == []
    assert check("Meeting on 3/5 moved to Friday.") == []
    assert categories("You scored 3/5 on system design.") == {"internal_leak"}


def test_generic_rejection_wording_about_other_candidates_passes() -> None:
    text = "We have decided to move forward with other candidates whose experience matches."
    assert check(text) == []


# --- Other candidates' names ----------------------------------------------------------------------


def test_another_candidates_name_is_a_leak_whatever_its_case_or_accents() -> None:
    names = ["Zoé Lefèvre", "Candidate B"]
    text = "ZOE LEFEVRE had more Kafka experience; candidate b was stronger."
    found = flagged(text, other_names=names)
    assert ("internal_leak", "block", "ZOE LEFEVRE") in found
    assert ("internal_leak", "block", "candidate b") in found


def test_a_name_matches_whole_words_only_and_one_letter_names_are_ignored() -> None:
    assert check("Annabel explained sharding.", other_names=["Anna"]) == []
    assert check("A strong answer.", other_names=["A"]) == []


def test_another_candidates_name_only_warns_in_a_note() -> None:
    (finding,) = check("Jordan Lee was stronger.", context="note", other_names=["Jordan Lee"])
    assert (finding.severity, finding.rule) == ("warn", "internal_leak.other_candidate")


# --- Hard negatives: technical and job-related uses -----------------------------------------------

HARD_NEGATIVES = [
    "Strong native Android skills, Kotlin coroutines used well.",
    "Did black-box testing of the API and found two bugs.",
    "The cache uses an age-out policy for stale entries.",
    "Master branch protections were set up properly.",
    "kill -9 on the worker was his first reflex; we discussed graceful shutdown.",
    "Built a maternity-leave module for an HR SaaS.",
    "10 years of Kafka in production.",
    "She was a great communicator and walked us through the trade-offs.",
    "Blind spot in his testing: no edge cases for empty input.",
    "Sane defaults in the config loader.",
    "Single point of failure in her design was the shared Redis.",
    "Married to the idea of microservices even where a monolith fits.",
    "Fixed a race condition in the scheduler.",
    "Lazy loading of the images was the right call.",
    "Explained how a child process inherits file descriptors.",
    "Implemented a genetic algorithm for route planning.",
    "Transitioning the monolith to services was her main project.",
    "Pushed to origin/main without rebasing.",
    "Culture add: improved our review process with a checklist she proposed.",
    "Worked on Bluetooth Low Energy firmware for wearables.",
    "Handled accented characters in the search index.",
    "Nuts and bolts of the deployment were solid.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_technical_uses_of_sensitive_words_pass(text: str) -> None:
    assert flagged(text, context="note") == []


def test_a_pronoun_alone_is_not_a_finding() -> None:
    assert check("He explained it; she agreed; they shipped it; his tests passed.") == []


FRENCH_NEGATIVES = [
    "A mis l'accent sur les tests d'intégration.",
    "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.",
    "Ce genre de problème de concurrence, il le maîtrise.",
    "Configuration d'origine restaurée après le rollback.",
    "Il a travaillé à l'étranger pendant cinq ans.",
    "Évaluation paresseuse bien utilisée dans son pipeline.",
    "Test en aveugle sur deux variantes de l'onboarding.",
    "C'était un jeu d'enfant pour lui.",
]


@pytest.mark.parametrize("text", FRENCH_NEGATIVES)
def test_french_idioms_that_look_sensitive_pass(text: str) -> None:
    assert flagged(text, lang="fr", context="note") == []


# --- French: accents, elision, idioms -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "category", "matched"),
    [
        ("L'âge pose question.", "age", "L'âge pose"),
        ("Vu son âge, je doute.", "age", "Vu son âge"),
        ("D'origine sénégalaise.", "race_origin", "D'origine sénégalaise"),
        ("Elle est enceinte.", "family", "enceinte"),
        ("Trop vieux pour nous.", "age", "Trop vieux"),
        ("Manque de feeling avec l'équipe.", "vague_verdict", "Manque de feeling"),
    ],
)
def test_french_findings_point_at_the_accented_original(
    text: str, category: str, matched: str
) -> None:
    assert (category, matched) in {(c, m) for c, _, m in flagged(text, lang="fr", context="note")}


def test_french_culture_fit_blocks_for_candidates() -> None:
    text = "Vous n'êtes pas un bon fit culturel pour l'équipe."
    assert verdict(check(text, lang="fr", context="candidate")) == "block"
    assert verdict(check("Pas un bon fit culturel.", lang="fr", context="note")) == "warn"


def test_french_text_checked_as_english_is_still_caught() -> None:
    assert categories("Elle est enceinte, le timing est mauvais.", lang="en") == {"family"}
    assert categories("Trop vieux pour une startup.", lang="en") == {"age"}


def test_english_rules_do_not_misread_french_and_vice_versa() -> None:
    assert check("Il a mis l'accent sur les tests de charge.", lang="en") == []
    assert check("The main con is the latency.", lang="fr") == []


# --- Offsets --------------------------------------------------------------------------------------


def test_offsets_survive_curly_apostrophes_and_non_breaking_spaces() -> None:
    text = "Note\u00a0: l’âge pose problème, vraiment."
    (finding,) = check(text, lang="fr", context="note")
    assert text[finding.start : finding.end] == "l’âge pose"


def test_offsets_survive_hidden_characters_used_to_dodge_a_filter() -> None:
    text = "She is pre\u200bg\u00adnant, and too o\u200bld."
    spans = [text[f.start : f.end] for f in check(text, context="note")]
    assert spans == ["pre\u200bg\u00adnant", "too o\u200bld"]


def test_offsets_survive_decomposed_accents_and_fullwidth_letters() -> None:
    text = "Vu son a\u0302ge. ＰＲＥＧＮＡＮＴ."
    spans = {text[f.start : f.end] for f in check(text, lang="fr", context="note")}
    assert spans == {"Vu son a\u0302ge", "ＰＲＥＧＮＡＮＴ"}


def test_hyphen_and_space_variants_are_one_rule() -> None:
    for text in ("Over-qualified.", "Over qualified.", "Overqualified.", "OVER–QUALIFIED."):
        (finding,) = check(text)
        assert text[finding.start : finding.end].lower().startswith("over"), text


@given(
    before=st.text(max_size=40),
    after=st.text(max_size=40),
    phrase=st.sampled_from(["too old", "pregnant", "strong no", "culture fit", "idiot"]),
)
@settings(max_examples=200, deadline=None)
def test_a_flagged_phrase_is_found_at_its_place_in_any_surrounding_text(
    before: str, after: str, phrase: str
) -> None:
    text = f"{before}. {phrase.title()}. {after}"
    start = len(before) + 2
    findings = check(text, context="note")
    assert any(f.start <= start and f.end >= start + len(phrase) for f in findings)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_valid_sorted_offsets(text: str) -> None:
    findings = check(text, context="note")
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end].strip()


# --- Determinism ----------------------------------------------------------------------------------


def test_the_same_text_gives_the_same_findings_every_time() -> None:
    text = "Strong no; too old; pregnant; not a culture fit; 95k salary; his accent; lazy."
    assert check(text, context="note") == check(text, context="note")


def test_recompiled_rules_give_the_same_findings() -> None:
    text = "Strong no; too old; pregnant; not a culture fit; 95k salary; his accent; lazy."
    source = resources.files("heardback.feedback.engine.guard_rules") / "en.toml"
    fresh = parse_rules(source.read_text(encoding="utf-8"), "en")
    assert [r.id for r in fresh.rules] == [r.id for r in rule_set("en").rules]
    folded = guard._Folded.of(text).text
    words = guard.key_text(folded)
    cached = guard._scan(rule_set("en"), folded, words, "note")
    again = guard._scan(fresh, folded, words, "note")
    assert [(h.rule.id, h.start, h.end) for h in again] == [
        (h.rule.id, h.start, h.end) for h in cached
    ]
    assert len(cached) >= 6


_REMEMBERED = [
    "She is too old for a startup.",
    "Strong no from the panel",
    "His accent was hard to follow; otherwise fine.",
    "You explained the trade-offs clearly.",
    "Elle est enceinte, donc pas disponible.",
    "Très bonne analyse du problème.",
]


@given(
    sentences=st.lists(st.sampled_from(_REMEMBERED), min_size=1, max_size=6),
    separators=st.lists(st.sampled_from([" ", "\n", "\n\n- ", "; ", ". ", ""]), min_size=6),
    context=st.sampled_from(["note", "candidate"]),
    lang=st.sampled_from(LANGUAGES),
)
@settings(max_examples=200, deadline=None)
def test_a_sentence_read_before_gives_what_a_fresh_scan_gives(
    sentences: list[str], separators: list[str], context: guard.Context, lang: str
) -> None:
    # The guard remembers what its rules found in each sentence it read: the same sentence at
    # another place, after another one, or in another context is flagged as if never seen.
    text = "".join(s + sep for s, sep in zip(sentences, separators, strict=False))
    remembered = [check(text, lang=lang, context=context) for _ in range(2)]
    memo = guard.SENTENCE_MEMO
    guard.SENTENCE_MEMO = 0
    try:
        fresh = check(text, lang=lang, context=context)
    finally:
        guard.SENTENCE_MEMO = memo
    assert remembered == [fresh, fresh]


# --- The automaton is a prefilter: it must never hide a match -------------------------------------


def _brute_force(text: str, lang: str, context: str) -> set[tuple[str, int, int]]:
    """Every rule's whole regex over every sentence: what the indexed scan must equal."""
    folded = guard._Folded.of(text).text
    ends = [m.end() for m in guard._RULE_SENTENCE_END.finditer(folded)]
    bounds = list(zip([0, *ends], [*ends, len(folded)], strict=True))
    found = set()
    for rule in rule_set(lang).rules:
        if context not in rule.severity:
            continue
        for low, high in bounds:
            spans = [
                m.span() for m in rule.regex.finditer(folded, low, high) if m.end() > m.start()
            ]
            if spans:
                exceptions = guard._Exceptions.around(rule, folded, spans, low, high)
                found |= {
                    (rule.id, s, e)
                    for s, e in spans
                    if exceptions.allow(s, e) and guard.keeps(rule, folded, s, e, low, high, lang)
                }
    return found


def _indexed(text: str, lang: str, context: str) -> set[tuple[str, int, int]]:
    folded = guard._Folded.of(text).text
    words = guard.key_text(folded)
    hits = guard._scan(rule_set(lang), folded, words, context)
    # Only the keyed rules: structural findings (sarcasm) have no keys to prefilter.
    keyed = {r.id for r in rule_set(lang).rules}
    return {(h.rule.id, h.start, h.end) for h in hits if h.rule.id in keyed}


def _all_examples(lang: str) -> list[str]:
    """Every sentence we have for `lang`: rule examples, the lists above, the evaluation set."""
    texts = [t for r in rule_set(lang).rules for t in (*r.examples, *r.counterexamples)]
    evaluation = Path(__file__).parent / "guard_eval" / "dev" / f"{lang}.jsonl"
    lines = evaluation.read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in lines]
    return texts + (HARD_NEGATIVES if lang == "en" else FRENCH_NEGATIVES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("context", ["note", "candidate"])
def test_the_key_index_finds_exactly_what_a_brute_force_scan_finds(lang: str, context: str) -> None:
    for text in _all_examples(lang):
        assert _indexed(text, lang, context) == _brute_force(text, lang, context), text


# --- Rules are data, and the data is checked ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_flags_its_examples_and_spares_its_counterexamples(lang: str) -> None:
    for rule in rule_set(lang).rules:
        context = "candidate" if "candidate" in rule.severity else "note"
        for example in rule.examples:
            found = check(example, lang=lang, context=context)
            # A rule named by the word it matched (`category_by_word`) may report another one.
            named = [f for f in found if f.rule == rule.id] if rule.category_by_word else []
            assert named or any(f.category == rule.category for f in found), (rule.id, example)
        for counterexample in rule.counterexamples:
            found = check(counterexample, lang=lang, context=context)
            assert all(f.rule != rule.id for f in found), (rule.id, counterexample)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_category_has_rules_in_every_language(lang: str) -> None:
    covered = {r.category for r in rule_set(lang).rules} | {"internal_leak"}
    assert covered == set(CATEGORIES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_rule_can_backtrack_catastrophically(lang: str) -> None:
    for rule in rule_set(lang).rules:
        for source in rule.sources:
            assert not _nested_unbounded(source), (rule.id, source)


def _nested_unbounded(source: str) -> bool:
    """True when a group holding an unbounded repeat (+, *, {n,}) is itself repeated unboundedly.

    That shape, like (a+)+, is what makes a backtracking regex take exponential time. Bounded
    outer repeats such as (?:\\w+ ){0,4} stay linear: the window they can cover is fixed.
    """
    stack: list[bool] = [False]
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = source.index("]", i + 2) + 1
            continue
        if char == "(":
            stack.append(False)
        elif char == ")":
            inner_unbounded = stack.pop()
            following = source[i + 1 : i + 8]
            if inner_unbounded and re.match(r"[+*]|\{\d+,\}", following):
                return True
            stack[-1] = stack[-1] or inner_unbounded
        elif char in "+*" or re.match(r"\{\d+,\}", source[i : i + 6]):
            stack[-1] = True
        i += 1
    return False


def test_the_backtracking_lint_catches_the_classic_shapes() -> None:
    assert _nested_unbounded(r"(?:a+)+b")
    assert _nested_unbounded(r"(?:x\s*y)*")
    assert not _nested_unbounded(r"(?:\w+ ){0,4}fit")
    assert not _nested_unbounded(r"[(+*)]+")


ADVERSARIAL = [
    "a" * 1_000_000,
    "too old " * 125_000,
    "old " * 250_000,
    "l'âge " * 170_000,
    "pregnant" + "\u200b" * 999_992,
    "not " * 200_000 + "a culture fit",
    "9/5 " * 250_000,
    "candidate " * 100_000,
    "(" * 500_000 + ")" * 500_000,
    " ".join(w for r in rule_set("en").rules for e in r.examples for w in e.split()) * 40,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:12]))
def test_a_megabyte_of_adversarial_text_is_checked_without_blowing_up(text: str) -> None:
    # Not timed: a catastrophic pattern would not finish at all. The benchmark measures speed.
    findings = check(text[:1_000_000], context="note")
    assert all(0 <= f.start < f.end <= 1_000_000 for f in findings)


# --- Malformed rule files are refused with a message naming the rule ------------------------------

VALID_RULE = """
[[rule]]
id = "age.sample"
category = "age"
severity = "block"
terms = ["too old"]
why = "Because."
suggestion = "Say something else."
"""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('category = "age"', 'category = "looks"'), "unknown category"),
        (('severity = "block"', 'severity = "maybe"'), "bad severity"),
        (('terms = ["too old"]', "match = ['''too old''']"), "need keys"),
        (('terms = ["too old"]', "keys = ['old']\nmatch = ['''Too old''']"), "lower-case"),
        (('terms = ["too old"]', "keys = ['old']\nmatch = ['''@NOPE old''']"), "unknown macro"),
        (('why = "Because."', ""), "missing why"),
        (('terms = ["too old"]', "keys = ['old']\nmatch = ['''(old''']"), "missing )"),
    ],
)
def test_a_malformed_rule_is_refused_with_its_id(change: tuple[str, str], message: str) -> None:
    source = VALID_RULE.replace(*change)
    with pytest.raises(RuleError, match=re.escape(message)) as refused:
        parse_rules(source, "en")
    assert "age.sample" in str(refused.value)


def test_the_shipped_rule_files_parse_as_toml() -> None:
    for lang in LANGUAGES:
        text = (
            resources.files("heardback.feedback.engine.guard_rules") / f"{lang}.toml"
        ).read_text(encoding="utf-8")
        assert tomllib.loads(text)["rule"]


def test_the_readers_own_name_is_never_a_finding() -> None:
    own = ("Rose-Marie Dupont", "Rose-Marie", "Dupont")
    assert check("Bonjour Rose-Marie,", lang="fr", other_names=own, own_names=own) == []
    findings = check("Bonjour Rose-Marie, êtes-vous mariée ?", lang="fr", own_names=own)
    assert [f.category for f in findings] == ["family"]


def test_other_candidates_are_found_among_thousands_of_names() -> None:
    names = (*(f"Person{i} Family{i}" for i in range(3000)), "Jordan Vale")
    text = "Compared with Jordan Vale, you were quicker. Person12 Family123 is not a name here."
    findings = check(text, other_names=names, own_names=("Ana Lima",))
    assert [text[f.start : f.end] for f in findings] == ["Jordan Vale"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first half of a hyphenated word is not the protected word ("look" is appearance).
        ("Your look-ahead had the crane lift sequenced before the concrete pour.", "ok"),
        ("You seem a bit middle-aged for this team.", "block"),
        # Counselling is a social worker's or a therapist's work; being in it is health.
        ("Counselling: you listened well and let the family set the pace.", "ok"),
        ("Your counselling skills showed in how you closed the session.", "ok"),
        ("She is in counselling at the moment, so maybe not now.", "block"),
    ],
)
def test_a_word_of_the_work_is_not_a_remark_on_the_person(text: str, expected: str) -> None:
    findings = check(text, lang="en", context="candidate", second_opinion=True)
    assert verdict(findings) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Got into some trouble with the police a few years back."),
        ("en", "There's a caution on his record, so I'd be careful."),
        ("en", "Was on twenty-two grand at his last place, so we can offer low."),
        ("en", "She's been paid peanuts so far, she'll take anything."),
        ("en", "Comes across as quite left-leaning, might clash with the board."),
        ("en", "With a surname like that, clients may struggle on the phone."),
        ("fr", "Il a eu une affaire à la justice il y a quelques années."),
        ("fr", "Elle était payée au lance-pierre, elle acceptera le bas de la fourchette."),
        ("fr", "Elle touchait 30 briques par an dans son ancien poste."),
        ("fr", "Avec un nom comme le sien, les clients vont se méfier."),
    ],
)
def test_a_record_pay_leaning_or_name_in_everyday_words_blocks(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note")) == "block"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Supported families with problems with the police to find legal advice."),
        ("en", "Raised forty grand for the children's hospice with the fundraising team."),
        ("en", "Made a grand entrance at the product launch."),
        ("en", "The shelf leans to the left; she spotted it in the site walk."),
        ("en", "Married the two data sources neatly in the dashboard."),
        ("fr", "Éducateur auprès de mineurs ayant des démêlés avec la justice."),
        ("fr", "A géré un budget de 40 briques pour la rénovation de l'école."),
    ],
)
def test_the_same_everyday_words_about_the_work_do_not_block(lang: str, text: str) -> None:
    assert verdict(check(text, lang=lang, context="note")) != "block"


def test_a_french_exception_for_de_does_not_swallow_words_starting_with_de() -> None:
    # "séparée de ses équipes" is not marital status; "séparée depuis peu" is.
    assert verdict(check("Elle est séparée depuis peu, pas sûr.", lang="fr")) == "block"


def test_a_weddings_trade_services_are_the_job_and_a_political_slur_blocks() -> None:
    assert verdict(check("Wedding hair and make-up for brides, booked every weekend.")) == "ok"
    assert verdict(check("Her wedding hair was lovely.")) == "block"
    assert verdict(check("Un peu réac sur les bords, il ne collera pas.", lang="fr")) == "block"


def test_a_hospital_is_a_stay_after_being_or_time_and_a_workplace_after_a_job() -> None:
    for stay in ("Il a passé trois mois à l'hôpital l'an dernier.", "Elle est encore à l'hôpital."):
        assert verdict(check(stay, lang="fr", context="note")) == "block"
    for work in ("Aumônier à l'hôpital, il accompagne les familles.", "Brancardier à l'hôpital."):
        assert verdict(check(work, lang="fr", context="note")) == "ok"


def test_a_whole_wedding_party_is_a_stylists_clients() -> None:
    stylist = "Bridal stylist: hair trials and timings for the whole wedding party."
    assert verdict(check(stylist, context="note")) == "ok"
    assert verdict(check("She was busy planning her wedding party.", context="note")) == "block"


def test_a_list_of_languages_spoken_is_a_skill_but_speaking_one_badly_blocks() -> None:
    skill = "Parle roumain, anglais et italien, utile pour l'accueil des touristes."
    assert verdict(check(skill, lang="fr", context="note", second_opinion=True)) != "block"
    badly = "Il parle mal le roumain, les clients ne le comprendront pas."
    assert verdict(check(badly, lang="fr", context="note", second_opinion=True)) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Un peu trop petite pour le rayon frais.",
        "Vraiment trop ronde pour la vitrine.",
        "Il est d'une autre époque, il ne supportera pas Teams.",
        "Il est de la génération d'avant, il aura du mal avec l'appli.",
        "Elle a passé l'âge de faire des nuits.",
        "Il a un problème d'alcool, tout le monde le sait.",
    ],
)
def test_french_stacked_degrees_and_everyday_euphemisms_block(text: str) -> None:
    assert verdict(check(text, lang="fr", context="note")) == "block"


def test_a_drinking_problem_of_the_people_served_is_the_job() -> None:
    text = "Elle accompagne des patients ayant un problème d'alcool en CSAPA."
    assert verdict(check(text, lang="fr", context="note", second_opinion=True)) != "block"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elle a bien cinquante piges, je la vois mal en salle.", "block"),
        ("Il a un truc au dos, pas top pour la manutention.", "block"),
        ("Elle a souvent mal aux genoux, pas idéal pour le rayon.", "block"),
        ("Il a corrigé un souci au dos du meuble avant la livraison.", "ok"),
        ("Au printemps 2024 elle a lancé la boutique en ligne.", "ok"),
    ],
)
def test_french_slang_ages_and_everyday_complaints_at_a_body_part(text: str, expected: str) -> None:
    assert verdict(check(text, lang="fr", context="note")) == expected
