"""A list model over the comparison's topics, with per-side counts; row 0 is "All topics"."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.model import Comparison, TopicCounts

COUNTS_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class TopicRow:
    topic_id: str | None  # None: every topic
    label: str
    counts: TopicCounts

    @property
    def side_a(self) -> int:
        c = self.counts
        return c.same_a + c.differs_a + c.only_a

    @property
    def side_b(self) -> int:
        c = self.counts
        return c.same_b + c.differs_b + c.only_b

    def tooltip(self) -> str:
        c = self.counts
        return (
            f"{self.label}\nA: {self.side_a} claims ({c.same_a} same, {c.differs_a} differ, "
            f"{c.only_a} only in A)\nB: {self.side_b} claims ({c.same_b} same, "
            f"{c.differs_b} differ, {c.only_b} only in B)"
        )


def topic_rows(cmp: Comparison) -> list[TopicRow]:
    counts = cmp.topic_counts()
    rows = [TopicRow(t.id, t.label, counts.get(t.id, TopicCounts())) for t in cmp.topics]
    total = TopicCounts(*(sum(getattr(r.counts, f) for r in rows) for f in _FIELDS))
    return [TopicRow(None, "All topics", total), *rows]


_FIELDS = ("same_a", "same_b", "differs_a", "differs_b", "only_a", "only_b")


class TopicModel(QAbstractListModel):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.rows: list[TopicRow] = []

    def set_comparison(self, cmp: Comparison | None) -> None:
        self.beginResetModel()
        self.rows = topic_rows(cmp) if cmp is not None else []
        self.endResetModel()

    def update_counts(self, cmp: Comparison) -> None:
        """After an edit: same topics, new counts (keeps the view's selection)."""
        new = topic_rows(cmp)
        if [r.topic_id for r in new] != [r.topic_id for r in self.rows]:
            self.set_comparison(cmp)
            return
        self.rows = new
        if new:
            self.dataChanged.emit(self.index(0), self.index(len(new) - 1))

    def row_of(self, topic_id: str | None) -> int:
        return next((i for i, r in enumerate(self.rows) if r.topic_id == topic_id), 0)

    # Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.tooltip().replace("\n", "; ")
        if role == COUNTS_ROLE:
            return row
        if role == TOPIC_ID_ROLE:
            return row.topic_id
        return None
