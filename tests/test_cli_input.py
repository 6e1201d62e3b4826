"""The headless CLI on awkward input and output: file names that are not UTF-8, standard
output that cannot be written, outputs that would overwrite an input, broken models.
Always one line on stderr and a non-zero exit, never "internal error"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import ROOT, run_parallax

from app.engines import EngineError, LexicalEngine, make_engine, semantic_problem

A = "The two ministers spoke by phone for two hours on Tuesday.\n"
B = "Minister Arlen and Minister Voss held a telephone call on Tuesday.\n"


def run_cli(*args: str | Path, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """``python -m app.cli ARGS`` with bytes output (the test checks the encoding)."""
    kwargs = {"cwd": ROOT, "timeout": 120, **kwargs}
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "app.cli", *map(str, args)]
    return subprocess.run(cmd, env=env, **kwargs)  # type: ignore[call-overload, no-any-return]


def one_line_error(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("parallax: ") and "internal error" not in lines[0]
    return lines[0]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return a, b


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_a_file_name_that_is_not_utf8(pair: tuple[Path, Path], tmp_path: Path) -> None:
    odd = Path(os.fsdecode(os.fsencode(tmp_path) + b"/r\xe9sum\xe9.txt"))
    odd.write_text(A, encoding="utf-8")
    out, session, again = tmp_path / "out.json", tmp_path / "s.parallax", tmp_path / "again.json"
    r = run_cli("compare", odd, pair[1], "--engine", "lexical", "--json", out, "--save", session,
                capture_output=True)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_bytes().decode("utf-8"))["documents"][0]["source"] == "résumé.txt"
    r = run_cli("compare", odd, pair[1], "--engine", "lexical", "--json", "-", capture_output=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.decode("utf-8"))["documents"][0]["label"] == "résumé"
    r = run_cli("compare", session, "--json", again, capture_output=True)
    assert r.returncode == 0, r.stderr
    assert json.loads(again.read_bytes())["documents"][0]["source"] == "résumé.txt"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_on_a_full_disk(pair: tuple[Path, Path]) -> None:
    with open("/dev/full", "wb") as full:
        r = run_cli("compare", *pair, "--engine", "lexical", "--json", "-", stdout=full,
                    stderr=subprocess.PIPE)  # fmt: skip
    assert r.returncode != 0
    assert "cannot write to standard output" in one_line_error(r.stderr)


@pytest.mark.skipif(os.name != "posix", reason="POSIX pipes")
def test_standard_output_closed_early(pair: tuple[Path, Path]) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "app.cli", "compare", *map(str, pair), "--engine", "lexical"]
    with subprocess.Popen([*cmd, "--json", "-"], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:  # fmt: skip
        assert p.stdout is not None and p.stderr is not None
        p.stdout.close()  # like `parallax compare … --json - | head -c0`
        stderr = p.stderr.read()
        assert p.wait(60) != 0
    assert "cannot write to standard output" in one_line_error(stderr)


def test_an_empty_output_name_is_a_usage_error(pair: tuple[Path, Path]) -> None:
    for flag in ("--json", "--save"):
        r = run_cli("compare", *pair, "--engine", "lexical", flag, "", capture_output=True)
        assert r.returncode == 2
        assert "needs a file name" in one_line_error(r.stderr)


def test_an_output_that_is_an_input_is_refused(pair: tuple[Path, Path], tmp_path: Path) -> None:
    for flag, target in (("--json", pair[0]), ("--save", pair[1]), ("--json", "./" + pair[1].name)):
        r = run_cli("compare", *pair, "--engine", "lexical", flag, target, capture_output=True,
                    cwd=tmp_path)  # fmt: skip
        assert r.returncode == 2
        assert "input file" in one_line_error(r.stderr)
    assert pair[0].read_text(encoding="utf-8") == A and pair[1].read_text(encoding="utf-8") == B
    session = tmp_path / "s.parallax"
    assert run_cli("compare", *pair, "--engine", "lexical", "--save", session).returncode == 0
    kept = session.read_bytes()
    r = run_cli("compare", session, "--json", session, capture_output=True)
    assert r.returncode == 2 and "input file" in one_line_error(r.stderr)
    r = run_cli("compare", *pair, "--json", tmp_path / "x", "--save", tmp_path / "x",
                capture_output=True)  # fmt: skip
    assert r.returncode == 2 and "same file" in one_line_error(r.stderr)
    assert session.read_bytes() == kept and not (tmp_path / "x").exists()


# -- engines --------------------------------------------------------------------------------


def test_a_model_path_that_is_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARALLAX_MODEL_PATH", str(tmp_path))
    assert "not a file" in (semantic_problem() or "")
    assert isinstance(make_engine("auto"), LexicalEngine)
    with pytest.raises(EngineError, match="not a file"):
        make_engine("semantic")


def test_a_damaged_tokenizer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if semantic_problem():
        pytest.skip(f"semantic engine unavailable: {semantic_problem()}")
    bad = tmp_path / "tokenizer.json"
    bad.write_text("garbage", encoding="utf-8")
    monkeypatch.setenv("PARALLAX_TOKENIZER_PATH", str(bad))
    assert isinstance(make_engine("auto"), LexicalEngine)
    with pytest.raises(EngineError, match=r"tokenizer .* cannot be loaded"):
        make_engine("semantic")


def test_a_broken_model_through_the_command(pair: tuple[Path, Path], tmp_path: Path) -> None:
    env = dict(os.environ, PARALLAX_MODEL_PATH=str(tmp_path))
    r = run_parallax("compare", *pair, "--json", "-", env=env)
    assert r.returncode == 0 and json.loads(r.stdout)["engine"] == "lexical"
    r = run_parallax("compare", *pair, "--json", "-", "--engine", "semantic", env=env)
    assert r.returncode != 0
    assert "not a file" in one_line_error(r.stderr.encode())


def test_json_with_a_lone_surrogate_is_still_written(tmp_path: Path) -> None:
    # a label read from a session written elsewhere may hold one; JSON can escape it
    from app.cli import write_json

    out = tmp_path / "out.json"
    write_json({"label": "x\ud800"}, str(out))
    assert json.loads(out.read_bytes().decode("ascii")) == {"label": "x\ud800"}
