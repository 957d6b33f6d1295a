"""The window's actions: menus, toolbar, shortcuts, and the file operations behind them.

Opening another journal backs the one being left up (if it changed), explains any problem
with the new one (a damaged file offers its newest backup; a journal held by another
window brings that window forward) and otherwise keeps the current journal open.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar

from dealjournal.errors import JournalError
from dealjournal.gui import i18n, messages, single_instance
from dealjournal.gui.forms import icon
from dealjournal.gui.pages.contacts import ContactsPage
from dealjournal.store import open_journal
from dealjournal.store.lock import JournalInUse

if TYPE_CHECKING:
    from dealjournal.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)
SK = QKeySequence.StandardKey
# The log dialog's direction buttons (ui/log_interaction.ui): their mnemonics pick the direction.
LOG_DIRECTION_BUTTONS = ("&Out → I reached out", "&In ← they did", "&Mutual ⇄", "&Note ✎")
RECENT_KEY = "recentJournals"  # QSettings: the journals opened last, newest first
RECENT_MAX = 8


# File ▸ Fetch Now's icon: an envelope with a circling arrow, drawn like resources/icons.
class Actions(QObject):
    """Creates every action of the window, its menus and its toolbar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bus = window.bus
        self.all: list[QAction] = []
        w = window
        # While the sample journal shows: its temporary folder, and the journal to go back to.
        self.sample_folder: Path | None = None
        self.sample_return: Path | None = None
        self._hears_sync_settings = False  # (Preferences is imported when first opened, not at start)

        self.new_journal = self._make(self.tr("&New Journal…"), self.new_journal_file)
        self.open_journal = self._make(self.tr("&Open Journal…"), self.open_journal_file, SK.Open)
        self.import_ = self._make(self.tr("&Import…"), self.import_dialog, "Ctrl+I", "import")
        self.export = self._make(self.tr("&Export…"), self.export_dialog, "Ctrl+E", "export")
        self.capture = self._make(self.tr("&Capture Conversations…"), self.capture_dialog, "Ctrl+Shift+I", "import")
        self.capture_folder = self._make(self.tr("Capture a &Maildir Folder…"), self.capture_folder_dialog)
        self.fetch_now = self._make(self.tr("&Fetch Now"), self.fetch_now_dialog, "Ctrl+Shift+F")
        self.fetch_now.setIcon(icon("fetch"))
        self.fetch_now.setEnabled(False)  # until the window has looked for accounts
        self.fetch_now.setToolTip(self.fetch_tip(False))
        self.sync_now = self._make(self.tr("S&ync Now"), self.sync_now_clicked, "Ctrl+Shift+Y")
        self.sync_now.setToolTip(self.tr("Send this journal's changes to your other computers and take theirs "
                                         "(Edit ▸ Preferences ▸ Sync)"))
        self.sync_conflicts = self._make(self.tr("Sync &Conflicts…"), self.show_sync_conflicts)
        self.backups = self._make(self.tr("&Backups…"), self.show_backups)
        self.quit = self._make(self.tr("&Quit"), w.close, SK.Quit)
        if self.quit.shortcut().isEmpty():  # some platforms define no standard Quit key
            self.quit.setShortcut("Ctrl+Q")
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = self.bus.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo.setShortcut(SK.Undo)
        self.redo = self.bus.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo_keys = {k.toString(): k for k in [*QKeySequence.keyBindings(SK.Redo), QKeySequence("Ctrl+Shift+Z")]}
        self.redo.setShortcuts(list(redo_keys.values()))
        self.all += [self.undo, self.redo]
        self.new_contact = self._make(self.tr("New &Contact…"), self.add_contact, SK.New, "contact-add")
        self.log_interaction = self._make(self.tr("&Log Interaction…"), self.log_touch, "Ctrl+L", "log")
        self.share = self._make(self.tr("&Share Content…"), self.share_content, "Ctrl+Shift+S", "share")
        self.find = self._make(self.tr("&Find Contact"), self.find_contact, SK.Find, "search")
        self.preferences = self._make(self.tr("&Preferences…"), self.edit_preferences, SK.Preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        if not self.preferences.shortcut():
            self.preferences.setShortcut("Ctrl+,")

        self.page_actions = []
        for number, page in enumerate(w.pages, start=1):
            action = self._make(page.display_title(), lambda _=False, c=type(page): w.show_page(c),
                                f"Ctrl+{number}", page.icon_name)
            self.page_actions.append(action)
        self.back = self._make(self.tr("&Back"), w.go_back, SK.Back, "back")
        self.refresh = self._make(self.tr("&Refresh"), self.bus.reset, SK.Refresh)
        self.shortcuts = self._make(self.tr("&Keyboard Shortcuts"), self.show_shortcuts, SK.HelpContents)
        self.about = self._make(self.tr("&About Deal Journal"), self.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

        bar = w.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_journal)
        file_menu.addAction(self.open_journal)
        self.recent_menu = QMenu(self.tr("Open &Recent"), file_menu)
        file_menu.addMenu(self.recent_menu)
        self.clear_recent = QAction(self.tr("&Clear Menu"), self.window)
        self.clear_recent.triggered.connect(self.forget_recent)
        self._fill_recent()
        for a in (None, self.import_, self.export, None, self.capture, self.capture_folder, self.fetch_now, None,
                  self.sync_now, None, self.backups, None, self.quit):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        edit = bar.addMenu(self.tr("&Edit"))
        for a in (self.undo, self.redo, None, self.new_contact, self.log_interaction, self.share, self.find,
                  None, self.sync_conflicts, None, self.preferences):
            edit.addSeparator() if a is None else edit.addAction(a)
        view = bar.addMenu(self.tr("&View"))
        for a in self.page_actions:
            view.addAction(a)
        view.addSeparator()
        view.addAction(self.back)
        view.addAction(self.refresh)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts)
        help_menu.addAction(self.about)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for a in (self.back, None, self.new_contact, self.log_interaction, self.share, None, self.import_,
                  self.fetch_now):
            toolbar.addSeparator() if a is None else toolbar.addAction(a)
        w.addToolBar(toolbar)
        view.addSeparator()
        view.addAction(toolbar.toggleViewAction())

    def _make(self, text: str, slot: Callable[..., object], shortcut: QKeySequence.StandardKey | str | None = None,
              icon_name: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        self.all.append(action)
        return action

    def _journal_filter(self) -> str:
        return ";;".join((self.tr("Deal Journal (*.sqlite3)"), self.tr("All files (*)")))

    # --- contacts and activity ----------------------------------------------------------

    def add_contact(self) -> None:
        from dealjournal.gui.dialogs.contact_edit import ContactDialog

        contact_id = ContactDialog.create(self.bus, self.window)
        if contact_id is not None:
            self.bus.open_contact.emit(contact_id)

    def _current_contact(self) -> int | None:
        page = self.window.stack.currentWidget()
        current = getattr(page, "current_contact_id", None)
        return current() if callable(current) else None

    def log_touch(self) -> None:
        from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog

        LogInteractionDialog.log(self.bus, self.window, contact_id=self._current_contact())

    def share_content(self) -> None:
        from dealjournal.gui.dialogs.share import ShareDialog

        contact = self._current_contact()
        page = self.window.stack.currentWidget()
        current_content = getattr(page, "current_content_id", None)
        ShareDialog.share(self.bus, self.window, content_id=current_content() if callable(current_content) else None,
                          contact_ids=[contact] if contact else [])

    def find_contact(self) -> None:
        self.window.show_page(ContactsPage)
        page = self.window.page(ContactsPage)
        page.focus_search()  # type: ignore[attr-defined]

    def edit_preferences(self, tab: str | None = None) -> None:
        from dealjournal.gui.dialogs.preferences import PreferencesDialog
        from dealjournal.gui.dialogs.sync_tab import sync_notices

        if not self._hears_sync_settings:  # the Sync tab saved: the window follows
            sync_notices.saved.connect(self.window.syncer.settings_saved)
            self._hears_sync_settings = True
        PreferencesDialog.edit(self.bus, self.window, tab)

    def sync_now_clicked(self) -> None:
        """File ▸ Sync Now: a pass now; with no sync folder yet, Preferences ▸ Sync says how to start."""
        if self.showing_sample():
            messages.show_info(self.window, self.tr("The sample journal does not sync: it is thrown away when you "
                                                    "leave it."))
            return
        if not self.window.syncer.sync_now(asked=True):
            messages.show_info(self.window, self.tr("Choose a sync folder first: one that Syncthing, Dropbox or "
                                                    "Nextcloud keeps the same on your computers."))
            self.edit_preferences("sync")

    def show_sync_conflicts(self, contact_id: int | None = None) -> None:
        """Edit ▸ Sync Conflicts… (or a contact's mark: that contact's); what was settled goes out soon."""
        from dealjournal.gui.dialogs.conflicts import ConflictsDialog

        ConflictsDialog.open_for(self.bus, self.window, contact_id)
        self.window.syncer.after_resolving()

    # --- files --------------------------------------------------------------------------

    def _documents(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def new_journal_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("New journal"),
                                              str(Path(self._documents()) / "journal.sqlite3"), self._journal_filter())
        if name:
            path = Path(name)
            if path.exists():
                messages.show_error(self.window,
                                    self.tr("{path} already exists; choose a new file name.").format(path=path))
                return
            self.switch_to(path)

    def open_journal_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open journal"), self._documents(),
                                              self._journal_filter())
        if name:
            self.switch_to(Path(name))

    # --- recent journals ------------------------------------------------------------------

    def recent_journals(self) -> list[Path]:
        """The journals opened last in this window, newest first (those still on disk)."""
        value = QSettings().value(RECENT_KEY, [])
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(n) for n in names if isinstance(n, str) and n][:RECENT_MAX]

    def remember_recent(self, path: Path) -> None:
        """Put *path* first in File ▸ Open Recent (never the sample journal); the menu then
        lists the others."""
        if not self.showing_sample(path):
            path = path.absolute()
            kept = [p for p in self.recent_journals() if p != path]
            QSettings().setValue(RECENT_KEY, [str(p) for p in [path, *kept][:RECENT_MAX]])
        self._fill_recent()

    def forget_recent(self) -> None:
        QSettings().remove(RECENT_KEY)
        self._fill_recent()

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        current = self.bus.path.absolute()
        entries = [p for p in self.recent_journals() if p != current]
        for number, path in enumerate(entries, start=1):
            #: File ▸ Open Recent: a number (the key to press), the journal's file name, its folder
            text = self.tr("&{number} {name} — {folder}").format(
                number=number, name=path.name.replace("&", "&&"), folder=str(path.parent).replace("&", "&&"))
            action = menu.addAction(text)
            action.setData(str(path))
            action.setToolTip(str(path))
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _=False, p=path: self.switch_to(p))
        if not entries:
            empty = menu.addAction(self.tr("No other journals yet"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.clear_recent)
        self.clear_recent.setEnabled(bool(entries))

    # --- the sample journal --------------------------------------------------------------

    def showing_sample(self, path: Path | None = None) -> bool:
        """True when *path* (default: the open journal) is the sample journal's temporary copy."""
        path = path or self.bus.path
        return self.sample_folder is not None and path.parent == self.sample_folder

    def back_from_sample(self) -> bool:
        """Leave the sample for the journal that was open before it."""
        if self.sample_return is None:
            return False
        return self.switch_to(self.sample_return)

    def discard_sample(self) -> None:
        """Throw the sample's temporary copy away (it is not open any more, or the window closes)."""
        if self.sample_folder is not None:
            shutil.rmtree(self.sample_folder, ignore_errors=True)
        self.sample_folder = self.sample_return = None

    def switch_to(self, path: Path) -> bool:
        """Open another journal; on failure the current one stays open."""
        from dealjournal.gui.opening import explain_open_error

        current = self.bus.path
        self.window.backup_quietly("close")  # the journal being left
        try:
            open_journal(path)
        except JournalInUse as exc:
            self._reopen(current)
            if single_instance.notify_running(path):
                self.bus.status.emit(self.tr("{journal} is open in another window, which was brought forward.")
                                     .format(journal=path.name))
            else:
                messages.show_error(self.window, i18n.say_error(exc))
            return False
        except JournalError as exc:
            if not explain_open_error(exc, self.window):  # a damaged file: its backup, or an empty journal
                self._reopen(current)
                return False
        self.bus.path = path
        if self.sample_folder is not None and not self.showing_sample(path):
            self.discard_sample()  # left the sample: its changes are thrown away
        self.window.journal_reopened()
        return True

    def _reopen(self, path: Path) -> None:
        """Back to the journal that was open before a failed switch."""
        try:
            open_journal(path)
        except JournalError as exc:
            log.warning("Cannot reopen the previous journal: %s", type(exc).__name__)
            messages.show_error(self.window, self.tr("The journal {path} could not be opened again: {error}")
                                .format(path=path, error=i18n.say_error(exc)))

    def explore_sample(self) -> bool:
        """Open the sample journal from a fresh temporary copy, thrown away when it is left."""
        from dealjournal.ops.sample import write_demo

        folder = Path(tempfile.mkdtemp(prefix="dealjournal-sample-"))
        path = folder / "sample-journal.sqlite3"
        self.window.backup_quietly("close")  # the journal being left
        try:
            write_demo(path)  # closes the open journal: the process has one database object
        except JournalError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            self._reopen(self.bus.path)
            messages.show_error(self.window, i18n.say_error(exc))
            return False
        before = (self.sample_folder, self.sample_return)
        self.sample_folder, self.sample_return = folder, self.sample_return or self.bus.path
        if not self.switch_to(path):
            self.sample_folder, self.sample_return = before
            shutil.rmtree(folder, ignore_errors=True)
            return False
        if before[0] is not None:  # a sample opened from the sample: the older copy goes
            shutil.rmtree(before[0], ignore_errors=True)
        return True

    def import_dialog(self) -> None:
        from dealjournal.gui.dialogs.import_wizard import run_import

        run_import(self.window)
    def import_file(self, path: Path) -> bool:
        """Open the import wizard on *path* (a dropped file); False when a wizard is already open."""
        from dealjournal.gui.dialogs.import_wizard import run_import

        return run_import(self.window, path)
    def capture_dialog(self) -> None:
        from dealjournal.gui.dialogs.capture import choose_and_capture

        choose_and_capture(self.window)

    def capture_folder_dialog(self) -> None:
        from dealjournal.gui.dialogs.capture import choose_and_capture

        choose_and_capture(self.window, folder=True)

    def capture_files(self, paths: list[Path]) -> bool:
        """Open the Capture dialog on *paths* (dropped files); False when one is open already."""
        from dealjournal.gui.dialogs.capture import run_capture

        return run_capture(self.window, paths)

    def fetch_now_dialog(self) -> None:
        from dealjournal.gui.fetching import run_fetch

        run_fetch(self.window)

    def fetch_tip(self, has_accounts: bool) -> str:
        """Fetch Now's tooltip: what it does, or why it cannot yet."""
        if has_accounts:
            return self.tr("Capture what is new in your mail and calendar accounts")
        return self.tr("Add your mail or calendar account in Edit ▸ Preferences ▸ Accounts first")

    def export_dialog(self) -> None:
        from dealjournal.gui.dialogs.export_dialog import run_export

        run_export(self.window)
    def export_file(self, path: Path) -> bool:
        from dealjournal import exports
        from dealjournal.gui.dialogs.export_dialog import export_to

        return export_to(self.window, path, exports.format_for_path(path) or "json")
    def show_backups(self) -> None:
        from dealjournal.gui.dialogs.backups import BackupsDialog

        BackupsDialog.show_for(self.bus, self.window, on_restored=self.window.journal_reopened)

    # --- help ---------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from dealjournal.gui.dialogs.about import ShortcutsDialog

        ShortcutsDialog(self.shortcut_rows(), self.window).exec()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every shortcut in words: the window's actions, then each page's and the log dialog's."""
        rows = [(a.text().replace("&", "").rstrip("…"), a.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for a in self.all if not a.shortcut().isEmpty()]
        # Put together now, in the window's language (the pages translate their own title and words).
        #: Help ▸ Keyboard Shortcuts: a page's (or dialog's) name, then what a key does there
        where_what = self.tr("{where}: {what}")
        for page in [*self.window.pages, self.window.contact_page]:
            title = page.display_title()
            rows += [(where_what.format(where=title, what=what), keys) for what, keys in page.shortcut_texts()]
        #: The Log Interaction dialog, as named in the keyboard shortcuts list
        log_dialog = self.tr("Log interaction")
        rows.append((where_what.format(where=log_dialog, what=self.tr("direction out / in / mutual / note")),
                     self._log_direction_keys()))
        rows.append((where_what.format(where=log_dialog, what=self.tr("save from the details box")), "Ctrl+Return"))
        return rows

    @staticmethod
    def _log_direction_keys() -> str:
        """Alt + each direction button's mnemonic, as the translated form has it ("Alt+O / Alt+I…")."""
        keys = []
        for text in LOG_DIRECTION_BUTTONS:
            found = re.search(r"&(?!&)(\w)", QCoreApplication.translate("LogInteraction", text))
            if found:
                keys.append(QKeySequence(f"Alt+{found.group(1).upper()}").toString(QKeySequence.SequenceFormat.NativeText))
        return " / ".join(keys)

    def show_about(self) -> None:
        from dealjournal.gui.dialogs.about import AboutDialog

        AboutDialog(self.bus.path, self.window).exec()
