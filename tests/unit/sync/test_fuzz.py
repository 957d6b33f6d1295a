"""Property test of the sync core (tests/unit/sync/sync_sim.py): three replicas doing random
creates, edits, deletes, merges and resolutions through a transport that shuffles, delays,
duplicates and half-writes files, adds conflict copies and stray temporary files, with clocks
skewed by up to two hours and jumping back, now and then a cloned disk, a restored backup, a
file deleted from the folder or one of a newer format. All replicas end byte-identical, and
every write survives unless a later write, delete or merge had seen it.

The mutation check swaps the merge for three plausible wrong ones and shows that the same
oracle fails each within a few seeds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sync_sim import run

from dealjournal.sync.merge import Merger
from dealjournal.sync.state import Cand, FileInfo

SEEDS = int(os.environ.get("DEALJOURNAL_SYNC_SEEDS", "64"))
STEPS = 300


def clean(folder: Path) -> None:
    """Thousands of small files per seed: gone once passed (pytest would delete them later)."""
    for child in folder.iterdir():
        shutil.rmtree(child, ignore_errors=True)


@pytest.mark.parametrize("seed", range(SEEDS))
def test_replicas_converge_and_lose_nothing(seed: int, tmp_path: Path) -> None:
    run(seed, tmp_path, steps=STEPS)
    clean(tmp_path)


class LastWriterWins(Merger):
    """Plain last-writer-wins by clock: a register keeps only its newest value."""

    def insert(self, cands: list[Cand], by: FileInfo, idx: int, stamp: str, new: Cand) -> list[Cand]:
        return [max([*cands, new], key=self.order)]


class ClockOrdered(Merger):
    """"Had seen" read off the clocks: whatever is older was seen (writes, deletes, merges)."""

    def covers(self, by: FileInfo, idx: int, stamp: str, c: Cand) -> bool:
        return self.order(c) < (stamp, by.device, by.seq, by.fid, idx)


class DeleteAlwaysWins(Merger):
    """A tombstone hides its record whatever it had seen."""

    def hidden(self, tombstones: list[Cand], fields: object) -> bool:
        return bool(tombstones)


@pytest.mark.parametrize("mutant", [LastWriterWins, ClockOrdered, DeleteAlwaysWins])
def test_the_oracle_catches_a_wrong_merge(mutant: type[Merger], tmp_path: Path) -> None:
    failed = []
    for seed in range(6):
        try:
            run(seed, tmp_path / str(seed), merger=mutant, steps=STEPS)
        except AssertionError as error:
            failed.append((seed, str(error).splitlines()[0]))
    clean(tmp_path)
    assert failed, f"{mutant.__name__} passed the oracle on seeds 0-5"
    print(f"{mutant.__name__}: caught on {len(failed)}/6 seeds, first: {failed[0]}")
