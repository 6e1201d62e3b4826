"""``parallax compare`` with sessions: save one, or read one back instead of comparing.

    parallax compare A B --save S.parallax [--json OUT]
    parallax compare S.parallax [--json OUT] [--save T.parallax]

Imported by ``app.cli._load_plugins``; it wraps the ``compare`` entry of SUBCOMMANDS and
hands the plain two-file case, unchanged, to the original.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import (
    EXIT_USAGE,
    SUBCOMMANDS,
    CliError,
    check_outputs,
    compare_args,
    print_summary,
    refuse_account_args,
    write_json,
)
from app.jsonio import to_json
from app.review import ReviewState
from app.session import SUFFIX, SessionError, load_session, save_session

_add_compare_args, _run_compare = SUBCOMMANDS["compare"]


def _compare_args(p: argparse.ArgumentParser) -> None:
    _add_compare_args(p)
    p.add_argument(
        "--save", metavar="S.parallax", help="also save the whole comparison as a session file"
    )


def run_compare(args: argparse.Namespace) -> int:
    a_is_session = Path(args.a).suffix.lower() == SUFFIX
    b_is_session = args.b is not None and Path(args.b).suffix.lower() == SUFFIX
    if b_is_session or (a_is_session and args.b is not None):
        raise CliError(
            "a session is read on its own: parallax compare S.parallax --json OUT", EXIT_USAGE
        )
    if not a_is_session and (args.save is None or args.b is None):
        return _run_compare(args)
    check_outputs(args, (args.a, args.b))
    try:
        if a_is_session:
            refuse_account_args(args)
            state = load_session(Path(args.a))  # exactly as saved: nothing is recomputed
        else:
            cmp = compare_args(args.a, args.b, args)
            state = ReviewState(cmp)
        if args.save:
            save_session(state, Path(args.save))
    except SessionError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        write_json(to_json(state.comparison), args.json)
    elif not args.save:
        print_summary(state.comparison)
    return 0


SUBCOMMANDS["compare"] = (_compare_args, run_compare)
