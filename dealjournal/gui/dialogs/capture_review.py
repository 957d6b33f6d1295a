"""The Capture dialog's review: what capturing the files would write, before anything is.

:class:`ReviewPage` shows a :class:`~dealjournal.capture.CapturePlan`: a line per file (its
format and counts), the touches to add by contact (:class:`TouchesModel`), how many are
already in the journal, what was ignored and why in plain words, and the people the files
hold who are not in the journal (:class:`PeopleModel`): tick one to add them as a contact
(with their address or handle), or name the contact they are (:class:`ContactPickerDelegate`,
a completer over the journal's contacts). The touches table follows those choices.
For File ▸ Fetch Now (``ReviewPage(accounts=True)``) its words speak of what was fetched
rather than of files, and the fetch names each account in its own lines.

User text (names, addresses, subjects) is shown as plain text: table cells are, and
tooltips go through ``Qt.convertFromPlainText``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dealjournal.capture import CapturePlan, Entry
from dealjournal.gui import i18n, labels
from dealjournal.gui.forms import plain
from dealjournal.gui.models.rows import RowsModel
from dealjournal.phrases import QT_TRANSLATE_NOOP
from dealjournal.queries import contact as contact_queries

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "CaptureReview"
TIP_ENTRIES = 12  # entries listed in a touches row's tooltip

# Why something is not a touch (dealjournal.conversations.model's keys), in plain words:
# (one, several), English, marked in the context CaptureReview; shown by ignored_text.
IGNORED_WORDS: dict[str, tuple[str, str]] = {
    "list": (QT_TRANSLATE_NOOP("CaptureReview", "{n} mailing-list or bulk message"),
             QT_TRANSLATE_NOOP("CaptureReview", "{n} mailing-list or bulk messages")),
    "automatic": (QT_TRANSLATE_NOOP("CaptureReview", "{n} automatic message (auto-reply, notification)"),
                  QT_TRANSLATE_NOOP("CaptureReview", "{n} automatic messages (auto-replies, notifications)")),
    "no_reply": (QT_TRANSLATE_NOOP("CaptureReview", "{n} message from a no-reply address"),
                 QT_TRANSLATE_NOOP("CaptureReview", "{n} messages from no-reply addresses")),
    "too_many_recipients": (QT_TRANSLATE_NOOP("CaptureReview", "{n} message or event with more than 20 people"),
                            QT_TRANSLATE_NOOP("CaptureReview", "{n} messages or events with more than 20 people")),
    "spam_trash_drafts": (QT_TRANSLATE_NOOP("CaptureReview", "{n} message in Spam, Trash or Drafts"),
                          QT_TRANSLATE_NOOP("CaptureReview", "{n} messages in Spam, Trash or Drafts")),
    "system": (QT_TRANSLATE_NOOP("CaptureReview", "{n} system line or sponsored message (“… added …”, “Messages are "
                                          "end-to-end encrypted”)"),
               QT_TRANSLATE_NOOP("CaptureReview", "{n} system lines or sponsored messages (“… added …”, “Messages are "
                                          "end-to-end encrypted”)")),
    "no_profile": (QT_TRANSLATE_NOOP("CaptureReview", "{n} LinkedIn message from a sender without a profile"),
                   QT_TRANSLATE_NOOP("CaptureReview", "{n} LinkedIn messages from senders without a profile")),
    "declined": (QT_TRANSLATE_NOOP("CaptureReview", "{n} declined event"), QT_TRANSLATE_NOOP("CaptureReview", "{n} declined events")),
    "cancelled": (QT_TRANSLATE_NOOP("CaptureReview", "{n} cancelled event"),
                  QT_TRANSLATE_NOOP("CaptureReview", "{n} cancelled events")),
    "future": (QT_TRANSLATE_NOOP("CaptureReview", "{n} event that hasn't happened yet"),
               QT_TRANSLATE_NOOP("CaptureReview", "{n} events that haven't happened yet")),
    "unreadable": (QT_TRANSLATE_NOOP("CaptureReview", "{n} record without a usable date or sender"),
                   QT_TRANSLATE_NOOP("CaptureReview", "{n} records without a usable date or sender")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def number(n: int) -> str:
    return QLocale().toString(n)


def ignored_text(reason: str, n: int) -> str:
    """ "312 mailing-list or bulk messages": an ignored count in plain words."""
    words = IGNORED_WORDS.get(reason)
    if words is None:
        #: An ignored count whose reason has no words yet: the count, then the reason's code
        return QCoreApplication.translate("CaptureReview", "{n} × {reason}").format(n=number(n), reason=reason)
    return _tr(words[0] if n == 1 else words[1]).format(n=number(n))


def source_name(source: Path | str) -> str:
    """What the review calls a source: a file's name, or an account's."""
    return source.name if isinstance(source, Path) else str(source)


def format_label(label: str) -> str:
    """A reader's name for its format ("mbox mailbox"), in the window's language when translated."""
    return QCoreApplication.translate("core", label) if label else ""


# --- what would be written ------------------------------------------------------------------


@dataclass
class Candidate:
    """Someone the files hold who is not in the journal (one person key, over every file)."""

    key: str
    name: str
    address: str
    messages: int = 0
    entries: list[Entry] = field(default_factory=list)


@dataclass
class TouchRow:
    """The touches capture adds for one contact (or for a person about to become one)."""

    name: str
    contact_id: int | None
    new: bool = False
    n_in: int = 0
    n_out: int = 0
    meetings: int = 0
    already: int = 0
    also: list[str] = field(default_factory=list)  # people named as this contact in the review
    entries: list[Entry] = field(default_factory=list)

    def add(self, entries: Iterable[Entry]) -> None:
        for e in entries:
            self.entries.append(e)
            if e.kind == "meeting":
                self.meetings += 1
            elif e.direction == "in":
                self.n_in += 1
            else:
                self.n_out += 1

    @property
    def total(self) -> int:
        return self.n_in + self.n_out + self.meetings


def candidates(plan: CapturePlan) -> list[Candidate]:
    """The unmatched people of every file, one per person, most messages first."""
    found: dict[str, Candidate] = {}
    for f in plan.files:
        for p in f.unmatched:
            c = found.get(p.key)
            if c is None:
                c = found[p.key] = Candidate(p.key, p.name, p.address)
            elif not c.name and p.name:
                c.name = p.name
            c.messages += p.messages
            c.entries.extend(p.entries)
    return sorted(found.values(), key=lambda c: (-c.messages, c.name.casefold(), c.key))


def touch_rows(plan: CapturePlan, people: list[Candidate], add: set[str],
               same_as: dict[str, tuple[int, str]]) -> list[TouchRow]:
    """The touches to add by contact: the matched ones, those named as a contact, the new ones."""
    rows: dict[tuple[str, object], TouchRow] = {}
    for f in plan.files:
        for p in f.matched:
            assert p.contact_id is not None
            row = rows.setdefault(("c", p.contact_id), TouchRow(p.contact_name, p.contact_id))
            row.add(p.entries)
            row.already += p.already_there
    for c in people:
        if c.key in same_as:
            cid, name = same_as[c.key]
            row = rows.setdefault(("c", cid), TouchRow(name, cid))
            row.add(c.entries)
            row.also.append(c.name)
        elif c.key in add:
            rows.setdefault(("p", c.key), TouchRow(c.name, None, new=True)).add(c.entries)
    listed = [r for r in rows.values() if r.total or r.already]
    return sorted(listed, key=lambda r: (r.name.casefold(), r.new, r.contact_id or 0))


def entry_line(e: Entry) -> str:
    """One entry for a tooltip: "2026-02-01 09:00 ← in · E-mail: Re: the offer"."""
    glyph = {"in": "←", "out": "→", "mutual": "⇄"}.get(e.direction, "·")
    what = labels.label(labels.INTERACTION_KINDS, e.kind)
    where = f"{glyph} {labels.label(labels.DIRECTIONS, e.direction)} · {what}"
    when = e.at.replace("T", " ")
    return f"{when} {where}: {e.summary}" if e.summary else f"{when} {where}"


class TouchCol(IntEnum):
    CONTACT = 0
    IN = 1
    OUT = 2
    MEETINGS = 3
    ALREADY = 4


class TouchesModel(RowsModel[TouchRow]):
    """Touches to add, one row per contact."""

    headers = (QT_TRANSLATE_NOOP("TouchesModel", "Contact"), QT_TRANSLATE_NOOP("TouchesModel", "In"),
               QT_TRANSLATE_NOOP("TouchesModel", "Out"), QT_TRANSLATE_NOOP("TouchesModel", "Meetings"),
               QT_TRANSLATE_NOOP("TouchesModel", "Already there"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(TouchCol):
            return None
        col = TouchCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TouchCol.CONTACT:
                return self.tr("{name} (new contact)").format(name=row.name) if row.new else row.name
            return number((row.n_in, row.n_out, row.meetings, row.already)[col - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and col != TouchCol.CONTACT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == TouchCol.CONTACT:
            return QtGuiNs.convertFromPlainText(self.tooltip(row))
        return None

    def tooltip(self, row: TouchRow) -> str:
        lines = [row.name]
        if row.new:
            lines.append(self.tr("A new contact, with their address or handle."))
        if row.also:
            lines.append(self.tr("Includes: {names}").format(names=", ".join(row.also)))
        shown = sorted(row.entries, key=lambda e: e.at, reverse=True)
        lines += [entry_line(e) for e in shown[:TIP_ENTRIES]]
        if len(shown) > TIP_ENTRIES:
            lines.append(self.tr("… and {n} more").format(n=number(len(shown) - TIP_ENTRIES)))
        return "\n".join(lines)


class PeopleCol(IntEnum):
    NAME = 0  # with the "add as a contact" tick
    ADDRESS = 1
    MESSAGES = 2
    SAME_AS = 3


class PeopleModel(RowsModel[Candidate]):
    """People who aren't in the journal: tick to add (Name column), or say which contact they are."""

    headers = (QT_TRANSLATE_NOOP("PeopleModel", "Add as a contact"),
               QT_TRANSLATE_NOOP("PeopleModel", "Address or handle"), QT_TRANSLATE_NOOP("PeopleModel", "Messages"),
               QT_TRANSLATE_NOOP("PeopleModel", "Is one of my contacts"))
    choices_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.add: set[str] = set()
        self.same_as: dict[str, tuple[int, str]] = {}

    def set_rows(self, rows: list[Candidate]) -> None:
        keys = {r.key for r in rows}
        self.add &= keys  # a re-read keeps the choices made for the same people
        self.same_as = {k: v for k, v in self.same_as.items() if k in keys}
        super().set_rows(rows)
        self.choices_changed.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        if index.column() == PeopleCol.NAME:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == PeopleCol.SAME_AS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(PeopleCol):
            return None
        col = PeopleCol(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == PeopleCol.NAME:
                return row.name
            if col == PeopleCol.ADDRESS:
                return row.address
            if col == PeopleCol.MESSAGES:
                return number(row.messages)
            linked = self.same_as.get(row.key)
            return linked[1] if linked else ""
        if role == Qt.ItemDataRole.EditRole and col == PeopleCol.SAME_AS:
            linked = self.same_as.get(row.key)
            return linked[1] if linked else ""
        if role == Qt.ItemDataRole.CheckStateRole and col == PeopleCol.NAME:
            return Qt.CheckState.Checked if row.key in self.add else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and col == PeopleCol.MESSAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == PeopleCol.SAME_AS:
                return self.tr("Double-click (or {keys}) and type the name of the contact this person is").format(
                    keys="F2")
            if col == PeopleCol.NAME:
                return QtGuiNs.convertFromPlainText(self.tr("Tick to add {name} as a contact").format(name=row.name))
            if col == PeopleCol.ADDRESS and row.address:
                return QtGuiNs.convertFromPlainText(row.address)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index)
        if row is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == PeopleCol.NAME:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.set_added([row.key], checked)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == PeopleCol.SAME_AS:
            if value is not None and not (isinstance(value, tuple) and len(value) == 2):
                return False  # text that names no contact: the choice stays as it was
            self.set_same_as(row.key, value)
            return True
        return False

    def set_added(self, keys: Iterable[str], added: bool) -> None:
        """Tick (or untick) people to add as contacts; a ticked person is no longer named as a contact."""
        for key in keys:
            if added:
                self.add.add(key)
                self.same_as.pop(key, None)
            else:
                self.add.discard(key)
        self._changed()

    def set_all(self, added: bool) -> None:
        """Select all (every person not named as one of your contacts) or none."""
        self.set_added([r.key for r in self._rows if not added or r.key not in self.same_as], added)

    def set_same_as(self, key: str, contact: tuple[int, str] | None) -> None:
        """Say that the person *key* is the contact (id, name) — or, with None, that they are not."""
        if contact is None:
            self.same_as.pop(key, None)
        else:
            self.same_as[key] = (int(contact[0]), str(contact[1]))
            self.add.discard(key)
        self._changed()

    def _changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(PeopleCol) - 1))
        self.choices_changed.emit()


# --- naming the contact someone is -----------------------------------------------------------


def contact_label(match: contact_queries.ContactMatch) -> str:
    """How the completer lists a contact: "Ada Byron — Analytical Ltd"."""
    text = f"{match.name} — {match.company}" if match.company else match.name
    return QCoreApplication.translate("CaptureReview", "{name} (archived)").format(name=text) if match.archived else text


class ContactPicker(QLineEdit):
    """A line edit completing over the journal's contacts (searched as you type, 20 at a time)."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("CaptureReview", "Type a contact's name…"))
        self.setAccessibleName(QCoreApplication.translate("CaptureReview", "The contact this person is"))
        self.choices: dict[str, tuple[int, str]] = {}
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.activated.connect(lambda _text: self.picked.emit())
        self.setCompleter(completer)
        self.textEdited.connect(self.search)

    def search(self, text: str) -> None:
        found = contact_queries.find_contacts(text, 20)
        self.choices = {contact_label(m): (m.id, m.name) for m in found}
        self.names.setStringList(list(self.choices))

    def value(self) -> tuple[int, str] | None | bool:
        """The contact named: (id, name) — the completion picked, the contact of that exact
        name, or the only one the text finds; None when the box is empty (not one of my
        contacts); False when the text names no single contact."""
        text = self.text().strip()
        if not text:
            return None
        if text in self.choices:
            return self.choices[text]
        self.search(text)
        if text in self.choices:
            return self.choices[text]
        wanted = text.casefold()
        for found in ({v for v in self.choices.values() if v[1].casefold() == wanted},  # the name exactly
                      set(self.choices.values())):  # else the one contact the text finds
            if len(found) == 1:
                return next(iter(found))
            if found:
                return False
        return False


class ContactPickerDelegate(QStyledItemDelegate):
    """Edits the "Is one of my contacts" column with a :class:`ContactPicker`."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # type: ignore[override]
                     index: Index) -> QWidget | None:
        editor = ContactPicker(parent)

        def commit() -> None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor)

        editor.picked.connect(commit)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, ContactPicker):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, ContactPicker):
            value = editor.value()
            if value is not False:
                model.setData(index, value, Qt.ItemDataRole.EditRole)


# --- the page --------------------------------------------------------------------------------


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    return view


class ReviewPage(QWidget):
    """What the capture would write; the choices about the people who aren't in the journal."""

    changed = Signal()  # the choices changed: the headline and the Capture button follow

    def __init__(self, parent: QWidget | None = None, *, accounts: bool = False) -> None:
        super().__init__(parent)
        self.accounts = accounts  # what was fetched from accounts, rather than files
        self.plan: CapturePlan | None = None
        self.skipped: list[tuple[Path, str]] = []
        self.lines: list[str] | None = None
        self.headline = plain(QLabel())
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setObjectName("headline")
        self.files = plain(QLabel())
        self.files.setObjectName("files")
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.touches_box = QGroupBox(self.tr("Touches to add"))
        self.touches = TouchesModel(self)
        self.touches_view = _table(self.tr("Touches to add, by contact"))
        self.touches_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.touches_view.setModel(self.touches)
        head = self.touches_view.horizontalHeader()
        head.setSectionResizeMode(TouchCol.CONTACT, QHeaderView.ResizeMode.Stretch)
        for col in (TouchCol.IN, TouchCol.OUT, TouchCol.MEETINGS, TouchCol.ALREADY):
            head.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.touches_empty = plain(QLabel())
        self.touches_empty.setObjectName("touchesEmpty")
        self.already = plain(QLabel())
        self.already.setObjectName("already")
        touches_layout = QVBoxLayout(self.touches_box)
        touches_layout.addWidget(self.touches_view, 1)
        touches_layout.addWidget(self.touches_empty)
        touches_layout.addWidget(self.already)

        self.ignored_box = QGroupBox(self.tr("Ignored — not touches"))
        self.ignored = plain(QLabel())
        self.ignored.setObjectName("ignored")
        self.ignored.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.ignored.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ignored.setMinimumWidth(self.ignored.fontMetrics().horizontalAdvance("0") * 30)  # a reason on one line
        ignored_layout = QVBoxLayout(self.ignored_box)
        ignored_layout.addWidget(self.ignored, 1)

        self.people_box = QGroupBox(self.tr("People you talk to who aren't in your journal"))
        self.people = PeopleModel(self)
        self.people.choices_changed.connect(self._choices_changed)
        self.people_view = _table(self.tr("People who aren't in your journal"))
        self.people_view.setModel(self.people)
        self.people_view.setItemDelegateForColumn(PeopleCol.SAME_AS, ContactPickerDelegate(self.people_view))
        self.people_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                         | QAbstractItemView.EditTrigger.EditKeyPressed)
        head = self.people_view.horizontalHeader()
        head.setSectionResizeMode(PeopleCol.NAME, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(PeopleCol.ADDRESS, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(PeopleCol.MESSAGES, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(PeopleCol.SAME_AS, QHeaderView.ResizeMode.Stretch)
        self.people_hint = plain(QLabel(self.tr(
            "Tick the people to add as contacts (with their address or handle). If someone is already in your "
            "journal under another address or name, say which contact they are instead.")))
        self.select_all = QPushButton(self.tr("Select &all"))
        self.select_none = QPushButton(self.tr("Select &none"))
        self.same_button = QPushButton(self.tr("&This Is One of My Contacts…"))
        self.same_button.setToolTip(self.tr("Name the contact the selected person is; their touches go to that "
                                            "contact, and the name or address is remembered"))
        self.select_all.clicked.connect(lambda: self.people.set_all(True))
        self.select_none.clicked.connect(lambda: self.people.set_all(False))
        self.same_button.clicked.connect(self.name_contact)
        buttons = QHBoxLayout()
        for button in (self.select_all, self.select_none, self.same_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        people_layout = QVBoxLayout(self.people_box)
        people_layout.addWidget(self.people_hint)
        people_layout.addWidget(self.people_view, 1)
        people_layout.addLayout(buttons)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        top.addWidget(self.touches_box)
        top.addWidget(self.ignored_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.people_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.files)
        layout.addWidget(self.splitter, 1)

    # --- filling ----------------------------------------------------------------------

    def show_plan(self, plan: CapturePlan, skipped: list[tuple[Path, str]], *, lines: list[str] | None = None) -> None:
        """Show *plan*; *skipped* names what was left out and why; *lines* (when given) name each
        source instead of the line per file."""
        self.plan, self.skipped, self.lines = plan, skipped, lines
        self.people.set_rows(candidates(plan))
        n = self.people.rowCount()
        self.people_box.setTitle(self.tr("People you talk to who aren't in your journal ({n})").format(n=number(n)))
        self.people_box.setVisible(n > 0)
        self.files.setText("\n".join(self._file_lines() if lines is None else lines))
        ignored: Counter[str] = Counter()
        for f in plan.files:
            ignored.update(f.ignored)
        lines = [ignored_text(reason, n) for reason, n in sorted(ignored.items(), key=lambda i: (-i[1], i[0])) if n]
        self.ignored.setText("\n".join(lines) if lines else self.tr("Nothing was ignored."))
        self.ignored_box.setTitle(self.tr("Ignored — not touches ({n})").format(n=number(sum(ignored.values()))))
        self._choices_changed()

    def _file_lines(self) -> list[str]:
        assert self.plan is not None
        lines = []
        for f in self.plan.files:
            ignored = sum(f.ignored.values())
            #: Capture review, one line per file: its name, its format, then what capture does with it
            lines.append(self.tr("{file} — {format}: {added} to add, {already} already there, {ignored} ignored").format(
                file=source_name(f.path), format=format_label(f.label) or f.format, added=number(f.added),
                already=number(f.already_there), ignored=number(ignored)))
        for path, reason in self.skipped:
            lines.append(self.tr("{file} — not read: {reason}").format(file=source_name(path), reason=i18n.say(reason)))
        return lines

    def rows(self) -> list[TouchRow]:
        if self.plan is None:
            return []
        return touch_rows(self.plan, self.people.rows, self.people.add, self.people.same_as)

    def _choices_changed(self) -> None:
        rows = self.rows()
        self.touches.set_rows(rows)
        has_rows = bool(rows)
        self.touches_view.setVisible(has_rows)
        self.touches_empty.setVisible(not has_rows)
        self.touches_empty.setText(self._empty_text())
        already = self.already_count()
        if self.accounts:
            self.already.setText((self.tr("Already in your journal: {n} touch of what was fetched.") if already == 1
                                  else self.tr("Already in your journal: {n} touches of what was fetched.")).format(
                n=number(already)))
            self.already.setVisible(already > 0)  # touches added without asking are named above instead
        else:
            self.already.setText(
                self.tr("Already in your journal: nothing from these files yet.") if not already else
                (self.tr("Already in your journal: {n} touch from these files.") if already == 1
                 else self.tr("Already in your journal: {n} touches from these files.")).format(n=number(already)))
        self.headline.setText(self.headline_text(rows))
        self.changed.emit()

    def already_count(self) -> int:
        return sum(f.already_there for f in self.plan.files) if self.plan is not None else 0

    def _empty_text(self) -> str:
        if self.already_count():
            return self.tr("Nothing new for the contacts in your journal.")
        if self.people.rowCount():
            return (self.tr("No one fetched is in your journal yet: tick the people below to add them.") if self.accounts
                    else self.tr("No one in these files is in your journal yet: tick the people below to add them."))
        return (self.tr("Nothing fetched is a touch with anyone.") if self.accounts
                else self.tr("Nothing in these files is a touch with anyone."))

    def headline_text(self, rows: list[TouchRow]) -> str:
        touches = sum(r.total for r in rows)
        new = len(self.people.add)
        if touches or new or self.people.same_as:
            contacts = len(rows)
            text = (self.tr("Capture adds {n} touch") if touches == 1 else self.tr("Capture adds {n} touches")).format(
                n=number(touches))
            text = (self.tr("{text} for {n} contact") if contacts == 1 else self.tr("{text} for {n} contacts")).format(
                text=text, n=number(contacts))
            if new:
                text = (self.tr("{text}, and 1 new contact") if new == 1 else
                        self.tr("{text}, and {n} new contacts")).format(text=text, n=number(new))
            return text + "."
        if self.already_count() and not self.people.rowCount():
            return (self.tr("Everything fetched is already in your journal.") if self.accounts
                    else self.tr("Everything in these files is already in your journal."))
        if self.already_count():
            return self.tr("Everything with your contacts is already in your journal.")
        if self.people.rowCount():
            return (self.tr("No one fetched is in your journal yet.") if self.accounts
                    else self.tr("No one in these files is in your journal yet."))
        return (self.tr("There is nothing new to capture in your accounts.") if self.accounts
                else self.tr("There is nothing to capture in these files."))

    def writes_anything(self) -> bool:
        """Whether Capture would write: touches, new contacts, or a person named as a contact."""
        return bool(self.people.add or self.people.same_as or any(r.total for r in self.rows()))

    # --- acting -------------------------------------------------------------------------

    def name_contact(self) -> None:
        """Start naming the contact the selected person is (the first one when none is selected)."""
        current = self.people_view.currentIndex()
        row = current.row() if current.isValid() else 0
        if not 0 <= row < self.people.rowCount():
            return
        index = self.people.index(row, PeopleCol.SAME_AS)
        self.people_view.setCurrentIndex(index)
        self.people_view.setFocus()
        self.people_view.edit(index)
