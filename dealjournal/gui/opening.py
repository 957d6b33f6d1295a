"""Opening a journal from the window, with every problem explained.

:func:`open_journal_safely` turns each problem with the file into a message the user can
act on: a damaged journal (moved aside by the store) offers its newest good backup or an
empty journal; a journal in use, not a journal, of a newer format… says so. Used at
start-up, by File ▸ Open and by the background integrity check.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dealjournal.errors import JournalError

if TYPE_CHECKING:
    from dealjournal.store.db import CorruptJournal

log = logging.getLogger(__name__)


def open_journal_safely(path: Path, parent: QWidget | None = None, *, check: bool = True) -> bool:
    """Open the journal at *path*, explaining any problem; True when it is open.

    A damaged journal has been moved aside by the store; the user may restore the newest
    good backup or start an empty journal at *path*. Any other problem (in use, not a
    journal, newer format, read-only folder…) is shown as it is. Never raises for a bad file.
    """
    from dealjournal.store import open_journal

    try:
        open_journal(path, check=check)
        return True
    except (JournalError, OSError, sqlite3.Error) as exc:
        return explain_open_error(exc, parent)


def explain_open_error(exc: BaseException, parent: QWidget | None = None) -> bool:
    """Tell the user why a journal did not open; True if the offered way out opened one."""
    from dealjournal.gui import i18n, messages
    from dealjournal.store.db import CorruptJournal

    log.warning("Cannot open the journal: %s", type(exc).__name__)
    if isinstance(exc, CorruptJournal):
        return recover_corrupt(exc, parent)
    messages.show_error(parent, i18n.say_error(exc))
    return False


def recover_corrupt(exc: CorruptJournal, parent: QWidget | None = None) -> bool:
    """After :class:`~dealjournal.store.db.CorruptJournal`: offer the backup, then an empty journal."""
    from dealjournal.gui import i18n, messages
    from dealjournal.safety import backup
    from dealjournal.store import close_journal, open_journal

    journal, moved, good = exc.journal, exc.moved_to, exc.backup
    damaged = QCoreApplication.translate("app", "The journal {journal} is damaged and cannot be opened.").format(
        journal=journal)
    kept = (QCoreApplication.translate("app", "The damaged file was kept as {file}, in case you need it.").format(
        file=moved) if moved else QCoreApplication.translate("app", "The damaged file could not be moved aside."))
    if good is not None:
        taken = backup.taken_at(good)
        question = (QCoreApplication.translate("app", "Restore the newest good backup ({backup} taken {when})?")
                    .format(backup=good.name, when=f"{taken:%Y-%m-%d %H:%M}") if taken else
                    QCoreApplication.translate("app", "Restore the newest good backup ({backup})?")
                    .format(backup=good.name))
        if messages.confirm(parent, f"{damaged}\n\n{kept}\n\n{question}",
                            QCoreApplication.translate("app", "Restore Backup"),
                            detail=QCoreApplication.translate("app", "Changes made after that backup are not in it.")):
            try:
                backup.restore(good, journal=journal)
                log.info("Restored the newest good backup after a damaged journal")
                return True
            except JournalError as err:
                close_journal()
                messages.show_error(parent, QCoreApplication.translate(
                    "app", "The backup could not be restored: {error}").format(error=i18n.say_error(err)))
    if moved is None:  # the damaged file is still in the way: nothing more to offer
        messages.show_error(parent, i18n.say_error(exc))
        return False
    question = (QCoreApplication.translate("app", "Start again with an empty journal?") if good is None
                else QCoreApplication.translate("app", "Start again with an empty journal instead?"))
    if not messages.confirm(parent, f"{damaged}\n\n{kept}\n\n{question}",
                            QCoreApplication.translate("app", "Start Empty Journal"),
                            detail="" if good is None
                            else QCoreApplication.translate("app", "The backups stay in File ▸ Backups…")):
        return False
    try:
        open_journal(journal)
    except JournalError as err:
        messages.show_error(parent, i18n.say_error(err))
        return False
    return True
