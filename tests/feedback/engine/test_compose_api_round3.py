"""What the third round of API scenarios (benchmarks/api_scenarios_r3.toml) found in notes read
sentence by sentence against their scorecards: each test is one thing a candidate noticed.
"""

from __future__ import annotations

import datetime
import re

import pytest

from heardback.feedback.engine import Note, compose
from tests.feedback.engine import factories as f


def flat(note: Note) -> str:
    return " ".join(note.text.split())


def rated(rating: str, comment: str, *, lang: str = "en") -> Note:
    """One competency rated `rating` (bar "yes") with `comment`, after one dated interview."""
    inp = f.one_comment(
        comment, rating=rating, lang=lang,  # type: ignore[arg-type]
        competency_=f.competency(1, name="Safe isolation", weight=3),
        first_name="Mia", last_name="Stone",
    )  # fmt: skip
    return compose(inp, guard=f.no_findings)


@pytest.mark.parametrize(
    ("rating", "comment", "emoji"),
    [
        ("no", "Mixed up 1.5mm² and 2.5mm² twice on the ring final 😬", "😬"),
        ("strong_yes", "Textbook isolation 👍 lock-off and proving unit used every time.", "👍"),
    ],
)
def test_emoji_in_a_comment_are_not_put_in_the_letter(rating, comment, emoji):
    """ "One interviewer observed that you mixed up 1.5mm² and 2.5mm² twice on the ring final
    😬.": an interviewer's emoji, in the recruiter's letter, reads as the recruiter mocking.
    The words are quoted; an emoji between two words stands for a pause."""
    text = flat(rated(rating, comment))
    assert emoji not in text, text
    assert "ring final." in text or "Textbook isolation, lock-off" in text, text


@pytest.mark.parametrize(
    ("comment", "lang", "shorthand"),
    [
        ("tbh the grievance answer was thin and missed the appeal step.", "en", "tbh"),
        ("RAS, discours clair et bienveillant avec les parents.", "fr", "RAS"),
    ],
)
def test_a_leading_chat_aside_is_not_quoted(comment, lang, shorthand):
    """ "As your interviewer put it: “tbh the primary survey was OK but…”" and « RAS, discours
    clair… »: shorthand written for colleagues. The aside is left out and the rest quoted."""
    rating = "no" if lang == "en" else "strong_yes"
    text = flat(rated(rating, comment, lang=lang))
    assert shorthand not in text, text
    assert "The grievance answer was thin" in text or "Discours clair" in text, text


def test_shorthand_inside_a_comment_is_not_quoted():
    """ "Pb de gestion du temps" ("pb" for "problème"): not a word a letter uses; the comment
    is not quoted rather than quoted as colleagues' shorthand."""
    text = flat(rated("no", "Séance trop longue, gros pb de gestion du temps.", lang="fr"))
    assert "pb" not in text.split(), text


def test_a_comment_in_capitals_is_not_quoted():
    """ "Your interviewer noted: “DID NOT PROVE DEAD BEFORE TOUCHING THE CONDUCTORS. MUST
    TEST EVERY TIME.”": shouting, quoted to an apprentice. A comment mostly in capitals is
    left out; a term in capitals ("ALL CAPS", "ABCDE") is not shouting."""
    text = flat(rated("no", "DID NOT PROVE DEAD BEFORE TOUCHING THE CONDUCTORS. MUST TEST."))
    assert "MUST" not in text, text
    kept = flat(rated("strong_yes", "A calm ABCDE and a clear SBAR handover to the ED team."))
    assert "ABCDE and a clear SBAR" in kept, kept


@pytest.mark.parametrize(
    ("lang", "comment", "inner"),
    [
        ("en", 'You missed the bleed in the "trauma" scenario until prompted.', "‘trauma’"),
        ("en", "You missed what 'fair process' means in practice.", "‘fair process’"),
        ("fr", 'Vous avez oublié la clause "force majeure" dans la traduction.', "“force majeure”"),
    ],
)
def test_quotes_inside_a_quote_use_the_inner_marks(lang, comment, inner):
    """“…in the "trauma" scenario…”: straight quotes inside the note's curly ones read as a
    typing slip. Quotation marks inside a quoted comment become the language's inner ones."""
    text = flat(rated("no", comment, lang=lang))
    assert inner in text, text
    assert '"' not in text, text


def at_the_bar_on_one_interview(count: int, application_id: int) -> str:
    """`count` competencies rated exactly at the bar, after two interviews, all in the second,
    and one below it (with another candidate chosen, so the note does not first say that every
    skill met the level, after which a level only met would go unsaid)."""
    names = ("Employee relations", "Employment law", "Coaching managers", "Change management")
    competencies = tuple(f.competency(n + 1, name=names[n]) for n in range(count))
    competencies += (f.competency(9, name="Negotiation"),)
    screen = f.interview(6, "Recruiter call", "screen", f.interview().date)
    case = f.interview(7, "Case interview", "technical", datetime.date(2026, 6, 19))
    cards = (
        f.scorecard(11, interview_id=6, items=(f.item(1, "yes"),)),
        f.scorecard(
            12,
            interview_id=7,
            items=(*(f.item(n + 1, "yes") for n in range(count)), f.item(9, "no")),
        ),
    )
    note = compose(
        f.note_input(
            application_id=application_id,
            interviews=(screen, case),
            scorecards=cards,
            job_=f.job(competencies=competencies),
            decision_=f.decision("stronger_candidate"),
            stage_reached="Case interview",
        ),
        guard=f.no_findings,
    )
    return flat(note)


@pytest.mark.parametrize("application_id", range(101, 109))
def test_strengths_do_not_say_also_twice_in_a_row_nor_the_same_where(application_id):
    """ "Employee relations was at the level the role needs in the case interview on 17
    November. Employment law also came through at the level the role needs. Coaching managers
    also met the level the role needs in the case interview on 17 November.": "also" twice,
    and the same interview and day said again two sentences later."""
    text = at_the_bar_on_one_interview(3, application_id)  # phrasings vary with the id
    sentences = re.split(r"(?<=\.) ", text)
    names = ("Employee relations", "Employment law", "Coaching managers")
    strengths = [s for s in sentences if s.startswith(names)]
    assert len(strengths) == 3, text
    alsos = [" also " in s or " too" in s for s in strengths]
    assert not (alsos[1] and alsos[2]), strengths
    assert sum("19 June" in s for s in strengths) <= 1, strengths


LONG = (
    "In the chest pain scenario you went straight to the ECG before checking airway and "
    "breathing, and you did not say when you would call for the senior clinician, so the "
    "escalation threshold stayed unclear throughout."
)


def test_a_long_comment_that_is_the_only_word_on_a_gap_is_quoted_in_part():
    """A 213-character comment, the only thing an interviewer wrote on the gap, was left out
    whole: the note said only "rated well below the level the role needs". Its opening clause,
    a whole observation, is quoted, ending as a sentence."""
    assert len(LONG) > 200
    text = flat(rated("no", LONG))
    assert "went straight to the ECG before checking airway and breathing" in text, text
    assert "senior clinician.”" in text, text  # cut before ", so …", closed as a sentence
    assert "threshold stayed unclear" not in text, text


def test_a_long_comment_without_a_clause_to_cut_at_is_still_left_out():
    words = "you checked the airway late " * 9
    text = flat(rated("no", words.strip() + "."))
    assert "airway late" not in text, text


@pytest.mark.parametrize(
    ("name", "kind", "said"),
    [
        ("Aptitude test", "technical", "the aptitude test"),
        ("Scenario assessment", "onsite", "the scenario assessment"),
    ],
)
def test_common_interview_names_are_written_in_lower_case(name, kind, said):
    """ "the Aptitude test and the workshop day interview": one name in capitals and the other
    not, in the same sentence. Names of common kinds of step read as common nouns."""
    step = f.interview(7, name, kind)
    card = f.scorecard(items=(f.item(1, "no"),))
    note = compose(
        f.note_input(interviews=(step,), scorecards=(card,)),
        guard=f.no_findings,
    )
    text = flat(note)
    assert said in text, text
    assert name not in text, text


@pytest.mark.parametrize(
    ("comment", "kept"),
    [
        ("3 contresens sur 20 phrases (15 %), dont « consideration » rendu par « considération ».",
         "3 contresens sur 20 phrases"),
        ("Vous avez mélangé les deux registres dans la même clause.", "les deux registres"),
        ("Vous avez confondu garantie et caution dans la clause 4.", "garantie et caution"),
    ],
)  # fmt: skip
def test_a_french_gap_comment_naming_a_mistranslation_is_quoted(comment, kept):
    """ "3 contresens sur 20 phrases (15 %)…": the only word on the gap, left out because the
    shortfall words did not know "contresens" (nor "confondu", "mélangeait"), so the note said
    the gap as a level only."""
    text = flat(rated("no", comment, lang="fr"))
    assert kept in text, text


def test_no_mistranslation_is_praise_not_a_gap():
    text = flat(rated("no", "Aucun contresens sur le test, travail soigné.", lang="fr"))
    assert "Aucun contresens" not in text, text
