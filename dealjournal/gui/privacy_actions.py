"""A person's rights, from their contact page: export everything about them, or erase them.

Both act through :mod:`dealjournal.privacy`. Erasing cannot be undone: it also clears the
undo history, whose snapshots could otherwise bring the person back.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from dealjournal import privacy
from dealjournal.errors import JournalError
from dealjournal.gui import messages
from dealjournal.gui.bus import JournalBus
from dealjournal.interchange._export import write_json
from dealjournal.ops import OpChanges
from dealjournal.store.db import db

log = logging.getLogger(__name__)


def suggested_file_name(name: str) -> str:
    """``Ada Lovelace.json``: the person's name, without characters file systems refuse."""
    clean = re.sub(r"[^\w\- .']+", " ", name, flags=re.UNICODE)
    clean = re.sub(r"\s+", " ", clean).strip(" .")[:60].strip()
    return f"{clean or 'person'} (personal data).json"


def export_person(bus: JournalBus, parent: QWidget | None, contact_id: int, name: str) -> Path | None:
    """Ask where, then write everything about the contact as JSON (owner-only); the file or None."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, "Export everything about this person",
                                            str(Path(documents) / suggested_file_name(name)), "JSON (*.json)")
    if not chosen:
        return None
    target = Path(chosen)
    try:
        write_json(target, privacy.export_person(contact_id))
    except (JournalError, OSError) as exc:
        messages.show_error(parent, f"Could not export to {target}: {exc}")
        return None
    bus.status.emit(f"Exported everything about {name} to {target}")
    return target


def erase_person(bus: JournalBus, parent: QWidget | None, contact_id: int, name: str) -> bool:
    """After a strong confirmation, remove every trace of the contact from the journal; True if gone."""
    if not messages.confirm(
            parent,
            f"Erase {name} for good?\n\nEverything recorded about them is removed: contact details, channels, "
            "goals, timeline entries and shares, and the space they took in the journal file is overwritten. "
            "This cannot be undone, not even with Undo.",
            "Erase for Good",
            detail="Backups taken before now still hold them until thinning deletes those backups "
                   "(File ▸ Backups… shows how long they are kept). To keep a copy of their data, "
                   "export it first."):
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
        messages.show_error(parent, str(exc))
    else:
        QApplication.restoreOverrideCursor()
    if erased:
        bus.undo_stack.clear()  # its snapshots could bring the person back
        log.info("Erased one contact from the window")
        bus.status.emit("The person was erased.")
    return erased


def _gone(contact_id: int) -> bool:
    try:
        return db.connection().execute("SELECT 1 FROM contact WHERE id = ?", (contact_id,)).fetchone() is None
    except JournalError:
        return False
