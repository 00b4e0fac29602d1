"""What the seventh round of API scenarios (benchmarks/api_scenarios_r7.toml) found in notes read
sentence by sentence against their scorecards: each test is one thing a candidate noticed.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import re

import pytest

from heardback.feedback.engine import Note, NoteInput, compose
from tests.feedback.engine import factories as f

DAY = datetime.date(2026, 11, 24)
DECIDED = datetime.date(2026, 12, 7)
SEEDS = (101, 102, 103, 104, 105, 106)  # application ids: each picks other phrasings
RUBRIC = (
    f.competency(1, name="Running the pass", weight=3, tips="Call every ticket out loud."),
    f.competency(2, name="Food safety", weight=3, tips="Rewrite one section's HACCP plan."),
    f.competency(3, name="Menu costing", weight=2, tips="Cost three dishes to the gram."),
    f.competency(4, name="Leading the brigade", weight=1, bar="mixed", tips="Brief the team."),
)


def flat(note: Note) -> str:
    return " ".join(note.text.replace("\u00a0", " ").replace("\u202f", " ").split())


def steps(
    *,
    application_id: int = 101,
    lang: str = "en",
    held: tuple[tuple[str, str], ...] = (("Cook-off", "onsite"),),
    cards: tuple[tuple[int, str, tuple[tuple[int, str, str], ...]], ...] = (
        (7, "Sam", ((1, "no", ""), (2, "strong_yes", ""), (3, "yes", ""))),
    ),
    category: str = "skills_gap",
    candidate_language: str | None = None,
) -> NoteInput:
    """Steps held (name, kind) a day apart from DAY, with ids 7, 8, …; scorecards as
    (interview id, interviewer, ((competency, rating, comment), …))."""
    interviews = tuple(
        f.interview(7 + n, name, kind, DAY + datetime.timedelta(days=n))
        for n, (name, kind) in enumerate(held)
    )
    scorecards = tuple(
        f.scorecard(
            12 + n,
            interview_id=interview_id,
            interviewer=who,
            items=tuple(f.item(c, r, comment=said) for c, r, said in items),  # type: ignore[arg-type]
        )
        for n, (interview_id, who, items) in enumerate(cards)
    )
    return f.note_input(
        application_id=application_id,
        lang=lang,  # type: ignore[arg-type]
        interviews=interviews,
        scorecards=scorecards,
        job_=f.job(competencies=RUBRIC, screening_criteria=""),
        decision_=f.decision(category, decided_on=DECIDED),  # type: ignore[arg-type]
        candidate_=f.candidate(language=candidate_language or lang),  # type: ignore[arg-type]
    )


# --- (a) held interviews nobody scored are no "application" -------------------------------------


@pytest.mark.parametrize(
    ("seed", "lang", "category"),
    itertools.product(SEEDS, ("en", "fr"), ("skills_gap", "experience_level")),
)
def test_interviews_without_scorecards_are_not_called_the_application(seed, lang, category):
    """ "Thank you for meeting us on 5 and 13 November …" then "Your application did not show
    the skills this role needs": the decision came after two steps, not from the CV."""
    held = (("Phone screen", "screen"), ("Observation day", "onsite"))
    inp = steps(application_id=seed, lang=lang, held=held, cards=(), category=category)
    note = compose(inp, guard=f.no_findings)
    reason = " ".join(s.text for s in note.sentences if s.section == "reason")
    assert reason, note.text
    assert "application" not in reason.lower() and "candidature" not in reason.lower(), reason


# --- (b) two interviewers far apart on a skill: no "we did not see a gap" -----------------------


@pytest.mark.parametrize(("seed", "lang"), itertools.product(SEEDS, ("en", "fr")))
def test_a_skill_rated_strong_yes_and_no_is_not_said_to_show_no_gap(seed, lang):
    """ "We did not see one specific skill below the level this role needs that day" when one
    of the two interviewers rated Running the pass "no": untrue for that interviewer."""
    cards = (
        (7, "Tom", ((1, "strong_yes", ""), (3, "yes", ""))),
        (7, "Marc", ((1, "no", ""), (2, "yes", ""))),
    )
    text = flat(compose(steps(application_id=seed, lang=lang, cards=cards), guard=f.no_findings))
    assert "did not see one specific skill" not in text, text
    assert "Nous n'avons pas constaté" not in text and "pas relevé" not in text, text
    assert "Running the pass" in text, text


# --- (c) a cook-off is no interview -------------------------------------------------------------


@pytest.mark.parametrize(("seed", "name"), itertools.product(SEEDS, ("Cook-off", "Bake-off")))
def test_a_cook_off_is_not_called_an_interview(seed, name):
    """ "Thank you for meeting us on 25 November for the Cook-off interview." """
    inp = steps(application_id=seed, held=((name, "onsite"),))
    text = flat(compose(inp, guard=f.no_findings))
    assert "interview" not in text.lower(), text


# --- (d) a take-home is not seen "that day" -----------------------------------------------------


@pytest.mark.parametrize(("seed", "lang"), itertools.product(SEEDS, ("en", "fr")))
def test_a_take_home_alone_is_not_seen_that_day(seed, lang):
    """ "Written accuracy is where we saw the biggest gap: this role needs more there than we
    saw that day." after a written exercise done at home."""
    inp = steps(application_id=seed, lang=lang, held=(("Written exercise", "take_home"),))
    text = flat(compose(inp, guard=f.no_findings))
    assert "that day" not in text and "ce jour-là" not in text, text


# --- (e) French: "a relevé que vous n'avez pas trouvé" ------------------------------------------

_REPORTED_PERFECT = re.compile(r"a (noté|relevé|souligné) que vous (n'|ne )?(avez|êtes)")


@pytest.mark.parametrize("seed", SEEDS)
def test_french_a_comment_turned_to_vous_keeps_the_sequence_of_tenses(seed):
    """ "L'une des personnes chargées de votre évaluation a relevé que vous n'avez pas trouvé le
    relais défaillant": after "a relevé que", French writes "n'aviez pas trouvé"."""
    cards = (
        (
            7,
            "Tom",
            (
                (1, "no", "N'a pas trouvé le relais défaillant en 40 minutes."),
                (2, "strong_yes", "A fait la consignation dans l'ordre, sans rien oublier."),
            ),
        ),
    )
    text = flat(compose(steps(application_id=seed, lang="fr", cards=cards), guard=f.no_findings))
    assert "vous n'avez pas trouvé le relais" in text, text
    assert not _REPORTED_PERFECT.search(text), text


# --- (f) the one comment on a gap that says what went wrong is quoted --------------------------


@pytest.mark.parametrize(
    ("seed", "lang", "comment"),
    [
        *((s, "en", "Two defendants' names were swapped on the draft order.") for s in SEEDS),
        *((s, "fr", "Les noms de deux prévenus étaient inversés sur le projet d'ordonnance.")
          for s in SEEDS),
    ],
)  # fmt: skip
def test_a_comment_saying_what_was_swapped_is_quoted_under_its_gap(seed, lang, comment):
    """Written accuracy rated "no" with "Two defendants' names were swapped on the draft
    order.": the note said only "proofread a draft order…", while quoting the comment on a
    strength of the same exercise."""
    good = "Sentences recorded in the right order."
    cards = ((7, "Kofi", ((1, "no", comment), (2, "yes", good))),)
    held = (("Written exercise", "take_home"),)
    inp = steps(application_id=seed, lang=lang, held=held, cards=cards)
    text = flat(compose(inp, guard=f.no_findings))
    assert comment.split()[1] in text and ("swapped" in text or "inversés" in text), text


@pytest.mark.parametrize(("seed", "lang"), itertools.product(SEEDS, ("en", "fr")))
def test_a_gap_quote_and_a_strength_quote_are_not_introduced_alike(seed, lang):
    """ "Rédaction — selon la personne chargée de votre évaluation : « … »" then "Réseaux
    sociaux : … Selon la personne chargée de votre évaluation : « … »": the same words twice."""
    gap = "Two names were swapped on the order." if lang == "en" else "Deux noms étaient inversés."
    good = "Sentences recorded in the right order." if lang == "en" else "Un calendrier complet."
    cards = ((7, "Kofi", ((1, "no", gap), (2, "strong_yes", good))),)
    held = (("Written exercise", "take_home"),)
    inp = steps(application_id=seed, lang=lang, held=held, cards=cards)
    note = compose(inp, guard=f.no_findings)
    quotes = [s.text for s in note.sentences if s.claim == "observation"]
    assert len(quotes) == 2, note.text
    leads = [re.split(r"[:“«]", q)[0].strip(" —").split("—")[-1].strip().lower() for q in quotes]
    assert leads[0] != leads[1], quotes


# --- (i) the step the reason has just named is not named again by the next sentence ------------


@pytest.mark.parametrize(("seed", "lang"), itertools.product(SEEDS, ("en", "fr")))
def test_a_strength_does_not_name_again_the_step_the_reason_named(seed, lang):
    """ "Le poste demande davantage que ce que nous avons constaté pendant l'étape « Workshop
    practical test » du 9 novembre." then "Parmi vos points forts pendant l'étape « Workshop
    practical test » du 9 novembre : …": the same step and date twice in a row."""
    cards = (
        (7, "Kofi", ((3, "yes", ""),)),
        (8, "Tom", ((1, "no", ""), (2, "strong_yes", ""))),
    )
    held = (("Technical interview", "technical"), ("Workshop practical test", "onsite"))
    inp = steps(application_id=seed, lang=lang, held=held, cards=cards)
    text = flat(compose(inp, guard=f.no_findings))
    day = "25 November" if lang == "en" else "25 novembre"
    assert text.count(day) == 2, text  # the thanks and the reason


# --- (j) French: « Merci pour l'étape … », a calque of "Thank you for the … step" ---------------

_THANKS_FOR_A_STEP = re.compile(r"(Merci|remercions) pour (l'|les )(étape|exercice|entretien)")


@pytest.mark.parametrize(
    ("seed", "tone", "held", "dated"),
    itertools.product(
        SEEDS,
        ("warm", "formal"),
        (
            (("Test pratique en atelier", "onsite"),),
            (("Cas pratique", "take_home"),),
            (("Entretien technique", "technical"), ("Test pratique en atelier", "onsite")),
        ),
        (True, False),
    ),
)
def test_french_thanks_are_not_for_the_step_itself(seed, tone, held, dated):
    """ "Merci pour l'étape « Test pratique en atelier », le 10 novembre, et pour le temps que
    vous nous avez accordé.": one thanks a person for taking part, not for the step."""
    cards = tuple((7 + n, "Tom", ((1, "no", ""), (2, "yes", ""))) for n in range(len(held)))
    inp = steps(application_id=seed, lang="fr", held=held, cards=cards)
    interviews = tuple(i if dated else dataclasses.replace(i, date=None) for i in inp.interviews)
    policy = f.policy(tone=tone, lang="fr")  # type: ignore[arg-type]
    inp = dataclasses.replace(inp, interviews=interviews, policy=policy)
    note = compose(inp, guard=f.no_findings)
    assert not _THANKS_FOR_A_STEP.search(flat(note)), note.text


# --- (k) a competency named in the plural takes no "was" -----------------------------------------

PLURAL = (
    f.competency(1, name="Controlled drugs procedures", weight=3, tips="Fill in a mock register."),
    f.competency(2, name="Communication skills", weight=2, tips="Explain a stock shortage."),
    f.competency(3, name="Recording court results", weight=1, tips="Note each result."),
)


@pytest.mark.parametrize(
    ("seed", "category", "ratings"),
    itertools.product(
        SEEDS,
        ("stronger_candidate", "compensation", "skills_gap"),
        (
            ((1, "yes"), (2, "strong_yes"), (3, "yes")),
            ((1, "no"), (2, "yes"), (3, "strong_yes")),
            ((1, "strong_yes"), (2, "no"), (3, "yes")),
        ),
    ),
)
def test_a_competency_named_in_the_plural_is_not_said_with_was(seed, category, ratings):
    """ "Controlled drugs procedures was also up to what the role requires.": the label's
    plural head takes "were"; the note says it with a verb that does not agree instead."""
    inp = steps(application_id=seed, cards=((7, "Sam", tuple((c, r, "") for c, r in ratings)),))
    inp = dataclasses.replace(
        inp,
        job=f.job(competencies=PLURAL, screening_criteria=""),
        decision=f.decision(category, decided_on=DECIDED),  # type: ignore[arg-type]
    )
    text = flat(compose(inp, guard=f.no_findings))
    assert not re.search(r"(procedures|skills) (also )?(is|was)\b", text), text
