"""Preferences ▸ Accounts, the account dialog, File ▸ Fetch Now and the automatic fetch, driven
as a user would against the real servers of tests/accounts (Dovecot, Radicale) on 127.0.0.1:
Test Connection lists the folders; an untrusted certificate is a question showing its
fingerprint; a fetch goes through the capture review and writes; a second finds nothing
new; a wrong password writes nothing; an account that adds without asking does so (and
the automatic fetch too, without a dialog); without a keyring the password is asked; no
password ever lands in a file. Skipped (by the fixtures) where the servers cannot run."""

from __future__ import annotations

import hashlib
import ssl
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from dealjournal import ops
from dealjournal.accounts import Account, secrets, store
from dealjournal.capture import journal_me, plan_capture
from dealjournal.gui.dialogs.account_edit import AccountDialog, grouped_fingerprint
from dealjournal.gui.dialogs.capture import CaptureDialog
from dealjournal.gui.dialogs.capture_review import PeopleCol
from dealjournal.gui.dialogs.preferences import AccountsModel, PreferencesDialog
from dealjournal.gui.pages import entries
from dealjournal.gui.pages.contact_timeline import Column
from dealjournal.store.db import db
from tests.accounts import calgen, mailgen
from tests.accounts.dovecot import Dovecot, MailUser, dovecot, mailbox  # noqa: F401  (fixtures)
from tests.accounts.radicale_server import RadicaleServer, radicale  # noqa: F401  (fixture)

SAM = mailgen.ME[1]


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps its passwords in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


# --- helpers -----------------------------------------------------------------------------------


def count(table: str, where: str = "1") -> int:
    return int(db.connection().execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()[0])


def logs_in(user: MailUser) -> bool:
    import imapclient

    context = ssl.create_default_context(cafile=str(user.server.ca_file))
    client = imapclient.IMAPClient(user.server.host, user.server.imaps_port, ssl=True, ssl_context=context, timeout=10)
    try:
        client.login(user.name, user.password)
    except imapclient.exceptions.LoginError:
        client.shutdown()
        return False
    client.logout()
    return True


def ready(user: MailUser, qtbot: QtBot) -> MailUser:
    """*user* once the server knows them (Dovecot rereads its passwd-file a moment after a user is added)."""
    qtbot.waitUntil(lambda: logs_in(user), timeout=10_000)
    return user


def fill_mailbox(user: MailUser, qtbot: QtBot) -> list[tuple[str, bytes]]:
    """The generated seller's mailbox, delivered to *user* (its Sent folder marked \\Sent)."""
    ready(user, qtbot)
    now = datetime.now().astimezone()
    messages = mailgen.mailbox(now)
    for folder, use in mailgen.SPECIAL_USE.items():
        user.create_folder(folder, use)
    user.deliver_many(messages)
    return messages


def know_sam_and_ada(window: Any) -> int:
    ops.update_capture_settings(me=[SAM])
    return int(window.bus.run(ops.add_contact, "Ada Byron", emails=[("work", mailgen.ADA[1])]).id)


def saved(user: MailUser, ring: MemoryKeyring | None, **changes: Any) -> Account:
    """*user*'s IMAPS account, stored (its password in *ring*)."""
    account = store.save(user.account(name=changes.pop("name", "Work mail"), **changes))
    if ring is not None:
        assert secrets.store(account, user.password)
    return account


def preferences_accounts(window: Any, qtbot: QtBot) -> PreferencesDialog:
    dialog = PreferencesDialog(window.bus, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.accounts_tab)
    return dialog


def type_into(qtbot: QtBot, widget: Any, text: str) -> None:
    widget.clear()
    qtbot.keyClicks(widget, text)


def fetch_now(window: Any, qtbot: QtBot) -> CaptureDialog:
    """File ▸ Fetch Now, through its action; the dialog once it has read and settled."""
    assert window.act.fetch_now.isEnabled()
    window.act.fetch_now.trigger()
    shown = [d for d in window.findChildren(CaptureDialog) if d.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    wait_dialog(dialog, qtbot)
    return dialog


def wait_dialog(dialog: CaptureDialog, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: dialog.job is not None and not dialog.job.running and not dialog.writing
                    and dialog.stack.currentIndex() in (dialog.REVIEW, dialog.MESSAGE, dialog.ME), timeout=60_000)


def press_capture(dialog: CaptureDialog, window: Any, qtbot: QtBot) -> None:
    assert dialog.stack.currentIndex() == dialog.REVIEW and dialog.go.isEnabled()
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.captured and not dialog.writing, timeout=60_000)
    qtbot.waitUntil(lambda: not window.keeper.busy, timeout=20_000)


def touches(dialog: CaptureDialog) -> dict[str, tuple[str, ...]]:
    model = dialog.review_page.touches
    return {model.index(r, 0).data(): tuple(model.index(r, c).data() for c in range(1, 5))
            for r in range(model.rowCount())}


def answer_password_prompt(qtbot: QtBot, password: str | None, seen: list[str]) -> None:
    """Answer the next password prompt (None: cancel it) once it shows, from the event loop."""
    def answer() -> None:
        prompt = QApplication.activeModalWidget()
        if not isinstance(prompt, QInputDialog) or prompt.objectName() != "passwordPrompt":
            QTimer.singleShot(20, answer)
            return
        seen.append(prompt.labelText())
        assert prompt.textEchoMode() == prompt.textEchoMode().Password
        if password is None:
            prompt.reject()
        else:
            prompt.setTextValue(password)
            prompt.accept()

    QTimer.singleShot(0, answer)


def files_hold(password: str, *folders: Path) -> list[Path]:
    """The files under *folders* (and the settings file) whose bytes hold *password*."""
    needle = password.encode("utf-8")
    found = []
    paths = {Path(QSettings().fileName())}
    for folder in folders:
        paths.update(p for p in folder.rglob("*") if p.is_file())
    for path in paths:
        if path.is_file() and needle in path.read_bytes():
            found.append(path)
    return found


def xdg_folders() -> list[Path]:
    import os

    return [Path(os.environ[v]) for v in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
            if Path(os.environ[v]).exists()]


def server_fingerprint(host: str, port: int) -> str:
    pem = ssl.get_server_certificate((host, port))
    return hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem)).hexdigest()


# --- the tests ---------------------------------------------------------------------------------


def test_add_an_imap_account_and_test_its_connection(window: Any, qtbot: QtBot, mailbox: MailUser,  # noqa: F811
                                                     memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    fill_mailbox(mailbox, qtbot)
    assert not window.act.fetch_now.isEnabled()
    assert "Preferences ▸ Accounts" in window.act.fetch_now.toolTip()
    prefs = preferences_accounts(window, qtbot)
    tab = prefs.accounts_tab
    assert tab.empty.isVisible() and not tab.edit_button.isEnabled()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, AccountDialog) and dialog.isVisible()
    assert dialog.keyring_note.text() == "Kept in your system's keyring, never in the journal."
    assert dialog.months.value() == 3 and not dialog.auto_add.isChecked()
    assert dialog.port.placeholderText() == "993 (default)"

    # A value the journal refuses keeps the dialog open, on the field at fault.
    type_into(qtbot, dialog.name, "Work mail")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "An account needs a server."
    assert dialog.focusWidget() is dialog.host
    type_into(qtbot, dialog.host, mailbox.server.host)
    type_into(qtbot, dialog.port, "99999")
    type_into(qtbot, dialog.username, mailbox.name)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "99999 is not a port number" in dialog.error.text() and dialog.focusWidget() is dialog.port
    type_into(qtbot, dialog.port, str(mailbox.server.imaps_port))
    type_into(qtbot, dialog.password, mailbox.password)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.test.running, timeout=30_000)
    assert dialog.test_state.text().startswith("Connected:"), dialog.test_state.text()
    listed = {dialog.folders.item(i).text() for i in range(dialog.folders.count())}
    assert {"INBOX (Inbox)", f"{mailgen.SENT} (Sent)", "Junk (Junk)", mailgen.ARCHIVE} <= listed
    assert not dialog.chosen_folders()  # none ticked: Inbox and Sent
    assert dialog.folders_hint.text() == "None ticked: Inbox and Sent are read."
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not dialog.error.isVisible()

    (account,) = store.accounts()
    assert (account.name, account.host, account.port, account.username, account.folders) == (
        "Work mail", mailbox.server.host, mailbox.server.imaps_port, mailbox.name, ())
    assert secrets.get(account) == mailbox.password
    model = tab.model
    assert [model.index(0, c).data() for c in range(4)] == [
        "Work mail", "IMAP (mail)", f"{mailbox.name} on {mailbox.server.host}", "never"]
    assert window.act.fetch_now.isEnabled()  # the window followed at once
    assert window.fetcher.label.text() == "Not fetched yet"

    # The tab's Test Connection uses the stored password.
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.test.running, timeout=30_000)
    assert tab.test_state.text().startswith("Work mail: connected;") and "INBOX" in tab.test_state.text()

    # Remove asks (answered yes by the tests' setup), forgets the password too.
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert store.accounts() == [] and secrets.get(account) is None
    assert not window.act.fetch_now.isEnabled()
    prefs.reject()
    assert files_hold(mailbox.password, tmp_path, *xdg_folders()) == []


def test_models(qtmodeltester: Any) -> None:
    model = AccountsModel()
    model.set_rows([Account("imap", "Work", "imap.example.com", "ada", fetched_at="2026-03-01T10:42:00", id=1),
                    Account("caldav", "<b>Cal</b>", "https://dav.example.com/", "ada", id=2)])
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "<b>Cal</b>" and model.index(1, 3).data() == "never"
    assert grouped_fingerprint("ab" * 32) == "\n".join([":".join(["AB"] * 16)] * 2)


def test_an_untrusted_certificate_is_asked_about_and_can_be_trusted(
        window: Any, qtbot: QtBot, mailbox: MailUser, memory_keyring: MemoryKeyring,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    trustme = pytest.importorskip("trustme")

    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    monkeypatch.setenv("SSL_CERT_FILE", str(other))  # the test server's CA is not trusted now
    ready(mailbox, qtbot)
    account = saved(mailbox, memory_keyring)
    expected = server_fingerprint(mailbox.server.host, mailbox.server.imaps_port)
    prefs = preferences_accounts(window, qtbot)
    tab = prefs.accounts_tab
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.test.question is not None, timeout=30_000)
    question = tab.test.question
    assert question is not None and question.isVisible()
    assert question.textFormat() == Qt.TextFormat.PlainText
    assert "Work mail" in question.text()
    assert grouped_fingerprint(expected) in question.informativeText()
    assert question.trust_button.text() == "&Trust This Certificate"

    # Cancel: not trusted, nothing kept.
    qtbot.mouseClick(question.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.test.running, timeout=10_000)
    assert "not trusted" in tab.test_state.text() and store.find(account.id).trusted_cert is None

    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.test.question is not None, timeout=30_000)
    qtbot.mouseClick(tab.test.question.trust_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.test.running, timeout=30_000)
    assert store.find(account.id).trusted_cert == expected
    assert tab.test_state.text().startswith("Work mail: connected;"), tab.test_state.text()

    # The account dialog shows the trusted certificate; its own Test Connection connects.
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None and dialog.trust_note.isVisible()
    assert grouped_fingerprint(expected) in dialog.trust_note.text()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.test.running, timeout=30_000)
    assert dialog.test_state.text().startswith("Connected:"), dialog.test_state.text()
    dialog.reject()
    prefs.reject()


def test_fetch_now_reviews_writes_and_then_finds_nothing_new(window: Any, qtbot: QtBot, mailbox: MailUser,  # noqa: F811
                                                             memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    messages = fill_mailbox(mailbox, qtbot)
    ada = know_sam_and_ada(window)
    account = saved(mailbox, memory_keyring)
    window.fetcher.update()
    seen = {f: dict(mailbox.flags(f)) for f in ("INBOX", mailgen.SENT)}

    # What a capture of the same messages from an mbox plans.
    box = mailgen.write_mbox(tmp_path / "same.mbox", mailgen.read_by_default(messages, datetime.now().astimezone()))
    expected = plan_capture([box], journal_me()).files[0]

    dialog = fetch_now(window, qtbot)
    assert dialog.windowTitle() == "Fetch Now"
    assert dialog.stack.currentIndex() == dialog.REVIEW, dialog.message_page.text.text()
    review = dialog.review_page
    matched = sum(len(p.entries) for p in expected.matched)
    assert touches(dialog) == {"Ada Byron": tuple(str(n) for n in (
        sum(1 for p in expected.matched for e in p.entries if e.kind != "meeting" and e.direction == "in"),
        sum(1 for p in expected.matched for e in p.entries if e.kind != "meeting" and e.direction != "in"),
        0, 0))}
    assert review.headline.text() == f"Capture adds {matched} touches for 1 contact."
    assert review.files.text() == (f"Work mail — IMAP account: {matched} to add, 0 already there, "
                                   f"{sum(expected.ignored.values())} ignored")
    people = review.people
    assert sorted(people.index(r, PeopleCol.ADDRESS).data() for r in range(people.rowCount())) == sorted(
        p.address for p in expected.unmatched)
    assert count("interaction") == 0  # nothing written before Capture

    bea = next(r for r in range(people.rowCount()) if people.index(r, PeopleCol.ADDRESS).data() == mailgen.BEA[1])
    assert people.setData(people.index(bea, PeopleCol.NAME), Qt.CheckState.Checked.value,
                          Qt.ItemDataRole.CheckStateRole)
    press_capture(dialog, window, qtbot)
    bea_touches = len(next(p for p in expected.unmatched if p.address == mailgen.BEA[1]).entries)
    assert dialog.message_page.title.text() == f"{matched + bea_touches} touches added, 0 already there, 1 new contact"
    assert "Fetched from Work mail." in dialog.message_page.text.text()
    assert "backup" in dialog.message_page.text.text()
    assert count("interaction", f"contact_id = {ada} AND source_kind = 'imap'") == matched
    assert count("contact_email", f"value = '{mailgen.BEA[1]}'") == 1
    assert "Fetched Work mail" in window.statusBar().currentMessage()
    fetched_at = store.find(account.id).fetched_at
    assert fetched_at is not None
    assert window.fetcher.label.text().startswith("Fetched ")
    dialog.reject()
    assert {f: dict(mailbox.flags(f)) for f in ("INBOX", mailgen.SENT)} == seen  # \\Seen as it was

    # The timeline marks the fetched entries as mail.
    window.show_contact(ada)
    timeline = window.contact_page.timeline_model
    index = next(timeline.index(r, Column.SUMMARY) for r in range(timeline.rowCount())
                 if timeline.index(r, Column.SUMMARY).data(entries.SOURCE_ROLE))
    assert index.data(entries.SOURCE_ROLE) == "mail"
    assert "Fetched from an IMAP account" in index.data(Qt.ItemDataRole.ToolTipRole).replace("\xa0", " ")

    # A second Fetch Now: nothing new, nothing written, no review.
    before = count("interaction")
    again = fetch_now(window, qtbot)
    assert again.stack.currentIndex() == again.MESSAGE
    assert again.message_page.title.text() == "Nothing new"
    assert again.message_page.text.text() == "Work mail: nothing new"
    assert not again.go.isVisible() and again.cancel_button.text() == "&Close"
    again.reject()
    assert count("interaction") == before
    assert files_hold(mailbox.password, tmp_path, *xdg_folders()) == []


def test_a_wrong_password_writes_nothing(window: Any, qtbot: QtBot, mailbox: MailUser,  # noqa: F811
                                         memory_keyring: MemoryKeyring) -> None:
    fill_mailbox(mailbox, qtbot)
    know_sam_and_ada(window)
    account = store.save(mailbox.account(name="Work mail"))
    secrets.store(account, "not the password")
    window.fetcher.update()
    dialog = fetch_now(window, qtbot)
    assert dialog.stack.currentIndex() == dialog.MESSAGE
    assert dialog.message_page.title.text() == "Nothing could be fetched"
    text = dialog.message_page.text.text()
    assert text.startswith("Work mail — not fetched: ") and "Nothing was written" in text
    assert "not the password" not in text
    dialog.reject()
    assert count("interaction") == 0 and store.find(account.id).fetched_at is None
    assert window.fetcher.label.text().startswith("Last fetch failed: Work mail — ")

    # The right password: the next fetch completes.
    secrets.store(account, mailbox.password)
    dialog = fetch_now(window, qtbot)
    assert dialog.stack.currentIndex() == dialog.REVIEW
    press_capture(dialog, window, qtbot)
    dialog.reject()
    assert count("interaction") > 0 and window.fetcher.label.text().startswith("Fetched ")


def test_an_account_that_adds_without_asking(window: Any, qtbot: QtBot, mailbox: MailUser,  # noqa: F811
                                             memory_keyring: MemoryKeyring) -> None:
    fill_mailbox(mailbox, qtbot)
    ada = know_sam_and_ada(window)
    account = saved(mailbox, memory_keyring, auto_add=True)
    window.fetcher.update()

    # The automatic fetch: no dialog; Ada's touches go in, the others wait for Fetch Now.
    assert window.fetcher.fetch_in_background()
    qtbot.waitUntil(lambda: not window.fetcher.busy, timeout=60_000)
    assert not [d for d in window.findChildren(CaptureDialog) if d.isVisible()]
    written = count("interaction", f"contact_id = {ada}")
    assert written > 0 and count("contact") == 1
    message = window.statusBar().currentMessage()
    assert message.startswith("Fetched ") and "people in your mail aren't in your journal — File ▸ Fetch Now to " \
                                                 "review" in message, message
    assert store.find(account.id).fetched_at is None  # the people who wait are offered again

    # Fetch Now: Ada's touches are already there; the review offers only the people who wait.
    dialog = fetch_now(window, qtbot)
    assert dialog.stack.currentIndex() == dialog.REVIEW
    review = dialog.review_page
    assert touches(dialog) == {}
    assert review.people.rowCount() > 0
    assert "the people below wait for you" in review.files.text()
    assert count("interaction", f"contact_id = {ada}") == written
    review.people.set_all(True)
    press_capture(dialog, window, qtbot)
    dialog.reject()
    assert count("contact") > 1 and store.find(account.id).fetched_at is not None

    # New mail from Ada: the automatic fetch adds it, quietly.
    now = datetime.now().astimezone()
    mailbox.deliver("INBOX", mailgen.message(mailgen.ADA, [mailgen.ME], "One more thing", now - timedelta(hours=1),
                                             msgid="later@client.example"))
    assert window.fetcher.fetch_in_background()
    qtbot.waitUntil(lambda: not window.fetcher.busy, timeout=60_000)
    assert count("interaction", f"contact_id = {ada}") == written + 1
    assert window.statusBar().currentMessage() == "Fetched 1 touch from Work mail"


def test_without_a_keyring_the_password_is_asked(window: Any, qtbot: QtBot, mailbox: MailUser,  # noqa: F811
                                                 no_keyring: None, tmp_path: Path) -> None:
    fill_mailbox(mailbox, qtbot)
    know_sam_and_ada(window)
    assert not secrets.available()
    prefs = preferences_accounts(window, qtbot)
    tab = prefs.accounts_tab
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    assert dialog.keyring_note.text() == ("There is no keyring on this computer: you will be asked for the "
                                          "password each time.")
    for widget, text in ((dialog.name, "Work mail"), (dialog.host, mailbox.server.host),
                         (dialog.port, str(mailbox.server.imaps_port)), (dialog.username, mailbox.name),
                         (dialog.password, mailbox.password)):
        type_into(qtbot, widget, text)
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    prefs.reject()
    (account,) = store.accounts()
    assert secrets.get(account) is None  # nowhere to keep it

    # Fetch Now asks; Cancel skips the account.
    asked: list[str] = []
    answer_password_prompt(qtbot, None, asked)
    dialog = fetch_now(window, qtbot)
    assert asked == [f"Password for Work mail ({mailbox.name} on {mailbox.server.host}):"]
    assert dialog.message_page.text.text().startswith("Work mail — not fetched: no password given")
    dialog.reject()
    assert count("interaction") == 0

    answer_password_prompt(qtbot, mailbox.password, asked)
    dialog = fetch_now(window, qtbot)
    assert len(asked) == 2 and dialog.stack.currentIndex() == dialog.REVIEW
    press_capture(dialog, window, qtbot)
    dialog.reject()
    assert count("interaction", "source_kind = 'imap'") > 0

    # The automatic fetch cannot ask: it leaves the account alone and says so.
    assert window.fetcher.fetch_in_background()
    qtbot.waitUntil(lambda: not window.fetcher.busy, timeout=30_000)
    assert "no password given" in window.fetcher.label.text()
    assert files_hold(mailbox.password, tmp_path, *xdg_folders()) == []


def test_a_calendar_from_caldav_and_a_failed_account_beside_it(
        window: Any, qtbot: QtBot, radicale: RadicaleServer, dovecot: Dovecot,  # noqa: F811
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundle = tmp_path / "cas.pem"  # both test servers' CAs trusted
    bundle.write_bytes(Path(radicale.ca_file).read_bytes() + Path(dovecot.ca_file).read_bytes())
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    user = radicale.new_user("dana")
    today = date.today()
    url = radicale.make_calendar(user, "work", "Work calendar")
    for event in (calgen.single("pricing call", today - timedelta(days=3), calgen.ADA),
                  calgen.single("demo", today - timedelta(days=6), calgen.BEN)):
        radicale.put_event(user, url, event.ics(), f"{event.uid}.ics")
    ops.update_capture_settings(me=[calgen.ME])
    ada = int(window.bus.run(ops.add_contact, "Ada Lovelace", emails=[("work", calgen.ADA)]).id)

    # Added in the dialog: Test Connection lists the calendar.
    prefs = preferences_accounts(window, qtbot)
    tab = prefs.accounts_tab
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("caldav"))
    assert not dialog.security.isVisible() and dialog.labels["folders"].text() == "&Calendars:"
    for widget, text in ((dialog.name, "Calendar"), (dialog.host, radicale.url), (dialog.username, user.name),
                         (dialog.password, user.password)):
        type_into(qtbot, widget, text)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.test.running, timeout=30_000)
    assert dialog.test_state.text() == "Connected: 1 calendar.", dialog.test_state.text()
    assert dialog.folders.item(0).text() == "Work calendar" and dialog.folders.item(0).toolTip() == url
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    prefs.reject()

    # Beside it, a mail account whose password is wrong.
    mail = dovecot.add_user()
    broken = store.save(mail.account(name="Old mail"))
    secrets.store(broken, "wrong")
    window.fetcher.update()

    review_dialog = fetch_now(window, qtbot)
    assert review_dialog.stack.currentIndex() == review_dialog.REVIEW, review_dialog.message_page.text.text()
    assert touches(review_dialog) == {"Ada Lovelace": ("0", "0", "1", "0")}
    lines = review_dialog.review_page.files.text().splitlines()
    assert lines[0] == "Calendar — CalDAV account: 1 to add, 0 already there, 0 ignored"
    assert lines[1].startswith("Old mail — not fetched: ")
    press_capture(review_dialog, window, qtbot)
    review_dialog.reject()
    assert count("interaction", f"contact_id = {ada} AND kind = 'meeting' AND source_kind = 'caldav'") == 1
    assert store.find(broken.id).fetched_at is None and store.find("Calendar").fetched_at is not None
    assert window.fetcher.label.text().startswith("Last fetch failed: Old mail — ")
    window.show_contact(ada)
    timeline = window.contact_page.timeline_model
    marks = {timeline.index(r, Column.SUMMARY).data(entries.SOURCE_ROLE) for r in range(timeline.rowCount())}
    assert marks == {"calendar"}
    assert files_hold(user.password, tmp_path, *xdg_folders()) == []


def test_fetch_now_is_a_free_shortcut_in_the_file_menu_and_the_toolbar(window: Any) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QToolBar

    act = window.act
    assert act.fetch_now.shortcut() == QKeySequence("Ctrl+Shift+F")
    keys = [a.shortcut().toString() for a in act.all if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))
    file_menu = window.menuBar().actions()[0].menu()
    assert act.fetch_now in file_menu.actions()
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert act.fetch_now in toolbar.actions()
    assert not act.fetch_now.isEnabled() and not act.fetch_now.icon().isNull()
    store.save(Account("imap", "Work", "imap.example.com", "ada"))
    window.fetcher.update()
    assert act.fetch_now.isEnabled() and act.fetch_now.toolTip() == "Capture what is new in your mail and calendar " \
                                                                     "accounts"


def test_the_fetch_interval_is_an_app_preference(window: Any, qtbot: QtBot) -> None:
    from dealjournal.gui import uiprefs

    store.save(Account("imap", "Work", "imap.example.com", "ada"))
    prefs = preferences_accounts(window, qtbot)
    tab = prefs.accounts_tab
    assert not tab.fetch_auto.isChecked() and not tab.fetch_every.isEnabled()  # off by default
    tab.fetch_auto.setChecked(True)
    tab.fetch_every.setValue(15)
    prefs.accept()
    assert uiprefs.load().fetch_minutes == 15
    assert window.fetcher.timer.isActive() and window.fetcher.timer.interval() == 15 * 60_000
    prefs = preferences_accounts(window, qtbot)
    assert prefs.accounts_tab.fetch_minutes() == 15
    prefs.accounts_tab.fetch_auto.setChecked(False)
    prefs.accept()
    assert uiprefs.load().fetch_minutes == 0 and not window.fetcher.timer.isActive()
    assert replace(uiprefs.UiPrefs(), fetch_minutes=0) == uiprefs.UiPrefs()


def test_is_this_you_is_asked_once_for_accounts_too(window: Any, qtbot: QtBot, mailbox: MailUser,  # noqa: F811
                                                    memory_keyring: MemoryKeyring) -> None:
    from dealjournal.store import settings

    fill_mailbox(mailbox, qtbot)
    saved(mailbox, memory_keyring)
    window.fetcher.update()
    dialog = fetch_now(window, qtbot)
    assert dialog.stack.currentIndex() == dialog.ME
    assert dialog.me_page.intro.text().startswith("Your accounts say the addresses below are yours.")
    hints = dialog.me_page.hints
    assert [hints.item(i).text() for i in range(hints.count())] == [f"{mailgen.ME[0]} <{SAM}>"]
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)  # Continue: saved, and fetched again
    assert settings.load_capture().me == (SAM,)
    wait_dialog(dialog, qtbot)
    assert dialog.stack.currentIndex() == dialog.REVIEW
    assert count("interaction") == 0
    dialog.reject()


def test_someone_in_two_accounts_becomes_one_contact(window: Any, qtbot: QtBot, mailbox: MailUser,  # noqa: F811
                                                     memory_keyring: MemoryKeyring) -> None:
    other = ready(mailbox.server.add_user(), qtbot)
    ready(mailbox, qtbot)
    ops.update_capture_settings(me=[SAM])
    now = datetime.now().astimezone()
    for n, (user, name) in enumerate(((mailbox, "Work mail"), (other, "Old mail")), 1):
        user.deliver("INBOX", mailgen.message(mailgen.BEA, [mailgen.ME], f"Angebot {n}", now - timedelta(days=n),
                                              msgid=f"bea{n}@kunde.example"))
        saved(user, memory_keyring, name=name)
    window.fetcher.update()
    dialog = fetch_now(window, qtbot)
    people = dialog.review_page.people
    assert people.rowCount() == 1 and people.rows[0].messages == 2  # one person, from both accounts
    people.set_all(True)
    assert dialog.review_page.headline.text() == "Capture adds 2 touches for 1 contact, and 1 new contact."
    press_capture(dialog, window, qtbot)
    assert dialog.message_page.title.text() == "2 touches added, 0 already there, 1 new contact"
    dialog.reject()
    assert count("contact") == 1 and count("interaction") == 2
