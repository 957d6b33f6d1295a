"""PyInstaller's entry script for the frozen ``dealjournal`` (the same as the console script)."""

from dealjournal.cli import main

raise SystemExit(main())
