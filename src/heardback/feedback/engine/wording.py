"""Small language-aware pieces of a sentence: lists, dates, meetings, quotes."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from heardback.feedback.engine.phrasebook import Phrasebook, for_language
from heardback.feedback.engine.speech import language_of
from heardback.feedback.engine.types import Interview, Language

_STOPS: Final = (".", "!", "?", "…")
_TRAILING: Final = frozenset({"So", "Sk", "Cf"})  # emoji, symbols, joiners
# "de" becomes "d'" before these (not before "h" or "y": too many exceptions in job titles).
_ELIDING: Final = frozenset("aeiouàâäéèêëîïôöùûüœæ")


def join(items: Sequence[str], book: Phrasebook, repeat: str = "") -> str:
    """ "a", "a and b", "a, b and c" (no serial comma, in both languages).

    `repeat`: a preposition said again before each later item, as French wants it ("à
    l'entretien RH et à l'entretien technique").
    """
    if len(items) < 2:
        return "".join(items)
    if repeat:
        items = [items[0], *(f"{repeat} {item}" for item in items[1:])]
    return f"{', '.join(items[:-1])} {book.conjunction} {items[-1]}"


def of(text: str, book: Phrasebook) -> str:
    """ "de Ingénieur" is wrong in French: "d'Ingénieur"."""
    role = "of.elided" if text[:1].casefold() in _ELIDING else "of"
    return book.grammar(role).format(text=text)


def cap(text: str) -> str:
    """Upper-case the first letter only (a sentence may start with a placeholder)."""
    return text[:1].upper() + text[1:]


# Rubric texts come back for every note of a job: normalizing each once pays for the cache.
@lru_cache(maxsize=4096)
def tidy(text: str) -> str:
    """One line of text with single spaces."""
    return " ".join(text.split())


@lru_cache(maxsize=4096)
def clause(text: str) -> str:
    """A fragment ready to sit inside a sentence: tidy, without its final full stop."""
    return tidy(text).rstrip(" .")


@lru_cache(maxsize=4096)
def full_sentences(text: str) -> str:
    """Tidy text that ends like a sentence."""
    text = tidy(text)
    return text if not text or text.endswith(_STOPS) else f"{text}."


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«“\"(*])")


@lru_cache(maxsize=4096)
def sentences_of(text: str) -> tuple[str, ...]:
    """The sentences of `text`, each ending like a sentence."""
    text = full_sentences(text)
    return tuple(_SENTENCE_END.split(text)) if text else ()


@lru_cache(maxsize=4096)
def first_sentences(text: str, limit: int) -> str:
    """The first `limit` sentences of `text`, ending like a sentence."""
    sentences = _SENTENCE_END.split(full_sentences(text))
    return " ".join(sentences[:limit])


# Where a long comment may be cut and still say a whole thing: after a sentence, a semicolon,
# or before a clause joined by "and", "but", "so" ("et", "mais", "donc").
_CUT: Final = re.compile(r"(?<=[.!?;])\s+|,\s+(?=(?:and|but|so|et|mais|donc)\s)", re.I)
_SHORTEST_CUT: Final = 40  # less than this would quote a fragment, not an observation


@lru_cache(maxsize=4096)
def shortened(text: str, limit: int) -> str | None:
    """`text` when it fits `limit`, else its longest opening that ends a sentence or a clause
    and fits, as a sentence ("…before checking airway and breathing, and you did not say…"
    -> "…before checking airway and breathing."); None when there is no such cut."""
    if len(text) <= limit:
        return text
    cuts = [m.start() for m in _CUT.finditer(text) if _SHORTEST_CUT <= m.start() <= limit - 1]
    if not cuts:
        return None
    return full_sentences(text[: cuts[-1]].rstrip(" ,;"))


def quoted(text: str, book: Phrasebook) -> str:
    """A tidy comment in the language's quotation marks, closing the sentence it ends.

    A trailing emoji or symbol is left out ("at ease! 🙂" would end as "🙂”."): a letter
    quotes the words.
    """
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) in _TRAILING):
        end -= 1
    text = text[:end] or text
    role = "quoted" if text.endswith(_STOPS) else "quoted.stop"
    return book.grammar(role).format(text=text)


def _day(date: datetime.date, book: Phrasebook) -> str:
    return book.first_day if date.day == 1 else str(date.day)


def _month(date: datetime.date, book: Phrasebook, year: int) -> str:
    """ "June"; "June 2025" when that is not `year` (the year of the decision)."""
    month = book.months[date.month - 1]
    return month if date.year == year else f"{month} {date.year}"


def date_text(date: datetime.date, book: Phrasebook, year: int) -> str:
    """ "12 June", "1er juin", "30 December 2025"."""
    return book.grammar("date").format(day=_day(date, book), month=_month(date, book, year))


def dates_phrase(dates: Sequence[datetime.date], book: Phrasebook, year: int) -> str:
    """ "on 12 June", "on 12 and 14 June", "on 30 June and 2 July"; "le 12 juin", …"""
    return _dates_phrase(tuple(dates), book.language, year)


# Interview dates repeat across the notes of a hiring round: each phrase is written once.
@lru_cache(maxsize=4096)
def _dates_phrase(dates: tuple[datetime.date, ...], language: Language, year: int) -> str:
    book = for_language(language)
    days = sorted(set(dates))
    if len(days) == 1:
        return book.grammar("dates.one").format(date=date_text(days[0], book, year))
    first, last = days[0], days[-1]
    if (first.year, first.month) == (last.year, last.month):
        return book.grammar("dates.same_month").format(
            days=join([_day(d, book) for d in days], book),
            month=_month(last, book, year),
        )
    item = book.grammar("dates.list.item")
    listed = [item.format(date=date_text(d, book, year)) for d in days]
    return book.grammar("dates.list").format(dates=join(listed, book))


def span_phrase(first: datetime.date, last: datetime.date, book: Phrasebook, year: int) -> str:
    """ "on 14 June", "between 3 and 14 June", "du 30 juin au 2 juillet"."""
    return _span_phrase(first, last, book.language, year)


@lru_cache(maxsize=4096)
def _span_phrase(first: datetime.date, last: datetime.date, language: Language, year: int) -> str:
    book = for_language(language)
    if first == last:
        return book.grammar("span.same_day").format(date=date_text(first, book, year))
    if (first.year, first.month) == (last.year, last.month):
        return book.grammar("span.same_month").format(
            day=_day(first, book), last=date_text(last, book, year)
        )
    return book.grammar("span").format(
        first=date_text(first, book, year), last=date_text(last, book, year)
    )


def add_months(date: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after `date`'s month."""
    index = date.year * 12 + date.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_year(date: datetime.date, book: Phrasebook) -> str:
    """ "January 2027", "janvier 2027"."""
    return book.grammar("month_year").format(month=book.months[date.month - 1], year=date.year)


def meeting(interview: Interview, book: Phrasebook) -> str:
    """ "the System design interview", "l'entretien « Conception technique »"."""
    return _meeting(interview.name, interview.kind, book.language)


# Kinds whose own noun is no interview ("exercise", "session"): an activity name keeps it.
_NOT_INTERVIEWS: Final = ("take_home", "other")


def is_activity(interview: Interview, book: Phrasebook) -> bool:
    """Whether `interview` was a step other than an interview: a take-home, a trial lesson, or
    one named as an activity ("Assessment day", "Site walk") whatever its kind."""
    if interview.kind in _NOT_INTERVIEWS:
        return True
    words = tidy(interview.name).casefold().split()
    if not words:
        return False
    other = for_language("fr" if book.language == "en" else "en")
    return _activity_name(words, book) or _activity_name(words, other)


def _activity_name(words: list[str], book: Phrasebook) -> bool:
    """ "assessment day", "journée d'essai", "poste d'essai": an activity by its name."""
    if words[book.meeting_word_at] in book.activity_words:
        return True
    # « Poste d'essai », « Service à l'essai »: a trial, whatever it opens on.
    return book.language == "fr" and any(w in ("d'essai", "d’essai", "l'essai") for w in words)


def _in_another_language(words: list[str], name: str, book: Phrasebook) -> bool:
    if language_of(name) not in ("", book.language):
        return True
    other = for_language("fr" if book.language == "en" else "en")
    own_word = words[book.meeting_word_at] in book.meeting_words
    theirs = words[other.meeting_word_at]
    return not own_word and (theirs in other.meeting_words or theirs in other.activity_words)


@lru_cache(maxsize=4096)
def _meeting(name: str, kind: str, language: Language) -> str:
    book = for_language(language)
    name = _unshouted(tidy(name))
    noun = book.kind_nouns.get(kind, book.kind_nouns["other"])
    words = name.casefold().split()
    if not words:
        return book.grammar("meeting.unnamed").format(noun=noun)
    if _in_another_language(words, name, book):
        # Not "the Entretien avec le chef conversation": a name in another language than the
        # note's is quoted, as the name the candidate knows the meeting by; an activity in it,
        # or a name that says its own kind, is a step (« l'étape « Trial shift » », "the
        # “Entretien téléphonique” step", not « l'entretien « Technical interview » »).
        other = for_language("fr" if language == "en" else "en")
        names_its_kind = words[other.meeting_word_at] in other.meeting_words
        if kind not in _NOT_INTERVIEWS and (names_its_kind or _activity_name(words, other)):
            noun = book.kind_nouns["other"]
        noun = _unless_named(noun, words, book)
        return book.grammar("meeting.foreign").format(name=name, noun=noun)
    head = words[book.meeting_word_at]
    if _activity_name(words, book) and head not in book.meeting_words:
        # An activity is no interview: "the assessment day", « l'étape « Journée d'essai » »
        # (a take-home keeps its own word: « l'exercice « Test de traduction » »).
        if kind not in _NOT_INTERVIEWS:
            noun = book.kind_nouns["other"]
        if language == "fr":
            noun = _unless_named(noun, words, book)
            return book.grammar("meeting").format(name=name, noun=noun)
    if language == "en":
        name = _as_common_noun(name)
    if head in book.meeting_words or _activity_name(words, book):
        return book.grammar("meeting.named").format(name=name, name_lc=name[:1].lower() + name[1:])
    return book.grammar("meeting").format(name=name, noun=_unless_named(noun, words, book))


# A French name that holds a word for a kind of meeting, in either language (« Revue de
# l'exercice à la maison », « Debrief de l'entretien », "Drafting exercise").
_KIND_WORDS_FR: Final = frozenset(
    {"exercice", "exercices", "entretien", "entretiens", "exercise", "exercises", "interview",
     "interviews"}
)  # fmt: skip


def _unless_named(noun: str, words: list[str], book: Phrasebook) -> str:
    """The noun for the meeting, or the neutral « étape » when the French name already holds a
    kind's word: not « l'exercice « Revue de l'exercice à la maison » »."""
    if book.language != "fr" or noun == book.kind_nouns["other"]:
        return noun
    for word in words:
        bare = re.sub(r"^[dl][’']", "", word.strip('.,;:!?()«»"“”'))
        if bare in _KIND_WORDS_FR:
            return book.kind_nouns["other"]
    return noun


# Words that open an English interview name as a common noun ("Final interview", "Phone
# screen"): such a name, typed in sentence case, is written in lower case mid-sentence ("in the
# final interview"). A first word not listed may be a name ("Python interview", "Berlin
# onsite") and is left as typed.
_COMMON_OPENERS: Final = frozenset(
    {
        "phone", "video", "call", "final", "first", "second", "third", "initial", "intro",
        "introductory", "recruiter", "recruiting", "hiring", "manager", "technical", "tech",
        "onsite", "on-site", "site", "assessment", "practical", "trial", "take-home", "home",
        "research", "clinical", "system", "systems", "design", "coding", "live", "pairing",
        "pair", "whiteboard", "case", "role", "work", "skills", "screening", "screen",
        "culture", "values", "team", "peer", "panel", "group", "leadership", "behavioural",
        "behavioral", "competency", "portfolio", "presentation", "product", "data", "pipeline",
        "architecture", "road", "floor", "store", "workshop", "demo", "teaching", "lesson",
        "follow-up", "written", "exercise", "mock", "customer", "sales", "service", "shadow",
        "shadowing", "interview", "conversation", "chat", "meeting", "debrief", "executive",
        "director", "department", "kitchen", "ward", "shift", "safety", "driving",
        "aptitude", "scenario", "simulation", "numeracy", "literacy", "ability", "situational",
        "psychometric", "translation", "writing", "reference", "motivation", "simulator",
        "crane", "machine", "forklift", "lab", "laboratory", "bench", "roof", "object",
        "objects", "collection", "collections", "cellar", "wine", "table", "tower", "radar",
        "field", "yard", "stock", "classroom", "nursery", "chairside", "bedside", "dealing",
        "cook-off", "bake-off",
    }
)  # fmt: skip


# Short words of a name typed in capitals that are words, not acronyms ("VISITE DE CHANTIER").
_SMALL_WORDS: Final = frozenset(
    {"a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with", "day",
     "à", "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les", "l'", "d'", "sur",
     "par", "pour", "avec"}
)  # fmt: skip


def _unshouted(name: str) -> str:
    """ "SIMULATOR EXERCISE" -> "Simulator exercise", "ENTRETIEN AVEC LA PMI" -> "Entretien
    avec la PMI": a name typed in capitals reads as shouted mid-sentence; its short words that
    are no known word ("PMI", "HR") stay acronyms. "HR screen", "SQL" are left as typed."""
    words = name.split()
    if len(words) < 2 or name != name.upper() or not any(len(w) > 4 for w in words):
        return name
    kept = [
        w if len(w) <= 4 and w.casefold() not in _SMALL_WORDS and w.isalpha() else w.lower()
        for w in words
    ]
    first = kept[0]
    kept[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(kept)


def _as_common_noun(name: str) -> str:
    """ "Final interview" -> "final interview", "Dealing audition" -> "dealing audition";
    "Python interview", "SQL screen" as typed."""
    first, _, rest = name.partition(" ")
    common = first.casefold() in _COMMON_OPENERS or _common_word(first.casefold())
    if not common or rest != rest.lower():
        return name
    if first[:1].isupper() and first[1:] == first[1:].lower():
        return name[:1].lower() + name[1:]
    return name


# Endings of English words that are no names: "Dealing audition", "Chairside assessment",
# "Object handling test" (-ing forms, -side, -tion). A name ("Python", "Berlin") has none.
_COMMON_ENDINGS: Final = ("ing", "side", "tion", "ment")


def _common_word(word: str) -> bool:
    return len(word) > 5 and word.isalpha() and word.endswith(_COMMON_ENDINGS)


# Words that end the head of a competency's name: "Dealing | with court users".
_HEAD_ENDS: Final = frozenset({"with", "in", "of", "for", "on", "at", "to", "under", "and", "&"})


def reads_plural(name: str) -> bool:
    """Whether an English competency name may take a plural verb ("Controlled drugs procedures",
    "Communication skills"): its head ends on a plural-looking noun and does not open on an -ing
    form ("Recording court results"). A guess that only steers a sentence away from "was"."""
    words = tidy(name).casefold().split()
    if not words or words[0].endswith("ing"):
        return False
    head = []
    for word in words:
        if word in _HEAD_ENDS:
            break
        head.append(word.strip("()"))
    last = head[-1] if head else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))
