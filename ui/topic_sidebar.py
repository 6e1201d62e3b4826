"""The topic sidebar: filter buttons, topics with counts and a same/differs/only bar."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionToolButton,
    QStyleOptionViewItem,
    QStylePainter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.topic_model import COUNTS_ROLE, TOPIC_ID_ROLE, TopicModel, TopicRow

_Index = QModelIndex | QPersistentModelIndex


class TopicDelegate(QStyledItemDelegate):
    """Label and per-side counts on one line, a proportional status bar beneath."""

    dark = False

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # the list's width decides (a wider hint would add a horizontal scroll bar to a
        # narrow sidebar); the label is elided to what is left beside the counts
        return QSize(100, option.fontMetrics.height() * 2 + 18)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row: TopicRow = index.data(COUNTS_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        fg = pal.highlightedText().color() if selected else pal.text().color()
        rect = option.rect.adjusted(10, 6, -10, -6)
        fm = option.fontMetrics
        counts = f"A {row.side_a} · B {row.side_b}"
        counts_w = fm.horizontalAdvance(counts) + 4
        painter.save()
        font = QFont(option.font)
        if row.topic_id is None:
            font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(fg)
        # the counts beside the label; where the label would not fit whole, beside the bar
        # on the second line, so a narrow sidebar still shows "Detained crew" in full
        beside_bar = fm.horizontalAdvance(row.label) > rect.width() - counts_w - 6
        label_w = rect.width() if beside_bar else rect.width() - counts_w - 6
        label_rect = QRect(rect.left(), rect.top(), label_w, fm.height())
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(row.label, Qt.TextElideMode.ElideRight, label_rect.width()),
        )
        painter.setFont(option.font)
        muted = QColor(fg)
        muted.setAlphaF(0.7)
        painter.setPen(muted)
        counts_top = rect.top() + (fm.height() + 2 if beside_bar else 0)
        painter.drawText(
            QRect(rect.right() - counts_w, counts_top, counts_w, fm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            counts,
        )
        if beside_bar:
            bar_top = counts_top + (fm.height() - 7) / 2
            bar = QRectF(rect.left(), bar_top, max(rect.width() - counts_w - 6, 10), 7)
        else:
            bar = QRectF(rect.left(), rect.top() + fm.height() + 6, rect.width(), 7)
        self._paint_bar(painter, bar, row)
        if option.state & QStyle.StateFlag.State_HasFocus:
            # the keyboard is in the list (Tab, Ctrl+Tab): a ring on the current topic, as
            # the panes show it with a frame; the style's own focus mark hardly shows
            painter.setPen(QPen(fg if selected else pal.highlight().color(), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(2, 2, -2, -2), 3, 3)
        painter.restore()

    def _paint_bar(self, painter: QPainter, bar: QRectF, row: TopicRow) -> None:
        c = row.counts
        parts = [
            ("same", c.same_a + c.same_b),
            ("differs", c.differs_a + c.differs_b),
            ("only", c.only_a + c.only_b),
        ]
        total = sum(n for _k, n in parts)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(theme.muted_text(self.dark))
        track.setAlpha(50)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        if not total:
            return
        colours = theme.highlight_colours(self.dark)
        x = bar.left()
        for key, n in parts:
            if not n:
                continue
            w = bar.width() * n / total
            seg = QRectF(x, bar.top(), max(w - 1.5, 1.0), bar.height())
            painter.setBrush(QColor(colours[key]))
            painter.drawRect(seg)
            if key == "differs":  # a texture too, so the bar does not rely on colour alone
                painter.setBrush(QBrush(QColor(0, 0, 0, 70), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(seg)
            x += w


class FilterButton(QToolButton):
    """A filter's button that shortens its name ("Differ…") rather than widen the sidebar
    in a narrow window; the whole name stays in the View menu, the tooltip says what it does."""

    def _text_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(self.text())

    # Qt API
    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        short = self.fontMetrics().horizontalAdvance(self.text()[:4] + "…")
        return QSize(hint.width() - max(0, self._text_width() - short), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        short = self.sizeHint().width() - self.width()
        if short > 0:
            room = self._text_width() - short
            option.text = self.fontMetrics().elidedText(
                option.text, Qt.TextElideMode.ElideRight, room
            )
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)


class TopicSidebar(QWidget):
    topic_selected = Signal(object)  # topic id or None for every topic
    topic_only_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TopicModel(self)
        self.delegate = TopicDelegate(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setAccessibleName("Topics")
        self.only_topic = QCheckBox("Only the selected topic")  # as in the View menu
        self.only_topic.setToolTip("Dim every claim outside the selected topic")
        self.filter_row = QHBoxLayout()
        self.filter_row.setSpacing(2)
        title = QLabel("Topics")
        title.setObjectName("sidebarTitle")
        show = QLabel("Show")
        show.setObjectName("sidebarTitle")
        self._filter_buttons: list[FilterButton] = []
        layout = self._column = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(show)
        layout.addLayout(self.filter_row)
        layout.addSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.only_topic)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.only_topic.toggled.connect(self.topic_only_toggled)

    def set_filter_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            button = FilterButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            # Fusion's "sunken" look for the chosen filter is hard to tell apart in the dark
            # theme: the chosen one takes the selection colour instead
            button.setStyleSheet(
                "QToolButton:checked { background: palette(highlight);"
                " color: palette(highlighted-text); border: 1px solid palette(highlight);"
                " border-radius: 3px; padding: 2px 4px; }"
            )
            self.filter_row.addWidget(button)  # no stretch factor: whole names come first
            self._filter_buttons.append(button)
        self._fit_filters()

    def _fit_filters(self) -> None:
        """The filter buttons side by side where their whole names fit, else one above
        the other, so that a narrow window shows "Differs" rather than "Diffe…"."""
        buttons = self._filter_buttons
        margins = self._column.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        needed = sum(b.sizeHint().width() for b in buttons)
        needed += self.filter_row.spacing() * max(0, len(buttons) - 1)
        across = QBoxLayout.Direction.LeftToRight
        direction = across if needed <= room else QBoxLayout.Direction.TopToBottom
        if self.filter_row.direction() != direction:
            self.filter_row.setDirection(direction)

    # Qt API
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_filters()

    def set_dark(self, dark: bool) -> None:
        self.delegate.dark = dark
        self.view.viewport().update()

    def current_topic(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(TOPIC_ID_ROLE) if index.isValid() else None

    def select_topic(self, topic_id: str | None) -> None:
        self.view.setCurrentIndex(self.model.index(self.model.row_of(topic_id)))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.topic_selected.emit(current.data(TOPIC_ID_ROLE) if current.isValid() else None)
