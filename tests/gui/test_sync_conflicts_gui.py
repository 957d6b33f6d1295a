"""Edit ▸ Sync Conflicts…: real conflicts made by two journals syncing through one folder (the
test's journal, "Laptop", and a second one, "Desktop", opened in turn in this process), then
settled in the dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QRadioButton

from dealjournal import ops
from dealjournal.gui.dialogs.conflicts import ConflictsDialog
from dealjournal.store import close_journal, db, open_journal
from dealjournal.sync import journal as sj

DELETED_TEXT = "deleted on another device while edited here"


class Devices:
    """The test's journal (Laptop) and another computer's (Desktop), one sync folder; ``on``
    opens one of them (only one journal is open in a process), ``sync`` runs a pass there."""

    def __init__(self, journal: Path, tmp_path: Path) -> None:
        self.paths = {"Laptop": journal, "Desktop": tmp_path / "desktop.sqlite3"}
        self.folder = tmp_path / "Sync"
        self.folder.mkdir()

    def on(self, name: str) -> None:
        close_journal()
        open_journal(self.paths[name])

    def sync(self, *names: str) -> None:
        for name in names:
            self.on(name)
            sj.sync(self.folder, name)

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        return list(db.connection().execute(sql, params).fetchall())

    def contact(self, name: str) -> int:
        ((cid,),) = self.rows("SELECT id FROM contact WHERE name = ? ORDER BY id", name)
        return int(cid)

    def apart(self, laptop: Callable[[], object], desktop: Callable[[], object]) -> None:
        """Desktop, then Laptop, change the journal without seeing each other's change; then
        both sync (Laptop last: the test's journal is the open one afterwards)."""
        self.on("Desktop")
        desktop()
        self.sync("Desktop")
        self.on("Laptop")
        laptop()
        self.sync("Laptop", "Desktop", "Laptop")


@pytest.fixture
def devices(journal: Path, tmp_path: Path) -> Iterator[Devices]:
    dev = Devices(journal, tmp_path)
    yield dev
    dev.on("Laptop")  # the journal fixture closes the test's journal


@pytest.fixture
def dialog(bus, qtbot) -> Callable[..., ConflictsDialog]:  # type: ignore[no-untyped-def]
    def make(contact_id: int | None = None) -> ConflictsDialog:
        dlg = ConflictsDialog(bus, None, contact_id)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        return dlg
    return make


def listed(dlg: ConflictsDialog) -> list[tuple[str, str, str]]:
    model = dlg.model
    return [tuple(str(model.index(r, c).data()) for c in range(3)) for r in range(model.rowCount())]  # type: ignore[misc]


def radios(dlg: ConflictsDialog) -> list[QRadioButton]:
    return [dlg.choices.button(i) for i in range(1, len(dlg.choices.buttons()))]


def sources(dlg: ConflictsDialog) -> list[str]:
    return [dlg.findChild(QLabel, f"source{i}").text() for i in range(1, len(dlg.choices.buttons()))]


def same_company_on_both(devices: Devices, name: str = "Anna Lindqvist", company: str = "Lindqvist AB",
                         laptop: str = "Laptop Corp", desktop: str = "Desktop GmbH") -> int:
    devices.on("Laptop")
    cid = ops.add_contact(name, company=company).id
    devices.sync("Laptop", "Desktop")
    devices.on("Laptop")
    ((gid,),) = devices.rows("SELECT gid FROM contact WHERE id = ?", cid)

    def on_desktop() -> None:
        ((other,),) = devices.rows("SELECT id FROM contact WHERE gid = ?", gid)
        ops.edit_contact(other, company=desktop)
    devices.apart(lambda: ops.edit_contact(cid, company=laptop), on_desktop)
    return int(cid)


def test_both_values_with_their_devices_and_picking_the_second_settles_it(devices: Devices, dialog: Any,
                                                                          bus: Any, qtbot: Any) -> None:
    cid = same_company_on_both(devices)
    assert devices.rows("SELECT company FROM contact WHERE id = ?", cid) == [("Laptop Corp",)]  # the newest
    dlg = dialog()
    assert listed(dlg) == [("Anna Lindqvist", "company", "2")]
    assert dlg.heading.text() == "Anna Lindqvist · company"
    assert [r.text() for r in radios(dlg)] == ["Laptop Corp", "Desktop GmbH"]     # newest first
    assert [s.split(" · ")[0] for s in sources(dlg)] == ["Laptop", "Desktop"]
    assert all(len(s.split(" · ")[1]) == len("2026-12-03 14:02:11") for s in sources(dlg))
    assert dlg.other.isVisibleTo(dlg) and dlg.resolve_button.isDefault()
    assert radios(dlg)[0].isChecked()                                             # what the journal shows now

    radios(dlg)[1].click()
    with qtbot.waitSignal(bus.reloaded, timeout=2000):
        qtbot.mouseClick(dlg.resolve_button, Qt.MouseButton.LeftButton)
    assert devices.rows("SELECT company FROM contact WHERE id = ?", cid) == [("Desktop GmbH",)]
    assert sj.conflicts() == [] and dlg.model.rowCount() == 0
    assert dlg.empty.isVisible() and dlg.empty.text() == "No conflicts: every synced value is settled."
    assert dlg.empty.textFormat() == Qt.TextFormat.PlainText
    assert not dlg.intro.isVisible()
    assert not dlg.resolve_button.isEnabled()
    devices.sync("Laptop", "Desktop")                          # and the next sync gives it to the other one
    assert devices.rows("SELECT company FROM contact") == [("Desktop GmbH",)]


def test_an_other_value_typed_in_settles_it_with_that_text(devices: Devices, dialog: Any, qtbot: Any,
                                                           no_modal_messages: list[str]) -> None:
    devices.on("Laptop")
    cid = ops.add_contact("Jonas Weber", cadence_days=30).id
    devices.sync("Laptop", "Desktop")
    devices.apart(lambda: ops.edit_contact(cid, cadence_days=14),
                  lambda: ops.edit_contact(devices.contact("Jonas Weber"), cadence_days=7))
    dlg = dialog()
    assert listed(dlg) == [("Jonas Weber", "cadence days", "2")]
    assert sorted(r.text() for r in radios(dlg)) == ["14", "7"]

    qtbot.keyClicks(dlg.other, "abc")                          # not a number: the core says why, nothing changes
    assert dlg.other_radio.isChecked()
    qtbot.mouseClick(dlg.resolve_button, Qt.MouseButton.LeftButton)
    assert len(no_modal_messages) == 1 and "abc" in no_modal_messages[0]
    assert dlg.model.rowCount() == 1

    dlg.other.clear()
    qtbot.keyClicks(dlg.other, "21")
    qtbot.keyClick(dlg.other, Qt.Key.Key_Return)               # Enter: the default button
    assert devices.rows("SELECT cadence_days FROM contact WHERE id = ?", cid) == [(21,)]
    assert sj.conflicts() == [] and dlg.empty.isVisible()


def test_from_a_contact_only_that_contacts_conflicts_and_its_rows(devices: Devices, dialog: Any,
                                                                  qtbot: Any) -> None:
    devices.on("Laptop")
    first = ops.add_contact("Jonas", company="First AB").id      # two contacts of one name: "who" cannot tell
    second = ops.add_contact("Jonas", company="Second AB").id
    goal = ops.add_goal(first, "Faster close").id
    devices.sync("Laptop", "Desktop")
    devices.on("Laptop")
    gids = {i: devices.rows("SELECT gid FROM contact WHERE id = ?", i)[0][0] for i in (first, second)}
    goal_gid = devices.rows("SELECT gid FROM goal WHERE id = ?", goal)[0][0]

    def on(table: str, gid: str) -> int:
        return int(devices.rows(f"SELECT id FROM {table} WHERE gid = ?", gid)[0][0])

    def laptop() -> None:
        ops.edit_contact(first, company="First Laptop")
        ops.edit_contact(second, location="Laptop City")
        ops.edit_goal(goal, title="Close on the laptop")

    def desktop() -> None:
        ops.edit_contact(on("contact", gids[first]), company="First Desktop")
        ops.edit_contact(on("contact", gids[second]), location="Desktop City")
        ops.edit_goal(on("goal", goal_gid), title="Close on the desktop")

    devices.apart(laptop, desktop)
    assert len(sj.conflicts()) == 3

    dlg = dialog(first)
    assert sorted(listed(dlg)) == [("Jonas", "company", "2"), ("Jonas", "goal: title", "2")]
    assert dlg.show_all.isVisible() and not dlg.show_all.isChecked()
    assert dlg.filter_note.isVisible() and "Jonas" in dlg.filter_note.text()
    dlg.show_all.click()
    assert sorted(listed(dlg)) == [("Jonas", "company", "2"), ("Jonas", "goal: title", "2"),
                                   ("Jonas", "location", "2")]
    assert not dlg.filter_note.isVisible()
    dlg.show_all.click()
    assert len(listed(dlg)) == 2

    dlg = dialog(second)
    assert listed(dlg) == [("Jonas", "location", "2")]
    qtbot.mouseClick(dlg.resolve_button, Qt.MouseButton.LeftButton)     # the newest, as preselected
    assert dlg.empty.isVisible() and "Jonas" in dlg.empty.text()
    assert not dlg.resolve_button.isEnabled()
    assert devices.rows("SELECT location FROM contact WHERE id = ?", second) == [("Laptop City",)]
    assert len(sj.conflicts()) == 2                                      # the other contact's stay

    assert not dialog().show_all.isVisible()                             # Edit ▸ Sync Conflicts…: all of them


def test_deleted_elsewhere_offers_keep_or_delete_and_keep_keeps_the_contact(devices: Devices, dialog: Any,
                                                                           bus: Any, qtbot: Any) -> None:
    devices.on("Laptop")
    cid = ops.add_contact("Lea Moreau").id
    devices.sync("Laptop", "Desktop")
    devices.apart(lambda: ops.edit_contact(cid, company="Moreau SA"),
                  lambda: ops.delete_contact(devices.contact("Lea Moreau")))
    dlg = dialog()
    assert listed(dlg) == [("Lea Moreau", DELETED_TEXT, "2")]
    texts = [r.text() for r in radios(dlg)]
    assert len(texts) == 2 and texts[0].startswith("Keep") and texts[1].startswith("Delete")
    assert sources(dlg)[0] == "Laptop" and sources(dlg)[1].startswith("Desktop · ")
    assert not dlg.other_row.isVisibleTo(dlg)                   # no value of one's own for a deletion
    radios(dlg)[1].click()
    radios(dlg)[0].click()                                       # keep
    with qtbot.waitSignal(bus.reloaded, timeout=2000):
        qtbot.mouseClick(dlg.resolve_button, Qt.MouseButton.LeftButton)
    assert dlg.empty.isVisible() and sj.conflicts() == []
    assert devices.rows("SELECT name, company FROM contact") == [("Lea Moreau", "Moreau SA")]
    devices.sync("Laptop", "Desktop")                           # kept: the other computer has it back
    assert devices.rows("SELECT name, company FROM contact") == [("Lea Moreau", "Moreau SA")]


def test_open_for_shows_it_modal_for_the_contact(devices: Devices, bus: Any, monkeypatch: pytest.MonkeyPatch,
                                                 qtbot: Any) -> None:
    cid = same_company_on_both(devices)
    shown: list[tuple[int | None, int]] = []

    def exec_(self: ConflictsDialog) -> int:
        qtbot.addWidget(self)
        shown.append((self.contact_id, self.model.rowCount()))
        return 0
    monkeypatch.setattr(ConflictsDialog, "exec", exec_)
    ConflictsDialog.open_for(bus, None, cid)
    ConflictsDialog.open_for(bus, None, cid + 1)      # a contact without conflicts
    assert shown == [(cid, 1), (cid + 1, 0)]


def test_user_text_is_shown_as_it_is(devices: Devices, dialog: Any) -> None:
    same_company_on_both(devices, name="<b>Ann</b> & Co", laptop="Smith & <i>Sons</i>", desktop="")
    dlg = dialog()
    assert listed(dlg) == [("<b>Ann</b> & Co", "company", "2")]
    assert dlg.heading.textFormat() == Qt.TextFormat.PlainText
    assert [r.text() for r in radios(dlg)] == ["Smith && <i>Sons</i>", "(empty)"]   # "&" not a shortcut
