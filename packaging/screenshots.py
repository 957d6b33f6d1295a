"""Render every page and dialog with the sample journal in a real X window; save PNGs.

    python packaging/screenshots.py [--out packaging/screenshots] [--sizes 1280x800,1024x640]

Starts its own Xvfb when there is no DISPLAY (needs the xvfb package; fonts-wqy-zenhei or
fonts-noto-cjk for the sample's Chinese name). The sample journal
is written to a temporary folder. The pages are shot in English, then again in German
(``de-*.png``); a copy with hostile names (markup, a 300-character name,
right-to-left text, emoji) is shown too, to prove they display literally.
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
from pathlib import Path

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
