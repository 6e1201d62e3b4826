"""Time saving and opening a 2 x 2,000-claim session (lexical engine, generated texts).

    .venv/bin/python scripts/bench_session.py [--claims N] [--repeat R]

Prints the file size (plain and, for comparison, gzip-compressed) and the time of
``load_session`` (read, parse, validate, build the ReviewState): the part of "open to a
painted window" that the core owns.
"""

from __future__ import annotations

import argparse
import gzip
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.comparison import CompareOptions, compare
from app.documents import from_text
from app.edits import Edit, EditKind, apply
from app.model import Side
from app.review import Note, ReviewState, ViewState, claim_target
from app.session import load_session, save_session
from app.session_codec import session_from_bytes

ACTORS = ["The minister", "The president", "A spokesman", "The police", "Two witnesses",
          "The mayor", "A neighbour", "The company", "Officials", "The driver"]  # fmt: skip
VERBS = ["said", "confirmed", "denied", "reported", "announced", "claimed", "noted"]
OBJECTS = ["the talks lasted {n} hours", "{n} people were present", "the fire started at {n} pm",
           "the bridge was closed for {n} days", "about {n} cars were damaged",
           "the meeting took place on Monday", "the budget rose by {n} percent",
           "the vote was postponed until {n} May", "the crowd had gathered near the station",
           "the statement was read out by {n} officials"]  # fmt: skip


def account(rng: random.Random, n: int, seed_shift: int) -> str:
    """``n`` one-claim sentences in paragraphs of five, under a heading every fifty."""
    parts: list[str] = []
    para: list[str] = []
    for i in range(n):
        if i % 50 == 0:
            if para:
                parts.append(" ".join(para))
                para = []
            parts.append(f"Part {i // 50 + 1}")
        k = (i + seed_shift) % 7
        what = rng.choice(OBJECTS).format(n=rng.randint(2, 90 + k))
        para.append(f"{rng.choice(ACTORS)} {rng.choice(VERBS)} that {what} (item {i}).")
        if len(para) == 5:
            parts.append(" ".join(para))
            para = []
    if para:
        parts.append(" ".join(para))
    return "\n\n".join(parts) + "\n"


def build(n: int) -> ReviewState:
    rng = random.Random(7)
    doc_a = from_text(account(rng, n, 0), label="Account A")
    doc_b = from_text(account(rng, n, 3), label="Account B")
    cmp = compare(doc_a, doc_b, CompareOptions(engine="lexical"))
    a_ids = [c.id for c in cmp.side_claims(Side.A)]
    b_ids = [c.id for c in cmp.side_claims(Side.B)]
    edits = []
    for link in cmp.links[:20]:
        edit = Edit(EditKind.UNLINK, link.a, link.b)
        cmp = apply(cmp, edit)
        edits.append(edit)
    reviewed = frozenset({"reviewed"})
    notes = tuple(
        Note(claim_target(cid), f"checked against the wire copy {i}", reviewed)
        for i, cid in enumerate(a_ids[:200])
    )
    view = ViewState(selected_claim=b_ids[len(b_ids) // 2], filter="differences", scroll_a=12000)
    return ReviewState(cmp, notes, tuple(edits), view)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2000, help="claims per side")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    t0 = time.perf_counter()
    state = build(args.claims)
    cmp = state.comparison
    print(f"built {len(cmp.side_claims(Side.A))} + {len(cmp.side_claims(Side.B))} claims, "
          f"{len(cmp.links)} links, {len(cmp.topics)} topics in "
          f"{time.perf_counter() - t0:.1f} s (lexical engine)")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.parallax"
        t0 = time.perf_counter()
        save_session(state, path)
        save_ms = (time.perf_counter() - t0) * 1000
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=6)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            loaded = load_session(path)
            times.append((time.perf_counter() - t0) * 1000)
        assert loaded.comparison == cmp and loaded.notes == state.notes
        gz_times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            session_from_bytes(packed)
            gz_times.append((time.perf_counter() - t0) * 1000)
    print(f"file: {len(data) / 1e6:.2f} MB plain JSON, {len(packed) / 1e6:.2f} MB gzip-compressed")
    print(f"save_session: {save_ms:.0f} ms (atomic, fsync)")
    print(f"load_session: median {statistics.median(times):.0f} ms, "
          f"best {min(times):.0f} ms over {args.repeat} runs")  # fmt: skip
    print(f"same file gzip-compressed: median {statistics.median(gz_times):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
