"""Global ids (journal format 9): every record has one, from every insert path; it never changes."""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from dealjournal import interchange, ops
from dealjournal.ops import bulk
from dealjournal.store import close_journal, db, gids, open_journal, schema

FIXTURES = Path(__file__).parent / "fixtures" / "journals"
OLD_VERSIONS = range(1, 9)  # the formats before global ids


def gid_rows(conn: sqlite3.Connection | None = None) -> dict[str, list[tuple[int, str | None]]]:
    conn = conn or db.connection()
    return {t: conn.execute(f"SELECT rowid, gid FROM {t} ORDER BY rowid").fetchall() for t in gids.TABLES}


def assert_every_row_has_a_gid() -> dict[str, list[tuple[int, str | None]]]:
    found = gid_rows()
    for table, rows in found.items():
        assert all(gids.is_gid(gid) for _, gid in rows), (table, rows)
        assert len({gid for _, gid in rows}) == len(rows), table
    return found


def user_tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%fts%' ORDER BY name")]


DERIVED = ("touch_day", "touch_summary", "health_state")  # recomputed by some upgrades


def user_data(conn: sqlite3.Connection, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of user data, in the columns *columns* names (default: all but gid)."""
    if columns is None:
        columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] != "gid"]
                   for t in user_tables(conn) if t not in DERIVED}
    found = {}
    for table, names in columns.items():
        where = " WHERE key <> 'health_state_as_of'" if table == "setting" else ""
        found[table] = sorted(conn.execute(f"SELECT {', '.join(names)} FROM {table}{where}").fetchall(), key=repr)
    return found


def columns_of(conn: sqlite3.Connection) -> dict[str, list[str]]:
    return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in user_tables(conn) if t not in DERIVED}


# --- the format --------------------------------------------------------------------------

def test_a_gid_is_22_sortable_base32_characters_starting_with_its_moment() -> None:
    before = time.time_ns() // 1_000_000
    made = [gids.new_gid() for _ in range(2000)]
    after = time.time_ns() // 1_000_000
    assert all(len(g) == gids.LENGTH == 22 and gids.is_gid(g) for g in made)
    assert made == sorted(made) and len(set(made)) == len(made)  # increasing within the process
    assert all(before <= gids.created_ms(g) <= after + 1 for g in made)
    assert gids.created_ms(gids.new_gid(at_ms=1_796_000_000_123)) == 1_796_000_000_123
    assert gids.new_gid(at_ms=1000) < gids.new_gid(at_ms=1001) < gids.new_gid(at_ms=32 ** 8)
    assert sorted(gids.ALPHABET) == list(gids.ALPHABET) and not set("ilou") & set(gids.ALPHABET)
    for bad in ("", "1m8y20g535w9rc5nzkxy2", "1m8y20g535w9rc5nzkxy2jj", "1M8Y20G535W9RC5NZKXY2J",
                "1m8y20g535w9rc5nzkxy2i", "1m8y20g535w9rc5nzkxy-j", 12345, None):
        assert not gids.is_gid(bad), bad


def test_the_tables_with_gids_are_the_schemas(journal: Path) -> None:
    conn = db.connection()
    with_gid = [t for t in user_tables(conn) if "gid" in {r[1] for r in conn.execute(f"PRAGMA table_info({t})")}]
    assert sorted(with_gid) == sorted(gids.TABLES) == sorted(schema._GID_TABLES_9)
    for table in gids.TABLES:
        indexes = {r[1]: r[2] for r in conn.execute(f"PRAGMA index_list({table})")}
        assert indexes[f"{table}_gid"] == 1  # unique


def test_sqlite_makes_gids_of_the_same_format_and_moment(journal: Path) -> None:
    conn = db.connection()
    before = time.time_ns() // 1_000_000
    conn.execute("INSERT INTO contact (name, created_on) VALUES ('A', '2026-01-01'), ('B', '2026-01-01')")
    conn.executemany("INSERT INTO contact_tag (contact_id, tag) VALUES (1, ?)", [(f"t{i}",) for i in range(500)])
    after = time.time_ns() // 1_000_000
    found = assert_every_row_has_a_gid()
    made = [g for t in ("contact", "contact_tag") for _, g in found[t]]
    assert len(made) == 502
    assert all(before - 1 <= gids.created_ms(g) <= after + 1 for g in made if g)


# --- upgrading -----------------------------------------------------------------------------

@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_upgrading_keeps_every_row_and_gives_each_a_distinct_gid(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / f"v{version}.sqlite3", path)
    old = sqlite3.connect(path)
    columns = columns_of(old)
    before = user_data(old, columns)
    old.close()
    open_journal(path)
    upgraded = time.time_ns() // 1_000_000
    conn = db.connection()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert user_data(conn, columns) == before  # nothing lost, nothing changed
    found = assert_every_row_has_a_gid()
    assert sum(len(rows) for rows in found.values()) >= 10
    for table, rows in found.items():
        made = [gid for _, gid in rows]
        assert made == sorted(made), f"{table}: gids follow the row order"
        assert all(gids.created_ms(g) <= upgraded for g in made if g)  # just before the upgrade
    if version == 8:  # its fixture has a row in every table
        assert all(found.values()), {t: len(r) for t, r in found.items()}
    close_journal()


def test_upgrading_orders_gids_by_rowid_even_when_rowids_are_far_apart(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "v8.sqlite3", path)
    old = sqlite3.connect(path)
    old.execute("INSERT INTO content (id, title) VALUES (-5, 'negative'), (0, 'zero'), (40000000, 'far')")
    old.execute("INSERT INTO content_topic (id, content_id, topic) VALUES (-9000000000000, 1, 'very far'), "
                "(1099511627776, 1, 'far apart')")
    old.commit()
    old.close()
    open_journal(path)
    for table in ("content", "content_topic"):
        made = [g for _, g in gid_rows()[table]]
        assert made == sorted(made) and all(gids.is_gid(g) for g in made) and len(set(made)) == len(made)
    close_journal()


def test_a_gid_set_by_the_upgrade_stays_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURES / "v8.sqlite3", path)
    open_journal(path)
    first = gid_rows()
    close_journal()
    open_journal(path)
    assert gid_rows() == first
    close_journal()


# --- every insert path gives one ----------------------------------------------------------

def test_every_operation_gives_new_rows_a_gid(journal: Path) -> None:
    ada = ops.add_contact("Ada Byron", emails=[("work", "ada@example.com")], phones=[("mobile", "+44 20 7946 0000")],
                          tags=["fintech", "vip"]).id
    zoe = ops.add_contact("Zoë Ångström").id
    ops.add_channel(ada, "linkedin", handle="ada")
    ops.set_stage(ada, "engaged", on="2026-02-01")
    goal = ops.add_goal(ada, "Faster close").id
    content = ops.add_content("Closing the books faster", topics=["finance", "close"]).id
    ops.record_share(content, [ada, zoe], on="2026-02-03")
    ops.log_interaction(ada, kind="call", direction="out", at="2026-02-04T10:00", goal_id=goal)
    ops.snooze_contact(zoe, "2099-01-01")
    ops.add_reminder(ada, "2026-03-01", "Send the case study")
    ops.edit_contact(ada, tags=["fintech", "vip", "partner"], emails=[("work", "ada@example.org")])
    bulk.add_tag([ada, zoe], "newsletter")
    bulk.set_stage([ada, zoe], "opportunity", on="2026-03-01")
    found = assert_every_row_has_a_gid()
    assert all(found[t] for t in gids.TABLES), {t: len(r) for t, r in found.items()}


def test_peewee_inserts_bring_their_own_gid_and_saving_keeps_it(journal: Path) -> None:
    from dealjournal.store.models import Contact

    contact = Contact.create(name="Ada", created_on="2026-01-01")
    assert gids.is_gid(contact.gid)
    stored = db.connection().execute("SELECT gid FROM contact WHERE id = ?", (contact.id,)).fetchone()[0]
    assert stored == contact.gid
    contact.name = "Ada Byron"
    contact.save()
    assert Contact.get_by_id(contact.id).gid == stored


def test_the_sample_journal_has_gids(tmp_path: Path) -> None:
    from dealjournal.ops.sample import write_demo

    write_demo(tmp_path / "sample.sqlite3", today=date(2026, 11, 22))
    open_journal(tmp_path / "sample.sqlite3")
    found = assert_every_row_has_a_gid()
    assert found["interaction"] and found["contact_email"] and found["content_topic"] and found["reminder"]
    close_journal()


def test_imports_give_every_row_a_gid(journal: Path, tmp_path: Path) -> None:
    from dealjournal.contact_import import apply_plan, plan_import
    from dealjournal.importers import parse_file

    ada = ops.add_contact("Ada Byron", emails=[("work", "ada@example.com")], tags=["fintech"]).id
    content = ops.add_content("Closing the books faster", topics=["finance"]).id
    ops.record_share(content, [ada], on="2026-02-03")
    ops.log_interaction(ada, kind="email", direction="in", at="2026-02-04T10:00", summary="Hi")
    ops.snooze_contact(ada, "2099-01-01")
    ops.add_reminder(ada, "2026-03-01", "Call")
    exported = tmp_path / "journal.json"
    interchange.export_file(exported)

    close_journal()
    open_journal(tmp_path / "other.sqlite3")
    interchange.import_file(exported)  # the exchange format
    vcf = tmp_path / "people.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nN:Hopper;Grace;;;\r\nEMAIL:grace@example.com\r\n"
                   "TEL:+1 555 0100\r\nURL:https://www.linkedin.com/in/ghopper\r\nCATEGORIES:navy\r\nEND:VCARD\r\n"
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Byron\r\nEMAIL:ada@example.com\r\nTEL:+44 1\r\n"
                   "CATEGORIES:merged\r\nEND:VCARD\r\n", encoding="utf-8")
    apply_plan(plan_import(parse_file(vcf)))  # contact files: new contacts and merges
    found = assert_every_row_has_a_gid()
    assert len(found["contact"]) == 2 and len(found["contact_phone"]) == 2 and found["snooze"] and found["reminder"]
    many = tmp_path / "many.vcf"
    many.write_text("".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n}\r\nEMAIL:p{n}@example.com\r\n"
                            f"EMAIL:p{n}@example.org\r\nCATEGORIES:a,b,c\r\nEND:VCARD\r\n" for n in range(300)),
                    encoding="utf-8")
    apply_plan(plan_import(parse_file(many)))
    for table, rows in assert_every_row_has_a_gid().items():  # in the order they were written: the file's
        assert [g for _, g in rows] == sorted(g for _, g in rows), table


def test_a_capture_gives_every_row_a_gid(journal: Path, tmp_path: Path, local_tz: str) -> None:
    from dealjournal.capture import Me, apply_capture, plan_capture

    ops.add_contact("Ada Byron", emails=[("work", "ada@example.com")])
    mbox = tmp_path / "mail.mbox"
    mbox.write_text(
        "From x@example.com Mon Nov 30 15:00:00 2026\nFrom: Ada Byron <ada@example.com>\nTo: me@example.com\n"
        "Date: Mon, 30 Nov 2026 15:00:00 +0100\nSubject: Proposal\nMessage-ID: <m1@x>\n\nHello.\n\n"
        "From x@example.com Mon Nov 30 15:00:00 2026\nFrom: Nobody Known <nk@example.org>\nTo: me@example.com\n"
        "Date: Tue, 01 Dec 2026 09:00:00 +0100\nSubject: Hi\nMessage-ID: <m2@x>\n\nHello.\n\n", encoding="utf-8")
    plan = plan_capture([mbox], Me.parse(["me@example.com"], "DE"), now=datetime(2026, 12, 3, 12, 0))
    outcome = apply_capture(plan, add=[p.key for p in plan.files[0].unmatched])
    assert (outcome.added, outcome.contacts_created) == (2, 1)
    found = assert_every_row_has_a_gid()
    assert len(found["interaction"]) == 2 and len(found["contact_email"]) == 2
    for table, rows in found.items():
        assert [g for _, g in rows] == sorted(g for _, g in rows), table


# --- a gid never changes; undo puts the same one back --------------------------------------

def test_a_gid_cannot_be_changed_or_cleared_or_be_malformed_or_taken_twice(journal: Path) -> None:
    conn = db.connection()
    ada = ops.add_contact("Ada Byron").id
    gid = conn.execute("SELECT gid FROM contact").fetchone()[0]
    for value in (gids.new_gid(), None):
        with pytest.raises(sqlite3.IntegrityError, match="never changes"):
            conn.execute("UPDATE contact SET gid = ? WHERE id = ?", (value, ada))
    conn.execute("UPDATE contact SET gid = gid, name = 'Ada' WHERE id = ?", (ada,))  # the same value is no change
    for bad in ("short", gid.upper(), gid[:-1] + "u", 1234567890123456789012):
        with pytest.raises(sqlite3.IntegrityError, match="well-formed"):
            conn.execute("INSERT INTO contact (name, created_on, gid) VALUES ('X', '2026-01-01', ?)", (bad,))
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute("INSERT INTO contact (name, created_on, gid) VALUES ('X', '2026-01-01', ?)", (gid,))
    assert conn.execute("SELECT id, name, gid FROM contact").fetchall() == [(ada, "Ada", gid)]


def test_edits_keep_every_gid(journal: Path) -> None:
    ada = ops.add_contact("Ada Byron", tags=["fintech"]).id
    channel = ops.add_channel(ada, "x").id
    goal = ops.add_goal(ada, "Faster close").id
    content = ops.add_content("Closing the books faster").id
    share = ops.record_share(content, [ada], on="2026-02-03").ids[0]
    entry = ops.log_interaction(ada, kind="call", direction="out", at="2026-02-04T10:00").id
    reminder = ops.add_reminder(ada, "2026-03-01", "Call").id
    ops.snooze_contact(ada, "2099-01-01")
    before = gid_rows()
    ops.edit_contact(ada, name="Ada Lovelace", company="Analytical Ltd", notes="met at a fair")
    ops.archive_contact(ada)
    ops.set_stage(ada, "customer")
    del before["stage_change"]
    ops.edit_channel(channel, follows_back="yes")
    ops.edit_goal(goal, title="Close in 3 days")
    ops.close_goal(goal, "achieved")
    ops.edit_content(content, title="Closing faster")
    ops.edit_share(share, note="for the close")
    ops.set_share_response(share, "replied")
    ops.edit_interaction(entry, summary="Pricing")
    ops.set_follow_up_done(entry)
    ops.edit_reminder(reminder, text="Call back")
    ops.set_reminder_done(reminder)
    ops.snooze_contact(ada, "2099-02-01")  # snoozing again changes the snooze, it is still the same one
    bulk.archive([ada], archived=False)
    bulk.set_cadence([ada], 14)
    after = gid_rows()
    del after["stage_change"]
    assert after == before


def test_undoing_a_deletion_restores_the_same_gids(journal: Path) -> None:
    ada = ops.add_contact("Ada Byron", emails=[("work", "ada@example.com")], phones=[("mobile", "+44 1")],
                          tags=["fintech", "vip"]).id
    ops.add_channel(ada, "linkedin", handle="ada")
    ops.set_stage(ada, "engaged", on="2026-02-01")
    goal = ops.add_goal(ada, "Faster close").id
    content = ops.add_content("Closing the books faster", topics=["finance"]).id
    share = ops.record_share(content, [ada], on="2026-02-03", goal_id=goal).ids[0]
    entry = ops.log_interaction(ada, kind="call", direction="out", at="2026-02-04T10:00", goal_id=goal).id
    reminder = ops.add_reminder(ada, "2026-03-01", "Call").id
    ops.snooze_contact(ada, "2099-01-01")
    everything = gid_rows()

    for table, row_id, delete in (("interaction", entry, ops.delete_interaction), ("share", share, ops.delete_share),
                                  ("reminder", reminder, ops.delete_reminder)):
        snap = ops.capture_row(table, row_id)
        delete(row_id)
        ops.restore(snap)
        assert gid_rows() == everything, table
    snap = ops.capture_content(content)
    ops.delete_content(content)
    ops.restore(snap)
    assert gid_rows() == everything
    snap = ops.capture_contact(ada)
    ops.delete_contact(ada)
    assert not any(rows for t, rows in gid_rows().items() if t not in ("content", "content_topic"))
    ops.restore(snap)
    assert gid_rows() == everything
    snap = ops.capture_contacts([ada])
    bulk.delete([ada])
    ops.restore(snap)
    assert gid_rows() == everything

    undo = bulk.capture([ada], tag="vip")
    bulk.remove_tag([ada], "vip")
    bulk.put_back(undo)
    assert gid_rows() == everything
    undo = bulk.capture([ada], columns=("cadence_days",), tag=bulk.TRIAGE_TAG)
    bulk.triage([ada], keep_in_touch=30)
    bulk.put_back(undo)
    assert gid_rows() == everything
