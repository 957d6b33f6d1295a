"""The journal's storage: one SQLite file, its schema and its peewee models."""

from dealjournal.store.db import close_journal, db, default_journal_path, journal_path, open_journal

__all__ = ["close_journal", "db", "default_journal_path", "journal_path", "open_journal"]
