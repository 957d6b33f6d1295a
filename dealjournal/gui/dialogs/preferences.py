"""Edit ▸ Preferences: the journal's settings and the app's, on seven tabs.

- Health: the health window and each stage's keep-in-touch cadence (journal settings,
  changed through :func:`dealjournal.gui.commands.update_settings`, so Edit ▸ Undo puts them back);
- Reminders: follow-up notifications on/off, their time of day (app, QSettings), and
  whether the reminder agent notifies while the window is closed (an XDG autostart entry,
  :mod:`dealjournal.gui.agent`; Linux desktops);
- Backups: how many backups thinning keeps (journal, :func:`dealjournal.safety.backup.set_policy`);
- Appearance: system, light or dark theme (app, QSettings; applied at once) and the
  window's language (app, QSettings; applies from the next start);
- Me: the user's own identities — e-mail addresses, phone numbers, profile URLs, chat
  names, one per line — and the region phone numbers without a country code are read in
  (journal, :func:`dealjournal.ops.update_capture_settings`; File ▸ Capture Conversations
  uses them to tell what the user sent from what they received);
- Accounts: the IMAP and CalDAV accounts File ▸ Fetch Now reads (journal,
  :mod:`dealjournal.accounts.store`; passwords in the keyring), each with its last fetch —
  Add…, Edit… (:class:`~dealjournal.gui.dialogs.account_edit.AccountDialog`), Remove, Test
  Connection — and whether the window fetches by itself every N minutes (app, QSettings).
  Accounts are changed at once, not on OK: Cancel leaves them as they are by then.
- Sync: the folder a file-sync service (Syncthing, Dropbox, Nextcloud) keeps in step between
  the user's computers, this computer's name and whether the window syncs by itself (journal,
  :func:`dealjournal.sync.journal.save_settings`), with when the last pass ended, the computers
  seen and the conflicts open (:mod:`.sync_tab`).

OK applies everything and closes (stays open if the journal refused a change), Cancel
changes nothing, Restore Defaults resets the form only (and leaves the language, the
identities and the Sync tab as they are: they are the user's, not defaults).
A journal setting is written only when it changed: new cadences make every contact's
health be worked out again.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from datetime import time
from typing import Any

import phonenumbers
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from dealjournal.accounts import Account, secrets
from dealjournal.accounts import store as account_store
from dealjournal.capture.plan import default_region
from dealjournal.domain import DEFAULT_STAGE_CADENCE, DEFAULT_WINDOW_DAYS, STAGES
from dealjournal.errors import JournalError
from dealjournal.gui import agent, commands, i18n, messages, reminders, theme, uiprefs
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.account_edit import (
    AccountDialog,
    ConnectionTest,
    Found,
    ask_password,
    notify_accounts_changed,
    server_text,
)
from dealjournal.gui.dialogs.base import FormDialog
from dealjournal.gui.dialogs.sync_tab import SyncTab
from dealjournal.gui.models.rows import Index, RowsModel
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.safety import backup
from dealjournal.store import settings
from dealjournal.store.db import db

log = logging.getLogger(__name__)


def region_name(code: str) -> str:
    """A two-letter region code's country name ("Germany"), or the code when Qt does not know it."""
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


def identities_in(text: str) -> list[str]:
    """The identities typed in the Me box: one per line, blank lines left out."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class PreferencesDialog(FormDialog):
    form_name = "preferences"

    def __init__(self, bus: JournalBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.tabs = self.child(QTabWidget, "tabs")
        self.window_days = self.child(QSpinBox, "windowDays")
        self.cadence = {stage: self.child(QSpinBox, f"cadence_{stage}") for stage in STAGES}
        self.notifications = self.child(QCheckBox, "notifications")
        self.notify_at = self.child(QTimeEdit, "notifyAt")
        self.keep = {"daily": self.child(QSpinBox, "keepDaily"), "weekly": self.child(QSpinBox, "keepWeekly"),
                     "monthly": self.child(QSpinBox, "keepMonthly")}
        for box in self.keep.values():
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("0000") + 40)
        self.theme_buttons = QButtonGroup(self)
        self.theme_radio: dict[str, QRadioButton] = {}
        for choice, name in (("system", "themeSystem"), ("light", "themeLight"), ("dark", "themeDark")):
            button = self.child(QRadioButton, name)
            self.theme_buttons.addButton(button)
            self.theme_radio[choice] = button
        self.language = self.child(QComboBox, "language")
        self.language.addItem(self.tr("System language"), "")
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)  # each language by its own name: findable whatever the window speaks
        self.agent = self.child(QCheckBox, "agent")
        self.agent.setVisible(sys.platform.startswith("linux"))  # XDG autostart: Linux desktops
        self.agent.setChecked(agent.autostart_enabled())
        self._saved_agent = self.agent.isChecked()
        self.notifications.toggled.connect(self.notify_at.setEnabled)
        self.notifications.toggled.connect(self.agent.setEnabled)
        self.child(QLabel, "trayNote").setVisible(not reminders.tray_available())

        folder = self.child(QLineEdit, "backupFolder")  # read-only: a long path scrolls, and can be copied
        folder.setText(str(backup.backup_folder(bus.path)) if bus is not None else "")
        folder.setCursorPosition(0)
        folder.setToolTip(folder.text())

        self.me_tab = self._build_me_tab()
        self.tabs.addTab(self.me_tab, self.tr("&Me"))
        self.accounts_tab = AccountsTab(self)
        self.tabs.addTab(self.accounts_tab, self.tr("Acco&unts"))
        self.sync_tab = SyncTab(bus, self)
        self.tabs.addTab(self.sync_tab, self.tr("S&ync"))

        self._saved_settings = settings.load()
        self._saved_policy = backup.policy()
        self._saved_prefs = uiprefs.load()
        self._saved_capture = settings.load_capture()
        self._show_journal(self._saved_settings.window_days, self._saved_settings.stage_cadence_days,
                           self._saved_policy)
        self._show_prefs(self._saved_prefs)
        self._show_capture(self._saved_capture.me, self._saved_capture.phone_region)
        if self.buttons is not None:
            restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
            restore.clicked.connect(self.restore_defaults)
        self.resize(max(560, self.sizeHint().width()), max(440, self.sizeHint().height()))

    def _build_me_tab(self) -> QWidget:
        """The Me tab: the user's identities, one per line, and the phone region."""
        tab = QWidget()
        tab.setObjectName("meTab")
        layout = QVBoxLayout(tab)
        intro = QLabel(self.tr(
            "Your own e-mail addresses, phone numbers, profile URLs (LinkedIn) and the names you have in "
            "chats. When Deal Journal captures conversations, a message from one of them is yours (out); a "
            "message to you is the other person's (in)."))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Identities (one per line):"))
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        self.me_edit = QPlainTextEdit()
        self.me_edit.setObjectName("meIdentities")
        self.me_edit.setAccessibleName(self.tr("Your identities, one per line"))
        self.me_edit.setTabChangesFocus(True)
        self.me_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.me_edit.setPlaceholderText("ada@example.com\n+44 20 7946 0000\nhttps://www.linkedin.com/in/ada-byron\n"
                                        "Ada B.")
        label.setBuddy(self.me_edit)
        layout.addWidget(self.me_edit, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.region = QComboBox()
        self.region.setObjectName("phoneRegion")
        self.region.setAccessibleName(self.tr("Phone region"))
        self._fill_regions()
        region_label = QLabel(self.tr("&Phone numbers without +country are in:"))
        region_label.setTextFormat(Qt.TextFormat.PlainText)
        region_label.setBuddy(self.region)
        form.addRow(region_label, self.region)
        layout.addLayout(form)
        hint = QLabel(self.tr("Numbers are compared in their international form (+49…), so \"0170 1234567\" "
                              "in a chat and \"+49 170 1234567\" on a contact are the same number."))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        return tab

    def _fill_regions(self) -> None:
        """"From your language and region (Germany)" first, then every country by name."""
        local = default_region()
        if local:
            first = self.tr("From your system's region ({country})").format(country=region_name(local))
        else:
            first = self.tr("From your system's region (none set: numbers need +country)")
        self.region.addItem(first, None)
        for name, code in sorted((region_name(code), code) for code in phonenumbers.SUPPORTED_REGIONS):
            #: Preferences ▸ Me ▸ phone region: a country's name and its two-letter code
            self.region.addItem(self.tr("{country} ({code})").format(country=name, code=code), code)

    # --- the form -----------------------------------------------------------------------

    def _show_journal(self, window_days: int, cadences: dict[str, int], policy: backup.Policy) -> None:
        self.window_days.setValue(window_days)
        for stage, box in self.cadence.items():
            box.setValue(cadences[stage])
        for field, box in self.keep.items():
            box.setValue(getattr(policy, field))

    def _show_prefs(self, prefs: uiprefs.UiPrefs) -> None:
        self.notifications.setChecked(prefs.notifications)
        self.notify_at.setEnabled(prefs.notifications)
        self.agent.setEnabled(prefs.notifications)
        self.notify_at.setTime(QTime(prefs.notify_at.hour, prefs.notify_at.minute))
        self.theme_radio.get(prefs.theme, self.theme_radio["system"]).setChecked(True)
        self.accounts_tab.show_fetch_minutes(prefs.fetch_minutes)
        index = self.language.findData(prefs.language)
        if index < 0:  # a language this version does not speak (stored by another one): keep it
            self.language.addItem(prefs.language, prefs.language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(index)

    def _show_capture(self, me: tuple[str, ...] | list[str], region: str | None) -> None:
        self.me_edit.setPlainText("\n".join(me))
        index = self.region.findData(region) if region else 0
        if index < 0:  # a region this list does not name: keep it
            self.region.addItem(region or "", region)
            index = self.region.count() - 1
        self.region.setCurrentIndex(index)

    def identities(self) -> list[str]:
        """The identities in the Me tab, as typed (one per line)."""
        return identities_in(self.me_edit.toPlainText())

    def chosen_region(self) -> str | None:
        """The phone region in the Me tab: a two-letter code, or None for the system's."""
        data = self.region.currentData()
        return data if isinstance(data, str) and data else None

    def chosen_language(self) -> str:
        """The language in the form: a code of :data:`dealjournal.gui.i18n.LANGUAGES`, "" for the system's."""
        data = self.language.currentData()
        return data if isinstance(data, str) else ""

    def restore_defaults(self) -> None:
        """Every field back to its default, except the language; nothing is stored until OK."""
        self._show_journal(DEFAULT_WINDOW_DAYS, DEFAULT_STAGE_CADENCE, backup.Policy())
        self._show_prefs(replace(uiprefs.UiPrefs(), language=self.chosen_language()))
        self._show_capture(self.identities(), None)

    def values(self) -> tuple[int, dict[str, int]]:
        """The health window and the cadences in the form."""
        return self.window_days.value(), {stage: box.value() for stage, box in self.cadence.items()}

    def policy(self) -> backup.Policy:
        return backup.Policy(**{field: box.value() for field, box in self.keep.items()})

    def prefs(self) -> uiprefs.UiPrefs:
        chosen = next((c for c, b in self.theme_radio.items() if b.isChecked()), "system")
        at = self.notify_at.time()
        return replace(self._saved_prefs, notifications=self.notifications.isChecked(),
                       notify_at=time(at.hour(), at.minute()), theme=chosen, language=self.chosen_language(),
                       fetch_minutes=self.accounts_tab.fetch_minutes())

    # --- applying -----------------------------------------------------------------------

    def apply(self) -> bool:
        """Store what changed; False (and a message shown) if the journal refused something."""
        window_days, cadences = self.values()
        saved = self._saved_settings
        if window_days != saved.window_days or cadences != saved.stage_cadence_days:
            if self.bus is None:
                raise RuntimeError("PreferencesDialog needs the bus to change journal settings")
            changed_window = window_days if window_days != saved.window_days else None
            changed_cadences = cadences if cadences != saved.stage_cadence_days else None
            if not commands.update_settings(self.bus, self, window_days=changed_window,
                                            stage_cadence_days=changed_cadences):
                self.tabs.setCurrentIndex(0)
                return False
            self._saved_settings = settings.load()
        policy = self.policy()
        if policy != self._saved_policy:
            try:
                backup.set_policy(policy)
            except JournalError as exc:
                messages.show_error(self, i18n.say_error(exc))
                return False
            self._saved_policy = policy
            log.info("Backup retention changed")
        if not self._apply_capture():
            return False
        if not self.sync_tab.apply():
            self.tabs.setCurrentWidget(self.sync_tab)
            return False
        if not self._apply_agent():
            return False
        prefs = self.prefs()
        if prefs != self._saved_prefs:
            uiprefs.save(prefs)
            if prefs.theme != self._saved_prefs.theme:
                app = QApplication.instance()
                if isinstance(app, QApplication):
                    theme.apply_theme(app, prefs.theme)
            if prefs.fetch_minutes != self._saved_prefs.fetch_minutes:
                notify_accounts_changed()  # the window's automatic fetch follows
            self._saved_prefs = prefs
        return True

    def _apply_capture(self) -> bool:
        """Store the Me tab when it changed (the identities compared as capture keeps them)."""
        me, region = self.identities(), self.chosen_region()
        saved = self._saved_capture
        if me == list(saved.me) and region == saved.phone_region:
            return True
        if self.bus is None:
            raise RuntimeError("PreferencesDialog needs the bus to change journal settings")
        if not commands.update_capture_settings(self.bus, self, me=me, phone_region=region):
            self.tabs.setCurrentWidget(self.me_tab)
            return False
        self._saved_capture = settings.load_capture()
        self._show_capture(self._saved_capture.me, self._saved_capture.phone_region)
        log.info("Capture identities changed")
        return True

    def _apply_agent(self) -> bool:
        """Turn the reminder agent's autostart entry on or off (it starts or stops at once)."""
        wanted = self.agent.isChecked() and not self.agent.isHidden()
        if wanted == self._saved_agent or self.bus is None:
            return True
        try:
            agent.set_autostart(wanted, self.bus.path)
        except OSError as exc:
            messages.show_error(self, self.tr("The reminder helper could not be set up: {error}").format(
                error=exc.strerror or exc))
            return False
        self._saved_agent = wanted
        log.info("Reminder agent %s", "on" if wanted else "off")
        return True

    def accept(self) -> None:
        if self.apply():
            self.accounts_tab.stop()
            super().accept()

    def reject(self) -> None:
        self.accounts_tab.stop()
        super().reject()

    def show_tab(self, tab: str) -> bool:
        """Bring the tab *tab* to the front: "sync", "accounts", "me", "health", … (its object
        name without "Tab"); False when there is none by that name."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None and page.objectName() == f"{tab}Tab":
                self.tabs.setCurrentIndex(i)
                return True
        return False

    @classmethod
    def edit(cls, bus: JournalBus, parent: QWidget | None, tab: str | None = None) -> bool:
        """Show the dialog (on the tab *tab*, see :meth:`show_tab`); whether OK was chosen (and
        everything applied)."""
        if db.is_closed():
            messages.show_error(parent, QCoreApplication.translate(
                "PreferencesDialog", "Open a journal first: most preferences are kept in the journal."))
            return False
        dialog = cls(bus, parent)
        if isinstance(tab, str) and not dialog.show_tab(tab):
            log.warning("Preferences has no tab %r", tab)
        return bool(dialog.exec())


# --- the Accounts tab ---------------------------------------------------------------------


def fetched_text(account: Account) -> str:
    """When *account* was last fetched, in the window's language ("never" when it has not been)."""
    if not account.fetched_at:
        return QCoreApplication.translate("AccountsModel", "never")
    when = QDateTime.fromString(account.fetched_at[:19], Qt.DateFormat.ISODate)
    if not when.isValid():
        return account.fetched_at
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def kind_text(kind: str) -> str:
    if kind == "imap":
        return QCoreApplication.translate("AccountsModel", "IMAP (mail)")
    if kind == "caldav":
        return QCoreApplication.translate("AccountsModel", "CalDAV (calendars)")
    return kind


class AccountsModel(RowsModel[Account]):
    """The journal's accounts: name, kind, user on server, last fetch."""

    headers = (QT_TRANSLATE_NOOP("AccountsModel", "Name"), QT_TRANSLATE_NOOP("AccountsModel", "Kind"),
               QT_TRANSLATE_NOOP("AccountsModel", "User on server"), QT_TRANSLATE_NOOP("AccountsModel", "Last fetch"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        account = self.row_at(index)
        if account is None or not 0 <= index.column() < len(self.headers):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (account.name, kind_text(account.kind), server_text(account), fetched_text(account))[index.column()]
            return QtGuiNs.convertFromPlainText(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None


class AccountsTab(QWidget):
    """Preferences ▸ Accounts: the list, Add… / Edit… / Remove / Test Connection, and the
    automatic fetch's interval."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsTab")
        intro = QLabel(self.tr(
            "File ▸ Fetch Now reads what is new in your own mailboxes (IMAP) and calendars (CalDAV): the headers of "
            "your mail and your meetings, never the messages' text, straight from your servers. Passwords are kept "
            "in your system's keyring."))
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.model = AccountsModel(self)
        self.view = QTableView()
        self.view.setObjectName("accounts")
        self.view.setAccessibleName(self.tr("Accounts"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setHighlightSections(False)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.empty = QLabel(self.tr("No accounts yet: Add… one to fetch your mail and meetings."))
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)

        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.remove_button = QPushButton(self.tr("Remo&ve"))
        self.test_button = QPushButton(self.tr("&Test Connection"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.test_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.test_button.clicked.connect(self.test_connection)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Connecting"))
        self.busy.hide()
        self.test_state = QLabel()
        self.test_state.setObjectName("testState")
        self.test_state.setTextFormat(Qt.TextFormat.PlainText)
        self.test_state.setWordWrap(True)
        self.test_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        state_row = QHBoxLayout()
        state_row.addWidget(self.busy)
        state_row.addWidget(self.test_state, 1)

        self.fetch_auto = QCheckBox(self.tr("&Fetch every"))
        self.fetch_every = QSpinBox()
        self.fetch_every.setRange(*uiprefs.FETCH_MINUTES)
        self.fetch_every.setValue(30)
        self.fetch_every.setAccessibleName(self.tr("Minutes between automatic fetches"))
        self.fetch_auto.toggled.connect(self.fetch_every.setEnabled)
        fetch_row = QHBoxLayout()
        fetch_row.addWidget(self.fetch_auto)
        fetch_row.addWidget(self.fetch_every)
        after = QLabel(self.tr("minutes while Deal Journal is open"))
        after.setTextFormat(Qt.TextFormat.PlainText)
        fetch_row.addWidget(after)
        fetch_row.addStretch(1)
        fetch_note = QLabel(self.tr(
            "An automatic fetch never interrupts you: accounts that add matched touches without asking do so; "
            "anything else waits for File ▸ Fetch Now, and the status bar says so."))
        fetch_note.setTextFormat(Qt.TextFormat.PlainText)
        fetch_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addLayout(state_row)
        layout.addLayout(fetch_row)
        layout.addWidget(fetch_note)

        self.test = ConnectionTest(self)
        self.test.started.connect(self._testing)
        self.test.ended.connect(self._tested)
        self.test.found.connect(self._found)
        self.test.failed.connect(self._test_failed)
        self.test.trusted.connect(self._trusted)
        self.testing: Account | None = None
        self.dialog: AccountDialog | None = None
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    # --- the list -----------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        """Read the accounts again; select the one with id *select* (else the one selected)."""
        current = self.current()
        wanted = select if select is not None else current.id if current is not None else None
        self.model.set_rows(account_store.accounts())
        rows = self.model.rows
        row = next((i for i, a in enumerate(rows) if a.id == wanted), 0 if rows else -1)
        if row >= 0:
            self.view.selectRow(row)
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._update_buttons()

    def current(self) -> Account | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(chosen)
        self.test_button.setEnabled(chosen and not self.test.running)

    # --- the buttons --------------------------------------------------------------------

    def add(self) -> None:
        self._open(AccountDialog(self))

    def edit(self) -> None:
        account = self.current()
        if account is not None:
            self._open(AccountDialog(self, account))

    def _open(self, dialog: AccountDialog) -> None:
        """Window-modal, without blocking: the list follows once it is saved."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._saved)
        dialog.open()

    def _saved(self) -> None:
        dialog = self.sender()
        saved = dialog.saved if isinstance(dialog, AccountDialog) else None
        self.refresh(select=saved.id if saved is not None else None)

    def remove(self) -> None:
        account = self.current()
        if account is None:
            return
        if not messages.confirm(self, self.tr("Remove the account {name}?").format(name=account.name),
                                self.tr("&Remove"), self.tr(
                                    "What was fetched from it stays in your journal. Its password is removed from "
                                    "your keyring.")):
            return
        account_store.remove(account)
        secrets.forget(account)
        log.info("Account removed")
        self.test_state.clear()
        self.refresh()
        notify_accounts_changed()

    def test_connection(self) -> None:
        account = self.current()
        if account is None or self.test.running:
            return
        password = secrets.get(account) or ask_password(self, account)
        if not password:
            return
        self.testing = account
        self.test.run(account, password)

    def _testing(self) -> None:
        self.busy.show()
        self.test_state.setText(self.tr("Connecting to {account}…").format(
            account=self.testing.name if self.testing else ""))
        self._update_buttons()

    def _tested(self) -> None:
        self.busy.hide()
        self._update_buttons()

    def _found(self, found: list[Found]) -> None:
        name = self.testing.name if self.testing else ""
        shown = ", ".join(f.text for f in found[:8]) + (", …" if len(found) > 8 else "")
        if self.testing is not None and self.testing.kind == "caldav":
            text = (self.tr("{account}: connected; 1 calendar: {names}") if len(found) == 1
                    else self.tr("{account}: connected; {n} calendars: {names}"))
        else:
            text = (self.tr("{account}: connected; 1 folder: {names}") if len(found) == 1
                    else self.tr("{account}: connected; {n} folders: {names}"))
        self.test_state.setText(text.format(account=name, n=len(found), names=shown))

    def _test_failed(self, text: str) -> None:
        name = self.testing.name if self.testing else ""
        self.test_state.setText(self.tr("{account}: {error}").format(account=name, error=text))

    def _trusted(self, fingerprint: str) -> None:
        """Trusted from this tab: kept for the account at once (there is no OK to wait for)."""
        if self.testing is None:
            return
        try:
            self.testing = account_store.save(replace(self.testing, trusted_cert=fingerprint))
        except JournalError as exc:
            messages.show_error(self, i18n.say_error(exc))
            return
        self.refresh(select=self.testing.id)
        notify_accounts_changed()

    # --- the automatic fetch ----------------------------------------------------------

    def show_fetch_minutes(self, minutes: int) -> None:
        self.fetch_auto.setChecked(minutes > 0)
        self.fetch_every.setEnabled(minutes > 0)
        if minutes > 0:
            self.fetch_every.setValue(minutes)

    def fetch_minutes(self) -> int:
        """The interval in the form: minutes, or 0 for no automatic fetch."""
        return self.fetch_every.value() if self.fetch_auto.isChecked() else 0

    def stop(self) -> None:
        """The dialog closes: a running test ends unseen."""
        self.test.cancel()
