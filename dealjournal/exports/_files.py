"""The records every export reads (contacts with their lists, follow-ups)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dealjournal.store.db import db


@dataclass
class ContactRecord:
    """A contact with its lists, as the exports need it."""

    id: int
    name: str
    given_name: str | None
    family_name: str | None
    company: str | None
    title: str | None
    website: str | None
    location: str | None
    notes: str
    stage: str
    cadence_days: int | None
    buying_style: str
    source: str | None
    created_on: str
    emails: list[tuple[str | None, str]] = field(default_factory=list)
    phones: list[tuple[str | None, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    channels: list[tuple[str, str | None, str | None, str | None, str]] = field(default_factory=list)


def load_contacts() -> list[ContactRecord]:
    """Every non-archived contact in id order, with e-mails, phones, tags and channels
    (network, handle, url, following_since, follows_back)."""
    conn = db.connection()
    with db.atomic():  # one consistent snapshot
        records = {row[0]: ContactRecord(*row) for row in conn.execute(
            "SELECT id, name, given_name, family_name, company, title, website, location, notes, stage, "
            "cadence_days, buying_style, source, created_on FROM contact WHERE archived = 0 ORDER BY id")}
        for table, attr in (("contact_email", "emails"), ("contact_phone", "phones")):
            for cid, label, value in conn.execute(f"SELECT contact_id, label, value FROM {table} ORDER BY id"):
                if cid in records:
                    getattr(records[cid], attr).append((label, value))
        for cid, tag in conn.execute("SELECT contact_id, tag FROM contact_tag ORDER BY id"):
            if cid in records:
                records[cid].tags.append(tag)
        for cid, *channel in conn.execute(
                "SELECT contact_id, network, handle, url, following_since, follows_back FROM channel ORDER BY id"):
            if cid in records:
                records[cid].channels.append(tuple(channel))  # type: ignore[arg-type]
    return list(records.values())
