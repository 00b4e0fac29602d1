"""Guard rules as data: load a language's TOML file, check it, compile it once into matchers.

A rule file (`en.toml`, `fr.toml`) holds `[macros]` and `[[rule]]` tables. Every rule is matched
against the *folded* text (see `fold`): lower case, accents stripped, hyphens and dashes turned
into spaces, curly apostrophes into `'`, invisible characters removed. Rule authors write against
that form, so "Over-qualified", "overqualified" and "OVER qualified" need one rule, not three.

Fields of a rule:
- `id`, `category`, `why`, `suggestion`: what a recruiter sees.
- `severity`: "block" | "warn" for both contexts, or a table `{ note = ..., candidate = ... }`;
  a context missing from the table means the rule does not run there.
- `terms`: plain phrases. `*` continues a word ("pregnan*"), a space is an optional space or
  hyphen ("over qualified" also finds "overqualified").
- `match` + `keys`: regular expressions for phrases that need context ("too old", "his age").
  In them a space means one or more spaces, " ?" an optional space, and `@NAME` a macro.
  `keys` are the literal words one of which must occur for the regexes to be tried.
- `unless`: regexes for benign phrases; a finding one of them overlaps is dropped ("black box").
- `unless_sentence` / `if_sentence`: a regex that must not / must occur near the finding, in the
  same sentence ("tested", "required for the role"; a salary word next to "95k").
- `examples` / `counterexamples`: sentences the rule must / must not flag (run by the tests).
- `topic`: whether a match may be the job's subject matter rather than said of the candidate
  (see `guard_about.py`); defaults to true in the protected categories (`TOPIC_CATEGORIES`).
- `category_by_word`: a match may name any trait ("Cons: trans", "Points négatifs : 57 ans"):
  its finding takes the category of the protected word it holds (`guard_lexicon`).
- `needs_person`: the rule's words are as often a job's topic as a remark ("women", "the
  union", "prison"): a match is kept only when a word for the candidate or a reason is near.

`[lexicons]` names macros filled from a maintained data package instead of a hand list:
`COUNTRY = "countries"` makes `@COUNTRY` every country's name from pycountry (ISO 3166, with the
French names from its translations in fr.toml), and a key "@COUNTRY" keys a rule on all of them.

`[keys] avoid` lists common words that a term's key is not taken from when it has another
word ("useless candidate" is keyed on "useless"), to keep the automaton's hits rare.

Every pattern is wrapped in word boundaries and kept free of unbounded nested repetition, so the
matcher stays linear in the size of the text.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

import ahocorasick

Severity = Literal["block", "warn"]

LANGUAGES = ("en", "fr")
CONTEXTS = ("note", "candidate")
SEVERITIES = ("block", "warn")
CATEGORIES = (
    "age",
    "sex_gender",
    "family",
    "race_origin",
    "religion",
    "disability_health",
    "orientation_identity",
    "insult",
    "vague_verdict",
    "internal_leak",
    "trade_union",
    "political_opinion",
    "appearance",
    "neighbourhood",
    "criminal_record",
    "salary_history",
)
# Categories whose words can also be the job's subject matter ("a lesson on world religions",
# "the maternity unit"): their rules are checked for who the match is about (guard_about.py),
# unless a rule says `topic = false` (slurs mean the same whatever they describe).
TOPIC_CATEGORIES = frozenset(
    {
        "age",
        "sex_gender",
        "family",
        "race_origin",
        "religion",
        "disability_health",
        "orientation_identity",
        "trade_union",
        "political_opinion",
        "appearance",
        "neighbourhood",
        "criminal_record",
    }
)


class RuleError(ValueError):
    """A rule file is malformed: the message names the file and the rule."""


# --- Folding: the one text form that rules and texts are compared in -----------------------------

# Characters that fold to nothing (combining accents typed separately, zero-width spaces, soft
# hyphens, bidi marks). They are how "pre\u200bgnant" would slip past a filter, so they go.
REMOVED = "\x00"
_APOSTROPHES = "’‘ʼ`´′ʹ＇"
_MAX_CACHED_CHARS = 65_536


class _FoldTable(dict[int, str]):
    """`str.translate` table computed lazily per character: one character in, one character out."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < _MAX_CACHED_CHARS:  # an adversarial text must not grow this forever
            self[code] = folded
        return folded


def _fold_char(char: str) -> str:
    if char == "\n":
        return "\n"
    if char.isspace():
        return " "
    if char in _APOSTROPHES:
        return "'"
    if char == "…":
        return "…"  # not ".": an ellipsis before a word does not end a sentence (see guard)
    category = unicodedata.category(char)
    if category == "Pd" or char == "−":
        return " "  # a hyphen joins words: "over-qualified" reads as "over qualified"
    if category in ("Mn", "Me", "Cf"):
        return REMOVED
    decomposed = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    # "ß" -> "ss", "ﬁ" -> "fi": keep one character so offsets stay one-to-one.
    return base[:1] if base else char


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """The folded form of `text`, same length, with removable characters as NUL (see `REMOVED`)."""
    return text.translate(_FOLD)


def fold_phrase(text: str) -> str:
    """The folded form of a rule phrase or name: removable characters dropped."""
    return fold(text).replace(REMOVED, "")


class _KeyTable(dict[int, str]):
    """`str.translate` table for the key scan: word characters stay, everything else is a space."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        mapped = char if _is_key_char(char) else " "
        if len(self) < _MAX_CACHED_CHARS:
            self[code] = mapped
        return mapped


def _is_key_char(char: str) -> bool:
    # Currency signs stay so that "$" and "k€" can be keys; "'" becomes a space, so "l'âge"
    # offers the key " age" exactly as the regex sees a word boundary after the apostrophe.
    return char.isalnum() or char in "_$€£"


_KEY_TABLE = _KeyTable()


def key_text(folded: str) -> str:
    """The text the key automaton scans: `folded` with non-word characters as spaces, padded.

    Keys that need a word boundary carry a space on that side, so the automaton itself
    enforces boundaries; position i of `folded` is position i + 1 here.
    """
    return " " + folded.translate(_KEY_TABLE) + " "


def strip_accents(pattern: str) -> str:
    """A regex source with accents removed, so authors may write "âge" and match "age"."""
    decomposed = unicodedata.normalize("NFKD", pattern)
    out = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join("'" if c in _APOSTROPHES else c for c in out)


# --- Compiled rules ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule."""

    id: str
    category: str
    severity: Mapping[str, Severity]
    regex: re.Pattern[str]  # the whole rule; scans use `pattern_for` the keys actually found
    sources: tuple[str, ...]  # one regex source per term and per match pattern
    by_key: Mapping[str, tuple[int, ...]]  # padded key -> indexes of the sources that use it
    unless: tuple[re.Pattern[str], ...]
    unless_any: re.Pattern[str] | None  # all of `unless` in one regex: a cheap "any nearby?"
    unless_sentence: re.Pattern[str] | None
    if_sentence: re.Pattern[str] | None
    why: str
    suggestion: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]
    topic: bool = False  # may be the job's subject matter: ask `guard_about.about`
    needs_person: bool = False  # a match with no cue for the candidate around it is dropped
    category_by_word: bool = False  # named by the protected word matched (guard_lexicon)
    # `pattern_for`'s answers, by key (one key found) or set of keys: a scan asks for them
    # tens of times per note, mostly the same few.
    _patterns: dict[object, re.Pattern[str]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def pattern_for(self, keys: Collection[str]) -> re.Pattern[str]:
        """The rule's regex restricted to the terms and patterns that the found `keys` trigger."""
        memo_key: object = next(iter(keys)) if len(keys) == 1 else frozenset(keys)
        pattern = self._patterns.get(memo_key)
        if pattern is None:
            if len(self._patterns) >= _PATTERNS_PER_RULE:
                self._patterns.clear()
            pattern = self._patterns[memo_key] = self._pattern_for(keys)
        return pattern

    def _pattern_for(self, keys: Collection[str]) -> re.Pattern[str]:
        if len(keys) == 1:
            (key,) = keys
            indexes: Sequence[int] = self.by_key.get(key, ())
        else:
            indexes = sorted({i for key in keys for i in self.by_key.get(key, ())})
        return _subset(tuple(self.sources[i] for i in indexes)) if indexes else self.regex


_PATTERNS_PER_RULE = 64


@lru_cache(maxsize=4096)
def _subset(sources: tuple[str, ...]) -> re.Pattern[str]:
    joined = "|".join(f"(?:{s})" for s in sources)
    return re.compile(rf"(?<!\w)(?:{joined})(?!\w)")


@dataclass(frozen=True)
class RuleSet:
    """A language's rules and the automaton that finds their keys in one pass."""

    lang: str
    rules: tuple[Rule, ...]
    # ahocorasick.Automaton over `key_text`: padded key -> (key, {context: its rules' indexes})
    automaton: Any
    # The guard's memo of what these rules find in a sentence (see `guard._scan`).
    sentence_hits: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)


_MACRO = re.compile(r"@([A-Z][A-Z0-9_]*)")


def _expand(source: str, macros: Mapping[str, str], where: str) -> str:
    for _ in range(5):
        try:
            expanded = _MACRO.sub(lambda m: macros[m.group(1)], source)
        except KeyError as exc:
            raise RuleError(f"{where}: unknown macro @{exc.args[0]}") from None
        if expanded == source:
            return source
        source = expanded
    raise RuleError(f"{where}: macros nest too deeply")


# Typed notes drop what speech drops: "didnt", "cant" for "didn't", "can't"; French "le courant
# est pas passé", "c'est pas" for "n'est pas", "ce n'est pas". Rules are written in full, and
# every pattern and term also matches the clipped form.
_CLIPPED_NOT = re.compile(r"n't\b")
_CLIPPED_NE = re.compile(r"(?<![\w\\])(?:ne |n')(?=\w)")


_NEGATION_END = re.compile(r"(?<!\w)(?:pas|plus|jamais|rien|guere)(?!\w)")


def _clipped(source: str, whole: str | None = None) -> str:
    """`source` that also matches its clipped form; "ne" only in a negation ("né homme" stays)."""
    source = _CLIPPED_NOT.sub("n'?t", source)
    if not _NEGATION_END.search(source if whole is None else whole):
        return source
    return _CLIPPED_NE.sub(lambda m: f"(?:{m.group(0)})?", source)


def _pattern_source(pattern: str, macros: Mapping[str, str], where: str) -> str:
    source = strip_accents(_expand(pattern, macros, where))
    if any(c.isupper() for c in re.sub(r"\\.", "", source)):
        raise RuleError(f"{where}: patterns are matched on lower-case text: {pattern!r}")
    return _clipped(source).replace(" ?", r"\s*").replace(" ", r"\s+")


def _term_source(term: str) -> str:
    words = fold_phrase(term).split()
    whole = " ".join(words)
    sources = [_clipped(re.escape(w).replace(r"\*", r"\w*"), whole) for w in words]
    if _NEGATION_END.search(whole):  # French "ne" alone is optional: "je (ne )?le sens pas"
        sources = [r"(?:ne\s*)?" if w == "ne" else w for w in sources]
    return r"\s*".join(sources)


def _compile(sources: Sequence[str], where: str) -> re.Pattern[str] | None:
    if not sources:
        return None
    joined = "|".join(f"(?:{s})" for s in sources)
    try:
        return re.compile(rf"(?<!\w)(?:{joined})(?!\w)")
    except re.error as exc:
        raise RuleError(f"{where}: {exc}") from None


def _padded(piece: str, left: bool, right: bool) -> str:
    """A key as the automaton stores it: a space on each side that needs a word boundary."""
    left = left and _is_key_char(piece[0]) and piece[0] not in "$€£"
    right = right and _is_key_char(piece[-1]) and piece[-1] not in "$€£"
    return (" " if left else "") + piece + (" " if right else "")


def _term_key(term: str, avoid: frozenset[str] = frozenset()) -> str:
    """A term's key is its longest uncommon piece; a side a term space (optional) touches is open.

    `avoid` lists the language's common words ("candidate", "with"): a key that is everywhere
    sends every sentence through the rule's regex, which costs time and finds nothing more.
    """
    words = fold_phrase(term).split()
    negation = bool(_NEGATION_END.search(" ".join(words)))
    pieces = []  # (piece, bounded on the left, bounded on the right)
    for w_index, word in enumerate(words):
        if negation and word == "ne":
            continue  # clipped away in typed French ("je le sens pas")
        parts = word.split("'")
        for p_index, part in enumerate(parts):
            left = p_index > 0 or (w_index == 0 and not part.startswith("*"))
            right = p_index < len(parts) - 1 or (
                w_index == len(words) - 1 and not part.endswith("*")
            )
            if parts[p_index + 1 : p_index + 2] == ["t"] and part.endswith("n"):
                right = False  # "couldn't" may be typed "couldnt"
            if negation and part == "n" and p_index < len(parts) - 1:
                continue  # "n'est" may be typed "est"
            pieces.append((part.strip("*"), left, right))
    piece, left, right = max(reversed(pieces), key=lambda p: (p[0] not in avoid, len(p[0])))
    weak = piece in avoid or (len(piece) < 4 and not (left and right))
    clipped = negation or "n't" in term
    if weak and len(words) > 1 and "*" not in term and not clipped:
        # Only common or short pieces ("pas le type de personne", "nouveau-nés"): the whole
        # phrase is the key, as the key text spells it (apostrophes and hyphens as spaces).
        return " " + " ".join(key_text(fold_phrase(term)).split()) + " "
    return _padded(piece, left, right)


def _explicit_key(key: str) -> str:
    word = fold_phrase(key).strip()
    parts = word.split("'")
    part = max(parts, key=len)
    index = parts.index(part)
    left = index > 0 or not part.startswith("*")
    right = index < len(parts) - 1 or not part.endswith("*")
    return _padded(part.strip("*"), left, right)


def _severity(raw: object, where: str) -> dict[str, Severity]:
    table = {c: raw for c in CONTEXTS} if isinstance(raw, str) else raw
    if not isinstance(table, dict) or not table:
        raise RuleError(f"{where}: severity must be a string or a table of contexts")
    out: dict[str, Severity] = {}
    for context, value in table.items():
        if context not in CONTEXTS or value not in SEVERITIES:
            raise RuleError(f"{where}: bad severity {context!r} = {value!r}")
        out[context] = "block" if value == "block" else "warn"
    return out


def _strings(raw: dict[str, Any], name: str, where: str) -> list[str]:
    value = raw.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"{where}: {name} must be a list of non-empty strings")
    return value


def _build_rule(
    raw: dict[str, Any],
    lang: str,
    macros: Mapping[str, str],
    avoid: frozenset[str],
    lexicons: Mapping[str, tuple[str, ...]] = {},
) -> tuple[Rule, list[str]]:
    where = f"{lang}.toml rule {raw.get('id', '?')}"
    for name in ("id", "category", "why", "suggestion"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise RuleError(f"{where}: missing {name}")
    if raw["category"] not in CATEGORIES:
        raise RuleError(f"{where}: unknown category {raw['category']!r}")
    terms = _strings(raw, "terms", where)
    match = _strings(raw, "match", where)
    keys = _strings(raw, "keys", where)
    if not terms and not match:
        raise RuleError(f"{where}: needs terms or match")
    if match and not keys:
        raise RuleError(f"{where}: match patterns need keys")

    def patterns(name: str) -> list[str]:
        return [_pattern_source(p, macros, where) for p in _strings(raw, name, where)]

    term_keys = [_term_key(t, avoid) for t in terms]
    match_keys = [
        _explicit_key(entry)
        for k in keys
        for entry in (lexicons[k[1:]] if k.startswith("@") and k[1:] in lexicons else (k,))
    ]
    if any(not key.strip() for key in term_keys + match_keys):
        raise RuleError(f"{where}: empty key")
    sources = [_term_source(t) for t in terms] + patterns("match")
    regex = _compile(sources, where)
    assert regex is not None
    rule = Rule(
        id=f"{lang}.{raw['id']}",
        category=raw["category"],
        severity=_severity(raw.get("severity"), where),
        regex=regex,
        sources=tuple(sources),
        by_key=_index_by_key(sources, term_keys, match_keys),
        # Compiled one by one: in a single alternation a short benign phrase found first would
        # hide a longer one overlapping the finding (finditer does not return overlaps).
        unless=tuple(c for p in patterns("unless") if (c := _compile([p], where)) is not None),
        unless_any=_compile(patterns("unless"), where),
        unless_sentence=_compile(patterns("unless_sentence"), where),
        if_sentence=_compile(patterns("if_sentence"), where),
        why=raw["why"].strip(),
        suggestion=raw["suggestion"].strip(),
        examples=tuple(_strings(raw, "examples", where)),
        counterexamples=tuple(_strings(raw, "counterexamples", where)),
        topic=_topic(raw, where) or raw.get("needs_person") is True,
        needs_person=_flag(raw, "needs_person", where),
        category_by_word=_flag(raw, "category_by_word", where),
    )
    return rule, term_keys + match_keys


def _flag(raw: dict[str, Any], name: str, where: str) -> bool:
    value = raw.get(name, False)
    if not isinstance(value, bool):
        raise RuleError(f"{where}: {name} must be true or false")
    return value


def _topic(raw: dict[str, Any], where: str) -> bool:
    value = raw.get("topic", raw["category"] in TOPIC_CATEGORIES)
    if not isinstance(value, bool):
        raise RuleError(f"{where}: topic must be true or false")
    return value


def _index_by_key(
    sources: Sequence[str], term_keys: Sequence[str], match_keys: Sequence[str]
) -> dict[str, tuple[int, ...]]:
    """Which sources each key triggers: a term its own key; a pattern the keys it spells out.

    A pattern that spells out none of the rule's keys (say "grand(?:father|mother)") is
    triggered by all of them, so indexing can make a scan cheaper but never blind.
    """
    by_key: dict[str, list[int]] = {}
    for index, key in enumerate(term_keys):
        by_key.setdefault(key, []).append(index)
    for index in range(len(term_keys), len(sources)):
        spelled = [k for k in match_keys if _spells(sources[index], k.strip())]
        for key in spelled or match_keys:
            by_key.setdefault(key, []).append(index)
    return {key: tuple(dict.fromkeys(indexes)) for key, indexes in by_key.items()}


def _spells(source: str, word: str) -> bool:
    """True when `source` spells `word`, or its stem ("youth(?:ful)?" spells "youthful")."""
    stem = word[: max(4, len(word) - 3)]
    return re.search(rf"(?<![a-z0-9_]){re.escape(stem)}", source) is not None


# Country names that are also first names or everyday words in notes ("Chad", "Jordan",
# French "réunion").
_NOT_COUNTRIES = frozenset(
    [
        "chad",
        "jordan",
        "georgia",
        "jersey",
        "turkey",
        "israel",
        "guernsey",
        "dominica",
        "niger",
        "guinea",
        "man",
        "bonaire",
        "montserrat",
        "reunion",  # French "réunion", a meeting
    ]
)


@lru_cache(maxsize=4)
def lexicon(name: str, lang: str) -> tuple[str, ...]:
    """The folded entries of a data-package lexicon, longest first (see `[lexicons]`)."""
    if name != "countries":
        raise RuleError(f"{lang}.toml: unknown lexicon {name!r}")
    import gettext

    import pycountry

    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    names: set[str] = set()
    for country in pycountry.countries:
        for raw in (country.name, getattr(country, "common_name", None)):
            if not raw:
                continue
            for text in (raw, fr.gettext(raw)) if lang == "fr" else (raw,):
                word = " ".join(key_text(fold_phrase(text)).split())
                if "," in text or "(" in text or len(word) < 4 or word in _NOT_COUNTRIES:
                    continue
                names.add(word)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def parse_rules(source: str, lang: str) -> RuleSet:
    """Compile the TOML text of a rule file; raise RuleError on any mistake."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{lang}.toml: {exc}") from None
    macros = {name: str(value) for name, value in data.get("macros", {}).items()}
    lexicons = {name: lexicon(str(value), lang) for name, value in data.get("lexicons", {}).items()}
    for name, entries in lexicons.items():
        macros[name] = "(?:" + "|".join(re.escape(e).replace(r"\ ", " ") for e in entries) + ")"
    avoid = frozenset(fold_phrase(w) for w in data.get("keys", {}).get("avoid", []))
    keyed: dict[str, dict[str, list[int]]] = {}
    rules: list[Rule] = []
    for raw in data.get("rule", []):
        rule, keys = _build_rule(raw, lang, macros, avoid, lexicons)
        if any(r.id == rule.id for r in rules):
            raise RuleError(f"{lang}.toml: duplicate rule id {rule.id}")
        for key in keys:
            for context in rule.severity:
                indexes = keyed.setdefault(key, {}).setdefault(context, [])
                if len(rules) not in indexes:
                    indexes.append(len(rules))
        rules.append(rule)
    automaton = ahocorasick.Automaton()
    for key, by_context in keyed.items():
        value = (key, {c: tuple(indexes) for c, indexes in by_context.items()})
        automaton.add_word(key, value)
    automaton.make_automaton()
    return RuleSet(lang=lang, rules=tuple(rules), automaton=automaton)


@cache
def rule_set(lang: str) -> RuleSet:
    """The compiled rules of `lang` ("en" or "fr"), built on first use and then reused."""
    if lang not in LANGUAGES:
        raise ValueError(f"no guard rules for language {lang!r}")
    source = resources.files(__package__).joinpath(f"{lang}.toml").read_text(encoding="utf-8")
    return parse_rules(source, lang)
