"""The window's dialogs: a Designer form in ``ui/`` and a small class each."""
