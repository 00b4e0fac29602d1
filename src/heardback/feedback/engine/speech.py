"""What an interviewer or a rubric wrote, made fit for a letter to "you" (or honestly left out).

- `plain`: markup removed (markdown emphasis, code, links, HTML tags, list and quote marks).
- `language_of`: a cheap guess from stopword counts: a French note does not quote English.
- `addressed`: an interviewer's comment about the candidate, in the second person, when a
  simple and conservative rewrite makes it so; None when it cannot be done safely.
- `role_needs`: a rubric descriptor ("you explained your reasoning clearly") as what the role
  needs ("explain their reasoning clearly"), never as something the candidate did; None when
  the clause cannot be rewritten safely.
- `without_activity`, `activities`: a rubric text without the phrases that place it in an
  activity ("during the road test"), and the activities it still names.
- `stage_words`: what an explanation takes for granted (an exercise, several interviews, a
  final round), so that one that does not fit the application is not used.
- `praises`, `names_shortfall`, `contact_details`: comments not to quote under a gap (praise),
  what fell short, and never a comment with contact details.

Everything here is cached by its text: the same comments and descriptors come back often.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

# --- markup ------------------------------------------------------------------------------------

_LINK: Final = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG: Final = re.compile(r"</?[A-Za-z][^<>]*>")
_UNSEEN: Final = re.compile(r"(?is)<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->")
_EMPHASIS: Final = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORE: Final = re.compile(r"(?<![\w])_(?=\S)(.+?)(?<=\S)_(?![\w])")
_LINE_MARK: Final = re.compile(r"(?m)^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)")
_HEADING: Final = re.compile(r"^\s*#{1,6}\s")
_ITEM: Final = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
_ENTITIES: Final = {
    "&amp;": "&",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&#39;": "'",
    "&nbsp;": " ",
}


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    """The text as a reader sees it, without markup: "**Very** clear" -> "Very clear"."""
    if not any(mark in text for mark in "*_`[<#>&") and "\n" not in text:
        return text
    if "\n" in text:
        text = _lines(text)
    text = _LINE_MARK.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", _UNSEEN.sub("", text))  # what a browser would not show, left out too
    for _ in range(2):  # **bold *in* bold**
        text = _EMPHASIS.sub(r"\2", text)
    text = _UNDERSCORE.sub(r"\1", text)
    for entity, char in _ENTITIES.items():
        text = text.replace(entity, char)
    return " ".join(text.split())


def _lines(text: str) -> str:
    """Headings left out (a label, not words to quote: "### Summary"), and list items kept
    apart once joined: "- missed the interaction\n- unsure of the dose" -> "missed the
    interaction; unsure of the dose", not one run-on sentence."""
    lines = [line for line in text.splitlines() if line.strip() and not _HEADING.match(line)]
    for n, line in enumerate(lines[:-1]):
        if _ITEM.match(line) and not line.rstrip().endswith((".", ";", ":", ",", "!", "?")):
            lines[n] = line.rstrip() + ";"
    return "\n".join(lines)


# --- language ----------------------------------------------------------------------------------

_STOPWORDS: Final = {
    "en": frozenset(
        [
            "the",
            "a",
            "an",
            "and",
            "or",
            "but",
            "of",
            "to",
            "in",
            "on",
            "at",
            "for",
            "with",
            "by",
            "from",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "it",
            "this",
            "that",
            "these",
            "those",
            "he",
            "she",
            "they",
            "we",
            "you",
            "his",
            "her",
            "their",
            "our",
            "your",
            "not",
            "no",
            "very",
            "well",
            "when",
            "what",
            "which",
            "who",
            "how",
            "has",
            "have",
            "had",
            "did",
            "does",
            "do",
            "as",
            "into",
            "about",
            "than",
            "then",
            "there",
            "so",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "un",
            "une",
            "des",
            "du",
            "de",
            "d",
            "l",
            "et",
            "ou",
            "mais",
            "à",
            "au",
            "aux",
            "en",
            "dans",
            "sur",
            "pour",
            "par",
            "avec",
            "sans",
            "est",
            "sont",
            "était",
            "a",
            "ont",
            "été",
            "il",
            "elle",
            "ils",
            "elles",
            "nous",
            "vous",
            "son",
            "sa",
            "ses",
            "leur",
            "leurs",
            "ce",
            "cette",
            "ces",
            "qui",
            "que",
            "qu",
            "ne",
            "pas",
            "plus",
            "très",
            "bien",
            "quand",
            "comme",
            "se",
            "s",
            "y",
            "on",
            "n",
            "c",
            "j",
            "m",
        ]
    ),
}
_TOKEN: Final = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=8192)
def language_of(text: str) -> str:
    """ "en", "fr", or "" when the text is too short or too mixed to tell."""
    words = [w.casefold() for w in _TOKEN.findall(text.replace("’", "'"))]
    if len(words) < 3:
        return ""
    en = sum(w in _STOPWORDS["en"] or w.endswith(("ing", "ed", "ly")) for w in words)
    fr = sum(w in _STOPWORDS["fr"] or w.endswith(("é", "ée", "és", "ment")) for w in words)
    if any(ch in text for ch in "éèêàùçâîôûœ"):
        fr += 1
    if en == fr:
        return ""
    return "en" if en > fr else "fr"


def fits_language(text: str, language: str) -> bool:
    """True unless the text reads as another language than `language`."""
    guessed = language_of(text)
    return guessed in ("", language)


# --- a comment, addressed to the candidate -------------------------------------------------------

# Third-person forms after he/she/they or the candidate's name, and their second person.
_EN_VERBS: Final = {
    "is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
    "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't", "are": "are",
    "were": "were", "have": "have", "do": "do", "can": "can", "could": "could",
    "would": "would", "will": "will", "should": "should", "did": "did", "didn't": "didn't",
}  # fmt: skip
_EN_OBJECT: Final = {
    "his": "your", "him": "you", "himself": "yourself", "herself": "yourself",
    "themselves": "yourself", "themself": "yourself",
}  # fmt: skip
_EN_SUBJECTS: Final = frozenset({"he", "she", "they"})
_EN_AMBIGUOUS: Final = frozenset({"her", "hers", "their", "theirs", "them", "he", "she", "they"})

_FR_VERBS: Final = {
    "a": "avez", "avait": "aviez", "est": "êtes", "était": "étiez", "sait": "savez",
    "savait": "saviez", "peut": "pouvez", "pouvait": "pouviez", "fait": "faites",
    "faisait": "faisiez", "n'a": "n'avez", "n'est": "n'êtes", "ne": "ne",
}  # fmt: skip
_FR_OBJECT: Final = {"ses": "vos"}
_FR_AMBIGUOUS: Final = frozenset(
    {"il", "elle", "lui", "son", "sa", "leur", "leurs", "ils", "elles"}
)
_WORDS: Final = re.compile(r"\S+")
_EN_PAST: Final = re.compile(r"^[a-z]+ed$")
_EN_IRREGULAR_PAST: Final = frozenset(
    [
        "wrote",
        "drew",
        "built",
        "made",
        "found",
        "gave",
        "took",
        "led",
        "kept",
        "thought",
        "brought",
        "chose",
        "knew",
        "saw",
        "spoke",
        "understood",
        "ran",
        "got",
        "showed",
        "held",
        "caught",
        "went",
        "told",
        "came",
        "set",
        "put",
        "began",
    ]
)


@lru_cache(maxsize=8192)
def addressed(text: str, language: str, first_name: str, last_name: str) -> str | None:
    """The comment as something said to the candidate, starting lower-case, or None.

    "She explained the trade-offs." -> "you explained the trade-offs."; "Asked sharp
    questions." -> "you asked sharp questions."; "Priya's design was clear." -> "your design
    was clear."; a comment that already says "you" gives None (it is quoted as written).
    Anything ambiguous ("her", a
    "they" that may be others, a verb we cannot put in the second person) gives None.
    """
    words = text.split()
    if not words or _INNER_STOP.search(text.strip()):
        return None  # one sentence only: the rewrite looks at its subject
    if _speaks_of_self(words, language):
        return None  # "… when I pointed at it": in our letter, "I" would be the recruiter
    names = _names(first_name, last_name)
    if len(words) > 1 and words[0].casefold() in _ARTICLES and _bare(words[1]) in _ROLE_NOUNS:
        words = words[1:]  # "The candidate explained …": the subject is the noun
    if language == "fr":
        return _addressed_fr(words, names)
    return _addressed_en(words, names)


_INNER_STOP: Final = re.compile(r"[.!?;]\s+\S")
_FIRST_PERSON: Final = {
    "en": frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"}),
    "fr": frozenset({"je", "me", "moi", "mon", "ma", "mes", "moi-même"}),
}


def _speaks_of_self(words: list[str], language: str) -> bool:
    """True when the writer speaks of themselves in the singular ("I", "my", "je", "j'ai")."""
    mine = _FIRST_PERSON["fr" if language == "fr" else "en"]
    for word in words:
        bare = _bare(word).replace("’", "'")
        if bare in mine or (language == "fr" and bare.startswith(("j'", "m'"))):
            return True
    return False


# How an interviewer may name the person without a name: "The candidate explained …".
_ROLE_NOUNS: Final = frozenset(
    {"candidate", "applicant", "candidat", "candidat·e", "candidat.e", "candidat(e)"}
)
_ARTICLES: Final = frozenset({"the", "le", "la"})


def _names(first_name: str, last_name: str) -> set[str]:
    """The candidate's names as an interviewer may type them: "Zoë" also as "Zoe", "O’Neil"
    also as "O'Neil" (and the other way round)."""
    names = set(_ROLE_NOUNS)
    for name in (first_name, last_name):
        name = name.casefold()
        if name:
            for spelling in (name, _without_accents(name)):
                names |= {spelling, spelling.replace("’", "'"), spelling.replace("'", "’")}
    return names


def _without_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def third_person(text: str, language: str, first_name: str, last_name: str) -> bool:
    """True when the text speaks of the candidate as he, she, they or by name."""
    names = _names(first_name, last_name)
    pronouns = _FR_AMBIGUOUS if language == "fr" else (_EN_AMBIGUOUS | set(_EN_OBJECT))
    words = text.split()
    for n, word in enumerate(words):
        bare = _bare(word)
        if bare == "them" and language != "fr" and _them_of_things(words, n):
            continue
        if bare in pronouns or bare in names:
            return True
        if bare.removesuffix("'s").removesuffix("’s") in names:
            return True
    return False


def _them_of_things(words: list[str], n: int) -> bool:
    """Whether the "them" at `n` goes back to things or people named before it in the plural
    ("Let tickets pile up without calling them."), in a comment with no other "he", "she",
    "they" or "their" that could be the candidate."""
    before = [_bare(w) for w in words[:n]]
    if any(_bare(w) in _EN_AMBIGUOUS - {"them"} for w in words):
        return False
    return any(
        len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))
        and w not in _EN_VERBS and w not in _EN_OBJECT
        for w in before[1:]  # the first word may be a verb ("Keeps …")
    )  # fmt: skip


def _bare(word: str) -> str:
    return word.casefold().strip(".,;:!?\"'“”()")


def _addressed_en(words: list[str], names: set[str]) -> str | None:
    lowered = [_bare(w) for w in words]
    if "you" in lowered or "your" in lowered:
        return None  # already written to the candidate: quoted as it is, or not at all
    head = lowered[0]
    if head in names or head.removesuffix("'s") in names or head.removesuffix("’s") in names:
        if head.endswith(("'s", "’s")):  # "Priya's design was clear"
            out = ["your", *words[1:]]
            return _finish_en(out, lowered, names, 1)
        subject = True
    elif head in _EN_SUBJECTS:
        subject = True
    else:
        subject = False
    if subject:
        if len(words) < 2:
            return None
        verb = lowered[1]
        if verb in _EN_VERBS:
            second = _EN_VERBS[verb]
        elif _EN_PAST.match(verb) or verb in _EN_IRREGULAR_PAST or head == "they":
            second = verb
        elif verb.endswith("ies") and len(verb) > 4:
            second = verb[:-3] + "y"
        elif verb.endswith(("ches", "shes", "sses", "xes", "zes")):
            second = verb[:-2]
        elif verb.endswith("s") and not verb.endswith("ss"):
            second = verb[:-1]
        else:
            return None
        out = ["you", _keep_trailing(words[1], second), *words[2:]]
        return _finish_en(out, lowered, names, 2, present=second != verb and verb not in _EN_VERBS)
    # No subject: "Asked sharp clarifying questions before designing anything."
    if _EN_PAST.match(head) or head in _EN_IRREGULAR_PAST:
        out = ["you", _lower_first(words[0]), *words[1:]]
        return _finish_en(out, lowered, names, 1, offset=1)
    return None


def _finish_en(
    out: list[str],
    lowered: list[str],
    names: set[str],
    done: int,
    *,
    offset: int = 0,
    present: bool = False,
) -> str | None:
    """Rewrite the rest of the words (his -> your, a second verb of the same subject: "and
    has" -> "and have"); None on anything ambiguous. `present`: the first verb was a present
    "-s" form, so a second one ("knows … and knows") cannot be told from a noun ("and tests")."""
    for n in range(done + offset, len(out)):
        word = _bare(out[n])
        if word == "them" and _them_of_things(out, n):
            continue
        if word in _EN_AMBIGUOUS or word in names or word.removesuffix("'s") in names:
            return None
        if word in _EN_OBJECT:
            out[n] = _keep_trailing(out[n], _EN_OBJECT[word])
        elif _after_coordinator(out, n, _EN_COORDINATORS):
            if word in _EN_VERBS:
                out[n] = _keep_trailing(out[n], _EN_VERBS[word])
            elif present and word.endswith("s") and not word.endswith("ss"):
                return None
    return " ".join(out)


_EN_COORDINATORS: Final = frozenset({"and", "but", "or", "yet", "then", "so"})
_FR_COORDINATORS: Final = frozenset({"et", "mais", "puis", "ou", "ne"})


def _after_coordinator(words: list[str], n: int, coordinators: frozenset[str]) -> bool:
    """True when words[n] opens a clause that goes on with the same subject: "… but has",
    "…, mais n'a", "… et ne sait"."""
    before = words[n - 1]
    return _bare(before) in coordinators or before.endswith(",")


def _addressed_fr(words: list[str], names: set[str]) -> str | None:
    lowered = [_bare(w) for w in words]
    if "vous" in lowered or "votre" in lowered or "vos" in lowered:
        return None  # already written to the candidate: quoted as it is, or not at all
    head = lowered[0]
    if head in names or head in ("il", "elle"):
        rest = words[1:]
        rest_lowered = lowered[1:]
    else:
        rest, rest_lowered = words, lowered
    if not rest:
        return None
    verb = rest_lowered[0]
    if verb in _FR_VERBS and verb != "ne":
        out = ["vous", _keep_trailing(rest[0], _FR_VERBS[verb]), *rest[1:]]
    elif verb == "ne" and len(rest) > 1 and rest_lowered[1] in _FR_VERBS:
        out = ["vous", "ne", _keep_trailing(rest[1], _FR_VERBS[rest_lowered[1]]), *rest[2:]]
    else:
        return None
    if out[1].casefold().startswith("êtes") or out[1].casefold().startswith("étiez"):
        # "est arrivée": a participle that agrees with a gender we do not know
        return None
    for n in range(2, len(out)):
        word = _bare(out[n])
        if word in _FR_AMBIGUOUS or word in names:
            return None
        if word in _FR_OBJECT:
            out[n] = _keep_trailing(out[n], _FR_OBJECT[word])
        elif word in _FR_VERBS and word != "ne" and _after_coordinator(out, n, _FR_COORDINATORS):
            # "…, mais n'a pas hiérarchisé": the same subject, so the same person
            if word.startswith(("est", "était", "n'est")):
                return None  # a participle that agrees with a gender we do not know
            out[n] = _keep_trailing(out[n], _FR_VERBS[word])
    return " ".join(out)


def _keep_trailing(original: str, replacement: str) -> str:
    """The replacement word with the original's trailing punctuation."""
    stripped = original.rstrip(".,;:!?\"'”)")
    return replacement + original[len(stripped) :]


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():  # an acronym: "API design was…"
        return text
    return text[:1].lower() + text[1:]


# --- a descriptor, as what the role needs --------------------------------------------------------

_EN_LEMMA: Final = {
    "wrote": "write", "drew": "draw", "built": "build", "made": "make", "found": "find",
    "gave": "give", "took": "take", "led": "lead", "kept": "keep", "thought": "think",
    "brought": "bring", "chose": "choose", "knew": "know", "saw": "see", "spoke": "speak",
    "understood": "understand", "ran": "run", "got": "get", "held": "hold", "told": "tell",
    "set": "set", "put": "put", "began": "begin", "were": "be", "was": "be", "are": "be",
    "had": "have", "has": "have", "did": "do", "showed": "show", "shown": "show",
    "taught": "teach", "sought": "seek", "met": "meet", "read": "read", "became": "become",
    "broke": "break", "won": "win", "added": "add", "focused": "focus", "developed": "develop",
    "modeled": "model", "modelled": "model", "labelled": "label", "travelled": "travel",
    "controlled": "control", "created": "create", "guided": "guide", "scoped": "scope",
    "hoped": "hope", "explored": "explore", "ignored": "ignore", "stored": "store",
    "restored": "restore", "scored": "score", "limited": "limit", "edited": "edit",
    "visited": "visit", "audited": "audit", "invited": "invite", "cited": "cite",
    "united": "unite", "abandoned": "abandon", "pivoted": "pivot", "piloted": "pilot",
    "belonged": "belong", "opened": "open", "listened": "listen", "happened": "happen",
    "embedded": "embed", "padded": "pad", "biased": "bias",
}  # fmt: skip
_VOWELS: Final = frozenset("aeiouy")


@lru_cache(maxsize=4096)
def _en_lemma(word: str) -> str | None:
    """The base form of a verb in the past tense, or None if `word` does not look like one."""
    if word in _EN_LEMMA:
        return _EN_LEMMA[word]
    if not word.endswith("ed") or len(word) < 4 or "-" in word:
        return None
    if word.endswith("ied"):
        return word[:-3] + "y"
    if word.endswith("eed"):
        return word[:-1]
    stem = word[:-2]
    last, before = stem[-1], stem[-2]
    if last == before and last not in "lsfz" and last not in _VOWELS:
        return stem[:-1]  # planned -> plan
    if last in "vcz" or (last == "u"):
        return stem + "e"  # solved, reduced, argued
    if last == "s":
        return stem if before == "s" else stem + "e"  # passed; used, parsed
    if last == "g":
        return (
            stem + "e"
            if before in "ae" or (before == "n" and stem[-3:-2] in ("a", "e"))
            else (stem if before == "n" else stem + "e")
        )
    ending = stem[-2:]
    consonant_before = len(stem) > 2 and stem[-3] not in _VOWELS
    if ending == "at":
        # negotiated, created, evaluated -> -ate; seated, treated, floated keep their stem
        return stem if stem.endswith(("eat", "oat")) else stem + "e"
    if ending in ("ut", "id", "ud", "in", "un", "ib", "ok", "ak", "ik", "ar", "ir", "ur"):
        return stem + "e" if consonant_before else stem
    if ending in ("ot", "ap", "ip", "yp", "am", "im", "om", "um", "ab", "ob", "ub", "ad", "od"):
        return stem + "e" if consonant_before else stem
    if ending in ("il", "al", "ol", "ul") and consonant_before:
        return stem + "e"
    if last == "l" and before not in _VOWELS and before not in "lr":
        return stem + "e"  # handled, tackled
    if ending == "et" and stem[-3:-2] in ("l", "p"):
        return stem + "e"  # completed, deleted
    return stem


_EN_SUBJECT_PRONOUNS: Final = {"your": "their", "you": "they", "yourself": "themselves"}
_FR_INFINITIVE: Final = {
    "écrit": "écrire", "décrit": "décrire", "fait": "faire", "dit": "dire", "pris": "prendre",
    "compris": "comprendre", "appris": "apprendre", "mis": "mettre", "construit": "construire",
    "produit": "produire", "réduit": "réduire", "conduit": "conduire", "traduit": "traduire",
    "conçu": "concevoir", "su": "savoir", "vu": "voir", "prévu": "prévoir", "tenu": "tenir",
    "maintenu": "maintenir", "obtenu": "obtenir", "ouvert": "ouvrir", "offert": "offrir",
    "couvert": "couvrir", "découvert": "découvrir", "résolu": "résoudre", "lu": "lire",
    "suivi": "suivre", "pu": "pouvoir", "voulu": "vouloir", "venu": "venir", "rendu": "rendre",
    "répondu": "répondre", "entendu": "entendre", "attendu": "attendre", "perdu": "perdre",
    "permis": "permettre", "soumis": "soumettre", "transmis": "transmettre", "promis": "promettre",
    "remis": "remettre", "satisfait": "satisfaire", "interrompu": "interrompre",
    "savez": "savoir", "pouvez": "pouvoir", "connu": "connaître", "êtes": "être", "avez": "avoir",
    # present, second person plural
    "expliquez": "expliquer", "concevez": "concevoir", "faites": "faire", "dites": "dire",
    "prenez": "prendre", "construisez": "construire", "écrivez": "écrire",
    "décrivez": "décrire", "tenez": "tenir", "mettez": "mettre", "suivez": "suivre",
    "comprenez": "comprendre", "voyez": "voir", "connaissez": "connaître", "menez": "mener",
    "produisez": "produire", "réduisez": "réduire", "conduisez": "conduire", "lisez": "lire",
}  # fmt: skip
_FR_FEMININE_ENDINGS: Final = (
    "tion", "sion", "té", "ure", "ence", "ance", "ie", "ade", "ude", "ise", "ée", "ette",
    "elle", "ique", "euse", "rice", "esse", "ode", "ine", "aine", "gie", "che",
)  # fmt: skip


def _fr_infinitive(word: str) -> str | None:
    if word in _FR_INFINITIVE:
        return _FR_INFINITIVE[word]
    if word.endswith("issez") and len(word) > 6:
        return word[:-5] + "ir"  # choisissez -> choisir
    if word.endswith("ez") and len(word) > 4:
        return word[:-2] + "er"
    if word.endswith("é") and len(word) > 3:
        return word[:-1] + "er"
    if word.endswith("i") and len(word) > 3:
        return word + "r"  # choisi -> choisir
    return None


def _next_is_word(words: list[str], n: int) -> bool:
    """A coordinated verb has an object after it; an adjective ends its phrase ("typé,")."""
    return not words[n].endswith((",", ";", ".")) and n + 1 < len(words)


@lru_cache(maxsize=4096)
def role_needs(descriptor: str, language: str) -> str | None:
    """ "you explained your reasoning clearly" -> "explain their reasoning clearly"; French:
    "vous avez expliqué votre raisonnement" -> "expliquer son raisonnement". None when the
    clause does not start with "you"/"vous" and a verb we can put in the base form, or is
    negative (a bar is not described by what is missing)."""
    words = descriptor.split()
    if len(words) < 2:
        return None
    if language == "fr":
        return _role_needs_fr(words)
    return _role_needs_en(words)


def _third_person_base(word: str) -> str | None:
    """ "explains" -> "explain", "approaches" -> "approach"; None if not such a form."""
    if len(word) < 4 or not word.isalpha() or not word.endswith("s") or word.endswith("ss"):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _role_needs_en(words: list[str]) -> str | None:
    first = words[0].casefold()
    if first != "you":
        # A rubric written about "the candidate": "Explains trade-offs and checks …",
        # "Can design …". Anything else (a noun phrase) is left out.
        if first == "can" and len(words) > 1:
            return _role_needs_en(["you", *words[1:]])
        base = _third_person_base(_bare(words[0]))
        if base is None or not words[0][:1].isupper():
            return None
        rest = []
        for k, word in enumerate(words[1:], start=1):
            bare = _bare(word)
            third = _third_person_base(bare)
            joined = _bare(words[k - 1]) == "and" or words[k - 1].endswith(",")
            if joined and third is not None and _next_is_word(words, k) and third != bare:
                word = _keep_trailing(word, third)
            rest.append(word)
        return _role_needs_en(["you", base, *rest])
    words = words[1:]
    lowered = [_bare(w) for w in words]
    if {"not", "never", "yet", "struggled", "hard", "without"} & set(lowered):
        return None
    if {"but", "though", "although", "however"} & set(lowered):
        return None  # a level described with a reservation is not what the role needs
    n = 0
    if lowered[0].endswith("ly") and len(words) > 1:  # "clearly explain"
        n = 1
    head = lowered[n]
    if head in ("can", "could"):
        words = words[:n] + words[n + 1 :]
        lowered = lowered[:n] + lowered[n + 1 :]
        head = lowered[n]
    lemma = _en_lemma(head)
    if head in ("are", "were", "have", "had", "be", "know", "knew") or lemma in ("be", "have"):
        return None  # "you are at ease with…", "you know…": no verb to say "can" with
    out = list(words)
    if lemma is not None:
        out[n] = _keep_trailing(words[n], lemma)
    elif head.endswith("s") and not head.endswith("ss"):
        return None  # not a base form we recognize
    for k in range(n + 1, len(out)):
        word = lowered[k]
        previous = lowered[k - 1]
        if previous == "and" or words[k - 1].endswith(","):
            base = _en_lemma(word)
            if base is not None and _next_is_word(words, k) and not out[k][:1].isupper():
                out[k] = _keep_trailing(words[k], base)
        elif previous in ("that", "which", "who"):
            # "questions that uncovered the problem" -> "questions that uncover the problem";
            # "a message that made people reply" -> "a message that makes people reply"
            base = _en_lemma(word)
            if base is not None and base not in ("be", "have") and _next_is_word(words, k):
                plural = k >= 2 and _is_en_plural(lowered[k - 2])
                out[k] = _keep_trailing(words[k], base if plural else _en_third_person(base))
        if word in _EN_SUBJECT_PRONOUNS:
            out[k] = _keep_trailing(words[k], _EN_SUBJECT_PRONOUNS[word])
        elif word in ("was", "were") and previous in _EN_PRESENT_OF_BE:
            # "check that we were following" -> "check that we are following"
            out[k] = _keep_trailing(words[k], _EN_PRESENT_OF_BE[previous])
    return " ".join(out)


_EN_PRESENT_OF_BE: Final = {
    "we": "are", "they": "are", "people": "are", "others": "are", "everyone": "is",
    "it": "is", "someone": "is", "he": "is", "she": "is",
}  # fmt: skip


def _is_en_plural(noun: str) -> bool:
    return (noun.endswith("s") and not noun.endswith(("ss", "us", "is"))) or noun in ("people",)


def _en_third_person(base: str) -> str:
    """ "make" -> "makes", "cover" -> "covers", "reach" -> "reaches", "carry" -> "carries"."""
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        return base[:-1] + "ies"
    return base + "s"


# The present of the French verbs an imperfect "qui donnait…" is most often of, by stem.
_FR_PRESENT_OF_STEM: Final = {
    "fais": "fait", "mett": "met", "permett": "permet", "transmett": "transmet",
    "pren": "prend", "compren": "comprend", "appren": "apprend", "dis": "dit",
    "écriv": "écrit", "décriv": "décrit", "lis": "lit", "pouv": "peut", "voul": "veut",
    "dev": "doit", "sav": "sait", "ten": "tient", "conten": "contient", "maint": "maintient",
    "ven": "vient", "conven": "convient", "av": "a", "ét": "est", "all": "va", "voy": "voit",
    "recev": "reçoit", "suiv": "suit", "viv": "vit", "conduis": "conduit",
    "construis": "construit", "produis": "produit", "réduis": "réduit", "offr": "offre",
    "ouvr": "ouvre", "couvr": "couvre",
}  # fmt: skip


def _fr_present(imperfect: str) -> str | None:
    """ "donnait" -> "donne", "finissait" -> "finit", "permettait" -> "permet", "aidaient" ->
    "aident"; None for a form we cannot be sure of (the sentence is then left out)."""
    if imperfect.endswith("aient") and len(imperfect) > 6:
        singular = _fr_present(imperfect[:-5] + "ait")
        regular = imperfect[:-5] not in _FR_PRESENT_OF_STEM
        return singular + "nt" if singular and singular.endswith("e") and regular else None
    if not imperfect.endswith("ait") or len(imperfect) < 5:
        return None
    stem = imperfect[:-3]
    if stem in _FR_PRESENT_OF_STEM:
        return _FR_PRESENT_OF_STEM[stem]
    if stem.endswith("iss"):
        return stem[:-2] + "t"  # finissait -> finit
    if stem.endswith(("end", "ond", "erd")):
        return stem  # attendait -> attend, répondait -> répond
    if stem.endswith("ç"):
        return stem[:-1] + "ce"  # commençait -> commence
    if stem.endswith("ge"):
        return stem  # mangeait -> mange
    if stem.endswith(("ais", "uis", "ois", "iv", "ev", "en", "oy", "uy")):
        return None  # an irregular verb we do not know
    return stem + "e"  # donnait -> donne


def _role_needs_fr(words: list[str]) -> str | None:
    if words[0].casefold() != "vous":
        return None
    words = words[1:]
    lowered = [_bare(w) for w in words]
    if {"ne", "n'avez", "n'êtes", "pas", "encore", "jamais", "peu"} & set(lowered[:4]):
        return None
    if lowered[0] in ("avez", "savez", "pouvez") and len(words) > 1:
        words, lowered = words[1:], lowered[1:]
    head = _fr_infinitive(lowered[0])
    if head is None or head in ("être", "avoir", "pouvoir"):
        return None
    # "savoir expliquer…"; "connaître…" and "savoir…" stand alone
    lead = [] if head in ("connaître", "savoir") else ["savoir"]
    out = [*lead, _keep_trailing(words[0], head), *words[1:]]
    words = [*lead, *words]
    lowered = [*lead, *lowered]
    if {"mais", "cependant", "toutefois", "quoique", "bien que"} & set(lowered):
        return None  # a level described with a reservation is not what the role needs
    for k in range(len(lead) + 1, len(out)):
        word = lowered[k]
        if (lowered[k - 1] == "et" or words[k - 1].endswith(",")) and _next_is_word(words, k):
            base = (
                _fr_infinitive(word)
                if word.endswith(("é", "i", "ez")) or (word in _FR_INFINITIVE)
                else None
            )
            if base is not None:
                out[k] = _keep_trailing(words[k], base)
        if lowered[k - 1] == "qui" and word.endswith(("ait", "aient")):
            # what the candidate's work did then is what the role's work does
            present = _fr_present(word)
            if present is None:
                return None
            out[k] = _keep_trailing(words[k], present)
        if word == "vos":
            out[k] = _keep_trailing(words[k], "ses")
        elif word == "votre":
            following = lowered[k + 1] if k + 1 < len(lowered) else ""
            if not following:
                return None
            if following[:1] in "aeiouéèêh" or not following.endswith(_FR_FEMININE_ENDINGS):
                out[k] = _keep_trailing(words[k], "son")
            else:
                out[k] = _keep_trailing(words[k], "sa")
        elif word in ("vous", "vous-même"):
            return None
    return " ".join(out)


# --- rubric texts that place themselves in an activity ------------------------------------------

_ACTIVITIES: Final = {
    "en": (
        r"road[- ]tests?|test[- ]drives?|role[- ]?plays?|case[- ]stud(?:y|ies)"
        r"|take[- ]home(?:[- ]exercise)?|exercise|practical[- ](?:session|exercise|test|assessment)"
        r"|(?:workshop[- ])?demo(?:nstration)?|(?:trial|demo)[- ]lesson|mock[- ]\w+(?:[- ]call)?"
        r"|simulation|pairing(?:[- ]session)?|whiteboard(?:[- ]session)?|presentation"
        r"|floor[- ]walk|assignment|sample[- ]tables|(?:live[- ])?coding[- ](?:session|exercise)"
        r"|(?:site|store|shop|ward|plant|kitchen)[- ]walk|site[- ]visit|work[- ]trial"
        r"|trial[- ](?:shift|day|service|run)|assessment[- ](?:day|centre|center)"
    ),
    "fr": (
        r"mise en situation|jeux? de rôle|étude de cas|cas pratique|leçon d['’]essai"
        r"|exercice(?: pratique| technique| à la maison)?|test de conduite|simulation"
        r"|présentation|atelier|démonstration"
        r"|(?:service|journée|soirée) d['’]essai|visite (?:de|du) (?:chantier|site)"
    ),
}
# What makes a mention presuppose the activity took place: "the", "your", "this" ("a
# presentation" is advice, "the presentation" a memory).
_DETERMINER: Final = {
    "en": r"\b(?:the|your|this)\s+",
    "fr": r"(?:\b(?:le|la|les|du|au|votre|cette|ce)\s+|\bl['’]|\bde la\s+|\bde l['’])",
}
# The phrases that place a statement in an activity, to be removed as a whole.
_PLACING: Final = {
    "en": r"(?:in|during|at|from|for|on|like|as in|such as)\s+(?:the|your|this)\s+",
    "fr": (
        r"(?:lors (?:du|de la|de l['’]|de votre|de cette|de ce)\s*"
        r"|au cours (?:du|de la|de l['’]|de votre)\s*"
        r"|(?:pendant|durant|dans|comme dans) (?:le|la|l['’]|votre|cette|ce)\s*"
        r"|comme (?:le|la|l['’]|lors du)\s*)"
    ),
}


def _activity_res(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    activity = _ACTIVITIES.get(language, _ACTIVITIES["en"])
    placing = _PLACING.get(language, _PLACING["en"])
    determiner = _DETERMINER.get(language, _DETERMINER["en"])
    leading = re.compile(rf"^\s*(?:{placing})(?:{activity})\b(?![-'’])\s*,?\s*", re.I)
    inner = re.compile(rf"\s*,?\s+(?:{placing})(?:{activity})\b(?![-'’])", re.I)
    mention = re.compile(rf"{determiner}((?:{activity}))\b", re.I)
    return leading, inner, mention


_ACTIVITY_RES: Final = {language: _activity_res(language) for language in ("en", "fr")}


@lru_cache(maxsize=4096)
def without_activity(text: str, language: str) -> str:
    """`text` without the phrases that place it in an activity: "Drives smoothly during the
    road test" -> "Drives smoothly"; "In your workshop demo, plan …" -> "Plan …". What the role
    needs is not a test, and advice need not recall one."""
    leading, inner, _ = _ACTIVITY_RES.get(language, _ACTIVITY_RES["en"])
    stripped = inner.sub("", leading.sub("", text))
    if leading.match(text):
        stripped = stripped[:1].upper() + stripped[1:]
    return stripped


@lru_cache(maxsize=4096)
def activities(text: str, language: str) -> tuple[str, ...]:
    """The activities `text` speaks of as having happened ("the road test" -> "road test"),
    lower-cased, with hyphens as spaces."""
    _, _, mention = _ACTIVITY_RES.get(language, _ACTIVITY_RES["en"])
    return tuple(_activity_key(m.group(1)) for m in mention.finditer(text))


def _activity_key(text: str) -> str:
    return " ".join(re.split(r"[-\s]+", text.casefold().replace("’", "'")))


# --- what an explanation takes for granted -------------------------------------------------------

_STAGE_WORDS: Final = (
    ("exercise", re.compile(r"\b(exercises?|take-home|take home|practical|assignment|exercices?"
                            r"|cas pratique|mise en situation|test technique)\b", re.I)),
    ("interviews", re.compile(r"\b(interviews|entretiens)\b", re.I)),
    ("interview", re.compile(r"\b(interviews?|interviewed|interviewers?|entretiens?"
                             r"|interlocuteurs?)\b", re.I)),
    ("screening", re.compile(r"\b(screening|pre-?screen|présélection"
                             r"|tri des candidatures)\b", re.I)),
    ("final", re.compile(r"\b(finalists?|shortlist(ed)?|final (round|stage|interview)s?"
                         r"|finalistes?|short-?list|dernier tour|entretien final)\b", re.I)),
)  # fmt: skip


@lru_cache(maxsize=4096)
def stage_words(text: str) -> frozenset[str]:
    """What `text` takes for granted happened: "exercise", "interview(s)", "final", or that
    the decision came at "screening" (no step past a first call)."""
    return frozenset(name for name, pattern in _STAGE_WORDS if pattern.search(text))


_DECISION_ONLY: Final = re.compile(
    r"not (to )?(move|moving) forward|not (to )?proceed|decided not to"
    r"|will not be (moving|offering)"
    r"|ne (pas )?donner suite|ne (pas )?retenir|ne donnerons pas suite|pas retenue?",
    re.I,
)
_BECAUSE: Final = re.compile(
    r"\b(because|since|as|due|given|so|parce|car|puisque|en raison|faute|étant donné)\b", re.I
)


@lru_cache(maxsize=4096)
def restates_decision(text: str) -> bool:
    """True for an "explanation" that only says the decision again ("We have decided not to
    move forward with your application."): it gives no reason, and a note that promised one
    would not keep its word."""
    return bool(_DECISION_ONLY.search(text)) and not _BECAUSE.search(text)


# --- praise with no reservation ------------------------------------------------------------------


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(words.split())


_RESERVATION: Final = {
    "en": _lexicon(
        "but however though although yet could should would need needs needed more less "
        "missed miss lacked lack lacks struggled struggle not no without only improve "
        "improving practise practice careful care slow slower rushed forgot unclear weak "
        "gap gaps prompt prompted prompting hint hints hinted next time consider try "
        "didn't don't doesn't wasn't weren't isn't couldn't never little few"
    ),
    "fr": _lexicon(
        "mais cependant toutefois pourtant néanmoins pourrait pourriez devrait devriez "
        "faudrait besoin manque manqué manquait plus moins pas ne n' jamais améliorer "
        "attention encore lent lente oublié oubliée trop peu sans seulement essayez "
        "pensez travailler non lieu"
    ),
}


# Words that say what fell short or what to do about it, beyond the reservations above: what
# was missing, hesitant, wrong or too much, and advice ("worth practising", "avoids this",
# "nous aurions aimé", "serait une amélioration").
_SHORTFALL: Final = {
    "en": _lexicon(
        "missing incomplete unfinished partial partly hesitant hesitated hesitation hard "
        "difficult difficulty wrong error errors mistake mistakes late too instead rather unsure "
        "vague loosely confused confusing skipped stalled stuck lost limited basic focus "
        "revisit review learn work help harder clearer deeper further worth fix fixes avoid "
        "avoids avoiding helps better worse important step area grow earlier ahead deserved "
        "thin longer failed fails failing mixed noise leaned pointed invisible duplicated "
        "mostly stale swapped"
    ),
    "fr": _lexicon(
        "manquant manquante manquants incomplet incomplète hésitant hésitante hésitation "
        "difficile difficilement difficulté erreur erreurs faute fautes tard retard reste "
        "restait insuffisant insuffisante lacune lacunes confus confuse vague aide bloqué "
        "bloquée approfondir revoir davantage aurions aurait auraient aidera aiderait rendrait "
        "rendraient serait seraient élargiraient mérite méritent demandent supplémentaires "
        "indispensable plutôt surtout générique échouaient échoué échoue éviter habitude "
        "étape fragiles restaient éloignées éloigné perdaient perdait contresens oubli "
        "oublié oubliée confondu confondue confusion mélangé mélangeait débordé débordait "
        "inversé inversée inversés inversées interverti intervertie intervertis"
    ),
}


# Praise said through a negation: "without being asked", "no hesitation", "didn't need a
# hint", "sans aide", "aucune erreur". A negation followed within four words by one of these
# says that something that would have fallen short did not happen.
_NEGATION: Final = {
    "en": _lexicon("without no never not didn't don't doesn't wasn't weren't nothing zero"),
    "fr": _lexicon("sans aucun aucune jamais pas nul nulle"),
}
_ABSENT_SHORTFALL: Final = {
    "en": _lexicon(
        "asked told prompted prompting prompt prompts hint hints help reminder reminders "
        "reminded hesitation hesitating hesitate hesitated error errors mistake mistakes "
        "problem problems issue issues gap gaps fault faults doubt doubts struggle struggled "
        "struggling trouble fuss notes overpromise overpromised overpromising overcommit "
        "overcommitted"
    ),
    "fr": _lexicon(
        "aide hésitation hésiter hésité erreur erreurs faute fautes problème problèmes souci "
        "contresens oubli confusion "
        "soucis indice indices relance relancer relancé difficulté difficultés lacune lacunes "
        "notes demander demande demandé casser repartir"
    ),
}
_NEGATION_REACH: Final = 4
_STEP_BY_STEP: Final = re.compile(r"\bstep by step\b|\bétape par étape\b", re.I)
_WORD: Final = re.compile(r"\b\w+'\w+\b|\bn'|[^\W\d_]+", re.UNICODE)


def _without_praised_absences(words: list[str], language: str) -> list[str]:
    """The words, less each negation and the shortfall it denies ("without being asked")."""
    negations = _NEGATION.get(language, frozenset())
    absent = _ABSENT_SHORTFALL.get(language, frozenset())
    kept: list[str] = []
    skip_to = 0
    for i, word in enumerate(words):
        if i < skip_to:
            continue
        if word in negations:
            reach = words[i + 1 : i + 1 + _NEGATION_REACH]
            hits = [j for j, w in enumerate(reach) if w in absent]
            if hits:
                skip_to = i + 2 + hits[0]
                if language == "fr" and kept and kept[-1] in ("ne", "n'"):
                    kept.pop()  # "n'a eu besoin d'aucune aide": the "ne" goes with it
                continue
        kept.append(word)
    return kept


def _comment_words(text: str) -> list[str]:
    text = _STEP_BY_STEP.sub(" ", text.replace("’", "'"))  # a method, not "a next step"
    return [w.casefold() for w in _WORD.findall(text)]


def _with_parts(words: Iterable[str]) -> set[str]:
    """The words, and the parts of each elided one ("didn't" is also "didn" and "t",
    "d'énergie" also "énergie", to the lexicons' eyes)."""
    kept = set(words)
    return kept | {part for w in kept if "'" in w for part in _TOKEN.findall(w)}


# Words that praise: a comment with one of them and no word of a shortfall is praise.
_PRAISE: Final = {
    "en": _lexicon(
        "great excellent good well impressive impressed strong loved lovely fantastic "
        "brilliant superb outstanding nice helpful solid terrific wonderful exceptional "
        "amazing thorough thoroughly enthusiastic positive clean clear clearly neat neatly "
        "calm calmly confident confidently methodical rapport warm warmly patient patiently "
        "kind kindly friendly polite politely energy energetic engaging smooth smoothly "
        "accurate accurately precise precisely tidy sharp insightful thoughtful fluent "
        "fluently professional perfect perfectly praised excellently well-organised "
        "organised organized reassuring"
    ),
    "fr": _lexicon(
        "excellent excellente excellents excellentes bien bravo super belle beau bonne bon "
        "bons bonnes impressionnant impressionnante remarquable parfait parfaite "
        "parfaitement solide agréable enthousiaste positif positive exemplaire clair claire "
        "clairement calme calmement patient patiente patiemment souriant souriante "
        "chaleureux chaleureuse chaleureusement rigoureux rigoureuse méthodique précis "
        "précise précisément soigné soignée aisance efficace efficacement pédagogue "
        "courtois courtoise énergie dynamique rassurant rassurante propre propres"
    ),
}


@lru_cache(maxsize=4096)
def praises(text: str, language: str) -> bool:
    """True for a comment that praises and says nothing fell short ("Lovely even spoke
    tension", "Great rapport with the customer", praise through a negation: "without being
    asked", "no hesitation", "sans aide"). Under a rating below the bar it would read as the
    gap, and contradict the rating it sits under. Any other comment an interviewer attached to
    such a rating is about the gap ("Let tickets pile up", "Palette soulevée le dos rond")."""
    words = _comment_words(text)
    kept_words = _without_praised_absences(words, language)
    kept = _with_parts(kept_words)
    gap = _RESERVATION.get(language, frozenset()) | _SHORTFALL.get(language, frozenset())
    if kept & gap:
        return False
    return len(kept_words) < len(words) or bool(kept & _PRAISE.get(language, frozenset()))


# --- links and contact details -------------------------------------------------------------------

_ADDRESS_OR_LINK: Final = re.compile(r"[\w.+-]+@[\w-]+\.\w|\bhttps?://|\bwww\.\w", re.I)
_PHONE: Final = re.compile(r"\+?\d[\d ().-]{7,}\d")
_PHONE_DIGITS: Final = 9  # "2019-2023" or "10.000" are not phone numbers


@lru_cache(maxsize=4096)
def contact_details(text: str) -> bool:
    """True when a comment holds an email address, a link or a phone number: quoted, it would
    send the candidate off the one channel the note gives (their page) to something no one
    vetted, or to an interviewer's own inbox."""
    if _ADDRESS_OR_LINK.search(text):
        return True
    return any(sum(c.isdigit() for c in m.group()) >= _PHONE_DIGITS for m in _PHONE.finditer(text))


# --- a comment as a letter may quote it ----------------------------------------------------------

# Chat shorthand an interviewer writes for colleagues ("tbh", "RAS" for "rien à signaler",
# "pb" for "problème"): a letter does not quote it. A leading one is a mere aside and is left
# out ("tbh the answer was thin" -> "The answer was thin"); elsewhere the comment is not quoted.
_ASIDE: Final = re.compile(r"^(?:tbh|tbf|imo|imho|fwiw|btw|ngl|ras)\b[\s,:;.!-]*", re.I)
_SHORTHAND: Final = re.compile(
    r"\b(?:tbh|tbf|imo|imho|fwiw|btw|ngl|idk|iirc|afaik|ras|pbs?|cdt|bcp|qqs?|pcq|tjrs)\b", re.I
)
_PICTOGRAPH: Final = frozenset({"So", "Sk"})  # from U+2190 on: arrows, emoji; not "°" or "^"
_JOINERS: Final = frozenset("\u200d\ufe0e\ufe0f")
_SHOUTED_WORDS: Final = 3  # "MUST TEST EVERY TIME": shouting; "ALL CAPS" or "ABCDE": a term
_STRAIGHT_QUOTE: Final = re.compile(r"\"([^\"]+)\"|(?<!\w)'([^']+)'(?!\w)")
_INNER_QUOTES: Final = {"en": ("\u2018", "\u2019"), "fr": ("\u201c", "\u201d")}


@lru_cache(maxsize=4096)
def letter_ready(text: str, language: str) -> str | None:
    """A tidy comment as a letter to the candidate may quote it, or None when it may not.

    Emoji are left out ("ring final 😬"); a leading aside in chat shorthand is dropped and the
    rest capitalized; shorthand elsewhere, or a comment mostly in capitals (shouting), is not
    quoted; quotation marks inside the comment become the language's inner ones, so that they
    do not clash with the note's own ("the "trauma" scenario" -> "the ‘trauma’ scenario").
    """
    kept = _without_pictographs(text)
    aside = _ASIDE.match(kept)
    if aside and aside.end() < len(kept):
        kept = kept[aside.end() :]
        kept = kept[:1].upper() + kept[1:]
    if _SHORTHAND.search(kept):
        return None
    words = re.findall(r"[^\W\d_]{2,}", kept)
    shouted = [w for w in words if w.isupper()]
    if len(shouted) >= _SHOUTED_WORDS and len(shouted) * 2 > len(words):
        return None
    opening, closing = _INNER_QUOTES.get(language, _INNER_QUOTES["en"])
    return _STRAIGHT_QUOTE.sub(lambda m: f"{opening}{m.group(1) or m.group(2)}{closing}", kept)


def _pictograph(char: str) -> bool:
    if char in _JOINERS:
        return True
    return ord(char) >= 0x2190 and unicodedata.category(char) in _PICTOGRAPH


_PAUSE: Final = re.compile(r"\s*\x00[\s\x00]*")
_SPACED_BEFORE: Final = frozenset(":;!?»")  # French marks a writer may space as typed


def _without_pictographs(text: str) -> str:
    """Emoji left out; one between two words stood for a pause and becomes a comma
    ("Textbook isolation 👍 lock-off…" -> "Textbook isolation, lock-off…")."""
    marked = "".join("\x00" if _pictograph(c) else c for c in text)
    if "\x00" not in marked:
        return text
    # A space typed after the emoji is kept in mind: "vivant 🎶 : accueil" keeps the space
    # French puts before a colon ("vivant : accueil", not "vivant: accueil").
    marked = _PAUSE.sub(
        lambda m: "\x00 " if m.group()[-1:].isspace() else "\x00", marked.strip(" \x00")
    )
    parts = marked.split("\x00")
    out = parts[0]
    for raw in parts[1:]:
        part = raw.lstrip()
        if out and part and out[-1].isalnum() and part[0].isalnum():
            out += ", "
        elif (
            out
            and part
            and (part[0].isalnum() or (raw[:1].isspace() and part[0] in _SPACED_BEFORE))
        ):
            out += " "
        out += part
    return " ".join(out.split())
