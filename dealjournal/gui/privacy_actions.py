"""A person's rights, from their contact page: export everything about them, or erase them.

Both act through :mod:`dealjournal.safety.privacy`. Erasing cannot be undone: it also clears the
undo history, whose snapshots could otherwise bring the person back.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from dealjournal.errors import JournalError
from dealjournal.gui import i18n, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.interchange._export import write_json
from dealjournal.ops import OpChanges
from dealjournal.safety import privacy
from dealjournal.store.db import db

log = logging.getLogger(__name__)


def suggested_file_name(name: str) -> str:
    """``Ada Lovelace (personal data).json``: the person's name, without characters file systems refuse."""
    clean = re.sub(r"[^\w\- .']+", " ", name, flags=re.UNICODE)
    clean = re.sub(r"\s+", " ", clean).strip(" .")[:60].strip()
    suggested = QCoreApplication.translate("privacy_actions", "{name} (personal data).json").format(
        name=clean or QCoreApplication.translate("privacy_actions", "person"))
    return re.sub(r"[/\\:]+", " ", suggested)  # a translation must not add folders


def export_person(bus: JournalBus, parent: QWidget | None, contact_id: int, name: str) -> Path | None:
    """Ask where, then write everything about the contact as JSON (owner-only); the file or None."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("privacy_actions", "Export everything about this person"),
        str(Path(documents) / suggested_file_name(name)),
        QCoreApplication.translate("privacy_actions", "JSON files (*.json)"))
    if not chosen:
        return None
    target = Path(chosen)
    try:
        write_json(target, privacy.export_person(contact_id))
    except (JournalError, OSError) as exc:
        error = i18n.say_error(exc) if isinstance(exc, JournalError) else str(exc)
        messages.show_error(parent, QCoreApplication.translate("privacy_actions", "Could not export to {file}: {error}")
                            .format(file=target, error=error))
        return None
    bus.status.emit(QCoreApplication.translate("privacy_actions", "Exported everything about {name} to {file}")
                    .format(name=name, file=target))
    return target


def erase_person(bus: JournalBus, parent: QWidget | None, contact_id: int, name: str) -> bool:
    """After a strong confirmation, remove every trace of the contact from the journal; True if gone."""
    question = QCoreApplication.translate("privacy_actions", "Erase {name} for good?").format(name=name)
    consequence = QCoreApplication.translate(
        "privacy_actions", "Everything recorded about them is removed: contact details, channels, goals, timeline "
        "entries and shares, and the space they took in the journal file is overwritten. This cannot be undone, "
        "not even with Undo.")
    if not messages.confirm(
            parent, f"{question}\n\n{consequence}",
            QCoreApplication.translate("privacy_actions", "Erase for Good"),
            detail=QCoreApplication.translate(
                "privacy_actions", "Backups taken before now still hold them until thinning deletes those backups "
                "(File ▸ Backups… shows how long they are kept). To keep a copy of their data, export it first.")):
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        bus.run(privacy.erase_person, contact_id)
        erased = True
    except JournalError as exc:
        # The rows may be gone even when rewriting the file failed: then the window must know.
        erased = _gone(contact_id)
        if erased:
            bus.announce(OpChanges(contacts=True, channels=True, interactions=True, shares=True, goals=True,
                                   stages=True, touches=True, contact_ids=frozenset({contact_id}), id=contact_id))
        QApplication.restoreOverrideCursor()
        messages.show_error(parent, i18n.say_error(exc))
    else:
        QApplication.restoreOverrideCursor()
    if erased:
        bus.undo_stack.clear()  # its snapshots could bring the person back
        log.info("Erased one contact from the window")
        bus.status.emit(QCoreApplication.translate("privacy_actions", "The person was erased."))
    return erased


def _gone(contact_id: int) -> bool:
    try:
        return db.connection().execute("SELECT 1 FROM contact WHERE id = ?", (contact_id,)).fetchone() is None
    except JournalError:
        return False
