"""``parallax export``: the brief as PDF, HTML and/or Markdown, without a window.

    parallax export (A B | S.parallax) --pdf OUT.pdf [--html OUT.html] [--md OUT.md]
        [--scope all|differences|omissions] [--topic NAME ...] [--engine auto|semantic|lexical]
        [--title T] [--page-size A4|Letter] [--landscape] [--full-texts]

Registered when ``ui.launcher`` imports it. Qt is imported only when the command runs
(``app`` never imports Qt), on the offscreen platform when there is no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.atomic import atomic_write_text
from app.brief import Brief, BriefError, BriefOptions, build_brief
from app.brief_html import render_html
from app.brief_markdown import render_markdown
from app.cli import (
    EXIT_USAGE,
    CliError,
    add_account_args,
    compare_args,
    refuse_account_args,
    subcommand,
)
from app.review import ReviewState


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="A B | S.parallax",
        help="two accounts to compare, or one saved session",
    )
    p.add_argument("--pdf", metavar="OUT.pdf", help="write the brief as PDF")
    p.add_argument("--html", metavar="OUT.html", help="write the brief as one HTML file")
    p.add_argument("--md", metavar="OUT.md", help="write the brief as Markdown")
    p.add_argument("--scope", choices=["all", "differences", "omissions"], default="all")
    p.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="NAME",
        help="only this topic (id or label); repeat for more",
    )
    add_account_args(p)
    p.add_argument("--title", metavar="T", default="", help="the brief's title")
    p.add_argument("--page-size", choices=["A4", "Letter"], default="A4")
    p.add_argument("--landscape", action="store_true", help="landscape pages")
    p.add_argument("--full-texts", action="store_true", help="append both texts in full, annotated")


@subcommand("export", _export_args)
def run_export(args: argparse.Namespace) -> int:
    outputs = [
        (fmt, out) for fmt, out in (("pdf", args.pdf), ("html", args.html), ("md", args.md)) if out
    ]
    if not outputs:
        raise CliError(
            "export needs an output: --pdf OUT.pdf, --html OUT.html or --md OUT.md", EXIT_USAGE
        )
    options = _options(args)
    state = _load(args)
    try:
        brief = build_brief(state, options)
    except BriefError as exc:
        raise CliError(str(exc)) from None
    for fmt, out in outputs:
        _write(fmt, brief, Path(out))
    return 0


def _options(args: argparse.Namespace) -> BriefOptions:
    if args.topic and args.scope != "all":
        raise CliError("use --topic or --scope, not both", EXIT_USAGE)
    try:
        return BriefOptions(
            scope="topics" if args.topic else args.scope,
            topics=tuple(args.topic),
            full_texts=args.full_texts,
            title=args.title,
            page_size=args.page_size,
            landscape=args.landscape,
        )
    except BriefError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None


def _load(args: argparse.Namespace) -> ReviewState:
    inputs = args.inputs
    if len(inputs) == 1:
        if Path(inputs[0]).suffix.lower() != ".parallax":
            raise CliError(
                "export needs two accounts (A B) or one session (S.parallax)", EXIT_USAGE
            )
        refuse_account_args(args)
        from app.session import SessionError, load_session

        try:
            return load_session(Path(inputs[0]))
        except SessionError as exc:
            raise CliError(str(exc)) from None
    if len(inputs) != 2:
        raise CliError(
            f"export takes two accounts or one session, not {len(inputs)} files", EXIT_USAGE
        )
    a, b = inputs
    return ReviewState(compare_args(a, b, args))


def _write(fmt: str, brief: Brief, out: Path) -> None:
    if out.is_dir():
        raise CliError(f"{out}: is a folder, not a file")
    try:
        if fmt == "pdf":
            _write_pdf(brief, out)
        elif fmt == "html":
            atomic_write_text(out, render_html(brief))
        else:
            atomic_write_text(out, render_markdown(brief))
    except OSError as exc:
        raise CliError(f"{out}: cannot write ({exc.strerror or exc})") from None


def _write_pdf(brief: Brief, out: Path) -> None:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.pdf_export import export_pdf  # Qt only from here on

    export_pdf(brief, None, out)
