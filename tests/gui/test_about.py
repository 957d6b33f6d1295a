"""Help ▸ About: version, licences, and where the journal and its backups live, as selectable plain text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from dealjournal import __version__
from dealjournal.gui.dialogs.about import AboutDialog
from dealjournal.safety.backup import backup_folder


def open_about(journal: Path, qtbot: Any) -> AboutDialog:
    dialog = AboutDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def texts(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_version_licences_and_places(journal: Path, qtbot: Any) -> None:
    dialog = open_about(journal, qtbot)
    shown = texts(dialog)
    assert f"Version {__version__}" in shown
    assert "GPL-3.0-or-later" in shown and "PySide6" in shown and "LGPL" in shown
    assert dialog.child(QLineEdit, "journal").text() == str(journal)
    assert dialog.child(QLineEdit, "backups").text() == str(backup_folder(journal))
    assert dialog.child(QLineEdit, "backups").text().endswith(".sqlite3.backups")
    assert all(field.isReadOnly() for field in dialog.findChildren(QLineEdit))


def test_text_is_plain_and_selectable(journal: Path, qtbot: Any) -> None:
    dialog = open_about(journal, qtbot)
    for label in dialog.findChildren(QLabel):
        if label.text() and not label.buddy():  # form labels ("Journal") only name a field
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
            assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse, label.objectName()


def test_a_hostile_folder_name_shows_literally(tmp_path: Path, journal: Path, qtbot: Any) -> None:
    odd = tmp_path / "<b>bold</b> <img src=x> שלום 📒" / "journal.sqlite3"
    dialog = open_about(odd, qtbot)
    assert dialog.child(QLineEdit, "journal").text() == str(odd)
    assert dialog.width() <= 800  # a long path scrolls in its field instead of widening the dialog


def test_escape_closes(journal: Path, qtbot: Any) -> None:
    dialog = open_about(journal, qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
