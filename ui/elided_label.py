"""A one-line label that elides its text to the width it gets, instead of demanding it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidingLabel(QLabel):
    """A label that cuts its text again whenever its width or font changes (``_elide``)."""

    def _elide(self) -> None:
        raise NotImplementedError

    # Qt API
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()


class ElidedLabel(ElidingLabel):
    """Shows as much of its text as fits, ending in "…"; the whole text is the tooltip.

    A plain QLabel's minimum width is its text's width, so one long account label
    ("Ministry of Foreign Affairs of …") would widen the whole window.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = self._tip = ""
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str, tip: str = "") -> None:
        """Show ``text``, cut to fit; the tooltip is ``tip`` if given, else the whole text
        when it is cut."""
        self._full, self._tip = text, tip
        self.setAccessibleName(text)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        super().setText(shown)
        self.setToolTip(self._tip or (self._full if shown != self._full else ""))

    # Qt API
    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height()
        )

    def sizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance(self._full) + 4, super().sizeHint().height()
        )
