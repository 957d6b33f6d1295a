"""Sync of the open journal through a sync folder: one pass publishes this device's changes
and applies everyone else's (issue "Sync"; the files: FORMAT.md; the merge: :mod:`.merge`).

**Capturing local changes.** While sync is on, permanent triggers (schema version 10) note
in ``sync_dirty`` the gid of every row of a synced table that any connection inserts,
updates or deletes (only a key: a few microseconds per row; nothing at all before sync was
first used: the triggers test the ``track`` row of ``sync_meta`` first). A pass compares each
dirty record's row with the sync state's current values and writes what differs: a create
(all its fields) for a record the state does not have, an edit per field that differs, a
delete for a row that is gone. A contact merge (:func:`merge_contacts`) leaves
``(absorbed, survivor)`` in ``sync_merge``; the pass writes it as a sync merge. The first pass
of a journal marks every row dirty, so all of it is published once, as creates.

**Applying.** The files pulled are applied in the same transaction as the state (see
:mod:`.tables`): exactly the rows of the records they touched are inserted, updated or deleted
(children of a merged contact re-pointed to the survivor first), with ``track`` off so that
none of it is published again; a field in conflict shows its newest value. Conflicts and
"deleted on another device while edited here" flags are kept in ``sync_issue`` for
:func:`conflicts` (the command line; later the window).

A pass that fails (a full disk, a folder that went away) rolls back: the journal is as it was
before it, and the error says why.
"""

from __future__ import annotations

import hashlib
import json
import logging
import socket
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from dealjournal import domain
from dealjournal.errors import JournalError, ValidationError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.health import state as health_state
from dealjournal.health import touches
from dealjournal.store import settings as journal_settings
from dealjournal.store.db import db
from dealjournal.sync import hlc, mapping
from dealjournal.sync.changefile import ChangeFile
from dealjournal.sync.ids import new_device_id
from dealjournal.sync.mapping import BY_KIND, BY_TABLE, KINDS, ORDER, REFS, SETTINGS_GID, Kind
from dealjournal.sync.merge import DELETED, KIND
from dealjournal.sync.replica import PullReport, Replica
from dealjournal.sync.tables import DbState, LazyValues, new_state

log = logging.getLogger(__name__)

TRACK = "track"
META_FOLDER = "folder"
META_NAME = "device_name"
META_NAMED = "named"   # "<device>\x1f<name>" once that device record was written
META_LAST = "last_sync"  # when the last pass ended, local time "YYYY-MM-DD HH:MM:SS"
META_AUTO = "auto"       # "0": the window syncs only when asked (File ▸ Sync Now)


class SyncError(JournalError):
    """A sync pass could not run (no folder, the folder is gone, a disk is full)."""


@dataclass
class SyncReport:
    folder: str
    device: str
    device_name: str
    first: bool = False
    published_files: int = 0
    published_changes: int = 0
    applied_files: int = 0
    applied_changes: int = 0
    rows: int = 0                       # journal rows inserted, updated or deleted by applying
    skipped_rows: int = 0               # records that could not become rows (a missing contact, …)
    waiting: int = 0                    # files waiting for an earlier file
    incomplete: int = 0
    held: list[tuple[str, int]] = field(default_factory=list)
    malformed: list[str] = field(default_factory=list)
    republished: int = 0
    new_device: tuple[str, str] | None = None
    conflicts: int = 0
    deleted_elsewhere: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"folder": self.folder, "device": self.device, "device_name": self.device_name, "first": self.first,
                "published": {"files": self.published_files, "changes": self.published_changes},
                "applied": {"files": self.applied_files, "changes": self.applied_changes, "rows": self.rows,
                            "skipped": self.skipped_rows},
                "waiting": self.waiting, "incomplete": self.incomplete,
                "held": [{"file": p, "format": v} for p, v in self.held], "malformed": self.malformed,
                "republished": self.republished,
                "new_device": list(self.new_device) if self.new_device else None,
                "conflicts": self.conflicts, "deleted_elsewhere": self.deleted_elsewhere}


class JournalReplica(Replica):
    """A replica over :class:`DbState`: reads the records a pulled file touches in one go."""

    def _apply_ready(self, fresh: list[ChangeFile], report: PullReport) -> None:
        values = self.state.values
        if isinstance(values, LazyValues):
            values.prefetch(line[0] for cf in fresh for line in cf.lines)
        super()._apply_ready(fresh, report)


# -- meta ------------------------------------------------------------------------------------

def _conn() -> sqlite3.Connection:
    return db.connection()  # type: ignore[no-any-return]


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM sync_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set_meta(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM sync_meta WHERE key = ?", (key,))
    else:
        conn.execute("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)", (key, value))


def configured() -> bool:
    """Whether this journal ever synced."""
    return _meta(_conn(), "device") is not None


def settings() -> dict[str, str | None]:
    conn = _conn()
    return {"folder": _meta(conn, META_FOLDER), "device": _meta(conn, "device"), "device_name": _meta(conn, META_NAME)}


@dataclass
class Device:
    device: str
    name: str
    files: int           # change files of that device applied (or written, for this one)
    this: bool           # this computer


@dataclass
class Status:
    folder: str | None
    device: str | None
    device_name: str     # what this computer is called (its host name until named)
    stored_name: str | None  # the name given to it, if any
    last_sync: str | None
    auto: bool
    devices: list[Device]
    conflicts: int
    deleted_elsewhere: int


def save_settings(folder: Path | str | None, device_name: str | None, auto: bool = True) -> None:
    """Remember the sync folder (None: sync is off), this computer's name and whether the
    window syncs by itself; the next pass uses them. A folder must exist."""
    where = None
    if folder is not None and str(folder).strip():
        where = Path(folder).expanduser()
        if not where.is_dir():
            raise SyncError(Phrase(QT_TRANSLATE_NOOP("core", "The sync folder {folder} does not exist (or is not mounted)."),
                                   folder=str(where)))
        where = where.resolve()
    conn = _conn()
    with db.atomic("IMMEDIATE"):
        _set_meta(conn, META_FOLDER, None if where is None else str(where))
        _set_meta(conn, META_NAME, (device_name or "").strip() or None)
        _set_meta(conn, META_AUTO, None if auto else "0")


def default_device_name() -> str:
    """What this computer is called until the user names it."""
    return socket.gethostname() or "this computer"


def status(*, devices: bool = True) -> Status:
    """The sync settings, when the last pass ended, the open issues and (unless *devices* is
    False: it reads the sync state) the devices seen."""
    conn = _conn()
    device = _meta(conn, "device")
    stored = _meta(conn, META_NAME)
    name = stored or default_device_name()
    seen: list[Device] = []
    if device is not None and devices:
        names = _device_names(_open_replica(conn))
        rows = conn.execute("SELECT device, count(*) FROM sync_file GROUP BY device").fetchall()
        files = {str(d): int(n) for d, n in rows}
        files.setdefault(device, 0)
        for d, n in files.items():
            seen.append(Device(d, name if d == device else names(d), n, d == device))
        seen.sort(key=lambda d: (not d.this, d.name.casefold(), d.device))
    conflicts_n, deleted = _issue_counts(conn) if device is not None else (0, 0)
    return Status(_meta(conn, META_FOLDER), device, name, stored, _meta(conn, META_LAST),
                  _meta(conn, META_AUTO) != "0", seen, conflicts_n, deleted)


def issue_count() -> int:
    """The conflicts and deleted-elsewhere flags waiting to be settled."""
    return sum(_issue_counts(_conn()))


def contact_gids(contact_id: int) -> tuple[str | None, set[str]]:
    """The contact's name and the gids of its record and of all its rows (e-mails, tags, goals,
    interactions …): its conflicts are those on one of them. No such contact: (None, ∅)."""
    conn = _conn()
    row = conn.execute("SELECT name, gid FROM contact WHERE id = ?", (contact_id,)).fetchone()
    if row is None:
        return None, set()
    gids = {str(row[1])} if row[1] is not None else set()
    for child in mapping.CONTACT_CHILDREN:
        if child in KINDS:   # capture's rows have no gid column (theirs are derived)
            gids.update(str(g) for (g,) in conn.execute(
                f"SELECT gid FROM {child.table} WHERE contact_id = ? AND gid IS NOT NULL", (contact_id,)))
    return str(row[0]), gids


def contact_issues(contact_id: int) -> int:
    """How many conflicts (or deleted-elsewhere flags) concern this contact or its rows."""
    conn = _conn()
    if _meta(conn, "device") is None or conn.execute("SELECT 1 FROM sync_issue LIMIT 1").fetchone() is None:
        return 0  # (what a contact page asks each time it shows: nothing to look up most of the time)
    gids = sorted(contact_gids(contact_id)[1])
    if not gids:
        return 0
    marks = ",".join("?" * len(gids))
    return int(conn.execute(f"SELECT count(*) FROM sync_issue WHERE rec IN ({marks})", gids).fetchone()[0])


# -- the pass -------------------------------------------------------------------------------

def sync(folder: Path | str | None = None, device_name: str | None = None) -> SyncReport:
    """One pass: publish this device's changes, apply the others'. *folder* and *device_name*
    are remembered; the first pass needs a folder."""
    conn = _conn()
    stored = _meta(conn, META_FOLDER)
    if folder is None and stored is None:
        raise SyncError(Phrase(QT_TRANSLATE_NOOP(
            "core", "No sync folder yet: choose one (the command line: --folder DIR; it is remembered).")))
    where = Path(folder if folder is not None else stored).expanduser()  # type: ignore[arg-type]
    if not where.is_dir():
        raise SyncError(Phrase(QT_TRANSLATE_NOOP(
            "core", "The sync folder {folder} does not exist (or is not mounted); nothing was changed."),
            folder=str(where)))
    where = where.resolve()
    name = (device_name or "").strip() or None
    try:
        with db.atomic("IMMEDIATE"):
            report = _publish_pass(conn, where, name)
        with db.atomic("IMMEDIATE"):
            _pull_pass(conn, where, report)
            _set_meta(conn, META_LAST, datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
    except OSError as exc:
        raise SyncError(Phrase(QT_TRANSLATE_NOOP("core", "Sync with {folder} failed: {error}. The journal is as it was."),
                               folder=str(where), error=Phrase.verbatim(str(exc.strerror or exc)))) from None
    return report


def publish(folder: Path) -> SyncReport:
    """Only publish this device's changes (what a pass does first)."""
    conn = _conn()
    with db.atomic("IMMEDIATE"):
        return _publish_pass(conn, folder, None)


def _publish_pass(conn: sqlite3.Connection, folder: Path, name: str | None) -> SyncReport:
    first = _meta(conn, "device") is None
    if first:
        state = new_state(conn, new_device_id())
        _set_meta(conn, TRACK, "1")
        _mark_everything(conn)
    else:
        state = DbState.load(conn)
    _set_meta(conn, META_FOLDER, str(folder))
    if name is not None:
        _set_meta(conn, META_NAME, name)
    device_name = _meta(conn, META_NAME) or default_device_name()
    rep = JournalReplica(state)
    report = SyncReport(folder=str(folder), device=state.device, device_name=device_name, first=first)
    written: set[str] = set()
    _capture(conn, rep, device_name, written)
    rep._close_batch()
    report.published_changes = sum(state.own[key].data.count(b"\n") - 2 for key in state.outbox
                                   if not state.own[key].published)
    report.published_files = len(rep.publish(folder))
    state.save()
    _update_issues(conn, rep, written)
    return report


def _pull_pass(conn: sqlite3.Connection, folder: Path, report: SyncReport) -> None:
    _set_meta(conn, TRACK, None)       # what is applied is not this device's to publish
    state = DbState.load(conn, pull=True)
    rep = JournalReplica(state)
    pulled = rep.pull(folder)
    rep._close_batch()
    report.applied_files = len(pulled.applied)
    report.applied_changes = pulled.changes
    report.waiting = pulled.pending
    report.incomplete = len(pulled.incomplete)
    report.held = pulled.held
    report.malformed = pulled.malformed
    report.republished = len(pulled.republished)
    report.new_device = pulled.new_device
    if pulled.new_device:
        report.device = state.device
        log.warning("This journal's device id was used by another copy (a cloned disk or a restored backup); "
                    "it now writes as %s", state.device)
    doc = rep.materialise(REFS, only=pulled.touched) if pulled.touched else None
    rows, skipped = _apply(conn, rep, pulled.touched, doc)
    report.rows, report.skipped_rows = rows, skipped
    state.save()
    _update_issues(conn, rep, pulled.touched, doc)
    _set_meta(conn, TRACK, "1")
    report.conflicts, report.deleted_elsewhere = _issue_counts(conn)


def _mark_everything(conn: sqlite3.Connection) -> None:
    """The first pass: every record is published once, as a create."""
    for kind in KINDS:
        conn.execute(f"INSERT OR IGNORE INTO sync_dirty (tbl, ref) SELECT '{kind.table}', gid FROM {kind.table} "
                     "WHERE gid IS NOT NULL")
    conn.execute("INSERT OR IGNORE INTO sync_dirty (tbl, ref) VALUES ('setting', 'settings')")
    conn.execute("INSERT OR IGNORE INTO sync_dirty (tbl, ref) SELECT 'capture_seen', c.gid || char(31) || s.key "
                 "FROM capture_seen s JOIN contact c ON c.id = s.contact_id")
    conn.execute("INSERT OR IGNORE INTO sync_dirty (tbl, ref) SELECT 'capture_alias', identity FROM capture_alias")


# -- capturing local changes ------------------------------------------------------------------

def _select_rows(conn: sqlite3.Connection, kind: Kind, gids: list[str]) -> dict[str, dict[str, Any]]:
    """The fields of the rows with these gids (refs as gids)."""
    exprs = []
    for col in kind.columns:
        if col.ref:
            exprs.append(f"(SELECT r.gid FROM {col.ref} r WHERE r.id = t.{col.column})")
        else:
            exprs.append(f"t.{col.column}")
    if kind.kind == "contact":
        exprs += ["(SELECT until_day FROM snooze s WHERE s.contact_id = t.id)",
                  "(SELECT since FROM snooze s WHERE s.contact_id = t.id)"]
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(gids), 500):
        part = gids[start:start + 500]
        for row in conn.execute(f"SELECT t.gid, {', '.join(exprs)} FROM {kind.table} t "
                                f"WHERE t.gid IN ({','.join('?' * len(part))})", part):
            fields = {col.field: mapping.to_field(col, value) for col, value in zip(kind.columns, row[1:])}
            if kind.kind == "contact":
                until, since = row[-2:]
                fields["snooze_until"], fields["snooze_since"] = until, since
            out[row[0]] = fields
    return out


def _keyed_rows(conn: sqlite3.Connection, table: str, refs: list[str]) -> dict[str, dict[str, Any] | None]:
    """Capture's rows (no gid column): sync gid -> fields (None: the row is gone)."""
    out: dict[str, dict[str, Any] | None] = {}
    for ref in refs:
        if table == "capture_seen":
            contact, _, key = ref.partition("\x1f")
            found = conn.execute("SELECT 1 FROM capture_seen s JOIN contact c ON c.id = s.contact_id "
                                 "WHERE c.gid = ? AND s.key = ?", (contact, key)).fetchone()
            out[mapping.seen_gid(contact, key)] = {"contact": contact, "key": key} if found else None
        else:
            row = conn.execute("SELECT c.gid FROM capture_alias a JOIN contact c ON c.id = a.contact_id "
                               "WHERE a.identity = ?", (ref,)).fetchone()
            out[mapping.alias_gid(ref)] = {"contact": row[0], "identity": ref} if row else None
    return out


def _settings_fields(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The settings this journal holds (only those set: a new journal's defaults are not news)."""
    present = {row[0] for row in conn.execute("SELECT key FROM setting")}
    current = journal_settings.load()
    capture = journal_settings.load_capture()
    fields = {"window_days": current.window_days,
              "stage_cadence_days": {s: current.stage_cadence_days[s] for s in domain.STAGES},
              "me": list(capture.me), "phone_region": capture.phone_region}
    kept = {f: fields[f] for f, key in mapping.SETTINGS_FIELDS if key in present}
    return kept or None


def _capture(conn: sqlite3.Connection, rep: Replica, device_name: str, written: set[str]) -> int:
    """Write this device's changes since the last pass into *rep* (the gids written go to
    *written*); the number of changes."""
    state = rep.state
    count = 0

    def track(gid: str) -> None:
        written.add(gid)

    named = f"{state.device}\x1f{device_name}"
    if _meta(conn, META_NAMED) != named:
        dgid = mapping.device_gid(state.device)
        if dgid in state.values:
            rep.edit(dgid, "name", device_name)
        else:
            rep.create("device", {"name": device_name}, gid=dgid)
        _set_meta(conn, META_NAMED, named)
        count += 1
    count += _capture_rows(conn, rep, track)
    # merges last: a survivor created since the last pass is in the state by now
    for absorbed, survivor in conn.execute("SELECT absorbed, survivor FROM sync_merge").fetchall():
        if absorbed in state.values and survivor in state.values:
            if rep.merge(absorbed, survivor, {}) is not None:
                count += 1
                track(survivor)
                track(absorbed)
    conn.execute("DELETE FROM sync_merge")
    return count


def _capture_rows(conn: sqlite3.Connection, rep: Replica, track: Any) -> int:
    """The creates, edits and deletes of the rows noted in ``sync_dirty``."""
    state = rep.state
    count = 0
    dirty: dict[str, list[str]] = {}
    for tbl, ref in conn.execute("SELECT tbl, ref FROM sync_dirty"):
        dirty.setdefault(tbl, []).append(ref)
    conn.execute("DELETE FROM sync_dirty")
    if not dirty:
        return count
    wanted: dict[str, dict[str, Any] | None] = {}
    kinds: dict[str, str] = {}
    for tbl, refs in sorted(dirty.items(), key=lambda item: ORDER.get(BY_TABLE[item[0]].kind, -1)
                            if item[0] in BY_TABLE else -1):
        if tbl == "setting":
            wanted[SETTINGS_GID] = _settings_fields(conn)
            kinds[SETTINGS_GID] = "settings"
        elif tbl in ("capture_seen", "capture_alias"):
            for gid, fields in _keyed_rows(conn, tbl, refs).items():
                wanted[gid] = fields
                kinds[gid] = BY_TABLE[tbl].kind
        elif tbl in BY_TABLE:
            spec = BY_TABLE[tbl]
            rows = _select_rows(conn, spec, refs)
            for gid in refs:
                wanted[gid] = rows.get(gid)
                kinds[gid] = spec.kind
    values = state.values
    if isinstance(values, LazyValues):
        values.prefetch(wanted)
    present = [g for g in wanted if g in values]
    current = {r["gid"]: r for r in rep.materialise(REFS, only=present)["records"]} if present else {}
    for gid, fields in wanted.items():
        root = rep.root(gid)
        rec = current.get(gid) if root == gid else None
        if fields is not None:
            if rec is None:
                if gid in values:
                    if root != gid:
                        continue          # merged into another contact meanwhile: that one holds it
                    rep.restore(gid)
                    for f, value in fields.items():
                        rep.edit(gid, f, value)
                    count += 1 + len(fields)
                else:
                    clean = {f: value for f, value in fields.items() if value is not None}
                    rep.create(kinds[gid], clean, gid=gid)
                    count += 1 + len(clean)
                track(gid)
            else:
                shown = rec["fields"]
                for f, value in fields.items():
                    if shown.get(f) != value:
                        rep.edit(gid, f, value)
                        count += 1
                        track(gid)
        elif rec is not None and not _went_with_parent(conn, kinds[gid], rec["fields"]):
            rep.delete(gid)
            count += 1
            track(gid)
    return count


def _went_with_parent(conn: sqlite3.Connection, kind: str, fields: Mapping[str, Any]) -> bool:
    """Was the row deleted with the contact (content) it belongs to? Then its record is left as it
    is: the parent's delete hides it, and should the parent stay (deleted on one device while
    edited on another), the row comes back with it."""
    spec = BY_KIND.get(kind)
    for col in spec.columns if spec else ():
        target = fields.get(col.field)
        if col.ref and col.required and isinstance(target, str):
            if conn.execute(f"SELECT 1 FROM {col.ref} WHERE gid = ?", (target,)).fetchone() is None:
                return True
    return False


# -- applying others' changes -------------------------------------------------------------------

def _newest(cands: list[Any]) -> Any:
    return max(cands, key=lambda c: c[1])[0] if cands else None


class _Ids:
    """gid -> row id of the journal's tables, looked up once per pass."""

    def __init__(self, conn: sqlite3.Connection, *, preload: bool = False) -> None:
        self.conn = conn
        self.cache: dict[tuple[str, str], int | None] = {}
        self.complete = preload        # a big pass: every table's gids read at once
        if preload:
            for kind in KINDS:
                self.cache.update(((kind.table, gid), rowid)
                                  for gid, rowid in conn.execute(f"SELECT gid, id FROM {kind.table}"))

    def get(self, table: str, gid: object) -> int | None:
        if not isinstance(gid, str):
            return None
        key = (table, gid)
        if self.complete:
            return self.cache.get(key)
        if key not in self.cache:
            row = self.conn.execute(f"SELECT id FROM {table} WHERE gid = ?", (gid,)).fetchone()
            self.cache[key] = None if row is None else int(row[0])
        return self.cache[key]

    def put(self, table: str, gid: str, rowid: int | None) -> None:
        self.cache[(table, gid)] = rowid


def _apply(conn: sqlite3.Connection, rep: Replica, touched: Iterable[str],
           doc: Mapping[str, Any] | None = None) -> tuple[int, int]:
    """Bring the journal's rows of the records in *touched* to what the merge says (*doc*: their
    materialised records, if known); (rows, skipped)."""
    touched = set(touched)
    if not touched:
        return 0, 0
    values = rep.state.values
    if doc is None:
        doc = rep.materialise(REFS, only=touched)
    visible = {r["gid"]: r for r in doc["records"]}
    roots: dict[str, str] = doc["merged"]
    ids = _Ids(conn, preload=len(touched) > 2000)
    contacts: set[int] = set()
    rows = skipped = 0

    def kind_of(gid: str) -> str | None:
        record = values.get(gid)
        k = _newest(record.get(KIND, [])) if record else None
        return k if isinstance(k, str) else None

    # visible records, parents first (new rows of a big pass in batches)
    batch = _Batch(conn, ids) if ids.complete else None
    reborn: set[str] = set()
    for rec in sorted(visible.values(), key=lambda r: (ORDER.get(r["kind"], 99), r["gid"])):
        kind = rec["kind"]
        if kind == "settings":
            _apply_settings(conn, rec["fields"])
            rows += 1
            continue
        spec = BY_KIND.get(kind)
        if spec is None:
            continue                    # a device record, or a kind of a newer version
        if batch is not None and batch.spec is not spec:
            skipped += batch.flush(contacts)
        if batch is None and spec.kind in ("contact", "content") and ids.get(spec.table, rec["gid"]) is None:
            reborn.add(rec["gid"])         # (again) here: its rows come with it
        done = _upsert(conn, ids, spec, rec["gid"], rec["fields"], contacts, batch)
        rows += done
        skipped += not done
    if batch is not None:
        skipped += batch.flush(contacts)
    if reborn:
        more, fail = _bring_back_children(conn, rep, ids, reborn, set(visible), contacts)
        rows, skipped = rows + more, skipped + fail
    # merges: the absorbed contact's rows follow it to the survivor (there by now)
    for gid in sorted(touched):
        if gid in roots and kind_of(gid) == "contact":
            old, new = ids.get("contact", gid), ids.get("contact", roots[gid])
            if old is not None and new is not None and old != new:
                for child in (*mapping.CONTACT_CHILDREN,):
                    conn.execute(f"UPDATE OR IGNORE {child.table} SET contact_id = ? WHERE contact_id = ?", (new, old))
                conn.execute("UPDATE OR IGNORE snooze SET contact_id = ? WHERE contact_id = ?", (new, old))
                contacts.add(new)
    # records gone (deleted everywhere, or merged away), children first
    gone = [g for g in touched if g not in visible and (g in roots or g in values)]
    for gid in sorted(gone, key=lambda g: -ORDER.get(kind_of(g) or "", -1)):
        kind = kind_of(gid)
        spec = BY_KIND.get(kind or "")
        if spec is None:
            continue
        if spec.kind in ("seen", "alias"):
            record = values[gid]
            owner = _newest(record.get("contact", []))
            owner = roots.get(owner, owner)
            cid = ids.get("contact", owner)
            if spec.kind == "seen":
                same = mapping.seen_gid(owner, _newest(record.get("key", []))) if isinstance(owner, str) else gid
                if same != gid and (same in visible or (same in values and rep.record(same) is not None)):
                    continue              # the same key of the contact it was merged into stays
                cur = conn.execute("DELETE FROM capture_seen WHERE contact_id = ? AND key = ?",
                                   (cid, _newest(record.get("key", []))))
            else:
                cur = conn.execute("DELETE FROM capture_alias WHERE identity = ? AND contact_id = ?",
                                   (_newest(record.get("identity", [])), cid))
            rows += cur.rowcount
            continue
        if spec.parent:
            row = conn.execute(f"SELECT {spec.parent} FROM {spec.table} WHERE gid = ?", (gid,)).fetchone()
            if row is not None:
                contacts.add(row[0])
        cur = conn.execute(f"DELETE FROM {spec.table} WHERE gid = ?", (gid,))
        rows += cur.rowcount
        ids.put(spec.table, gid, None)
    if contacts:
        alive = [c for c in contacts if conn.execute("SELECT 1 FROM contact WHERE id = ?", (c,)).fetchone()]
        touches.refresh(alive)
        health_state.update_for(alive)
    return rows, skipped


def _bring_back_children(conn: sqlite3.Connection, rep: Replica, ids: _Ids, parents: set[str], done: set[str],
                         contacts: set[int]) -> tuple[int, int]:
    """A contact (content item) that is here again (kept after a delete elsewhere, or restored):
    the rows of its child records that this pass did not touch; (rows, skipped)."""
    kids: set[str] = set()
    for parent in parents:
        kids.update(row[0] for row in conn.execute("SELECT rec FROM sync_record WHERE data LIKE ?",
                                                   (f'%"{parent}"%',)))
    kids -= done | parents
    if not kids:
        return 0, 0
    values = rep.state.values
    if isinstance(values, LazyValues):
        values.prefetch(kids)
    rows = skipped = 0
    records = rep.materialise(REFS, only=kids)["records"]
    for rec in sorted(records, key=lambda r: (ORDER.get(r["kind"], 99), r["gid"])):
        spec = BY_KIND.get(rec["kind"])
        if spec is None or rec["gid"] not in kids or not spec.refs:
            continue
        ok = _upsert(conn, ids, spec, rec["gid"], rec["fields"], contacts)
        rows += ok
        skipped += not ok
    return rows, skipped


def _apply_settings(conn: sqlite3.Connection, fields: Mapping[str, Any]) -> None:
    for f, key in mapping.SETTINGS_FIELDS:
        if f not in fields:
            continue
        value = fields[f]
        text = json.dumps(value, sort_keys=True) if f in ("window_days", "stage_cadence_days") else json.dumps(value)
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (key, text))


class _Batch:
    """New rows of one kind, given their ids at once and inserted together."""

    def __init__(self, conn: sqlite3.Connection, ids: _Ids) -> None:
        self.conn, self.ids = conn, ids
        self.spec: Kind | None = None
        self.cols: list[str] = []
        self.rows: list[tuple[Any, ...]] = []
        self.snoozes: list[tuple[int, str, str]] = []
        self.next_id: dict[str, int] = {}

    def add(self, spec: Kind, gid: str, cols: list[str], vals: list[Any]) -> int:
        if spec.table not in self.next_id:
            top = self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {spec.table}").fetchone()[0]
            self.next_id[spec.table] = int(top) + 1
        rowid = self.next_id[spec.table]
        self.next_id[spec.table] += 1
        self.spec, self.cols = spec, cols
        self.rows.append((rowid, gid, *vals))
        self.ids.put(spec.table, gid, rowid)
        return rowid

    def flush(self, contacts: set[int]) -> int:
        """Write the rows; the number that could not be written."""
        spec, rows, failed = self.spec, self.rows, 0
        if spec is not None and rows:
            sql = (f"INSERT INTO {spec.table} (id, gid, {', '.join(self.cols)}) "
                   f"VALUES ({', '.join('?' * (len(self.cols) + 2))})")
            self.conn.execute("SAVEPOINT sync_batch")
            try:
                self.conn.executemany(sql, rows)
                self.conn.execute("RELEASE sync_batch")
            except sqlite3.IntegrityError:
                self.conn.execute("ROLLBACK TO sync_batch")
                self.conn.execute("RELEASE sync_batch")
                for row in rows:                  # one by one: the greatest gid keeps a shared key
                    try:
                        self.conn.execute(sql, row)
                    except sqlite3.IntegrityError:
                        if _collision(self.conn, spec, row[1], None, self.cols, list(row[2:])) is None:
                            self.ids.put(spec.table, row[1], None)
                            failed += 1
        if self.snoozes:
            self.conn.executemany("INSERT OR REPLACE INTO snooze (contact_id, until_day, since) VALUES (?, ?, ?)",
                                  self.snoozes)
        self.spec, self.rows, self.snoozes = None, [], []
        return failed


def _upsert(conn: sqlite3.Connection, ids: _Ids, spec: Kind, gid: str, fields: Mapping[str, Any],
            contacts: set[int], batch: _Batch | None = None) -> int:
    """Insert or update the row of record *gid*; 1 if done, 0 if it cannot be a row."""
    cols: list[str] = []
    vals: list[Any] = []
    for col in spec.columns:
        value = fields.get(col.field)
        if col.ref:
            value = ids.get(col.ref, value)
            if value is None and col.required:
                return 0                 # its contact (content) is not in this journal
        else:
            value = mapping.to_column(col, value)
            if value is None and col.required:
                return 0
        cols.append(col.column)
        vals.append(value)
    if spec.kind == "interaction":
        cols.append("day")
        vals.append(str(vals[cols.index("at")])[:10])
    if spec.kind in ("seen", "alias"):
        if spec.kind == "seen":
            conn.execute("INSERT OR IGNORE INTO capture_seen (contact_id, key) VALUES (?, ?)", vals)
        else:
            conn.execute("INSERT OR REPLACE INTO capture_alias (contact_id, identity) VALUES (?, ?)", vals)
        contacts.add(vals[0])
        return 1
    rowid = ids.get(spec.table, gid)
    new = rowid is None
    if new and batch is not None:
        rowid = batch.add(spec, gid, cols, vals)
        if spec.kind == "contact":
            contacts.add(rowid)
            until, since = fields.get("snooze_until"), fields.get("snooze_since")
            if isinstance(until, str) and isinstance(since, str):
                batch.snoozes.append((rowid, until, since))
        elif spec.parent:
            contacts.add(vals[cols.index(spec.parent)])
        return 1
    try:
        rowid = _write_row(conn, spec, gid, rowid, cols, vals)
    except sqlite3.IntegrityError:
        rowid = _collision(conn, spec, gid, rowid, cols, vals)
        if rowid is None:
            return 0
    ids.put(spec.table, gid, rowid)
    if spec.kind == "contact":
        contacts.add(rowid)
        until, since = fields.get("snooze_until"), fields.get("snooze_since")
        if new and until is None:
            pass                          # a new contact has no snooze yet
        elif isinstance(until, str) and isinstance(since, str):
            current = conn.execute("SELECT until_day, since FROM snooze WHERE contact_id = ?", (rowid,)).fetchone()
            if current != (until, since):
                conn.execute("DELETE FROM snooze WHERE contact_id = ?", (rowid,))
                conn.execute("INSERT INTO snooze (contact_id, until_day, since) VALUES (?, ?, ?)",
                             (rowid, until, since))
        else:
            conn.execute("DELETE FROM snooze WHERE contact_id = ?", (rowid,))
    elif spec.parent:
        contacts.add(vals[cols.index(spec.parent)])
    return 1


def _write_row(conn: sqlite3.Connection, spec: Kind, gid: str, rowid: int | None, cols: list[str],
               vals: list[Any]) -> int:
    if rowid is not None:
        current = conn.execute(f"SELECT {', '.join(cols)} FROM {spec.table} WHERE id = ?", (rowid,)).fetchone()
        if current is not None and list(current) == vals:
            return rowid
        conn.execute(f"UPDATE {spec.table} SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?", (*vals, rowid))
        return rowid
    cur = conn.execute(f"INSERT INTO {spec.table} (gid, {', '.join(cols)}) VALUES (?, {', '.join('?' * len(cols))})",
                       (gid, *vals))
    return int(cur.lastrowid)  # type: ignore[arg-type]


def _collision(conn: sqlite3.Connection, spec: Kind, gid: str, rowid: int | None, cols: list[str],
               vals: list[Any]) -> int | None:
    """Another record holds the row's unique key (two devices tagged one contact alike): the
    greatest gid keeps the row, on every device alike. None: this one does not (or the
    values break a rule of the table)."""
    if not spec.unique:
        log.warning("A %s from another device could not be stored (it breaks a rule of the journal)", spec.kind)
        return None
    key = [vals[cols.index(c)] for c in spec.unique]
    row = conn.execute(f"SELECT id, gid FROM {spec.table} WHERE {' AND '.join(c + ' = ?' for c in spec.unique)}",
                       key).fetchone()
    if row is None or row[1] > gid:
        return None
    conn.execute(f"DELETE FROM {spec.table} WHERE id = ?", (row[0],))
    try:
        return _write_row(conn, spec, gid, rowid, cols, vals)
    except sqlite3.IntegrityError:
        return None


# -- conflicts and flags ----------------------------------------------------------------------

def _update_issues(conn: sqlite3.Connection, rep: Replica, gids: Iterable[str],
                   doc: Mapping[str, Any] | None = None) -> None:
    gids = set(gids)
    if not gids:
        return
    if doc is None:
        doc = rep.materialise(REFS, only=gids)
    affected = gids | {rep.root(g) for g in gids}
    conn.executemany("DELETE FROM sync_issue WHERE rec = ?", [(g,) for g in affected])
    issues = []
    for rec in doc["records"]:
        if rec["kind"] == "device":
            continue
        issues += [(rec["gid"], f) for f in rec["conflicts"]]
        if rec["deleted_elsewhere"]:
            issues.append((rec["gid"], DELETED))
    conn.executemany("INSERT OR IGNORE INTO sync_issue (rec, field) VALUES (?, ?)", issues)


def _issue_counts(conn: sqlite3.Connection) -> tuple[int, int]:
    row = conn.execute(f"SELECT coalesce(sum(field <> '{DELETED}'), 0), coalesce(sum(field = '{DELETED}'), 0) "
                       "FROM sync_issue").fetchone()
    return int(row[0]), int(row[1])


@dataclass
class Candidate:
    value: Any
    device: str
    device_name: str
    at: str              # local time of the write, "YYYY-MM-DD HH:MM:SS"


@dataclass
class Conflict:
    id: str
    kind: str
    gid: str
    field: str           # "_del": deleted on another device while edited here
    who: str | None      # the contact (or content item) it is about
    candidates: list[Candidate]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "gid": self.gid,
                "field": "deleted" if self.field == DELETED else self.field, "who": self.who,
                "candidates": [{"value": c.value, "device": c.device, "device_name": c.device_name, "at": c.at}
                               for c in self.candidates]}


def conflict_id(gid: str, field: str) -> str:
    return hashlib.sha1(f"{gid}\x1f{field}".encode()).hexdigest()[:8]


def _stamp_time(stamp: str) -> str:
    ms, _ = hlc.decode(stamp)
    return datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M:%S")


def _open_replica(conn: sqlite3.Connection) -> JournalReplica | None:
    if _meta(conn, "device") is None:
        return None
    return JournalReplica(DbState.load(conn))


def conflicts() -> list[Conflict]:
    """Every conflict and "deleted on another device while edited here" flag, by who and field."""
    conn = _conn()
    rep = _open_replica(conn)
    if rep is None:
        return []
    issues = conn.execute("SELECT rec, field FROM sync_issue ORDER BY rec, field").fetchall()
    if not issues:
        return []
    values = rep.state.values
    if isinstance(values, LazyValues):
        values.prefetch(g for g, _ in issues)
    records = {r["gid"]: r for r in rep.materialise(REFS, only={g for g, _ in issues})["records"]}
    device_name = _device_names(rep)
    out = []
    for gid, f in issues:
        rec = records.get(gid)
        if rec is None:
            continue
        who = _who(conn, rec)
        if f == DELETED:
            tombstones = [c for c in values[gid].get(DELETED, []) if c[0] is True]
            files = rep.state.files
            cands = [Candidate("keep", rep.state.device, device_name(rep.state.device), ""),
                     *[Candidate("delete", files[c[2]].device, device_name(files[c[2]].device), _stamp_time(c[1]))
                       for c in tombstones[:1]]]
        elif f in rec["conflicts"]:
            cands = [Candidate(c["value"], c["device"], device_name(c["device"]), _stamp_time(c["stamp"]))
                     for c in rec["conflicts"][f]]
        else:
            continue
        out.append(Conflict(conflict_id(gid, f), rec["kind"], gid, f, who, cands))
    out.sort(key=lambda c: ((c.who or "").casefold(), c.kind, c.field, c.id))
    return out


def _device_names(rep: JournalReplica | None) -> Callable[[str], str]:
    """A device's name, as it last called itself in its files (its id until it did)."""
    names: dict[str, str] = {}

    def device_name(device: str) -> str:
        if device not in names:
            record = rep.state.values.get(mapping.device_gid(device)) if rep is not None else None
            name = _newest(record.get("name", [])) if record else None
            names[device] = name if isinstance(name, str) else device
        return names[device]

    return device_name


def _who(conn: sqlite3.Connection, rec: Mapping[str, Any]) -> str | None:
    fields = rec["fields"]
    if rec["kind"] == "contact":
        return fields.get("name")  # type: ignore[no-any-return]
    if rec["kind"] == "content":
        return fields.get("title")  # type: ignore[no-any-return]
    for ref, column in (("contact", "name"), ("content", "title")):
        if isinstance(fields.get(ref), str):
            row = conn.execute(f"SELECT {column} FROM {ref} WHERE gid = ?", (fields[ref],)).fetchone()
            if row:
                return str(row[0])
    return None


def resolve(conflict: str, *, pick: int | None = None, value: str | None = None) -> Conflict:
    """Settle a conflict: a write that has seen every candidate (published by the next pass)."""
    found = [c for c in conflicts() if c.id == conflict]
    if not found:
        raise ValidationError(f"There is no conflict {conflict} (run `dealjournal conflicts`).")
    c = found[0]
    if (pick is None) == (value is None):
        raise ValidationError("Give either --pick N or --value TEXT.")
    conn = _conn()
    with db.atomic("IMMEDIATE"):
        rep = _open_replica(conn)
        assert rep is not None
        if c.field == DELETED:
            if value is not None or not (1 <= (pick or 0) <= len(c.candidates)):
                raise ValidationError(f"Pick 1 (keep) or 2 (delete) for {conflict}.")
            if pick == 1:
                rep.restore(c.gid)
            else:
                rep.delete(c.gid)
                spec = BY_KIND.get(c.kind)
                if spec is not None:
                    _set_meta(conn, TRACK, None)
                    conn.execute(f"DELETE FROM {spec.table} WHERE gid = ?", (c.gid,))
                    _set_meta(conn, TRACK, "1")
        else:
            if pick is not None:
                if not 1 <= pick <= len(c.candidates):
                    raise ValidationError(f"Pick a number from 1 to {len(c.candidates)} for {conflict}.")
                chosen = c.candidates[pick - 1].value
            else:
                chosen = _parse_value(c.kind, c.field, value or "")
            rep.resolve(c.gid, c.field, chosen)
            _set_meta(conn, TRACK, None)
            _apply(conn, rep, {c.gid})
            _set_meta(conn, TRACK, "1")
        rep._close_batch()
        rep.state.save()  # type: ignore[attr-defined]
        _update_issues(conn, rep, {c.gid})
    return c


def _parse_value(kind: str, field_name: str, text: str) -> Any:
    spec = BY_KIND.get(kind)
    col = next((col for col in spec.columns if col.field == field_name), None) if spec else None
    if col is None:
        if field_name in mapping.SNOOZE_FIELDS:
            return text or None
        raise ValidationError(f"Pick one of the values (--pick N) for the field {field_name}.")
    if col.ref:
        raise ValidationError(f"Pick one of the values (--pick N) for the field {field_name}.")
    if col.type == mapping.INT:
        if text in ("", "default"):
            return None
        try:
            return int(text)
        except ValueError:
            raise ValidationError(f"{field_name} takes a whole number, not {text!r}.") from None
    if col.type == mapping.BOOL:
        return text.lower() in ("1", "true", "yes")
    return text if text or col.required else None


# -- contact merges ---------------------------------------------------------------------------

def merge_contacts(absorbed_id: int, survivor_id: int) -> None:
    """Merge contact *absorbed_id* into *survivor_id*: the survivor takes the fields it lacks,
    every row of the absorbed contact moves to it, the absorbed contact goes; with sync on, the
    next pass publishes it as a merge (so edits other devices make meanwhile follow the survivor)."""
    conn = _conn()
    if absorbed_id == survivor_id:
        raise ValidationError("A contact cannot be merged into itself.")
    with db.atomic():
        a = conn.execute("SELECT gid FROM contact WHERE id = ?", (absorbed_id,)).fetchone()
        s = conn.execute("SELECT gid FROM contact WHERE id = ?", (survivor_id,)).fetchone()
        if a is None or s is None:
            raise ValidationError("There is no such contact (it may have been deleted).")
        spec = BY_KIND["contact"]
        for col in spec.columns:
            if col.default is None and not col.required:
                conn.execute(f"UPDATE contact SET {col.column} = (SELECT {col.column} FROM contact WHERE id = ?) "
                             f"WHERE id = ? AND {col.column} IS NULL", (absorbed_id, survivor_id))
        for child in mapping.CONTACT_CHILDREN:
            conn.execute(f"UPDATE OR IGNORE {child.table} SET contact_id = ? WHERE contact_id = ?",
                         (survivor_id, absorbed_id))
        conn.execute("UPDATE OR IGNORE snooze SET contact_id = ? WHERE contact_id = ?", (survivor_id, absorbed_id))
        if _meta(conn, TRACK) is not None:
            conn.execute("INSERT OR REPLACE INTO sync_merge (absorbed, survivor) VALUES (?, ?)", (a[0], s[0]))
            _set_meta(conn, TRACK, None)      # the absorbed contact goes by the merge, not by a delete
            conn.execute("DELETE FROM contact WHERE id = ?", (absorbed_id,))
            _set_meta(conn, TRACK, "1")
        else:
            conn.execute("DELETE FROM contact WHERE id = ?", (absorbed_id,))
        touches.refresh([survivor_id])
        health_state.update_for([survivor_id])


__all__ = ["DELETED", "Conflict", "Device", "Status", "SyncError", "SyncReport", "conflicts", "configured",
           "contact_gids", "contact_issues", "default_device_name", "issue_count", "merge_contacts", "publish",
           "resolve", "save_settings", "settings", "status", "sync"]
