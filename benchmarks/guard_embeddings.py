"""An approach tried for the guard and not kept: a classifier over static sentence embeddings.

    .venv/bin/pip install -e '.[experiments]'
    .venv/bin/python benchmarks/guard_embeddings.py [--test] [--demo-db PATH]

The safe-feedback guard issue asks to try what generalizes past the rules, for example "a
classifier over sentence embeddings whose weights ship inside a package on the registry". This
script is that experiment, kept so anyone can run it again:

- Embeddings: WordLlama 0.4 (MIT), whose wheel on PyPI ships its `l2_supercat` 256-dimension
  token embeddings and tokenizer (16 MB), run with numpy only; nothing is downloaded. (Its
  `WordLlama.load` looks for the packaged tokenizer in the wrong folder and then tries Hugging
  Face, so the files are opened directly here.) A text's vector is the mean of its token
  vectors, normalised.
- Classifier: scikit-learn's logistic regression (C=16, balanced classes) on the development
  part's items, "block" against everything else, plus one feature for the candidate context.
- Evaluation: 5-fold cross-validation on the development part; then, with the model trained on
  the whole development part, the frozen test part -- aggregates only, never an item -- for
  three ways of joining the model to the rules, all fixed before the test part was read:
  the model blocks where it scores >= 0.95 (cross-validated clean blocked <= 1 %); the model
  only warns at >= 0.9; a rules warning becomes a block where the model scores >= 0.7.
- False flags on real interviewer text: with `--demo-db` (a database holding the demo, e.g. the
  temporary SQLite of `benchmarks/feedback_quality.py --size small`), the share of the demo's
  evidence, candidate-safe comments, takeaways and private notes the model alone would block.

docs/benchmarks.md ("Round 5") has the figures and why the model was not kept.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

try:
    import wordllama
    from safetensors import safe_open
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict
    from wordllama import WordLlama
    from wordllama.inference import WordLlamaInference
except ImportError:  # pragma: no cover - the experiment's own dependencies
    sys.exit("This experiment needs: .venv/bin/pip install -e '.[experiments]'")

from heardback.feedback.engine.guard import check, verdict

EVAL = Path(__file__).resolve().parents[1] / "tests" / "feedback" / "engine" / "guard_eval"
Item = dict[str, object]


def embedder() -> WordLlamaInference:
    root = Path(wordllama.__file__).parent
    tokenizer = WordLlama.load_tokenizer(root / "tokenizers" / "l2_supercat_tokenizer_config.json")
    with safe_open(root / "weights" / "l2_supercat_256.safetensors", framework="np") as f:
        vectors = f.get_tensor("embedding.weight")
    return WordLlamaInference(vectors, tokenizer)


def load(split: str) -> list[Item]:
    items: list[Item] = []
    for path in sorted((EVAL / split).glob("*.jsonl")):
        items += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return items


def features(model: WordLlamaInference, items: list[Item]) -> np.ndarray:
    vectors = model.embed([str(i["text"]) for i in items], norm=True)
    context = np.array([[1.0 if i["context"] == "candidate" else 0.0] for i in items])
    return np.hstack([vectors, context])


def rules(items: list[Item]) -> np.ndarray:
    return np.array(
        [
            verdict(
                check(
                    str(i["text"]),
                    lang=str(i["lang"]),
                    context=i["context"],  # type: ignore[arg-type]
                    other_names=tuple(i.get("other_names", ())),  # type: ignore[arg-type]
                    second_opinion=True,
                )
            )
            for i in items
        ]
    )


def report(name: str, items: list[Item], got: np.ndarray) -> None:
    expected = np.array([i["expected"] for i in items])
    for lang in ("en", "fr"):
        in_lang = np.array([i["lang"] == lang for i in items])
        must_block, clean = (expected == "block") & in_lang, (expected == "ok") & in_lang
        print(
            f"  {name:44s} {lang}: block recall {(got[must_block] == 'block').mean():.3f}, "
            f"clean blocked {(got[clean] == 'block').mean():.1%}"
        )


def joined(by_rules: np.ndarray, score: np.ndarray, how: str) -> np.ndarray:
    got = by_rules.copy()
    if how == "model blocks >= 0.95":
        got[score >= 0.95] = "block"
    elif how == "model warns >= 0.9":
        got[(score >= 0.9) & (got == "ok")] = "warn"
    elif how == "rules warning -> block where model >= 0.7":
        got[(got == "warn") & (score >= 0.7)] = "block"
    return got


JOINS = (
    "model blocks >= 0.95",
    "model warns >= 0.9",
    "rules warning -> block where model >= 0.7",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--test", action="store_true", help="Also the frozen test part.")
    parser.add_argument("--demo-db", type=Path, help="A SQLite database holding the demo.")
    args = parser.parse_args()

    model = embedder()
    dev = load("dev")
    x_dev = features(model, dev)
    y_dev = np.array([1 if i["expected"] == "block" else 0 for i in dev])
    classifier = LogisticRegression(C=16, max_iter=3000, class_weight="balanced")
    folds = GroupKFold(5)
    cv = cross_val_predict(
        classifier, x_dev, y_dev, cv=folds, groups=np.arange(len(dev)) % 5, method="predict_proba"
    )[:, 1]
    classifier.fit(x_dev, y_dev)
    print(f"development part, {len(dev)} items (the model cross-validated, 5 folds)")
    report("rules", dev, rules(dev))
    for threshold in (0.9, 0.95):
        report(f"model alone >= {threshold}", dev, np.where(cv >= threshold, "block", "ok"))

    if args.test:
        test = load("test")
        score = classifier.predict_proba(features(model, test))[:, 1]
        by_rules = rules(test)
        print(f"frozen test part, {len(test)} items (aggregates only)")
        report("rules", test, by_rules)
        for how in JOINS:
            report(f"rules + {how}", test, joined(by_rules, score, how))

    if args.demo_db:
        db = sqlite3.connect(args.demo_db)
        texts = [
            {"text": text, "context": context}
            for text, context in db.execute(
                "select evidence, 'note' from hiring_scorecardrating"
                " union all select candidate_comment, 'candidate' from hiring_scorecardrating"
                " union all select key_takeaways, 'note' from hiring_scorecard"
                " union all select private_notes, 'note' from hiring_scorecard"
            )
            if text and text.strip()
        ]
        score = classifier.predict_proba(features(model, texts))[:, 1]
        flagged = {str(t["text"]) for t, s in zip(texts, score, strict=True) if s >= 0.95}
        print(
            f"demo interviewer texts the model alone would block (>= 0.95): "
            f"{(score >= 0.95).sum()} of {len(texts)} ({(score >= 0.95).mean():.1%}), "
            f"{len(flagged)} distinct of {len({str(t['text']) for t in texts})}"
        )

    sample = ["The candidate explained the rollback plan and its owners clearly."] * 20_000
    started = time.process_time()
    model.embed(sample)
    seconds = time.process_time() - started
    print(f"embedding throughput: {sum(map(len, sample)) / seconds / 1e6:.1f} MB/s/core (CPU)")


if __name__ == "__main__":
    main()
