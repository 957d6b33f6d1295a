"""The journal's storage: one SQLite file, its schema and its peewee models, and the files
beside it — the lock (:mod:`.lock`), owner-only permissions (:mod:`.private`), the
journal's own settings (:mod:`.settings`) and the layout of its backups folder
(:mod:`.backup_files`; making and restoring backups is :mod:`dealjournal.safety`'s).

May use: the vocabulary (domain, errors, phrases) only. Never Qt.
"""

from dealjournal.store.db import close_journal, db, default_journal_path, journal_path, open_journal

__all__ = ["close_journal", "db", "default_journal_path", "journal_path", "open_journal"]
