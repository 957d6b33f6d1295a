"""The import wizard: file and format → column mapping (other CSV only) → preview before
writing → import (cancellable, all or nothing) → done.

The preview lists every row of the file — new, merged, skipped — with a filter by what
happens and sortable columns, and says what the new contacts get: tags, a stage and a
keep-in-touch choice (a LinkedIn file of more than 50 people starts at "don't flag until I
choose": they wait for Contacts ▸ Triage…). Enter on the preview imports.

The page layouts are Designer forms (``ui/import_*.ui``). Reading, planning, the backup
and the writes run in a worker thread (:class:`~dealjournal.gui.importing.Job`); while the
import writes, only Cancel is enabled and cancelling rolls everything back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
    QWizard,
)

from dealjournal import contact_import, importers, interchange
from dealjournal.contact_import import ON_DUPLICATE, ForNew, ImportPlan
from dealjournal.domain import STAGES
from dealjournal.errors import FormatError, JournalError
from dealjournal.gui import i18n, labels
from dealjournal.gui.dialogs.import_pages import (
    DONE,
    FILE,
    MAPPING,
    PREVIEW,
    RUN,
    FilePage,
    FormPage,
    MappingPage,
)
from dealjournal.gui.importing import SHOW_CHOICES, Job, PlanRowsModel, Report, after_import, explain
from dealjournal.importers import ImportCancelled
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.safety import backup

if TYPE_CHECKING:
    from dealjournal.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)
# Shown translated in the context ImportWizard (QCoreApplication.translate("ImportWizard", …)).
STOPPED = QT_TRANSLATE_NOOP("ImportWizard",
                            "The import was stopped. Nothing was written: the journal is exactly as it was.")
TABLE_CAPTION = QT_TRANSLATE_NOOP("ImportWizard",
                                  "&Rows of the file and what happens to each (click a column title to sort):")
# The keep-in-touch choices for the new contacts: (label, code), shown translated in the context ImportWizard.
CADENCE_CHOICES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("ImportWizard", "Stage default"), "default"),
    (QT_TRANSLATE_NOOP("ImportWizard", "Every …"), "days"),
    (QT_TRANSLATE_NOOP("ImportWizard", "Don't flag (0)"), "never"),
    (QT_TRANSLATE_NOOP("ImportWizard", "Don't flag until I choose (triage them later)"), "triage"))
__all__ = ["DONE", "FILE", "MAPPING", "PREVIEW", "RUN", "ImportWizard"]


def _wizard_text(english: str) -> str:
    return QCoreApplication.translate("ImportWizard", english)


class PreviewPage(FormPage):
    form_name = "import_preview"

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Preview"),
                         self.tr("Nothing has been written yet. Check what the import will do."))
        self.summary = self.child(QLabel, "summary")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)
        self.busy = self.child(QWidget, "busy")
        self.progress = self.child(QProgressBar, "progress")
        self.stop = self.child(QPushButton, "stop")
        self.error = self.child(QLabel, "error")
        self.duplicates_box = self.child(QWidget, "duplicatesBox")
        self.duplicates = self.child(QComboBox, "duplicates")
        self.table_label = self.child(QLabel, "tableLabel")
        self.table = self.child(QTableView, "table")
        self.warnings_label = self.child(QLabel, "warningsLabel")
        self.warnings = self.child(QListWidget, "warnings")
        self.new_box = self.child(QGroupBox, "newBox")
        self.tags = self.child(QLineEdit, "tags")
        self.stage = self.child(QComboBox, "stage")
        for stage in STAGES:
            self.stage.addItem(labels.stage(stage), stage)
        self.cadence = self.child(QComboBox, "cadence")
        for label, code in CADENCE_CHOICES:
            self.cadence.addItem(_wizard_text(label), code)
        self.days = self.child(QSpinBox, "days")
        self.days.valueChanged.connect(self._name_days)
        self._name_days(self.days.value())
        self.triage_hint = self.child(QLabel, "triageHint")
        self.cadence.currentIndexChanged.connect(lambda _i: self._show_cadence())
        self.cadence.activated.connect(self._cadence_picked)
        self.cadence_chosen = False  # the user picked a keep-in-touch choice: a re-plan keeps it
        self.show_box = self.child(QWidget, "showBox")
        self.show_rows = self.child(QComboBox, "show")
        self.model = PlanRowsModel(self)
        self.show_rows.currentIndexChanged.connect(lambda _i: self.model.show_only(self.show_rows.currentData()))
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 240)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.stop.clicked.connect(self.cancel)
        self.duplicates.currentIndexChanged.connect(lambda _i: self.start())
        self.job: Job | None = None
        self.result: importers.ParseResult | None = None
        self.plan: ImportPlan | None = None
        self.prepared: interchange.PreparedImport | None = None

    def initializePage(self) -> None:
        self.result = None
        self.cadence_chosen = False
        self.start()

    def for_new(self) -> ForNew:
        """What the contacts the import creates get, as chosen on this page."""
        code = self.cadence.currentData()
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        cadence = {"default": None, "never": 0, "triage": 0}.get(code, self.days.value())
        return ForNew(tags=tags, stage=self.stage.currentData(), cadence_days=cadence, triage=code == "triage")

    def _cadence_picked(self, _index: int) -> None:
        self.cadence_chosen = True

    def _name_days(self, n: int) -> None:
        #: After the number in the new contacts' "Keep in touch: Every … [30] days" box
        self.days.setSuffix(self.tr(" day") if n == 1 else self.tr(" days"))

    def _show_cadence(self) -> None:
        code = self.cadence.currentData()
        self.days.setVisible(code == "days")
        self.triage_hint.setVisible(code == "triage")

    def _offer_for_new(self, plan: ImportPlan) -> None:
        """The new contacts' box, for the plan's count, starting at its suggested keep-in-touch choice."""
        self.new_box.setTitle((self.tr("The new contact gets") if plan.new == 1 else
                               self.tr("The {n} new contacts get")).format(n=QLocale().toString(plan.new)))
        if not self.cadence_chosen:
            suggested = plan.suggested_for_new()
            self.cadence.setCurrentIndex(self.cadence.findData("triage" if suggested.triage else "default"))
        self._show_cadence()

    def _fill_show(self) -> None:
        """The "Show" choices with their counts; the current one is kept."""
        counts = self.model.counts()
        current = self.show_rows.currentData()
        self.show_rows.blockSignals(True)
        self.show_rows.clear()
        for label, action in SHOW_CHOICES:
            self.show_rows.addItem(QCoreApplication.translate("importing", label).format(
                n=QLocale().toString(counts.get(action, 0))), action)
        self.show_rows.setCurrentIndex(max(0, self.show_rows.findData(current)))  # the model lists it already
        self.show_rows.blockSignals(False)

    def cleanupPage(self) -> None:
        self.cancel()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()

    def start(self) -> None:
        """Read (once) and plan the file in the worker; a new duplicates choice re-plans."""
        self.cancel()
        self.plan = self.prepared = None
        w, result = self.w, self.result
        path, on_dup = w.path, ON_DUPLICATE[self.duplicates.currentIndex()]
        assert path is not None
        fmt = w.chosen if w.fmt != "csv" else "csv"
        column_map = w.column_map if w.fmt == "csv" else None
        size = max(path.stat().st_size if path.exists() else 0, 1)

        def work(report: Report) -> Any:
            if w.fmt == "json":
                return interchange.prepare_file(path)
            parsed = result or importers.parse_file(path, fmt, column_map, lambda n: report(n, max(size, n)))
            return parsed, contact_import.plan_import(parsed, on_duplicate=on_dup)

        self._warnings(self.tr("Warnings"), [])
        self._show(reading=True, table=True)
        self.summary.setText(self.tr("Reading the file…") if result is None else self.tr("Looking for duplicates…"))
        self.job = job = Job(work, name="preview")
        # Bound methods, not lambdas: Qt drops the connections when the page is deleted.
        job.progressed.connect(self._progress)
        job.succeeded.connect(self._ready)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._stopped)
        job.start()

    def _current(self) -> bool:
        """Whether the signal comes from the latest job (an earlier one may end after a re-plan)."""
        return self.job is not None and self.sender() is self.job

    def _progress(self, done: int, total: int) -> None:
        if self._current():
            self.progress.setValue(1000 * done // max(total, 1))

    def _show(self, *, reading: bool = False, error: str = "", table: bool = False, note: str = "") -> None:
        self.busy.setVisible(reading)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.error.setText(error)
        self.error.setVisible(bool(error))
        self.duplicates_box.setVisible(self.w.fmt != "json" and not error)
        self.duplicates.setEnabled(not reading)
        self.table_label.setText(note or _wizard_text(TABLE_CAPTION))
        self.table_label.setVisible(table or bool(note))
        self.table.setVisible(table)
        self.show_box.setVisible(table and not reading)
        self.new_box.setVisible(self.plan is not None and self.plan.new > 0 and not error)
        # The table takes the free height; without it the problems list does (JSON), else a spacer.
        layout = self.form.layout()
        assert isinstance(layout, QBoxLayout)
        layout.setStretch(layout.indexOf(self.table), 10)
        layout.setStretch(layout.indexOf(self.warnings), 0 if table else 10)
        self.warnings.setMaximumHeight(120 if table else 16777215)
        self.completeChanged.emit()

    def _warnings(self, title: str, lines: list[str]) -> None:
        self.warnings.clear()
        self.warnings.addItems([line if len(line) <= 500 else line[:499] + "…" for line in lines])
        self.warnings_label.setText(self.tr("{title} ({n}):").format(title=title, n=QLocale().toString(len(lines))))
        self.warnings_label.setVisible(bool(lines))
        self.warnings.setVisible(bool(lines))

    def _ready(self, value: Any) -> None:
        if not self._current():
            return
        if isinstance(value, interchange.PreparedImport):
            self.prepared = value
            rows = value.rows
            self.summary.setText(", ".join(self._count(n, kind) for n, kind in (
                (len(rows.contacts), "contacts"), (len(rows.content), "content"), (len(rows.shares), "shares"),
                (len(rows.interactions), "interactions"), (len(rows.goals), "goals"))))
            self._warnings(self.tr("Warnings"), [])
            self._show(note=self.tr("A valid Deal Journal file. Every record in it is added as a new one: importing "
                                    "the same file twice gives every contact twice."))
            return
        self.result, self.plan = value
        plan: ImportPlan = self.plan
        summary = i18n.say(plan.summary())
        self.summary.setText(summary if plan.writes_anything else
                             self.tr("{summary} — nothing to import.").format(summary=summary))
        self.model.set_rows(plan.rows)
        self._fill_show()
        self._offer_for_new(plan)
        self._warnings(self.tr("Warnings"), [i18n.say(w) for w in plan.warnings])
        if plan.rows:
            self._show(table=True)
        else:
            self._show(note=self.tr("The file holds no contacts."))

    def _count(self, n: int, kind: str) -> str:
        """One count of the summary of a Deal Journal file: 1 contact, 3 content items…"""
        one = n == 1
        text = {
            "contacts": self.tr("{n} contact") if one else self.tr("{n} contacts"),
            "content": self.tr("{n} content item") if one else self.tr("{n} content items"),
            "shares": self.tr("{n} share") if one else self.tr("{n} shares"),
            "interactions": self.tr("{n} interaction") if one else self.tr("{n} interactions"),
            "goals": self.tr("{n} goal") if one else self.tr("{n} goals"),
        }[kind]
        return text.format(n=QLocale().toString(n))

    def _failed(self, exc: BaseException) -> None:
        if not self._current():
            return
        name = self.w.path.name if self.w.path else self.tr("The file")
        self.summary.setText(self.tr("Nothing can be imported."))
        self._warnings(self.tr("Problems"), [i18n.say(p) for p in exc.problems] if isinstance(exc, FormatError) else [])
        self._show(error="\n".join([explain(exc, name), self.tr("Go back to choose another file or format.")]))

    def _stopped(self) -> None:
        if not self._current():
            return
        self.summary.setText(self.tr("Reading was stopped."))
        self._warnings(self.tr("Warnings"), [])
        self._show(error=self.tr("Nothing was read or written. Go back to choose another file, or press Next again."))

    def isComplete(self) -> bool:
        if self.job is not None and self.job.running:
            return False
        if self.prepared is not None:
            rows = self.prepared.rows
            return bool(rows.contacts or rows.content or rows.shares or rows.interactions)
        return self.plan is not None and self.plan.writes_anything


class RunPage(FormPage):
    form_name = "import_run"

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Importing"), self.tr("Writing to the journal."))
        self.state = self.child(QLabel, "state")
        self.progress = self.child(QProgressBar, "progress")
        self.stop = self.child(QPushButton, "stop")
        self.stop.clicked.connect(self.cancel)
        self.job: Job | None = None
        self.finished = self.pending = self.stop_requested = False

    def initializePage(self) -> None:
        self.finished = self.stop_requested = False
        self.pending = True  # until _begin: counts as running, so Cancel does not close the wizard
        self.job = None
        self.state.setText(self.tr("Taking a backup of the journal first…"))
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.stop.setEnabled(False)
        QTimer.singleShot(0, self._begin)  # let the page paint before the backup

    def _begin(self) -> None:
        """The backup in the UI thread (it needs this thread's connection), then the writes in the worker."""
        preview: PreviewPage = self.w.page(PREVIEW)  # type: ignore[assignment]
        plan, prepared, for_new = preview.plan, preview.prepared, preview.for_new()
        self.pending = False
        if self.stop_requested:
            self._ended(_wizard_text(STOPPED))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.w.backup_info = backup.backup_before("import")
        except JournalError as exc:
            self._ended(self.tr("Nothing was imported: no backup could be taken. {error}").format(
                error=i18n.say_error(exc)))
            return
        finally:
            QApplication.restoreOverrideCursor()

        def work(report: Report) -> Any:
            if prepared is not None:
                def json_progress(done: int, total: int) -> None:
                    if not report(done, total):
                        raise ImportCancelled("the import was cancelled")  # inside the transaction: rolled back
                return interchange.import_prepared(prepared, progress=json_progress)
            assert plan is not None
            return contact_import.apply_plan(plan, progress=report, for_new=for_new)

        self.state.setText(self.tr("Importing…"))
        self.stop.setEnabled(True)
        self.job = job = Job(work, name="import")
        job.progressed.connect(self._progress)
        job.succeeded.connect(self._done)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        job.start()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(1000 * done // max(total, 1))

    def _failed(self, exc: BaseException) -> None:
        self._ended(explain(exc, self.w.path.name if self.w.path else self.tr("The file")))

    def _cancelled(self) -> None:
        self._ended(_wizard_text(STOPPED))

    @property
    def running(self) -> bool:
        return self.pending or (self.job is not None and self.job.running)

    def cancel(self) -> None:
        if self.running:
            self.stop_requested = True
            if self.job is not None:
                self.job.cancel()
            self.stop.setEnabled(False)
            self.state.setText(self.tr("Stopping… nothing will be written."))

    def _ended(self, text: str) -> None:
        self.state.setText(text)
        self.stop.setEnabled(False)
        self.progress.setValue(0)
        self.w.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Close"))

    def _done(self, value: Any) -> None:
        self.w.outcome = value
        self.progress.setValue(1000)
        self.finished = True
        name = self.w.path.name if self.w.path else self.tr("the file")
        after_import(self.w.main, self.tr("Imported {file}: {summary}").format(
            file=name, summary=i18n.say(str(self.w.outcome))))
        self.completeChanged.emit()
        self.w.next()

    def isComplete(self) -> bool:
        return self.finished


class DonePage(FormPage):
    form_name = "import_done"

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Done"), self.tr("The contacts are in your journal."))
        self.summary = self.child(QLabel, "summary")
        self.backup = self.child(QLabel, "backup")
        self.child(QPushButton, "showContacts").clicked.connect(self.show_contacts)

    def initializePage(self) -> None:
        outcome, name = self.w.outcome, self.w.path.name if self.w.path else self.tr("the file")
        # "3 contacts, 1 content item, …" (a Deal Journal file) or "120 new, 3 merged, 2 skipped"
        self.summary.setText(self.tr("Imported from {file}: {summary}.").format(file=name,
                                                                                summary=i18n.say(str(outcome))))
        info = self.w.backup_info
        self.backup.setText(self.tr("A backup of the journal was taken first: {file}").format(file=info.path.name)
                            if info is not None else self.tr("The journal was empty before, so no backup was needed."))

    def show_contacts(self) -> None:
        self.w.main.show_contact_list()
        self.w.accept()


class ImportWizard(QWizard):
    """Import contacts from a file; see the module docstring."""

    def __init__(self, window: MainWindow, path: Path | None = None) -> None:
        super().__init__(window)
        self.main = window
        self.setWindowTitle(self.tr("Import Contacts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        back = self.button(QWizard.WizardButton.BackButton)
        if isinstance(back, QPushButton):
            back.setAutoDefault(False)  # Enter never goes back a page: it presses the default button
        self.path: Path | None = None
        self.fmt: str | None = None
        self.chosen: str | None = None
        self.head = b""
        self.column_map: dict[str, str] = {}
        self.outcome: Any = None
        self.backup_info: backup.BackupInfo | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        self.done_page = DonePage(self)
        for page_id, page in enumerate((self.file_page, self.mapping_page, self.preview_page, self.run_page,
                                        self.done_page)):
            self.setPage(page_id, page)
        self.setMinimumSize(720, 520)
        self.resize(860, 620)
        if path is not None:
            self.file_page.path.setText(str(path))
        if path is None:
            self.file_page.browse.setFocus()

    def offer_path(self, path: Path) -> None:
        """A file dropped while the wizard is open: taken while it is still on the file page."""
        if self.currentId() == FILE:
            self.file_page.path.setText(str(path))

    def reject(self) -> None:
        """Cancel: a running import is stopped first (nothing written) and the wizard stays to say so."""
        if self.run_page.running:
            self.run_page.cancel()
            return
        self.preview_page.cancel()
        super().reject()


def run_import(window: MainWindow, path: Path | None = None) -> bool:
    """Open the import wizard (window-modal, non-blocking) on *path*, or on an empty file
    page. False when a wizard is already open (it is raised, and given *path* if it can)."""
    for existing in window.findChildren(ImportWizard):
        if existing.isVisible():
            if path is not None:
                existing.offer_path(Path(path))
            existing.raise_()
            existing.activateWindow()
            return False
    wizard = ImportWizard(window, Path(path) if path is not None else None)
    wizard.open()
    return True
