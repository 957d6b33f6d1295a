"""The first pages of the import wizard: the file and its format, and the column mapping
for "other CSV" files (layouts in ``ui/import_file.ui`` and ``ui/import_mapping.ui``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget, QWizardPage

from dealjournal import importers
from dealjournal.errors import JournalError
from dealjournal.gui.forms import load_form
from dealjournal.gui.importing import explain, format_choices, format_name, read_head, size_text
from dealjournal.importers import COLUMN_FIELDS, ImportFormatError, detect_file_format
from dealjournal.phrases import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from dealjournal.gui.dialogs.import_wizard import ImportWizard

log = logging.getLogger(__name__)
W = TypeVar("W", bound=QWidget)
FILE, MAPPING, PREVIEW, RUN, DONE = range(5)
REQUIRED = ("name", "given_name", "family_name", "email")  # one of these columns must be chosen
NOT_IN_FILE = QT_TRANSLATE_NOOP("MappingPage", "(not in the file)")  # shown translated in context MappingPage


class FormPage(QWizardPage):
    """A wizard page whose body is ``ui/<form_name>.ui``."""

    form_name = ""

    def __init__(self, wizard: ImportWizard, title: str, subtitle: str = "") -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.form = load_form(self.form_name, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def child(self, kind: type[W], name: str) -> W:
        found = self.form.findChild(kind, name)
        if found is None:
            raise LookupError(f"{self.form_name}.ui has no {kind.__name__} named {name}")
        return found


class FilePage(FormPage):
    form_name = "import_file"

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Choose a file"),
                         self.tr("The format is detected from the file; change it if the guess is wrong."))
        self.path = self.child(QLineEdit, "path")
        self.browse = self.child(QPushButton, "browse")
        self.format = self.child(QComboBox, "format")
        self.detected = self.child(QLabel, "detected")
        for label, fmt in format_choices():
            self.format.addItem(label, fmt)
        self.fmt: str | None = None
        self.path.textChanged.connect(self.detect)
        self.format.currentIndexChanged.connect(self.detect)
        self.browse.clicked.connect(self.choose)

    def choose(self) -> None:
        start = self.path.text().strip() or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import contacts"), start,
            self.tr("Contact files (*.vcf *.vcard *.csv *.json *.txt);;vCard (*.vcf *.vcard);;CSV (*.csv);;"
                    "Deal Journal JSON (*.json);;All files (*)"))
        if name:
            self.path.setText(name)

    def detect(self) -> None:
        text = self.path.text().strip()
        chosen = self.format.currentData()
        self.fmt, message = None, ""
        if text:
            path = Path(text).expanduser()
            try:
                if not path.is_file():
                    raise JournalError(self.tr("There is no file at this place.") if not path.exists() else
                                       self.tr("This is a folder; choose a file."))
                self.w.head = read_head(path)
                size = size_text(path.stat().st_size)
                detected = detect_file_format(self.w.head, path.name)
            except (JournalError, ImportFormatError, OSError) as exc:
                why = explain(exc, path.name) if not isinstance(exc, OSError) else \
                    self.tr("{file} cannot be read.").format(file=path.name)
                self.fmt = chosen if path.is_file() else None
                lines = [why]
                if self.fmt:
                    lines.append(self.tr("It will be read as {format}.").format(format=format_name(chosen)))
                message = "\n".join(lines)
            else:
                self.fmt = chosen or detected
                lines = [self.tr("Detected: {format} ({size}).").format(format=format_name(detected), size=size)]
                if chosen and chosen != detected:
                    lines.append(self.tr("It will be read as {format}.").format(format=format_name(chosen)))
                if self.fmt == "csv":
                    lines.append(self.tr("On the next page you say which column holds what."))
                message = "\n".join(lines)
            self.w.path = path
        self.w.fmt, self.w.chosen = self.fmt, chosen
        self.detected.setText(message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.fmt is not None

    def nextId(self) -> int:
        return MAPPING if self.fmt == "csv" else PREVIEW


class MappingPage(FormPage):
    form_name = "import_mapping"

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, self.tr("Match the columns"),
                         self.tr("Which column holds the name, the e-mail, the company…?"))
        self.hint = self.child(QLabel, "hint")
        self.combos = {f: self.child(QComboBox, f"map_{f}") for f in COLUMN_FIELDS}
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._changed)
        self._loaded: tuple[Path | None, bytes] | None = None

    def initializePage(self) -> None:
        key = (self.w.path, self.w.head[:4096])
        if key == self._loaded:
            return  # back and forth on the same file: keep the user's choices
        self._loaded = key
        try:
            headers = [h for h in importers.csv_headers(self.w.head) if h.strip()]
        except ImportFormatError as exc:
            headers = []
            self.hint.setText(explain(exc, self.w.path.name if self.w.path else self.tr("The file")))
        guess = importers.guess_column_map(headers)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(QCoreApplication.translate("MappingPage", NOT_IN_FILE), "")
            for header in headers:
                combo.addItem(header if len(header) <= 80 else header[:79] + "…", header)
            combo.setCurrentIndex(max(0, combo.findData(guess.get(field, ""))))
            combo.blockSignals(False)
        self._changed()

    def column_map(self) -> dict[str, str]:
        return {f: c.currentData() for f, c in self.combos.items() if c.currentData()}

    def _changed(self) -> None:
        if self.isComplete():
            self.hint.setText("")
        elif self.combos["name"].count() > 1:
            self.hint.setText(self.tr("Choose the column of the full name, the first or last name, or the e-mail."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        chosen = self.column_map()
        return any(f in chosen for f in REQUIRED)

    def validatePage(self) -> bool:
        self.w.column_map = self.column_map()
        return True
