"""Time the brief export: the bundled sample pair, and two made-up accounts of 2,000
claims each (``app.synthetic.pair``), to PDF, HTML and Markdown; then read each PDF back
and check it is sane (page count, "Page N of M" on every page, no claim cut in two).

    QT_QPA_PLATFORM=offscreen python scripts/bench_export.py

Targets (issue 5): a readout pair to PDF in under 2 s; 2 x 2,000 claims in under 20 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import synthetic
from app.brief import BriefOptions, build_brief
from app.brief_html import render_html
from app.brief_markdown import render_markdown
from app.comparison import CompareOptions, compare
from app.documents import from_text, read_path
from app.model import Comparison
from app.resources import sample_paths
from ui.pdf_export import ensure_gui_app, export_pdf


def check_pdf(path: Path, pages: int, cmp: Comparison) -> str:
    """Read the PDF back: every page numbered, and every claim's first words present."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    texts = [" ".join(doc.getAllText(i).text().split()) for i in range(doc.pageCount())]
    doc.close()
    problems = []
    if len(texts) != pages:
        problems.append(f"{len(texts)} pages read back, {pages} written")
    unnumbered = [n for n, t in enumerate(texts, 1) if f"Page {n} of {pages}" not in t]
    if unnumbered:
        problems.append(f"pages without a number: {unnumbered[:5]}")
    everything = " ".join(texts)
    missing = [c.id for c in cmp.claims if " ".join(c.text.split()[:4]) not in everything]
    if missing:
        problems.append(f"{len(missing)} claims not found, e.g. {missing[:5]}")
    return "; ".join(problems) or "sane"


def timed(label: str, cmp: Comparison, out: Path) -> None:
    opts = BriefOptions(full_texts=True)
    t0 = time.perf_counter()
    brief = build_brief(cmp, opts)
    html, md = render_html(brief), render_markdown(brief)
    t1 = time.perf_counter()
    pages = export_pdf(brief, opts, out)
    t2 = time.perf_counter()
    print(
        f"{label}: {len(cmp.claims)} claims, {len(cmp.links)} links; "
        f"brief + HTML + Markdown {t1 - t0:.2f} s ({len(html) // 1024} + {len(md) // 1024} KB), "
        f"PDF {t2 - t1:.2f} s ({pages} pages, {out.stat().st_size // 1024} KB), "
        f"export total {t2 - t0:.2f} s; PDF {check_pdf(out, pages, cmp)}"
    )


def main() -> int:
    ensure_gui_app()
    lexical = CompareOptions(engine="lexical")  # the export is timed, not the comparison
    a, b = sample_paths()
    sample = compare(read_path(a), read_path(b), lexical)
    text_a, text_b = synthetic.pair(2000)
    big = compare(from_text(text_a, label="A"), from_text(text_b, label="B"), lexical)
    with tempfile.TemporaryDirectory() as tmp:
        timed("sample readout pair", sample, Path(tmp, "pair.pdf"))
        timed("2 x 2,000 claims", big, Path(tmp, "big.pdf"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
