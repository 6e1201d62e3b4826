"""Saved sessions: open and save ``.parallax`` files, autosave recovery files, re-align.

The file format itself lives in ``app.session_codec`` (and ``docs/SESSION_FORMAT.md``);
this module is what the GUI and the CLI call.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.atomic import atomic_write_bytes
from app.realign import realign
from app.review import ReviewState
from app.session_codec import (
    CREATED_KEY,
    FORMAT,
    MAX_BYTES,
    SUFFIX,
    VERSION,
    NewerVersionError,
    SessionError,
    session_from_bytes,
    session_from_dict,
    session_to_bytes,
    session_to_dict,
    timestamp,
)
from app.session_migrate import migrate

__all__ = [
    "FORMAT",
    "SUFFIX",
    "VERSION",
    "NewerVersionError",
    "RecoveryInfo",
    "SessionError",
    "data_dir",
    "discard_recovery",
    "list_recoveries",
    "load_session",
    "migrate",
    "realign",
    "recovery_path",
    "save_session",
    "session_from_dict",
    "session_to_dict",
    "write_recovery",
]

DATA_DIR_ENV = "PARALLAX_DATA_DIR"


def save_session(state: ReviewState, path: Path) -> None:
    """Write ``state`` to ``path`` atomically: afterwards the file is either the old one or
    the complete new one. Raises SessionError (with the reason) if it cannot be written."""
    now = timestamp()
    data = session_to_bytes(state, now=now)
    try:
        atomic_write_bytes(Path(path), data)
    except OSError as exc:
        folder = Path(path).parent
        why = f"the folder {folder} does not exist" if not folder.is_dir() else exc.strerror
        raise SessionError(f"{path}: cannot save ({why or exc})") from None
    # the review stays open after a save: its later saves keep this first one as `created`
    state.comparison.extra.setdefault(CREATED_KEY, now)


def load_session(path: Path) -> ReviewState:
    """Read a session file (plain or gzip-compressed JSON, any supported format version).
    Raises SessionError, or NewerVersionError for a file from a newer Parallax."""
    p = Path(path)
    try:
        if p.is_dir():
            raise SessionError(f"{p}: is a folder, not a session file")
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SessionError(f"{p}: no such file") from None
    except PermissionError:
        raise SessionError(f"{p}: permission denied") from None
    except OSError as exc:
        raise SessionError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    try:
        return session_from_bytes(data)
    except SessionError as exc:
        raise type(exc)(f"{p}: {exc}") from None


# --- recovery files ------------------------------------------------------------------------
# The GUI autosaves the open review every minute to a recovery file of its own (never over
# the user's file) and deletes it on a clean save or close. A recovery file left behind by
# a process that is no longer running is a crash, and the next start offers to restore it.


@dataclass(frozen=True, slots=True)
class RecoveryInfo:
    path: Path
    original: Path | None  # the session file it belongs to; None for a never-saved review
    saved: datetime  # when it was written (UTC)
    title: str  # "label A vs label B", for the restore prompt
    pid: int  # the process that wrote it


def data_dir() -> Path:
    """The per-user folder for Parallax's own files (``PARALLAX_DATA_DIR`` overrides)."""
    if env := os.environ.get(DATA_DIR_ENV):
        return Path(env)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "Parallax" if base else home / "AppData" / "Local" / "Parallax"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Parallax"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else home / ".local" / "share") / "Parallax"


def recovery_dir() -> Path:
    return data_dir() / "recovery"


def recovery_path(for_path: Path | None) -> Path:
    """Where this process autosaves the review whose file is ``for_path`` (None: unsaved).
    The process id is part of the name, so two running copies never share a file."""
    pid = os.getpid()
    if for_path is None:
        return recovery_dir() / f"untitled-{pid}{SUFFIX}"
    resolved = Path(for_path).expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = re.sub(r"[^\w-]+", "_", resolved.stem)[:40] or "session"
    return recovery_dir() / f"{stem}-{digest}-{pid}{SUFFIX}"


def write_recovery(state: ReviewState, original_path: Path | None) -> Path:
    """Autosave ``state`` to its recovery file (atomically); returns that file's path."""
    target = recovery_path(original_path)
    original = str(Path(original_path).expanduser().resolve()) if original_path else None
    data = session_to_bytes(state, extra={"recovery": {"original": original, "pid": os.getpid()}})
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise SessionError(f"cannot write the recovery file ({exc.strerror or exc})") from None
    return target


def list_recoveries(include_running: bool = False) -> list[RecoveryInfo]:
    """Recovery files left by processes that are no longer running (crashes), newest first.
    Unreadable ones are skipped (and kept: they are not ours to delete unasked)."""
    folder = recovery_dir()
    try:
        files = sorted(folder.glob(f"*{SUFFIX}"))
    except OSError:
        return []
    out = []
    for path in files:
        info = _recovery_info(path)
        if info and (include_running or not _running(info.pid)):
            out.append(info)
    out.sort(key=lambda r: r.saved, reverse=True)
    return out


def discard_recovery(path: Path) -> None:
    """Delete a recovery file (after a save, a clean close, or the user declining it).
    Only files inside the recovery folder are ever deleted."""
    p = Path(path)
    if p.resolve().parent != recovery_dir().resolve() or p.suffix != SUFFIX:
        raise ValueError(f"{p} is not a recovery file")
    p.unlink(missing_ok=True)


def _recovery_info(path: Path) -> RecoveryInfo | None:
    try:
        d = json.loads(path.read_bytes().decode("utf-8"))
        meta = d["recovery"]
        saved = datetime.fromisoformat(d["saved"])
        if saved.tzinfo is None:
            saved = saved.replace(tzinfo=UTC)
        labels = [
            doc.get("label") or doc.get("source") or "?" for doc in d["comparison"]["documents"]
        ]
        original = meta.get("original")
        return RecoveryInfo(
            path=path,
            original=Path(original) if isinstance(original, str) else None,
            saved=saved,
            title=" vs ".join(str(x) for x in labels),
            pid=int(meta.get("pid", 0)),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def _running(pid: int) -> bool:
    """Whether a process with this id is alive (ids are reused, so this errs on 'alive')."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        finally:
            kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, but someone else's
        return True
    return True
