"""Atomic writes: all or nothing, and files as readable as an ordinary write makes them."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from app.atomic import atomic_write_bytes, atomic_write_text


def test_a_new_file_gets_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "brief.md", "# Brief\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "brief.md").stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "review.parallax"
    target.write_text("old")
    target.chmod(0o600)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")

    def fail(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_link_is_kept_and_its_target_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    atomic_write_text(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


@pytest.mark.skipif(os.name != "posix", reason="named pipes are POSIX")
def test_a_device_or_pipe_is_written_to_not_replaced(tmp_path: Path) -> None:
    # (a pipe in a temporary folder: a broken version must not replace the real /dev/null)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    atomic_write_text(fifo, "through the pipe")
    reader.join(5)
    assert got == [b"through the pipe"] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_read_only_file_is_refused_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "kept.json"
    target.write_text("precious")
    target.chmod(0o444)
    real_access = os.access
    # as for a user who is not root (root may write anything)
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode))
    with pytest.raises(PermissionError):
        atomic_write_text(target, "new")
    assert target.read_text() == "precious"


def test_a_lone_surrogate_is_written_not_refused(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "brief.md", "Label x\ud800\n")
    assert (tmp_path / "brief.md").read_text(encoding="utf-8") == "Label x?\n"
