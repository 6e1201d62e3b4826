"""Before Qt starts on Linux: say plainly what is missing instead of letting Qt abort.

Qt's X11 platform plugin needs several system libraries (libxcb-cursor since Qt 6.5,
libxcb-icccm, libxcb-keysyms, libxkbcommon-x11, ...) that minimal desktops and servers
may lack; without them Qt prints a few generic lines and aborts. Loading the plugin
ourselves first names the exact library that is missing.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: what a Debian/Ubuntu desktop may need to add for Qt's X11 plugin
DEBIAN_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxkbcommon-x11-0"
)


def problem(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    missing_library: Callable[[], str | None] | None = None,
) -> str | None:
    """Why the window cannot open on this machine, or None when it can (or we cannot tell)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform != "linux" or env.get("QT_QPA_PLATFORM"):
        return None  # another OS, or the platform was chosen explicitly
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "no display to open a window on (run it in a desktop session, or set "
            "QT_QPA_PLATFORM=offscreen for --screenshot)"
        )
    if env.get("WAYLAND_DISPLAY"):
        return None
    missing = (missing_library or missing_xcb_library)()
    if missing is None:
        return None
    return (
        f"the X11 window needs the system library {missing} (Debian/Ubuntu: sudo apt install "
        f"{debian_package(missing)}; all Qt needs there: {DEBIAN_PACKAGES})"
    )


def missing_xcb_library() -> str | None:
    """The first library Qt's X11 plugin cannot load, or None if it loads (or is absent)."""
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        m = re.match(r"([^:\s]+\.so[.\d]*)", str(exc))
        return m.group(1) if m else str(exc)
    return None


def debian_package(library: str) -> str:
    """libxcb-icccm.so.4 -> libxcb-icccm4; libxkbcommon-x11.so.0 -> libxkbcommon-x11-0."""
    m = re.match(r"(lib[\w+-]+?)\.so\.(\d+)", library)
    if not m:
        return library
    name, version = m.groups()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"
