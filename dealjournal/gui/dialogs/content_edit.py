"""Add or edit an item of the content library (``ui/content_edit.ui``)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QPlainTextEdit, QWidget

from dealjournal import domain
from dealjournal.gui import commands, labels
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog, fill_codes, select_code
from dealjournal.queries import library

log = logging.getLogger(__name__)


def split_topics(text: str) -> list[str]:
    """Topics typed as a comma-separated list."""
    return [part.strip() for part in text.split(",") if part.strip()]


class ContentDialog(FormDialog):
    """The fields of one content item; saving runs the operation and stays open if it is refused."""

    form_name = "content_edit"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, content_id: int | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.content_id = content_id
        self.title_edit = self.child(QLineEdit, "titleEdit")
        self.url_edit = self.child(QLineEdit, "urlEdit")
        self.kind = self.child(QComboBox, "kindCombo")
        self.origin = self.child(QComboBox, "originCombo")
        self.author = self.child(QLineEdit, "authorEdit")
        self.topics = self.child(QLineEdit, "topicsEdit")
        self.summary = self.child(QPlainTextEdit, "summaryEdit")
        fill_codes(self.kind, domain.CONTENT_KINDS, labels.CONTENT_KINDS)
        fill_codes(self.origin, domain.ORIGINS, labels.ORIGINS)
        select_code(self.kind, "article")
        select_code(self.origin, "third-party")
        self.resize(560, 420)
        if content_id is not None:
            self.setWindowTitle(self.tr("Edit content item"))
            self._load(content_id)
        else:
            self.setWindowTitle(self.tr("Add content item"))
        self.title_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.title_edit.setFocus()

    def _load(self, content_id: int) -> None:
        item = library.content_item(content_id)
        if item is None:
            return
        self.title_edit.setText(item.title)
        self.url_edit.setText(item.url or "")
        select_code(self.kind, item.kind)
        select_code(self.origin, item.origin)
        self.author.setText(item.author or "")
        self.topics.setText(", ".join(item.topics))
        self.summary.setPlainText(item.summary)

    def _update_ok(self) -> None:
        if self.buttons is not None:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            ok.setEnabled(bool(self.title_edit.text().strip()))

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title_edit.text(),
            "url": self.url_edit.text().strip() or None,
            "kind": self.kind.currentData(),
            "origin": self.origin.currentData(),
            "author": self.author.text().strip() or None,
            "topics": split_topics(self.topics.text()),
            "summary": self.summary.toPlainText(),
        }

    def accept(self) -> None:
        fields = self.values()
        if self.content_id is None:
            self.content_id = commands.add_content(self.bus, self, fields.pop("title"), **fields)
            if self.content_id is None:
                return
        elif not commands.edit_content(self.bus, self, self.content_id, **fields):
            return
        super().accept()

    @classmethod
    def create(cls, bus: JournalBus, parent: QWidget | None) -> int | None:  # type: ignore[override]
        """Ask for a new item; its id, or None if cancelled."""
        dialog = cls(bus, parent)
        return dialog.content_id if dialog.exec() else None

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None, content_id: int) -> bool:
        """Edit item *content_id*; True if it was saved."""
        dialog = cls(bus, parent, content_id)
        return bool(dialog.exec())
