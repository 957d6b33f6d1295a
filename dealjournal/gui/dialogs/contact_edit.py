"""The contact dialog (``ui/contact_edit.ui``): create a contact or edit one.

Saving runs :func:`dealjournal.gui.commands.add_contact` or :func:`~dealjournal.gui.commands.edit_contact`,
so it can be undone; when the journal refuses (a bad value), the message is shown and the
dialog stays open with what the user typed.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QComboBox, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget,
    QTableWidgetItem, QWidget,
)

from dealjournal import domain
from dealjournal.gui import commands, labels
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog, fill_codes, select_code
from dealjournal.queries import contact as queries

log = logging.getLogger(__name__)
STAGE_DEFAULT = -1  # the cadence spin box's special value: use the stage's default
BUYING_STYLE_ORDER = ("unknown", "transactional", "relationship")  # "unknown" first: a new contact's default


def split_tags(text: str) -> list[str]:
    """``"fintech, cfo ,"`` → ``["fintech", "cfo"]``."""
    return [t.strip() for t in text.split(",") if t.strip()]


class ContactDialog(FormDialog):
    form_name = "contact_edit"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, contact_id: int | None = None) -> None:
        super().__init__(parent)
        self.bus, self.contact_id = bus, contact_id
        self.saved_id: int | None = None
        self.name = self.child(QLineEdit, "name")
        self.given_name = self.child(QLineEdit, "givenName")
        self.family_name = self.child(QLineEdit, "familyName")
        self.company = self.child(QLineEdit, "company")
        self.job_title = self.child(QLineEdit, "jobTitle")
        self.website = self.child(QLineEdit, "website")
        self.location = self.child(QLineEdit, "location")
        self.tags = self.child(QLineEdit, "tags")
        self.stage = self.child(QComboBox, "stage")
        self.cadence = self.child(QSpinBox, "cadence")
        self.buying_style = self.child(QComboBox, "buyingStyle")
        self.source = self.child(QLineEdit, "source")
        self.emails = self.child(QTableWidget, "emails")
        self.phones = self.child(QTableWidget, "phones")
        self.notes = self.child(QPlainTextEdit, "notes")
        fill_codes(self.stage, domain.STAGES, labels.STAGES)
        fill_codes(self.buying_style, BUYING_STYLE_ORDER, labels.BUYING_STYLES)
        for table, add, remove in ((self.emails, "addEmail", "removeEmail"), (self.phones, "addPhone", "removePhone")):
            table.setColumnWidth(0, 90)
            self.child(QPushButton, add).clicked.connect(lambda _=False, t=table: self.add_row(t))
            self.child(QPushButton, remove).clicked.connect(lambda _=False, t=table: self._remove_row(t))
        assert self.buttons is not None
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(self._update_ok)
        if contact_id is None:
            self.setWindowTitle(self.tr("New Contact"))
            self.ok.setText(self.tr("Add contact"))
        else:
            self.setWindowTitle(self.tr("Edit Contact"))
            self.stage.hide()
            self.child(QLabel, "stageLabel").hide()
            self._load(contact_id)
        self._update_ok()
        for table in (self.emails, self.phones):
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        self.resize(max(self.sizeHint().width(), 760), min(self.sizeHint().height(), 560))
        self.name.setFocus()

    def _update_ok(self) -> None:
        self.ok.setEnabled(bool(self.name.text().strip()))

    # --- e-mails and phones -------------------------------------------------------------

    def add_row(self, table: QTableWidget, label: str = "", value: str = "") -> None:
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(label))
        table.setItem(row, 1, QTableWidgetItem(value))
        if not value:
            table.setCurrentCell(row, 1)
            table.setFocus()
            table.editItem(table.item(row, 1))  # type: ignore[arg-type]  # set just above

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)

    @staticmethod
    def _pairs(table: QTableWidget) -> list[tuple[str | None, str]]:
        out: list[tuple[str | None, str]] = []
        for row in range(table.rowCount()):
            label_item, value_item = table.item(row, 0), table.item(row, 1)
            value = value_item.text().strip() if value_item is not None else ""
            label = label_item.text().strip() if label_item is not None else ""
            if value:
                out.append((label or None, value))
        return out

    # --- loading and saving -------------------------------------------------------------

    def _load(self, contact_id: int) -> None:
        d = queries.contact_details(contact_id)
        if d is None:
            return
        self.name.setText(d.name)
        for edit, value in ((self.given_name, d.given_name), (self.family_name, d.family_name),
                            (self.company, d.company), (self.job_title, d.title), (self.website, d.website),
                            (self.location, d.location), (self.source, d.source)):
            edit.setText(value or "")
        self.tags.setText(", ".join(d.tags))
        select_code(self.stage, d.stage)
        self.cadence.setValue(STAGE_DEFAULT if d.cadence_days is None else d.cadence_days)
        select_code(self.buying_style, d.buying_style)
        self.notes.setPlainText(d.notes)
        for label, value in d.emails:
            self.add_row(self.emails, label or "", value)
        for label, value in d.phones:
            self.add_row(self.phones, label or "", value)

    def values(self) -> dict[str, Any]:
        """The fields as :func:`dealjournal.ops.edit_contact` takes them."""
        cadence = self.cadence.value()
        return {
            "name": self.name.text(),
            "given_name": self.given_name.text(),
            "family_name": self.family_name.text(),
            "company": self.company.text(),
            "title": self.job_title.text(),
            "website": self.website.text(),
            "location": self.location.text(),
            "source": self.source.text(),
            "notes": self.notes.toPlainText(),
            "cadence_days": None if cadence == STAGE_DEFAULT else cadence,
            "buying_style": self.buying_style.currentData(),
            "emails": self._pairs(self.emails),
            "phones": self._pairs(self.phones),
            "tags": split_tags(self.tags.text()),
        }

    def accept(self) -> None:
        if not self.ok.isEnabled():
            return
        values = self.values()
        if self.contact_id is None:
            name = values.pop("name")
            self.saved_id = commands.add_contact(self.bus, self, name, stage=self.stage.currentData(), **values)
            saved = self.saved_id is not None
        else:
            saved = commands.edit_contact(self.bus, self, self.contact_id, **values)
            self.saved_id = self.contact_id if saved else None
        if saved:  # otherwise the error was shown: keep the dialog open with what was typed
            super().accept()

    # --- entry points -------------------------------------------------------------------

    @classmethod
    def create(cls, bus: JournalBus, parent: QWidget | None) -> int | None:  # type: ignore[override]
        """Ask for a new contact; its id, or None when cancelled."""
        dialog = cls(bus, parent)
        return dialog.saved_id if dialog.exec() else None

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None, contact_id: int) -> bool:
        """Edit a contact; True if it was saved."""
        dialog = cls(bus, parent, contact_id)
        return bool(dialog.exec())
