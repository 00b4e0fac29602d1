"""What the sixth round of API scenarios (benchmarks/api_scenarios_r6.toml) found in notes read
sentence by sentence against their scorecards: each test is one thing a candidate noticed.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools

import pytest

from heardback.feedback.engine import Note, NoteInput, OpenRole, compose
from tests.feedback.engine import factories as f

DAY = datetime.date(2026, 6, 12)
SEEDS = (101, 102, 103, 104, 105, 106)  # application ids: each picks other phrasings
RUBRIC = (
    f.competency(1, name="Situational awareness", weight=3, tips="Call out every change."),
    f.competency(2, name="Flight data handling", weight=3, tips="Amend plans under pressure."),
    f.competency(3, name="Radio phraseology", weight=2, tips="Read back in ICAO phrases."),
    f.competency(4, name="Teamwork", weight=1, bar="mixed", tips="Ask what controllers need."),
)


def flat(note: Note) -> str:
    return " ".join(note.text.replace("\u00a0", " ").replace("\u202f", " ").split())


def one_step(
    *,
    application_id: int = 101,
    lang: str = "en",
    name: str = "Dealing audition",
    date: datetime.date | None = DAY,
    ratings: tuple[tuple[int, str], ...] = ((1, "no"), (2, "strong_yes"), (3, "yes")),
    category: str = "skills_gap",
    open_roles: tuple[OpenRole, ...] = (),
    comments: dict[int, str] | None = None,
) -> NoteInput:
    """One activity, rated by one assessor; by default a gap, a strength and a level met."""
    said = comments or {}
    card = f.scorecard(
        items=tuple(f.item(c, r, comment=said.get(c, "")) for c, r in ratings)  # type: ignore[arg-type]
    )
    inp = f.note_input(
        application_id=application_id,
        lang=lang,  # type: ignore[arg-type]
        interviews=(f.interview(7, name, "onsite", date),),
        scorecards=(card,),
        job_=f.job(competencies=RUBRIC),
        decision_=f.decision(category),  # type: ignore[arg-type]
        candidate_=f.candidate(language=lang),  # type: ignore[arg-type]
    )
    return dataclasses.replace(inp, open_roles=open_roles)


# --- (a) a single step is named and dated once -------------------------------------------------


@pytest.mark.parametrize(("seed", "lang"), itertools.product(SEEDS, ("en", "fr")))
def test_a_single_step_is_named_and_dated_once(seed, lang):
    """ "Thank you for … on 12 June, during the Dealing audition." then "…than we saw during
    the Dealing audition on 12 June." then "Flight data handling stood out on 12 June.":
    the thanks says where and when; the rest says "that day" or nothing."""
    text = flat(compose(one_step(application_id=seed, lang=lang), guard=f.no_findings))
    day = "12 June" if lang == "en" else "12 juin"
    assert text.count(day) == 1, text
    assert text.lower().count("dealing audition") == 1, text


@pytest.mark.parametrize(("seed", "lang"), itertools.product(SEEDS, ("en", "fr")))
def test_every_rating_at_the_bar_after_one_step_says_its_date_once(seed, lang):
    """A skills reason the ratings do not show: "We did not see one specific skill below the
    level … during the simulator exercise on 12 June" after a thanks that said it."""
    # One below the bar: without it the note first says every skill met the level, and a
    # level only met then goes unsaid.
    ratings = ((1, "yes"), (2, "yes"), (3, "yes"), (4, "definitely_not"))
    inp = one_step(application_id=seed, lang=lang, name="Simulator exercise", ratings=ratings)
    text = flat(compose(inp, guard=f.no_findings))
    day = "12 June" if lang == "en" else "12 juin"
    assert text.count(day) == 1, text


@pytest.mark.parametrize("seed", SEEDS)
def test_an_undated_single_step_is_named_once(seed):
    text = flat(compose(one_step(application_id=seed, date=None), guard=f.no_findings))
    assert text.lower().count("dealing audition") == 1, text


# --- (b) a typed step name reads as a common noun mid-sentence ---------------------------------


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Dealing audition", "the dealing audition"),
        ("Chairside assessment", "the chairside assessment"),
        ("Object handling test", "the object handling test"),
        ("Roof practical", "the roof practical"),
        ("SIMULATOR EXERCISE", "the simulator exercise"),
    ],
)
def test_a_typed_step_name_is_lower_case_mid_sentence(name, said):
    text = flat(compose(one_step(name=name), guard=f.no_findings))
    assert said in text, text


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("VISITE DE CHANTIER", "« Visite de chantier »"),
        ("ENTRETIEN AVEC LA PMI", "l'entretien avec la PMI"),
    ],
)
def test_french_a_step_typed_in_capitals_is_not_shouted_and_keeps_its_acronyms(name, said):
    text = flat(compose(one_step(name=name, lang="fr"), guard=f.no_findings))
    assert said in text, text
    assert name not in text, text


def test_a_step_named_after_a_proper_noun_or_an_acronym_keeps_it():
    for name, said in (("Python interview", "the Python interview"), ("HR SCREEN", "HR screen")):
        text = flat(compose(one_step(name=name), guard=f.no_findings))
        assert said in text, text


# --- (c) "your strengths" only after a note that named two -------------------------------------


@pytest.mark.parametrize(("seed", "lang"), itertools.product(SEEDS, ("en", "fr")))
def test_an_open_role_after_one_strength_does_not_speak_of_your_strengths(seed, lang):
    """ "Another of our openings, Flight Data Assistant, fits your strengths." after a note
    that named one strength (a role ranked by engine.fit, as the product sends them)."""
    role = OpenRole(9, "Flight Data Assistant", ("Flight data handling", "Teamwork"),
                    explanation="It draws on flight data handling.")  # fmt: skip
    inp = one_step(
        application_id=seed, lang=lang, ratings=((1, "no"), (2, "strong_yes")), open_roles=(role,)
    )
    note = compose(inp, guard=f.no_findings)
    strengths = [s for s in note.sentences if s.section == "strengths" and "handling" in s.text]
    assert len(strengths) == 1, note.text
    (said,) = [s.text for s in note.sentences if "Flight Data Assistant" in s.text]
    assert "strengths" not in said and "points forts" not in said, said


@pytest.mark.parametrize(
    ("seed", "lang", "tone"), itertools.product(SEEDS, ("en", "fr"), ("warm", "formal"))
)
def test_without_a_candidate_page_an_open_role_after_one_strength_says_no_strengths(
    seed, lang, tone
):
    """The same for an organization whose notes carry no page link: the candidate replies."""
    role = OpenRole(9, "Flight Data Assistant", ("Flight data handling", "Teamwork"),
                    explanation="It draws on flight data handling.")  # fmt: skip
    inp = one_step(
        application_id=seed, lang=lang, ratings=((1, "no"), (2, "strong_yes")), open_roles=(role,)
    )
    policy = f.policy(tone=tone, lang=lang, portal_url="")  # type: ignore[arg-type]
    note = compose(dataclasses.replace(inp, policy=policy), guard=f.no_findings)
    (said,) = [s.text for s in note.sentences if "Flight Data Assistant" in s.text]
    assert "strengths" not in said and "points forts" not in said, said
    assert "http" not in note.text, note.text


# --- (d) two levels met in a row, not in the same words ----------------------------------------


@pytest.mark.parametrize(("seed", "lang"), itertools.product(SEEDS, ("en", "fr")))
def test_two_levels_met_in_a_row_do_not_both_say_the_level(seed, lang):
    """ "Collections documentation was at the level the role needs. … Object handling was at
    the level the role needs too.": heard twice in a row."""
    # One below the bar: without it the note first says every skill met the level, and a
    # level only met then goes unsaid.
    ratings = ((1, "yes"), (2, "yes"), (3, "yes"), (4, "definitely_not"))
    inp = one_step(application_id=seed, lang=lang, ratings=ratings, category="stronger_candidate")
    note = compose(inp, guard=f.no_findings)
    word = "level" if lang == "en" else "niveau"
    said = [s.text for s in note.sentences if s.section == "strengths" and s.claim == "reason"]
    assert len(said) >= 2, note.text
    for first, second in itertools.pairwise(said):
        assert not (word in first and word in second), (first, second)


# --- a quote keeps the space its writer put before a French colon ------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_an_emoji_left_out_keeps_the_space_before_a_french_colon(seed):
    """ "Atelier comptines très vivant 🎶 : accueil en chanson" was quoted as "très vivant:
    accueil": the emoji went, and the space before the colon with it."""
    comment = "Atelier comptines très vivant 🎶 : accueil en chanson et deux jeux de doigts."
    inp = one_step(application_id=seed, lang="fr", comments={2: comment})
    text = flat(compose(inp, guard=f.no_findings))
    assert "très vivant : accueil en chanson" in text, text
    assert "vivant:" not in text, text
