"""The export dialog's choices: format, title, paper, scope and sections, as the brief's
options; and the choices of the last export, remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.brief import BriefError, BriefOptions, default_title
from app.model import Comparison

FORMATS = {"pdf": ("PDF", "PDF documents (*.pdf)"), "html": ("HTML", "Web pages (*.html *.htm)"),
           "md": ("Markdown", "Markdown (*.md)")}  # fmt: skip
SCOPES = (("all", "Everything"), ("differences", "Differences only"),
          ("omissions", "Omissions only"), ("topics", "Selected topics"))  # fmt: skip
SECTIONS = (("summary", "Summary table"), ("side_by_side", "Aligned claims side by side"),
            ("full_texts", "Full annotated texts"), ("notes", "Notes"), ("legend", "Legend"),
            ("provenance", "Provenance"))  # fmt: skip

TITLE_CHARS = 36  # the title field shows about this much of its default title


def export_settings() -> QSettings:
    # the window's store (QSettings() follows setDefaultFormat/setPath, so tests stay
    # out of the user's own settings; naming the organisation here would not)
    settings = QSettings()
    settings.beginGroup("export")
    return settings


class ExportChoices(QWidget):
    """The form of the export dialog: what the brief holds and how it looks."""

    #: A choice was changed (by the user or not).
    changed = Signal()

    def __init__(self, comparison: Comparison, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build(comparison)
        self.restore()
        self.sync_enabled()
        for combo in (self.format_box, self.page_box, self.landscape_box):
            combo.currentIndexChanged.connect(self.changed)
        self.title_edit.textChanged.connect(self.changed)
        self.scope_buttons.idToggled.connect(self.changed)
        self.topic_list.itemChanged.connect(self.changed)
        for box in self.section_boxes.values():
            box.toggled.connect(self.changed)
        self.changed.connect(self.sync_enabled)

    def _build(self, comparison: Comparison) -> None:
        self.format_box = QComboBox()
        for key, (name, _filter) in FORMATS.items():
            self.format_box.addItem(name, key)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(default_title(comparison))
        metrics = self.title_edit.fontMetrics()
        self.title_edit.setMinimumWidth(min(  # the default title whole, if not too long
            metrics.horizontalAdvance(self.title_edit.placeholderText()),
            metrics.averageCharWidth() * TITLE_CHARS) + 16)  # fmt: skip
        self.page_box = QComboBox()
        self.page_box.addItems(["A4", "Letter"])
        self.landscape_box = QComboBox()
        self.landscape_box.addItems(["Portrait", "Landscape"])
        form = QFormLayout()
        form.addRow("&Format:", self.format_box)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Paper:", self.page_box)
        form.addRow("&Orientation:", self.landscape_box)

        scope_group = QGroupBox("Scope")
        scope_layout = QVBoxLayout(scope_group)
        self.scope_buttons = QButtonGroup(self)
        for i, (key, text) in enumerate(SCOPES):
            button = QRadioButton(text)
            button.setProperty("scope", key)
            self.scope_buttons.addButton(button, i)
            scope_layout.addWidget(button)
        self.topic_list = QListWidget()
        self.topic_list.setMaximumHeight(110)
        self.topic_list.setSpacing(1)  # the outlined boxes apart
        for topic in comparison.topics:
            item = QListWidgetItem(topic.label)
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.topic_list.addItem(item)
        scope_layout.addWidget(self.topic_list)

        section_group = QGroupBox("Sections")
        section_layout = QVBoxLayout(section_group)
        self.section_boxes: dict[str, QCheckBox] = {}
        for key, text in SECTIONS:
            self.section_boxes[key] = box = QCheckBox(text)
            section_layout.addWidget(box)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(scope_group)
        column.addWidget(section_group)
        column.addStretch(1)

    # --- what is chosen -------------------------------------------------------------

    def format(self) -> str:
        return str(self.format_box.currentData())

    def scope(self) -> str:
        button = self.scope_buttons.checkedButton()
        return str(button.property("scope")) if button else "all"

    def selected_topics(self) -> tuple[str, ...]:
        items = (self.topic_list.item(i) for i in range(self.topic_list.count()))
        return tuple(str(it.data(Qt.ItemDataRole.UserRole)) for it in items
                     if it.checkState() == Qt.CheckState.Checked)  # fmt: skip

    def options(self) -> BriefOptions:
        """The brief options the form shows; raises BriefError if they cannot be used."""
        sections = {key: box.isChecked() for key, box in self.section_boxes.items()}
        return BriefOptions(
            scope=self.scope(), topics=self.selected_topics() if self.scope() == "topics" else (),
            title=self.title_edit.text().strip(), page_size=self.page_box.currentText(),
            landscape=self.landscape_box.currentIndex() == 1, **sections,
        )  # fmt: skip

    def problem(self) -> str | None:
        """Why the choices make no brief, or None."""
        try:
            self.options()
        except BriefError as exc:
            return "Tick at least one topic." if self.scope() == "topics" else str(exc)
        return None

    def sync_enabled(self) -> None:
        is_pdf = self.format() == "pdf"
        self.page_box.setEnabled(is_pdf)
        self.landscape_box.setEnabled(is_pdf)
        self.topic_list.setEnabled(self.scope() == "topics")

    # --- remembered choices ---------------------------------------------------------

    def restore(self) -> None:
        s = export_settings()
        index = self.format_box.findData(s.value("format", "pdf"))
        self.format_box.setCurrentIndex(max(index, 0))
        scope = str(s.value("scope", "all"))
        if scope == "topics" and not self._tick_topics(_as_list(s.value("topics", []))):
            scope = "all"  # topics are per comparison: none of the last ones is here
        for button in self.scope_buttons.buttons():
            button.setChecked(button.property("scope") == scope)
        if self.scope_buttons.checkedButton() is None:
            self.scope_buttons.button(0).setChecked(True)
        defaults = BriefOptions()
        for key, box in self.section_boxes.items():
            box.setChecked(_as_bool(s.value(key, getattr(defaults, key))))
        self.page_box.setCurrentText(str(s.value("page_size", "A4")))
        self.landscape_box.setCurrentIndex(1 if _as_bool(s.value("landscape", False)) else 0)

    def _tick_topics(self, labels: list[str]) -> int:
        """Tick the topics with these labels (the last export's); how many were found."""
        wanted = {label.casefold() for label in labels}
        found = 0
        for i in range(self.topic_list.count()):
            item = self.topic_list.item(i)
            if item.text().casefold() in wanted:
                item.setCheckState(Qt.CheckState.Checked)
                found += 1
        return found

    def remember(self, folder: Path | None = None) -> None:
        s = export_settings()
        s.setValue("format", self.format())
        s.setValue("scope", self.scope())
        ticked = (self.topic_list.item(i) for i in range(self.topic_list.count()))
        s.setValue("topics", [it.text() for it in ticked
                              if it.checkState() == Qt.CheckState.Checked])  # fmt: skip
        for key, box in self.section_boxes.items():
            s.setValue(key, box.isChecked())
        s.setValue("page_size", self.page_box.currentText())
        s.setValue("landscape", self.landscape_box.currentIndex() == 1)
        if folder is not None:
            s.setValue("folder", str(folder))
        s.sync()


def _as_list(value: object) -> list[str]:
    # QSettings gives back a one-item list as a plain string, and no list as None
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def _as_bool(value: object) -> bool:
    # QSettings gives back "true"/"false" strings from INI files
    return value in (True, "true", "1", 1)
