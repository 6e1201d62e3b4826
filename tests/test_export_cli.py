"""``parallax export`` as a user runs it: a separate process, no display."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from cli_support import run_parallax

from tests.export_support import CYRILLIC_A, CYRILLIC_B


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must pick offscreen by itself
    return run_parallax("export", *args, env=env)


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "mfa.txt", tmp_path / "state.txt"
    a.write_text(CYRILLIC_A, encoding="utf-8")
    b.write_text(CYRILLIC_B, encoding="utf-8")
    return a, b


@pytest.mark.gui
def test_export_two_files_to_every_format(pair: tuple[Path, Path], tmp_path: Path) -> None:
    pdf, html, md = tmp_path / "b.pdf", tmp_path / "b.html", tmp_path / "b.md"
    done = run(*pair, "--pdf", pdf, "--html", html, "--md", md, "--engine", "lexical",
               "--title", "Звонок министров", "--page-size", "Letter", "--landscape")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Звонок министров" in html.read_text(encoding="utf-8")
    assert "Госсекретарь поднял вопрос" in md.read_text(encoding="utf-8")


def test_html_and_markdown_need_no_qt(pair: tuple[Path, Path], tmp_path: Path) -> None:
    html = tmp_path / "b.html"
    done = run(*pair, "--html", html, "--engine", "lexical", "--scope", "differences")
    assert done.returncode == 0, done.stderr
    assert "Госсекретарь" not in html.read_text(encoding="utf-8")  # an omission: out of scope


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (("--engine", "lexical"), "needs an output", 2),
        (("--pdf", "{tmp}/x.pdf", "--topic", "nothing-like-it", "--engine", "lexical"),
         "no topic 'nothing-like-it'", 3),
        (("--md", "{tmp}/x.md", "--topic", "t1", "--scope", "omissions"), "not both", 2),
        (("--md", "{tmp}/missing-dir/x.md", "--engine", "lexical"), "cannot write", 3),
    ],
)  # fmt: skip
def test_bad_requests(pair, tmp_path: Path, args: tuple[str, ...], message: str, code: int) -> None:  # type: ignore[no-untyped-def]
    done = run(*pair, *(a.format(tmp=tmp_path) for a in args))
    assert done.returncode == code
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_bad_inputs(tmp_path: Path) -> None:
    missing = run(tmp_path / "nope.txt", tmp_path / "nope2.txt", "--md", tmp_path / "x.md")
    assert missing.returncode != 0 and "no such file" in missing.stderr
    one = run(tmp_path / "a.txt", "--md", tmp_path / "x.md")
    assert one.returncode == 2 and "two accounts" in one.stderr
    broken = tmp_path / "broken.parallax"
    broken.write_text("not a session", encoding="utf-8")
    bad = run(broken, "--md", tmp_path / "x.md")
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.md").exists()


def test_export_a_saved_session(pair: tuple[Path, Path], tmp_path: Path) -> None:
    session = pytest.importorskip("app.session")
    from app.comparison import CompareOptions, compare
    from app.documents import read_path
    from app.review import Note, ReviewState, claim_target

    cmp = compare(read_path(pair[0]), read_path(pair[1]), CompareOptions(engine="lexical"))
    state = ReviewState(cmp).with_note(Note(claim_target(cmp.claims[0].id), "Проверить цифры"))
    saved = tmp_path / "s.parallax"
    session.save_session(state, saved)
    md = tmp_path / "s.md"
    done = run(saved, "--md", md)
    assert done.returncode == 0, done.stderr
    assert "Проверить цифры" in md.read_text(encoding="utf-8")
