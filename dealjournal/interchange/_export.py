"""Exporting the open journal as an exchange document (DOMAIN.md, "Exchange format").

Every key of DOMAIN.md's format is always written, in the order of its example, so that
exporting, importing into an empty journal and exporting again gives the same document.
The project's additions (a contact's ``snooze``, ``captured`` and ``capture_aliases``, an
interaction's ``source``, the settings' ``me`` and ``phone_region``, the top-level ``reminders``; the README's
"Exchange format: what Deal Journal adds") are written only when the journal has some.
A record's ``id`` is its global id (:mod:`dealjournal.store.gids`), and every list is in
the order of the records' gids, never of row ids: so every replica of a journal (issue "Sync")
exports the same document, and importing it (which keeps those ids as the gids) and exporting
again gives it back.
"""

from __future__ import annotations

import io
import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from dealjournal.domain import STAGES
from dealjournal.interchange._validate import FORMAT, VERSION
from dealjournal.safety.files import write_atomic
from dealjournal.store import settings as journal_settings
from dealjournal.store.db import db

log = logging.getLogger(__name__)


def export_document(exported_at: datetime | None = None) -> dict[str, Any]:
    """The whole open journal as an exchange document (a JSON-ready dict)."""
    stamp = (exported_at or datetime.now()).replace(microsecond=0).isoformat()
    conn = db.connection()
    with db.atomic():  # one consistent snapshot
        current = journal_settings.load()
        contacts: dict[int, dict[str, Any]] = {}
        for row in conn.execute(
                "SELECT id, name, given_name, family_name, company, title, website, location, notes, stage, "
                "cadence_days, buying_style, source, created_on, archived, gid FROM contact ORDER BY gid"):
            contacts[row[0]] = {
                "id": row[15], "name": row[1], "given_name": row[2], "family_name": row[3],
                "company": row[4], "title": row[5], "emails": [], "phones": [], "website": row[6],
                "location": row[7], "notes": row[8], "tags": [], "stage": row[9], "cadence_days": row[10],
                "buying_style": row[11], "source": row[12], "created_on": row[13], "archived": bool(row[14]),
                "channels": [], "goals": [], "stage_history": [],
            }
        for key, table in (("emails", "contact_email"), ("phones", "contact_phone")):
            for cid, label, value in conn.execute(f"SELECT contact_id, label, value FROM {table} ORDER BY gid"):
                contacts[cid][key].append({"label": label, "value": value})
        for cid, tag in conn.execute("SELECT contact_id, tag FROM contact_tag ORDER BY gid"):
            contacts[cid]["tags"].append(tag)
        for cid, network, handle, url, since, follows in conn.execute(
                "SELECT contact_id, network, handle, url, following_since, follows_back FROM channel ORDER BY gid"):
            contacts[cid]["channels"].append({"network": network, "handle": handle, "url": url,
                                              "following_since": since, "follows_back": follows})
        goal_ids: dict[int, str] = {}
        for row_id, cid, title, details, priority, status, target, created, closed, gid in conn.execute(
                "SELECT id, contact_id, title, details, priority, status, target_on, created_on, closed_on, gid "
                "FROM goal ORDER BY gid"):
            goal_ids[row_id] = gid
            contacts[cid]["goals"].append({
                "id": gid, "title": title, "details": details, "priority": priority, "status": status,
                "target_on": target, "created_on": created, "closed_on": closed,
            })
        for cid, from_stage, to_stage, on_day in conn.execute(
                "SELECT contact_id, from_stage, to_stage, on_day FROM stage_change ORDER BY gid"):
            contacts[cid]["stage_history"].append({"from": from_stage, "to": to_stage, "on": on_day})
        for cid, until, since in conn.execute("SELECT contact_id, until_day, since FROM snooze ORDER BY contact_id"):
            contacts[cid]["snooze"] = {"until": until, "since": since}
        for cid, key in conn.execute("SELECT contact_id, key FROM capture_seen ORDER BY contact_id, key"):
            contacts[cid].setdefault("captured", []).append(key)
        for cid, identity in conn.execute("SELECT contact_id, identity FROM capture_alias ORDER BY contact_id, identity"):
            contacts[cid].setdefault("capture_aliases", []).append(identity)
        capture = journal_settings.load_capture()
        content: dict[int, dict[str, Any]] = {}
        for kid, title, url, kind, origin, author, summary, gid in conn.execute(
                "SELECT id, title, url, kind, origin, author, summary, gid FROM content ORDER BY gid"):
            content[kid] = {"id": gid, "title": title, "url": url, "kind": kind, "origin": origin,
                            "author": author, "topics": [], "summary": summary}
        for kid, topic in conn.execute("SELECT content_id, topic FROM content_topic ORDER BY gid"):
            content[kid]["topics"].append(topic)
        contact_ids = {cid: rec["id"] for cid, rec in contacts.items()}
        content_ids = {kid: rec["id"] for kid, rec in content.items()}
        shares = [
            {"content": content_ids[kid], "contact": contact_ids[cid], "on": on_day, "via": via, "note": note,
             "goal": goal_ids.get(gid) if gid is not None else None, "response": response,
             "responded_on": responded}
            for kid, cid, on_day, via, note, gid, response, responded in conn.execute(
                "SELECT content_id, contact_id, on_day, via, note, goal_id, response, responded_on "
                "FROM share ORDER BY gid")
        ]
        interactions = []
        for cid, at, kind, direction, channel, summary, details, gid, follow_up, done, source_kind, source_key \
                in conn.execute("SELECT contact_id, at, kind, direction, channel, summary, details, goal_id, "
                                "follow_up_on, follow_up_done, source_kind, source_key FROM interaction ORDER BY gid"):
            record = {"contact": contact_ids[cid], "at": at, "kind": kind, "direction": direction,
                      "channel": channel, "summary": summary, "details": details,
                      "goal": goal_ids.get(gid) if gid is not None else None,
                      "follow_up_on": follow_up, "follow_up_done": bool(done)}
            if source_key is not None:
                record["source"] = {"kind": source_kind, "key": source_key}
            interactions.append(record)
        reminders = [
            {"contact": contact_ids[cid], "on": due, "text": text, "done_on": done}
            for cid, due, text, done in conn.execute(
                "SELECT contact_id, due_on, text, done_on FROM reminder ORDER BY gid")
        ]
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": stamp,
        "settings": {"window_days": current.window_days,
                     "stage_cadence_days": {stage: current.stage_cadence_days[stage] for stage in STAGES}},
        "contacts": list(contacts.values()),
        "content": list(content.values()),
        "shares": shares,
        "interactions": interactions,
    }
    # The project's additions appear only when used, so older readers keep reading.
    if capture.me:
        doc["settings"]["me"] = list(capture.me)
    if capture.phone_region:
        doc["settings"]["phone_region"] = capture.phone_region
    if reminders:
        doc["reminders"] = reminders
    return doc


def export_file(path: Path | str, *, exported_at: datetime | None = None) -> dict[str, int]:
    """Write the journal to *path* atomically (UTF-8 JSON, owner-only permissions).

    Returns how many contacts, content items, shares and interactions were written.
    Raises :class:`JournalError` when the file cannot be written; an existing file at
    *path* is then left as it was.
    """
    doc = export_document(exported_at)
    write_json(Path(path), doc)
    counts = {key: len(doc[key]) for key in ("contacts", "content", "shares", "interactions")}
    log.info("Exported %(contacts)d contacts, %(content)d content items, %(shares)d shares, "
             "%(interactions)d interactions", counts)
    return counts


def write_json(target: Path, doc: object) -> None:
    """Write *doc* as UTF-8 JSON to *target*, atomically and owner-only (see :mod:`dealjournal.safety.files`)."""

    def dump(fh: BinaryIO) -> None:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="\n", write_through=True)
        json.dump(doc, text, ensure_ascii=False, indent=2)
        text.write("\n")
        text.detach()  # leave the binary file open for write_atomic to sync and close

    write_atomic(target, dump)
