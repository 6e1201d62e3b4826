"""The ``parallax`` command's core: headless subcommands and their dispatch.

    parallax compare A B --json OUT|- [--engine auto|semantic|lexical] [--label-a L] [--label-b L]
                     [--date-a D] [--date-b D] [--encoding-a E] [--encoding-b E]
                     [--save S.parallax]
    parallax compare S.parallax --json OUT      (reads the saved session; nothing recomputed)
    parallax export (A B | S.parallax) --pdf OUT.pdf [--html OUT.html] [--md OUT.md] ...
    parallax [A B | SESSION.parallax] [--screenshot OUT.png]     (opens the window)

The installed command is ``ui.launcher``, which adds ``export`` and the window (the core
never imports ``ui``). Headless subcommands never import Qt; errors are one line on
stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from app import __version__
from app.atomic import atomic_write_bytes
from app.comparison import CompareOptions, compare
from app.decoding import DecodeError, encoding_name
from app.documents import DocumentError, read_path
from app.engines import EngineError
from app.figures import parse_day
from app.jsonio import to_json
from app.model import Comparison, Document, Side

EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERNAL = 4

#: subcommand name -> (add its arguments, run it); other modules register here too.
SUBCOMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None],
                             Callable[[argparse.Namespace], int]]] = {}  # fmt: skip


class CliError(Exception):
    """A user-facing failure: printed as one line, exit code attached."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code


def subcommand(
    name: str, add_args: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    def register(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        SUBCOMMANDS[name] = (add_args, run)
        return run

    return register


def _compare_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("a", help="account A: a .txt, .md or .html file")
    p.add_argument("b", nargs="?", help="account B")
    p.add_argument("--json", metavar="OUT", help="write the comparison JSON here ('-' = stdout)")
    add_account_args(p)


def add_account_args(p: argparse.ArgumentParser) -> None:
    """How two accounts are read and compared (not for a saved session)."""
    p.add_argument("--engine", choices=["auto", "semantic", "lexical"], default="auto")
    p.add_argument("--label-a", metavar="L", help="label for account A (default: file name)")
    p.add_argument("--label-b", metavar="L", help="label for account B")
    p.add_argument(
        "--date-a",
        metavar="D",
        default="",
        help="the day account A was issued (2025-02-15): its 'today' is then that day",
    )
    p.add_argument("--date-b", metavar="D", default="", help="the day account B was issued")
    p.add_argument(
        "--encoding-a",
        metavar="E",
        default="",
        help="read account A in this encoding (utf-8, windows-1253, shift_jis…) instead of "
        "guessing it",
    )
    p.add_argument("--encoding-b", metavar="E", default="", help="the encoding of account B")


def refuse_account_args(args: argparse.Namespace) -> None:
    """A saved session is read as it was saved: options for reading accounts are errors."""
    given = [args.label_a, args.label_b, args.date_a, args.date_b, args.encoding_a, args.encoding_b]
    if any(given) or args.engine != "auto":
        raise CliError(
            "--engine, --label-a/-b, --date-a/-b and --encoding-a/-b do not apply to a saved "
            "session",
            EXIT_USAGE,
        )


def compare_args(a: str, b: str, args: argparse.Namespace) -> Comparison:
    """Compare two account files as ``add_account_args`` options say."""
    sides = (
        (a, args.label_a, args.date_a, args.encoding_a, "a"),
        (b, args.label_b, args.date_b, args.encoding_b, "b"),
    )
    for _, _, day, encoding, side in sides:  # every option checked before any file is read
        if day and parse_day(day) is None:
            raise CliError(f"--date-{side} {day}: give a day such as 2025-02-15", EXIT_USAGE)
        if encoding:
            try:
                encoding_name(encoding)
            except DecodeError as exc:
                raise CliError(f"--encoding-{side}: {exc}", EXIT_USAGE) from None
    doc_a, doc_b = (_read(path, label, day, encoding) for path, label, day, encoding, _ in sides)
    return compare(doc_a, doc_b, CompareOptions(engine=args.engine))


def _read(path: str, label: str | None, day: str, encoding: str) -> Document:
    doc = read_path(path, label=label or "", encoding=encoding or None)
    return replace(doc, date=day) if day else doc


@subcommand("compare", _compare_args)
def run_compare(args: argparse.Namespace) -> int:
    if args.b is None:
        raise CliError("compare needs two files: parallax compare A B --json OUT", EXIT_USAGE)
    check_outputs(args, (args.a, args.b))
    cmp = compare_args(args.a, args.b, args)
    if args.json:
        write_json(to_json(cmp), args.json)
    elif not getattr(args, "save", None):
        print_summary(cmp)
    return 0


def check_outputs(args: argparse.Namespace, inputs: Sequence[str]) -> None:
    """Before any work: every output is named, and none would overwrite an input."""
    outputs = [(flag, getattr(args, flag, None)) for flag in ("json", "save")]
    for flag, out in outputs:
        if out is None or out == "-":
            continue
        if not out:
            raise CliError(f"--{flag} needs a file name ('-' for standard output)", EXIT_USAGE)
        if any(_same_file(out, path) for path in inputs if path):
            raise CliError(f"--{flag} {out}: that is an input file; choose another", EXIT_USAGE)
    if all(out not in (None, "-") for _, out in outputs) and _same_file(args.json, args.save):
        raise CliError("--json and --save name the same file", EXIT_USAGE)


def _same_file(x: str, y: str) -> bool:
    try:
        return os.path.samefile(x, y)
    except OSError:  # one does not exist (yet): compare the names
        return os.path.abspath(x) == os.path.abspath(y)


def write_json(data: object, out: str) -> None:
    try:
        raw = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # a lone surrogate (from a session written elsewhere) has no UTF-8 form; as a \u
        # escape it is still valid JSON
        raw = (json.dumps(data, indent=1) + "\n").encode("ascii")
    if out == "-":
        write_stdout(raw)
        return
    try:
        atomic_write_bytes(Path(out), raw)
    except OSError as exc:
        raise CliError(f"{out}: cannot write ({exc.strerror or exc})") from None


def write_stdout(raw: bytes) -> None:
    """Bytes to standard output (UTF-8 whatever the locale); a full disk or a closed pipe
    is one line on stderr, not a traceback at exit."""
    stream = sys.stdout
    if stream is None:  # a windowed build started without a console: nowhere to write
        return
    try:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text-only stand-in for stdout (an IDE, a test)
            stream.write(raw.decode("utf-8"))
            stream.flush()
        else:
            buffer.write(raw)
            buffer.flush()
    except OSError as exc:
        # what is left in the buffer would fail again when Python exits: drop it
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        raise CliError(f"cannot write to standard output ({exc.strerror or exc})") from None


def print_summary(cmp: Comparison) -> None:
    counts = {"same": 0, "differs": 0}
    for link in cmp.links:
        counts[link.relation.value] += 1
    line = (
        f"{len(cmp.claims)} claims, {counts['same']} same, {counts['differs']} differ, "
        f"{len(cmp.omissions(Side.A))} only in A, {len(cmp.omissions(Side.B))} only in B "
        f"({cmp.engine} engine)\n"
    )
    write_stdout(line.encode("utf-8"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Compare two accounts of one event, claim by claim.",
        epilog="Without a subcommand, parallax opens the desktop app: "
        "parallax [A B | SESSION.parallax] [--screenshot OUT.png] [--theme light|dark].",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (add_args, _run) in SUBCOMMANDS.items():
        add_args(sub.add_parser(name))
    return parser


def _load_plugins() -> None:
    """Subcommands that live in other core modules register themselves on import (the
    GUI's ``export`` registers when ``ui.launcher`` imports it)."""
    import app.session_cli  # noqa: F401


def main(argv: Sequence[str] | None = None, gui: Callable[[list[str]], int] | None = None) -> int:
    """Run a subcommand; anything else goes to ``gui`` (the desktop app, which the
    installed command, ``ui.launcher``, passes in: the core never imports ``ui``)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _load_plugins()
    if not args_list or args_list[0] not in (*SUBCOMMANDS, "-h", "--help", "--version"):
        if gui is None:
            print("parallax: give a subcommand (compare); the desktop app is `parallax`",
                  file=sys.stderr)  # fmt: skip
            return EXIT_USAGE
        return gui(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        return SUBCOMMANDS[args.command][1](args)
    except (CliError, DocumentError, EngineError) as exc:
        print(f"parallax: {exc}", file=sys.stderr)
        return getattr(exc, "code", EXIT_INPUT)
    except KeyboardInterrupt:
        print("parallax: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line, never a traceback for the user
        print(f"parallax: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    # `python -m app.cli` runs this file as __main__, a second copy of the module; plugins
    # register into the real `app.cli`, so run that one's main().
    from app.cli import main as _main

    sys.exit(_main())
