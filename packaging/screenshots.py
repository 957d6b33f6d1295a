"""Render every page and dialog with the sample journal in a real X window; save PNGs.

    python packaging/screenshots.py [--out packaging/screenshots] [--sizes 1280x800,1024x640]

Starts its own Xvfb when there is no DISPLAY (needs the xvfb package; fonts-wqy-zenhei or
fonts-noto-cjk for the sample's Chinese name). The sample journal
is written to a temporary folder. The pages are shot in English, then again in German
(``de-*.png``); a copy with hostile names (markup, a 300-character name,
right-to-left text, emoji) is shown too, to prove they display literally. File ▸ Capture
Conversations is shot on a small mailbox and calendar written for it ("Is this you?", the
review with matched, unmatched and ignored rows, done, and a timeline with captured entries).
Preferences ▸ Accounts is shot with one account, the account dialog with the folders Test
Connection lists, and File ▸ Fetch Now's review; no mail server runs here, so the fetch reads
a local mailbox in the account's place (:func:`account_shots`; the window shows it as the
account's), and the keyring is one in memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ["<img src=x onerror=alert(1)>", "<b>bold</b> & <i>italic</i>",
           "Maximilian " + "Wolfeschlegelsteinhausen" * 12, "שלום עליכם — مرحبا", "Emoji 🎉🤝🚀 Party"]


def start_xvfb() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    if shutil.which("Xvfb") is None:
        raise SystemExit("screenshots: no DISPLAY and no Xvfb (apt-get install xvfb xauth)")
    display = ":97"
    proc = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1200x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            break
        time.sleep(0.1)
    os.environ["DISPLAY"] = display
    return proc


def _mail(n: int, sender: str, to: str, when: datetime, subject: str, *extra: str, prefix: str = "shot") -> str:
    """One message of an mbox: its From line, headers and a short body."""
    head = [f"From {n}@xxx {when.strftime('%a %b %d %H:%M:%S %Y')}", f"From: {sender}", f"To: {to}",
            f"Date: {format_datetime(when)}", f"Subject: {subject}", f"Message-ID: <{prefix}{n}@example.com>", *extra]
    return "\n".join(head) + "\n\nHello.\n\n"


def capture_files(folder: Path, people: list[tuple[str, str]]) -> list[Path]:
    """A small mailbox and calendar with the sample's contacts in them (matched), two people who
    are not in the journal (unmatched), and what capture ignores (a newsletter, a no-reply
    notice, a declined and a future event)."""
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    me = "Sam Seller <sam@seller.example>"
    (a_name, a_mail), (b_name, b_mail) = people[:2]

    def ago(days: int, hours: int = 0) -> datetime:
        return now - timedelta(days=days, hours=hours)

    box = folder / "All mail Including Spam and Trash.mbox"
    box.write_text(
        _mail(1, f"{a_name} <{a_mail}>", me, ago(6, 3), "Pricing for the pilot")
        + _mail(2, me, f"{a_name} <{a_mail}>", ago(6), "Re: Pricing for the pilot", "X-Gmail-Labels: Sent",
                "In-Reply-To: <shot1@example.com>")
        + _mail(3, f"{a_name} <{a_mail}>", me, ago(2), "Re: Pricing for the pilot", "In-Reply-To: <shot2@example.com>")
        + _mail(4, me, f"{b_name} <{b_mail}>", ago(4), "The case study I mentioned", "X-Gmail-Labels: Sent")
        + _mail(5, "Priya Natarajan <priya@northwind.example>", me, ago(3), "Intro from Tomás")
        + _mail(6, "Priya Natarajan <priya@northwind.example>", me, ago(1), "Following up on the intro")
        + _mail(7, "Jonas Weber <jonas.weber@brightpath.example>", me, ago(5), "Your talk at the meetup")
        + _mail(8, "SaaS Weekly <news@saasweekly.example>", me, ago(2), "This week in SaaS",
                "List-Id: <weekly.saasweekly.example>", "List-Unsubscribe: <mailto:leave@saasweekly.example>")
        + _mail(9, "SaaS Weekly <news@saasweekly.example>", me, ago(9), "Last week in SaaS",
                "List-Id: <weekly.saasweekly.example>")
        + _mail(10, "Calendar <no-reply@calendar.example>", me, ago(1), "Reminder: call tomorrow"),
        encoding="utf-8")

    def stamp(when: datetime) -> str:
        return when.strftime("%Y%m%dT%H%M%SZ")

    events = [("ev1", ago(8), "Pilot kick-off", "ACCEPTED"), ("ev2", ago(3), "Webinar dry run", "DECLINED"),
              ("ev3", now + timedelta(days=5), "Quarterly review", "ACCEPTED")]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Deal Journal screenshots//EN", "X-WR-CALNAME:sam@seller.example"]
    for uid, start, title, mine in events:
        lines += ["BEGIN:VEVENT", f"UID:{uid}@seller.example", f"DTSTAMP:{stamp(now)}", f"DTSTART:{stamp(start)}",
                  f"DTEND:{stamp(start + timedelta(hours=1))}", f"SUMMARY:{title}",
                  "ORGANIZER;CN=Sam Seller:mailto:sam@seller.example",
                  f"ATTENDEE;CN=Sam Seller;PARTSTAT={mine}:mailto:sam@seller.example",
                  f"ATTENDEE;CN={a_name};PARTSTAT=ACCEPTED:mailto:{a_mail}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    cal = folder / "calendar.ics"
    cal.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return [box, cal]


def capture_shots(window: object, folder: Path, grab: Callable[..., None], settle: Callable[[], None]) -> None:
    """File ▸ Capture Conversations: "Is this you?", the review, done, and a timeline with captured entries."""
    from dealjournal.gui.dialogs.capture import CaptureDialog, run_capture
    from dealjournal.store.db import db

    people = db.connection().execute(
        """SELECT c.name, e.value FROM contact c JOIN contact_email e ON e.contact_id = c.id
            WHERE c.archived = 0 ORDER BY c.id LIMIT 2""").fetchall()
    paths = capture_files(folder, [(n, v) for n, v in people])
    run_capture(window, paths)  # type: ignore[arg-type]
    dialog = window.findChildren(CaptureDialog)[-1]  # type: ignore[attr-defined]

    def wait(page: int) -> None:
        for _ in range(200):
            settle()
            if dialog.stack.currentIndex() == page and not (dialog.job and dialog.job.running):
                return
        raise SystemExit(f"screenshots: the capture dialog did not reach page {page}")

    wait(dialog.ME)  # the journal does not know the user yet: the files say who they are
    dialog.me_page.more.setPlainText("Sam S.")
    grab(dialog, "dialog-capture-me")
    dialog.go.click()
    wait(dialog.REVIEW)
    review = dialog.review_page
    review.people.set_added([review.people.rows[0].key], True)  # the first unmatched: a new contact
    review.people_view.selectRow(1)
    settle()
    grab(dialog, "dialog-capture-review")
    dialog.go.click()
    for _ in range(200):
        settle()
        if dialog.captured:
            break
    grab(dialog, "dialog-capture-done")
    dialog.reject()
    matched = db.connection().execute("SELECT id FROM contact WHERE name = ?", (people[0][0],)).fetchone()[0]
    window.show_contact(matched)  # type: ignore[attr-defined]
    grab(window, "contact-captured")
    from dealjournal.gui.pages.journal import JournalPage

    window.show_page(JournalPage)  # type: ignore[attr-defined]
    grab(window, "journal-captured")


def fetch_mailbox(folder: Path, people: list[tuple[str, str]]) -> Path:
    """What the account "Work mail" holds that is new: replies from the sample's contacts, two
    people who are not in the journal, a newsletter (the fetch's review shows them)."""
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    me = "Sam Seller <sam@seller.example>"
    (a_name, a_mail), (b_name, b_mail) = people[:2]

    def ago(hours: int) -> datetime:
        return now - timedelta(hours=hours)

    box = folder / "work-mail-new.mbox"
    box.write_text(
        _mail(1, f"{a_name} <{a_mail}>", me, ago(30), "Signed order form", prefix="fetch")
        + _mail(2, me, f"{a_name} <{a_mail}>", ago(28), "Re: Signed order form", "X-Gmail-Labels: Sent",
                prefix="fetch")
        + _mail(3, f"{b_name} <{b_mail}>", me, ago(20), "Budget approved for Q3", prefix="fetch")
        + _mail(4, me, f"{b_name} <{b_mail}>", ago(19), "Re: Budget approved for Q3", "X-Gmail-Labels: Sent",
                prefix="fetch")
        + _mail(5, "Lena Hoffmann <lena.hoffmann@quantis.example>", me, ago(6), "Referral from Jonas", prefix="fetch")
        + _mail(6, "Marco Bianchi <marco@bianchi-partners.example>", me, ago(3), "Meeting next week?",
                prefix="fetch")
        + _mail(7, "SaaS Weekly <news@saasweekly.example>", me, ago(2), "This week in SaaS",
                "List-Id: <weekly.saasweekly.example>", prefix="fetch"),
        encoding="utf-8")
    return box


def account_shots(window: object, folder: Path, grab: Callable[..., None], settle: Callable[[], None]) -> None:
    """Preferences ▸ Accounts with one account, the account dialog, and File ▸ Fetch Now's review.

    No IMAP server runs for the screenshots: the keyring is one in memory, and the fetch
    plans a local mailbox in the account's place, as the account's (format, label, name)."""
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import Qt

    from dealjournal.accounts import Account, Fetched, secrets, store
    from dealjournal.capture import CapturePlan
    from dealjournal.capture.plan import ContactIndex, plan_reader
    from dealjournal.conversations.detect import open_reader
    from dealjournal.gui import fetching
    from dealjournal.gui.dialogs.account_edit import AccountDialog, Found
    from dealjournal.gui.dialogs.capture import CaptureDialog
    from dealjournal.gui.dialogs.preferences import PreferencesDialog
    from dealjournal.store.db import db

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())
    earlier = (datetime.now() - timedelta(days=1)).replace(hour=17, minute=42, second=0, microsecond=0)
    account = store.save(Account("imap", "Work mail", "imap.fastmail.com", "sam@seller.example", months=3))
    secrets.store(account, "app-password-for-the-screenshots")
    db.connection().execute("UPDATE account SET fetched_at = ? WHERE id = ?", (earlier.isoformat(), account.id))
    account = store.find(account.id)
    window.fetcher.update()  # type: ignore[attr-defined]

    prefs = PreferencesDialog(window.bus, window)  # type: ignore[attr-defined]
    prefs.tabs.setCurrentWidget(prefs.accounts_tab)
    prefs.accounts_tab.show_fetch_minutes(30)
    prefs.show()
    prefs.accounts_tab.test_state.setText("Work mail: connected; 6 folders: INBOX (Inbox), Sent (Sent), Archive, "
                                          "Drafts (Drafts), Junk (Junk), Trash (Trash)")
    grab(prefs, "dialog-preferences-accounts")

    dialog = AccountDialog(prefs, account)
    dialog.show()
    dialog._found([Found("INBOX", "INBOX (Inbox)"), Found("Sent", "Sent (Sent)"), Found("Archive", "Archive"),
                   Found("Clients", "Clients"), Found("Drafts", "Drafts (Drafts)"), Found("Junk", "Junk (Junk)"),
                   Found("Trash", "Trash (Trash)")])
    for i in (0, 1, 3):  # Inbox, Sent and a folder of the user's own
        dialog.folders.item(i).setCheckState(Qt.CheckState.Checked)
    grab(dialog, "dialog-account")
    dialog.reject()
    prefs.reject()

    people = db.connection().execute(
        """SELECT c.name, e.value FROM contact c JOIN contact_email e ON e.contact_id = c.id
            WHERE c.archived = 0 ORDER BY c.id LIMIT 2""").fetchall()
    box = fetch_mailbox(folder, [(n, v) for n, v in people])

    def from_the_local_mailbox(chosen: Account, password: str, me: object, **_options: object) -> Fetched:
        now = datetime.now()
        index = ContactIndex(me.region)  # type: ignore[attr-defined]
        planned = plan_reader(open_reader(box), me, index, now=now, source=chosen.name)  # type: ignore[arg-type]
        planned.format, planned.label = "imap", "IMAP account"
        return Fetched(chosen, CapturePlan([planned], me), {}, now.replace(microsecond=0).isoformat())  # type: ignore[arg-type]

    fetching.plan_fetch = from_the_local_mailbox  # type: ignore[assignment]
    fetching.run_fetch(window)  # type: ignore[arg-type]
    review = window.findChildren(CaptureDialog)[-1]  # type: ignore[attr-defined]
    for _ in range(200):
        settle()
        if review.stack.currentIndex() == review.REVIEW and not (review.job and review.job.running):
            break
    else:
        raise SystemExit("screenshots: the fetch did not reach its review")
    review.review_page.people.set_added([review.review_page.people.rows[0].key], True)
    grab(review, "dialog-fetch-review")
    review.go.click()  # Capture: written, and the status bar says when the account was fetched
    for _ in range(200):
        settle()
        if review.captured:
            break
    review.reject()
    grab(window, "fetched-status")


def sync_shots(window: Any, folder: Path, contact_id: int, grab: Callable[..., None],
               dialog_shot: Callable[..., None], settle: Callable[[], None]) -> None:
    """Sync with another computer (the command line on its own journal): a conflict on the
    contact's page and in the status bar, Edit ▸ Sync Conflicts…, Preferences ▸ Sync and the
    merge dialog."""
    from dealjournal import ops
    from dealjournal.gui.dialogs.conflicts import ConflictsDialog
    from dealjournal.gui.dialogs.merge_contact import MergeContactDialog
    from dealjournal.gui.dialogs.preferences import PreferencesDialog
    from dealjournal.store.db import db
    from dealjournal.sync import journal as sync_journal

    shared = folder / "Sync"
    shared.mkdir()
    office = folder / "office.sqlite3"

    def cli(*args: str) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run([sys.executable, "-m", "dealjournal", *args, "--db", str(office)], check=True,
                       capture_output=True, env=env, cwd=ROOT)

    def synced() -> None:
        for _ in range(600):
            settle()
            if not window.syncer.busy:
                return

    name = db.connection().execute("SELECT name FROM contact WHERE id = ?", (contact_id,)).fetchone()[0]
    sync_journal.save_settings(shared, "Laptop", auto=False)
    window.syncer.settings_saved()
    synced()
    cli("sync", "--folder", str(shared), "--device-name", "Office desktop")
    cli("contact", "edit", f"{name}", "--company", "Hartmann & Söhne KG", "--title", "Head of Purchasing")
    cli("sync")
    window.bus.run(ops.edit_contact, contact_id, company="Hartmann GmbH", title="Purchasing lead")
    window.syncer.sync_now(asked=False)
    synced()
    cli("sync")
    window.syncer.sync_now(asked=False)  # the office computer is seen by its name now
    synced()
    window.show_contact(contact_id)
    grab(window, "contact-sync-conflict")
    dialog_shot(lambda: ConflictsDialog(window.bus, window), "dialog-sync-conflicts")

    def preferences_sync() -> Any:
        dialog = PreferencesDialog(window.bus, window)
        dialog.tabs.setCurrentWidget(dialog.sync_tab)
        return dialog

    dialog_shot(preferences_sync, "dialog-preferences-sync")
    dialog_shot(lambda: MergeContactDialog(window.bus, contact_id, name, window), "dialog-merge-contact")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "packaging" / "screenshots")
    parser.add_argument("--sizes", default="1280x800,1024x640")
    args = parser.parse_args()
    xvfb = start_xvfb()
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    # A fresh settings folder: no saved window state, sort order or dismissed warnings.
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="dj-shots-config-")
    try:
        return shoot(args.out, [tuple(map(int, s.split("x"))) for s in args.sizes.split(",")])
    finally:
        if xvfb is not None:
            xvfb.terminate()


def shoot(out: Path, sizes: list[tuple[int, int]]) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QWidget

    from dealjournal import ops
    from dealjournal.gui import i18n
    from dealjournal.gui.app import make_application
    from dealjournal.gui.bus import JournalBus
    from dealjournal.gui.dialogs.about import AboutDialog, ShortcutsDialog
    from dealjournal.gui.dialogs.backups import BackupsDialog
    from dealjournal.gui.dialogs.contact_edit import ContactDialog
    from dealjournal.gui.dialogs.content_edit import ContentDialog
    from dealjournal.gui.dialogs.import_wizard import ImportWizard, run_import
    from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog
    from dealjournal.gui.dialogs.preferences import PreferencesDialog
    from dealjournal.gui.dialogs.share import ShareDialog
    from dealjournal.gui.mainwindow import NAV_PAGES, MainWindow
    from dealjournal.health import state as health_state
    from dealjournal.ops.sample import write_demo
    from dealjournal.store import open_journal
    from dealjournal.store.db import db

    app = make_application(["dealjournal"])
    i18n.install("en", app)  # English shots whatever this machine's language; German ones below
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="dj-shots-"))
    made: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
            time.sleep(0.05)

    def grab(widget: QWidget, name: str) -> None:
        settle()
        screen = QGuiApplication.primaryScreen()
        pixmap = screen.grabWindow(widget.winId())
        path = out / f"{name}.png"
        pixmap.save(str(path))
        made.append(path)

    def dialog_shot(make: Callable[[], QWidget], name: str) -> None:
        dialog = make()
        dialog.show()
        grab(dialog, name)
        dialog.close()
        dialog.deleteLater()

    try:
        # The first-run page of an empty journal.
        empty = folder / "empty.sqlite3"
        open_journal(empty)
        bus = JournalBus(empty)
        window = MainWindow(bus)
        window.resize(*sizes[0])
        window.show()
        grab(window, "welcome")
        window.act.explore_sample()  # the welcome page's "Explore a sample journal": its banner
        for _ in range(100):
            settle()
            if not window.keeper.busy:
                break
        grab(window, "sample")
        window.close()
        window.act.discard_sample()

        sample = folder / "sample.sqlite3"
        write_demo(sample)
        open_journal(sample)
        health_state.rebuild(bus.today())
        bus = JournalBus(sample)
        window = MainWindow(bus)
        window.show()
        busiest = db.connection().execute(
            "SELECT contact_id FROM health_state ORDER BY severity DESC, contact_id LIMIT 1").fetchone()[0]
        for width, height in sizes:
            suffix = "" if (width, height) == sizes[0] else f"-{width}x{height}"
            window.resize(width, height)
            for cls in NAV_PAGES:
                window.show_page(cls)
                grab(window, f"{cls.title.lower()}{suffix}")
            window.show_contact(busiest)
            grab(window, f"contact{suffix}")
        window.resize(*sizes[0])
        dialog_shot(lambda: ContactDialog(bus, window, contact_id=busiest), "dialog-contact")
        dialog_shot(lambda: LogInteractionDialog(bus, window, contact_id=busiest), "dialog-log-interaction")
        dialog_shot(lambda: ShareDialog(bus, window, content_id=1), "dialog-share")
        dialog_shot(lambda: ContentDialog(bus, window), "dialog-content")
        dialog_shot(lambda: PreferencesDialog(bus, window), "dialog-preferences")
        dialog_shot(lambda: BackupsDialog(bus, window), "dialog-backups")

        # The import wizard on a small vCard: its file page, then the preview.
        card = folder / "contacts.vcf"
        card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nORG:Navy\r\n"
                        "EMAIL:grace@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\n"
                        "N:;;;;\r\nEND:VCARD\r\n", encoding="utf-8")
        run_import(window, card)
        wizard = window.findChildren(ImportWizard)[-1]
        grab(wizard, "dialog-import-file")
        wizard.next()
        for _ in range(40):  # the preview is planned in a worker thread
            settle()
            if wizard.button(wizard.WizardButton.NextButton).isEnabled():
                break
        grab(wizard, "dialog-import-preview")
        wizard.reject()
        capture_shots(window, folder, grab, settle)

        def preferences_me() -> QWidget:  # the identities the capture just confirmed
            dialog = PreferencesDialog(bus, window)
            dialog.tabs.setCurrentWidget(dialog.me_tab)
            return dialog

        dialog_shot(preferences_me, "dialog-preferences-me")
        account_shots(window, folder, grab, settle)

        # Editing a timeline entry opens it in the logging form.
        entry = db.connection().execute(
            "SELECT id FROM interaction WHERE contact_id = ? ORDER BY at DESC LIMIT 1", (busiest,)).fetchone()[0]
        from dealjournal.gui.dialogs.reminder import ReminderDialog
        from dealjournal.queries.contact import interaction

        dialog_shot(lambda: LogInteractionDialog(bus, window, entry=interaction(entry)), "dialog-edit-interaction")
        dialog_shot(lambda: ReminderDialog(bus, window, contact_id=busiest), "dialog-reminder")

        # The Contacts page with a selection and its Bulk menu open (a popup: shot from the screen).
        from dealjournal.gui.pages.contacts import ContactsPage as Contacts

        def bulk_shot(win: MainWindow, name: str) -> None:
            win.show_page(Contacts)
            contacts_page = win.page(Contacts)
            view = contacts_page.view  # type: ignore[attr-defined]
            settle()
            for row in (1, 2, 4, 5):
                view.selectionModel().select(view.model().index(row, 0),
                                             view.selectionModel().SelectionFlag.Select
                                             | view.selectionModel().SelectionFlag.Rows)
            button = contacts_page.bulk_button  # type: ignore[attr-defined]
            menu = contacts_page.bulk_menu  # type: ignore[attr-defined]
            menu.popup(button.mapToGlobal(button.rect().topRight()) - QPoint(menu.sizeHint().width(),
                                                                              menu.sizeHint().height()))
            settle()
            frame = win.frameGeometry()
            path = out / f"{name}.png"
            QGuiApplication.primaryScreen().grabWindow(0, frame.x(), frame.y(), frame.width(),
                                                       frame.height()).save(str(path))
            made.append(path)
            menu.hide()

        bulk_shot(window, "bulk-menu")

        # Triage: imported contacts waiting for a keep-in-touch decision.
        from dealjournal.gui.dialogs.triage import TriageDialog
        from dealjournal.ops import bulk

        waiting = [row[0] for row in db.connection().execute("SELECT id FROM contact ORDER BY id DESC LIMIT 6")]
        bus.run(bulk.set_cadence, waiting, 0)  # (a cadence chosen in bulk also ends the wait: tag after)
        bus.run(bulk.add_tag, waiting, bulk.TRIAGE_TAG)
        dialog_shot(lambda: TriageDialog(bus, window), "dialog-triage")
        sync_shots(window, folder, busiest, grab, dialog_shot, settle)
        dialog_shot(lambda: AboutDialog(sample, window), "dialog-about")
        dialog_shot(lambda: ShortcutsDialog(window.act.shortcut_rows(), window), "dialog-shortcuts")

        # The window in German (Edit ▸ Preferences ▸ Appearance ▸ Language, or a German system).
        window.hide()
        from PySide6.QtCore import QSettings

        QSettings().clear()  # a German user's first start: no column widths saved by the English window
        i18n.install("de", app)
        german = MainWindow(bus)
        german.resize(*sizes[0])
        german.show()
        for cls in NAV_PAGES:
            german.show_page(cls)
            grab(german, f"de-{cls.title.lower()}")
        german.show_contact(busiest)
        grab(german, "de-contact")
        dialog_shot(lambda: LogInteractionDialog(bus, german, contact_id=busiest), "de-dialog-log-interaction")
        dialog_shot(lambda: PreferencesDialog(bus, german), "de-dialog-preferences")
        dialog_shot(lambda: LogInteractionDialog(bus, german, entry=interaction(entry)),
                    "de-dialog-edit-interaction")
        dialog_shot(lambda: TriageDialog(bus, german), "de-dialog-triage")
        bulk_shot(german, "de-bulk-menu")
        german.close()
        i18n.install("en", app)
        window.show()

        # Hostile names display literally and do not break the layouts.
        hostile_ids = [ops.add_contact(name, company="<script>x</script>", notes=name).id for name in HOSTILE]
        bus.reset()
        health_state.rebuild(bus.today())
        from dealjournal.gui.pages.contacts import ContactsPage

        window.show_page(ContactsPage)
        page = window.page(ContactsPage)
        page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        grab(window, "hostile-contacts")
        window.show_contact(hostile_ids[2])
        grab(window, "hostile-contact")
        window.close()
    finally:
        QApplication.closeAllWindows()
        shutil.rmtree(folder, ignore_errors=True)
    for path in made:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
