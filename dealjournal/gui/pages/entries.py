"""What a timeline or journal entry offers: open it in its form, mark it done, delete it.

The contact page's timeline and the Journal page show the same entries (interactions,
shares, reminders, stage changes); both act on them through these functions, so an entry
is edited and deleted the same way wherever it is seen. Every change is an undoable command
(:mod:`dealjournal.gui.commands`); a stage change is neither edited nor deleted here (the
contact's stage is moved on its page).

A captured entry (read from a mailbox, a calendar, a chat… by File ▸ Capture Conversations)
carries a small grey mark in the summary column — "mail", "calendar", "WhatsApp" — with
the file kind it came from in its tooltip (:class:`SourceMarkDelegate`); it is edited and
deleted like any other entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from dealjournal import ops
from dealjournal.gui import commands
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.dialogs.log_interaction import LogInteractionDialog
from dealjournal.gui.dialogs.reminder import ReminderDialog
from dealjournal.gui.dialogs.share import ShareEditDialog
from dealjournal.phrases import QT_TRANSLATE_NOOP

EDITABLE = frozenset({"interaction", "share", "reminder"})
DONE_KEY = "D"  # as on Today: mark the follow-up or reminder done
# The model role giving the source mark's word of a captured entry (None: the user typed it).
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 7
# A captured interaction's source kind (interaction.source_kind) → the mark's word, and
# what its tooltip says (English, marked in the context "entries").
SOURCE_WORDS: dict[str, str] = {
    "mbox": QT_TRANSLATE_NOOP("entries", "mail"), "maildir": QT_TRANSLATE_NOOP("entries", "mail"),
    "eml": QT_TRANSLATE_NOOP("entries", "mail"), "ics": QT_TRANSLATE_NOOP("entries", "calendar"),
    "linkedin": QT_TRANSLATE_NOOP("entries", "LinkedIn"), "whatsapp": QT_TRANSLATE_NOOP("entries", "WhatsApp"),
    "telegram": QT_TRANSLATE_NOOP("entries", "Telegram"),
    "imap": QT_TRANSLATE_NOOP("entries", "mail"), "caldav": QT_TRANSLATE_NOOP("entries", "calendar"),
}
SOURCE_TIPS: dict[str, str] = {
    "mbox": QT_TRANSLATE_NOOP("entries", "Captured from a mailbox (mbox)"),
    "maildir": QT_TRANSLATE_NOOP("entries", "Captured from a Maildir mail folder"),
    "eml": QT_TRANSLATE_NOOP("entries", "Captured from a saved e-mail (.eml)"),
    "ics": QT_TRANSLATE_NOOP("entries", "Captured from a calendar (.ics)"),
    "linkedin": QT_TRANSLATE_NOOP("entries", "Captured from a LinkedIn data export"),
    "whatsapp": QT_TRANSLATE_NOOP("entries", "Captured from a WhatsApp chat export"),
    "telegram": QT_TRANSLATE_NOOP("entries", "Captured from a Telegram export"),
    "imap": QT_TRANSLATE_NOOP("entries", "Fetched from an IMAP account"),
    "caldav": QT_TRANSLATE_NOOP("entries", "Fetched from a CalDAV account"),
}


@dataclass(frozen=True)
class Entry:
    """The entry acted on. ``done`` is whether its follow-up or reminder is done (None: it has none)."""

    source: str  # "interaction", "share", "reminder" or "stage"
    id: int
    contact_id: int
    done: bool | None = None


def _keys(shortcut: str | QKeySequence.StandardKey) -> str:
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def edit(bus: JournalBus, parent: QWidget | None, entry: Entry) -> bool:
    """Open *entry* in its form (an interaction in the log form, a share or reminder in theirs)."""
    if entry.source == "interaction":
        return LogInteractionDialog.edit(bus, parent, entry.id)
    if entry.source == "share":
        return ShareEditDialog.edit(bus, parent, entry.id)
    if entry.source == "reminder":
        return ReminderDialog.edit(bus, parent, entry.contact_id, entry.id)
    return False


def delete(bus: JournalBus, parent: QWidget | None, entry: Entry) -> bool:
    """Delete *entry* (undoable, so not asked first); the status bar says what and how to undo."""
    deletes = {"interaction": commands.delete_interaction, "share": commands.delete_share,
               "reminder": commands.delete_reminder}
    if entry.source not in deletes or not deletes[entry.source](bus, parent, entry.id):
        return False
    #: Status bar after deleting a timeline entry ("Delete call with Ada Byron (2026-12-03). Undo: Ctrl+Z")
    said = QCoreApplication.translate("entries", "{change}. Undo: {keys}")
    bus.status.emit(said.format(change=bus.undo_stack.undoText(), keys=_keys(QKeySequence.StandardKey.Undo)))
    return True


def set_done(bus: JournalBus, parent: QWidget | None, entry: Entry, done: bool) -> bool:
    """Mark the entry's follow-up (an interaction's) or the reminder done, or not done again."""
    if entry.done is None:
        return False
    kind = "reminder" if entry.source == "reminder" else "follow_up"
    return commands.mark_due_done(bus, parent, kind, entry.id, ops.get_contact(entry.contact_id).name, done)


def _with_key(text: str, key: str | QKeySequence.StandardKey) -> str:
    """A menu item's text showing the key that does the same in the list (the key is the list's)."""
    return f"{text}\t{_keys(key)}"


def add_actions(menu: QMenu, bus: JournalBus, parent: QWidget | None, entry: Entry) -> None:
    """Edit…, Mark Done (or Not Done) when there is something to do, and Delete, each with its key."""
    if entry.source not in EDITABLE:
        return
    menu.addAction(_with_key(QCoreApplication.translate("entries", "&Edit…"), "Return"),
                   lambda: edit(bus, parent, entry))
    if entry.done is not None:
        text = (QCoreApplication.translate("entries", "Mark &Not Done") if entry.done
                else QCoreApplication.translate("entries", "Mark &Done"))
        menu.addAction(_with_key(text, DONE_KEY), lambda: set_done(bus, parent, entry, not entry.done))
    menu.addAction(_with_key(QCoreApplication.translate("entries", "De&lete"), QKeySequence.StandardKey.Delete),
                   lambda: delete(bus, parent, entry))


# --- the source mark of captured entries ---------------------------------------------------


def source_word(kind: str | None) -> str | None:
    """The mark's word for a captured entry's *kind* ("mail", "calendar", "WhatsApp"); None when typed."""
    if not kind:
        return None
    word = SOURCE_WORDS.get(kind)
    return QCoreApplication.translate("entries", word) if word else kind


def source_tip(kind: str | None) -> str | None:
    """What the mark's tooltip says ("Captured from a mailbox (mbox)"); None for a typed entry."""
    if not kind:
        return None
    tip = SOURCE_TIPS.get(kind)
    return (QCoreApplication.translate("entries", tip) if tip
            else QCoreApplication.translate("entries", "Captured from a file ({kind})").format(kind=kind))


def source_spoken(kind: str | None) -> str:
    """How a screen reader says the mark ("from mail"); "" for a typed entry."""
    word = source_word(kind)
    return QCoreApplication.translate("entries", "from {source}").format(source=word) if word else ""


class SourceMarkDelegate(QStyledItemDelegate):
    """Paints a cell's text with the entry's source mark — a small grey rounded label — at
    its right end (the text is elided before the mark). A cell without :data:`SOURCE_ROLE`
    data paints as usual."""

    PAD = 5  # inside the mark, left and right
    GAP = 6  # between the text and the mark

    def _font_metrics(self, option: QStyleOptionViewItem) -> tuple[QFontMetrics, QFont]:
        small = QFont(option.font)
        if small.pointSizeF() > 0:
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        return QFontMetrics(small), small

    def mark_width(self, option: QStyleOptionViewItem, word: str) -> int:
        metrics, _ = self._font_metrics(option)
        return metrics.horizontalAdvance(word) + 2 * self.PAD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        word = index.data(SOURCE_ROLE)
        if not isinstance(word, str) or not word:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(2, 0, -2, 0)
        metrics, small = self._font_metrics(opt)
        width = min(self.mark_width(opt, word), max(area.width() // 2, 0))
        mark = QRect(area.right() - width + 1, area.center().y() - metrics.height() // 2 - 1, width,
                     metrics.height() + 2)
        # The style draws the cell as usual, with the text cut short of the mark: it sits where
        # every other cell's text sits.
        opt.text = opt.fontMetrics.elidedText(opt.text, Qt.TextElideMode.ElideRight,
                                              max(area.width() - width - self.GAP, 0))
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Enabled else QPalette.ColorGroup.Disabled
        painter.save()
        grey = opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        if selected:
            grey = opt.palette.color(group, QPalette.ColorRole.HighlightedText)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        border = QColor(grey)
        border.setAlpha(150)
        painter.setPen(border)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(mark).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.setFont(small)
        painter.setPen(grey)
        painter.drawText(mark, int(Qt.AlignmentFlag.AlignCenter),
                         metrics.elidedText(word, Qt.TextElideMode.ElideRight, mark.width() - 2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        word = index.data(SOURCE_ROLE)
        if isinstance(word, str) and word:
            size.setWidth(size.width() + self.mark_width(option, word) + self.GAP)
        return size
