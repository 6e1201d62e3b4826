"""Session files: round trips, migration, versions, atomic saves, recovery files."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from session_support import (
    base_comparison,
    build_state,
    ops_strategy,
    reviewed_state,
    view_strategy,
)

from app import __version__, session_codec
from app.edits import Edit, EditKind
from app.jsonio import from_json, to_json
from app.model import Relation
from app.review import Note, ReviewState, ViewState, claim_target
from app.session import (
    NewerVersionError,
    SessionError,
    data_dir,
    discard_recovery,
    list_recoveries,
    load_session,
    recovery_path,
    save_session,
    session_from_dict,
    session_to_dict,
    write_recovery,
)

FIXTURES = Path(__file__).parent / "fixtures"


def roundtrip(state: ReviewState) -> ReviewState:
    return session_codec.session_from_bytes(session_codec.session_to_bytes(state))


# --- round trip ----------------------------------------------------------------------------


def test_save_and_open_keep_everything(tmp_path: Path) -> None:
    state = reviewed_state()
    path = tmp_path / "review.parallax"
    save_session(state, path)
    loaded = load_session(path)
    assert loaded == state
    assert loaded.comparison.doc_b.label == "Press report — “wire” copy"
    assert [c.sentence for c in loaded.comparison.claims] == [
        c.sentence for c in state.comparison.claims
    ]
    assert to_json(loaded.comparison) == to_json(state.comparison)
    d = json.loads(path.read_text("utf-8"))
    assert (d["format"], d["version"], d["app_version"]) == ("parallax.session", 1, "0.1.0")
    assert d["created"] == d["saved"] and d["saved"].endswith("Z")


def test_created_survives_later_saves(tmp_path: Path) -> None:
    path = tmp_path / "s.parallax"
    first = session_to_dict(reviewed_state(), now="2020-01-01T00:00:00Z")
    path.write_text(json.dumps(first), "utf-8")
    save_session(load_session(path), path)
    d = json.loads(path.read_bytes())
    assert d["created"] == "2020-01-01T00:00:00Z" and d["saved"] != d["created"]


def test_created_is_kept_while_the_review_stays_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.session

    state = ReviewState(base_comparison().replace())  # a fresh comparison, never saved
    monkeypatch.setattr(app.session, "timestamp", lambda: "2024-01-01T00:00:00Z")
    save_session(state, tmp_path / "s.parallax")
    monkeypatch.setattr(app.session, "timestamp", lambda: "2024-06-01T00:00:00Z")
    save_session(replace(state, view=ViewState(filter="omissions")), tmp_path / "s.parallax")
    d = json.loads((tmp_path / "s.parallax").read_bytes())
    assert (d["created"], d["saved"]) == ("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z")


def test_embedded_comparison_is_a_comparison_document() -> None:
    state = reviewed_state()
    assert from_json(session_to_dict(state)["comparison"]) == state.comparison


def test_gzip_compressed_and_bom_files_open(tmp_path: Path) -> None:
    data = session_codec.session_to_bytes(reviewed_state())
    (tmp_path / "z.parallax").write_bytes(gzip.compress(data))
    (tmp_path / "bom.parallax").write_bytes(b"\xef\xbb\xbf" + data)
    assert load_session(tmp_path / "z.parallax") == reviewed_state()
    assert load_session(tmp_path / "bom.parallax") == reviewed_state()


def test_lone_surrogate_in_a_note_still_round_trips() -> None:
    state = reviewed_state().with_note(Note(claim_target("a3"), "broken \ud800 paste"))
    assert roundtrip(state) == state


def test_empty_notes_are_not_stored() -> None:
    state = replace(reviewed_state(), notes=(Note(claim_target("a0")),))
    assert session_to_dict(state)["notes"] == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(ops_strategy, max_size=12), view=view_strategy)
def test_round_trip_over_random_reviews(ops: list[tuple[object, ...]], view: ViewState) -> None:
    state = build_state(ops, view)
    loaded = roundtrip(state)
    assert loaded == state
    # saving what was opened writes the same file again (but for when it was first made)
    again, first = (session_to_dict(s, now="2024-01-01T00:00:00Z") for s in (loaded, state))
    assert again.pop("created") == loaded.comparison.extra["session_created"]
    assert first.pop("created") == "2024-01-01T00:00:00Z"
    assert again == first


# --- migration and versions ----------------------------------------------------------------


def test_version_0_fixture_opens_as_version_1() -> None:
    path = FIXTURES / "session_v0.parallax"
    before = path.read_bytes()
    state = load_session(path)
    assert path.read_bytes() == before
    cmp = state.comparison
    assert cmp.doc_a.label == "Ministry statement" and cmp.engine == "lexical"
    assert [(b.kind.value, b.start, b.end) for b in cmp.doc_a.blocks] == [
        ("paragraph", 0, 8),
        ("paragraph", 10, 120),
        ("paragraph", 122, 163),
    ]
    assert state.notes == (
        Note("claim:a0", "Check the duration against the transcript."),
        Note("claim:b2", "Why would the weather matter?"),
    )
    assert state.edits == (Edit(EditKind.LINK, ("a2",), ("b2",), Relation.DIFFERS),)
    by_pair = {(x.a, x.b): x for x in cmp.links}
    assert by_pair[("a2",), ("b2",)].manual and not by_pair[("a0",), ("b0",)].manual
    kinds = {d.kind for d in by_pair[("a0",), ("b0",)].differences}
    assert {"duration", "date"} <= kinds  # derived again from the claim texts
    assert by_pair[("a1",), ("b1",)].differences == ()
    assert state.view == ViewState()
    assert cmp.extra["session_created"] == "2024-03-02T10:15:00Z"
    # and it saves as a current file that reads back the same
    assert roundtrip(state) == state


def test_migrate_does_not_change_its_input() -> None:
    d = json.loads((FIXTURES / "session_v0.parallax").read_text("utf-8"))
    copy = json.loads(json.dumps(d))
    session_from_dict(d)
    assert d == copy


@pytest.mark.parametrize("version", [2, 3, 99])
def test_newer_version_gets_a_clear_message(tmp_path: Path, version: int) -> None:
    d = session_to_dict(reviewed_state())
    d["version"] = version
    path = tmp_path / "new.parallax"
    path.write_text(json.dumps(d), "utf-8")
    with pytest.raises(NewerVersionError) as info:
        load_session(path)
    assert str(info.value) == (
        f"{path}: made by Parallax {d['app_version']} (format {version}); this is Parallax "
        f"{__version__}, which reads up to format 1: update Parallax to open it"
    )
    d["app_version"] = None  # not said: still a clear line
    path.write_text(json.dumps(d), "utf-8")
    with pytest.raises(NewerVersionError, match=r"made by a newer version of Parallax \(format"):
        load_session(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "not a Parallax session file"),
        (b"The call lasted two hours.\n", "not a Parallax session file"),
        (b'{"format": "parallax.comparison", "version": 1}', "not a Parallax session file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a Parallax session file"),
        (b'{"format":"parallax.session","version":1,"comp', "damaged or incomplete"),
        (b'{"format":"parallax.session","version":"1"}', "format version is missing"),
        (b'{"format":"parallax.session","version":1}', "missing field 'comparison'"),
        (gzip.compress(b"x" * 100)[:20], "broken compression"),
    ],
)
def test_unreadable_files_get_one_line(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "s.parallax"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(SessionError) as info:
        load_session(path)
    assert message in str(info.value) and "\n" not in str(info.value)
    assert str(info.value).startswith(str(path))


def test_a_folder_is_not_a_session(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="is a folder"):
        load_session(tmp_path)


# --- atomic saves --------------------------------------------------------------------------


def test_failed_save_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.parallax"
    save_session(reviewed_state(), path)
    before = path.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    changed = reviewed_state().with_note(Note(claim_target("a5"), "a new note"))
    with pytest.raises(SessionError, match=r"cannot save .*No space left"):
        save_session(changed, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.parallax"]  # no temp file left


def test_save_into_a_missing_folder_is_a_session_error(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match=r"cannot save \(the folder .*nope does not exist\)"):
        save_session(reviewed_state(), tmp_path / "nope" / "s.parallax")


# --- recovery files ------------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_recovery_paths(data: Path, tmp_path: Path) -> None:
    mine = recovery_path(tmp_path / "My review.parallax")
    assert mine.parent == data / "recovery" and mine.suffix == ".parallax"
    assert mine.name.startswith("My_review-") and str(os.getpid()) in mine.name
    assert recovery_path(tmp_path / "My review.parallax") == mine
    assert recovery_path(tmp_path / "other" / "My review.parallax") != mine
    assert recovery_path(None).name == f"untitled-{os.getpid()}.parallax"


def test_data_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PARALLAX_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert data_dir() == tmp_path / "Parallax"


def test_crash_leaves_a_recovery_that_is_offered_and_restores(data: Path, tmp_path: Path) -> None:
    state = reviewed_state()
    original = tmp_path / "review.parallax"
    path = write_recovery(state, original)
    assert list_recoveries() == []  # this process is alive: its file is not a crash
    (live,) = list_recoveries(include_running=True)
    assert live.path == path and live.original == original.resolve() and live.pid == os.getpid()

    d = json.loads(path.read_bytes())
    d["recovery"]["pid"] = dead_pid()  # as if the writer had crashed
    path.write_text(json.dumps(d), "utf-8")
    (info,) = list_recoveries()
    assert info.title == "Ministry statement vs Press report — “wire” copy"
    assert info.saved.tzinfo is not None
    assert load_session(info.path) == state
    discard_recovery(info.path)
    assert not path.exists() and list_recoveries(include_running=True) == []


def test_untitled_recovery_and_unreadable_ones_are_skipped(data: Path) -> None:
    path = write_recovery(reviewed_state(), None)
    (data / "recovery" / "junk.parallax").write_bytes(b"\x00junk")
    (info,) = list_recoveries(include_running=True)
    assert info.path == path and info.original is None
    assert (data / "recovery" / "junk.parallax").exists()


def test_discard_refuses_files_outside_the_recovery_folder(data: Path, tmp_path: Path) -> None:
    victim = tmp_path / "precious.parallax"
    victim.write_text("{}")
    with pytest.raises(ValueError):
        discard_recovery(victim)
    assert victim.exists()
