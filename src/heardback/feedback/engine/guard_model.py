"""A learned second opinion for the guard: logistic regression over words and their pieces.

The rules are the guard; this model reads the sentences they found nothing to block in. Its
features are the folded sentence's words, word pairs, and the character 3- to 5-grams of each
word padded with a space on both sides (" enceinte " gives " en", "enc", …, "nte "), which lets
it recognise an inflection or a compound it never saw ("grossesse" / "grossesses", "jeunot",
"unionised"); plus the context (text a candidate reads, or a note). It was trained on the
labelled development set (`tests/feedback/engine/guard_eval/dev`, 1 = must block). When a
sentence scores past `threshold` it raises a warning, and past `block_threshold` a block in an
interviewer's note (in text for a candidate it only warns: see `guard._model_finding`); the
explanation quotes the nearest labelled sentences. The weights are a data file in the package
(`guard_model.json`, written from the project's own labelled data, same licence as the code);
nothing is downloaded at run time.

Speed: a word's unigram and character-gram weights are summed once and cached per word, so
scoring a sentence costs one dictionary look-up per word and one per word pair.

Training is deterministic and pure Python: sorted features, AdaGrad over the items in a fixed
order, a fixed number of epochs, L2 regularisation, no random state.
`python -m heardback.feedback.engine.guard_model cv` prints 5-fold cross-validated figures on the
dev part (folds by item id) for each feature set; `train` writes the shipped weights.
"""

from __future__ import annotations

import heapq
import json
import math
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from operator import itemgetter
from pathlib import Path

from heardback.feedback.engine.guard_rules import fold_phrase, key_text

MODEL_FILE = "guard_model.json"
_MIN_COUNT = 2  # a feature must occur in this many training sentences
_EPOCHS = 12
_RATE = 0.3
_L2 = 1e-4
_CHAR_SCALE = 0.25  # a character gram counts this much next to a whole word
_WORD_CACHE = 50_000  # words whose summed weight is remembered


@dataclass(frozen=True)
class Featurizer:
    """Which features a model reads (stored with its weights, so scoring matches training)."""

    chars: bool = True  # character n-grams of each word
    low: int = 3
    high: int = 5
    char_scale: float = _CHAR_SCALE
    rules: bool = False  # what the rules saw (`guard.rule_context`): warned and topic categories
    # The context as a feature: off, because most candidate-context items of the dev part must
    # block, and the model then blocked plain praise such as "Solid SQL." written to a candidate.
    context: bool = False

    def words(self, text: str, folded: bool = False) -> list[str]:
        """The sentence's distinct words, in order."""
        return list(dict.fromkeys(key_text(text if folded else fold_phrase(text)).split()))

    def grams(self, word: str) -> list[str]:
        """The word's character n-grams, marked with "#" so they never collide with a word."""
        if not self.chars or word.isdigit():
            return []
        padded = f" {word} "
        return [
            "#" + padded[i : i + n]
            for n in range(self.low, self.high + 1)
            for i in range(len(padded) - n + 1)
        ]

    def vector(self, text: str, context: str, extra: Iterable[str] = ()) -> dict[str, float]:
        """Feature -> value for one labelled sentence (training and cross-validation)."""
        words = self.words(text)
        out: dict[str, float] = {f"@ctx:{context}": 1.0} if self.context else {}
        for word in words:
            out[word] = 1.0
            for gram in self.grams(word):
                out[gram] = out.get(gram, 0.0) + self.char_scale
        for a, b in pairwise(words):
            out[f"{a} {b}"] = 1.0
        for name in extra:
            out[name] = 1.0
        return out


@dataclass(frozen=True, eq=False)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float  # warn at or above
    block_threshold: float  # block at or above (> 1 never blocks)
    featurizer: Featurizer
    # (text, label) of the training sentences the explanation may quote
    examples: tuple[tuple[str, str], ...]
    _per_word: dict[str, float] = field(default_factory=dict, repr=False)

    def _word_weight(self, word: str) -> float:
        cached = self._per_word.get(word)
        if cached is None:
            weights = self.weights
            scale = self.featurizer.char_scale
            cached = weights.get(word, 0.0) + scale * sum(
                weights.get(g, 0.0) for g in self.featurizer.grams(word)
            )
            if len(self._per_word) >= _WORD_CACHE:
                self._per_word.clear()
            self._per_word[word] = cached
        return cached

    def score(
        self,
        text: str,
        folded: bool = False,
        context: str = "note",
        extra: Iterable[str] = (),
    ) -> float:
        """Probability that `text` must be blocked (`folded`: already in folded form)."""
        return self.score_words(self.featurizer.words(text, folded), context, extra)

    def score_words(self, words: list[str], context: str, extra: Iterable[str] = ()) -> float:
        """`score` for a sentence already split into words (the key text's, see `words`)."""
        words = list(dict.fromkeys(words))
        weights = self.weights
        per_word = self._per_word
        z = self.bias + (weights.get(f"@ctx:{context}", 0.0) if self.featurizer.context else 0.0)
        for word in words:
            weight = per_word.get(word)
            z += self._word_weight(word) if weight is None else weight
        pairs = _pairs(self)
        for a, b in pairwise(words):
            after = pairs.get(a)
            if after is not None:
                z += after.get(b, 0.0)
        for name in extra:
            z += weights.get(name, 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def nearest(self, text: str, k: int = 2) -> list[tuple[str, str]]:
        """The `k` labelled sentences sharing the most weighted words with `text` (remembered
        for recent sentences: the live guard and the "Candidate-safe" tag re-check the same
        comment often)."""
        return list(_nearest(self, text, k))

    def _nearest(self, text: str, k: int) -> tuple[tuple[str, str], ...]:
        """`nearest`, uncached.

        Only the sentence's six most block-leaning words and pairs are looked up: they are what
        the explanation should show, and common words would make every example a candidate."""
        weights = self.weights
        mine = heapq.nlargest(
            6, (f for f in _word_features(text) if weights.get(f, 0.0) > 0), key=weights.__getitem__
        )
        norms, holders = _example_index(self)
        shared: dict[int, float] = {}
        for f in mine:
            weight = weights[f]
            for index in holders.get(f, ()):
                shared[index] = shared.get(index, 0.0) + weight * norms[index]
        best = heapq.nlargest(k, sorted(shared.items()), key=itemgetter(1))
        return tuple(self.examples[i] for i, _ in best)


@lru_cache(maxsize=2048)
def _nearest(model: Model, text: str, k: int) -> tuple[tuple[str, str], ...]:
    return model._nearest(text, k)


@lru_cache(maxsize=4)
def _pairs(model: Model) -> dict[str, dict[str, float]]:
    """The word-pair weights as first word -> second word -> weight (no string to build)."""
    out: dict[str, dict[str, float]] = {}
    for feature, weight in model.weights.items():
        first, space, second = feature.partition(" ")
        if space and not feature.startswith(("#", "@")):
            out.setdefault(first, {})[second] = weight
    return out


def _word_features(text: str) -> set[str]:
    words = key_text(fold_phrase(text)).split()
    return set(words) | {f"{a} {b}" for a, b in pairwise(words)}


@lru_cache(maxsize=4)
def _example_index(model: Model) -> tuple[tuple[float, ...], dict[str, list[int]]]:
    """Per example, 1 / sqrt(1 + its number of word features) (long examples share more by
    chance), and which examples hold each feature: built once per model."""
    features = [_word_features(text) for text, _ in model.examples]
    holders: dict[str, list[int]] = {}
    for index, held in enumerate(features):
        for f in sorted(held):
            holders.setdefault(f, []).append(index)
    return tuple(1 / math.sqrt(1 + len(held)) for held in features), holders


def fit(
    vectors: Sequence[dict[str, float]], labels: Sequence[bool]
) -> tuple[float, dict[str, float]]:
    """Logistic regression by AdaGrad over the rows in the given order: (bias, weights)."""
    counts: dict[str, int] = {}
    for row in vectors:
        for f in row:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= _MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [[(index[f], v) for f, v in sorted(row.items()) if f in index] for row in vectors]
    w = [0.0] * len(vocab)
    g2 = [1e-8] * len(vocab)
    b, b2 = 0.0, 1e-8
    for _ in range(_EPOCHS):
        for x, y in zip(rows, labels, strict=True):
            z = b + sum(w[i] * v for i, v in x)
            err = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - (1.0 if y else 0.0)
            b2 += err * err
            b -= _RATE * err / math.sqrt(b2)
            for i, v in x:
                grad = err * v + _L2 * w[i]
                g2[i] += grad * grad
                w[i] -= _RATE * grad / math.sqrt(g2[i])
    weights = {f: round(w[i], 4) for f, i in index.items() if abs(w[i]) >= 5e-4}
    return round(b, 4), weights


def train(
    items: Sequence[dict[str, str]],
    threshold: float = 0.8,
    block_threshold: float = 2.0,
    featurizer: Featurizer | None = None,
    seen: dict[str, tuple[str, list[str]]] | None = None,
) -> Model:
    """Fit on labelled items ({"id", "text", "context", "expected"}), in a fixed order.

    `seen` maps item ids to `rule_verdicts` (computed when the featurizer reads the rules)."""
    featurizer = featurizer or Featurizer()
    if featurizer.rules and seen is None:
        seen = rule_verdicts(items)
    ordered = sorted(items, key=lambda i: (zlib.crc32(i["id"].encode()), i["id"]))
    bias, weights = fit(
        [
            featurizer.vector(
                i["text"], i["context"], seen[i["id"]][1] if featurizer.rules and seen else ()
            )
            for i in ordered
        ],
        [i["expected"] == "block" for i in ordered],
    )
    examples = tuple((i["text"], "block") for i in items if i["expected"] == "block")
    return Model(bias, weights, threshold, block_threshold, featurizer, examples)


def save(model: Model, path: Path) -> None:
    data = {
        "licence": "AGPL-3.0-or-later (trained on heardback's own labelled sentences)",
        "bias": model.bias,
        "threshold": model.threshold,
        "block_threshold": model.block_threshold,
        "featurizer": {
            "chars": model.featurizer.chars,
            "low": model.featurizer.low,
            "high": model.featurizer.high,
            "char_scale": model.featurizer.char_scale,
            "rules": model.featurizer.rules,
            "context": model.featurizer.context,
        },
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
        block_threshold=float(data.get("block_threshold", 2.0)),
        featurizer=Featurizer(**data.get("featurizer", {"chars": False})),
        examples=tuple((str(t), str(lab)) for t, lab in data["examples"]),
    )


# --- Cross-validation on the dev part -----------------------------------------------------------


def _dev_items(root: Path) -> list[dict[str, str]]:
    items = []
    for path in sorted((root / "tests/feedback/engine/guard_eval/dev").glob("*.jsonl")):
        items += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return items


def _fold(item_id: str, k: int = 5) -> int:
    return zlib.crc32(item_id.encode()) % k


def out_of_fold(
    items: Sequence[dict[str, str]],
    featurizer: Featurizer,
    seen: dict[str, tuple[str, list[str]]],
) -> dict[str, float]:
    """Each item's score from a model trained on the four folds that do not hold it."""
    scores: dict[str, float] = {}
    for k in range(5):
        part = [i for i in items if _fold(i["id"]) != k]
        model = train(part, featurizer=featurizer, seen=seen)
        for i in items:
            if _fold(i["id"]) == k:
                extra = seen[i["id"]][1] if featurizer.rules else ()
                scores[i["id"]] = model.score(i["text"], context=i["context"], extra=extra)
    return scores


def rule_verdicts(items: Iterable[dict[str, str]]) -> dict[str, tuple[str, list[str]]]:
    """Per item id: the rules' verdict (no second opinion) and what they saw."""
    from heardback.feedback.engine.guard import check, rules_seen, verdict

    out: dict[str, tuple[str, list[str]]] = {}
    for i in items:
        ruled = verdict(
            check(
                i["text"],
                lang=i["lang"],
                context=i["context"],  # type: ignore[arg-type]
                other_names=i.get("other_names", ()),
                second_opinion=False,
            )
        )
        _, extra = rules_seen(i["text"], lang=i["lang"], context=i["context"])  # type: ignore[arg-type]
        out[i["id"]] = (ruled, extra)
    return out


def combined(rule: str, score: float, warn_at: float, block_at: float) -> str:
    """The guard's verdict when the model reads what the rules did not block."""
    if rule == "block" or score >= block_at:
        return "block"
    if rule == "warn" or score >= warn_at:
        return "warn"
    return "ok"


def figures(
    items: Sequence[dict[str, str]], verdict_of: Callable[[dict[str, str]], str]
) -> tuple[float, float, float]:
    """(block recall, clean items blocked, must-block items passed as ok)."""
    must = [i for i in items if i["expected"] == "block"]
    clean = [i for i in items if i["expected"] == "ok"]
    got = {i["id"]: verdict_of(i) for i in items}
    recall = sum(got[i["id"]] == "block" for i in must) / max(1, len(must))
    blocked = sum(got[i["id"]] == "block" for i in clean) / max(1, len(clean))
    passed = sum(got[i["id"]] == "ok" for i in must) / max(1, len(must))
    return recall, blocked, passed


FEATURE_SETS = {
    "words": Featurizer(chars=False),
    "words+chars": Featurizer(),
    "words+chars+context": Featurizer(context=True),
    "words+chars+rules": Featurizer(rules=True),
}


def _row(
    t: float,
    scores: dict[str, float],
    rules: dict[str, str],
    mine: Sequence[dict[str, str]],
    new: Sequence[dict[str, str]],
) -> str:
    def alone(i: dict[str, str]) -> str:
        return "block" if scores[i["id"]] >= t else "ok"

    def both(i: dict[str, str]) -> str:
        return combined(rules[i["id"]], scores[i["id"]], t, t)

    a, b, c = figures(mine, alone), figures(mine, both), figures(new, both)
    return f"{t:.2f} | {a[0]:.3f} | {a[1]:.1%} | {b[0]:.3f} | {b[1]:.1%} | {c[0]:.3f} | {c[1]:.1%}"


def cross_validate(
    items: Sequence[dict[str, str]], subset: Callable[[dict[str, str]], bool]
) -> str:
    """Per feature set and language: the model alone, and rules + model, out of fold."""
    seen = rule_verdicts(items)
    rules = {k: v[0] for k, v in seen.items()}
    lines = []
    for name, featurizer in FEATURE_SETS.items():
        scores = out_of_fold(items, featurizer, seen)
        for lang in ("en", "fr"):
            mine = [i for i in items if i["lang"] == lang]
            new = [i for i in mine if subset(i)]
            for t in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98):
                lines.append(f"{name} | {lang} | {_row(t, scores, rules, mine, new)}")
    for lang in ("en", "fr"):
        r, b, _ = figures(
            [i for i in items if i["lang"] == lang and subset(i)], lambda i: rules[i["id"]]
        )
        lines.append(f"rules alone | {lang} | new items only: recall {r:.3f}, ok blocked {b:.1%}")
    head = (
        "features | lang | threshold | model alone: recall | ok flagged | "
        "rules + model blocking: recall | ok blocked | same on new items: recall | ok blocked"
    )
    return "\n".join([head, *lines])


def _is_new(item: dict[str, str]) -> bool:
    """The items added in round 3 (written unseen): en-1236.., fr-797.."""
    lang, _, number = item["id"].partition("-")
    return int(number) >= (1236 if lang == "en" else 797)


def main(argv: Sequence[str]) -> None:
    root = Path(__file__).resolve().parents[4]
    items = _dev_items(root)
    if argv[:1] == ["cv"]:
        print(cross_validate(items, _is_new))
        return
    if argv[:1] == ["train"]:
        threshold = float(argv[1]) if len(argv) > 1 else 0.8
        block_threshold = float(argv[2]) if len(argv) > 2 else 2.0
        model = train(items, threshold, block_threshold)
        save(model, Path(__file__).with_name(MODEL_FILE))
        print(f"{len(model.weights)} weights, warn at {threshold}, block at {block_threshold}")
        return
    raise SystemExit(
        "usage: python -m heardback.feedback.engine.guard_model train [WARN [BLOCK]] | cv"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
