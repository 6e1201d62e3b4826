"""`make eval`: run `parallax compare` over the evaluation pairs and print the scorer's figures.

Two sets are scored: the real readout pairs in ../shared/eval/cases, and our own fictional
pairs in eval/cases (written to be hard: paraphrase, packed sentences, hard negatives), so
that a change tuned to the few real pairs shows up as a loss on the others. The scorer is
../shared/eval/score.py for both."""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from app.engines import SemanticEngine, semantic_problem  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
OWN_CASES = ROOT / "eval" / "cases"


def run_set(name: str, cases_dir: Path, scorer: Path, out: Path, engine: str) -> dict[str, float]:
    out.mkdir(parents=True, exist_ok=True)
    t_all = time.perf_counter()
    cases = sorted(p for p in cases_dir.iterdir() if (p / "gold.json").exists())
    for case in cases:
        t0 = time.perf_counter()
        cmd = [sys.executable, "-m", "app.cli", "compare", str(case / "a.txt"), str(case / "b.txt"),
               "--json", str(out / f"{case.name}.json"), "--engine", engine]  # fmt: skip
        subprocess.run(cmd, check=True, cwd=ROOT)
        print(
            f"# {name}/{case.name}: {time.perf_counter() - t0:.2f} s (CLI wall, incl. model load)"
        )
    done = subprocess.run(
        [sys.executable, str(scorer), "--all", str(cases_dir), str(out)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    print(done.stdout, end="")
    total: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    total.update(topic_figures(cases_dir, out, scorer))
    print(f"# {name}: {len(cases)} pairs in {time.perf_counter() - t_all:.1f} s")
    return total


def topic_figures(cases_dir: Path, results: Path, scorer: Path) -> dict[str, float]:
    """Our own topic figures (the scorer has none): how well the grouping agrees with the
    gold topics (F1 over pairs of annotated claims put in one topic), and how close each
    gold topic's name comes in meaning to the label of the topic holding most of its claims
    (cosine of MiniLM embeddings; a rough figure, 1.0 only for the same words)."""
    spec = importlib.util.spec_from_file_location("parallax_scorer", scorer)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    tp = fp = fn = 0
    names: list[tuple[str, str]] = []
    for case in sorted(p for p in cases_dir.iterdir() if (p / "gold.json").exists()):
        gold = json.loads((case / "gold.json").read_text())
        result = json.loads((results / f"{case.name}.json").read_text())
        docs = {d["side"]: d for d in result["documents"]}
        sides = {
            s: score.Side(docs[s], [c for c in result["claims"] if c["side"] == s]) for s in "ab"
        }
        ours = {c["id"]: c["topic"] for c in result["claims"]}
        label = {t["id"]: t["label"] for t in result["topics"]}
        theirs = {}
        for k, topic in enumerate(gold.get("topics", [])):
            for s in "ab":
                for sub in topic[s]:
                    theirs.update((cid, k) for cid in sides[s].locate(sub))
        ids = sorted(theirs)
        for i, x in enumerate(ids):
            for y in ids[i + 1 :]:
                g, p = theirs[x] == theirs[y], ours[x] == ours[y]
                tp, fp, fn = tp + (g and p), fp + (p and not g), fn + (g and not p)
        for k, topic in enumerate(gold.get("topics", [])):
            held = Counter(ours[c] for c in ids if theirs[c] == k)
            if held:
                names.append((topic["name"], label[held.most_common(1)[0][0]]))
    prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
    out = {"topic_f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0}
    if names and not semantic_problem():
        vecs = SemanticEngine().embed([n for pair in names for n in pair])
        out["label_closeness"] = float(np.mean(np.sum(vecs[0::2] * vecs[1::2], axis=1)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", default="auto", choices=["auto", "semantic", "lexical"])
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument("--keep", type=Path, help="keep the result JSON files here")
    args = parser.parse_args()
    scorer = args.eval_dir / "score.py"
    if not scorer.exists():
        print(f"eval: no scorer at {scorer}", file=sys.stderr)
        return 2
    out = args.keep or Path(tempfile.mkdtemp(prefix="parallax-eval-"))
    sets = [("real", args.eval_dir / "cases"), ("fictional", OWN_CASES)]
    totals = {
        name: run_set(name, cases, scorer, out / name, args.engine)
        for name, cases in sets
        if cases.is_dir()
    }
    print()
    heads = ("link P", "link R", "link F1", "omis F1", "rel acc", "topic F1", "label")
    print(f"{'set':<10}" + "".join(f" {h:>8}" for h in heads))
    keys = ("link_precision", "link_recall", "link_f1", "omission_f1", "relation_accuracy",
            "topic_f1", "label_closeness")  # fmt: skip
    for name, t in totals.items():
        print(f"{name:<10}" + "".join(f" {t[k]:>8.3f}" if k in t else f" {'-':>8}" for k in keys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
