"""Sync between the user's devices through a folder that a file-sync service keeps in step
(Syncthing, Dropbox, …). The journal itself stays in the local data folder and is never
synced; each device writes immutable change files to the sync folder and reads everyone's.

This package is the pure core (standard library only, no Qt, no SQLite): the hybrid logical
clock (:mod:`.hlc`), the change files (:mod:`.changefile`, FORMAT.md), the merge
(:mod:`.merge`), the state in the shape of its future tables (:mod:`.state`) and a device's
side of it all (:mod:`.replica`).
"""

from __future__ import annotations

from dealjournal.sync.merge import Merger, canonical
from dealjournal.sync.replica import PullReport, Replica
from dealjournal.sync.state import SyncState

__all__ = ["Merger", "PullReport", "Replica", "SyncState", "canonical"]
