"""The protected-word lexicon that lets the second opinion block (guard_lexicon)."""

from __future__ import annotations

from heardback.feedback.engine import guard_lexicon
from heardback.feedback.engine.guard import check, verdict
from heardback.feedback.engine.guard_rules import fold


def _words(text: str, lang: str) -> list[tuple[str, str]]:
    return [(h.word, h.category) for h in guard_lexicon.hits(fold(text), lang)]


def test_nationalities_come_from_the_language_and_country_package_in_both_languages() -> None:
    assert ("romanian", "race_origin") in _words("A Romanian lad, from Moldova.", "en")
    assert ("moldova", "race_origin") in _words("A Romanian lad, from Moldova.", "en")
    # French adjectives are found in their feminine and plural forms.
    assert ("polonaise", "race_origin") in _words("Elle est polonaise.", "fr")
    assert ("tatouees", "appearance") in _words("Les mains tatouées.", "fr")


def test_a_first_name_or_a_verb_is_not_a_protected_word() -> None:
    assert _words("Bonjour Marie, merci.", "fr") == []
    assert _words("We need to polish the UI.", "en") == []


def test_a_word_of_the_lexicon_alone_flags_nothing() -> None:
    for text in ("Set up the men's mental health drop-in.", "Ran the antenatal classes."):
        assert verdict(check(text, context="note", second_opinion=True)) != "block", text


def test_coded_words_are_phrases_that_do_not_catch_everyday_work() -> None:
    # Bare "heavy", "weight", "condition", "past" or "the law" would block clean notes with a
    # pronoun nearby; the lexicon holds the phrases that name the person instead.
    for text in (
        "She lifted heavy loads all day in the warehouse without a single incident.",
        "He checked the condition of every vehicle before the shift.",
        "His past experience in logistics is a strong fit.",
        "She measured the weight of the ingredients precisely.",
        "Long answers at first, might be nerves, then much sharper on the case study.",
    ):
        assert verdict(check(text, context="note", second_opinion=True)) != "block", text
    assert ("lose weight", "appearance") in _words("He should lose weight first.", "en")
    assert ("demeles", "criminal_record") in _words("Des démêlés avec la justice.", "fr")


def test_english_words_match_their_plural_and_superlative() -> None:
    assert ("fellas", "sex_gender") in _words("Door staff need to be big fellas.", "en")
    assert ("oldest", "age") in _words("He'd be the oldest on the crew.", "en")
    text = "She'd be the oldest on the crew by far, the lads won't take orders from her."
    assert verdict(check(text, context="note", second_opinion=True)) == "block"


def test_a_town_given_as_where_someone_comes_from_is_their_origin() -> None:
    # Any town, not only the countries of the data package; said of the candidate, it blocks.
    for lang, text in (
        ("en", "Born in Karachi, he might struggle with our clients' humour."),
        ("en", "He comes from Mombasa, so the clients may not warm to him."),
        ("fr", "Née à Dakar, elle risque de mal comprendre nos clients."),
    ):
        assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "block"
    # A former employer after the same verbs, or a place on a delivery route, is not.
    for lang, text in (
        ("fr", "Elle vient de Renault, où elle gérait trois lignes de montage."),
        ("en", "She came from Deloitte, knows audits well."),
        ("en", "Drove the van from Leeds to Hull every morning."),
    ):
        assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "ok"


def test_after_vient_de_a_known_place_counts_where_a_company_name_does_not() -> None:
    # "Arrive de", "vient de" name a town or a former employer: pycountry's places tell them
    # apart when the model is not sure enough to read any name as origin.
    place = "Elle arrive de Conakry, elle ne connaît pas nos codes."
    company = "Elle arrive de Capgemini, elle ne connaît pas nos codes."
    assert verdict(check(place, lang="fr", context="note", second_opinion=True)) == "block"
    assert verdict(check(company, lang="fr", context="note", second_opinion=True)) == "ok"


def test_an_age_in_words_is_an_age_but_years_of_experience_are_not() -> None:
    for lang, text in (
        ("en", "At fifty-eight he's not going to pick up a new till system."),
        ("fr", "À cinquante-huit ans, il ne va pas apprendre une nouvelle caisse."),
    ):
        assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "block"
    for lang, text in (
        ("fr", "Il a vingt ans d'expérience en caisse et en réserve."),
        ("en", "Cut the waiting times at the counter by forty minutes."),
    ):
        assert verdict(check(text, lang=lang, context="note", second_opinion=True)) == "ok"


def test_a_french_symptom_verb_is_found_in_the_plural() -> None:
    assert ("tremblent", "disability_health") in _words("Ses mains tremblent.", "fr")
    # Only symptoms: an insult's forms must not make everyday verbs ("connaît").
    assert _words("Il connaît chaque locataire.", "fr") == []


def test_an_english_word_that_is_a_french_word_names_nothing_in_french() -> None:
    # Round 11: short French text runs both lexicons; "son schéma" is his schema, not a son.
    for text in (
        "Contraintes de clé étrangère absentes de son schéma.",
        "Une explication limpide de son modèle de données.",
    ):
        assert verdict(check(text, lang="fr", context="note", second_opinion=True)) == "ok"
    said = "Son fils est malade, elle sera souvent absente."
    assert verdict(check(said, lang="fr", context="note", second_opinion=True)) == "block"
