"""The contact page's side panel: how to reach them, channels, goals and touches per month.

Channel and goal changes are undoable commands (:mod:`dealjournal.gui.commands`); the page
reloads the panel (``show_details``) when a change concerns its contact.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QMenu, QScrollArea, QTableView, QVBoxLayout, QWidget

from dealjournal import domain
from dealjournal.gui import commands, labels, links, messages
from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import plain
from dealjournal.gui.pages.contact_lists import ID_ROLE, ChannelColumn, ChannelModel, ChoiceDelegate, GoalModel
from dealjournal.gui.pages.contact_reach import ReachBox, make_table, section_buttons
from dealjournal.gui.widgets.monthly_chart import MonthlyTouchChart
from dealjournal.queries import contact as queries

log = logging.getLogger(__name__)


class ContactSide(QScrollArea):
    """Reach, channels (follow toggle, follows-back, profile link), goals and the monthly chart."""

    def __init__(self, bus: JournalBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bus = bus
        self.contact_id: int | None = None
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(0, 0, 4, 0)
        self.reach = ReachBox()
        box.addWidget(self.reach)

        channels = QGroupBox(self.tr("Channels"))
        lay = QVBoxLayout(channels)
        self.channel_model = ChannelModel(self._set_follow, self._set_follows_back, self)
        self.channel_view = make_table(self.channel_model, self.tr("Channels"), stretch=ChannelColumn.HANDLE)
        self.channel_view.setItemDelegateForColumn(
            ChannelColumn.FOLLOWS_BACK, ChoiceDelegate(domain.FOLLOWS_BACK, labels.FOLLOWS_BACK, self))
        self.channel_view.clicked.connect(self._channel_clicked)
        self.channel_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.channel_view.doubleClicked.connect(self._channel_double_clicked)
        lay.addWidget(self.channel_view)
        self.no_channels = plain(QLabel(self.tr("No channels yet. Add where you follow them (LinkedIn, X, "
                                                 "a blog…).")))
        lay.addWidget(self.no_channels)
        self.channel_buttons = section_buttons(lay, (
            ("Add channel…", self.tr("Add channel…"), self.add_channel),
            ("Edit…", self.tr("Edit…"), self.edit_channel),
            ("Remove", self.tr("Remove"), self.remove_channel),
            ("Profile ↗", self.tr("Profile ↗"), self.open_selected_profile)))
        self.channel_buttons["Profile ↗"].setToolTip(self.tr("Open the selected channel's profile in your browser"))
        box.addWidget(channels)

        goals = QGroupBox(self.tr("Goals"))
        lay = QVBoxLayout(goals)
        self.goal_model = GoalModel(self.bus.today, self)
        self.goal_view = make_table(self.goal_model, self.tr("Goals"))
        self.goal_view.doubleClicked.connect(lambda _i: self.edit_goal())
        self.goal_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        lay.addWidget(self.goal_view)
        self.no_goals = plain(QLabel(self.tr("No goals yet. What is this person trying to achieve?")))
        lay.addWidget(self.no_goals)
        self.goal_buttons = section_buttons(lay, (("Add goal…", self.tr("Add goal…"), self.add_goal),
                                                  ("Edit…", self.tr("Edit…"), self.edit_goal),
                                                  ("Close", self.tr("Close"), lambda: None)))
        close_menu = QMenu(self)
        for text, status in ((self.tr("&Achieved"), "achieved"), (self.tr("&Dropped"), "dropped"),
                             (self.tr("&Reopen"), "open")):
            close_menu.addAction(text, lambda s=status: self.close_goal(s))  # type: ignore[misc]
        self.goal_buttons["Close"].setMenu(close_menu)
        self.goal_buttons["Close"].setToolTip(self.tr("Close the selected goal as achieved or dropped, or reopen it"))
        box.addWidget(goals)

        chart_box = QGroupBox(self.tr("Touches per month"))
        lay = QVBoxLayout(chart_box)
        self.chart = MonthlyTouchChart()
        lay.addWidget(self.chart)
        box.addWidget(chart_box)
        box.addStretch(1)

        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setWidget(inner)
        self.setMinimumWidth(300)


    def show_details(self, details: queries.ContactDetails) -> None:
        """Show *details*' reach, channels, goals and chart (read again from the journal)."""
        self.contact_id = details.id
        self.reach.show_details(details)
        self.channel_model.set_rows(queries.channels(details.id))
        self.goal_model.set_rows(queries.goals(details.id))
        self._update_buttons()
        for view, empty in ((self.channel_view, self.no_channels), (self.goal_view, self.no_goals)):
            view.fit_rows()
            view.setVisible(view.model().rowCount() > 0)
            empty.setVisible(view.model().rowCount() == 0)
        self.chart.set_data(queries.monthly_touches(details.id, self.bus.today()))

    def _update_buttons(self) -> None:
        """Edit, Remove, Close… act on the selected row: enabled only when one is selected."""
        channel = self._selected(self.channel_view)
        for text in ("Edit…", "Remove"):
            self.channel_buttons[text].setEnabled(channel is not None)
        row = self.channel_model.row_at(self.channel_view.currentIndex().row())
        self.channel_buttons["Profile ↗"].setEnabled(row is not None and links.safe_url(row.url) is not None)
        goal = self._selected(self.goal_view)
        for text in ("Edit…", "Close"):
            self.goal_buttons[text].setEnabled(goal is not None)

    # --- channels -----------------------------------------------------------------------

    def _selected(self, view: QTableView) -> int | None:
        index = view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def add_channel(self) -> None:
        from dealjournal.gui.dialogs.channel_edit import ChannelDialog

        if self.contact_id is not None:
            ChannelDialog.add(self.bus, self, self.contact_id)

    def edit_channel(self) -> None:
        from dealjournal.gui.dialogs.channel_edit import ChannelDialog

        channel_id = self._selected(self.channel_view)
        if channel_id is not None:
            ChannelDialog.edit(self.bus, self, channel_id)

    def remove_channel(self) -> None:
        channel_id = self._selected(self.channel_view)
        row = queries.channel(channel_id) if channel_id is not None else None
        if row is None:
            return
        question = (self.tr("Remove the {network} channel {handle}?") if row.handle
                    else self.tr("Remove the {network} channel?"))
        if messages.confirm(self, question.format(network=labels.network(row.network), handle=row.handle),
                            self.tr("Remove")):
            commands.delete_channel(self.bus, self, row.id)

    def open_profile(self, channel_id: int) -> bool:
        """Open the channel's profile in the browser, only if it is an http(s) link."""
        row = queries.channel(channel_id)
        if row is None or not row.url or links.safe_url(row.url) is None \
                or links.safe_url(row.url).scheme().lower() not in ("http", "https"):  # type: ignore[union-attr]
            self.bus.status.emit(self.tr("That profile link is not a web address, so it was not opened."))
            return False
        return links.open_link(row.url)

    def open_selected_profile(self) -> None:
        channel_id = self._selected(self.channel_view)
        if channel_id is not None:
            self.open_profile(channel_id)

    def _channel_clicked(self, index: QModelIndex) -> None:
        if index.column() == ChannelColumn.PROFILE:
            self.open_profile(index.data(ID_ROLE))

    def _channel_double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (ChannelColumn.NETWORK, ChannelColumn.HANDLE):
            self.edit_channel()

    def _set_follow(self, channel_id: int, follow: bool) -> None:
        commands.edit_channel(self.bus, self, channel_id, following_since=self.bus.today() if follow else None)

    def _set_follows_back(self, channel_id: int, value: str) -> None:
        commands.edit_channel(self.bus, self, channel_id, follows_back=value)

    # --- goals -------------------------------------------------------------

    def add_goal(self) -> None:
        from dealjournal.gui.dialogs.goal_edit import GoalDialog

        if self.contact_id is not None:
            GoalDialog.add(self.bus, self, self.contact_id)

    def edit_goal(self) -> None:
        from dealjournal.gui.dialogs.goal_edit import GoalDialog

        goal_id = self._selected(self.goal_view)
        if goal_id is not None:
            GoalDialog.edit(self.bus, self, goal_id)

    def close_goal(self, status: str) -> None:
        goal_id = self._selected(self.goal_view)
        if goal_id is not None:
            commands.close_goal(self.bus, self, goal_id, status, on=self.bus.today())
