"""Operations: each validates its input, writes in one transaction and says what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.health import touches
from dealjournal.errors import ValidationError
from dealjournal.phrases import Phrase
from dealjournal.store import db
from dealjournal.store.models import Contact, ContactEmail, ContactTag, Goal, Interaction, Share, StageChange


def count(table: str) -> int:
    return db.connection().execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_add_and_edit_contact(journal: Path) -> None:
    changes = ops.add_contact("  Ada Byron ", company="Analytical Ltd", emails=[("work", "ada@example.com")],
                              tags=["fintech", "fintech", "ai"], cadence_days=0, created_on="2026-01-10")
    assert changes.contacts and changes.id is not None and changes.contact_ids == {changes.id}
    ada = Contact.get_by_id(changes.id)
    assert (ada.name, ada.company, ada.cadence_days, ada.created_on) == ("Ada Byron", "Analytical Ltd", 0, "2026-01-10")
    assert [t.tag for t in ContactTag.select().order_by(ContactTag.id)] == ["fintech", "ai"]
    ops.edit_contact(ada.id, name="Ada King", emails=[("home", "ada@home.example"), "ada@work.example"],
                     company="", cadence_days=None)
    ada = Contact.get_by_id(ada.id)
    assert (ada.name, ada.company, ada.cadence_days) == ("Ada King", None, None)
    assert [(e.label, e.value) for e in ContactEmail.select().order_by(ContactEmail.id)] == [
        ("home", "ada@home.example"), (None, "ada@work.example")]


@pytest.mark.parametrize(("call", "message"), [
    (lambda: ops.add_contact("   "), "Name cannot be empty"),
    (lambda: ops.add_contact("A", stage="friend"), "Stage 'friend' is not one of lead, engaged"),
    (lambda: ops.add_contact("A", cadence_days=-1), "cadence must be a whole number"),
    (lambda: ops.add_contact("A", buying_style="impulsive"), "Buying style 'impulsive'"),
    (lambda: ops.add_contact("A", created_on="2026-02-30"), "not a real date"),
    (lambda: ops.add_contact("A", emails=[("work", " ")]), "E-mail cannot be empty"),
    (lambda: ops.add_contact("A", nickname="x"), "Unknown contact field"),
    (lambda: ops.edit_contact(999, name="x"), "There is no contact #999"),
    (lambda: ops.log_interaction(999, kind="email", direction="out"), "There is no contact #999"),
])
def test_contact_validation(journal: Path, call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message):
        call()
    assert count("contact") == 0


def test_a_validation_error_carries_a_phrase(journal: Path) -> None:
    """The window translates an operation's error: its message is a Phrase (template and values)."""
    with pytest.raises(ValidationError) as caught:
        ops.edit_contact(999, name="x")
    (message,) = caught.value.args
    assert isinstance(message, Phrase) and str(caught.value) == "There is no contact #999 (it may have been deleted)."
    assert message.template == "There is no contact #{id} (it may have been deleted)." and message.values == {"id": 999}

    c = ops.add_contact("Ada").id
    assert c is not None
    with pytest.raises(ValidationError) as caught:
        ops.log_interaction(c, kind="call", direction="out", follow_up_on="2026-02-30")
    message = caught.value.args[0]
    assert message == "Follow-up date: '2026-02-30' is not a real date."
    assert isinstance(message, Phrase) and message.template == "{field}: {problem}."
    field, problem = message.values["field"], message.values["problem"]
    assert isinstance(field, Phrase) and field.template == "Follow-up date" and field.values == {}
    assert isinstance(problem, Phrase) and problem.template == "{text} is not a real date"
    assert problem.values == {"text": "'2026-02-30'"}

    with pytest.raises(ValidationError) as caught:
        ops.edit_contact(c, phones=[("mobile", "1"), (7, "2")])
    message = caught.value.args[0]
    assert message == "Phone label must be text, not int." and isinstance(message, Phrase)
    assert message.values["field"].template == "{field} label"


def test_interaction_validation_and_defaults(journal: Path) -> None:
    c = ops.add_contact("Ada").id
    with pytest.raises(ValidationError, match="Direction 'sideways' is not one of out, in, mutual, none"):
        ops.log_interaction(c, kind="email", direction="sideways")
    with pytest.raises(ValidationError, match="Kind 'fax'"):
        ops.log_interaction(c, kind="fax", direction="out")
    with pytest.raises(ValidationError, match="is not a date"):
        ops.log_interaction(c, kind="call", direction="out", at="yesterday")
    entry = ops.log_interaction(c, kind="call", direction="out", at="2026-03-01T09:30", summary=" Intro ",
                                follow_up_on="2026-03-08").id
    row = Interaction.get_by_id(entry)
    assert (row.at, row.day, row.summary, row.follow_up_on, row.follow_up_done) == (
        "2026-03-01T09:30", "2026-03-01", "Intro", "2026-03-08", False)
    ops.set_follow_up_done(entry)
    assert Interaction.get_by_id(entry).follow_up_done
    now = Interaction.get_by_id(ops.log_interaction(c, kind="note", direction="none").id)
    assert len(now.at) == 16 and now.day == now.at[:10]


def test_share_validation(journal: Path) -> None:
    a, b = ops.add_contact("Ada").id, ops.add_contact("Bob").id
    item = ops.add_content("Closing faster", kind="video", topics=["finance"]).id
    with pytest.raises(ValidationError, match="no content item #999"):
        ops.record_share(999, [a])
    with pytest.raises(ValidationError, match="at least one contact"):
        ops.record_share(item, [])
    changes = ops.record_share(item, [a, b], on="2026-02-03", via="email", note="thought of you")
    assert len(changes.ids) == 2 and changes.contact_ids == {a, b} and changes.touches
    with pytest.raises(ValidationError, match="before the share itself"):
        ops.set_share_response(changes.ids[0], "replied", "2026-02-01")
    with pytest.raises(ValidationError, match="Response 'loved'"):
        ops.set_share_response(changes.ids[0], "loved")
    ops.set_share_response(changes.ids[0], "replied", "2026-02-05")
    assert Share.get_by_id(changes.ids[0]).responded_on == "2026-02-05"
    ops.set_share_response(changes.ids[0], "none", "2026-02-05")
    assert Share.get_by_id(changes.ids[0]).responded_on is None


def test_goal_belongs_to_its_contact(journal: Path) -> None:
    a, b = ops.add_contact("Ada").id, ops.add_contact("Bob").id
    goal = ops.add_goal(a, "Cut month-end close to 3 days", priority="high", target_on="2027-03-31",
                        created_on="2026-02-01").id
    with pytest.raises(ValidationError, match="belongs to another contact"):
        ops.log_interaction(b, kind="call", direction="out", goal_id=goal)
    item = ops.add_content("Guide").id
    with pytest.raises(ValidationError, match="share with one contact to link a goal"):
        ops.record_share(item, [a, b], goal_id=goal)
    with pytest.raises(ValidationError, match="Priority 'urgent'"):
        ops.add_goal(a, "x", priority="urgent")
    with pytest.raises(ValidationError, match="before the goal was set"):
        ops.close_goal(goal, "achieved", on="2026-01-01")
    ops.close_goal(goal, "achieved", on="2026-06-01")
    assert (Goal.get_by_id(goal).status, Goal.get_by_id(goal).closed_on) == ("achieved", "2026-06-01")
    ops.close_goal(goal, "open")
    assert Goal.get_by_id(goal).closed_on is None


def test_stage_change_writes_history(journal: Path) -> None:
    c = ops.add_contact("Ada").id
    assert ops.set_stage(c, "engaged", on="2026-02-01").stages
    assert not ops.set_stage(c, "engaged").stages  # no change, no history
    ops.set_stage(c, "customer", on="2026-05-01")
    history = [(s.from_stage, s.to_stage, s.on_day) for s in StageChange.select().order_by(StageChange.id)]
    assert history == [("lead", "engaged", "2026-02-01"), ("engaged", "customer", "2026-05-01")]
    assert Contact.get_by_id(c).stage == "customer"


def test_channels_follow_and_unfollow(journal: Path) -> None:
    c = ops.add_contact("Ada").id
    with pytest.raises(ValidationError, match="Network 'myspace'"):
        ops.add_channel(c, "myspace")
    with pytest.raises(ValidationError, match="Follows back 'maybe' is not one of yes, no, unknown"):
        ops.add_channel(c, "linkedin", follows_back="maybe")
    ch = ops.add_channel(c, "linkedin", url="https://www.linkedin.com/in/ada").id
    ops.follow(ch, "2026-03-01")
    assert db.connection().execute("SELECT following_since FROM channel").fetchone() == ("2026-03-01",)
    ops.unfollow(ch)
    assert db.connection().execute("SELECT following_since FROM channel").fetchone() == (None,)


def test_delete_contact_removes_everything_about_them(journal: Path) -> None:
    c = ops.add_contact("Ada").id
    keep = ops.add_contact("Bob").id
    item = ops.add_content("Guide").id
    ops.record_share(item, [c, keep])
    ops.log_interaction(c, kind="call", direction="out")
    ops.add_goal(c, "Grow")
    ops.add_channel(c, "x")
    ops.delete_contact(c)
    for table in ("interaction", "goal", "channel", "stage_change", "touch_summary"):
        assert db.connection().execute(f"SELECT count(*) FROM {table} WHERE contact_id = ?", (c,)).fetchone()[0] == 0
    assert count("share") == 1 and count("content") == 1


def test_delete_content_refreshes_touches(journal: Path) -> None:
    c = ops.add_contact("Ada").id
    item = ops.add_content("Guide").id
    ops.record_share(item, [c], on="2026-02-03")
    assert db.connection().execute("SELECT last_out_on FROM touch_summary").fetchone() == ("2026-02-03",)
    ops.delete_content(item)
    assert db.connection().execute("SELECT last_out_on FROM touch_summary").fetchone() is None  # no touches left


def test_settings_validation(journal: Path) -> None:
    from dealjournal.store import settings

    with pytest.raises(ValidationError, match="between 1 and 3650"):
        ops.update_settings(window_days=0)
    with pytest.raises(ValidationError, match="Stage 'vip'"):
        ops.update_settings(stage_cadence_days={"vip": 3})
    ops.update_settings(window_days=90, stage_cadence_days={"lead": 10})
    loaded = settings.load()
    assert loaded.window_days == 90 and loaded.stage_cadence_days["lead"] == 10
    assert loaded.stage_cadence_days["engaged"] == 14


def test_failed_operation_writes_nothing(journal: Path) -> None:
    item = ops.add_content("Guide").id
    a = ops.add_contact("Ada").id
    with pytest.raises(ValidationError):
        ops.record_share(item, [a, 12345])  # the second contact does not exist
    assert count("share") == 0


def test_snapshot_restores_a_deleted_contact_exactly(journal: Path) -> None:
    c = ops.add_contact("Ada", emails=["ada@example.com"], tags=["fintech"]).id
    item = ops.add_content("Guide").id
    goal = ops.add_goal(c, "Grow").id
    ops.record_share(item, [c], on="2026-02-03", goal_id=goal)
    ops.log_interaction(c, kind="call", direction="in", at="2026-02-04T10:00", goal_id=goal)
    ops.add_channel(c, "x", follows_back="yes")
    ops.set_stage(c, "engaged", on="2026-02-05")
    conn = db.connection()  # what a capture leaves: a captured entry, the keys seen, a confirmed name
    conn.execute("INSERT INTO interaction (contact_id, at, day, kind, direction, source_kind, source_key) "
                 "VALUES (?, '2026-02-06T09:00', '2026-02-06', 'email', 'in', 'mbox', '<m1@x>')", (c,))
    conn.executemany("INSERT INTO capture_seen (contact_id, key) VALUES (?, ?)", [(c, "<m1@x>"), (c, "<m0@x>")])
    conn.execute("INSERT INTO capture_alias (identity, contact_id) VALUES ('name:Ada 🌸', ?)", (c,))
    touches.refresh([c])
    tables = ("contact", "contact_email", "contact_tag", "goal", "share", "interaction", "channel",
              "stage_change", "touch_day", "touch_summary", "capture_seen", "capture_alias")
    before = {t: db.connection().execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    snap = ops.capture_contact(c)
    ops.delete_contact(c)
    assert count("contact") == count("capture_seen") == count("capture_alias") == 0
    changes = ops.restore(snap)
    assert changes.contacts and changes.contact_ids == {c}
    after = {t: db.connection().execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    assert after == before
    with pytest.raises(ValidationError, match="can no longer be undone"):
        ops.restore(snap)


def test_revert_stage_change(journal: Path) -> None:
    c = ops.add_contact("Ada").id
    change = ops.set_stage(c, "opportunity", on="2026-02-01").id
    assert change is not None
    ops.revert_stage_change(change)
    assert Contact.get_by_id(c).stage == "lead" and count("stage_change") == 0


def test_nul_character_is_refused_clearly(journal: Path) -> None:
    with pytest.raises(ValidationError, match="NUL character"):
        ops.add_contact("\x00")
    assert count("contact") == 0
