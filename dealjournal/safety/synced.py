"""Journals inside file-sync folders.

File-sync services (Dropbox, OneDrive, iCloud Drive, Google Drive, Syncthing) copy a live
SQLite file and its ``-wal`` at different moments and so corrupt it:
:func:`synced_folder_warning` tells the user, with the alternative.
"""

from __future__ import annotations

from pathlib import Path

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

_SYNC_NAMES = (
    ("Dropbox", lambda name: name == "dropbox" or name.startswith("dropbox (")),
    ("OneDrive", lambda name: name == "onedrive" or name.startswith("onedrive -") or name.startswith("onedrive-")),
    ("Google Drive", lambda name: name in ("google drive", "googledrive", "my drive", "gdrive")
     or name.startswith("googledrive-")),
    ("pCloud", lambda name: name in ("pcloud drive", "pclouddrive")),
    ("Box", lambda name: name == "box sync"),
)
_MARKERS = ((".stfolder", "Syncthing"), (".dropbox", "Dropbox"), (".dropbox.cache", "Dropbox"))


def synced_service(path: Path | str) -> str | None:
    """The name of the file-sync service whose folder holds *path*, or None."""
    path = Path(path).expanduser().absolute()
    parts = path.parts
    lowered = [p.lower() for p in parts]
    for i in range(len(parts) - 1):
        if lowered[i] == "library" and lowered[i + 1] == "mobile documents":
            return "iCloud Drive"
        if lowered[i] == "library" and lowered[i + 1] == "cloudstorage":
            return _cloudstorage_name(parts[i + 2] if i + 2 < len(parts) else "")
        if lowered[i] == "icloud drive" or lowered[i] == "iclouddrive":
            return "iCloud Drive"
    for part in lowered[:-1]:
        for service, matches in _SYNC_NAMES:
            if matches(part):
                return service
    for folder in path.parents:
        for marker, service in _MARKERS:
            try:
                if (folder / marker).exists():
                    return service
            except OSError:
                continue
    return None


def _cloudstorage_name(entry: str) -> str:
    """macOS keeps every File Provider service under ~/Library/CloudStorage/<Service>-<account>."""
    lowered = entry.lower()
    for prefix, name in (("dropbox", "Dropbox"), ("onedrive", "OneDrive"), ("googledrive", "Google Drive"),
                         ("box", "Box")):
        if lowered.startswith(prefix):
            return name
    return Phrase(QT_TRANSLATE_NOOP("core", "a cloud storage service"))


def synced_folder_warning(path: Path | str) -> str | None:
    """A warning (a Phrase) to show when the journal at *path* lives in a file-sync folder, else None."""
    service = synced_service(path)
    if service is None:
        return None
    return Phrase(QT_TRANSLATE_NOOP(
        "core", "This journal is inside a {service} folder. File-sync services copy a database file while "
                "it is being written, and copy it separately from its \"-wal\" companion file, which can corrupt "
                "the journal or lose recent changes, especially when two computers use it. Keep the journal "
                "in a local folder that is not synced (the default location is fine) and let the service "
                "sync the backups or exported JSON files instead."), service=service)
