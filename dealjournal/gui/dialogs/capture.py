"""File ▸ Capture Conversations: touches read from exported mail, calendars, LinkedIn and
chats, reviewed before anything is written (DOMAIN.md, *Captured touches*).

The dialog goes through these steps, one page each:

1. **Reading** — the files are read and planned in a worker thread (:class:`CaptureJob`):
   "Reading 2 of 3: All mail.mbox" over a progress bar; Cancel stops it and nothing is
   written. A file that is not a conversation export is left out and named in the review.
2. **Is this you?** — when the journal does not know the user's own identities yet, or a
   file names some it does not know (its ``me_hints``), they are offered, ticked, with a box
   for more; they are saved (Preferences ▸ Me) and the files read again. Asked once.
   **Day or month first?** — a chat whose dates read both ways is asked about once, with
   examples from the file, and read again.
3. **Review** (:mod:`dealjournal.gui.dialogs.capture_review`) — per file its format and
   counts, the touches to add by contact, how many are already there, what was ignored and
   why, and the people who aren't in the journal: tick to add them as contacts, or name the
   contact they are.
4. **Capturing** — a backup first (UI thread, like imports), then one transaction in the
   worker: all or nothing.
5. **Done** — what was added; every view reloads (as after an import).

What is read and how it is written are pluggable (:class:`CaptureSource`): the files the
user chose (:class:`FileSource`, :func:`~dealjournal.capture.plan_capture` then
:func:`~dealjournal.capture.apply_capture`), or File ▸ Fetch Now's accounts
(:class:`dealjournal.gui.fetching.AccountSource`, one
:func:`~dealjournal.accounts.plan_fetch` and :func:`~dealjournal.accounts.apply_fetch` per
account). A source may also write something right after reading, before the review
(:meth:`CaptureSource.settle`: an account's matched touches, added without asking).

User text is shown as plain text throughout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dealjournal import capture
from dealjournal.capture import (
    CaptureCancelled,
    CaptureOutcome,
    CapturePlan,
    DateOrderUnknown,
    Me,
)
from dealjournal.conversations.model import Party
from dealjournal.errors import JournalError
from dealjournal.gui import commands, i18n
from dealjournal.gui.dialogs.capture_review import ReviewPage, number
from dealjournal.gui.forms import plain
from dealjournal.gui.importing import Job, Report, after_import, explain
from dealjournal.importers import ImportCancelled
from dealjournal.safety import backup
from dealjournal.store import settings

if TYPE_CHECKING:
    from dealjournal.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)
LAST_FOLDER_KEY = "capture/lastFolder"  # QSettings: where the file dialog opens
ME_CANDIDATES = 8  # people offered as "you" when the journal and the files say nothing


class CaptureJob(Job):
    """A :class:`~dealjournal.gui.importing.Job` that also says which file it is reading."""

    stepped = Signal(int, int, int)  # file index, bytes read in it, its size

    def __init__(self, work: Any, name: str = "capture") -> None:
        super().__init__(work, name)
        self._step = (-1, -1)

    def file_report(self, index: int, done: int, total: int) -> bool:
        """Called by :func:`dealjournal.capture.plan_capture` in the worker; False once cancelled."""
        if self.cancel_requested:
            return False
        step = (index, (200 * done) // max(total, 1))
        if step != self._step:
            self._step = step
            self.stepped.emit(index, done, total)
        return True


@dataclass
class ReadResult:
    """What reading gave: the plan of the readable files, and those left out (path, why: the
    core's sentence, a :class:`~dealjournal.phrases.Phrase` to show with :func:`~dealjournal.gui.i18n.say`)."""

    plan: CapturePlan
    paths: list[Path]
    skipped: list[tuple[Path, str]]


@dataclass
class Review:
    """What the review page shows: the plan to decide on, what was left out, and (when the
    source words them itself) the lines naming each source."""

    plan: CapturePlan
    skipped: list[tuple[Path, str]]
    lines: list[str] | None = None


class CaptureSource:
    """Where a capture reads from and how it writes: the dialog's pluggable steps.

    :meth:`read` and :meth:`write` (and the work :meth:`settle` returns) run in the worker
    thread; everything else in the UI thread. This base class reads and writes nothing."""

    accounts = False  # the review speaks of what was fetched rather than of "these files"
    busy = False  # reading has no steps to count: the progress bar only says it is busy
    backup_reason = "capture"

    def title(self) -> str:
        return QApplication.translate("CaptureDialog", "Capture Conversations")

    def names(self) -> list[str]:
        """What is being read, for the progress line."""
        return []

    def prepare(self, parent: QWidget) -> None:
        """Before each reading, in the UI thread (an account asks for its password here)."""

    def read(self, job: CaptureJob, me: Me, day_first: bool | None) -> ReadResult:
        raise NotImplementedError

    def reading_text(self, index: int, done: int, total: int) -> tuple[str, float]:
        """The progress line and how far reading is (0 to 1)."""
        return "", 0.0

    def unreadable(self, result: ReadResult) -> tuple[str, str]:
        """Title and text when nothing could be read."""
        raise NotImplementedError

    def read_failed(self, exc: BaseException) -> tuple[str, str]:
        """Title and text when reading stopped with an error."""
        raise NotImplementedError

    def settle(self, result: ReadResult) -> tuple[Callable[[], Any] | None, bool]:
        """What is written right after reading, without the review: the worker's work (None:
        nothing) and whether a backup is taken first. Its value goes to :meth:`settled`."""
        return None, False

    def settled(self, result: ReadResult, value: Any) -> str | None:
        """The settling work's *value* arrived; the status bar's words when it wrote something."""
        return None

    def review(self, result: ReadResult) -> Review | None:
        """What the review shows; None when there is nothing to decide (:meth:`nothing_to_review`)."""
        return Review(result.plan, result.skipped)

    def nothing_to_review(self, result: ReadResult) -> tuple[str, str]:
        return "", ""

    def write(self, result: ReadResult, add: list[str], same_as: dict[str, int]) -> CaptureOutcome:
        raise NotImplementedError

    def done_line(self, result: ReadResult) -> str:
        """The summary's first line: where it was captured from."""
        return ""

    def status_text(self, result: ReadResult, said: str) -> str:
        """The status bar's words once written."""
        return said

    def ended(self) -> None:
        """The dialog closes (whatever happened)."""


class FileSource(CaptureSource):
    """Exported files: :func:`~dealjournal.capture.plan_capture`, then :func:`~dealjournal.capture.apply_capture`."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths

    def names(self) -> list[str]:
        return [p.name for p in self.paths]

    def read(self, job: CaptureJob, me: Me, day_first: bool | None) -> ReadResult:
        readable, skipped = _sniff(list(self.paths))
        if not readable:
            return ReadResult(CapturePlan([], me), [], skipped)
        try:
            plan = capture.plan_capture(readable, me, progress=job.file_report, day_first=day_first)
        except CaptureCancelled:
            raise ImportCancelled("capture cancelled") from None
        return ReadResult(plan, readable, skipped)

    def reading_text(self, index: int, done: int, total: int) -> tuple[str, float]:
        names = self.names()
        n = len(names)
        name = names[index] if 0 <= index < n else ""
        #: Capture, while reading: "Reading 2 of 3: All mail.mbox"
        text = QApplication.translate("CaptureDialog", "Reading {i} of {n}: {file}").format(
            i=number(index + 1), n=number(n), file=name)
        return text, (index + min(done / max(total, 1), 1.0)) / max(n, 1)

    def unreadable(self, result: ReadResult) -> tuple[str, str]:
        reasons = "\n".join(f"{p.name}: {i18n.say(why)}" for p, why in result.skipped)
        return (QApplication.translate("CaptureDialog", "None of these files can be captured"),
                reasons + "\n\n" + QApplication.translate(
                    "CaptureDialog", "Nothing was written. Choose mailboxes (mbox, Maildir, .eml), calendars (.ics), "
                                     "a LinkedIn export or a WhatsApp or Telegram chat export."))

    def read_failed(self, exc: BaseException) -> tuple[str, str]:
        text = explain(exc, self.paths[0].name if self.paths else "")
        return (QApplication.translate("CaptureDialog", "The files cannot be captured"),
                text + "\n\n" + QApplication.translate("CaptureDialog",
                                                        "Nothing was written: the journal is exactly as it was."))

    def write(self, result: ReadResult, add: list[str], same_as: dict[str, int]) -> CaptureOutcome:
        return capture.apply_capture(result.plan, add=add, same_as=same_as)

    def done_line(self, result: ReadResult) -> str:
        names = ", ".join(p.name for p in result.paths)
        return QApplication.translate("CaptureDialog", "Captured from {files}.").format(files=names)

    def status_text(self, result: ReadResult, said: str) -> str:
        names = ", ".join(p.name for p in result.paths)
        return QApplication.translate("CaptureDialog", "Captured {files}: {summary}").format(files=names, summary=said)


def _title(text: str = "") -> QLabel:
    label = plain(QLabel(text))
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label


def party_text(party: Party) -> str:
    """An identity as the "Is this you?" list shows it: "Ada Byron <ada@example.com>"."""
    if party.name and party.name != party.value:
        return f"{party.name} <{party.value}>"
    return party.value


class ReadingPage(QWidget):
    def __init__(self, parent: QWidget | None = None, *, accounts: bool = False) -> None:
        super().__init__(parent)
        self.title = _title(self.tr("Fetching from your accounts…") if accounts else self.tr("Reading the files…"))
        self.state = plain(QLabel())
        self.state.setObjectName("readingState")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Fetching progress") if accounts else self.tr("Reading progress"))
        note = plain(QLabel(
            self.tr("Only the headers of your mail and your calendars' events are read. Nothing is written until you "
                    "have seen what was fetched, except the touches of accounts you set to add them without asking. "
                    "Cancel stops fetching.") if accounts else
            self.tr("Nothing is written until you have seen what the files hold. Cancel stops reading.")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.progress)
        layout.addWidget(note)
        layout.addStretch(1)


class MePage(QWidget):
    """ "Is this you?": the identities the files say are the user's, ticked, and a box for more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _title(self.tr("Is this you?"))
        self.intro = plain(QLabel())
        self.hints = QListWidget()
        self.hints.setAccessibleName(self.tr("Addresses and names that may be yours"))
        more = plain(QLabel(self.tr("&Other addresses, numbers or chat names of yours (one per line):")))
        self.more = QPlainTextEdit()
        self.more.setAccessibleName(self.tr("Other identities of yours, one per line"))
        self.more.setTabChangesFocus(True)
        self.more.setPlaceholderText("ada@example.com\n+44 20 7946 0000")
        self.more.setMaximumHeight(self.more.fontMetrics().height() * 5)
        more.setBuddy(self.more)
        note = plain(QLabel(self.tr("What you sent counts as “out”, what others sent you as “in”. Your "
                                     "identities are kept in Edit ▸ Preferences ▸ Me.")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.hints)
        layout.addWidget(more)
        layout.addWidget(self.more)
        layout.addWidget(note)
        layout.addStretch(1)

    def offer(self, ticked: list[Party], unticked: list[Party], *, accounts: bool = False) -> None:
        self.hints.clear()
        for party, state in [(p, Qt.CheckState.Checked) for p in ticked] + [(p, Qt.CheckState.Unchecked)
                                                                             for p in unticked]:
            item = QListWidgetItem(party_text(party))
            item.setData(Qt.ItemDataRole.UserRole, party.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(state)
            self.hints.addItem(item)
        self.hints.setVisible(self.hints.count() > 0)
        rows = max(1, min(self.hints.count(), ME_CANDIDATES))  # as tall as its items, up to 8
        self.hints.setFixedHeight(rows * (self.hints.sizeHintForRow(0) if self.hints.count() else 20)
                                  + 2 * self.hints.frameWidth() + 4)
        if ticked and accounts:
            self.intro.setText(self.tr(
                "Your accounts say the addresses below are yours. Untick any that are not you, and add others "
                "you use."))
        elif ticked:
            self.intro.setText(self.tr(
                "These files say the addresses below are yours. Untick any that are not you, and add others "
                "you use."))
        elif unticked:
            self.intro.setText(self.tr(
                "Deal Journal doesn't know your own addresses yet. Tick the ones below that are you, or type them."))
        else:
            self.intro.setText(self.tr("Deal Journal doesn't know your own addresses yet. Type the ones you use."))

    def chosen(self) -> list[str]:
        """The identities ticked or typed."""
        picked = [str(self.hints.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.hints.count())
                  if self.hints.item(i).checkState() == Qt.CheckState.Checked]
        return picked + [line.strip() for line in self.more.toPlainText().splitlines() if line.strip()]

    def declined(self) -> list[str]:
        return [str(self.hints.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.hints.count())
                if self.hints.item(i).checkState() != Qt.CheckState.Checked]


class OrderPage(QWidget):
    """ "Day first or month first?" for a chat whose dates read both ways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _title(self.tr("Day first or month first?"))
        self.intro = plain(QLabel())
        self.examples = plain(QLabel())
        self.examples.setObjectName("examples")
        self.day_first = QRadioButton(self.tr("&Day first: 03/04 is the 3rd of April"))
        self.month_first = QRadioButton(self.tr("&Month first: 03/04 is March 4th"))
        group = QButtonGroup(self)
        group.addButton(self.day_first)
        group.addButton(self.month_first)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.examples)
        layout.addWidget(self.day_first)
        layout.addWidget(self.month_first)
        layout.addStretch(1)

    def ask(self, exc: DateOrderUnknown) -> None:
        self.intro.setText(i18n.say_error(exc))
        shown = [" ".join(str(e).split())[:80] for e in exc.examples[:6]]
        self.examples.setText(self.tr("Dates in the file:") + "\n" + "\n".join(f"  {e}" for e in shown))
        self.examples.setVisible(bool(shown))
        short = QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower()
        day_first = 0 <= short.find("d") < short.find("m")
        (self.day_first if day_first else self.month_first).setChecked(True)  # the window's habit first


class MessagePage(QWidget):
    """A title and some plain text: the summary when done, or why nothing can be captured."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _title()
        self.text = plain(QLabel())
        self.text.setObjectName("message")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: writing has no steps to count
        self.progress.setAccessibleName(self.tr("Capturing"))
        self.progress.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.progress)
        layout.addStretch(1)

    def say(self, title: str, text: str, *, busy: bool = False) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.progress.setVisible(busy)


class CaptureDialog(QDialog):
    """Capture conversations from files (or fetch from accounts); see the module docstring."""

    READING, ME, ORDER, REVIEW, MESSAGE = range(5)

    def __init__(self, window: MainWindow, paths: list[Path] | None = None, *,
                 source: CaptureSource | None = None) -> None:
        super().__init__(window)
        self.main = window
        self.bus = window.bus
        self.paths = [Path(p) for p in paths or []]
        self.source: CaptureSource = source if source is not None else FileSource(self.paths)
        self.setWindowTitle(self.source.title())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.job: CaptureJob | None = None
        self.read_result: ReadResult | None = None
        self.outcome: CaptureOutcome | None = None
        self.backup_info: backup.BackupInfo | None = None
        self.backed_up = False  # a backup was taken by this dialog (a second write needs none)
        self.day_first: bool | None = None
        self.asked_me = self.asked_order = False
        self.writing = self.captured = False
        self.settled_text: str | None = None  # what was written without the review (the status bar's words)
        self.declined: set[str] = set()  # identities the user said are not theirs (this time)

        self.stack = QStackedWidget()
        self.reading_page = ReadingPage(accounts=self.source.accounts)
        self.me_page = MePage()
        self.order_page = OrderPage()
        self.review_page = ReviewPage(accounts=self.source.accounts)
        self.message_page = MessagePage()
        for page in (self.reading_page, self.me_page, self.order_page, self.review_page, self.message_page):
            self.stack.addWidget(page)
        self.review_page.changed.connect(self._update_buttons)
        self.buttons = QDialogButtonBox()
        self.go = QPushButton(self.tr("&Capture"))
        self.go.setDefault(True)
        self.buttons.addButton(self.go, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.go.clicked.connect(self._go)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(720, 520)
        self.resize(920, 680)

    # --- reading ----------------------------------------------------------------------

    def start(self) -> None:
        """Read (again) in the worker, with the journal's Me as it is now."""
        self._cancel_job()
        source = self.source
        self._show(self.READING)
        self._reading(0, 0, 1)
        source.prepare(self)
        me = capture.journal_me()
        day_first = self.day_first
        self.read_result = None

        holder: list[CaptureJob] = []  # this job, whichever job the dialog runs by the time it reports

        def work(report: Report) -> Any:
            return source.read(holder[0], me, day_first)

        self.job = job = CaptureJob(work)
        holder.append(job)
        # Bound methods, not lambdas: Qt drops the connections when the dialog is deleted.
        job.stepped.connect(self._stepped)
        job.succeeded.connect(self._read)
        job.failed.connect(self._read_failed)
        job.cancelled.connect(self._read_cancelled)
        job.start()

    def _current(self) -> bool:
        return self.job is not None and self.sender() is self.job

    def _stepped(self, index: int, done: int, total: int) -> None:
        if self._current():
            self._reading(index, done, total)

    def _reading(self, index: int, done: int, total: int) -> None:
        text, whole = self.source.reading_text(index, done, total)
        self.reading_page.state.setText(text)
        if self.source.busy:
            self.reading_page.progress.setRange(0, 0)
        else:
            self.reading_page.progress.setValue(int(1000 * whole))

    def _read(self, value: Any) -> None:
        if not self._current():
            return
        assert isinstance(value, ReadResult)
        self.read_result = value
        if not value.plan.files:
            self._message(*self.source.unreadable(value))
            return
        if self._ask_me(value.plan):
            return
        self._settle(value)

    def _read_failed(self, exc: BaseException) -> None:
        if not self._current():
            return
        if isinstance(exc, DateOrderUnknown) and not self.asked_order:
            self.order_page.ask(exc)
            self._show(self.ORDER)
            return
        self._message(*self.source.read_failed(exc))

    def _read_cancelled(self) -> None:
        if self._current():
            self._message(self.tr("Reading was stopped"), self.tr("Nothing was written."))

    def _cancel_job(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()

    # --- what goes in without the review ------------------------------------------------

    def _settle(self, result: ReadResult) -> None:
        """Write what the source adds without asking (a backup first when it says so), then review."""
        work, needs_backup = self.source.settle(result)
        if work is None:
            self._review(result)
            return
        if needs_backup and not self._backup():
            return
        self.writing = True
        self._message(self.tr("Capturing"), self.tr("Writing to the journal…"), busy=True)
        settle_work = work
        self.job = job = CaptureJob(lambda _report: settle_work(), name="capture-settle")
        job.succeeded.connect(self._settled)
        job.failed.connect(self._capture_failed)
        job.cancelled.connect(self._capture_failed)
        job.start()

    def _settled(self, value: Any) -> None:
        if not self._current() or self.read_result is None:
            return
        self.writing = False
        said = self.source.settled(self.read_result, value)
        if said:
            self.settled_text = said
            after_import(self.main, said)
        self._review(self.read_result)

    def _review(self, result: ReadResult) -> None:
        shown = self.source.review(result)
        if shown is None:
            self.captured = bool(self.settled_text)
            self._message(*self.source.nothing_to_review(result))
            return
        self.review_page.show_plan(shown.plan, shown.skipped, lines=shown.lines)
        self._show(self.REVIEW)

    # --- the questions ----------------------------------------------------------------

    def _ask_me(self, plan: CapturePlan) -> bool:
        """Show "Is this you?" when the journal knows no identity of the user's, or a file names
        one it does not know (once per dialog). True when asked."""
        if self.asked_me:
            return False
        me = plan.me
        hints: dict[str, Party] = {}
        for f in plan.files:
            for party in f.me_hints:
                key = me.key(party)
                if key not in me.keys and party.value not in self.declined:
                    hints.setdefault(key, party)
        if me.keys and not hints:
            return False
        others: list[Party] = []
        if not hints:  # nothing said by the files: offer the people who wrote most (one of them may be you)
            counts: dict[str, tuple[int, Party]] = {}
            for f in plan.files:
                for p in f.unmatched:
                    before = counts.get(p.key, (0, p.party))[0]
                    counts[p.key] = (before + p.messages, p.party)
            ranked = sorted(counts.items(), key=lambda item: (-item[1][0], item[0]))
            others = [party for _key, (_n, party) in ranked[:ME_CANDIDATES]]
        self.asked_me = True
        self.me_page.offer(list(hints.values()), others, accounts=self.source.accounts)
        self._show(self.ME)
        return True

    def _me_answered(self) -> None:
        chosen = self.me_page.chosen()
        self.declined.update(self.me_page.declined())
        if chosen:
            stored = settings.load_capture()
            if not commands.update_capture_settings(self.bus, self, me=[*stored.me, *chosen],
                                                    phone_region=stored.phone_region):
                return
        self.start()

    def _order_answered(self) -> None:
        self.asked_order = True
        self.day_first = self.order_page.day_first.isChecked()
        self.start()

    # --- capturing --------------------------------------------------------------------

    def _backup(self) -> bool:
        """The backup before writing, in the UI thread (it needs this thread's connection); once
        per dialog. False (and said) when none could be taken: nothing is written then."""
        if self.backed_up:
            return True
        self._message(self.tr("Capturing"), self.tr("Taking a backup of the journal first…"), busy=True)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.backup_info = backup.backup_before(self.source.backup_reason)
        except JournalError as exc:
            self._message(self.tr("Nothing was captured"), self.tr("No backup could be taken: {error}").format(
                error=i18n.say_error(exc)))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.backed_up = True
        return True

    def start_capture(self) -> None:
        """The backup in the UI thread, then the writes in the worker."""
        if self.read_result is None or self.writing or not self.review_page.writes_anything():
            return
        result, source = self.read_result, self.source
        add = sorted(self.review_page.people.add)
        same_as = {key: cid for key, (cid, _name) in self.review_page.people.same_as.items()}
        self.writing = True
        if not self._backup():
            self.writing = False
            return

        def work(_report: Report) -> Any:
            return source.write(result, add, same_as)

        self.message_page.say(self.tr("Capturing"), self.tr("Writing to the journal…"), busy=True)
        self._show(self.MESSAGE)
        self.job = job = CaptureJob(work, name="capture-apply")
        job.succeeded.connect(self._captured)
        job.failed.connect(self._capture_failed)
        job.cancelled.connect(self._capture_failed)
        job.start()

    def _captured(self, value: Any) -> None:
        if not self._current() or self.read_result is None:
            return
        assert isinstance(value, CaptureOutcome)
        self.writing, self.captured, self.outcome = False, True, value
        said = self.outcome_text(value)
        backup_line = (self.tr("A backup of the journal was taken first: {file}").format(file=self.backup_info.path.name)
                       if self.backup_info is not None
                       else self.tr("The journal was empty before, so no backup was needed."))
        self._message(said, "\n".join(line for line in [
            self.source.done_line(self.read_result), backup_line,
            self.tr("Captured entries are marked with where they came from (“mail”, “calendar”…) on the "
                    "timelines and in the Journal, and can be edited or deleted like any other.")] if line))
        after_import(self.main, self.source.status_text(self.read_result, said))

    def outcome_text(self, outcome: CaptureOutcome) -> str:
        """ "48 touches added, 3 already there, 2 new contacts"."""
        added = (self.tr("{n} touch added") if outcome.added == 1 else self.tr("{n} touches added")).format(
            n=number(outcome.added))
        already = self.tr("{n} already there").format(n=number(outcome.already_there))
        created = (self.tr("{n} new contact") if outcome.contacts_created == 1 else self.tr("{n} new contacts")).format(
            n=number(outcome.contacts_created))
        #: After a capture: "48 touches added", "3 already there", "2 new contacts"
        return self.tr("{added}, {already}, {created}").format(added=added, already=already, created=created)

    def _capture_failed(self, exc: BaseException | None = None) -> None:
        if not self._current():
            return
        self.writing = False
        text = explain(exc, "") if isinstance(exc, BaseException) else ""
        self._message(self.tr("Nothing was captured"),
                      "\n\n".join(t for t in (text, self.tr("The journal is exactly as it was.")) if t))

    # --- pages and buttons ------------------------------------------------------------

    def _message(self, title: str, text: str, *, busy: bool = False) -> None:
        self.message_page.say(title, text, busy=busy)
        self._show(self.MESSAGE)

    def _show(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self._update_buttons()
        if page == self.REVIEW:
            focus: QWidget = self.review_page.people_view if self.review_page.people.rowCount() else self.go
            focus.setFocus()
        elif page == self.ME:
            (self.me_page.hints if self.me_page.hints.count() else self.me_page.more).setFocus()

    def _update_buttons(self) -> None:
        page = self.stack.currentIndex()
        self.go.setVisible(page in (self.ME, self.ORDER, self.REVIEW))
        self.go.setText(self.tr("&Capture") if page == self.REVIEW else self.tr("Co&ntinue"))
        self.go.setEnabled(page != self.REVIEW or self.review_page.writes_anything())
        ended = page == self.MESSAGE and not self.writing
        self.cancel_button.setText(self.tr("&Close") if ended else self.tr("Cancel"))
        self.cancel_button.setEnabled(not self.writing)

    def _go(self) -> None:
        page = self.stack.currentIndex()
        if page == self.ME:
            self._me_answered()
        elif page == self.ORDER:
            self._order_answered()
        elif page == self.REVIEW:
            self.start_capture()

    def offer_paths(self, paths: list[Path]) -> bool:
        """Files dropped while the dialog is open: read with the others, unless it is writing or
        done, or fetches from accounts. Whether it took them."""
        if self.writing or self.captured or not isinstance(self.source, FileSource):
            return False
        new = [Path(p) for p in paths if Path(p) not in self.paths]
        if new:
            self.paths += new
            self.start()
        return True

    def reject(self) -> None:
        """Cancel: stops reading (nothing is written) and closes; while writing it waits."""
        if self.writing:
            return
        self._cancel_job()
        self.source.ended()
        super().reject()


def _sniff(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The paths a conversation reader reads, and the others with why not (in the worker)."""
    from dealjournal.conversations.detect import reader_class

    readable, skipped = [], []
    for path in paths:
        try:
            reader_class(path)
        except JournalError as exc:  # its message as the core wrote it: translated in the UI thread
            skipped.append((path, exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)))
        else:
            readable.append(path)
    return readable, skipped


def is_conversation(path: Path) -> bool:
    """Whether a conversation reader reads *path* (a dropped file goes to Capture, else to Import)."""
    from dealjournal.conversations.detect import reader_class

    try:
        reader_class(path)
    except JournalError:
        return False
    return True


def run_capture(window: MainWindow, paths: list[Path]) -> bool:
    """Open the Capture dialog (window-modal, non-blocking) on *paths* and start reading. False
    when one is open already (it is raised, and takes the files while it has not written)."""
    for existing in window.findChildren(CaptureDialog):
        if existing.isVisible():
            existing.offer_paths(paths)
            existing.raise_()
            existing.activateWindow()
            return False
    if not paths:
        return False
    dialog = CaptureDialog(window, paths)
    dialog.open()
    QTimer.singleShot(0, dialog, dialog.start)  # let it paint first
    return True


def _last_folder() -> str:
    value = QSettings().value(LAST_FOLDER_KEY, "")
    return value if isinstance(value, str) and value and Path(value).is_dir() else str(Path.home())


def choose_and_capture(window: MainWindow, *, folder: bool = False) -> bool:
    """File ▸ Capture Conversations…: choose exported files (or a Maildir folder), then capture."""
    title = QApplication.translate("CaptureDialog", "Capture conversations")
    if folder:
        name = QFileDialog.getExistingDirectory(window, QApplication.translate(
            "CaptureDialog", "Choose a Maildir mail folder"), _last_folder())
        paths = [Path(name)] if name else []
    else:
        filters = ";;".join((
            QApplication.translate("CaptureDialog", "All files (*)"),
            QApplication.translate("CaptureDialog", "Mailboxes, calendars and chats (*.mbox *.mbx *.eml *.ics "
                                                    "*.csv *.zip *.txt *.json)")))
        names, _ = QFileDialog.getOpenFileNames(window, title, _last_folder(), filters)
        paths = [Path(n) for n in names]
    if not paths:
        return False
    QSettings().setValue(LAST_FOLDER_KEY, str(paths[0] if folder else paths[0].parent))
    return run_capture(window, paths)
