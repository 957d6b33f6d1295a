"""Bulk changes on a multi-selection of the Contacts page, each one undo step; the import
preview's new rows and its choices for the new contacts; triage by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from dealjournal import ops
from dealjournal.contact_import import ForNew
from dealjournal.domain import today
from dealjournal.gui.dialogs.import_wizard import DONE, PREVIEW
from dealjournal.gui.dialogs.triage import TriageDialog
from dealjournal.gui.importing import Col
from dealjournal.gui.pages.contacts import ContactsPage
from dealjournal.health import state as health_state
from dealjournal.queries import attention
from dealjournal.queries import contacts as q
from dealjournal.store.db import db
from tests.conftest import REALDATA
from tests.gui.test_import_wizard import VCARD, open_wizard, to_preview

TABLES = ("contact", "contact_email", "contact_tag", "channel", "goal", "stage_change", "share", "interaction",
          "touch_day", "touch_summary", "health_state")


def everything() -> dict[str, list[tuple[object, ...]]]:
    conn = db.connection()
    state = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}
    state["contact_fts"] = conn.execute("SELECT rowid, name, company, notes, tags FROM contact_fts "
                                        "ORDER BY rowid").fetchall()
    return state


def contacts_page(window) -> ContactsPage:  # type: ignore[no-untyped-def]
    window.show_page(ContactsPage)
    page = window.stack.currentWidget()
    assert isinstance(page, ContactsPage)
    return page


def click(page: ContactsPage, qtbot: QtBot, row: int,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    rect = page.view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def names(ids: list[int]) -> list[str]:
    return [ops.get_contact(i).name for i in ids]


@pytest.fixture
def people(bus) -> list[int]:  # type: ignore[no-untyped-def]
    """Six contacts (listed by name as Person 0 … Person 5) with some history behind them."""
    ids = [bus.run(ops.add_contact, f"Person {n}", created_on="2026-01-01", tags=["a"] if n % 2 else [],
                   cadence_days=(None, 0, 30)[n % 3]).id for n in range(6)]
    item = bus.run(ops.add_content, "Guide").id
    goal = bus.run(ops.add_goal, ids[2], "Close faster").id
    bus.run(ops.record_share, item, [ids[2]], on="2026-11-01", goal_id=goal)
    bus.run(ops.log_interaction, ids[1], kind="call", direction="mutual", at="2026-11-02T10:00")
    bus.run(ops.add_channel, ids[3], "linkedin", url="https://www.linkedin.com/in/p3", follows_back="yes")
    bus.run(ops.set_stage, ids[3], "customer", on="2026-02-01")
    return ids


def test_shift_click_ctrl_click_and_ctrl_a_select(window, people: list[int], qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = contacts_page(window)
    assert not page.bulk_button.isEnabled() and page.count_label.text() == "6 contacts"
    click(page, qtbot, 1)
    click(page, qtbot, 3, Qt.KeyboardModifier.ShiftModifier)
    assert names(page.selected_ids()) == ["Person 1", "Person 2", "Person 3"]
    click(page, qtbot, 5, Qt.KeyboardModifier.ControlModifier)
    assert names(page.selected_ids()) == ["Person 1", "Person 2", "Person 3", "Person 5"]
    assert page.count_label.text() == "6 contacts · 4 selected" and page.bulk_button.isEnabled()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert page.selected_ids() == people and page.count_label.text() == "6 contacts · 6 selected"


def _ask(monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: (answer, True))


def _menu_action(page: ContactsPage, menu: str, text: str) -> Callable[[], None]:
    action = next(a for a in getattr(page, menu).actions() if a.text() == text)
    return action.trigger


BULK = {
    "tag": (lambda page, mp: (_ask(mp, "fintech"), page.add_tag_action.trigger()), "Tag 3 contacts “fintech”"),
    "untag": (lambda page, mp: (_ask(mp, "a"), page.remove_tag_action.trigger()), "Remove tag “a” from 3 contacts"),
    "stage": (lambda page, mp: _menu_action(page, "stage_menu", "Customer")(), "Move 3 contacts to Customer"),
    "cadence": (lambda page, mp: _menu_action(page, "cadence_menu", "Every 30 days")(),
                "Keep in touch with 3 contacts: every 30 days"),
    "stage default": (lambda page, mp: _menu_action(page, "cadence_menu", "Stage default")(),
                      "Keep in touch with 3 contacts: stage default"),
    "don't flag": (lambda page, mp: _menu_action(page, "cadence_menu", "Don't flag (0)")(),
                   "Keep in touch with 3 contacts: don't flag"),
    "archive": (lambda page, mp: page.archive_action.trigger(), "Archive 3 contacts"),
    "delete": (lambda page, mp: QtBot.keyClick(page.view, Qt.Key.Key_Delete), "Delete 3 contacts"),
}


@pytest.mark.parametrize("change", sorted(BULK))
def test_each_bulk_change_is_one_undo_step(window, bus, people: list[int], qtbot: QtBot,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    act, text = BULK[change]
    page = contacts_page(window)
    click(page, qtbot, 1)
    click(page, qtbot, 3, Qt.KeyboardModifier.ShiftModifier)
    page.view.setFocus()
    before, steps = everything(), bus.undo_stack.count()
    act(page, monkeypatch)
    after = everything()
    assert after != before
    assert bus.undo_stack.count() == steps + 1 and bus.undo_stack.undoText() == text
    window.act.undo.trigger()
    assert everything() == before
    window.act.redo.trigger()
    assert everything() == after
    window.act.undo.trigger()
    assert everything() == before


def test_the_selection_outlives_a_tag_and_follows_its_contacts(window, bus, people: list[int], qtbot: QtBot,  # type: ignore[no-untyped-def]
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    page = contacts_page(window)
    click(page, qtbot, 0)
    click(page, qtbot, 2, Qt.KeyboardModifier.ShiftModifier)
    assert page.add_tag("vip")
    assert names(page.selected_ids()) == ["Person 0", "Person 1", "Person 2"]
    assert page.set_stage("engaged")
    assert {ops.get_contact(i).stage for i in people[:3]} == {"engaged"}
    assert page.count_label.text() == "6 contacts · 3 selected"
    page.tag.setCurrentIndex(page.tag.findData("vip"))
    assert page.model.rowCount() == 3
    page.view.selectAll()
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *rest: (items[-1], True))
    page.remove_tag_action.trigger()  # offers the selection's own tags: "a", "vip"
    assert q.tags_of(people[:3]) == ["a"]


# --- the import preview --------------------------------------------------------------------

def test_the_preview_lists_new_contacts_with_a_filter(window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "phone.vcf"
    path.write_text(VCARD, encoding="utf-8")
    wizard = open_wizard(window, qtbot, path)
    to_preview(wizard, qtbot)
    page = wizard.preview_page
    model = page.model
    assert [(model.index(r, Col.WHAT).data(), model.index(r, Col.NAME).data()) for r in range(model.rowCount())] == [
        ("New", "Ada Byron"), ("Skipped", "(no name)"), ("New", "<b>Bob</b> Smith")]
    shown = [page.show_rows.itemText(i) for i in range(page.show_rows.count())]
    assert shown == ["Every row (3)", "New (2)", "Merged (0)", "Skipped (1)"]
    page.show_rows.setCurrentIndex(page.show_rows.findData("new"))
    assert [model.index(r, Col.NAME).data() for r in range(model.rowCount())] == ["Ada Byron", "<b>Bob</b> Smith"]
    page.table.sortByColumn(Col.NAME, Qt.SortOrder.DescendingOrder)
    assert model.index(0, Col.NAME).data() == "Ada Byron"  # "<" sorts before "A"
    assert page.new_box.isVisible() and page.new_box.title() == "The 2 new contacts get"
    assert page.cadence.currentData() == "default"  # a small file: the stage's cadence


def test_enter_on_the_preview_imports(window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "one.vcf"
    path.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Byron\r\nEND:VCARD\r\n", encoding="utf-8")
    wizard = open_wizard(window, qtbot, path)
    to_preview(wizard, qtbot)
    assert QApplication.focusWidget() is not wizard.button(wizard.WizardButton.BackButton)
    back = wizard.button(wizard.WizardButton.BackButton)
    back.setFocus()  # where the focus used to land when the preview showed no table: Enter went back
    qtbot.keyClick(back, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=5000)
    assert q.count(q.ContactFilter()) == 1


def test_the_new_contacts_get_the_chosen_tags_stage_and_cadence(window, bus, qtbot: QtBot,  # type: ignore[no-untyped-def]
                                                                tmp_path: Path) -> None:
    known = bus.run(ops.add_contact, "Ada Lovelace", emails=[("work", "ada@example.com")]).id
    path = tmp_path / "phone.vcf"
    path.write_text(VCARD, encoding="utf-8")
    wizard = open_wizard(window, qtbot, path)
    to_preview(wizard, qtbot)
    page = wizard.preview_page
    assert page.new_box.title() == "The new contact gets"
    page.tags.setText("conference, fintech,")
    page.stage.setCurrentIndex(page.stage.findData("engaged"))
    page.cadence.setCurrentIndex(page.cadence.findData("days"))
    assert page.days.isVisible() and not page.triage_hint.isVisible()
    page.days.setValue(21)
    assert page.for_new() == ForNew(tags=("conference", "fintech"), stage="engaged", cadence_days=21)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=5000)
    rows = db.connection().execute("SELECT id, name, stage, cadence_days FROM contact ORDER BY id").fetchall()
    assert rows == [(known, "Ada Lovelace", "lead", None), (known + 1, "<b>Bob</b> Smith", "engaged", 21)]
    assert q.tags_of([known]) == [] and q.tags_of([known + 1]) == ["conference", "fintech"]


# --- triage --------------------------------------------------------------------------------

def write_connections(path: Path, n: int) -> Path:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    lines += [f"Person,{i:03d},https://www.linkedin.com/in/p{i},,Acme,Engineer,21 Jan 2020" for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def import_linkedin(window, qtbot: QtBot, path: Path, *, expect_new: int) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(window, qtbot, path)
    wizard.next()
    assert wizard.currentId() == PREVIEW
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.plan is not None, timeout=30_000)
    assert page.model.counts()["new"] == expect_new
    assert page.cadence.currentData() == "triage" and page.triage_hint.isVisible()
    assert page.for_new() == ForNew(cadence_days=0, triage=True)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=30_000)
    qtbot.waitUntil(lambda: not window.keeper.busy, timeout=30_000)
    wizard.accept()


def cadence(contact_id: int) -> int | None:
    return ops.get_contact(contact_id).cadence_days


def test_triage_one_key_per_decision_with_back_and_stop(window, bus, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import_linkedin(window, qtbot, write_connections(tmp_path / "Connections.csv", 60), expect_new=60)
    page = contacts_page(window)
    assert page.triage_button.isVisible()
    assert page.triage_button.toolTip() == "60 imported contacts wait for a keep-in-touch decision"
    dialog = page.open_triage()
    assert isinstance(dialog, TriageDialog) and dialog.left.text() == "60 contacts left to triage"
    first = dialog.current
    assert first is not None and first.name == "Person 000" and "Acme" in dialog.details.text()
    assert "2020-01-21" in dialog.details.text()
    decided = []
    for key, expected in ((Qt.Key.Key_2, 14), (Qt.Key.Key_N, 0), (Qt.Key.Key_5, 90)):
        shown = dialog.current
        assert shown is not None
        qtbot.keyClick(dialog, key)
        decided.append(shown.id)
        assert cadence(shown.id) == expected
    assert dialog.left.text() == "57 contacts left to triage" and bus.undo_stack.undoText() == \
        f"Triage {ops.get_contact(decided[-1]).name}: every 90 days"
    qtbot.keyClick(dialog, Qt.Key.Key_Backspace)  # Back: undoes the last decision, shows that contact again
    assert dialog.current is not None and dialog.current.id == decided[-1] and cadence(decided[-1]) == 0
    assert dialog.left.text() == "58 contacts left to triage"
    qtbot.keyClick(dialog, Qt.Key.Key_A)
    assert ops.get_contact(decided[-1]).archived and q.untriaged_count() == 57
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    window.act.undo.trigger()  # each decision is its own step on the window's undo stack
    assert not ops.get_contact(decided[-1]).archived and q.untriaged_count() == 58


def test_a_small_linkedin_file_takes_the_stage_cadence(window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wizard = open_wizard(window, qtbot, write_connections(tmp_path / "Connections.csv", 50))
    to_preview(wizard, qtbot)
    assert wizard.preview_page.cadence.currentData() == "default" and not wizard.preview_page.triage_hint.isVisible()


LINKEDIN = REALDATA / "linkedin" / "yangdb__Connections_crlf_synthetic.csv"


@pytest.mark.realdata
def test_realdata_linkedin_import_waits_for_triage(window, bus, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    if not LINKEDIN.is_file():
        pytest.skip("real data file not available: linkedin/yangdb__Connections_crlf_synthetic.csv")
    import_linkedin(window, qtbot, LINKEDIN, expect_new=1794)
    health_state.rebuild(today() + timedelta(days=400))  # long after: with any cadence they would be stale
    assert attention.stale().total == 0
    assert q.untriaged_count() == 1794
    dialog = contacts_page(window).open_triage()
    assert dialog.left.text() == "1,794 contacts left to triage"
    decided = {}
    for key, days in ((Qt.Key.Key_3, 30), (Qt.Key.Key_1, 7), (Qt.Key.Key_4, 60)):
        assert dialog.current is not None
        decided[dialog.current.id] = days
        qtbot.keyClick(dialog, key)
    assert {i: cadence(i) for i in decided} == decided
    assert dialog.left.text() == "1,791 contacts left to triage" and q.untriaged_count() == 1791
