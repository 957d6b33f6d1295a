"""peewee models over the current schema (created by :mod:`dealjournal.store.schema`).

Models are for reading and editing single records; lists are read with ``.tuples()`` or
raw SQL, and bulk writes use ``executemany``. Dates are ``YYYY-MM-DD`` text, which sorts
and compares correctly as text. The records that replicas exchange have a ``gid``
(:mod:`dealjournal.store.gids`): peewee's inserts make one here, other inserts get one from
the journal's triggers, and it never changes.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

from dealjournal.store.db import db
from dealjournal.store.gids import new_gid


class BaseModel(pw.Model):
    id: int  # peewee's implicit primary key (annotations only: the type checker's view)

    class Meta:
        database = db
        legacy_table_names = False


class Contact(BaseModel):
    name = pw.TextField()
    given_name = pw.TextField(null=True)
    family_name = pw.TextField(null=True)
    company = pw.TextField(null=True)
    title = pw.TextField(null=True)
    website = pw.TextField(null=True)
    location = pw.TextField(null=True)
    notes = pw.TextField(default="")
    stage = pw.TextField(default="lead")
    cadence_days = pw.IntegerField(null=True)
    buying_style = pw.TextField(default="unknown")
    source = pw.TextField(null=True)
    created_on = pw.TextField()
    archived = pw.BooleanField(default=False)
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class ContactEmail(BaseModel):
    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="emails", on_delete="CASCADE")
    label = pw.TextField(null=True)
    value = pw.TextField()
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class ContactPhone(BaseModel):
    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="phones", on_delete="CASCADE")
    label = pw.TextField(null=True)
    value = pw.TextField()
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class ContactTag(BaseModel):
    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="tags", on_delete="CASCADE")
    tag = pw.TextField()
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class Channel(BaseModel):
    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="channels", on_delete="CASCADE")
    network = pw.TextField()
    handle = pw.TextField(null=True)
    url = pw.TextField(null=True)
    following_since = pw.TextField(null=True)
    follows_back = pw.TextField(default="unknown")
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class Content(BaseModel):
    title = pw.TextField()
    url = pw.TextField(null=True)
    kind = pw.TextField(default="other")
    origin = pw.TextField(default="third-party")
    author = pw.TextField(null=True)
    summary = pw.TextField(default="")
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class ContentTopic(BaseModel):
    content_id: int
    content = pw.ForeignKeyField(Content, backref="topics", on_delete="CASCADE")
    topic = pw.TextField()
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class Goal(BaseModel):
    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="goals", on_delete="CASCADE")
    title = pw.TextField()
    details = pw.TextField(default="")
    priority = pw.TextField(default="medium")
    status = pw.TextField(default="open")
    target_on = pw.TextField(null=True)
    created_on = pw.TextField()
    closed_on = pw.TextField(null=True)
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class Share(BaseModel):
    content_id: int
    contact_id: int
    goal_id: int | None
    content = pw.ForeignKeyField(Content, backref="shares", on_delete="CASCADE")
    contact = pw.ForeignKeyField(Contact, backref="shares", on_delete="CASCADE")
    on_day = pw.TextField()
    via = pw.TextField(null=True)
    note = pw.TextField(default="")
    goal = pw.ForeignKeyField(Goal, null=True, backref="shares", on_delete="SET NULL")
    response = pw.TextField(default="none")
    responded_on = pw.TextField(null=True)
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class Interaction(BaseModel):
    contact_id: int
    goal_id: int | None
    contact = pw.ForeignKeyField(Contact, backref="interactions", on_delete="CASCADE")
    at = pw.TextField()
    day = pw.TextField()
    kind = pw.TextField()
    direction = pw.TextField()
    channel = pw.TextField(null=True)
    summary = pw.TextField(default="")
    details = pw.TextField(default="")
    goal = pw.ForeignKeyField(Goal, null=True, backref="interactions", on_delete="SET NULL")
    follow_up_on = pw.TextField(null=True)
    follow_up_done = pw.BooleanField(default=False)
    source_kind = pw.TextField(null=True)  # a captured entry's reader ("mbox", "whatsapp", ...)
    source_key = pw.TextField(null=True)   # ... and the key of its first message
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class StageChange(BaseModel):
    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="stage_changes", on_delete="CASCADE")
    from_stage = pw.TextField(null=True)
    to_stage = pw.TextField()
    on_day = pw.TextField()
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class Snooze(BaseModel):
    """A contact left out of Today until ``until_day`` (or until an inbound touch after ``since``)."""

    contact_id: int
    contact = pw.ForeignKeyField(Contact, primary_key=True, backref="snooze", on_delete="CASCADE")
    until_day = pw.TextField()
    since = pw.TextField()
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class Reminder(BaseModel):
    """"Remind me to … on DATE" for a contact; ``done_on`` is set once it is done."""

    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="reminders", on_delete="CASCADE")
    due_on = pw.TextField()
    text = pw.TextField()
    done_on = pw.TextField(null=True)
    gid = pw.TextField(unique=True, default=new_gid)  # global id, never changes


class CaptureSeen(BaseModel):
    """A message key captured for a contact (kept after the entry is deleted)."""

    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="captured", on_delete="CASCADE")
    key = pw.TextField()

    class Meta:
        primary_key = pw.CompositeKey("contact", "key")
        without_rowid = True


class CaptureAlias(BaseModel):
    """A conversation identity (``name:Ada 🌸``) the user confirmed is this contact."""

    contact_id: int
    contact = pw.ForeignKeyField(Contact, backref="capture_aliases", on_delete="CASCADE")
    identity = pw.TextField(primary_key=True)

    class Meta:
        without_rowid = True


class Account(BaseModel):
    """An IMAP or CalDAV account to fetch from (the password is in the system keyring)."""

    kind = pw.TextField()
    name = pw.TextField(unique=True)
    host = pw.TextField()
    port = pw.IntegerField(null=True)
    security = pw.TextField(default="ssl")
    username = pw.TextField()
    folders = pw.TextField(default="[]")
    months = pw.IntegerField(default=3)
    trusted_cert = pw.TextField(null=True)
    auto_add = pw.BooleanField(default=False)
    fetched_at = pw.TextField(null=True)


class AccountFolder(BaseModel):
    """How far one folder (or calendar) of an account has been read."""

    account_id: int
    account = pw.ForeignKeyField(Account, backref="folder_states", on_delete="CASCADE")
    folder = pw.TextField()
    validity = pw.TextField(null=True)
    last = pw.IntegerField(null=True)

    class Meta:
        primary_key = pw.CompositeKey("account", "folder")
        without_rowid = True


class Setting(BaseModel):
    key = pw.TextField(primary_key=True)
    value = pw.TextField()


ALL_MODELS: list[type[BaseModel]] = [
    Contact, ContactEmail, ContactPhone, ContactTag, Channel, Content, ContentTopic,
    Goal, Share, Interaction, StageChange, Snooze, Reminder, Setting, CaptureSeen, CaptureAlias,
    Account, AccountFolder,
]


def row_dict(model: BaseModel) -> dict[str, Any]:
    """A model's columns as a plain dict (foreign keys as their ids)."""
    return {f.column_name: getattr(model, f.column_name) for f in model._meta.sorted_fields}

