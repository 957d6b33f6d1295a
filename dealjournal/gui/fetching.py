"""File ▸ Fetch Now and the automatic fetch: capture from the user's own IMAP and CalDAV accounts.

**Fetch Now** opens the Capture dialog (:mod:`dealjournal.gui.dialogs.capture`) on an
:class:`AccountSource`: each account's password comes from the keyring, or from a prompt
(Cancel skips that account); every account is read in the worker ("Fetching Work mail…",
Cancel stops it) with :func:`~dealjournal.accounts.plan_fetch`. An account that cannot be
read (server down, wrong password, a timeout) is named on the review page — "not fetched:
…" — and nothing is written for it; the others go on. Then:

- an account set to *add matched touches without asking* has them written at once (a
  backup first); if people in it are not in the journal, they wait for the review, and
  where it was read to is kept only once they have been seen (so that they are offered
  again otherwise);
- an account with nothing new has how far it was read kept;
- everything else goes through the same review as a file capture, and Capture writes it
  with :func:`~dealjournal.accounts.apply_fetch`, one account after another (a person
  added as a contact from one account is that contact in the next).

The **automatic fetch** (:class:`Fetcher`, every N minutes while the window is open when
chosen in Preferences ▸ Accounts) never opens a dialog: it reads the accounts whose
password the keyring has, writes what the accounts set to add without asking may add, and
otherwise says in the status bar that new touches wait for File ▸ Fetch Now. A failure is a
quiet status-bar message. The status bar also says when the accounts were last fetched
("Fetched 10:42") or that the last fetch failed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import QLabel, QWidget

from dealjournal.accounts import (
    Account,
    Fetched,
    apply_fetch,
    plan_fetch,
    secrets,
    store,
)
from dealjournal.capture import (
    CaptureCancelled,
    CaptureOutcome,
    CapturePlan,
    FilePlan,
    Me,
    journal_me,
)
from dealjournal.capture.plan import ContactIndex
from dealjournal.errors import JournalError
from dealjournal.gui import i18n, uiprefs
from dealjournal.gui.dialogs.account_edit import accounts_notifier, ask_password
from dealjournal.gui.dialogs.capture import (
    CaptureDialog,
    CaptureJob,
    CaptureSource,
    ReadResult,
    Review,
)
from dealjournal.gui.dialogs.capture_review import format_label, number
from dealjournal.gui.importing import Job, Report, explain
from dealjournal.importers import ImportCancelled
from dealjournal.ops import OpChanges
from dealjournal.safety import backup
from dealjournal.store.db import db

if TYPE_CHECKING:
    from dealjournal.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)
PROGRESS_EVERY_S = 0.1  # the reading line is told at most this often
FIRST_AUTO_FETCH_MS = 30_000  # the first automatic fetch, this long after the journal opened
STATUS_MS = 60_000  # how long the status bar shows what an automatic fetch found


@dataclass
class Failure:
    """An account that was not fetched, and why (None: no password was given)."""

    account: Account
    error: BaseException | None

    def reason(self) -> str:
        if self.error is None:
            return QCoreApplication.translate("Fetching", "no password given")
        if isinstance(self.error, JournalError):
            return i18n.say_error(self.error).rstrip(".")
        return explain(self.error, "").rstrip(".")


def offers(fetched: Fetched) -> bool:
    """Whether *fetched* holds anything to write or to decide: new touches, or people who wait."""
    plan = fetched.plan.files[0]
    return bool(plan.added or fetched.waiting)


def only_waiting(fetched: Fetched) -> Fetched:
    """*fetched* with only the people who are not in the journal (its matched touches were
    written without asking): what the review still offers."""
    plan = fetched.plan.files[0]
    people = {key: p for key, p in plan.people.items() if p.contact_id is None}
    kept = FilePlan(plan.path, plan.format, plan.label, people, plan.ignored, [])
    return replace(fetched, plan=CapturePlan([kept], fetched.plan.me))


def read_accounts(chosen: list[tuple[Account, str | None]], me: Me, *,
                  progress: Callable[[int, int], bool] | None = None,
                  cancelled: Callable[[], bool] = lambda: False) -> list[Fetched | Failure]:
    """Fetch every account (in the worker): a :class:`Fetched` each, or a :class:`Failure`.
    ImportCancelled when *cancelled* says so (or *progress* returns False)."""
    found: list[Fetched | Failure] = []
    for index, (account, password) in enumerate(chosen):
        if cancelled():
            raise ImportCancelled("fetch cancelled")
        if not password:
            found.append(Failure(account, None))
            continue
        if progress is not None:
            progress(index, 0)

        def told(n: int, index: int = index) -> bool:
            return progress(index, n) if progress is not None else not cancelled()

        try:
            found.append(plan_fetch(account, password, me, progress=told))
        except CaptureCancelled:
            raise ImportCancelled("fetch cancelled") from None
        except JournalError as exc:  # the server down, the password refused, a timeout…: said, the others go on
            log.info("Account not fetched: %s", type(exc).__name__)
            found.append(Failure(account, exc))
        except Exception as exc:  # a bug: this account is not fetched, the others are
            log.error("Fetching an account failed: %s", type(exc).__name__)
            log.debug("fetch failure details", exc_info=True)
            found.append(Failure(account, exc))
    return found


def write_accounts(chosen: list[Fetched], add: set[str], same_as: dict[str, int]) -> tuple[
        list[tuple[Fetched, CaptureOutcome]], list[Failure]]:
    """Write each account's plan (in the worker) with the people ticked to add and those named
    as contacts. Someone added from one account is that new contact in the next."""
    written: list[tuple[Fetched, CaptureOutcome]] = []
    failed: list[Failure] = []
    created: dict[str, int] = {}
    for fetched in chosen:
        keys = {p.key for p in fetched.plan.files[0].unmatched}
        linked = {k: v for k, v in same_as.items() if k in keys}
        linked.update({k: created[k] for k in keys & add if k in created})
        adding = sorted(k for k in keys & add if k not in created)
        try:
            outcome = apply_fetch(fetched, add=adding, same_as=linked, keep_place=True)
        except JournalError as exc:
            failed.append(Failure(fetched.account, exc))
            continue
        written.append((fetched, outcome))
        if adding:
            index = ContactIndex(fetched.plan.me.region)  # the contacts just made, by the same keys
            created.update({k: cid for k in adding if (cid := index.match(k)) is not None})
    return written, failed


def combined(outcomes: list[CaptureOutcome]) -> CaptureOutcome:
    ids = frozenset().union(*(o.contact_ids for o in outcomes)) if outcomes else frozenset()
    changes = OpChanges(contacts=any(o.changes.contacts for o in outcomes),
                        interactions=any(o.changes.interactions for o in outcomes),
                        touches=any(o.changes.touches for o in outcomes), contact_ids=ids)
    return CaptureOutcome(sum(o.added for o in outcomes), sum(o.already_there for o in outcomes),
                          sum(o.contacts_created for o in outcomes), ids, changes)


def touches_text(n: int) -> str:
    return (QCoreApplication.translate("Fetching", "{n} touch") if n == 1
            else QCoreApplication.translate("Fetching", "{n} touches")).format(n=number(n))


def waiting_text(fetched: list[Fetched]) -> str:
    """ "3 people in your mail aren't in your journal — File ▸ Fetch Now to review"."""
    n = sum(f.waiting for f in fetched)
    kinds = {f.account.kind for f in fetched if f.waiting}
    if kinds == {"caldav"}:
        text = (QCoreApplication.translate("Fetching", "1 person in your calendars isn't in your journal — File ▸ "
                                                       "Fetch Now to review") if n == 1 else
                QCoreApplication.translate("Fetching", "{n} people in your calendars aren't in your journal — File ▸ "
                                                       "Fetch Now to review"))
    elif kinds == {"imap"}:
        text = (QCoreApplication.translate("Fetching", "1 person in your mail isn't in your journal — File ▸ Fetch "
                                                       "Now to review") if n == 1 else
                QCoreApplication.translate("Fetching", "{n} people in your mail aren't in your journal — File ▸ "
                                                       "Fetch Now to review"))
    else:
        text = (QCoreApplication.translate("Fetching", "1 person in your mail and calendars isn't in your journal "
                                                       "— File ▸ Fetch Now to review") if n == 1 else
                QCoreApplication.translate("Fetching", "{n} people in your mail and calendars aren't in your "
                                                       "journal — File ▸ Fetch Now to review"))
    return text.format(n=number(n))


def added_text(written: list[tuple[Fetched, CaptureOutcome]]) -> str:
    """ "Fetched 5 touches from Work mail, Team calendar"."""
    added = sum(o.added for _f, o in written)
    names = ", ".join(f.account.name for f, o in written if o.added or o.contacts_created)
    return QCoreApplication.translate("Fetching", "Fetched {touches} from {accounts}").format(
        touches=touches_text(added), accounts=names)


@dataclass
class FetchResult(ReadResult):
    """What Fetch Now read: per account its plan or why it was not fetched; then what was
    written without the review, and what the review offers."""

    fetched: list[Fetched] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    order: list[Account] = field(default_factory=list)
    settled: dict[int, CaptureOutcome | Failure] = field(default_factory=dict)  # account id → written, or why not
    reviewed: list[Fetched] = field(default_factory=list)  # what the review's Capture writes
    written: list[tuple[Fetched, CaptureOutcome]] = field(default_factory=list)
    write_failed: list[Failure] = field(default_factory=list)


class AccountSource(CaptureSource):
    """The Capture dialog's steps for File ▸ Fetch Now (see the module docstring)."""

    accounts = True
    busy = True
    backup_reason = "fetch"

    def __init__(self, chosen: list[Account], on_result: Callable[[list[Failure]], None] | None = None) -> None:
        self.chosen = chosen
        self.on_result = on_result or (lambda _failures: None)
        self.passwords: dict[int | None, str | None] = {}
        self._told = 0.0

    def title(self) -> str:
        return QCoreApplication.translate("Fetching", "Fetch Now")

    def names(self) -> list[str]:
        return [a.name for a in self.chosen]

    def prepare(self, parent: QWidget) -> None:
        """Each account's password: the keyring's, or typed in a prompt (once per dialog; Cancel skips it)."""
        for account in self.chosen:
            if account.id not in self.passwords:
                self.passwords[account.id] = secrets.get(account) or ask_password(parent, account)

    def read(self, job: CaptureJob, me: Me, day_first: bool | None) -> ReadResult:
        def progress(index: int, n: int) -> bool:
            if job.cancel_requested:
                return False
            now = time.monotonic()
            if n == 0 or now - self._told >= PROGRESS_EVERY_S:
                self._told = now
                job.stepped.emit(index, n, 0)
            return True

        found = read_accounts([(a, self.passwords.get(a.id)) for a in self.chosen], me, progress=progress,
                              cancelled=lambda: job.cancel_requested)
        fetched = [f for f in found if isinstance(f, Fetched)]
        failed = [f for f in found if isinstance(f, Failure)]
        plan = CapturePlan([f.plan.files[0] for f in fetched], me)
        return FetchResult(plan, [], [], fetched=fetched, failed=failed, order=list(self.chosen))

    def reading_text(self, index: int, done: int, total: int) -> tuple[str, float]:
        names = self.names()
        name = names[index] if 0 <= index < len(names) else ""
        if done:
            #: Fetch Now, while reading an account: its name, then how many messages or events were read
            text = QCoreApplication.translate("Fetching", "Fetching {account}… ({n} read)").format(
                account=name, n=number(done))
        else:
            text = QCoreApplication.translate("Fetching", "Fetching {account}…").format(account=name)
        if len(names) > 1:
            #: Fetch Now with several accounts: "Fetching Work mail… — 1 of 2"
            text = QCoreApplication.translate("Fetching", "{text} — {i} of {n}").format(
                text=text, i=number(index + 1), n=number(len(names)))
        return text, 0.0

    def unreadable(self, result: ReadResult) -> tuple[str, str]:
        assert isinstance(result, FetchResult)
        self.on_result(result.failed)
        return (QCoreApplication.translate("Fetching", "Nothing could be fetched"),
                "\n".join(self.lines(result)) + "\n\n" + QCoreApplication.translate(
                    "Fetching", "Nothing was written. Check the account in Edit ▸ Preferences ▸ Accounts (Test "
                                "Connection says what is wrong), or try again when you are online."))

    def read_failed(self, exc: BaseException) -> tuple[str, str]:
        return (QCoreApplication.translate("Fetching", "Nothing could be fetched"),
                explain(exc, "") + "\n\n" + QCoreApplication.translate(
                    "Fetching", "Nothing was written: the journal is exactly as it was."))

    # --- written without asking -----------------------------------------------------------

    def settle(self, result: ReadResult) -> tuple[Callable[[], Any] | None, bool]:
        assert isinstance(result, FetchResult)
        todo = [f for f in result.fetched if f.account.auto_add or not offers(f)]
        if not todo:
            return None, False

        def work() -> dict[int, CaptureOutcome | Failure]:
            done: dict[int, CaptureOutcome | Failure] = {}
            for fetched in todo:
                keep = not fetched.account.auto_add or fetched.waiting == 0
                assert fetched.account.id is not None
                try:
                    done[fetched.account.id] = apply_fetch(fetched, keep_place=keep)
                except JournalError as exc:
                    done[fetched.account.id] = Failure(fetched.account, exc)
            return done

        return work, any(f.account.auto_add and f.plan.files[0].added for f in todo)

    def settled(self, result: ReadResult, value: Any) -> str | None:
        assert isinstance(result, FetchResult) and isinstance(value, dict)
        result.settled = value
        self.on_result(self.failures(result))
        written = [(f, value[f.account.id]) for f in result.fetched
                   if isinstance(value.get(f.account.id), CaptureOutcome)]
        if not any(o.added or o.contacts_created for _f, o in written):
            return None
        said = QCoreApplication.translate("Fetching", "{fetched} without asking").format(fetched=added_text(written))
        waiting = [f for f, _o in written if f.account.auto_add and f.waiting]
        return f"{said}; {waiting_text(waiting)}" if waiting else said

    def failures(self, result: FetchResult) -> list[Failure]:
        return [*result.failed, *(v for v in result.settled.values() if isinstance(v, Failure)),
                *result.write_failed]

    # --- the review -------------------------------------------------------------------

    def review(self, result: ReadResult) -> Review | None:
        assert isinstance(result, FetchResult)
        result.reviewed = []
        for fetched in result.fetched:
            settled = result.settled.get(fetched.account.id or 0)
            if fetched.account.auto_add:
                if fetched.waiting and isinstance(settled, CaptureOutcome):
                    result.reviewed.append(only_waiting(fetched))
            elif offers(fetched):
                result.reviewed.append(fetched)
        if not result.reviewed:
            return None
        plan = CapturePlan([f.plan.files[0] for f in result.reviewed], result.plan.me)
        return Review(plan, [], self.lines(result))

    def lines(self, result: FetchResult) -> list[str]:
        """A line per account: what the review offers from it, what went in without asking, or why not."""
        failed = {f.account.id: f for f in self.failures(result)}
        fetched = {f.account.id: f for f in result.fetched}
        reviewed = {f.account.id for f in result.reviewed}
        lines = []
        for account in result.order:
            name = account.name
            if account.id in failed:
                #: Fetch Now's review, an account that could not be read: its name, then why
                lines.append(QCoreApplication.translate("Fetching", "{account} — not fetched: {reason}").format(
                    account=name, reason=failed[account.id].reason()))
                continue
            f = fetched.get(account.id)
            if f is None:
                continue
            plan = f.plan.files[0]
            ignored = sum(plan.ignored.values())
            settled = result.settled.get(account.id or 0)
            if isinstance(settled, CaptureOutcome) and (settled.added or account.auto_add and plan.added):
                line = QCoreApplication.translate(
                    "Fetching", "{account} — {touches} added without asking, {already} already there").format(
                    account=name, touches=touches_text(settled.added), already=number(settled.already_there))
                if account.id in reviewed:
                    line += QCoreApplication.translate("Fetching", "; the people below wait for you")
                lines.append(line)
            elif account.id in reviewed and not account.auto_add:
                #: Fetch Now's review, one line per account: its name, its kind, what capture does with it
                lines.append(QCoreApplication.translate(
                    "Fetching", "{account} — {format}: {added} to add, {already} already there, {ignored} ignored")
                    .format(account=name, format=format_label(plan.label) or plan.format, added=number(plan.added),
                            already=number(plan.already_there), ignored=number(ignored)))
            elif account.id in reviewed:
                lines.append(QCoreApplication.translate("Fetching", "{account} — the people below wait for you")
                             .format(account=name))
            else:
                lines.append(QCoreApplication.translate("Fetching", "{account}: nothing new").format(account=name))
        return lines

    def nothing_to_review(self, result: ReadResult) -> tuple[str, str]:
        assert isinstance(result, FetchResult)
        written = [o for o in result.settled.values() if isinstance(o, CaptureOutcome)]
        added = sum(o.added for o in written)
        title = (QCoreApplication.translate("Fetching", "{touches} added without asking").format(
            touches=touches_text(added)) if added else QCoreApplication.translate("Fetching", "Nothing new"))
        lines = self.lines(result)
        if self.failures(result):
            lines += ["", QCoreApplication.translate("Fetching",
                                                     "Nothing was written for the accounts that were not fetched.")]
        return title, "\n".join(lines)

    # --- writing ----------------------------------------------------------------------

    def write(self, result: ReadResult, add: list[str], same_as: dict[str, int]) -> CaptureOutcome:
        assert isinstance(result, FetchResult)
        written, failed = write_accounts(result.reviewed, set(add), same_as)
        result.written, result.write_failed = written, failed
        if failed and not written:
            raise failed[0].error if isinstance(failed[0].error, JournalError) else JournalError(failed[0].reason())
        return combined([o for _f, o in written])

    def done_line(self, result: ReadResult) -> str:
        assert isinstance(result, FetchResult)
        self.on_result(self.failures(result))
        names = ", ".join(f.account.name for f, _o in result.written)
        lines = [QCoreApplication.translate("Fetching", "Fetched from {accounts}.").format(accounts=names)]
        lines += [QCoreApplication.translate("Fetching", "{account} — not written: {reason}").format(
            account=f.account.name, reason=f.reason()) for f in result.write_failed]
        return "\n".join(lines)

    def status_text(self, result: ReadResult, said: str) -> str:
        assert isinstance(result, FetchResult)
        names = ", ".join(f.account.name for f, _o in result.written)
        return QCoreApplication.translate("Fetching", "Fetched {accounts}: {summary}").format(
            accounts=names, summary=said)

    def ended(self) -> None:
        self.passwords.clear()  # typed passwords live as long as the dialog


def run_fetch(window: MainWindow) -> bool:
    """File ▸ Fetch Now: the Capture dialog on every account (window-modal, non-blocking).
    False when there is no account, or a capture dialog is open already (it is raised)."""
    for existing in window.findChildren(CaptureDialog):
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return False
    chosen = store.accounts()
    if not chosen:
        return False
    fetcher: Fetcher | None = getattr(window, "fetcher", None)
    if fetcher is not None:
        fetcher.cancel()  # an automatic fetch reading now would read the same again
    dialog = CaptureDialog(window, source=AccountSource(chosen, fetcher.fetched if fetcher is not None else None))
    dialog.open()
    QTimer.singleShot(0, dialog, dialog.start)  # let it paint first
    return True


class Fetcher(QObject):
    """The window's side of the accounts: whether Fetch Now can run, the status bar's "Fetched
    10:42", and the automatic fetch every N minutes (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.label = QLabel()
        self.label.setObjectName("fetchState")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.hide()
        window.statusBar().insertPermanentWidget(0, self.label)  # left of the journal's path
        self.failures: list[tuple[str, str]] = []  # (account, why) of the last fetch
        self.job: Job | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.fetch_in_background)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.setInterval(FIRST_AUTO_FETCH_MS)
        self.first.timeout.connect(self.fetch_in_background)
        self.has_accounts = False
        self._failures: list[Failure] = []  # of the automatic fetch under way
        self._waiting: list[Fetched] = []
        self._writing = False
        accounts_notifier().changed.connect(self.update)
        window.bus.reloaded.connect(self._reloaded)

    # --- what the window shows ---------------------------------------------------------

    def _reloaded(self) -> None:
        self.update()

    def journal_opened(self) -> None:
        """Another journal: its own accounts, no failure of the last one's; the automatic fetch starts over."""
        self.cancel()
        self.failures = []
        self.update()
        if self.timer.isActive():
            self.first.start()

    def update(self) -> None:
        """Fetch Now's state, the status bar's words and the timer, from the accounts and the preferences."""
        try:
            accounts = store.accounts() if not db.is_closed() and db.database is not None else []
        except JournalError:
            accounts = []
        self.has_accounts = bool(accounts)
        action = self.window.act.fetch_now
        action.setEnabled(self.has_accounts)
        action.setToolTip(self.window.act.fetch_tip(self.has_accounts))
        minutes = uiprefs.load().fetch_minutes
        if minutes and self.has_accounts:
            if self.timer.interval() != minutes * 60_000 or not self.timer.isActive():
                self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()
            self.first.stop()
        self._show_state(accounts)

    def _show_state(self, accounts: list[Account]) -> None:
        self.label.setVisible(bool(accounts))
        if not accounts:
            return
        if self.failures:
            name, why = self.failures[0]
            #: The status bar after a fetch that failed: the account and why
            text = QCoreApplication.translate("Fetching", "Last fetch failed: {account} — {reason}").format(
                account=name, reason=why)
            tip = "\n".join(f"{n}: {w}" for n, w in self.failures)
        else:
            latest = max((a.fetched_at for a in accounts if a.fetched_at), default=None)
            if latest is None:
                text = QCoreApplication.translate("Fetching", "Not fetched yet")
            else:
                #: The status bar: when the accounts were last fetched ("Fetched 10:42")
                text = QCoreApplication.translate("Fetching", "Fetched {when}").format(when=when_text(latest))
            tip = "\n".join(QCoreApplication.translate("Fetching", "{account}: {when}").format(
                account=a.name, when=when_text(a.fetched_at) if a.fetched_at else
                QCoreApplication.translate("Fetching", "never fetched")) for a in accounts)
        self.label.setText(text)
        self.label.setToolTip(QtGuiNs.convertFromPlainText(tip))

    def fetched(self, failures: list[Failure]) -> None:
        """A fetch ended (Fetch Now or automatic): the status bar follows."""
        self.failures = [(f.account.name, f.reason()) for f in failures]
        self.update()

    # --- the automatic fetch ------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def cancel(self) -> None:
        """Stop an automatic fetch that is reading (one that writes finishes: it is one transaction)."""
        if self.job is not None and self.job.running and not self._writing:
            self.job.cancel()
            self.job = None

    def stop(self) -> None:
        """The window closes: no more automatic fetches (one reading now stops)."""
        self.timer.stop()
        self.first.stop()
        self.cancel()

    def fetch_in_background(self) -> bool:
        """Fetch every account whose password the keyring has, without a dialog; False when not now."""
        w = self.window
        if self.busy or db.is_closed() or db.database is None or w.act.showing_sample() \
                or any(d.isVisible() for d in w.findChildren(CaptureDialog)):
            return False
        accounts = store.accounts()
        if not accounts:
            return False
        me = journal_me()
        if not me.keys:  # without the user's own addresses every message would count as theirs
            self._say(QCoreApplication.translate("Fetching", "Automatic fetch: say who you are first — File ▸ "
                                                             "Fetch Now asks"))
            return False
        chosen = [(a, secrets.get(a)) for a in accounts]
        holder: list[Job] = []

        def work(_report: Report) -> Any:
            job = holder[0]
            return read_accounts([(a, p) for a, p in chosen if p], me, cancelled=lambda: job.cancel_requested)

        self.job = job = Job(work, name="fetch")
        holder.append(job)
        self._failures = [Failure(a, None) for a, p in chosen if not p]  # no password: not fetched
        job.succeeded.connect(self._read)
        job.failed.connect(self._failed)
        job.start()
        return True

    def _read(self, found: list[Fetched | Failure]) -> None:
        if self.sender() is not self.job:
            return
        fetched = [f for f in found if isinstance(f, Fetched)]
        failures = [*(f for f in found if isinstance(f, Failure)), *self._failures]
        todo = [f for f in fetched if f.account.auto_add or not offers(f)]
        waiting = [f for f in fetched if not f.account.auto_add and offers(f)]
        if any(f.account.auto_add and f.plan.files[0].added for f in todo):
            try:
                backup.backup_before("fetch")
            except JournalError as exc:
                self._say(QCoreApplication.translate("Fetching", "Automatic fetch: no backup could be taken, so "
                                                                 "nothing was written: {error}").format(
                    error=i18n.say_error(exc)))
                todo = [f for f in todo if not (f.account.auto_add and f.plan.files[0].added)]
                waiting += [f for f in fetched if f.account.auto_add and f.plan.files[0].added]

        def work(_report: Report) -> Any:
            done: list[tuple[Fetched, CaptureOutcome | Failure]] = []
            for f in todo:
                try:
                    done.append((f, apply_fetch(f, keep_place=not f.account.auto_add or f.waiting == 0)))
                except JournalError as exc:
                    done.append((f, Failure(f.account, exc)))
            return done

        self._failures, self._waiting = failures, waiting
        self._writing = True
        self.job = job = Job(work, name="fetch-apply")
        job.succeeded.connect(self._written)
        job.failed.connect(self._failed)
        job.start()

    def _written(self, done: list[tuple[Fetched, CaptureOutcome | Failure]]) -> None:
        if self.sender() is not self.job:
            return
        self.job, self._writing = None, False
        waiting, failures = self._waiting, self._failures
        written = [(f, o) for f, o in done if isinstance(o, CaptureOutcome)]
        failures = [*failures, *(o for _f, o in done if isinstance(o, Failure))]
        said = []
        if any(o.added or o.contacts_created for _f, o in written):
            outcome = combined([o for _f, o in written])
            bus = self.window.bus
            bus.undo_stack.clear()  # written behind the user's back: an undo must not skip it
            bus.announce(outcome.changes)
            self.window.keeper.ensure_current()
            said.append(added_text(written))
        people = [f for f, _o in written if f.account.auto_add and f.waiting]
        if people:
            said.append(waiting_text(people))
        if waiting:
            names = ", ".join(f.account.name for f in waiting)
            said.append(QCoreApplication.translate("Fetching", "New touches are waiting in {accounts} — File ▸ Fetch "
                                                               "Now shows them").format(accounts=names))
        if failures and not said:
            said.append(QCoreApplication.translate("Fetching", "Automatic fetch: {account} — {reason}").format(
                account=failures[0].account.name, reason=failures[0].reason()))
        self.fetched(failures)
        if said:
            self._say("; ".join(said))

    def _failed(self, exc: BaseException) -> None:
        if self.sender() is not self.job:
            return
        self.job, self._writing = None, False
        log.info("Automatic fetch failed: %s", type(exc).__name__)
        self._say(QCoreApplication.translate("Fetching", "Automatic fetch failed: {error}").format(
            error=explain(exc, "")))

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)


def when_text(stamp: str) -> str:
    """ "10:42" today, else the date and time in the window's short format."""
    moment = QDateTime.fromString(stamp[:19], Qt.DateFormat.ISODate)
    if not moment.isValid():
        return stamp
    if moment.date() == QDateTime.currentDateTime().date():
        return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)

