"""The journal's schema as ordered upgrade steps.

The version lives in ``PRAGMA user_version``; the file is marked as ours with
``PRAGMA application_id``. Each step is written with frozen table and column names (never
today's models), runs inside one transaction together with the version bump, and has a
fixture journal of the version before it in ``tests/``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

APPLICATION_ID = 0x444A524E  # "DJRN"

_STAGES = "'lead','engaged','opportunity','customer','advocate'"

_V1 = f"""
CREATE TABLE contact (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    given_name TEXT,
    family_name TEXT,
    company TEXT,
    title TEXT,
    website TEXT,
    location TEXT,
    notes TEXT NOT NULL DEFAULT '',
    stage TEXT NOT NULL DEFAULT 'lead' CHECK (stage IN ({_STAGES})),
    cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days >= 0),
    buying_style TEXT NOT NULL DEFAULT 'unknown'
        CHECK (buying_style IN ('transactional','relationship','unknown')),
    source TEXT,
    created_on TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE contact_email (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    label TEXT,
    value TEXT NOT NULL
);
CREATE INDEX contact_email_contact ON contact_email(contact_id);
CREATE INDEX contact_email_value ON contact_email(value COLLATE NOCASE);
CREATE TABLE contact_phone (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    label TEXT,
    value TEXT NOT NULL
);
CREATE INDEX contact_phone_contact ON contact_phone(contact_id);
CREATE TABLE contact_tag (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    UNIQUE (contact_id, tag)
);
CREATE INDEX contact_tag_tag ON contact_tag(tag);
CREATE TABLE channel (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    network TEXT NOT NULL,
    handle TEXT,
    url TEXT,
    following_since TEXT,
    follows_back TEXT NOT NULL DEFAULT 'unknown' CHECK (follows_back IN ('yes','no','unknown'))
);
CREATE INDEX channel_contact ON channel(contact_id);
CREATE TABLE content (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    url TEXT,
    kind TEXT NOT NULL DEFAULT 'other',
    origin TEXT NOT NULL DEFAULT 'third-party' CHECK (origin IN ('mine','third-party')),
    author TEXT,
    summary TEXT NOT NULL DEFAULT ''
);
CREATE TABLE content_topic (
    id INTEGER PRIMARY KEY,
    content_id INTEGER NOT NULL REFERENCES content(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    UNIQUE (content_id, topic)
);
CREATE INDEX content_topic_topic ON content_topic(topic);
CREATE TABLE goal (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    details TEXT NOT NULL DEFAULT '',
    priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high','medium','low')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','achieved','dropped')),
    target_on TEXT,
    created_on TEXT NOT NULL,
    closed_on TEXT
);
CREATE INDEX goal_contact ON goal(contact_id);
CREATE INDEX goal_status ON goal(status, target_on);
CREATE TABLE share (
    id INTEGER PRIMARY KEY,
    content_id INTEGER NOT NULL REFERENCES content(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    on_day TEXT NOT NULL,
    via TEXT,
    note TEXT NOT NULL DEFAULT '',
    goal_id INTEGER REFERENCES goal(id) ON DELETE SET NULL,
    response TEXT NOT NULL DEFAULT 'none' CHECK (response IN ('none','seen','replied','acted')),
    responded_on TEXT CHECK (responded_on IS NULL OR responded_on >= on_day)
);
CREATE INDEX share_contact ON share(contact_id, on_day);
CREATE INDEX share_content ON share(content_id);
CREATE INDEX share_goal ON share(goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX share_day ON share(on_day, contact_id, response, responded_on);
CREATE TABLE interaction (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('email','call','meeting','message','social','event','note')),
    direction TEXT NOT NULL CHECK (direction IN ('out','in','mutual','none')),
    channel TEXT,
    summary TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL DEFAULT '',
    goal_id INTEGER REFERENCES goal(id) ON DELETE SET NULL,
    follow_up_on TEXT,
    follow_up_done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX interaction_contact ON interaction(contact_id, at);
CREATE INDEX interaction_day ON interaction(day);
CREATE INDEX interaction_goal ON interaction(goal_id) WHERE goal_id IS NOT NULL;
CREATE INDEX interaction_follow_up ON interaction(follow_up_on)
    WHERE follow_up_on IS NOT NULL AND follow_up_done = 0;
CREATE TABLE stage_change (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    from_stage TEXT,
    to_stage TEXT NOT NULL CHECK (to_stage IN ({_STAGES})),
    on_day TEXT NOT NULL
);
CREATE INDEX stage_change_contact ON stage_change(contact_id, on_day);
CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Derived data, kept current by the operations (see dealjournal.health.touches): every
-- interaction and share folded into inbound/outbound counts per contact and day, and
-- per contact the figures that do not depend on the report's day.
CREATE TABLE touch_day (
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    n_in INTEGER NOT NULL,
    n_out INTEGER NOT NULL,
    PRIMARY KEY (contact_id, day)
) WITHOUT ROWID;
CREATE INDEX touch_day_day ON touch_day(day, contact_id, n_in, n_out);
CREATE TABLE touch_summary (
    contact_id INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,
    last_in_on TEXT,
    last_out_on TEXT,
    unanswered INTEGER NOT NULL DEFAULT 0,
    max_day TEXT
);
"""



def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run DDL statement by statement so that it stays inside the open transaction.

    ``executescript`` would commit first; splitting keeps each upgrade step atomic.
    """
    for statement in _split_sql(script):
        conn.execute(statement)


def _split_sql(script: str) -> list[str]:
    """Whole statements (a trigger's body holds semicolons of its own)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer.strip()[:60]}")
    return statements


def _upgrade_to_1(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V1)


# Version 2: what the window needs to stay fast on a big journal.
# - contact_fts: full-text search over name, company, notes and tags, kept current by triggers.
# - health_state: every contact's health figures as of one day (the setting
#   health_state_as_of), so lists can filter and sort by health in SQL.
STAGE_RANK = "CASE stage WHEN 'lead' THEN 0 WHEN 'engaged' THEN 1 WHEN 'opportunity' THEN 2 " \
    "WHEN 'customer' THEN 3 WHEN 'advocate' THEN 4 END"
_V2_FTS_ROW = """
    INSERT INTO contact_fts (rowid, name, company, notes, tags)
    SELECT c.id, c.name, coalesce(c.company, ''), c.notes,
           coalesce((SELECT group_concat(tag, ' ') FROM contact_tag t WHERE t.contact_id = c.id), '')
      FROM contact c WHERE c.id = {id}
"""
_V2 = f"""
CREATE VIRTUAL TABLE contact_fts USING fts5(
    name, company, notes, tags, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
INSERT INTO contact_fts (rowid, name, company, notes, tags)
    SELECT c.id, c.name, coalesce(c.company, ''), c.notes,
           coalesce((SELECT group_concat(tag, ' ') FROM contact_tag t WHERE t.contact_id = c.id), '')
      FROM contact c;
CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN
    {_V2_FTS_ROW.format(id="NEW.id")};
END;
CREATE TRIGGER contact_fts_update AFTER UPDATE OF name, company, notes ON contact BEGIN
    DELETE FROM contact_fts WHERE rowid = OLD.id;
    {_V2_FTS_ROW.format(id="NEW.id")};
END;
CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN
    DELETE FROM contact_fts WHERE rowid = OLD.id;
END;
CREATE TRIGGER contact_fts_tag_insert AFTER INSERT ON contact_tag BEGIN
    DELETE FROM contact_fts WHERE rowid = NEW.contact_id;
    {_V2_FTS_ROW.format(id="NEW.contact_id")};
END;
CREATE TRIGGER contact_fts_tag_delete AFTER DELETE ON contact_tag BEGIN
    DELETE FROM contact_fts WHERE rowid = OLD.contact_id;
    {_V2_FTS_ROW.format(id="OLD.contact_id")};
END;
CREATE INDEX contact_by_name ON contact(archived, name COLLATE NOCASE);
CREATE INDEX contact_by_company ON contact(archived, coalesce(company, '') COLLATE NOCASE, name COLLATE NOCASE);
CREATE INDEX contact_by_stage ON contact(archived, {STAGE_RANK}, name COLLATE NOCASE);
CREATE TABLE health_state (
    contact_id INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,
    last_touch_on TEXT,
    days_quiet INTEGER NOT NULL,
    cadence_days INTEGER NOT NULL,
    overdue_days INTEGER,
    one_sided TEXT,
    owes_reply INTEGER NOT NULL,
    unanswered INTEGER NOT NULL,
    in_window_in INTEGER NOT NULL,
    in_window_out INTEGER NOT NULL,
    unanswered_shares INTEGER NOT NULL,
    not_followed_back INTEGER NOT NULL,
    not_following_back INTEGER NOT NULL,
    severity INTEGER NOT NULL,
    reasons TEXT NOT NULL
);
CREATE INDEX health_state_overdue ON health_state(overdue_days) WHERE overdue_days IS NOT NULL;
CREATE INDEX health_state_one_sided ON health_state(one_sided) WHERE one_sided IS NOT NULL;
CREATE INDEX health_state_severity ON health_state(severity);
CREATE INDEX health_state_quiet ON health_state(days_quiet);
CREATE INDEX stage_change_day ON stage_change(on_day);
CREATE INDEX health_state_last_touch ON health_state(coalesce(last_touch_on, ''));
"""


def _upgrade_to_2(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V2)


# Version 3: the Today agenda's records.
# - snooze: a contact left out of Today until a day (DOMAIN.md, "Today"); `since` is the local
#   moment it was set ("YYYY-MM-DDTHH:MM:SS"): an inbound touch after it ends the snooze.
# - reminder: "remind me to … on DATE" for a contact, without logging an interaction.
_V3 = """
CREATE TABLE snooze (
    contact_id INTEGER PRIMARY KEY REFERENCES contact(id) ON DELETE CASCADE,
    until_day TEXT NOT NULL,
    since TEXT NOT NULL
);
CREATE TABLE reminder (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    due_on TEXT NOT NULL,
    text TEXT NOT NULL,
    done_on TEXT
);
CREATE INDEX reminder_contact ON reminder(contact_id, due_on);
CREATE INDEX reminder_open ON reminder(due_on) WHERE done_on IS NULL;
"""


def _upgrade_to_3(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V3)


# Version 4: health rules revision 2 (DOMAIN.md): touches have moments, so the per-contact
# summary keeps whether an outbound touch answers the last inbound moment, and `unanswered`
# counts the outbound touches after that moment (same-day order by time). Every summary row
# is recomputed by these rules from touch_day and the last inbound day's interactions.
_V4 = """
ALTER TABLE touch_summary ADD COLUMN last_in_answered INTEGER NOT NULL DEFAULT 0;
DELETE FROM touch_summary;
INSERT INTO touch_summary (contact_id, last_in_on, last_out_on, unanswered, last_in_answered, max_day)
    WITH agg AS (
        SELECT contact_id,
               max(CASE WHEN n_in > 0 THEN day END) AS last_in,
               max(CASE WHEN n_out > 0 THEN day END) AS last_out,
               max(day) AS max_day
          FROM touch_day GROUP BY contact_id),
    moment AS (
        SELECT c.*, (SELECT max(CASE length(i.at) WHEN 16 THEN substr(i.at, 12) || ':00'
                                                 WHEN 19 THEN substr(i.at, 12) END)
                       FROM interaction i
                      WHERE i.contact_id = c.contact_id AND i.at BETWEEN c.last_in AND c.last_in || 'T99:99:99'
                        AND i.direction IN ('in', 'mutual')) AS last_in_time
          FROM agg c),
    around AS (
        SELECT c.*,
               (SELECT count(*) FROM interaction i
                 WHERE i.contact_id = c.contact_id AND i.at BETWEEN c.last_in AND c.last_in || 'T99:99:99'
                   AND i.direction IN ('out', 'mutual')
                   AND CASE length(i.at) WHEN 16 THEN substr(i.at, 12) || ':00' WHEN 19 THEN substr(i.at, 12) END
                       < c.last_in_time) AS out_before,
               (SELECT count(*) FROM interaction i
                 WHERE i.contact_id = c.contact_id AND i.at BETWEEN c.last_in AND c.last_in || 'T99:99:99'
                   AND i.direction IN ('out', 'mutual')
                   AND CASE length(i.at) WHEN 16 THEN substr(i.at, 12) || ':00' WHEN 19 THEN substr(i.at, 12) END
                       > c.last_in_time) AS out_after
          FROM moment c)
    SELECT c.contact_id, c.last_in, c.last_out,
           (SELECT coalesce(sum(t.n_out), 0) FROM touch_day t
             WHERE t.contact_id = c.contact_id AND (c.last_in IS NULL OR t.day > c.last_in)) + c.out_after,
           c.last_in IS NOT NULL AND (coalesce(c.last_out > c.last_in, 0) OR
               (SELECT t.n_out FROM touch_day t WHERE t.contact_id = c.contact_id AND t.day = c.last_in)
               > c.out_before),
           c.max_day
      FROM around c;
"""


def _upgrade_to_4(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V4)


# Version 5: search what was said. Full-text indexes over interactions' summary and details
# and shares' notes, external-content (the text is not stored twice), kept current by
# triggers; the contact search and the Journal page's search match them.
_FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
_V5 = f"""
CREATE VIRTUAL TABLE interaction_fts USING fts5(
    summary, details, content = 'interaction', content_rowid = 'id', {_FTS_OPTIONS});
INSERT INTO interaction_fts (interaction_fts) VALUES ('rebuild');
CREATE TRIGGER interaction_fts_insert AFTER INSERT ON interaction BEGIN
    INSERT INTO interaction_fts (rowid, summary, details) VALUES (NEW.id, NEW.summary, NEW.details);
END;
CREATE TRIGGER interaction_fts_delete AFTER DELETE ON interaction BEGIN
    INSERT INTO interaction_fts (interaction_fts, rowid, summary, details)
        VALUES ('delete', OLD.id, OLD.summary, OLD.details);
END;
CREATE TRIGGER interaction_fts_update AFTER UPDATE OF summary, details ON interaction BEGIN
    INSERT INTO interaction_fts (interaction_fts, rowid, summary, details)
        VALUES ('delete', OLD.id, OLD.summary, OLD.details);
    INSERT INTO interaction_fts (rowid, summary, details) VALUES (NEW.id, NEW.summary, NEW.details);
END;
CREATE VIRTUAL TABLE share_fts USING fts5(note, content = 'share', content_rowid = 'id', {_FTS_OPTIONS});
INSERT INTO share_fts (share_fts) VALUES ('rebuild');
CREATE TRIGGER share_fts_insert AFTER INSERT ON share BEGIN
    INSERT INTO share_fts (rowid, note) VALUES (NEW.id, NEW.note);
END;
CREATE TRIGGER share_fts_delete AFTER DELETE ON share BEGIN
    INSERT INTO share_fts (share_fts, rowid, note) VALUES ('delete', OLD.id, OLD.note);
END;
CREATE TRIGGER share_fts_update AFTER UPDATE OF note ON share BEGIN
    INSERT INTO share_fts (share_fts, rowid, note) VALUES ('delete', OLD.id, OLD.note);
    INSERT INTO share_fts (rowid, note) VALUES (NEW.id, NEW.note);
END;
"""


def _upgrade_to_5(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V5)


# Version 6: what Today reads stays fast on a big journal. The cached health state keeps the
# day of the last inbound touch (Today ranks those you owe a reply by it); the open follow-ups'
# index covers their contact, so the first due day per contact is read from the index alone.
# The cached health state's format changes with it (dealjournal.health.state.FORMAT): rebuilt.
_V6 = """
ALTER TABLE health_state ADD COLUMN last_inbound_on TEXT;
DROP INDEX interaction_follow_up;
CREATE INDEX interaction_follow_up ON interaction(follow_up_on, contact_id)
    WHERE follow_up_on IS NOT NULL AND follow_up_done = 0;
DELETE FROM setting WHERE key = 'health_state_as_of';
"""


def _upgrade_to_6(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V6)


# Version 7: captured touches (DOMAIN.md, "Captured touches").
# - interaction.source_kind / source_key: a captured entry's reader ("mbox", "ics", ...) and
#   the key of its first message (unique per contact); NULL for what the user logged.
# - capture_seen: every message key captured for a contact, kept when the entry is deleted,
#   so capturing the same or an overlapping export again adds nothing and does not bring a
#   deleted entry back.
# - capture_alias: a counterpart the user confirmed is one of their contacts ("Ada 🌸" in a
#   chat is Ada Byron), by its comparison key (dealjournal.conversations.identity).
_V7 = """
ALTER TABLE interaction ADD COLUMN source_kind TEXT;
ALTER TABLE interaction ADD COLUMN source_key TEXT;
CREATE UNIQUE INDEX interaction_source ON interaction(contact_id, source_key);  -- NULLs are distinct
CREATE TABLE capture_seen (
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (contact_id, key)
) WITHOUT ROWID;
CREATE TABLE capture_alias (
    identity TEXT PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX capture_alias_contact ON capture_alias(contact_id);
"""


def _upgrade_to_7(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V7)


# Version 8: accounts to fetch mail and meetings from (issue "Accounts"). Never a secret here:
# passwords live in the system keyring. `folders` is a JSON list of the IMAP folders or CalDAV
# calendar URLs chosen ([] = the defaults: Inbox and Sent, every calendar); `trusted_cert` the
# SHA-256 fingerprint of a certificate the user chose to trust; `auto_add` writes matched
# touches without the review. account_folder keeps how far each folder was read: IMAP's
# UIDVALIDITY and highest UID, CalDAV's sync token.
_V8 = """
CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('imap', 'caldav')),
    name TEXT NOT NULL UNIQUE,
    host TEXT NOT NULL,
    port INTEGER,
    security TEXT NOT NULL DEFAULT 'ssl' CHECK (security IN ('ssl', 'starttls')),
    username TEXT NOT NULL,
    folders TEXT NOT NULL DEFAULT '[]',
    months INTEGER NOT NULL DEFAULT 3 CHECK (months > 0),
    trusted_cert TEXT,
    auto_add INTEGER NOT NULL DEFAULT 0,
    fetched_at TEXT
);
CREATE TABLE account_folder (
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    folder TEXT NOT NULL,
    validity TEXT,
    last INTEGER,
    PRIMARY KEY (account_id, folder)
) WITHOUT ROWID;
"""


def _upgrade_to_8(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V8)


# Version 9: global ids (issue "Sync between laptops"): every record a replica may send to
# another gets a `gid`, the same on every replica (dealjournal.store.gids): 22 characters of
# lowercase Crockford base32, 9 of milliseconds since 1970, then 13 of randomness.
# - Tables: the user's records; not what is derived (touch_*, health_state, *_fts), local to
#   this computer (account, account_folder: what is fetched from where, with passwords in
#   this computer's keyring) or named by a key of its own already (setting: its key;
#   capture_seen: its contact and message key; capture_alias: its identity). A snooze (at
#   most one per contact) has one too, so that every record of the user's has one.
# - Existing rows get theirs here, one UPDATE per table, in the table's row order: the time
#   part counts up with the rowid to just before the upgrade's moment (all but its last
#   characters are shared), the random part is 13 hex digits (52 bits; the rows of a table
#   already differ by their time part). So sorting by gid keeps the journal's order.
# - <table>_gid_new: a row inserted without one gets one (65 random bits) from the view
#   new_gid, SQLite's built-ins only, so any tool that writes the file still gives its rows one;
#   peewee's inserts bring their own (the models' default), the restores of undo the old one.
# - <table>_gid_given: a gid given must be well-formed; <table>_gid_kept: a gid never changes.
_GID_TABLES_9 = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "content",
                 "content_topic", "goal", "share", "interaction", "stage_change", "snooze", "reminder")
_B32_9 = "0123456789abcdefghjkmnpqrstvwxyz"


def _base32_sql_9(number: str, width: int) -> str:
    """*width* characters of base32 of the SQL expression *number* (evaluated *width* times)."""
    return " || ".join(f"substr('{_B32_9}', ((({number}) >> {5 * k}) & 31) + 1, 1)"
                       for k in range(width - 1, -1, -1))


def _base32_9(number: int, width: int) -> str:
    return "".join(_B32_9[(number >> (5 * k)) & 31] for k in range(width - 1, -1, -1))


_NOW_MS_9 = "CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER)"
_RANDOM_9 = " || ".join(f"substr('{_B32_9}', (random() & 31) + 1, 1)" for _ in range(13))
_HEX_9 = "substr(lower(hex(randomblob(7))), 2)"  # 13 hex digits: base32 characters too, in the same order
_V9_VIEW = f"""
CREATE VIEW new_gid AS SELECT (SELECT {_base32_sql_9("ms", 9)} FROM (SELECT {_NOW_MS_9} AS ms)) || {_RANDOM_9} AS gid;
"""
_V9_TRIGGERS = """
CREATE TRIGGER {t}_gid_given BEFORE INSERT ON {t}
    WHEN NEW.gid IS NOT NULL AND (typeof(NEW.gid) <> 'text' OR length(NEW.gid) <> 22
                                  OR NEW.gid GLOB '*[^0-9a-hjkmnp-tv-z]*') BEGIN
    SELECT RAISE(ABORT, 'gid: not a well-formed gid');
END;
CREATE TRIGGER {t}_gid_new AFTER INSERT ON {t} WHEN NEW.gid IS NULL BEGIN
    UPDATE {t} SET gid = (SELECT gid FROM new_gid) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER {t}_gid_kept BEFORE UPDATE OF gid ON {t}
    WHEN OLD.gid IS NOT NULL AND NEW.gid IS NOT OLD.gid BEGIN
    SELECT RAISE(ABORT, 'gid: a record''s gid never changes');
END;
"""


def _width_9(span: int) -> int:
    """Base32 characters that count 0..*span*."""
    width = 1
    while 32 ** width <= span:
        width += 1
    return width


def _backfill_gids_9(conn: sqlite3.Connection, table: str, now_ms: int) -> None:
    low, high, count = conn.execute(f"SELECT min(rowid), max(rowid), count(*) FROM {table}").fetchone()
    if not count:
        return
    dense = _width_9(high - low) <= 6  # the usual case: rows counted by (rowid - low)
    span = high - low if dense else count - 1  # else by their rank (rowids a billion apart)
    width = _width_9(span)
    start = (now_ms - span) // 32 ** width  # the time part: start * 32 ** width + the row's count
    values = {"prefix": _base32_9(start, 9 - width), "low": low}
    if dense:
        conn.execute(f"UPDATE {table} SET gid = :prefix || {_base32_sql_9('rowid - :low', width)} || {_HEX_9}",
                     values)
    else:
        conn.execute(f"UPDATE {table} SET gid = :prefix || {_base32_sql_9('x.n', width)} || {_HEX_9} "
                     f"FROM (SELECT rowid AS r, row_number() OVER (ORDER BY rowid) - 1 AS n FROM {table}) AS x "
                     f"WHERE {table}.rowid = x.r", values)


def _upgrade_to_9(conn: sqlite3.Connection) -> None:
    now_ms = time.time_ns() // 1_000_000
    _run_script(conn, _V9_VIEW)
    for table in _GID_TABLES_9:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN gid TEXT")
        _backfill_gids_9(conn, table, now_ms)
        conn.execute(f"CREATE UNIQUE INDEX {table}_gid ON {table}(gid)")
        _run_script(conn, _V9_TRIGGERS.format(t=table))


# Version 10: sync between the user's devices (issue "Sync"; dealjournal.sync). The state of
# the sync (what this device applied and wrote, every record's surviving values) and, while
# sync is on (the `track` row of sync_meta), which records changed since the last pass:
# - sync_meta(key, value): the device id, its clock, the folder, the device name, ... and
#   `track` while changes are to be captured (absent: sync never set up, or a pass is
#   applying other devices' changes, which are not this device's to publish).
# - sync_dirty(tbl, ref): a row of a synced table changed (its gid; for a snooze, its
#   contact's; for the settings, 'settings'; for capture's rows, their key). Cheap: a key only.
# - sync_merge(absorbed, survivor): contact merges to publish (gids).
# - sync_file, sync_record, sync_redirect, sync_own, sync_path, sync_issue: the sync state, see
#   dealjournal.sync.tables (a record's gid is `rec` there: `gid` columns are the user's records').
_V10 = """
CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE sync_dirty (tbl TEXT NOT NULL, ref TEXT NOT NULL, PRIMARY KEY (tbl, ref)) WITHOUT ROWID;
CREATE TABLE sync_merge (absorbed TEXT PRIMARY KEY, survivor TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_file (
    no INTEGER PRIMARY KEY,
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    fid TEXT NOT NULL,
    prev TEXT,
    seen TEXT
);
CREATE UNIQUE INDEX sync_file_key ON sync_file(device, seq, fid);
CREATE TABLE sync_record (rec TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sync_redirect (rec TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE sync_own (
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    fid TEXT NOT NULL,
    data BLOB NOT NULL,
    published INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (device, seq)
) WITHOUT ROWID;
CREATE TABLE sync_path (
    relpath TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    device TEXT,
    seq INTEGER,
    fid TEXT
) WITHOUT ROWID;
CREATE TABLE sync_issue (
    rec TEXT NOT NULL,
    field TEXT NOT NULL,
    PRIMARY KEY (rec, field)
) WITHOUT ROWID;
"""
_TRACK_10 = "EXISTS (SELECT 1 FROM sync_meta WHERE key = 'track')"
_V10_GID_TRIGGERS = f"""
CREATE TRIGGER {{t}}_sync_insert AFTER INSERT ON {{t}} WHEN NEW.gid IS NOT NULL AND {_TRACK_10} BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, ref) VALUES ('{{t}}', NEW.gid);
END;
CREATE TRIGGER {{t}}_sync_update AFTER UPDATE ON {{t}} WHEN NEW.gid IS NOT NULL AND {_TRACK_10} BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, ref) VALUES ('{{t}}', NEW.gid);
END;
CREATE TRIGGER {{t}}_sync_delete AFTER DELETE ON {{t}} WHEN OLD.gid IS NOT NULL AND {_TRACK_10} BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, ref) VALUES ('{{t}}', OLD.gid);
END;
"""
_V10_KEY_TRIGGERS = f"""
CREATE TRIGGER {{t}}_sync_{{event}} AFTER {{EVENT}} ON {{t}} WHEN {{when}}{_TRACK_10} BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, ref) {{select}};
END;
"""
_SYNC_TABLES_10 = ("contact", "contact_email", "contact_phone", "contact_tag", "channel", "content",
                   "content_topic", "goal", "share", "interaction", "stage_change", "reminder")
_SYNC_SETTINGS_10 = "'window_days', 'stage_cadence_days', 'capture_me', 'phone_region'"


def _upgrade_to_10(conn: sqlite3.Connection) -> None:
    _run_script(conn, _V10)
    for table in _SYNC_TABLES_10:
        _run_script(conn, _V10_GID_TRIGGERS.format(t=table))
    keyed = {
        "snooze": ("", "SELECT 'contact', gid FROM contact WHERE id = {row}.contact_id"),
        "setting": ("{row}.key IN (" + _SYNC_SETTINGS_10 + ") AND ", "VALUES ('setting', 'settings')"),
        "capture_seen": ("", "SELECT 'capture_seen', gid || char(31) || {row}.key FROM contact "
                             "WHERE id = {row}.contact_id"),
        "capture_alias": ("", "VALUES ('capture_alias', {row}.identity)"),
    }
    for table, (when, select) in keyed.items():
        for event, row in (("insert", "NEW"), ("update", "NEW"), ("delete", "OLD")):
            conn.execute(_split_sql(_V10_KEY_TRIGGERS.format(
                t=table, event=event, EVENT=event.upper(), when=when.format(row=row),
                select=select.format(row=row)))[0])
        if table != "setting":  # an update may move a row to another contact: the old one changes too
            conn.execute(_split_sql(_V10_KEY_TRIGGERS.format(
                t=table, event="update_old", EVENT="UPDATE", when="",
                select=select.format(row="OLD")))[0])


# Ordered upgrade steps: (version reached, function). Append, never edit a released step.
STEPS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [
    (1, _upgrade_to_1),
    (2, _upgrade_to_2),
    (3, _upgrade_to_3),
    (4, _upgrade_to_4),
    (5, _upgrade_to_5),
    (6, _upgrade_to_6),
    (7, _upgrade_to_7),
    (8, _upgrade_to_8),
    (9, _upgrade_to_9),
    (10, _upgrade_to_10),
]
SCHEMA_VERSION = STEPS[-1][0]
