"""What the fourth round of API scenarios (benchmarks/api_scenarios_r4.toml) and the problems
left by the third found in notes read sentence by sentence against their scorecards: each test
is one thing a candidate noticed.
"""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from heardback.feedback.engine import Note, NoteInput, compose
from tests.feedback.engine import factories as f

JUNE = datetime.date(2026, 6, 12)


def flat(note: Note) -> str:
    return " ".join(note.text.split())


def steps(
    *named: tuple[str, str],
    ratings: tuple[str, ...] = ("yes", "no"),
    lang: str = "en",
    category: str = "skills_gap",
    stage_kind: str = "",
) -> NoteInput:
    """One interview per (name, kind), each rating one competency (bar "yes") with a comment."""
    rubric = (
        f.competency(1, name="Load control", weight=3),
        f.competency(2, name="Radio discipline", weight=2),
    )
    interviews = tuple(
        f.interview(10 + n, name, kind, JUNE + datetime.timedelta(days=n))
        for n, (name, kind) in enumerate(named)
    )
    cards = tuple(
        f.scorecard(
            20 + n,
            interview_id=10 + n,
            interviewer=f"P{n}",
            items=(f.item(1 + n % 2, ratings[n % len(ratings)]),),  # type: ignore[arg-type]
        )
        for n in range(len(named))
    )
    inp = f.note_input(
        lang=lang,  # type: ignore[arg-type]
        interviews=interviews,
        scorecards=cards,
        job_=f.job(competencies=rubric),
        decision_=f.decision(category),  # type: ignore[arg-type]
        candidate_=f.candidate(language=lang),  # type: ignore[arg-type]
    )
    return dataclasses.replace(inp, stage_kind=stage_kind)


# --- activities are not interviews -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Assessment day", "the assessment day"),
        ("Trial shift", "the trial shift"),
        ("Site walk", "the site walk"),
        ("Scenario assessment", "the scenario assessment"),
    ],
)
def test_an_activity_of_an_interview_kind_is_not_called_an_interview(name, said):
    """ "the assessment day interview": a day of exercises, recorded as an onsite interview,
    named as an interview. An activity is named as it is, whatever kind it was recorded as."""
    text = flat(compose(steps((name, "onsite")), guard=f.no_findings))
    assert said in text, text
    assert f"{said} interview" not in text and f"{said} session" not in text, text


def test_an_activity_and_an_interview_are_steps_not_interviews():
    """ "in both interviews" after an assessment day and an interview: one was no interview."""
    inp = steps(("Assessment day", "onsite"), ("Final interview", "final"), ratings=("no",))
    text = flat(compose(inp, guard=f.no_findings))
    assert "both interviews" not in text and "your interviews" not in text, text


def test_the_person_at_an_activity_is_not_an_interviewer():
    """ "your interviewer noted…" after a trial shift recorded as an onsite interview."""
    one = f.one_comment("You lost count of the lifts twice.", rating="no")
    inp = dataclasses.replace(one, interviews=(f.interview(7, "Trial shift", "onsite"),))
    text = flat(compose(inp, guard=f.no_findings))
    assert "interviewer" not in text, text
    assert "the person who assessed you" in text.lower(), text


def test_a_french_activity_is_a_step_not_an_interview():
    """« l'entretien « Journée d'essai » » : une journée d'essai n'est pas un entretien."""
    inp = steps(("Journée d'essai", "onsite"), lang="fr")
    text = flat(compose(inp, guard=f.no_findings))
    assert "l'étape « Journée d'essai »" in text, text
    assert "entretien « Journée" not in text, text


# --- another candidate, with a gap -------------------------------------------------------------


def test_another_candidate_with_a_gap_names_the_gap_that_the_month_rests_on():
    """A stronger candidate at the final stage, and radio discipline rated "no": the note gave
    a month to apply again and no word of why. The gap is real: it is said, as a level."""
    inp = steps(
        ("Practical", "onsite"), ("Final interview", "final"),
        category="stronger_candidate", stage_kind="final",
    )  # fmt: skip
    note = compose(inp, guard=f.no_findings)
    text = flat(note)
    assert "Radio discipline was rated well below the level the role needs" in text, text
    assert "in the final interview on 13 June" in text, text
    assert "January 2027" in text, text  # the month stays: the gap is real
    assert not note.quality.development_areas, text  # a level, not a section with tips


def test_another_candidate_with_every_rating_met_gets_no_month_and_no_gap():
    inp = steps(
        ("Practical", "onsite"), ("Final interview", "final"), ratings=("yes",),
        category="stronger_candidate", stage_kind="final",
    )  # fmt: skip
    text = flat(compose(inp, guard=f.no_findings))
    assert "2027" not in text and "rated below" not in text, text


def test_french_another_candidate_with_a_gap_names_it():
    inp = steps(
        ("Entretien technique", "technical"), ("Entretien final", "final"), lang="fr",
        category="stronger_candidate", stage_kind="final",
    )  # fmt: skip
    text = flat(compose(inp, guard=f.no_findings)).replace("\u00a0", " ")
    assert "du niveau attendu" in text and "Radio discipline." in text, text


# --- French strengths and their quotes ---------------------------------------------------------


def _french_strengths() -> Note:
    rubric = (
        f.competency(1, name="Style et registre", weight=3),
        f.competency(2, name="Respect des délais", weight=2),
    )
    card = f.scorecard(
        items=(
            f.item(1, "strong_yes", comment="Un français très sûr, aucune tournure « traduite »."),
            f.item(2, "strong_yes"),
        )
    )
    inp = f.note_input(
        lang="fr",
        interviews=(f.interview(),),
        scorecards=(card,),
        job_=f.job(competencies=rubric),
        decision_=f.decision("stronger_candidate"),
    )
    return compose(inp, guard=f.no_findings)


def test_a_french_strength_after_a_quote_starts_its_own_paragraph():
    """« … aucune tournure « traduite ». » Respect des délais : également l'un de vos points
    forts… »: the next strength's name ran on from the closing quote, in one paragraph."""
    text = _french_strengths().text.replace("\u00a0", " ")
    quote_end = text.index("« traduite ». »")
    assert text[quote_end:].startswith("« traduite ». »\n\nRespect des délais"), text


def test_a_french_strength_and_its_quote_stay_together():
    text = _french_strengths().text.replace("\u00a0", " ")
    paragraph = next(p for p in text.split("\n\n") if p.startswith("Style et registre"))
    assert "« Un français très sûr" in " ".join(paragraph.split()), text


def test_a_french_trial_named_by_its_post_is_a_step():
    """« l'entretien « Poste d'essai » » : un poste d'essai (une nuit en fournil) n'est pas un
    entretien."""
    text = flat(compose(steps(("Poste d'essai", "onsite"), lang="fr"), guard=f.no_findings))
    assert "l'étape « Poste d'essai »" in text, text


# --- the fourth reading ------------------------------------------------------------------------


@pytest.mark.parametrize("comment", ["ok", "Good.", "OK!", "bien"])
def test_a_one_word_comment_is_not_quoted(comment):
    """ "Pre-use checks also met the level the role needs. As one interviewer put it: “ok”.":
    a tick in a comment box, quoted as if it were a judgement."""
    lang = "fr" if comment == "bien" else "en"
    text = flat(compose(f.one_comment(comment, lang=lang), guard=f.no_findings))  # type: ignore[arg-type]
    said = text.replace("\u00a0", " ")
    assert f"“{comment}" not in said and f"« {comment}" not in said, text


def test_a_short_comment_of_three_words_is_still_quoted():
    text = flat(compose(f.one_comment("Warm, clear, plain."), guard=f.no_findings))
    assert "“Warm, clear, plain.”" in text, text


def test_an_activity_in_another_language_is_a_step_in_a_french_note():
    """« l'entretien « Trial shift » » in a French note on an English job."""
    inp = steps(("Trial shift", "onsite"), ("Simulator test", "technical"), lang="fr")
    text = flat(compose(inp, guard=f.no_findings)).replace("\u00a0", " ")
    assert "l'étape « Trial shift »" in text and "l'étape « Simulator test »" in text, text


def test_a_gap_seen_at_an_activity_is_seen_during_it():
    """ "than we saw in the trial shift on 17 November": one is on a shift, not in it."""
    inp = steps(("Trial shift", "onsite"), ratings=("no",))
    text = flat(compose(inp, guard=f.no_findings))
    assert "during the trial shift" in text, text  # the thanks; the reason says "that day"
    assert "in the trial shift" not in text, text


def test_a_simulator_test_is_a_common_noun_mid_sentence():
    inp = steps(
        ("Simulator test", "technical"),
        ("Safety interview", "technical"),
        ("Final interview", "hiring_manager"),
    )
    assert "the Simulator test" not in flat(compose(inp, guard=f.no_findings))


def test_a_french_gap_said_as_instead_of_is_quoted_under_it():
    """« Pâte sortie à 29 °C au lieu de 24 °C, pointage non corrigé » : the only word on the gap,
    left out because the shortfall words knew neither « au lieu de » nor « non corrigé »."""
    comment = "Pâte sortie à 29 °C au lieu de 24 °C, pointage non corrigé."
    text = flat(compose(f.one_comment(comment, rating="no", lang="fr"), guard=f.no_findings))
    assert "29 °C au lieu de 24 °C" in text.replace("\u00a0", " "), text


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", "l'exercice « Test de traduction »"), ("en", "the “Test de traduction” exercise")],
)
def test_a_take_home_named_as_an_activity_keeps_its_own_word(lang, said):
    """« l'étape « Test de traduction » » after the activity fix: a take-home is an exercise."""
    inp = steps(("Test de traduction", "take_home"), lang=lang)
    assert said in flat(compose(inp, guard=f.no_findings)).replace("\u00a0", " ")
