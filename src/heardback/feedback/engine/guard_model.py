"""A learned second opinion for the guard: logistic regression over words and their pieces.

The rules are the guard; this model only speaks where they found no block. It scores a text by
the words, word pairs and pieces of words (4 to 6 letters, "<chur", "urchy", "<churc") it shares
with the labelled development set
(`tests/feedback/engine/guard_eval/dev`) and with plain interviewer text, clean
(`interviewer_texts`). When the score passes the threshold stored with the weights it raises a
*warning* whose explanation names the nearest labelled sentence; it raises a *block* where it
agrees with a protected word said of the candidate (`guard_lexicon`, `guard._second_opinion`),
or on its own past `guard.ALONE_SCORE`. Where the rules block a protected word in a
sentence it scores under `guard.VETO_SCORE`, the block becomes a warning (`guard._veto`).
The weights are a data file in the package (`guard_model.json`), written by
`python -m heardback.feedback.engine.guard_model train`; nothing is downloaded at run time.

Training is deterministic: sorted features, full-batch gradient descent with a fixed number of
steps and L2 regularisation, no random state. `python -m heardback.feedback.engine.guard_model
cv` prints the 5-fold cross-validated figures on the dev part; a fold holds whole files (rounds
written by one writer), so each is read by a model that never saw its writer's wording. It
reports the whole guard per language (rules, then this model out of fold) and the model's
blocks without the rules: the rules were tuned on every dev item, so the guard's dev figures
flatter it, and the second opinion alone is the figure that says what carries to unseen text.
It ends with what a veto on the rules' blocks would do at several bars (`_veto_table`).
"""

from __future__ import annotations

import heapq
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from heardback.feedback.engine.guard_rules import fold_phrase, key_text

if TYPE_CHECKING:
    from heardback.feedback.engine.guard import VetoView

MODEL_FILE = "guard_model.json"
_MIN_COUNT = 2  # a feature must occur in this many training sentences
# Trained nearer to its optimum than the first 300 steps at rate 0.5 (which stopped early and
# left the scores timid), with more L2 to hold it (chosen by cv: docs/benchmarks.md, session 11).
_STEPS = 1500
_RATE = 1.0
_L2 = 2e-3
# Lengths of the pieces of a word, its edges marked: "<churchy>" -> "<chur", "<churc", ...
_GRAMS = (4, 5, 6)
_WORD_MEMO = 50_000  # words whose summed weight a model remembers (cleared when full)


def _word_features(word: str) -> list[str]:
    """A word and its 4- to 6-letter pieces ("#<chur", "#churc", ...): a reworded or inflected
    form ("churchgoer", "churchy") shares pieces with the labelled one, not the whole word."""
    padded = f"<{word}>"
    return [word] + ["#" + padded[i : i + n] for n in _GRAMS for i in range(len(padded) - n + 1)]


def _feature_list(text: str, folded: bool = False) -> list[str]:
    """What the model sums for `text`: each distinct word's features, then each distinct word
    pair ("too old"). A piece shared by two words counts twice, so a word's share of the score
    depends on the word alone (`Model.score` remembers it)."""
    words = key_text(text if folded else fold_phrase(text)).split()
    out = [f for w in dict.fromkeys(words) for f in _word_features(w)]
    return out + list(dict.fromkeys(f"{a} {b}" for a, b in pairwise(words)))


def features(text: str, folded: bool = False) -> set[str]:
    """Words, word pairs and pieces of words of the folded text ("too", "too old", "#<chur")."""
    return set(_feature_list(text, folded))


@dataclass(frozen=True, eq=False)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float
    # (text, label) of the training sentences the explanation may quote
    examples: tuple[tuple[str, str], ...]

    def score(self, text: str, folded: bool = False) -> float:
        """Probability that `text` must be blocked (`folded`: already in folded form).

        The same sum as over `_feature_list(text)`, without building a string per feature: a
        word's share (the word and its pieces) is computed once and remembered, and pairs are
        looked up in a nested dictionary (first word -> second word -> weight).
        """
        return self.score_words(key_text(text if folded else fold_phrase(text)).split())

    def score_words(self, words: Sequence[str]) -> float:
        """`score` of the text whose key text (`key_text`) splits into `words`."""
        memo, pairs = self._word_memo, self._pairs
        z = self.bias
        for w in set(words):
            share = memo.get(w)
            if share is None:
                if len(memo) >= _WORD_MEMO:
                    memo.clear()
                share = memo[w] = sum(self.weights.get(f, 0.0) for f in _word_features(w))
            z += share
        z += sum(pairs[a].get(b, 0.0) for a, b in set(pairwise(words)) if a in pairs)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @cached_property
    def _word_memo(self) -> dict[str, float]:
        return {}

    @cached_property
    def _pairs(self) -> dict[str, dict[str, float]]:
        nested: dict[str, dict[str, float]] = {}
        for feature, weight in self.weights.items():
            first, space, second = feature.partition(" ")
            if space:
                nested.setdefault(first, {})[second] = weight
        return nested

    def nearest(self, text: str, k: int = 2, label: str | None = None) -> list[tuple[str, str]]:
        """The `k` labelled sentences (of `label`, "block" or "ok", when given) sharing the
        most weighted features with `text`.

        Summed through an index from feature to the examples (of `label`) holding it, so only
        the examples that share a feature are visited (not every example's feature set per
        call), and only those are ranked: the others share nothing and rank last."""
        postings, sizes = _example_index(self, label)
        shared = [0.0] * len(self.examples)
        for f in {f for f in features(text) if f in self.weights}:
            weight = abs(self.weights[f])
            for index in postings.get(f, ()):
                shared[index] += weight
        if label is None:
            indexes: Sequence[int] = range(len(shared))
        else:
            indexes = _labelled(self, label)
        # Ties go to the first example, as they would ranking every one of them.
        touched = [i for i in indexes if shared[i]]
        if len(touched) >= k:
            indexes = touched
        ranks = [shared[i] / sizes[i] for i in indexes]
        best = heapq.nlargest(k, range(len(ranks)), key=ranks.__getitem__)
        return [self.examples[indexes[i]] for i in best]


@lru_cache(maxsize=8)
def _example_index(
    model: Model, label: str | None = None
) -> tuple[dict[str, list[int]], list[float]]:
    """Feature -> the examples (of `label`, when given) holding it, and each example's norm
    (sqrt(1 + its features)), built once per model (the explanation reads them often)."""
    postings: dict[str, list[int]] = {}
    sizes = []
    for index, (text, kind) in enumerate(model.examples):
        mine = features(text)
        sizes.append(math.sqrt(1 + len(mine)))
        if label is None or kind == label:
            for f in mine:
                postings.setdefault(f, []).append(index)
    return postings, sizes


@lru_cache(maxsize=8)
def _labelled(model: Model, label: str) -> list[int]:
    """The indexes of the examples of `label`, in order."""
    return [i for i, (_, kind) in enumerate(model.examples) if kind == label]


def train(texts: Sequence[str], labels: Sequence[int], threshold: float = 0.5) -> Model:
    """Fit logistic regression on (text, 1 = must block) pairs, deterministically.

    Full-batch gradient descent in numpy (present with rank-bm25; only training loads it): a
    sentence has some 150 features, too many for a Python loop over 300 steps.
    """
    import numpy as np

    rows = [_feature_list(t) for t in texts]
    counts: dict[str, int] = {}
    for row in rows:
        for f in set(row):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= _MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    xs = [sorted(index[f] for f in row if f in index) for row in rows]
    n = len(xs)
    flat = np.array([i for x in xs for i in x], dtype=np.int64)
    row_of = np.repeat(np.arange(n), [len(x) for x in xs])
    y = np.array(labels, dtype=np.float64)
    w = np.zeros(len(vocab))
    b = 0.0
    for _ in range(_STEPS):
        z = b + np.bincount(row_of, weights=w[flat], minlength=n)
        err = 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))) - y
        grad = np.bincount(flat, weights=err[row_of], minlength=len(vocab))
        b -= _RATE * float(err.sum()) / n
        w -= _RATE * (grad / n + _L2 * w)
    weights = {f: round(float(w[i]), 5) for f, i in index.items() if abs(w[i]) >= 1e-4}
    # Both kinds: a warning quotes the nearest must-block sentence, a veto the nearest clean one.
    examples = tuple(
        (t, "block" if label else "ok") for t, label in zip(texts, labels, strict=True)
    )
    return Model(round(b, 5), weights, threshold, examples)


def save(model: Model, path: Path) -> None:
    data = {
        "bias": model.bias,
        "threshold": model.threshold,
        "weights": dict(sorted(model.weights.items())),
        "examples": [list(e) for e in model.examples],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


@cache
def load() -> Model | None:
    """The shipped model, or None when the package holds no weights."""
    source = resources.files(__package__).joinpath(MODEL_FILE)
    if not source.is_file():
        return None
    data = json.loads(source.read_text(encoding="utf-8"))
    return Model(
        bias=float(data["bias"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        examples=tuple((str(t), str(lab)) for t, lab in data["examples"]),
    )


# --- Training and cross-validation on the dev part ----------------------------------------------


# The demo's banks of what interviewers write (evidence, takeaways, private notes and comments for
# the candidate), read as files: this module may not import the demo app.
_INTERVIEWER_FILES = ("scorecards.toml", "candidate_comments.toml")


def interviewer_texts(root: Path) -> list[str]:
    """Ordinary interviewer text the rules pass, trained on as clean beside the dev part.

    The dev part's clean items are mostly hard negatives (a protected word as the job's subject
    matter): without plain feedback among them the model reads any judgement of work ("Might be
    nerves", "we would have liked to hear what you learned") as a remark on the person, and it
    could not be let to block on its own (docs/benchmarks.md, session 12)."""
    import tomllib

    from heardback.feedback.engine.guard import check, verdict

    def strings(value: object) -> Iterable[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for inner in value.values():
                yield from strings(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from strings(inner)

    folder = root / "src/heardback/demo/data"
    # Sentence by sentence, as the guard scores them ("Long answers. Might be nerves, …").
    texts = {
        sentence.strip()
        for name in _INTERVIEWER_FILES
        for text in strings(tomllib.loads((folder / name).read_text(encoding="utf-8")))
        for sentence in re.split(r"(?<=[.!?;])\s+", text)
        if sentence.strip()
    }
    return sorted(
        text
        for text in texts
        if all(verdict(check(text, lang=lang, context="note")) != "block" for lang in ("en", "fr"))
    )


def training_set(root: Path) -> tuple[list[str], list[bool]]:
    """The dev part's texts (True: must block), then the interviewers' plain text (False)."""
    items = _dev_items(root)
    plain = interviewer_texts(root)
    return [i["text"] for i in items] + plain, [i["expected"] == "block" for i in items] + [
        False
    ] * len(plain)


def _dev_items(root: Path) -> list[dict[str, str]]:
    """The dev items, each with the name of its file ("round") under "file"."""
    items = []
    for path in sorted((root / "tests/feedback/engine/guard_eval/dev").glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        items += [{**row, "file": path.stem} for row in rows]
    return items


def _folds(items: Sequence[dict[str, str]], k: int = 5) -> dict[str, int]:
    """Item id -> fold. Whole files go to one fold (largest first, to the lightest fold), so a
    fold is read by a model trained on other writers' rounds: folds by item id let a model
    learn a round's wording from its siblings and flatter it (docs/benchmarks.md, round 11)."""
    sizes: dict[str, int] = {}
    for item in items:
        sizes[item["file"]] = sizes.get(item["file"], 0) + 1
    load = [0] * k
    fold_of: dict[str, int] = {}
    for name in sorted(sizes, key=lambda name: (-sizes[name], name)):
        fold_of[name] = min(range(k), key=lambda j: (load[j], j))
        load[fold_of[name]] += sizes[name]
    return {item["id"]: fold_of[item["file"]] for item in items}


def cross_validate(
    items: Iterable[dict[str, str]], thresholds: Sequence[float], plain: Sequence[str] = ()
) -> list[str]:
    """5-fold figures (whole files per fold, `_folds`), each item read with the model of the
    folds that did not hold it: for each threshold, what 'rules, else model warns/blocks' would
    give; the model's ranking (AUC, block recall at the threshold that flags 0.5 % / 1 % of
    clean items); then, per language, the guard as it ships (the model blocks only with a
    protected word said of the person) and its second opinion alone (no rules: the rules were
    tuned on every dev item, so only this part says what carries to unseen text)."""
    from heardback.feedback.engine.guard import (
        VETO_SCORE,
        _rule_sets_for,
        _second_opinion,
        check,
        verdict,
        veto_views,
    )
    from heardback.feedback.engine.guard_rules import fold

    items = list(items)
    fold_of = _folds(items)
    scores: dict[str, float] = {}
    alone: dict[str, str] = {}
    rule_findings = {
        i["id"]: check(i["text"], lang=i["lang"], context=i["context"])  # type: ignore[arg-type]
        for i in items
    }
    ruled = {key: verdict(found) for key, found in rule_findings.items()}
    # Each block of the rules, read by the model of the folds that did not hold its item.
    blocks: dict[str, list[VetoView]] = {}
    for k in range(5):
        train_part = [i for i in items if fold_of[i["id"]] != k]
        model = train(
            [i["text"] for i in train_part] + list(plain),
            [i["expected"] == "block" for i in train_part] + [False] * len(plain),
        )
        for i in items:
            if fold_of[i["id"]] == k:
                scores[i["id"]] = model.score(i["text"])
                langs = [r.lang for r in _rule_sets_for(key_text(fold(i["text"])), i["lang"])]
                found = _second_opinion(i["text"], [], langs, None, i["context"], model)  # type: ignore[arg-type]
                alone[i["id"]] = verdict(found)
                if ruled[i["id"]] == "block":
                    blocks[i["id"]] = veto_views(i["text"], rule_findings[i["id"]], langs, model)
    # The model's blocks do not depend on what the rules found, only its warnings do. A rule
    # block stands unless the veto lifts every block of the item (`guard._veto`).
    vetoed = {
        key: all(v.vetoable and v.score < VETO_SCORE for v in views)
        for key, views in blocks.items()
    }
    shipped = {
        key: "block"
        if alone[key] == "block" or (ruled[key] == "block" and not vetoed[key])
        else ("warn" if ruled[key] == "block" else ruled[key])
        for key in ruled
    }
    lines = [
        "threshold | model alone: block recall, ok flagged | rules + model: recall, ok blocked"
    ]
    must = [i for i in items if i["expected"] == "block"]
    clean = [i for i in items if i["expected"] == "ok"]
    for t in thresholds:
        alone_r = sum(scores[i["id"]] >= t for i in must) / len(must)
        alone_f = sum(scores[i["id"]] >= t for i in clean) / len(clean)
        both_r = sum(ruled[i["id"]] == "block" or scores[i["id"]] >= t for i in must) / len(must)
        both_f = sum(ruled[i["id"]] == "block" or scores[i["id"]] >= t for i in clean) / len(clean)
        lines.append(f"{t:.2f} | {alone_r:.3f}, {alone_f:.1%} | {both_r:.3f}, {both_f:.1%}")
    lines.append("lang | model's ranking: AUC, block recall at 0.5 % / 1 % of clean items flagged")
    for lang in ("en", "fr", "all"):
        pos = sorted(scores[i["id"]] for i in must if lang in ("all", i["lang"]))
        neg = sorted(scores[i["id"]] for i in clean if lang in ("all", i["lang"]))
        lines.append(
            f"{lang} | {_auc(pos, neg):.4f}, "
            + " / ".join(f"{_recall_at(pos, neg, share):.3f}" for share in (0.005, 0.01))
        )
    lines.append(
        "lang | rules alone | the guard as shipped | its second opinion alone"
        " (model out of fold; recall, ok blocked)"
    )
    for lang in ("en", "fr"):
        must_l = [i for i in must if i["lang"] == lang]
        clean_l = [i for i in clean if i["lang"] == lang]
        cells = []
        for verdicts in (ruled, shipped, alone):
            recall = sum(verdicts[i["id"]] == "block" for i in must_l) / max(1, len(must_l))
            blocked = sum(verdicts[i["id"]] == "block" for i in clean_l) / max(1, len(clean_l))
            cells.append(f"{recall:.3f}, {blocked:.1%}")
        lines.append(f"{lang} | " + " | ".join(cells))
    return lines + _veto_table(items, ruled, alone, blocks, scores)


# --- The model as a veto on the rules' blocks (cv only) ------------------------------------------

# --- The model as a veto on the rules' blocks (cv only) ------------------------------------------

VETO_BARS = (0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2)


def _never_vetoed() -> frozenset[str]:
    from heardback.feedback.engine.guard import NEVER_VETOED

    return NEVER_VETOED


_VETO_KINDS: dict[str, Callable[[VetoView], bool]] = {
    "any block": lambda v: True,
    "protected": lambda v: v.category not in _never_vetoed(),
    # As shipped (`guard.VetoView.vetoable`).
    "protected, not of the person with a decision": lambda v: v.vetoable,
    "protected, no decision": lambda v: v.category not in _never_vetoed() and not v.decides,
    "protected, not of the person": lambda v: v.category not in _never_vetoed() and not v.person,
}


def _veto_table(
    items: Sequence[dict[str, str]],
    ruled: Mapping[str, str],
    alone: Mapping[str, str],
    blocks: dict[str, list[VetoView]],
    scores: dict[str, float],
) -> list[str]:
    """What a veto on the rules' blocks would do, out of fold: the model's scores of the items
    the rules block, then the whole guard per language when a rule block whose sentence the
    model scores under t becomes a warning (the model may still block the text itself)."""
    from heardback.feedback.engine import guard_lexicon
    from heardback.feedback.engine.guard_rules import fold

    bins = (*VETO_BARS, 0.5, 1.01)
    lines = [
        "veto: items the rules block, by the model's highest score of their blocked sentences"
        " (out of fold): " + " | ".join(f"<{b:g}" for b in bins)
    ]
    for lang in ("en", "fr"):
        for expected in ("block", "ok"):
            tops = [
                max(v.score for v in blocks[i["id"]])
                for i in items
                if i["lang"] == lang and i["expected"] == expected and i["id"] in blocks
            ]
            counts, below = [], 0
            for b in bins:
                now = sum(t < b for t in tops)
                counts.append(now - below)
                below = now
            lines.append(f"{lang} {expected} ({len(tops)}) | " + " | ".join(map(str, counts)))

    def blocked(key: str, may: Callable[[VetoView], bool] | None, t: float) -> bool:
        """Whether the guard blocks the item when `may` blocks under `t` are lifted."""
        if alone[key] == "block":
            return True  # the model's own blocks stay (it blocks only past PERSON_SCORE)
        if ruled[key] != "block":
            return False
        return may is None or not all(may(v) and v.score < t for v in blocks[key])

    lines.append("veto kind | t | en: recall (items), ok blocked (items) | fr: the same")
    for kind, may in [("none", None), *_VETO_KINDS.items()]:
        for t in VETO_BARS if may is not None else (0.0,):
            cells = []
            for lang in ("en", "fr"):
                must_l = [i for i in items if i["lang"] == lang and i["expected"] == "block"]
                clean_l = [i for i in items if i["lang"] == lang and i["expected"] == "ok"]

                caught = sum(blocked(i["id"], may, t) for i in must_l)
                wrong = sum(blocked(i["id"], may, t) for i in clean_l)
                cells.append(
                    f"{caught / max(1, len(must_l)):.3f} ({caught}), "
                    f"{wrong / max(1, len(clean_l)):.2%} ({wrong})"
                )
            lines.append(f"{kind} | {t:g} | " + " | ".join(cells))
    # The rules were tuned on every dev item, so they block few clean ones here. Items holding
    # a protected word are the kind they block on unseen text: how many would a veto release?
    lines.append(
        "items with a protected word (guard_lexicon), share scored under t out of fold: "
        + " | ".join(f"<{b:g}" for b in VETO_BARS)
    )
    for lang in ("en", "fr"):
        for expected in ("block", "ok"):
            held = [
                scores[i["id"]]
                for i in items
                if i["lang"] == lang
                and i["expected"] == expected
                and any(
                    h.category not in _never_vetoed()
                    for h in guard_lexicon.hits(fold(i["text"]), lang, 0, len(i["text"]))
                )
            ]
            shares = [sum(s < b for s in held) / max(1, len(held)) for b in VETO_BARS]
            lines.append(
                f"{lang} {expected} ({len(held)}) | " + " | ".join(f"{x:.1%}" for x in shares)
            )
    return lines


def _auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """Chance that a must-block item outscores a clean one (ties count half); both sorted."""
    from bisect import bisect_left, bisect_right

    won = sum(bisect_left(neg, p) + (bisect_right(neg, p) - bisect_left(neg, p)) / 2 for p in pos)
    return won / max(1, len(pos) * len(neg))


def _recall_at(pos: Sequence[float], neg: Sequence[float], share: float) -> float:
    """Block recall at the lowest threshold that flags at most `share` of the clean items."""
    bar = neg[len(neg) - 1 - int(share * len(neg))] if neg else 1.0
    return sum(p > bar for p in pos) / max(1, len(pos))


def main(argv: Sequence[str]) -> None:
    root = Path(__file__).resolve().parents[4]
    items = _dev_items(root)
    if argv[:1] == ["cv"]:
        thresholds = [0.5, 0.7, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95]
        print("\n".join(cross_validate(items, thresholds, interviewer_texts(root))))
        return
    if argv[:1] == ["train"]:
        threshold = float(argv[1]) if len(argv) > 1 else 0.92
        model = train(*training_set(root), threshold)
        save(model, Path(__file__).with_name(MODEL_FILE))
        print(f"{len(model.weights)} weights, threshold {threshold}")
        return
    raise SystemExit("usage: python -m heardback.feedback.engine.guard_model train [T] | cv")


if __name__ == "__main__":
    main(sys.argv[1:])
