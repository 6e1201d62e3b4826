"""`make eval`: run `parallax compare` over ../shared/eval/cases and print the scorer's figures."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", default="auto", choices=["auto", "semantic", "lexical"])
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument("--keep", type=Path, help="keep the result JSON files here")
    args = parser.parse_args()
    cases_dir = args.eval_dir / "cases"
    scorer = args.eval_dir / "score.py"
    if not cases_dir.is_dir() or not scorer.exists():
        print(f"eval: no evaluation data at {args.eval_dir}", file=sys.stderr)
        return 2
    out = args.keep or Path(tempfile.mkdtemp(prefix="parallax-eval-"))
    out.mkdir(parents=True, exist_ok=True)
    for case in sorted(p for p in cases_dir.iterdir() if (p / "gold.json").exists()):
        t0 = time.perf_counter()
        cmd = [sys.executable, "-m", "app.cli", "compare", str(case / "a.txt"), str(case / "b.txt"),
               "--json", str(out / f"{case.name}.json"), "--engine", args.engine]  # fmt: skip
        subprocess.run(cmd, check=True, cwd=ROOT)
        print(f"# {case.name}: {time.perf_counter() - t0:.2f} s (CLI wall, incl. model load)")
    subprocess.run([sys.executable, str(scorer), "--all", str(cases_dir), str(out)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
