"""Allow ``python -m dealjournal``."""

from dealjournal.cli import main

raise SystemExit(main())
