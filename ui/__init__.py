"""Qt Designer forms of the window's dialogs, loaded at run time by dealjournal.gui.forms."""
