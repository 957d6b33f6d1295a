"""The merge: the state as a function of the *set* of applied change files.

Every (record gid, field) is a multi-value register. A write W' replaces a candidate W iff
W' *had seen* W: W's dot (its file and line) is covered by W''s causal context, which is

* the earlier lines of W''s own file,
* the earlier files of W''s device (its chain of ``prev`` links), and
* for every other device, the files up to the heads W''s file header names.

Clocks play no part in that; they only order the candidates of a conflict, newest first
(ties by device id). Since a file is applied only after everything its context names
(causal delivery, :mod:`dealjournal.sync.replica`), a new write is never covered by a
candidate already there, and applying is: drop the candidates it covers, add it. Every
device holding the same set of files holds the same candidates.

Registers whose names start with ``_`` are not fields; three have a meaning:

``_k``
    its kind (``contact``, ``interaction``), written once at creation.
``_del``
    its tombstones (``true``; ``null`` restores). A record is hidden only if every
    surviving value of its fields was seen by one of its surviving tombstones; otherwise it
    stays, flagged ``deleted_elsewhere`` (deleted on another device while edited here).
``_into``
    a contact merge: the gid of the survivor. The absorbed record redirects to the survivor
    (a conflict of targets goes to the newest; a cycle of concurrent merges is cut at its
    newest merge); field values of the absorbed record that the merge had not seen (and no
    value of the survivor's field has seen) are folded into the survivor's candidates;
    references of child records to the absorbed gid are read as the survivor's.

A resolution is nothing special: a write made after the candidates were applied, so that
its context covers them all.

:class:`Merger` holds these rules in small overridable methods (:meth:`Merger.covers`,
:meth:`Merger.insert`, :meth:`Merger.hidden`); the mutation tests replace them with wrong
ones to show that the simulator's oracle catches them.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from dealjournal.sync.state import Cand, FileInfo, SyncState

KIND = "_k"
DELETED = "_del"
INTO = "_into"
INTERNAL = frozenset({KIND, DELETED, INTO})
#: Fields whose values are gids of other records (read through merges), by kind.
DEFAULT_REFS: Mapping[str, Collection[str]] = {"interaction": frozenset({"contact"})}
EXPORT_FORMAT = 1


class Merger:
    def __init__(self, state: SyncState) -> None:
        self.state = state

    # -- causality -----------------------------------------------------------------------

    def covers(self, by: FileInfo, idx: int, stamp: str, c: Cand) -> bool:
        """Had the write at line *idx* of file *by* (stamped *stamp*) seen candidate *c*?"""
        no = c[2]
        if no == by.no:
            return c[3] < idx
        state = self.state
        cf = state.files[no]
        device = cf.device
        forked = device in state.forked
        if device == by.device:
            if not forked:
                return cf.seq < by.seq
            if self._chain_has(by.no, no):
                return True
        top = by.seen_max.get(device)
        if top is None or cf.seq > top:
            return False
        if not forked:
            return True
        index = state.index
        return any(self._chain_has(index[(device, s, h)], no) for s, h in by.seen[device])

    def _chain_has(self, head: int, no: int) -> bool:
        """Is file *no* the file *head* or one of its device's files before it (by ``prev``)?"""
        files, index = self.state.files, self.state.index
        target = files[no]
        cur = files[head]
        while cur.seq > target.seq:
            if cur.prev is None:
                return False
            parent = index.get((cur.device, cur.seq - 1, cur.prev))
            if parent is None:
                return False
            cur = files[parent]
        return cur.no == no

    def seen_by(self, by: Cand, c: Cand) -> bool:
        """Had the write of candidate *by* seen candidate *c*?"""
        return self.covers(self.state.files[by[2]], by[3], by[1], c)

    # -- registers -----------------------------------------------------------------------

    def insert(self, cands: list[Cand], by: FileInfo, idx: int, stamp: str, new: Cand) -> list[Cand]:
        """The candidates of a register after the write *new* (line *idx* of *by*)."""
        covers = self.covers
        keep = [c for c in cands if not covers(by, idx, stamp, c)]
        keep.append(new)
        return keep

    def apply_lines(self, info: FileInfo, lines: Iterable[list[Any]], start: int = 0) -> None:
        """Apply the change lines of file *info* ([gid, field, value, stamp]), the first
        being line *start* of the file."""
        values = self.state.values
        insert = self.insert
        no = info.no
        for idx, (gid, field, value, stamp) in enumerate(lines, start):
            record = values.get(gid)
            if record is None:
                values[gid] = {field: [(value, stamp, no, idx)]}
            else:
                cands = record.get(field)
                if cands is None:
                    record[field] = [(value, stamp, no, idx)]
                else:
                    record[field] = insert(cands, info, idx, stamp, (value, stamp, no, idx))
            if field == INTO:
                self.state.merged.add(gid)

    def write(self, info: FileInfo, idx: int, gid: str, field: str, value: object, stamp: str) -> None:
        self.apply_lines(info, ([gid, field, value, stamp],), idx)

    # -- deletes -------------------------------------------------------------------------

    def hidden(self, tombstones: list[Cand], fields: Mapping[str, list[Cand]]) -> bool:
        """Is a record with these surviving tombstones and field candidates hidden?"""
        if not tombstones:
            return False
        seen_by = self.seen_by
        return all(any(seen_by(t, w) for t in tombstones) for cands in fields.values() for w in cands)

    # -- reading -------------------------------------------------------------------------

    def order(self, c: Cand) -> tuple[str, str, int, str, int]:
        """The total order of candidates: by clock, then device (then where they were written)."""
        f = self.state.files[c[2]]
        return (c[1], f.device, f.seq, f.fid, c[3])

    def newest(self, cands: Iterable[Cand]) -> list[Cand]:
        return sorted(cands, key=self.order, reverse=True)

    def edges(self) -> dict[str, Cand]:
        """absorbed gid -> the merge candidate it follows; no cycles."""
        values = self.state.values
        edges: dict[str, Cand] = {}
        for gid in self.state.merged:
            live = [c for c in values[gid].get(INTO, ()) if isinstance(c[0], str) and c[0] != gid
                    and c[0] in values]
            if live:
                edges[gid] = max(live, key=self.order)
        done: set[str] = set()
        for start in sorted(edges):
            path: list[str] = []
            on_path: set[str] = set()
            node = start
            while node in edges and node not in done and node not in on_path:
                path.append(node)
                on_path.add(node)
                node = edges[node][0]
            if node in on_path:             # a cycle of concurrent merges: cut at the newest
                cycle = path[path.index(node):]
                del edges[max(cycle, key=lambda g: self.order(edges[g]))]
            done.update(path)
        return edges

    def roots(self, edges: Mapping[str, Cand] | None = None) -> dict[str, str]:
        """Every absorbed gid -> the record it now belongs to."""
        edges = self.edges() if edges is None else edges
        root: dict[str, str] = {}
        for start in edges:
            path = []
            node = start
            while node in edges and node not in root:
                path.append(node)
                node = edges[node][0]
            end = root.get(node, node)
            for g in path:
                root[g] = end
        return root

    def effective(self, only: Iterable[str] | None = None
                  ) -> tuple[dict[str, dict[str, list[Cand]]], dict[str, bool], dict[str, str]]:
        """Per record (every one, or those *only* names belong to): its field candidates
        with those folded in from records merged into it; whether it is hidden; and every
        absorbed gid's root."""
        values = self.state.values
        edges = self.edges()
        root = self.roots(edges)
        if only is None:
            tops: Iterable[str] = [g for g in values if g not in edges]
        else:
            tops = sorted({root.get(g, g) for g in only if g in values})
        children: dict[str, list[str]] = {}
        for gid, c in edges.items():
            children.setdefault(c[0], []).append(gid)
        eff: dict[str, dict[str, list[Cand]]] = {}
        hidden: dict[str, bool] = {}
        files = self.state.files
        covers = self.covers

        def compute(gid: str) -> None:
            record = values[gid]
            own = {f: cs for f, cs in record.items() if not f.startswith("_")}
            result = own
            for child in children.get(gid, ()):
                if hidden[child]:
                    continue
                m = edges[child]
                mf = files[m[2]]
                if result is own:
                    result = {f: list(cs) for f, cs in own.items()}
                for f, cs in eff[child].items():
                    mine = own.get(f, ())
                    for w in cs:
                        if covers(mf, m[3], m[1], w):
                            continue
                        if any(covers(files[s[2]], s[3], s[1], w) for s in mine):
                            continue
                        result.setdefault(f, []).append(w)
            eff[gid] = result
            tombstones = [c for c in record.get(DELETED, ()) if c[0] is True]
            hidden[gid] = self.hidden(tombstones, result)

        for top in tops:
            stack = [(top, False)]         # post-order: children before their survivor
            while stack:
                gid, expanded = stack.pop()
                if expanded:
                    compute(gid)
                    continue
                stack.append((gid, True))
                stack.extend((child, False) for child in children.get(gid, ()))
        return eff, hidden, root

    def materialise(self, refs: Mapping[str, Collection[str]] = DEFAULT_REFS,
                    exported_at: str | None = None, only: Iterable[str] | None = None) -> dict[str, Any]:
        """The canonical document of the visible records (sorted by gid; see FORMAT.md), or
        of those the gids in *only* belong to."""
        values = self.state.values
        files = self.state.files
        eff, hidden, root = self.effective(only)
        records = []
        for gid in sorted(eff):
            if gid in root or hidden[gid]:
                continue
            kinds = values[gid].get(KIND)
            kind = self.newest(kinds)[0][0] if kinds else None
            ref_fields = refs.get(kind, ()) if isinstance(kind, str) else ()
            fields: dict[str, Any] = {}
            conflicts: dict[str, list[dict[str, Any]]] = {}
            for f in sorted(eff[gid]):
                cands = eff[gid][f]
                if f in ref_fields:
                    cands = [(root.get(c[0], c[0]) if isinstance(c[0], str) else c[0], *c[1:]) for c in cands]
                if len(cands) > 1:
                    best: dict[str, Cand] = {}
                    for c in cands:
                        k = json.dumps(c[0], sort_keys=True, ensure_ascii=False)
                        if k not in best or self.order(c) > self.order(best[k]):
                            best[k] = c
                    cands = self.newest(best.values())
                if len(cands) == 1:
                    if cands[0][0] is not None:
                        fields[f] = cands[0][0]
                else:
                    fields[f] = cands[0][0]
                    conflicts[f] = [{"value": c[0], "stamp": c[1], "device": files[c[2]].device} for c in cands]
            tombstones = [c for c in values[gid].get(DELETED, ()) if c[0] is True]
            records.append({"gid": gid, "kind": kind, "fields": fields, "conflicts": conflicts,
                            "deleted_elsewhere": bool(tombstones)})
        return {"format": EXPORT_FORMAT, "exported_at": exported_at, "records": records,
                "merged": dict(sorted(root.items()))}


def canonical(document: Mapping[str, Any]) -> bytes:
    """The bytes two devices compare: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
