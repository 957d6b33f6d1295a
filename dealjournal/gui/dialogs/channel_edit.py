"""The channel dialog (``ui/channel_edit.ui``): where you follow a contact, and whether they follow back."""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QWidget

from dealjournal import domain
from dealjournal.gui import commands, labels
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.base import FormDialog, fill_codes, select_code
from dealjournal.queries import contact as queries

log = logging.getLogger(__name__)
FOLLOWS_BACK_ORDER = ("unknown", "yes", "no")  # "unknown" first: a new channel's default


class ChannelDialog(FormDialog):
    form_name = "channel_edit"

    def __init__(self, bus: JournalBus, parent: QWidget | None = None, *, contact_id: int | None = None,
                 channel_id: int | None = None) -> None:
        super().__init__(parent)
        self.bus, self.contact_id, self.channel_id = bus, contact_id, channel_id
        self.saved_id: int | None = None
        self.network = self.child(QComboBox, "network")
        self.handle = self.child(QLineEdit, "handle")
        self.url = self.child(QLineEdit, "url")
        self.following = self.child(QCheckBox, "following")
        self.following_since = self.child(QDateEdit, "followingSince")
        self.follows_back = self.child(QComboBox, "followsBack")
        fill_codes(self.network, domain.NETWORKS, labels.NETWORKS)
        fill_codes(self.follows_back, FOLLOWS_BACK_ORDER, labels.FOLLOWS_BACK)
        today = bus.today()
        self.following_since.setDate(QDate(today.year, today.month, today.day))
        self.following.toggled.connect(self.following_since.setEnabled)
        self.setWindowTitle(self.tr("Add Channel") if channel_id is None else self.tr("Edit Channel"))
        if channel_id is not None:
            self._load(channel_id)
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())
        self.network.setFocus()

    def _load(self, channel_id: int) -> None:
        row = queries.channel(channel_id)
        if row is None:
            return
        select_code(self.network, row.network)
        self.handle.setText(row.handle or "")
        self.url.setText(row.url or "")
        select_code(self.follows_back, row.follows_back)
        if row.following_since:
            self.following.setChecked(True)
            self.following_since.setDate(QDate.fromString(row.following_since, "yyyy-MM-dd"))

    def values(self) -> dict[str, object]:
        return {
            "network": self.network.currentData(),
            "handle": self.handle.text(),
            "url": self.url.text(),
            "following_since": self.following_since.date().toString("yyyy-MM-dd") if self.following.isChecked() else None,
            "follows_back": self.follows_back.currentData(),
        }

    def accept(self) -> None:
        values = self.values()
        if self.channel_id is None:
            assert self.contact_id is not None
            network = str(values.pop("network"))
            self.saved_id = commands.add_channel(self.bus, self, self.contact_id, network, **values)
        elif commands.edit_channel(self.bus, self, self.channel_id, **values):
            self.saved_id = self.channel_id
        if self.saved_id is not None:  # otherwise the error was shown: keep what was typed
            super().accept()

    @classmethod
    def add(cls, bus: JournalBus, parent: QWidget | None, contact_id: int) -> int | None:
        dialog = cls(bus, parent, contact_id=contact_id)
        return dialog.saved_id if dialog.exec() else None

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None, channel_id: int) -> bool:
        dialog = cls(bus, parent, channel_id=channel_id)
        return bool(dialog.exec())
