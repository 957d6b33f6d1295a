"""The first-run page of an empty journal: import your contacts, or explore a sample journal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dealjournal.gui.bus import JournalBus
from dealjournal.gui.forms import icon
from dealjournal.gui.pages.base import Page
from dealjournal.phrases import QT_TRANSLATE_NOOP


class WelcomePage(Page):
    title = QT_TRANSLATE_NOOP("WelcomePage", "Welcome")
    icon_name = "dealjournal"
    import_requested = Signal()
    sample_requested = Signal()
    add_requested = Signal()

    def __init__(self, bus: JournalBus) -> None:
        super().__init__(bus)
        heading = QLabel(self.tr("Welcome to Deal Journal"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(self.tr(
            "Keep the journal of your relationships: who you follow and who follows back, what you gave "
            "whom and what came of it, what each customer is trying to achieve — and see at a glance which "
            "relationships have gone quiet or one-sided.\n\nYour journal is empty. Start with your contacts, "
            "or look around a sample journal first (it opens as a separate copy; your journal stays as it is)."))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setMaximumWidth(620)
        self.import_button = QPushButton(icon("import"), self.tr("Import contacts…"))
        self.sample_button = QPushButton(icon("journal"), self.tr("Explore a sample journal"))
        self.add_button = QPushButton(icon("contact-add"), self.tr("Add a contact…"))
        for button in (self.import_button, self.sample_button, self.add_button):
            button.setMinimumHeight(36)
        self.import_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        logo = QLabel()
        logo.setPixmap(icon("dealjournal").pixmap(96, 96))
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(logo)
        column.addWidget(heading)
        column.addSpacing(8)
        column.addWidget(text)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        outer.addWidget(holder, 3)
        outer.addStretch(1)
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.add_button.clicked.connect(self.add_requested)
