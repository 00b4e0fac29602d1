"""Round 15 of the English guard: remarks that hold no obvious protected word.

Families, not sentences: name-calling by metaphor (an animal, a food, a lump said of the
person), idioms on a body or a face, drink or drugs guessed from a symptom, a name or a way of
talking weighed for how clients will take it, time in the country, a bare age opening a
sentence, family hinted at (a grandparent on the school run, an engagement). Wider lexicon
families let the second opinion block such remarks when it scores them as remarks. And a few
sentences about a trade's own work that used to be blocked.
"""

from __future__ import annotations

import pytest

from heardback.feedback.engine.guard import check, verdict


def outcome(text: str, context: str = "note", second_opinion: bool = False) -> str:
    return verdict(check(text, lang="en", context=context, second_opinion=second_opinion))


# --- The rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A bare age opening a sentence.
        "44. Quiet. Fine on the scanner.",
        "Trial shift done. 66 and still wants the heavy lines, hmm.",
        "29, first job in a care home.",
        "Fifty-something, kept looking at the clock.",
        # Name-calling by metaphor.
        "Honestly a bit of a sloth on the walk-round.",
        "A proper little madam at the hotel desk.",
        "Stuck-up cow, talked down to the porters.",
        "What a wet weekend of a man.",
        # Idioms on a body or a face.
        "Built like a wardrobe, would scare the toddlers at the nursery gate.",
        "Looked like he'd been dragged through a hedge backwards.",
        # Drink or drugs guessed.
        "Red eyes and sweating, I wondered if it's the drink.",
        "Might be on something, couldn't keep still on the call.",
        "Likes a pint or six by all accounts.",
        "Shaky hands the whole time.",
        # A name or a voice weighed for the clients.
        "Her name might put some of the parents off.",
        "His surname's a right mouthful for the callers.",
        "Doesn't sound British, the older residents may struggle.",
        "Talks a bit strange, where's that from?",
        "Only moved to the country last spring.",
        "Been in the country a couple of years at most.",
        # Family hinted at.
        "Her nan does the school run, so it depends on her nan.",
        "Just got engaged, I'd expect a wedding and a baby soon.",
    ],
)
def test_a_remark_with_no_protected_word_is_blocked(text: str) -> None:
    assert outcome(text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "44 cages loaded before the break.",
        "Score: 51.",
        "10, 20 and 30 minute breaks on the rota.",
        "Sixty-odd calls handled in the trial hour.",
        "Put down slug pellets in the school's vegetable patch.",
        "Checked the dairy cow feed delivery against the order.",
        "Said the new trolleys are built like a tank.",
        "Ran the hotel's drinks service and the minibar stock.",
        "Hands shaking with the cold after an hour in the freezer, she still finished the count.",
        "Likes a tea before the early shift.",
        "The name badge printer jammed, so she wrote one by hand.",
        "Has lived in the country all her life and knows every lane on the taxi round.",
        "Kept the residents engaged through the whole afternoon quiz.",
        "Found a guest's ring on the floor and logged it with lost property.",
    ],
)
def test_the_same_words_about_the_work_are_not_blocked(text: str) -> None:
    assert outcome(text) != "block"


# --- The lexicon families the second opinion may block on -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A right misery guts, wouldn't want him on the phones.",
        "She's a bit of a slug, the wards would carry her.",
        "Bit of a boozer, I heard.",
        "Lives on the Parkside, so expect grief.",
    ],
)
def test_the_second_opinion_blocks_a_remark_in_a_wider_word_family(text: str) -> None:
    assert outcome(text, second_opinion=True) == "block"


# --- A trade's own work, no longer blocked --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Good at spotting shifty customers on the store CCTV.",
        "The two receptionists were thick as thieves, she said, and covered each other's shifts.",
        "Books the interpreter for callers whose first language is not English.",
        "Runs accent games with the year 2s in the phonics group.",
        "Ran the staff childcare voucher scheme at the council.",
        "Covered a maternity leave on the ward's admin desk.",
        "Three years on the GP surgery reception, mostly on the phones.",
    ],
)
def test_the_job_s_own_subject_matter_is_not_blocked(text: str) -> None:
    assert outcome(text, second_opinion=True) != "block"


def test_naming_styles_are_not_an_insult() -> None:
    assert outcome("Inconsistent naming across endpoints (snake and camel mixed).") != "block"


@pytest.mark.parametrize(
    "text",
    [
        "Bit of a whale, the loft hatch on site is tiny.",
        "Looks fresh off the plane, the regulars won't take to him.",
        "Seemed out of it, maybe taken something at lunch.",
        "She gets funny turns, apparently.",
        "Fainted twice at her last job, by all accounts.",
        "Up the duff, I reckon, she kept touching her belly.",
        "Clients won't want someone called that on the phone.",
        "From the wrong end of the estate, say no more.",
    ],
)
def test_the_second_opinion_blocks_euphemisms_in_the_same_families(text: str) -> None:
    assert outcome(text, second_opinion=True) == "block"


def test_a_board_game_is_not_an_insult() -> None:
    assert outcome("Plays snakes and ladders with the reception class for counting.") != "block"


def test_an_age_next_birthday_opening_a_sentence_is_blocked() -> None:
    assert outcome("Seventy next year and wants nights on the taxis?") == "block"


# --- Third batch: ages in digits, idioms of the mind, health through a body part ------------------


@pytest.mark.parametrize(
    "text",
    [
        "Knocking on 65. Keen though.",
        "She's pushing 50, so.",
        "61 going on 90.",
        "Coming to the end of her working life, really.",
        "A few bricks short, bless him.",
        "Off for a month with his nerves last year.",
        "Struggles with her knees, the site ladders worry me.",
        "She looked like she was in a lot of pain all interview.",
        "Complete cold fish on the ward round.",
    ],
)
def test_structures_from_the_third_batch_block(text: str) -> None:
    assert outcome(text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Pushing 60 cages an hour by the end of the trial.",
        "Brought the wait down from 45 to nearly 30 minutes.",
        "Lifted the boxes with her back straight, as trained.",
        "Restocked the cold fish counter and logged the temperatures.",
        "Helped a resident who said she was in pain and called the nurse straight away.",
    ],
)
def test_the_same_structures_about_the_work_are_not_blocked(text: str) -> None:
    assert outcome(text) != "block"


@pytest.mark.parametrize(
    "text",
    ["Wonky ankle, she said, so the stairs are a worry.", "Proper wet rag in the role play."],
)
def test_a_body_part_called_bad_or_a_limp_metaphor_blocks(text: str) -> None:
    assert outcome(text) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Oiled the dodgy back gate by the bins.",
        "Weak hand-over notes, needed prompting on the rota.",
    ],
)
def test_a_bad_part_of_a_building_or_a_task_does_not(text: str) -> None:
    assert outcome(text) != "block"


@pytest.mark.parametrize(
    "text",
    [
        "The guests won't understand a word with that brogue.",
        "The parents would hate that accent at the school gate, honestly.",
    ],
)
def test_people_reacting_to_a_trait_are_its_audience_not_its_topic(text: str) -> None:
    assert outcome(text, second_opinion=True) == "block"


@pytest.mark.parametrize(
    "text",
    [
        "Residents can't always hear the doorbell, so she tested the hearing loops.",
        "Callers who can't get through are offered a British Sign Language video line.",
    ],
)
def test_people_served_stay_the_topic_of_the_service(text: str) -> None:
    assert outcome(text, second_opinion=True) != "block"


@pytest.mark.parametrize(
    "text",
    [
        "Suggested lazy loading for the image gallery, which was the right call.",
        "Proposed dense retrieval for the help-centre search.",
        "Wired the dumb terminals on the shop floor to the new server.",
    ],
)
def test_a_technique_named_by_an_insult_word_is_not_said_of_the_person(text: str) -> None:
    # A sentence that opens on a verb reads as said of the candidate, and the second opinion's
    # bar with a person cue is low: the word must first be read as the technique's name.
    assert verdict(check(text, context="candidate", second_opinion=True)) != "block"
    assert verdict(check(text, context="note", second_opinion=True)) != "block"
