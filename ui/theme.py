"""Colours (Okabe-Ito, colour-blind safe), light/dark palettes and themed icons.

The highlight colours are plain hex strings so that export code can reuse them without
any Qt: ``highlight_colours(dark)`` and ``highlight_backgrounds(dark)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from app import resources

MODES = ("system", "light", "dark")

# Okabe-Ito hues: blue = same, orange = differs, reddish purple = only on one side.
_STRONG = {
    False: {"same": "#0072B2", "differs": "#C77C00", "only": "#B8458F"},
    True: {"same": "#56B4E9", "differs": "#E69F00", "only": "#D98CBC"},
}
_BASE = {False: "#FFFFFF", True: "#1E2127"}
_TINT = {False: 0.16, True: 0.30}


def highlight_colours(dark: bool) -> dict[str, str]:
    """Strong colour per status ("same", "differs", "only"): underlines, bands, bars."""
    return dict(_STRONG[dark])


def highlight_backgrounds(dark: bool) -> dict[str, str]:
    """Text background tint per status, blended over the pane's base colour."""
    return {k: mix(v, _BASE[dark], _TINT[dark]) for k, v in _STRONG[dark].items()}


def mix(fg: str, bg: str, amount: float) -> str:
    """``amount`` of ``fg`` over ``bg``, as a hex string."""
    f, b = (int(fg[i : i + 2], 16) for i in (1, 3, 5)), (int(bg[i : i + 2], 16) for i in (1, 3, 5))
    parts = [round(x * amount + y * (1 - amount)) for x, y in zip(f, b, strict=True)]
    return "#" + "".join(f"{p:02X}" for p in parts)


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark(mode: str) -> bool:
    return mode == "dark" or (mode == "system" and system_is_dark())


def palette(dark: bool) -> QPalette:
    if not dark:
        pal = QApplication.style().standardPalette()
        pal.setColor(QPalette.ColorRole.Base, QColor(_BASE[False]))
        pal.setColor(QPalette.ColorRole.Window, QColor("#F3F4F6"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#2F6FB0"))
        return pal
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#272B33",
        QPalette.ColorRole.WindowText: "#E4E6EA",
        QPalette.ColorRole.Base: _BASE[True],
        QPalette.ColorRole.AlternateBase: "#2A2E36",
        QPalette.ColorRole.ToolTipBase: "#30353E",
        QPalette.ColorRole.ToolTipText: "#E4E6EA",
        QPalette.ColorRole.PlaceholderText: "#8A909A",
        QPalette.ColorRole.Text: "#E4E6EA",
        QPalette.ColorRole.Button: "#30353E",
        QPalette.ColorRole.ButtonText: "#E4E6EA",
        QPalette.ColorRole.BrightText: "#FFFFFF",
        QPalette.ColorRole.Light: "#3B414C",
        QPalette.ColorRole.Midlight: "#343943",
        QPalette.ColorRole.Mid: "#4A505B",
        QPalette.ColorRole.Dark: "#15171B",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3D7CC0",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.Link: "#6CB4F0",
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        pal.setColor(disabled, role, QColor("#737984"))
    return pal


def apply(app: QApplication, dark: bool) -> None:
    """Fusion everywhere, so both themes look the same on every platform."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette(dark))
    qss = resources.path("styles/parallax.qss")
    app.setStyleSheet(with_icons(qss.read_text(encoding="utf-8")) if qss.is_file() else "")


def with_icons(qss: str) -> str:
    """A style sheet with ``@ICONS@`` made the folder of our icons (Qt reads url() paths
    from the working directory, which a double-clicked app does not choose)."""
    return qss.replace("@ICONS@", resources.path("icons").as_posix())


def muted_text(dark: bool) -> str:
    return "#7D838E" if dark else "#8C9099"


def icon(name: str) -> QIcon:
    """A qtawesome icon in the palette's text colour (vector, so crisp on HiDPI)."""
    import qtawesome as qta

    pal = QApplication.palette()
    colour = pal.color(QPalette.ColorRole.WindowText).name()
    # well apart from the enabled colour in both themes: a third of the way to the window
    disabled = mix(colour, pal.color(QPalette.ColorRole.Window).name(), 0.35)
    icon: QIcon = qta.icon(f"mdi6.{name}", color=colour, color_disabled=disabled)
    return icon


def app_icon() -> QIcon:
    """The Parallax icon at every size that ships, for windows, docks and the welcome page."""
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = resources.path(f"icons/parallax-{size}.png")
        if png.is_file():
            result.addFile(str(png))
    return result if not result.isNull() else icon("vector-link")
