"""The headless CLI: the comparison JSON, and bad input as one clear line with no traceback."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_support import run_parallax

A = """Talks on the river

The two ministers spoke by phone for two hours on Tuesday. They agreed to reopen the
grain corridor within 30 days. Minister Arlen raised the fate of 40 detained fishermen.
"""
B = """Minister Arlen and Minister Voss held a telephone call on Tuesday that lasted
two and a half hours. Both sides agreed to reopen the grain corridor. Voss invited
Arlen to visit the capital in the spring.
"""


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The core's own command (``app.cli``): compare works without the GUI package."""
    return run_parallax(*args, module="app.cli")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return a, b


def test_compare_writes_the_comparison_json(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    r = run_cli("compare", str(pair[0]), str(pair[1]), "--json", str(out), "--engine", "lexical",
                "--label-a", "Kremlin", "--label-b", "White House")  # fmt: skip
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "parallax.comparison" and data["version"] == 1
    assert data["engine"] == "lexical"
    docs = {d["side"]: d for d in data["documents"]}
    assert docs["a"]["label"] == "Kremlin" and docs["b"]["label"] == "White House"
    assert docs["a"]["source"] == "a.txt"
    for c in data["claims"]:
        assert docs[c["side"]]["text"][c["start"] : c["end"]] == c["text"]
        assert c["topic"] in {t["id"] for t in data["topics"]}
    ids = {c["id"] for c in data["claims"]}
    assert data["links"], "the grain corridor claims should link"
    for link in data["links"]:
        assert set(link["a"]) | set(link["b"]) <= ids
        assert link["relation"] in ("same", "differs")
        assert 0 <= link["score"] <= 1.5
        assert all({"kind", "a", "b"} <= set(d) for d in link["differences"])
    grain = [lk for lk in data["links"] if any("grain" in c["text"] for c in data["claims"]
                                                 if c["id"] in lk["a"])]  # fmt: skip
    assert grain and grain[0]["relation"] == "differs"  # "within 30 days" only in A


def test_the_day_an_account_was_issued_makes_its_today_a_date(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("On 15 February Minister Arlen spoke with Minister Voss.\n", encoding="utf-8")
    b.write_text("Minister Voss spoke today with Minister Arlen.\n", encoding="utf-8")

    def date_differences(*extra: str) -> list[dict[str, str]]:
        r = run_cli("compare", str(a), str(b), "--json", "-", "--engine", "lexical", *extra)
        assert r.returncode == 0, r.stderr
        data = json.loads(r.stdout)
        assert len(data["links"]) == 1
        return [d for d in data["links"][0]["differences"] if d["kind"] == "date"]

    assert date_differences() == [{"kind": "date", "a": "15 February", "b": "today"}]
    assert date_differences("--date-b", "2025-02-15") == []
    assert date_differences("--date-b", "16 February 2025")  # "today" is then the 16th
    bad = run_cli("compare", str(a), str(b), "--json", "-", "--date-a", "15/02/2025")
    assert bad.returncode == 2
    assert bad.stderr.strip().splitlines() == [
        "parallax: --date-a 15/02/2025: give a day such as 2025-02-15"
    ]


def test_an_account_is_read_in_the_encoding_named_for_it(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes("Talks in Αθήνα ended.\n".encode("cp1253"))  # too little Greek to guess
    b.write_text("Talks in Athens ended.\n", encoding="utf-8")

    def text_of_a(*extra: str) -> str:
        r = run_cli("compare", str(a), str(b), "--json", "-", "--engine", "lexical", *extra)
        assert r.returncode == 0, r.stderr
        return str(json.loads(r.stdout)["documents"][0]["text"])

    assert text_of_a() == "Talks in ÁèÞíá ended.\n"
    assert text_of_a("--encoding-a", "windows-1253") == "Talks in Αθήνα ended.\n"
    assert text_of_a("--encoding-a", "ISO-8859-7", "--encoding-b", "utf-8").startswith(
        "Talks in Αθήνα"
    )
    # a name no codec has is refused before any file is read; bytes that do not fit, after
    unknown = run_cli("compare", str(tmp_path / "none.txt"), str(b), "--json", "-",
                      "--encoding-b", "klingon")  # fmt: skip
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("parallax: --encoding-b: unknown encoding 'klingon'")
    wrong = run_cli("compare", str(a), str(b), "--json", "-", "--encoding-a", "utf-8")
    assert wrong.returncode == 3
    assert wrong.stderr.strip() == (
        "parallax: a.txt: cannot be read as UTF-8 (byte 0xC1 at offset 9 does not fit it)"
    )


def test_an_encoding_does_not_apply_to_a_saved_session() -> None:
    from app.cli import CliError, build_parser, refuse_account_args

    args = build_parser().parse_args(["compare", "s.parallax", "--encoding-a", "utf-8"])
    with pytest.raises(CliError, match="--encoding-a/-b do not apply to a saved session"):
        refuse_account_args(args)


def test_json_to_stdout(pair: tuple[Path, Path]) -> None:
    r = run_cli("compare", str(pair[0]), str(pair[1]), "--json", "-", "--engine", "lexical")
    assert r.returncode == 0
    assert json.loads(r.stdout)["format"] == "parallax.comparison"


def test_semantic_engine_when_installed(pair: tuple[Path, Path]) -> None:
    from app.engines import semantic_problem

    if semantic_problem():
        pytest.skip(f"semantic engine unavailable: {semantic_problem()}")
    r = run_cli("compare", str(pair[0]), str(pair[1]), "--json", "-", "--engine", "auto")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["engine"] == "semantic"


def test_auto_falls_back_to_lexical_without_the_model(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    env = dict(os.environ, PARALLAX_MODEL_PATH=str(tmp_path / "missing.onnx"))
    r = run_parallax("compare", *pair, "--json", "-", env=env)
    assert r.returncode == 0
    assert json.loads(r.stdout)["engine"] == "lexical"
    r = run_parallax("compare", *pair, "--json", "-", "--engine", "semantic", env=env)
    assert r.returncode != 0
    assert "semantic model" in r.stderr and "Traceback" not in r.stderr


def test_model_with_wrong_checksum_is_refused(pair: tuple[Path, Path], tmp_path: Path) -> None:
    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not a model")
    env = dict(os.environ, PARALLAX_MODEL_PATH=str(fake))
    r = run_parallax("compare", *pair, "--json", "-", "--engine", "semantic", env=env)
    assert r.returncode != 0
    assert "sha256" in r.stderr


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp / "undecodable.txt").write_bytes(b"caf\x81 \x8d\x8f\x90\x9d" * 20)
    (tmp / "folder").mkdir()
    return {
        "missing": (tmp / "missing.txt", "no such file"),
        "folder": (tmp / "folder", "folder"),
        "empty": (tmp / "empty.txt", "empty"),
        "binary": (tmp / "binary.txt", "binary"),
        "undecodable": (tmp / "undecodable.txt", "cannot decode"),
    }


@pytest.mark.parametrize("case", ["missing", "folder", "empty", "binary", "undecodable"])
def test_bad_input_exits_non_zero_with_one_clear_line(
    case: str, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    bad, phrase = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out.json"
    r = run_cli("compare", str(pair[0]), str(bad), "--json", str(out), "--engine", "lexical")
    assert r.returncode != 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("parallax: ") and phrase in lines[0]
    assert "Traceback" not in r.stderr
    assert not out.exists(), "no output is written for bad input"


def test_usage_errors(pair: tuple[Path, Path]) -> None:
    r = run_cli("compare", str(pair[0]))
    assert r.returncode == 2 and "two files" in r.stderr
    r = run_cli("compare", str(pair[0]), str(pair[1]), "--engine", "quantum")
    assert r.returncode == 2
