"""The contact page's "Reach" box (e-mails as mailto links, phones, website, notes) and table helpers.

Every value is user data: labels are plain text, buttons escape ``&`` so that no mnemonic
is invented, and long values are elided with the whole value in the tooltip.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView, QBoxLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QTableView, QWidget,
)

from dealjournal.gui import links
from dealjournal.gui.pages.contact_lists import ElidedLabel
from dealjournal.queries.contact import ContactDetails

log = logging.getLogger(__name__)
LINK_WIDTH = 230  # pixels a link may take before it is elided
NOTES_PREVIEW = 4000  # characters of the notes shown on the page


class LinkButton(QPushButton):
    """A flat button that looks like a link and opens *url* only through :func:`links.open_link`."""

    def __init__(self, text: str, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, LINK_WIDTH)
        self.setText(shown.replace("&", "&&"))
        self.setToolTip(self.tr("Open {url}").format(url=url))
        self.setAccessibleName(text)
        self.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; text-align: left; "
                           "padding: 1px 2px; }")
        self.clicked.connect(lambda _=False: links.open_link(self.url))


class ReachBox(QGroupBox):
    """How to reach the contact: e-mails, phones, website, source and notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Reach"))
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.notes.setMaximumHeight(72)
        self.notes.setTabChangesFocus(True)

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.notes:
                widget.hide()
                widget.setParent(None)  # leaves the box now, not at the next event loop turn
                widget.deleteLater()

    def _caption(self, text: str) -> QLabel:
        label = ElidedLabel(text)
        label.setMaximumWidth(110)
        label.setForegroundRole(self.foregroundRole())
        return label

    def show_details(self, d: ContactDetails) -> None:
        self._clear()
        row = 0
        for label, value in d.emails:
            url = links.mailto(value)
            widget: QWidget = LinkButton(value, url.toString(), self) if url is not None else ElidedLabel(value)
            self._add(row, label or self.tr("e-mail"), widget)
            row += 1
        for label, value in d.phones:
            phone = ElidedLabel(value)
            phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._add(row, label or self.tr("phone"), phone)
            row += 1
        if d.website:
            site: QWidget = LinkButton(d.website, d.website, self) if links.safe_url(d.website) else ElidedLabel(d.website)
            self._add(row, self.tr("website"), site)
            row += 1
        if d.source:
            self._add(row, self.tr("met via"), ElidedLabel(d.source))
            row += 1
        if row == 0:
            none = ElidedLabel(self.tr("No e-mail or phone yet — Edit ({keys}) to add them.").format(keys="F2"))
            self.grid.addWidget(none, row, 0, 1, 2)
            row += 1
        if d.notes:
            text = d.notes if len(d.notes) <= NOTES_PREVIEW else d.notes[:NOTES_PREVIEW] + "…"
            self.notes.setPlainText(text)
            self.grid.addWidget(self.notes, row, 0, 1, 2)
            self.notes.show()
        else:
            self.notes.hide()

    def _add(self, row: int, caption: str, widget: QWidget) -> None:
        self.grid.addWidget(self._caption(caption), row, 0)
        self.grid.addWidget(widget, row, 1)

    def link_buttons(self) -> list[LinkButton]:
        return self.findChildren(LinkButton)


class FittedTable(QTableView):
    """A small table whose height follows its rows (between 2 and 6), for lists inside a scroll area."""

    def fit_rows(self) -> None:
        model = self.model()
        rows = min(6, max(1, model.rowCount() if model is not None else 0))
        height = self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)


def make_table(model: QAbstractItemModel, name: str, stretch: int = 0) -> FittedTable:
    view = FittedTable()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return view


def section_buttons(layout: QBoxLayout, specs: Sequence[tuple[str, str, Callable[[], object]]]
                    ) -> dict[str, QPushButton]:
    """A row of small buttons under a list, from (key, shown text, slot); returns them by their key
    (a fixed English name: the shown text is in the window's language)."""
    row = QHBoxLayout()
    buttons: dict[str, QPushButton] = {}
    for key, text, slot in specs:
        button = QPushButton(text)
        button.clicked.connect(lambda _=False, s=slot: s())
        row.addWidget(button)
        buttons[key] = button
    row.addStretch(1)
    layout.addLayout(row)
    return buttons
