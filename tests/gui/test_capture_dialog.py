"""File ▸ Capture Conversations driven as a user would: read → (Is this you? / day or month
first?) → review → capture → done; the drop routing; the timeline's source mark."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from dealjournal import capture, ops
from dealjournal.capture import CaptureCancelled, CaptureFormatError
from dealjournal.gui.dialogs.capture import CaptureDialog, run_capture
from dealjournal.gui.dialogs.capture_review import (
    PeopleCol,
    PeopleModel,
    TouchCol,
    TouchesModel,
    TouchRow,
    touch_rows,
)
from dealjournal.gui.dialogs.import_wizard import ImportWizard
from dealjournal.gui.pages import entries
from dealjournal.gui.pages.contact_timeline import Column
from dealjournal.gui.pages.journal import Col, JournalPage
from dealjournal.phrases import Phrase
from dealjournal.store import settings
from dealjournal.store.db import db

ME = "me@example.com"


def message(n: int, sender: str, to: str, day: int, subject: str, *extra: str) -> str:
    headers = [f"From {n}@xxx Mon Jan {day:02d} 10:00:00 2026", f"From: {sender}", f"To: {to}",
               f"Date: Mon, {day:02d} Jan 2026 10:{n:02d}:00 +0000", f"Subject: {subject}",
               f"Message-ID: <m{n}@example.com>", *extra]
    return "\n".join(headers) + "\n\nHello.\n\n"


def mailbox(tmp_path: Path, name: str = "All mail.mbox") -> Path:
    """Ada writes (a hostile subject), I answer, a stranger writes, a newsletter is ignored."""
    path = tmp_path / name
    path.write_text(
        message(1, "Ada Byron <ada@example.com>", f"Me <{ME}>", 5, "<b>x</b> the offer")
        + message(2, f"Me <{ME}>", "Ada Byron <ada@example.com>", 6, "Re: <b>x</b> the offer",
                  "In-Reply-To: <m1@example.com>", "References: <m1@example.com>", "X-Gmail-Labels: Sent")
        + message(3, "\"<b>Bob</b> Stranger\" <bob@stranger.org>", ME, 7, "Introduction")
        + message(4, "News <news@lists.example.com>", ME, 8, "Weekly news", "List-Id: <news.lists.example.com>"),
        encoding="utf-8")
    return path


def count(table: str, where: str = "1") -> int:
    return int(db.connection().execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])


def add_ada(window: Any) -> int:
    changes = window.bus.run(ops.add_contact, "Ada Byron", emails=[("work", "ada@example.com")])
    assert changes.id is not None
    return int(changes.id)


def know_me() -> None:
    ops.update_capture_settings(me=[ME])


def open_capture(window: Any, qtbot: QtBot, *paths: Path) -> CaptureDialog:
    assert run_capture(window, list(paths))
    shown = [d for d in window.findChildren(CaptureDialog) if d.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    wait_read(dialog, qtbot)
    return dialog


def wait_read(dialog: CaptureDialog, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running
                    and dialog.stack.currentIndex() != dialog.READING, timeout=10_000)


def press_capture(dialog: CaptureDialog, window: Any, qtbot: QtBot) -> None:
    assert dialog.stack.currentIndex() == dialog.REVIEW and dialog.go.isEnabled()
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.captured, timeout=10_000)
    qtbot.waitUntil(lambda: not window.keeper.busy, timeout=10_000)


def touches(dialog: CaptureDialog) -> dict[str, tuple[str, ...]]:
    model = dialog.review_page.touches
    return {model.index(r, 0).data(): tuple(model.index(r, c).data() for c in range(1, len(TouchCol)))
            for r in range(model.rowCount())}


def test_review_then_capture_with_a_new_contact(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    ada = add_ada(window)
    know_me()
    dialog = open_capture(window, qtbot, mailbox(tmp_path))
    assert dialog.stack.currentIndex() == dialog.REVIEW
    review = dialog.review_page
    files = review.files.text()
    assert "All mail.mbox" in files and "mbox" in files and "2 to add" in files and "1 ignored" in files
    assert touches(dialog) == {"Ada Byron": ("1", "1", "0", "0")}
    assert review.ignored.text() == "1 mailing-list or bulk message"
    assert review.headline.text() == "Capture adds 2 touches for 1 contact."
    assert review.already.text() == "Already in your journal: nothing from these files yet."
    people = review.people
    assert people.rowCount() == 1 and review.people_box.isVisible()
    assert people.index(0, PeopleCol.NAME).data() == "<b>Bob</b> Stranger"  # shown as typed
    assert people.index(0, PeopleCol.ADDRESS).data() == "bob@stranger.org"
    assert people.index(0, PeopleCol.MESSAGES).data() == "1"
    assert people.index(0, PeopleCol.NAME).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    tip = review.touches.index(0, TouchCol.CONTACT).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;x&lt;/b&gt;" in tip and "<b>x</b>" not in tip  # the subject, escaped
    for label in (review.headline, review.files, review.ignored):
        assert label.textFormat() == Qt.TextFormat.PlainText

    assert people.setData(people.index(0, PeopleCol.NAME), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert review.headline.text() == "Capture adds 3 touches for 2 contacts, and 1 new contact."
    assert touches(dialog)["<b>Bob</b> Stranger (new contact)"] == ("1", "0", "0", "0")
    assert count("interaction") == 0  # nothing written before Capture
    press_capture(dialog, window, qtbot)
    assert dialog.message_page.title.text() == "3 touches added, 0 already there, 1 new contact"
    bob = db.connection().execute("SELECT c.id, c.name FROM contact c JOIN contact_email e ON e.contact_id = c.id "
                                  "WHERE e.value = 'bob@stranger.org'").fetchone()
    assert bob is not None and bob[1] == "<b>Bob</b> Stranger"
    assert count("interaction", f"contact_id = {ada} AND source_kind = 'mbox'") == 2
    assert count("interaction", f"contact_id = {bob[0]} AND direction = 'in'") == 1
    assert "Captured All mail.mbox" in window.statusBar().currentMessage()
    assert "backup" in dialog.message_page.text.text()
    dialog.reject()
    assert not dialog.isVisible()

    # The same file again: nothing new.
    again = open_capture(window, qtbot, mailbox(tmp_path))
    assert again.review_page.headline.text() == "Everything in these files is already in your journal."
    assert touches(again) == {"<b>Bob</b> Stranger": ("0", "0", "0", "1"), "Ada Byron": ("0", "0", "0", "2")}
    assert not again.go.isEnabled() and not again.review_page.people_box.isVisible()
    assert again.review_page.already.text() == "Already in your journal: 3 touches from these files."
    again.reject()
    assert count("interaction") == 3


def test_a_person_named_as_one_of_my_contacts(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    add_ada(window)
    robert = window.bus.run(ops.add_contact, "Robert Stranger", company="Acme").id
    know_me()
    dialog = open_capture(window, qtbot, mailbox(tmp_path))
    review = dialog.review_page
    view = review.people_view
    view.setCurrentIndex(review.people.index(0, PeopleCol.NAME))
    qtbot.mouseClick(review.same_button, Qt.MouseButton.LeftButton)  # This Is One of My Contacts…
    editor = view.indexWidget(review.people.index(0, PeopleCol.SAME_AS)) or view.focusWidget()
    from dealjournal.gui.dialogs.capture_review import ContactPicker

    assert isinstance(editor, ContactPicker)
    qtbot.keyClicks(editor, "Robert")
    assert "Robert Stranger — Acme" in editor.names.stringList()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.people.same_as != {}, timeout=5000)
    assert review.people.index(0, PeopleCol.SAME_AS).data() == "Robert Stranger"
    assert touches(dialog)["Robert Stranger"] == ("1", "0", "0", "0")
    assert review.headline.text() == "Capture adds 3 touches for 2 contacts."
    # Ticking the person instead undoes the naming; unticking leaves neither.
    review.people.set_added([review.people.rows[0].key], True)
    assert review.people.same_as == {}
    review.people.set_all(False)
    review.people.set_same_as(review.people.rows[0].key, (robert, "Robert Stranger"))
    press_capture(dialog, window, qtbot)
    assert count("interaction", f"contact_id = {robert}") == 1
    assert count("contact") == 2  # nobody new
    assert count("capture_alias", f"contact_id = {robert}") == 1  # remembered: next time Bob is Robert


def test_cancel_while_reading_writes_nothing(window: Any, qtbot: QtBot, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    add_ada(window)
    know_me()
    reading, go_on = threading.Event(), threading.Event()
    real = capture.plan_capture

    def slow(paths: Any, me: Any, *, progress: Any = None, **options: Any) -> Any:
        reading.set()
        go_on.wait(5)
        if progress is not None and progress(0, 0, 1) is False:
            raise CaptureCancelled
        return real(paths, me, progress=progress, **options)

    monkeypatch.setattr(capture, "plan_capture", slow)
    assert run_capture(window, [mailbox(tmp_path)])
    dialog = window.findChildren(CaptureDialog)[-1]
    qtbot.waitUntil(reading.is_set, timeout=5000)
    assert dialog.stack.currentIndex() == dialog.READING
    assert dialog.reading_page.state.text() == "Reading 1 of 1: All mail.mbox"
    job = dialog.job
    assert job is not None
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    go_on.set()
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
    assert count("interaction") == 0 and count("contact") == 1


def test_files_that_are_not_conversations(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    know_me()
    junk = tmp_path / "notes.txt"
    junk.write_text("Just some notes\nabout nothing in particular.\n", encoding="utf-8")
    empty = tmp_path / "empty.mbox"
    empty.write_bytes(b"")
    dialog = open_capture(window, qtbot, junk, empty)
    assert dialog.stack.currentIndex() == dialog.MESSAGE
    page = dialog.message_page
    assert page.title.text() == "None of these files can be captured"
    assert "notes.txt: notes.txt is not a mailbox" in page.text.text() and "empty.mbox is empty" in page.text.text()
    assert "Nothing was written" in page.text.text()
    assert not dialog.go.isVisible() and dialog.cancel_button.text() == "&Close"
    dialog.reject()
    # With a readable one, the others are named in the review.
    add_ada(window)
    dialog = open_capture(window, qtbot, junk, mailbox(tmp_path))
    assert dialog.stack.currentIndex() == dialog.REVIEW
    assert "notes.txt — not read: notes.txt is not a mailbox" in dialog.review_page.files.text()
    dialog.reject()
    assert count("interaction") == 0


def test_a_file_that_breaks_while_read_writes_nothing(window: Any, qtbot: QtBot, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    know_me()

    def broken(paths: Any, me: Any, **options: Any) -> Any:
        raise CaptureFormatError(Phrase("{file} is cut short: the zip's directory is missing.", file="chat.zip"))

    monkeypatch.setattr(capture, "plan_capture", broken)
    dialog = open_capture(window, qtbot, mailbox(tmp_path))
    assert dialog.stack.currentIndex() == dialog.MESSAGE
    assert dialog.message_page.title.text() == "The files cannot be captured"
    assert "chat.zip is cut short" in dialog.message_page.text.text()
    assert "Nothing was written" in dialog.message_page.text.text()
    dialog.reject()
    assert count("interaction") == 0


def test_is_this_you_offers_the_files_hints_and_saves_them(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    add_ada(window)
    assert settings.load_capture().me == ()
    dialog = open_capture(window, qtbot, mailbox(tmp_path))
    assert dialog.stack.currentIndex() == dialog.ME
    hints = dialog.me_page.hints
    assert hints.count() == 1 and hints.item(0).text() == f"Me <{ME}>"
    assert hints.item(0).checkState() == Qt.CheckState.Checked
    assert dialog.go.isVisible() and dialog.go.text() == "Co&ntinue"
    dialog.me_page.more.setPlainText("Ada's friend Me\n+44 20 7946 0000\n")
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert settings.load_capture().me == (ME, "Ada's friend Me", "+44 20 7946 0000")
    wait_read(dialog, qtbot)
    assert dialog.stack.currentIndex() == dialog.REVIEW
    assert touches(dialog) == {"Ada Byron": ("1", "1", "0", "0")}  # my reply counts as out
    dialog.reject()
    # Known now: the next capture does not ask.
    again = open_capture(window, qtbot, mailbox(tmp_path))
    assert again.stack.currentIndex() == again.REVIEW
    again.reject()


def test_without_hints_the_busiest_people_are_offered(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Ada.txt"
    chat.write_text("12/31/23, 9:41 PM - Ada Byron: hello\n12/31/23, 9:45 PM - Me Myself: hi Ada\n"
                    "12/31/23, 9:46 PM - Ada Byron: how are you?\n", encoding="utf-8")
    dialog = open_capture(window, qtbot, chat)
    assert dialog.stack.currentIndex() == dialog.ME
    hints = dialog.me_page.hints
    offered = {hints.item(i).text(): hints.item(i).checkState() for i in range(hints.count())}
    assert offered == {"Ada Byron": Qt.CheckState.Unchecked, "Me Myself": Qt.CheckState.Unchecked}
    hints.item(1 if hints.item(1).text() == "Me Myself" else 0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert settings.load_capture().me == ("Me Myself",)
    wait_read(dialog, qtbot)
    people = dialog.review_page.people
    assert [people.index(r, 0).data() for r in range(people.rowCount())] == ["Ada Byron"]
    dialog.reject()


def test_day_or_month_first_is_asked_once(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    ops.update_capture_settings(me=["Me Myself"])
    window.bus.run(ops.add_contact, "Ada Byron")
    chat = tmp_path / "chat.txt"
    chat.write_text("03/04/23, 21:41 - Ada Byron: hello\n05/06/23, 21:45 - Me Myself: hi Ada\n", encoding="utf-8")
    dialog = open_capture(window, qtbot, chat)
    assert dialog.stack.currentIndex() == dialog.ORDER
    page = dialog.order_page
    assert "03/04/23" in page.examples.text() and "chat.txt" in page.intro.text()
    page.day_first.setChecked(True)
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    wait_read(dialog, qtbot)
    assert dialog.stack.currentIndex() == dialog.REVIEW and dialog.day_first is True
    assert touches(dialog) == {"Ada Byron": ("1", "1", "0", "0")}
    press_capture(dialog, window, qtbot)
    assert [r[0] for r in db.connection().execute("SELECT day FROM interaction ORDER BY day")] == [
        "2023-04-03", "2023-06-05"]


def test_drops_go_to_capture_or_to_import(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    know_me()
    card = tmp_path / "people.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@example.com\r\nEND:VCARD\r\n",
                    encoding="utf-8")

    def drop(*paths: Path) -> None:
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
        event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        window.dropEvent(event)

    drop(card)
    wizards = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
    assert len(wizards) == 1 and not window.findChildren(CaptureDialog)
    wizards[0].reject()
    box = mailbox(tmp_path)
    drop(box, card)  # a conversation among them: Capture, with the conversations only
    dialogs = [d for d in window.findChildren(CaptureDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].paths == [box]
    wait_read(dialogs[0], qtbot)
    second = mailbox(tmp_path, "Archive.mbox")
    drop(second)  # while the dialog is open: it reads that one too
    assert dialogs[0].paths == [box, second]
    wait_read(dialogs[0], qtbot)
    assert dialogs[0].stack.currentIndex() == dialogs[0].REVIEW, dialogs[0].message_page.text.text()
    assert "Archive.mbox" in dialogs[0].review_page.files.text()
    dialogs[0].reject()
    assert count("interaction") == 0


def test_captured_entries_carry_their_mark(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    ada = add_ada(window)
    know_me()
    window.bus.run(ops.log_interaction, ada, kind="call", direction="out", at="2026-01-09T12:00", summary="Typed")
    dialog = open_capture(window, qtbot, mailbox(tmp_path))
    press_capture(dialog, window, qtbot)
    dialog.reject()
    window.show_contact(ada)
    model = window.contact_page.timeline_model
    rows = {model.index(r, Column.SUMMARY).data(): r for r in range(model.rowCount())}
    assert set(rows) == {"Typed", "<b>x</b> the offer", "Re: <b>x</b> the offer"}
    captured = model.index(rows["<b>x</b> the offer"], Column.SUMMARY)
    assert captured.data(entries.SOURCE_ROLE) == "mail"
    tip = captured.data(Qt.ItemDataRole.ToolTipRole).replace("\xa0", " ")
    assert "Captured from a mailbox (mbox)" in tip and "&lt;b&gt;x&lt;/b&gt; the offer" in tip
    assert captured.data(Qt.ItemDataRole.AccessibleTextRole).endswith("from mail")
    assert model.index(rows["Typed"], Column.SUMMARY).data(entries.SOURCE_ROLE) is None
    view = window.contact_page.timeline_view
    assert isinstance(view.itemDelegateForColumn(Column.SUMMARY), entries.SourceMarkDelegate)
    view.viewport().grab()  # paints the mark without error

    window.show_page(JournalPage)
    journal = window.page(JournalPage)
    jm = journal.model  # type: ignore[attr-defined]
    marks = {jm.index(r, Col.SUMMARY).data(): jm.index(r, Col.SUMMARY).data(entries.SOURCE_ROLE)
             for r in range(jm.rowCount())}
    assert marks == {"Typed": None, "<b>x</b> the offer": "mail", "Re: <b>x</b> the offer": "mail"}
    journal.view.viewport().grab()  # type: ignore[attr-defined]

    # A captured entry is deleted like any other, and a new capture does not bring it back.
    interaction = db.connection().execute(
        "SELECT id FROM interaction WHERE source_kind = 'mbox' ORDER BY at LIMIT 1").fetchone()[0]
    assert entries.delete(window.bus, window, entries.Entry("interaction", interaction, ada))
    assert count("interaction", f"contact_id = {ada}") == 2
    again = open_capture(window, qtbot, mailbox(tmp_path))
    assert again.review_page.headline.text() == "Everything with your contacts is already in your journal."
    again.reject()


def test_models(qtmodeltester: Any) -> None:
    people = PeopleModel()
    from dealjournal.gui.dialogs.capture_review import Candidate

    people.set_rows([Candidate("email:a@x", "A", "a@x", 3), Candidate("name:B", "B", "", 1)])
    qtmodeltester.check(people)
    people.set_all(True)
    assert people.add == {"email:a@x", "name:B"}
    assert not people.setData(people.index(0, PeopleCol.SAME_AS), "no such contact")
    plan = capture.CapturePlan([], capture.Me.parse([]))
    assert touch_rows(plan, people.rows, people.add, {}) == []  # nobody with entries
    touches_model = TouchesModel()
    touches_model.set_rows([TouchRow("Ada", 1, n_in=2, already=1), TouchRow("<b>B</b>", None, new=True, n_out=1)])
    qtmodeltester.check(touches_model)
    assert touches_model.index(1, TouchCol.CONTACT).data() == "<b>B</b> (new contact)"
    assert touches_model.index(0, TouchCol.ALREADY).data() == "1"


def test_file_menu_opens_files_or_a_maildir_folder(window: Any, qtbot: QtBot, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QFileDialog

    add_ada(window)
    know_me()
    act = window.act
    assert act.capture.shortcut() == QKeySequence("Ctrl+Shift+I")
    keys = [a.shortcut().toString() for a in act.all if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))  # no clash
    file_menu = window.menuBar().actions()[0].menu()
    assert act.capture in file_menu.actions() and act.capture_folder in file_menu.actions()
    assert ("Capture Conversations", act.capture.shortcut().toString(QKeySequence.SequenceFormat.NativeText)) \
        in act.shortcut_rows()

    box = mailbox(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(box)], ""))
    act.capture.trigger()
    dialog = window.findChildren(CaptureDialog)[-1]
    wait_read(dialog, qtbot)
    assert dialog.paths == [box] and dialog.stack.currentIndex() == dialog.REVIEW
    dialog.reject()

    maildir = tmp_path / "Mail" / "INBOX"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "cur" / "1700000000.1.host:2,S").write_text(
        "From: Ada Byron <ada@example.com>\nTo: me@example.com\nDate: Mon, 05 Jan 2026 10:00:00 +0000\n"
        "Subject: From the Maildir\nMessage-ID: <md1@example.com>\n\nHello.\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(maildir))
    act.capture_folder.trigger()
    dialog = window.findChildren(CaptureDialog)[-1]
    wait_read(dialog, qtbot)
    assert dialog.stack.currentIndex() == dialog.REVIEW, dialog.message_page.text.text()
    assert touches(dialog) == {"Ada Byron": ("1", "0", "0", "0")}
    assert "INBOX" in dialog.review_page.files.text()
    dialog.reject()
