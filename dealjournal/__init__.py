"""Deal Journal: a private, offline relationship journal for solo sellers.

The package is split in two layers: the core (store, operations, health, interchange,
backup, cli), which never imports Qt, and ``dealjournal.gui`` on top of it.
"""

__version__ = "0.1.0"
APP_NAME = "Deal Journal"
APP_ID = "dealjournal"
DESKTOP_ID = "io.github.dealjournal.DealJournal"  # the .desktop file and AppStream id
