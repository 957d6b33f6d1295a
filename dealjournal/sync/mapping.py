"""How the journal's tables map onto sync records and fields.

Every row of a table with a ``gid`` is one record (its gid), of the *kind* named here; every
user column is a field, its value JSON (text as it is stored: dates are ISO strings; flags as
``true``/``false``; numbers as numbers). A foreign key is a field holding the referenced
record's gid (``contact``, ``content``, ``goal``), read through contact merges. What is derived
is not a field (``interaction.day`` follows from ``at``; touches, health, full-text indexes).

Special cases:

* a contact's snooze (one per contact, keyed by the contact) is two fields of the contact,
  ``snooze_until`` and ``snooze_since`` (both null: not snoozed);
* the settings that travel with the journal (window length, stage cadences, the user's own
  identities, the phone region) are one record of kind ``settings`` with the fixed gid
  :data:`SETTINGS_GID`;
* what capture keeps per contact (``capture_seen``: every message key captured for them;
  ``capture_alias``: a conversation identity confirmed as theirs) has no gid column: each row
  is a record whose gid is derived from its key (:func:`derived_gid`), so two devices that
  capture the same message make the same record;
* each device names itself in a record of kind ``device`` (gid ``device-<id>``), so that
  conflicts can say where a value came from.

Accounts (what is fetched from where, with passwords in this computer's keyring) and the
bookkeeping of backups are local to the computer and never synced.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from dealjournal.sync.ids import b64

SETTINGS_GID = "settings"
DEVICE_PREFIX = "device-"

TEXT, INT, BOOL, JSON = "text", "int", "bool", "json"


@dataclass(frozen=True)
class Column:
    column: str           # in the table
    field: str            # in the sync record
    type: str = TEXT      # TEXT, INT, BOOL, or a referenced table (a foreign key)
    default: object = None  # what a NOT NULL column takes when the field is empty
    required: bool = False  # NOT NULL without a sensible default: no row without it

    @property
    def ref(self) -> str | None:
        return self.type if self.type not in (TEXT, INT, BOOL, JSON) else None


@dataclass(frozen=True)
class Kind:
    kind: str
    table: str
    columns: tuple[Column, ...]
    unique: tuple[str, ...] = ()   # a UNIQUE key of the table besides gid (columns)
    parent: str | None = None      # the column naming the contact (for re-pointing and health)

    @property
    def refs(self) -> frozenset[str]:
        return frozenset(c.field for c in self.columns if c.ref)


def _c(column: str, type: str = TEXT, default: object = None, *, field: str | None = None,
       required: bool = False) -> Column:
    return Column(column, field or column, type, default, required)


def _ref(table: str, *, nullable: bool = False) -> Column:
    return Column(f"{table}_id", table, table, None, not nullable)


KINDS: tuple[Kind, ...] = (
    Kind("contact", "contact", (
        _c("name", required=True), _c("given_name"), _c("family_name"), _c("company"), _c("title"),
        _c("website"), _c("location"), _c("notes", default=""), _c("stage", default="lead"),
        _c("cadence_days", INT), _c("buying_style", default="unknown"), _c("source"),
        _c("created_on", required=True), _c("archived", BOOL, False))),
    Kind("content", "content", (
        _c("title", required=True), _c("url"), _c("kind", default="other"), _c("origin", default="third-party"),
        _c("author"), _c("summary", default=""))),
    Kind("email", "contact_email", (_ref("contact"), _c("label"), _c("value", required=True)), parent="contact_id"),
    Kind("phone", "contact_phone", (_ref("contact"), _c("label"), _c("value", required=True)), parent="contact_id"),
    Kind("tag", "contact_tag", (_ref("contact"), _c("tag", required=True)), unique=("contact_id", "tag"),
         parent="contact_id"),
    Kind("channel", "channel", (
        _ref("contact"), _c("network", required=True), _c("handle"), _c("url"), _c("following_since"),
        _c("follows_back", default="unknown")), parent="contact_id"),
    Kind("topic", "content_topic", (_ref("content"), _c("topic", required=True)), unique=("content_id", "topic")),
    Kind("goal", "goal", (
        _ref("contact"), _c("title", required=True), _c("details", default=""), _c("priority", default="medium"),
        _c("status", default="open"), _c("target_on"), _c("created_on", required=True), _c("closed_on")),
        parent="contact_id"),
    Kind("share", "share", (
        _ref("content"), _ref("contact"), _c("on_day", required=True), _c("via"), _c("note", default=""),
        _ref("goal", nullable=True), _c("response", default="none"), _c("responded_on")), parent="contact_id"),
    Kind("interaction", "interaction", (
        _ref("contact"), _c("at", required=True), _c("kind", required=True), _c("direction", required=True),
        _c("channel"), _c("summary", default=""), _c("details", default=""), _ref("goal", nullable=True),
        _c("follow_up_on"), _c("follow_up_done", BOOL, False), _c("source_kind"), _c("source_key")),
        unique=("contact_id", "source_key"), parent="contact_id"),
    Kind("stage", "stage_change", (
        _ref("contact"), _c("from_stage"), _c("to_stage", required=True), _c("on_day", required=True)),
        parent="contact_id"),
    Kind("reminder", "reminder", (
        _ref("contact"), _c("due_on", required=True), _c("text", required=True), _c("done_on")),
        parent="contact_id"),
)
#: Capture's per-contact rows (no gid column; derived gids).
SEEN = Kind("seen", "capture_seen", (_ref("contact"), _c("key", required=True)), parent="contact_id")
ALIAS = Kind("alias", "capture_alias", (_ref("contact"), _c("identity", required=True)), parent="contact_id")
SNOOZE_FIELDS = ("snooze_until", "snooze_since")
#: The settings record's fields: (field, setting key, default JSON text).
SETTINGS_FIELDS = (("window_days", "window_days"), ("stage_cadence_days", "stage_cadence_days"),
                   ("me", "capture_me"), ("phone_region", "phone_region"))

BY_KIND = {k.kind: k for k in (*KINDS, SEEN, ALIAS)}
BY_TABLE = {k.table: k for k in (*KINDS, SEEN, ALIAS)}
#: Fields holding gids of other records, by kind (the merge reads them through contact merges).
REFS = {k.kind: k.refs for k in (*KINDS, SEEN, ALIAS)}
#: The order in which records are written (a row's parents first); deletes go the other way.
ORDER = {k.kind: n for n, k in enumerate((*KINDS, SEEN, ALIAS))}
#: The tables that hold a contact id (re-pointed when a contact is merged into another).
CONTACT_CHILDREN = tuple(k for k in (*KINDS, SEEN, ALIAS) if k.parent == "contact_id")
#: Tables whose changes mark records dirty, and how (see the v10 triggers in the schema).
TRACKED = tuple(k.table for k in KINDS) + ("snooze", "setting", "capture_seen", "capture_alias")


def derived_gid(kind: str, *parts: str) -> str:
    """The gid of a record named by its key (capture's rows): the same on every device."""
    digest = hashlib.sha256("\x1f".join((kind, *parts)).encode("utf-8")).digest()
    return "x" + b64(digest[:16])[:21]


def seen_gid(contact_gid: str, key: str) -> str:
    return derived_gid("seen", contact_gid, key)


def alias_gid(identity: str) -> str:
    return derived_gid("alias", identity)


def device_gid(device: str) -> str:
    return DEVICE_PREFIX + device


def to_field(column: Column, value: object) -> object:
    """A column's stored value as the field's JSON value (refs are converted by the caller)."""
    if value is None:
        return None
    if column.type == BOOL:
        return bool(value)
    return value


def to_column(column: Column, value: object) -> object:
    """A field's value as what the column stores (None: the column's default)."""
    if value is None:
        return column.default
    if column.type == BOOL:
        return 1 if value else 0
    if column.type == INT:
        if isinstance(value, bool) or not isinstance(value, int):
            try:
                return int(str(value))
            except ValueError:
                return column.default
        return value
    if column.type == TEXT and not isinstance(value, str):
        return str(value)
    return value
