"""The window's frame speaks the loaded language: menus, help, messages, reminders, import texts.

A fake translator marks every text it translates ("~" + English), so a test sees which
texts went through Qt translation, and that texts are put together when shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from dealjournal.contact_import import PlanRow
from dealjournal.errors import JournalError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase


class Marking(QTranslator):
    """Translates every text of the given contexts to "~" + its English."""

    def __init__(self, *contexts: str) -> None:
        super().__init__()
        self.contexts = set(contexts)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return "~" + source if context in self.contexts else None  # None: not translated here


@pytest.fixture
def marked(bus: Any) -> Iterator[Marking]:
    translator = Marking("Actions", "MainWindow", "WarningBar", "FollowUpReminder", "HealthKeeper", "app",
                         "commands", "importing", "privacy_actions", "core", "ContactsPage")
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_menus_and_shortcut_help_are_translated(marked: Marking, window: Any) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["~&File", "~&Edit", "~&View", "~&Help"]
    assert window.act.new_contact.text() == "~New &Contact…"
    assert window.windowTitle() == f"~{window.bus.path.name} — Deal Journal"
    rows = dict(window.act.shortcut_rows())
    # "{where}: {what}" is put together when shown, from the page's translated title and words.
    assert "~~Contacts: ~delete the selected contacts" in rows
    assert "~~Log interaction: ~save from the details box" in rows


def test_reminder_and_import_texts_are_translated(marked: Marking) -> None:
    from dealjournal.gui import importing, reminders

    assert reminders.reminder_text(1) == "~1 follow-up or reminder is due today."
    assert reminders.reminder_text(3) == "~3 follow-ups or reminders are due today."
    assert importing.format_choices()[0] == ("~Automatic", None)
    assert importing.format_name("vcard") == "~a vCard file"
    assert importing.FORMAT_NAMES["vcard"] == "a vCard file"  # the table itself stays English
    reason = Phrase(QT_TRANSLATE_NOOP("core", "Same e-mail as {name}."), name="Ada")
    row = PlanRow(line=4, action="merge", name="Ada L.", reason=reason, target_name="Ada Lovelace")
    assert importing.row_reason(row) == "~{reason} → {into}".format(reason="~Same e-mail as Ada.",
                                                                      into="~into Ada Lovelace")
    model = importing.PlanRowsModel()
    model.set_rows([row, PlanRow(line=5, action="skip", name="", reason="")])
    assert model.headerData(0, importing.Qt.Orientation.Horizontal) == "~Line"
    assert model.data(model.index(1, importing.Col.WHAT)) == "~Skipped"
    assert model.data(model.index(1, importing.Col.NAME)) == "~(no name)"


def test_core_errors_are_shown_translated(marked: Marking, bus: Any, no_modal_messages: list[str]) -> None:
    def refused() -> Any:
        raise JournalError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown stage {stage}."), stage="x"))

    assert bus.attempt(None, refused) is None
    assert no_modal_messages == ["~Unknown stage x."]
    from dealjournal.gui import importing

    assert importing.explain(JournalError(Phrase(QT_TRANSLATE_NOOP("core", "Nope."))), "f.csv") == "~Nope."
