"""Words that name a protected characteristic, found in one pass over a text.

The lexicon (`guard_rules/sensitive.toml`) is not a set of rules: a word in it flags nothing by
itself ("the maternity unit", "a lesson on world religions", "wheelchair-accessible ramp" are
strengths). It tells the guard where the learned second opinion may *block*: when the model
scores a sentence as risky and the sentence holds one of these words that the subject analysis
(`guard_about`) does not read as the job's subject matter, the word names the category, the
reason and the rewrite of the block (see `guard._second_opinion`).

Country names (ISO 3166) and language names (ISO 639, which double as nationality adjectives:
"Polish", "polonaise") come from pycountry, a maintained data package (LGPL-2.1), with its
French translations for French.
"""

from __future__ import annotations

import gettext
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import ahocorasick

from heardback.feedback.engine.guard_rules import fold_phrase, key_text, lexicon


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon word at folded[start:end], and the category it names."""

    start: int
    end: int
    category: str
    word: str


# Language names that are everyday words in notes ("polish the UI"), the working languages
# themselves ("written English"), or too short to mean a language.
_NOT_LANGUAGES = frozenset(
    [
        "polish",
        "english",
        "french",
        "anglais",
        "francais",
        "afar",
        "cree",
        "ewe",
        "ido",
        "interlingua",
        "interlingue",
        "kannada",
        "manx",
        "pali",
        "sango",
        "tonga",
        "twi",
        "volapuk",
        "walloon",
        "chamorro",
        "bislama",
        "divehi",
        "herero",
        "kikuyu",
        "kuanyama",
        "ndonga",
        "avestan",
        "avaric",
    ]
)


@cache
def _data() -> dict[str, Any]:
    source = resources.files("heardback.feedback.engine.guard_rules").joinpath("sensitive.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def _languages(lang: str) -> list[str]:
    """ISO 639-1 language names (and their French translations for French)."""
    import pycountry

    fr = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    names = []
    for language in pycountry.languages:
        if not hasattr(language, "alpha_2") or "(" in language.name or ";" in language.name:
            continue
        names.append(fr.gettext(language.name) if lang == "fr" else language.name)
    words = [" ".join(key_text(fold_phrase(n)).split()) for n in names]
    return [w for w in words if len(w) >= 4 and w not in _NOT_LANGUAGES]


def _package(name: str, lang: str) -> list[str]:
    if name == "countries":
        return list(lexicon("countries", lang))
    if name == "languages":
        return _languages(lang)
    raise ValueError(f"sensitive.toml: unknown package {name!r}")


_FEMININE = (("ien", "ienne"), ("on", "onne"), ("el", "elle"), ("if", "ive"), ("eux", "euse"))


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Categories whose English words also match their plural and superlative forms ("fellas",
# "oldest"); leaks and vague verdicts are listed form by form ("ages" is not "age").
_INFLECTED = _set(
    "age sex_gender family race_origin religion disability_health orientation_identity"
    " trade_union political_opinion appearance neighbourhood criminal_record salary_history"
    " insult"
)


def _forms(word: str, lang: str, category: str = "") -> set[str]:
    """The word, and its inflections: in French its feminine and plural forms ("polonais" ->
    "polonaise"), in English a plural and, for a comparative, the superlative ("fella" ->
    "fellas", "older" -> "oldest")."""
    forms = {word}
    if lang == "fr" and category == "disability_health" and word.endswith("e") and len(word) > 4:
        # A symptom's verb in the plural and imperfect: "ses mains tremblent", "il begayait" is
        # listed; "begaie" -> "begaient". Only here: "conne" would give "connait".
        forms |= {word + "nt", word[:-1] + "ait", word[:-1] + "aient"}
    if lang != "fr":
        if category in _INFLECTED and " " not in word and not word.endswith(("*", "s")):
            if len(word) >= 4:
                forms.add(word + "s")
            if len(word) >= 5 and word.endswith("er"):
                forms.add(word[:-2] + "est")
        return forms
    if word.endswith("*") or len(word) <= 4:
        return forms  # short words are listed with their forms ("mari" must not give "marie")
    forms.add(word + "s")
    if not word.endswith("e"):
        forms |= {word + "e", word + "es"}
    for masculine, feminine in _FEMININE:
        if word.endswith(masculine):
            female = word[: -len(masculine)] + feminine
            forms |= {female, female + "s"}
    return forms


@cache
def _automaton(lang: str) -> Any:
    """An automaton over the key text: padded word -> (word, categories)."""
    data = _data()
    table: dict[str, list[str]] = {}

    def add(entry: str, category: str) -> None:
        prefix = entry.endswith("*")
        words = " ".join(key_text(fold_phrase(entry.rstrip("*"))).split())
        if not words:
            return
        key = " " + words + ("" if prefix else " ")
        categories = table.setdefault(key, [])
        if category not in categories:
            categories.append(category)

    for category, entries in data.get(lang, {}).items():
        for entry in entries:
            for form in _forms(fold_phrase(entry), lang, category):
                add(form, category)
    for category, packages in data.get("packages", {}).items():
        for package in packages:
            for name in _package(package, lang):
                add(name, category)
    automaton = ahocorasick.Automaton()
    for key, categories in table.items():
        automaton.add_word(key, (key, tuple(categories)))
    automaton.make_automaton()
    return automaton


# Where someone comes from, said with a verb of origin before a capitalised place name: any
# town or region, not only the countries pycountry lists ("grew up in Lagos", "née à Bamako").
# The place's capital letter is read in the original text. "Comes from", "vient de" also name
# a former employer ("vient de Renault"): those count only where the caller says so (the model
# is surer of the sentence, see guard.ORIGIN_SCORE).
_ORIGIN = {
    "en": r"grew up in|raised in|born in|born and raised in|hails from|originally from",
    "fr": r"originaire d(?:e |')|(?:née?|a grandi|grandi) (?:à|au|en) ",
}
_ORIGIN_OR_EMPLOYER = {
    "en": r"(?:comes|came|is|'s|moved here|moved over|arrived|(?:some|any)(?:one|body)|a (?:guy|lad"
    r"|girl|woman|man|bloke|lass|chap|fella|lady)|people|folk) from",
    "fr": r"(?:vient|venu|venue|arrive|arrivé|arrivée|issu|issue|quelqu'un|un gars|une fille"
    r"|un type|une femme|un homme|des gens) d(?:e |')",
}
_PLACE = r"(?:the )?([A-Z][\w'-]+)"


@cache
def _origin(lang: str, employer: bool) -> re.Pattern[str]:
    verbs = _ORIGIN[lang] + ("|" + _ORIGIN_OR_EMPLOYER[lang] if employer else "")
    space = " " if lang == "en" else ""
    return re.compile(rf"(?<![\w])(?i:{verbs}){space}{_PLACE}")


_NOT_PLACES = _set(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May"
    " June July August September October November December Lundi Mardi Mercredi Jeudi Vendredi"
    " Samedi Dimanche Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre"
    " Décembre The A An Le La Les Un Une"
)


@cache
def _places() -> frozenset[str]:
    """Names of countries and of their subdivisions (regions, provinces, cities with their own
    code: Kinshasa, Lagos, Dakar), lower case, from pycountry."""
    import pycountry

    names = {s.name for s in pycountry.subdivisions}
    names |= {c.name for c in pycountry.countries}
    return frozenset(n.casefold() for n in names)


def origin_hits(
    text: str,
    lang: str,
    low: int = 0,
    high: int | None = None,
    employer: bool = False,
    places: bool = False,
) -> list[Hit]:
    """Place names given as where someone comes from in text[low:high] (the original text,
    whose offsets the folded text keeps). After verbs that may name a former employer instead
    ("vient de"), a name counts with `employer`, or with `places` when the data package knows
    it as a place ("arrive de Kinshasa", not "vient de Renault")."""
    key = "fr" if lang == "fr" else "en"
    pattern = _origin(key, employer or places)
    sure = _origin(key, False) if places and not employer else None
    found = []
    for match in pattern.finditer(text, low, len(text) if high is None else high):
        name = match.group(1)
        ambiguous = sure is not None and not sure.fullmatch(match.group(0))
        if name in _NOT_PLACES or (ambiguous and name.casefold() not in _places()):
            continue
        start, end = match.span(1)
        found.append(Hit(start, end, "race_origin", text[start:end].lower()))
    return found


# An age in words, which the rules read only in digits: "at sixty-two she", "aged forty",
# "à soixante-deux ans", "elle a cinquante ans" (not "vingt ans d'expérience").
_TENS = {
    "en": "twenty|thirty|forty|fifty|sixty|seventy",
    "fr": "vingt|trente|quarante|cinquante|soixante",
}
_UNITS = {
    "en": "one|two|three|four|five|six|seven|eight|nine",
    "fr": "et un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    "|quinze|seize|dix sept|dix huit|dix neuf",
}
_AGE_IN_WORDS = {
    "en": re.compile(
        rf"(?<![a-z])(?:(?:at|aged|turned|turning|turns|nearly|almost)(?: the age of)? "
        rf"(?:{_TENS['en']})(?: (?:{_UNITS['en']}))?(?![a-z])(?! (?:percent|per cent|minutes|"
        rf"hours|days|weeks|months|miles|people|staff|pounds))"
        rf"|(?:{_TENS['en']})(?: (?:{_UNITS['en']}))? years? old)"
    ),
    "fr": re.compile(
        rf"(?<![a-z])(?:a|age de|agee de) (?:{_TENS['fr']})(?: (?:{_UNITS['fr']}))? ans"
        rf"(?! (?:d'|de |dans |a |au |en ))(?![a-z])"
    ),
}


def age_hits(folded: str, lang: str, low: int = 0, high: int | None = None) -> list[Hit]:
    """Ages written in words in folded[low:high]."""
    pattern = _AGE_IN_WORDS["fr" if lang == "fr" else "en"]
    found = pattern.finditer(folded, low, len(folded) if high is None else high)
    return [Hit(m.start(), m.end(), "age", m.group(0)) for m in found]


# Words of the English lexicon that are everyday French words with another meaning: short
# French text runs both lexicons, and "son schéma" (his schema), "la parole" (speech), "une
# unité", "ses convictions", "un camp", "une explication limpide" ("limp*"), "il retire"
# are not a son, parole, the Unite union, a conviction, camp manners, a limp or retirement.
_FRENCH_FALSE_FRIENDS = frozenset(
    [
        "son",
        "sons",
        "parole",
        "paroles",
        "unite",
        "unites",
        "conviction",
        "convictions",
        "camp",
        "camps",
        "limpide",
        "limpides",
        "limpidite",
        "retire",
        # "nan" (no), "dense", "engagement" (commitment) in French; English family words.
        "nan",
        "dense",
        "engagement",
    ]
)


def false_friend(hit: Hit, lang: str, langs: Sequence[str]) -> bool:
    """Whether `hit`, a word of `lang`'s lexicon, is a French word of another meaning in a
    text that French rules read too."""
    return lang == "en" and "fr" in langs and hit.word in _FRENCH_FALSE_FRIENDS


def hits(folded: str, lang: str, low: int = 0, high: int | None = None) -> list[Hit]:
    """The lexicon words of `lang` in folded[low:high], longest first at each position."""
    high = len(folded) if high is None else high
    words = key_text(folded[low:high])
    found: dict[int, Hit] = {}
    for last, (key, categories) in _automaton(lang).iter(words):
        # Position i of the key text is position i - 1 of the folded slice; a key starts with
        # the space before its word.
        start = low + last - len(key) + 1
        end = start + len(key.strip())
        while end < high and folded[end].isalnum():
            end += 1  # a prefix key ("pregnan") runs to the end of its word
        hit = Hit(start, end, categories[0], folded[start:end])
        if start not in found or end > found[start].end:
            found[start] = hit
    return [found[s] for s in sorted(found)]
