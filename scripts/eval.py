"""`make eval`: run `parallax compare` over the evaluation pairs and print the scorer's figures.

Two sets are scored: the real readout pairs in ../shared/eval/cases, and our own fictional
pairs in eval/cases (written to be hard: paraphrase, packed sentences, hard negatives), so
that a change tuned to the few real pairs shows up as a loss on the others. The scorer is
../shared/eval/score.py for both."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    print(f"# {name}: {len(cases)} pairs in {time.perf_counter() - t_all:.1f} s")
    return total


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
    print(f"{'set':<10} {'link P':>7} {'link R':>7} {'link F1':>7} {'omis F1':>7} {'rel acc':>7}")
    keys = ("link_precision", "link_recall", "link_f1", "omission_f1", "relation_accuracy")
    for name, t in totals.items():
        print(f"{name:<10}" + "".join(f" {t[k]:>7.3f}" for k in keys))
    return 0


if __name__ == "__main__":
    sys.exit(main())
