"""Keeping the journal safe: checked backups and restore, integrity checks, atomic file
writing, journals in file-sync folders, and privacy (export or erase one person).

- :mod:`.backup`: making, thinning and restoring backups (their files: :mod:`dealjournal.store.backup_files`);
- :mod:`.check`: the integrity check behind ``dealjournal check``;
- :mod:`.files`: write a file atomically (temp name, fsync, rename), owner-only;
- :mod:`.synced`: warn about a journal inside a Dropbox/OneDrive/Syncthing folder;
- :mod:`.privacy`: everything about one person, exported or erased.

May use: :mod:`dealjournal.ops`, :mod:`dealjournal.health`, :mod:`dealjournal.store` and the
vocabulary. The store never uses this package. Never Qt.
"""
