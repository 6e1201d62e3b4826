"""`make bench`: speed and memory figures for the comparison core (printed, not asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.synthetic import pair  # noqa: E402

CHILD = """
import resource, sys, time, json
t0 = time.perf_counter()
from app.comparison import compare, CompareOptions
from app.documents import read_path
a, b, engine = sys.argv[1], sys.argv[2], sys.argv[3]
cmp = compare(read_path(a), read_path(b), CompareOptions(engine=engine))
wall = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "rss_mb": rss, "claims": len(cmp.claims),
                  "links": len(cmp.links), "engine": cmp.engine}))
"""


def run_child(a: Path, b: Path, engine: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(a), str(b), engine],
                         check=True, capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_pair(folder: Path, n: int) -> tuple[Path, Path]:
    ta, tb = pair(n, seed=n)
    a, b = folder / f"a{n}.txt", folder / f"b{n}.txt"
    a.write_text(ta, encoding="utf-8")
    b.write_text(tb, encoding="utf-8")
    return a, b


def cli_wall(a: Path, b: Path, out: Path) -> float:
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "ui.launcher", "compare", str(a), str(b), "--json", str(out)]
    subprocess.run(cmd, check=True, cwd=ROOT)  # the installed command's path
    return time.perf_counter() - t0


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="parallax-bench-"))
    print("== comparison core (2 CPU cores; figures, not assertions)")
    a, b = write_pair(tmp, 40)
    walls = [cli_wall(a, b, tmp / "out.json") for _ in range(3)]
    print(f"readout pair, ~40 claims a side: CLI wall incl. imports and model load "
          f"{min(walls):.2f} s best of 3 (target < 1 s)")  # fmt: skip
    sizes = [250, 500, 1000, 2000]
    times = []
    for n in sizes:
        a, b = write_pair(tmp, n)
        r = run_child(a, b, "semantic")
        times.append(r["wall"])
        print(
            f"2 x {n:>4} sentences: {r['claims']:>5} claims, {r['links']:>5} links, "
            f"{r['wall']:6.2f} s, peak RSS {r['rss_mb']:7.1f} MB ({r['engine']})"
        )
    slope = _slope([math.log(s) for s in sizes[1:]], [math.log(t) for t in times[1:]])
    print(f"scaling exponent (time ~ n^k, 500..2000): k = {slope:.2f}  (targets: 2 x 2000 < 20 s, "
          "< 1.5 GB)")  # fmt: skip
    r = run_child(*write_pair(tmp, 2000), "lexical")
    print(f"lexical engine, 2 x 2000: {r['wall']:.2f} s, peak RSS {r['rss_mb']:.1f} MB")
    pathological()
    for extra in ("bench_session.py", "bench_export.py", "bench_gui.py"):
        script = ROOT / "scripts" / extra
        if script.exists():
            print(f"== {extra}")
            sys.stdout.flush()
            subprocess.run([sys.executable, str(script)], cwd=ROOT, check=False)
    return 0


def pathological() -> None:
    """Segmentation must stay linear on odd input (it once went cubic on "U.S. " * n)."""
    from app.documents import from_text
    from app.model import Side
    from app.segment import segment

    worst = ("", 0.0)
    for name, text in {
        "dotted acronyms": "U.S. " * 100_000,
        "abbreviations": "Mr. " * 100_000,
        "list markers": "1. 2. 3. " * 60_000,
        "quotes": '"' * 200_000 + " text.",
        "one huge sentence": "the minister agreed, and the people said " * 25_000 + ".",
        "semicolons": "the minister agreed to go; " * 40_000,
    }.items():
        t0 = time.perf_counter()
        segment(from_text(text), Side.A)
        took = time.perf_counter() - t0
        worst = max(worst, (name, took), key=lambda w: w[1])
    print(f"segmenting ~1 MB of pathological text: worst case {worst[1]:.2f} s ({worst[0]})")


def _slope(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    den = sum((x - mx) ** 2 for x in xs) or 1.0
    return num / den


if __name__ == "__main__":
    sys.exit(main())
