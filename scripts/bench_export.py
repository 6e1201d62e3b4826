"""Time the brief export: a readout pair, and two synthetic accounts of 2,000 claims each.

    QT_QPA_PLATFORM=offscreen python scripts/bench_export.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.brief import BriefOptions, build_brief, render_html, render_markdown
from app.comparison import CompareOptions, compare
from app.documents import from_text
from ui.pdf_export import ensure_gui_app, export_pdf

PLACES = ["Geneva", "Riyadh", "Ankara", "Oslo", "Vienna", "Doha", "Nairobi", "Lima"]
TOPICS = [
    "grain corridor", "prisoner exchange", "energy strikes", "border crossings",
    "sanctions relief", "nuclear safety", "humanitarian access", "ceasefire monitoring",
]  # fmt: skip
VERBS = ["discussed", "agreed on", "reviewed", "raised concerns about", "welcomed progress on"]


def _sentence(rng: random.Random, i: int, side: str) -> str:
    topic = TOPICS[i % len(TOPICS)]
    place = rng.choice(PLACES)
    verb = rng.choice(VERBS) if side == "a" or rng.random() < 0.3 else VERBS[i % len(VERBS)]
    days = rng.randint(2, 30) if rng.random() < 0.5 else 7
    return (f"The delegations {verb} the {topic} in {place} on day {i} "
            f"and set a deadline of {days} days for the next round.")  # fmt: skip


def synthetic(n: int, side: str, seed: int = 1) -> str:
    rng = random.Random(seed)
    paras = []
    for p in range(0, n, 8):
        paras.append(" ".join(_sentence(rng, i, side) for i in range(p, min(p + 8, n))))
    return "\n\n".join(paras)


def sample_pair() -> tuple[str, str]:
    a = ("The foreign ministers spoke by telephone on 14 March at the request of the "
         "American side. They agreed to restore the work of both embassies within 30 days. "
         "The ministers discussed the grain corridor and the exchange of 200 prisoners. "
         "Both sides confirmed their readiness to continue contacts.")  # fmt: skip
    b = ("The Secretary spoke with the Russian foreign minister on 14 March. They agreed "
         "to restore embassy staffing within 60 days. The Secretary raised the detention of "
         "American citizens. They discussed the exchange of 175 prisoners.")  # fmt: skip
    return a, b


def timed(label: str, a_text: str, b_text: str, out: Path) -> None:
    t0 = time.perf_counter()
    cmp = compare(from_text(a_text, "Account A"), from_text(b_text, "Account B"),
                  CompareOptions(engine="lexical"))  # fmt: skip
    t1 = time.perf_counter()
    opts = BriefOptions(full_texts=True)
    brief = build_brief(cmp, opts)
    render_html(brief)
    render_markdown(brief)
    t2 = time.perf_counter()
    pages = export_pdf(brief, opts, out)
    t3 = time.perf_counter()
    print(f"{label}: {len(cmp.claims)} claims, compare {t1 - t0:.2f} s, "
          f"HTML+Markdown {t2 - t1:.2f} s, PDF {t3 - t2:.2f} s ({pages} pages), "
          f"export total {t3 - t1:.2f} s")  # fmt: skip


def main() -> int:
    ensure_gui_app()
    with tempfile.TemporaryDirectory() as tmp:
        timed("readout pair", *sample_pair(), Path(tmp, "pair.pdf"))
        timed("2 x 2,000 claims", synthetic(2000, "a", 1), synthetic(2000, "b", 2),
              Path(tmp, "big.pdf"))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
