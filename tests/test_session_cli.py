"""``parallax compare --save`` and ``parallax compare S.parallax``, run as the user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from cli_support import run_parallax
from session_support import TEXT_A, TEXT_B, reviewed_state

from app.cli import main
from app.session import load_session, save_session


def parallax(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_parallax(*args, module="app.cli")


@pytest.fixture
def accounts(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "ministry.txt", tmp_path / "press.md"
    a.write_text(TEXT_A, "utf-8")
    b.write_text(TEXT_B, "utf-8")
    return a, b


def test_save_then_read_back_gives_the_same_json(tmp_path: Path, accounts: tuple[Path, Path]):  # type: ignore[no-untyped-def]
    a, b = accounts
    direct, saved_json, session = tmp_path / "d.json", tmp_path / "s.json", tmp_path / "s.parallax"
    done = parallax("compare", a, b, "--engine", "lexical", "--json", direct)
    assert done.returncode == 0, done.stderr
    done = parallax("compare", a, b, "--engine", "lexical", "--save", session, "--json", saved_json)
    assert done.returncode == 0, done.stderr
    assert saved_json.read_bytes() == direct.read_bytes()

    a.unlink()  # reading a session needs neither the sources nor any recomputing
    b.unlink()
    again = tmp_path / "again.json"
    done = parallax("compare", session, "--json", again)
    assert done.returncode == 0, done.stderr
    assert again.read_bytes() == direct.read_bytes()
    state = load_session(session)
    assert state.comparison.doc_a.source == "ministry.txt"
    assert len(state.comparison.doc_b.sha256) == 64


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format":"parallax.session","version":1,"comp', "damaged or incomplete"),
        (b'{"format":"parallax.session","version":7}', "made by a newer version of Parallax"),
    ],
)
def test_bad_session_is_one_line_and_exit_3(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.parallax"
    path.write_bytes(content)
    done = parallax("compare", path, "--json", tmp_path / "out.json")
    assert done.returncode == 3
    assert done.stderr.startswith("parallax: ") and message in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert path.read_bytes() == content and not (tmp_path / "out.json").exists()


# The remaining cases run main() in-process: same code path, without a new interpreter each.


def test_reading_a_session_keeps_the_review_when_saved_again(tmp_path: Path) -> None:
    old = tmp_path / "old.parallax"
    save_session(reviewed_state(), old)
    assert main(["compare", str(old), "--save", str(tmp_path / "copy.parallax")]) == 0
    assert load_session(tmp_path / "copy.parallax") == reviewed_state()


def test_a_version_0_session_can_be_upgraded(tmp_path: Path) -> None:
    old = Path(__file__).parent / "fixtures" / "session_v0.parallax"
    new = tmp_path / "new.parallax"
    assert main(["compare", str(old), "--save", str(new)]) == 0
    assert json.loads(new.read_bytes())["version"] == 1
    assert load_session(new) == load_session(old)


def test_summary_of_a_session(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.parallax"
    save_session(reviewed_state(), path)
    assert main(["compare", str(path)]) == 0
    assert "claims" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["{a}", "{s}"], 2, "a session is read on its own"),
        (["{s}", "{a}"], 2, "a session is read on its own"),
        (["{s}", "--engine", "lexical"], 2, "do not apply to a saved session"),
        (["{s}", "--date-b", "2025-02-15"], 2, "do not apply to a saved session"),
        (["{a}", "--save", "{s}"], 2, "compare needs two files"),
        (["{missing}", "--json", "-"], 3, "no such file"),
        (["{a}", "{b}", "--engine", "lexical", "--save", "{nodir}"], 3, "cannot save"),
    ],
)
def test_usage_errors(  # type: ignore[no-untyped-def]
    tmp_path: Path, accounts, capsys: pytest.CaptureFixture[str], args, code, message
):
    a, b = accounts
    s = tmp_path / "s.parallax"
    save_session(reviewed_state(), s)
    names = {"a": a, "b": b, "s": s, "missing": tmp_path / "missing.parallax",
             "nodir": tmp_path / "no" / "such" / "x.parallax"}  # fmt: skip
    assert main(["compare", *(x.format(**names) for x in args)]) == code
    err = capsys.readouterr().err
    assert err.startswith("parallax: ") and message in err and err.count("\n") == 1
