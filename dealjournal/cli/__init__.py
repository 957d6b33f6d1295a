"""The ``dealjournal`` command: the window when run alone, otherwise a subcommand.

- :mod:`.main`: the parser and the commands (import, export, report, check, demo);
- :mod:`.backup`: ``backup``, ``backups`` and ``restore``;
- :mod:`.tables`: plain-text tables for a terminal.

May use every core package. It never imports Qt, except :mod:`dealjournal.gui.app` to open
the window when no command is given.
"""

from dealjournal.cli.main import main

__all__ = ["main"]
