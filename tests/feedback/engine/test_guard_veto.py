"""The second opinion as a veto: a rule's block on a protected word that the model reads as
ordinary work talk becomes a warning; insults, leaks and decisions on "you" never do."""

from __future__ import annotations

from heardback.feedback.engine import guard, guard_model
from heardback.feedback.engine.guard import check, verdict

ZOO = "Zoo keeper: fed the elderly gorillas and gave them their arthritis medication."


def _sure_it_is_clean() -> guard_model.Model:
    """A model that has only read clean sentences: it scores every sentence near 0."""
    texts = [
        "Handled the feeding rota for the primates.",
        "Gave the lions their medication on time.",
        "Kept the enclosure records up to date.",
        "Explained the medication schedule for the gorillas clearly.",
    ]
    return guard_model.train(texts, [False] * len(texts))


def test_a_trades_subject_matter_blocked_by_the_rules_becomes_a_warning() -> None:
    # The rules read "elderly" and "arthritis" as said of the candidate; the job is a zoo's.
    assert verdict(check(ZOO, context="note")) == "block"
    findings = check(ZOO, context="note", second_opinion=True)
    assert verdict(findings) == "warn"
    assert {f.category for f in findings} == {"disability_health"}
    assert all("ordinary talk about the work" in f.why for f in findings)


def test_the_veto_names_the_nearest_clean_labelled_sentence() -> None:
    findings = check(ZOO, context="note")
    (lifted, *_) = guard._veto(ZOO, findings, ["en"], _sure_it_is_clean())
    assert lifted.severity == "warn"
    assert "\u201cGave the lions their medication on time.\u201d" in lifted.why


def test_a_french_veto_explains_in_french() -> None:
    text = "Soigneur au zoo : donnait aux vieux gorilles leur traitement contre l'arthrose."
    findings = check(text, lang="fr", context="note")
    assert verdict(findings) == "block"
    lifted = guard._veto(text, findings, ["fr"], _sure_it_is_clean())
    assert [f.severity for f in lifted] == ["warn"]
    assert "second avis" in lifted[0].why and "une personne doit la relire" in lifted[0].why


def test_an_insult_is_never_vetoed() -> None:
    text = "Lazy and useless on the shop floor."
    findings = check(text, context="note")
    assert [f.category for f in findings if f.severity == "block"] == ["insult"]
    assert guard._veto(text, findings, ["en"], _sure_it_is_clean()) == findings


def test_a_protected_word_said_of_you_with_a_decision_is_never_vetoed() -> None:
    text = "You mentioned you are pregnant, so we'd pass."
    findings = check(text, context="candidate")
    assert verdict(findings) == "block"
    assert guard._veto(text, findings, ["en"], _sure_it_is_clean()) == findings
    assert verdict(check(text, context="candidate", second_opinion=True)) == "block"


def test_another_candidates_name_is_never_vetoed() -> None:
    text = "Sam Rivers had more years on the zoo's feeding rota."
    findings = check(text, context="candidate", other_names=("Sam Rivers",))
    assert [f.category for f in findings] == ["internal_leak"]
    assert guard._veto(text, findings, ["en"], _sure_it_is_clean()) == findings


def test_the_veto_lifts_only_under_its_bar() -> None:
    model = guard_model.load()
    assert model is not None
    sentence = "Sat on the works council with the union reps and the plant manager."
    assert model.score(sentence) < guard.VETO_SCORE
    assert verdict(check(sentence, context="note")) == "block"
    assert verdict(check(sentence, context="note", second_opinion=True)) == "warn"
    remark = "Turned out to be a union rep, so that's a problem for the night shift."
    assert verdict(check(remark, context="note", second_opinion=True)) == "block"
