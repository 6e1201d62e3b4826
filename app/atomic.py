"""Atomic file writes: write a temporary file beside the target, fsync, then rename."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.
    A symbolic link keeps pointing where it did (its target is replaced), a device or pipe
    ("/dev/null", "/dev/stdout") is written to, never replaced by a file, and a read-only
    file is refused (PermissionError), as an ordinary write would be."""
    path = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    if _is_special(path):
        with open(path, "wb") as f:
            f.write(data)
        return
    if path.exists() and not os.access(path, os.W_OK):
        # the rename would replace it all the same (it needs only the folder): a read-only
        # file is one the user meant to keep
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private (0600); give it the mode the user would get
        # from an ordinary write: the old file's, or a new file's under their umask
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(directory)


def _is_special(path: Path) -> bool:
    """A device, pipe or socket: something to write to, not a file to replace."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _umask() -> int:
    """The process umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    """``text`` as UTF-8; a lone surrogate, which has no UTF-8 form, is written as "?"."""
    atomic_write_bytes(path, text.encode("utf-8", "replace"))


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
