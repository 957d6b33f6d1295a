"""An IMAP or CalDAV account to fetch from (Edit ▸ Preferences ▸ Accounts ▸ Add… / Edit…).

:class:`AccountDialog` edits where to fetch from — name, kind, server, port, security, user,
password, the folders or calendars to read, how far back the first fetch reads, and whether
matched touches go in without the review. The password goes to the system keyring
(:mod:`dealjournal.accounts.secrets`), never into the journal or the settings; where there
is no keyring the dialog says so and keeps nothing.

:class:`ConnectionTest` is Test Connection, here and on the Accounts tab: it connects in a
worker thread (a busy bar meanwhile) and lists the folders or calendars found, or says what
went wrong. A certificate that does not verify is a question showing its SHA-256 fingerprint
(:class:`TrustQuestion`); trusting it pins exactly that certificate for the account
(``Account.trusted_cert``) and tests again.

:func:`ask_password` is the password prompt used when the keyring holds none.
Values the journal refuses (:func:`dealjournal.accounts.store.checked`) are said under the
form, and the field at fault gets the focus; the dialog stays open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFontDatabase, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dealjournal import APP_NAME
from dealjournal.accounts import Account, UntrustedCertificate, secrets, store
from dealjournal.errors import ValidationError
from dealjournal.gui import i18n
from dealjournal.gui.importing import Job, Report, explain

log = logging.getLogger(__name__)
TEST_TIMEOUT = 20.0  # seconds Test Connection waits for an answer
FIELDS = ("name", "host", "username", "port", "security", "months")  # in the form's order


class AccountsNotifier(QObject):
    """Says that the accounts changed (added, edited, removed, a certificate trusted) or the
    automatic fetch's interval did: the window's Fetch Now and its automatic fetch follow."""

    changed = Signal()


@cache
def accounts_notifier() -> AccountsNotifier:
    return AccountsNotifier()


def notify_accounts_changed() -> None:
    accounts_notifier().changed.emit()


def grouped_fingerprint(fingerprint: str) -> str:
    """A SHA-256 fingerprint as certificate viewers show it: "AB:CD:…", 16 bytes a line."""
    hexa = "".join(c for c in fingerprint if c.isalnum()).upper()
    pairs = [hexa[i:i + 2] for i in range(0, len(hexa), 2)]
    return "\n".join(":".join(pairs[i:i + 16]) for i in range(0, len(pairs), 16))


def server_text(account: Account) -> str:
    """ "ada@example.com on imap.example.com": who the account logs in as, and where."""
    #: An account's user on its server: "ada@example.com on imap.example.com"
    return QCoreApplication.translate("AccountDialog", "{user} on {server}").format(
        user=account.username, server=account.host)


def ask_password(parent: QWidget | None, account: Account) -> str | None:
    """The password of *account*, typed (masked) in a prompt; None when cancelled or left empty."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("passwordPrompt")
    dialog.setWindowTitle(APP_NAME)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    #: The password prompt (no keyring, or none stored): the account's name, its user and server
    dialog.setLabelText(QCoreApplication.translate("AccountDialog", "Password for {account} ({where}):").format(
        account=account.name, where=server_text(account)))
    dialog.setOkButtonText(QCoreApplication.translate("AccountDialog", "&Connect"))
    if not dialog.exec():
        return None
    text = dialog.textValue()
    return text or None


@dataclass(frozen=True)
class Found:
    """A folder or calendar Test Connection found: what is stored, what is shown, and a tip."""

    value: str
    text: str
    tip: str = ""


def role_text(role: str) -> str:
    """A folder's SPECIAL-USE role in words ("Sent"); an unknown role as the server says it."""
    words = {
        "inbox": QCoreApplication.translate("AccountDialog", "Inbox"),
        "sent": QCoreApplication.translate("AccountDialog", "Sent"),
        "drafts": QCoreApplication.translate("AccountDialog", "Drafts"),
        "trash": QCoreApplication.translate("AccountDialog", "Trash"),
        "junk": QCoreApplication.translate("AccountDialog", "Junk"),
        "archive": QCoreApplication.translate("AccountDialog", "Archive"),
        "all": QCoreApplication.translate("AccountDialog", "All mail"),
        "flagged": QCoreApplication.translate("AccountDialog", "Flagged"),
    }
    return words.get(role.strip("\\").lower(), role)


class TrustQuestion(QMessageBox):
    """ "The certificate of … cannot be verified": its fingerprint, Trust This Certificate / Cancel."""

    def __init__(self, parent: QWidget | None, account: Account, exc: UntrustedCertificate) -> None:
        super().__init__(QMessageBox.Icon.Warning, APP_NAME, "", QMessageBox.StandardButton.NoButton, parent)
        self.setObjectName("trustQuestion")
        self.fingerprint = exc.fingerprint
        self.setTextFormat(Qt.TextFormat.PlainText)
        #: The certificate question: the account's name, then its server
        self.setText(self.tr("The certificate of {account} ({server}) cannot be verified.").format(
            account=account.name, server=account.host))
        self.setInformativeText("\n\n".join([
            self.tr("Its SHA-256 fingerprint is:") + "\n" + grouped_fingerprint(exc.fingerprint),
            self.tr("Trust it only if this is your own server's certificate: compare the fingerprint with the one "
                    "your provider or whoever runs the server gives. Deal Journal then connects to this server only "
                    "while it shows exactly this certificate.")]))
        self.setDetailedText(i18n.say_error(exc))  # the reason, as the connection gave it
        self.trust_button = self.addButton(self.tr("&Trust This Certificate"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.setWindowModality(Qt.WindowModality.WindowModal)


class ConnectionTest(QObject):
    """Test Connection for one account: connect in a worker and list what is there.

    Emits :attr:`found` (a list of :class:`Found`) or :attr:`failed` (what went wrong, in
    words); a certificate that does not verify first asks :class:`TrustQuestion` — trusted,
    :attr:`trusted` gives the fingerprint (the owner keeps it) and the test runs again.
    """

    found = Signal(object)
    failed = Signal(str)
    trusted = Signal(str)
    started = Signal()
    ended = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = parent
        self.job: Job | None = None
        self.question: TrustQuestion | None = None
        self.account: Account | None = None
        self._password = ""

    @property
    def running(self) -> bool:
        return (self.job is not None and self.job.running) or self.question is not None

    def run(self, account: Account, password: str) -> None:
        if self.running:
            return
        self.account, self._password = account, password

        def work(_report: Report) -> Any:
            if account.kind == "imap":
                from dealjournal.accounts.imap import folders

                return [Found(name, f"{name} ({role_text(role)})" if role else name)
                        for name, role in folders(account, password, timeout=TEST_TIMEOUT)]
            from dealjournal.accounts.calendars import calendars

            return [Found(url, title or url, url) for url, title in calendars(account, password, timeout=TEST_TIMEOUT)]

        self.job = job = Job(work, name="account-test")
        job.succeeded.connect(self._succeeded)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._ended)
        self.started.emit()
        job.start()

    def _current(self) -> bool:
        return self.job is not None and self.sender() is self.job

    def _succeeded(self, value: Any) -> None:
        if self._current():
            self.found.emit(list(value))
            self._ended()

    def _failed(self, exc: BaseException) -> None:
        if not self._current():
            return
        if isinstance(exc, UntrustedCertificate) and self.account is not None:
            self.question = question = TrustQuestion(self.widget, self.account, exc)
            question.finished.connect(self._answered)
            question.open()
            return
        self.failed.emit(explain(exc, ""))
        self._ended()

    def _answered(self, _result: int) -> None:
        question, self.question = self.question, None
        if question is None:
            return
        question.deleteLater()
        if question.clickedButton() is question.trust_button and self.account is not None:
            fingerprint = question.fingerprint.replace(":", "").lower()
            self.trusted.emit(fingerprint)
            self.job = None
            self.run(replace(self.account, trusted_cert=fingerprint), self._password)
            return
        self.failed.emit(self.tr("The certificate was not trusted, so Deal Journal did not connect."))
        self._ended()

    def _ended(self) -> None:
        self.ended.emit()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
        self.job = None


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    # As wide as the fields beside them: a form row would otherwise wrap it at its hint's width.
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


class AccountDialog(QDialog):
    """Add an account (*account* None) or edit one; :attr:`saved` is what was stored on OK."""

    def __init__(self, parent: QWidget | None = None, account: Account | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.original = account
        self.saved: Account | None = None
        self.trusted_cert = account.trusted_cert if account is not None else None
        self.setWindowTitle(self.tr("Edit Account") if account is not None else self.tr("Add Account"))

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Work mail"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("IMAP (mail)"), "imap")
        self.kind.addItem(self.tr("CalDAV (calendars)"), "caldav")
        self.host = QLineEdit()
        self.port = QLineEdit()
        self.port.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,5}"), self.port))
        self.port.setMaximumWidth(self.port.fontMetrics().horizontalAdvance("0") * 16 + 20)
        self.security = QComboBox()
        self.security.addItem(self.tr("SSL/TLS"), "ssl")
        self.security.addItem(self.tr("STARTTLS"), "starttls")
        self.username = QLineEdit()
        self.username.setPlaceholderText("ada@example.com")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.keyring_note = _plain(QLabel())
        self.keyring_note.setObjectName("keyringNote")
        self.months = QSpinBox()
        self.months.setRange(1, 120)
        self.months.setValue(store.DEFAULT_MONTHS)
        self.months.setAccessibleName(self.tr("Months the first fetch reads"))
        self.auto_add = QCheckBox(self.tr("Add &matched touches without asking (people not in your journal still "
                                          "wait for you)"))

        self.folders = QListWidget()
        self.folders.setObjectName("folders")
        rows = self.folders.fontMetrics().height() + 4
        self.folders.setMinimumHeight(rows * 5)
        self.folders.setMaximumHeight(rows * 9)
        self.folders_hint = _plain(QLabel())
        self.test_button = QPushButton(self.tr("&Test Connection"))
        self.test_button.setAutoDefault(False)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName(self.tr("Connecting"))
        self.busy.hide()
        self.test_state = _plain(QLabel())
        self.test_state.setObjectName("testState")
        self.test_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust_note = _plain(QLabel())
        self.trust_note.setObjectName("trustNote")
        self.error = _plain(QLabel())
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labels: dict[str, QLabel] = {}

        def row(key: str, text: str, field: QWidget) -> None:
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(field)
            self.labels[key] = label
            form.addRow(label, field)

        row("name", self.tr("&Name:"), self.name)
        row("kind", self.tr("&Kind:"), self.kind)
        row("host", self.tr("&Server:"), self.host)
        where = QWidget()
        where_row = QHBoxLayout(where)
        where_row.setContentsMargins(0, 0, 0, 0)
        where_row.addWidget(self.port)
        self.security_label = QLabel(self.tr("Se&curity:"))
        self.security_label.setBuddy(self.security)
        where_row.addWidget(self.security_label)
        where_row.addWidget(self.security)
        where_row.addStretch(1)
        row("port", self.tr("&Port:"), where)
        row("username", self.tr("&User:"), self.username)
        row("password", self.tr("Pass&word:"), self.password)
        form.addRow("", self.keyring_note)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.busy)
        test_row.addWidget(self.test_state, 1)
        form.addRow("", test_row)
        form.addRow("", self.trust_note)
        row("folders", self.tr("&Folders:"), self.folders)
        form.addRow("", self.folders_hint)
        months_row = QHBoxLayout()
        months_label = QLabel(self.tr("Read the &last"))
        months_label.setBuddy(self.months)
        months_row.addWidget(months_label)
        months_row.addWidget(self.months)
        months_row.addWidget(QLabel(self.tr("months the first time")))
        months_row.addStretch(1)
        form.addRow("", months_row)
        form.addRow("", self.auto_add)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.test = ConnectionTest(self)
        self.test.started.connect(self._testing)
        self.test.ended.connect(self._tested)
        self.test.found.connect(self._found)
        self.test.failed.connect(self._test_failed)
        self.test.trusted.connect(self._trusted)
        self.test_button.clicked.connect(self.test_connection)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.security.currentIndexChanged.connect(self._update_port_hint)
        self._show(account)
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    # --- the form -----------------------------------------------------------------------

    def _show(self, account: Account | None) -> None:
        a = account or Account(kind="imap", name="", host="", username="")
        self.name.setText(a.name)
        self.kind.setCurrentIndex(max(self.kind.findData(a.kind), 0))
        self.host.setText(a.host)
        self.port.setText(str(a.port) if a.port else "")
        self.security.setCurrentIndex(max(self.security.findData(a.security), 0))
        self.username.setText(a.username)
        self.months.setValue(a.months)
        self.auto_add.setChecked(a.auto_add)
        self._fill_folders([Found(f, f) for f in a.folders], set(a.folders))
        self._kind_changed()
        stored = account is not None and secrets.get(account) is not None
        if not secrets.available():
            self.keyring_note.setText(self.tr("There is no keyring on this computer: you will be asked for the "
                                              "password each time."))
            self.password.setPlaceholderText(self.tr("Only for Test Connection"))
        else:
            self.keyring_note.setText(self.tr("Kept in your system's keyring, never in the journal."))
            if stored:
                self.password.setPlaceholderText(self.tr("Stored in your keyring — type to change it"))
        self._show_trust()

    def _show_trust(self) -> None:
        self.trust_note.setVisible(bool(self.trusted_cert))
        if self.trusted_cert:
            self.trust_note.setText(self.tr("You trust this server's certificate with the SHA-256 fingerprint:")
                                    + "\n" + grouped_fingerprint(self.trusted_cert))
            self.trust_note.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

    def kind_code(self) -> str:
        data = self.kind.currentData()
        return data if isinstance(data, str) else "imap"

    def _kind_changed(self, _index: int = 0) -> None:
        imap = self.kind_code() == "imap"
        self.security.setVisible(imap)
        self.security_label.setVisible(imap)
        self.labels["folders"].setText(self.tr("&Folders:") if imap else self.tr("&Calendars:"))
        self.host.setPlaceholderText("imap.example.com" if imap else "https://caldav.example.com/")
        self.folders.setAccessibleName(self.tr("Folders to read") if imap else self.tr("Calendars to read"))
        if self.folders.property("kind") not in (None, self.kind_code()):
            self.folders.clear()  # another kind's folders mean nothing here
        self.folders.setProperty("kind", self.kind_code())
        self._update_folders_hint()
        self._update_port_hint()

    def _update_port_hint(self, _index: int = 0) -> None:
        security = self.security.currentData() if self.kind_code() == "imap" else "ssl"
        default = store.DEFAULT_PORTS.get((self.kind_code(), str(security)))
        #: The port box's hint: the port used when it is left empty
        self.port.setPlaceholderText(self.tr("{port} (default)").format(port=default) if default
                                     else self.tr("Default"))

    def _update_folders_hint(self) -> None:
        if self.folders.count() == 0:
            self.folders_hint.setText(
                self.tr("Test Connection lists the folders. None ticked: Inbox and Sent are read.")
                if self.kind_code() == "imap" else
                self.tr("Test Connection lists the calendars. None ticked: every calendar is read."))
        else:
            self.folders_hint.setText(
                self.tr("None ticked: Inbox and Sent are read.") if self.kind_code() == "imap"
                else self.tr("None ticked: every calendar is read."))

    def _fill_folders(self, found: list[Found], ticked: set[str]) -> None:
        self.folders.clear()
        for f in found:
            item = QListWidgetItem(f.text)
            item.setData(Qt.ItemDataRole.UserRole, f.value)
            if f.tip:
                item.setToolTip(f.tip)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if f.value in ticked else Qt.CheckState.Unchecked)
            self.folders.addItem(item)
        self._update_folders_hint()

    def chosen_folders(self) -> tuple[str, ...]:
        return tuple(str(self.folders.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.folders.count())
                     if self.folders.item(i).checkState() == Qt.CheckState.Checked)

    def account(self) -> Account:
        """The account as the form has it (not checked)."""
        port = self.port.text().strip()
        base = self.original
        return Account(
            kind=self.kind_code(), name=self.name.text(), host=self.host.text(), username=self.username.text(),
            port=int(port) if port else None, security=str(self.security.currentData() or "ssl"),
            folders=self.chosen_folders(), months=self.months.value(), trusted_cert=self.trusted_cert,
            auto_add=self.auto_add.isChecked(), fetched_at=base.fetched_at if base is not None else None,
            id=base.id if base is not None else None)

    def _field_widget(self, field: str) -> QWidget:
        return {"name": self.name, "host": self.host, "username": self.username, "port": self.port,
                "security": self.security, "months": self.months}.get(field, self.name)

    def _refuse(self, exc: ValidationError, field: str | None) -> None:
        self.error.setText(i18n.say_error(exc))
        self.error.show()
        widget = self._field_widget(field or "name")
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def checked(self) -> Account | None:
        """The form's account, validated; None (said, the field at fault focused) when refused."""
        account = self.account()
        try:
            result = store.checked(account)
        except ValidationError as exc:
            self._refuse(exc, culprit(account))
            return None
        self.error.hide()
        return result

    # --- Test Connection ----------------------------------------------------------------

    def test_connection(self) -> None:
        account = self.checked()
        if account is None or self.test.running:
            return
        password = self.password.text() or (secrets.get(self.original) if self.original is not None else None)
        if not password:
            password = ask_password(self, account)
        if not password:
            return
        self.test.run(account, password)

    def _testing(self) -> None:
        self.busy.show()
        self.test_button.setEnabled(False)
        self.test_state.setText(self.tr("Connecting…"))

    def _tested(self) -> None:
        self.busy.hide()
        self.test_button.setEnabled(True)

    def _found(self, found: list[Found]) -> None:
        ticked = set(self.chosen_folders())
        known = {f.value for f in found}
        extra = [Found(v, v) for v in sorted(ticked - known)]  # chosen before, not on the server now: kept, shown
        self._fill_folders(found + extra, ticked)
        imap = self.kind_code() == "imap"
        n = len(found)
        if imap:
            text = self.tr("Connected: 1 folder.") if n == 1 else self.tr("Connected: {n} folders.")
        else:
            text = self.tr("Connected: 1 calendar.") if n == 1 else self.tr("Connected: {n} calendars.")
        self.test_state.setText(text.format(n=n))

    def _test_failed(self, text: str) -> None:
        self.test_state.setText(text)

    def _trusted(self, fingerprint: str) -> None:
        self.trusted_cert = fingerprint
        self._show_trust()

    # --- OK -------------------------------------------------------------------------------

    def accept(self) -> None:
        account = self.checked()
        if account is None:
            return
        before = self.original
        try:
            saved = store.save(account)
        except ValidationError as exc:  # a name another account has
            self._refuse(exc, "name")
            return
        typed = self.password.text()
        moved = before is not None and _identity(before) != _identity(saved)
        if typed:
            if secrets.store(saved, typed) and moved and before is not None:
                secrets.forget(before)  # the old server's or user's entry is of no use any more
        elif moved and before is not None and secrets.available():
            old = secrets.get(before)  # the password follows the account to its new server or user
            if old is not None and secrets.store(saved, old):
                secrets.forget(before)
        self.password.clear()
        self.saved = saved
        log.info("Account %s", "changed" if before is not None else "added")
        self.test.cancel()
        super().accept()
        notify_accounts_changed()

    def reject(self) -> None:
        self.test.cancel()
        self.password.clear()
        super().reject()


def _identity(account: Account) -> tuple[str, str, str]:
    return account.kind, account.username.strip(), account.host.strip()


def culprit(account: Account) -> str | None:
    """The field :func:`~dealjournal.accounts.store.checked` refuses in *account* (None: none):
    the first one whose good value alone changes what it says."""
    try:
        store.checked(account)
    except ValidationError as exc:
        first = str(exc)
    else:
        return None
    good: dict[str, object] = {"name": "x", "host": "https://x.example" if account.kind == "caldav" else "x.example",
                               "username": "x", "port": None, "security": "ssl", "months": store.DEFAULT_MONTHS}
    for field in FIELDS:
        try:
            store.checked(replace(account, **{field: good[field]}))  # type: ignore[arg-type]
        except ValidationError as exc:
            if str(exc) != first:
                return field
        else:
            return field
    return None
