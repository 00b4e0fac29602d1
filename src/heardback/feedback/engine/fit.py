"""Which open roles fit a candidate who was not hired: ranked, explained, within job families.

A rejection is often a lead for another role. This module ranks an organization's open roles
for one candidate from three kinds of evidence, and says why in words the candidate may read:

1. **The rubric.** The candidate's ratings, averaged per competency across every interviewer
   (`evidence_from`), are set against each role's rubric: a competency rated at the role's bar
   scores 2/3, one point above it 1, one point below 1/3, two below 0; a competency nobody
   rated scores `UNKNOWN` (a little below "at the bar": evidence beats none). The role's
   weights weigh them (`rubric` in 0..1), and `coverage` is the share of the role's weight the
   ratings speak to.
2. **The text.** The interviewers' shareable comments and the résumé, as a query, against each
   role's title, description and competency names, scored with BM25+ (`rank_bm25.BM25Plus`:
   plain BM25 gives a word found in half of a small corpus no weight at all), divided by the
   best role's score (`text` in 0..1).
3. **Family and level.** A role of the same job family may be suggested when its score clears
   `MIN_SCORE`, at least one of the candidate's strengths there is *specific* (not listed by
   most rubrics, see `generic`), the competencies rated below its bar weigh at most
   `MAX_BELOW` of the role, and none of them is one the role weighs most. A role of another
   family, or of an unknown one, only when the evidence says so as well: the ratings cover at
   least `CROSS_COVERAGE` of the role's weight, nothing the role asks for was rated below its
   bar, and at least two of its specific competencies are strengths. Each level of seniority
   between the two jobs costs `LEVEL_FACTOR`.

`score = level factor x (RUBRIC_SHARE x rubric + (1 - RUBRIC_SHARE) x text)`; ties keep the
order the roles were given in. Same input, same ranking. No Django here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from heardback.feedback.engine.aggregate import SCORE
from heardback.feedback.engine.types import AttributeRating, Competency, Language, Scorecard

UNKNOWN: Final = 0.5
RUBRIC_SHARE: Final = 0.75
MIN_SCORE: Final = 0.5
# A role whose competencies rated below its bar weigh more than this share is not suggested.
MAX_BELOW: Final = 0.25
UNSUGGESTED: Final = 0.5
CROSS_COVERAGE: Final = 0.6
STRONG: Final = SCORE["yes"]  # a strength is rated "yes" or better, and at the role's bar
LEVEL_FACTOR: Final[Mapping[int, float]] = {0: 1.0, 1: 0.9, 2: 0.6}
FAR_LEVEL: Final = 0.3
# A competency is generic when at least half of the rubrics list it, and at least three do.
MIN_LISTED_GENERIC: Final = 3


# --- input -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the organization knows of a candidate, from their interviews and résumé."""

    # A competency's key (see `key`) -> the mean of every rating of it, 1..5.
    ratings: Mapping[str, float]
    family: str = ""  # the job family of the role(s) applied for ("" unknown)
    level: int = 0  # the seniority of that role, 1 (entry) .. 5 (principal); 0 unknown
    text: str = ""  # shareable comments and résumé text


@dataclass(frozen=True, slots=True)
class Requirement:
    name: str  # the rubric's words, as a candidate reads them
    weight: int
    bar: AttributeRating


@dataclass(frozen=True, slots=True)
class Opening:
    id: int
    title: str
    requirements: tuple[Requirement, ...]
    family: str = ""
    level: int = 0
    description: str = ""


# --- output ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fit:
    opening: Opening
    score: float
    rubric: float
    text: float
    coverage: float
    strong: tuple[str, ...]  # the role's competencies the candidate is strong in, heaviest first
    below: tuple[str, ...]  # the role's competencies rated below its bar
    unassessed: tuple[str, ...]  # the role's competencies nobody rated
    weighs_most: bool  # `strong` holds the competency the role weighs most
    same_family: bool
    level_gap: int

    def explain(self, language: Language = "en") -> str:
        return explain(self, language)


# --- evidence ----------------------------------------------------------------------------------


class _Unaccent(dict[int, int | None]):
    """`str.translate` table dropping combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        if len(self) < 65_536:
            self[code] = value
        return value


_UNACCENT = _Unaccent()


@lru_cache(maxsize=8192)
def key(name: str) -> str:
    """A competency's name as compared: case, accents and spacing do not count.

    Also folds a candidate's whole evidence text (comments and résumé) for `tokens`: ASCII
    text needs no decomposing, and the rest loses its marks in one `str.translate`.
    """
    folded = name.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded).translate(_UNACCENT)
    return " ".join(folded.split())


def evidence_from(
    assessed: Iterable[tuple[Sequence[Competency], Sequence[Scorecard]]],
    *,
    family: str = "",
    level: int = 0,
    resume: str = "",
) -> Evidence:
    """Evidence from each (rubric, submitted scorecards) of the candidate's applications.

    Only what may reach a candidate feeds the text: comments written for them, and evidence
    and takeaways the interviewer marked shareable; never private notes.
    """
    scores: dict[str, list[int]] = {}
    texts: list[str] = []
    for rubric, scorecards in assessed:
        names = {c.id: key(c.name) for c in rubric}
        for card in scorecards:
            if card.key_takeaways_shareable and card.key_takeaways:
                texts.append(card.key_takeaways)
            for item in card.items:
                name = names.get(item.competency_id)
                if name is None:
                    continue
                if item.rating is not None:
                    scores.setdefault(name, []).append(SCORE[item.rating])
                if item.candidate_comment:
                    texts.append(item.candidate_comment)
                if item.evidence_shareable and item.evidence:
                    texts.append(item.evidence)
    if resume:
        texts.append(resume)
    ratings = {name: sum(values) / len(values) for name, values in scores.items()}
    return Evidence(ratings=ratings, family=family, level=level, text="\n".join(texts))


# --- the index of openings ---------------------------------------------------------------------


_WORD: Final = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")
_STOP_WORDS: Final = frozenset(
    """a an and are as at be by for from has have in is it its of on or our the their this to
    we with you your who will was were what when how can able also more than very well
    au aux avec ce ces dans de des du elle en est et il ils la le les leur mais ne nous ou
    par pas pour qu que qui sa se ses son sur un une vos votre vous""".split()  # noqa: SIM905
)


def tokens(text: str) -> list[str]:
    """Lower-case words without accents or stop words ("Go", "C++", "node.js" stay whole)."""
    return [w for w in _WORD.findall(key(text)) if w not in _STOP_WORDS]


@dataclass(frozen=True, slots=True)
class Index:
    """The openings to rank, prepared once for every candidate: BM25 and generic names."""

    openings: tuple[Opening, ...]
    generic: frozenset[str]
    # word -> ((opening's position, its BM25+ term score), ...) for the openings that hold it
    postings: Mapping[str, tuple[tuple[int, float], ...]]
    _weights: tuple[dict[str, tuple[int, int, str]], ...] = field(repr=False)
    # competency key (not a generic one) -> positions of the openings that list it
    _listing: Mapping[str, tuple[int, ...]] = field(default_factory=dict, repr=False)


def index(openings: Sequence[Opening], other_rubrics: Sequence[Iterable[str]] = ()) -> Index:
    """Prepare `openings`; `other_rubrics` (names) count when telling a generic competency."""
    listed: dict[str, int] = {}
    weights = []
    for opening in openings:
        by_key: dict[str, tuple[int, int, str]] = {}
        for r in opening.requirements:
            k = key(r.name)
            if k not in by_key or by_key[k][0] < r.weight:
                by_key[k] = (r.weight, SCORE[r.bar], " ".join(r.name.split()))
        weights.append(by_key)
    rubrics = [set(w) for w in weights] + [{key(n) for n in names} for names in other_rubrics]
    for names in rubrics:
        for name in names:
            listed[name] = listed.get(name, 0) + 1
    generic = frozenset(
        n
        for n, count in listed.items()
        if count >= MIN_LISTED_GENERIC and 2 * count >= len(rubrics)
    )
    corpus = [
        tokens(" ".join([o.title, o.description, *(r.name for r in o.requirements)]))
        for o in openings
    ]
    listing: dict[str, list[int]] = {}
    for n, by_key in enumerate(weights):
        for name in by_key:
            if name not in generic:
                listing.setdefault(name, []).append(n)
    return Index(
        tuple(openings), generic, _postings(corpus), tuple(weights),
        {name: tuple(positions) for name, positions in listing.items()},
    )  # fmt: skip


def _candidates(evidence: Evidence, idx: Index) -> Sequence[int]:
    """The positions of the only openings that can be suggested: those listing a specific
    competency the candidate is strong in (`_fit` suggests none without one), in order."""
    positions: set[int] = set()
    for name, mean in evidence.ratings.items():
        if mean >= STRONG:
            positions.update(idx._listing.get(name, ()))
    return sorted(positions)


def _postings(corpus: list[list[str]]) -> dict[str, tuple[tuple[int, float], ...]]:
    """BM25+ term scores, from rank_bm25's corpus statistics, held per word.

    `BM25Plus.get_scores` walks every document for every query word (in Python, then numpy on
    arrays the size of the corpus): for a note that costs more than writing it. Its score of a
    document is, per query word, `idf x (delta + tf-part)`; the `idf x delta` floor is the same
    for every document and is taken off (see `_text_scores`), and the tf-part is zero where the
    word is absent. So each (word, document) term is computed once here, from the library's own
    idf, lengths and parameters, and a query only visits the documents holding its words
    (tests/feedback/engine/test_fit.py checks the scores against `get_scores`).
    """
    if not any(corpus):
        return {}
    from rank_bm25 import BM25Plus  # numpy is loaded only when an index is built

    bm25 = BM25Plus(corpus)
    k1, b, avgdl = bm25.k1, bm25.b, bm25.avgdl
    postings: dict[str, list[tuple[int, float]]] = {}
    for n, (freqs, length) in enumerate(zip(bm25.doc_freqs, bm25.doc_len, strict=True)):
        norm = k1 * (1 - b + b * length / avgdl)
        for word, tf in freqs.items():
            term = bm25.idf[word] * tf * (k1 + 1) / (norm + tf)
            postings.setdefault(word, []).append((n, float(term)))
    return {word: tuple(docs) for word, docs in postings.items()}


# --- ranking -----------------------------------------------------------------------------------


def rank(
    evidence: Evidence,
    openings: Index | Sequence[Opening],
    *,
    exclude: Iterable[int] = (),
    limit: int = 5,
    suggest_only: bool = True,
) -> tuple[Fit, ...]:
    """The openings that fit the candidate, best first, at most `limit` (never `exclude`).

    With `suggest_only=False`, every opening is ranked, none left out: one that would not be
    suggested (another family without the evidence, below `MIN_SCORE`, no strength) counts
    `UNSUGGESTED` of its score. For evaluation, and for a recruiter's full list.
    """
    idx = openings if isinstance(openings, Index) else index(openings)
    if not idx.openings:
        return ()
    excluded = set(exclude)
    # Only the openings that can be suggested are scored: a few of many, for one candidate
    # (benchmarks/reroute_speed.py), and often none, when the text is not read at all. Ranked
    # in full, every one is.
    positions = _candidates(evidence, idx) if suggest_only else range(len(idx.openings))
    if not positions:
        return ()
    text = _text_scores(idx, evidence.text)
    fits = []
    for n in positions:
        opening, weights = idx.openings[n], idx._weights[n]
        if opening.id in excluded or not weights:
            continue
        fit = _fit(evidence, opening, weights, text[n], idx.generic, suggest_only)
        if fit is not None:
            fits.append((-fit.score, n, fit))
    fits.sort(key=lambda f: f[:2])
    return tuple(f[2] for f in fits[:limit])


def _text_scores(idx: Index, text: str) -> list[float]:
    """Each opening's BM25+ score for the text, without the floor every opening gets (BM25+
    gives `delta x idf` per query word even to a document without it, so that a word in half
    of a small corpus still counts, unlike BM25's zero idf), divided by the best one's."""
    raw = [0.0] * len(idx.openings)
    postings = idx.postings
    for word in set(tokens(text)) if postings else ():
        for n, term in postings.get(word, ()):
            raw[n] += term
    best = max(raw, default=0.0)
    return [s / best for s in raw] if best > 1e-9 else raw


def _points(margin: float) -> float:
    """What one rated competency is worth, by how far above (+) or below (-) the bar."""
    if margin >= 0:
        return 0.75 + 0.25 * min(margin, 1.0)
    return max(0.0, 0.75 + 0.5 * margin)


def _fit(
    evidence: Evidence,
    opening: Opening,
    weights: Mapping[str, tuple[int, int, str]],
    text: float,
    generic: frozenset[str],
    suggest_only: bool = True,
) -> Fit | None:
    total = rated = short = 0
    points = 0.0
    heaviest = max(w for w, _, _ in weights.values())
    strong: list[tuple[int, float, str, str]] = []
    below: list[tuple[int, str]] = []
    unassessed: list[str] = []
    for name, (weight, bar, words) in weights.items():
        total += weight
        mean = evidence.ratings.get(name)
        if mean is None:
            points += weight * UNKNOWN
            unassessed.append(words)
            continue
        rated += weight
        points += weight * _points(mean - bar)
        if mean < bar:
            below.append((-weight, words))
            short += weight
        elif mean >= STRONG:
            strong.append((-weight, -mean, words, name))
    rubric = points / total
    coverage = rated / total
    same = bool(evidence.family) and key(evidence.family) == key(opening.family)
    specific = [s for s in strong if s[3] not in generic]
    # A reason worth giving: a strength only this kind of role asks for, and few gaps.
    suggested = (
        bool(specific)
        and short <= MAX_BELOW * total
        and not any(-b[0] == heaviest for b in below)  # never below the bar where it weighs most
    )
    if not same:
        suggested = suggested and coverage >= CROSS_COVERAGE and not below and len(specific) >= 2
    gap = abs(evidence.level - opening.level) if evidence.level and opening.level else 0
    factor = LEVEL_FACTOR.get(gap, FAR_LEVEL)
    score = factor * (RUBRIC_SHARE * rubric + (1 - RUBRIC_SHARE) * text)
    suggested = suggested and score >= MIN_SCORE and bool(strong)
    if not suggested:
        if suggest_only:
            return None
        score *= UNSUGGESTED
    strong.sort()
    below.sort()
    return Fit(
        opening=opening,
        score=round(score, 6),
        rubric=rubric,
        text=text,
        coverage=coverage,
        strong=tuple(s[2] for s in strong),
        below=tuple(b[1] for b in below),
        unassessed=tuple(unassessed),
        weighs_most=any(-s[0] == heaviest for s in strong),
        same_family=same,
        level_gap=gap,
    )


# --- words -------------------------------------------------------------------------------------

_WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "en": {
        "and": "and",
        "most": "strong in {strong}, which this role weighs most",
        "asks": "strong in {strong}, which this role asks for",
        "below": "below its bar in {below}",
        "nothing": "nothing",
        "join": "; ",
    },
    "fr": {
        "and": "et",
        "most": "points forts : {strong}, ce qui compte le plus pour ce poste",
        "asks": "points forts : {strong}, que ce poste demande",
        "below": "en dessous de son niveau attendu : {below}",
        "nothing": "aucun point",
        "join": " ; ",
    },
}
MAX_NAMED: Final = 3


def _list(items: Sequence[str], words: Mapping[str, str]) -> str:
    # The rubric's own words, as written: "Go" and "API design" keep their capitals.
    items = list(items[:MAX_NAMED])
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {words['and']} {items[-1]}"


def explain(fit: Fit, language: Language = "en") -> str:
    """Why the role fits, in words a candidate may read: no rating, no interviewer's name.

    "Strong in API design and communication, which this role weighs most; below its bar in
    nothing."
    """
    words = _WORDS[language]
    first = words["most" if fit.weighs_most else "asks"].format(strong=_list(fit.strong, words))
    below = words["below"].format(below=_list(fit.below, words) or words["nothing"])
    text = f"{first}{words['join']}{below}."
    return text[:1].upper() + text[1:]
