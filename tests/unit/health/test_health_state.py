"""The cached health state follows the engine exactly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from dealjournal import ops, phrases
from dealjournal.health import rules as health
from dealjournal.health import state as health_state
from dealjournal.phrases import Phrase
from dealjournal.queries import attention
from dealjournal.queries import contacts as contact_list
from dealjournal.store import db

T = date(2026, 11, 22)


def stored() -> dict[int, tuple[object, ...]]:
    rows = db.connection().execute(
        "SELECT contact_id, days_quiet, overdue_days, one_sided, unanswered, reasons FROM health_state").fetchall()
    return {r[0]: r[1:] for r in rows}


def expected() -> dict[int, tuple[object, ...]]:
    return {h.id: (h.days_quiet, h.overdue_days, h.one_sided, h.unanswered, phrases.dumps(h.reasons))
            for h in health.compute(T)}


def test_rebuild_update_and_invalidate(journal: Path) -> None:
    a = ops.add_contact("Ada", created_on="2026-01-01").id
    b = ops.add_contact("Bob", created_on="2026-11-01").id
    assert health_state.as_of() is None
    health_state.update_for([a])  # nothing to update before a first rebuild
    assert stored() == {}
    health_state.rebuild(T)
    assert health_state.is_current(T) and not health_state.is_current(date(2026, 11, 23))
    assert stored() == expected()
    for d in ("2026-11-01", "2026-11-05", "2026-11-10"):
        ops.log_interaction(b, kind="email", direction="out", at=d)
    ops.archive_contact(a)
    health_state.update_for([a, b])
    assert stored() == expected() and a not in stored() and stored()[b][2] == "giving"
    health_state.invalidate()
    assert health_state.as_of() is None


def test_severity_orders_by_need() -> None:
    base = dict(id=1, name="x", stage="lead", cadence_days=30, last_touch_on=None, last_inbound_on=None,
                last_outbound_on=None, days_quiet=0, stale=False, overdue_days=None, in_window_in=0, in_window_out=0,
                unanswered=0, owes_reply=False, one_sided=None, unanswered_shares=0)
    ok = health.ContactHealth(**base)
    share = health.ContactHealth(**{**base, "unanswered_shares": 1})
    sided = health.ContactHealth(**{**base, "one_sided": "giving", "unanswered": 3})
    stale = health.ContactHealth(**{**base, "stale": True, "overdue_days": 2})
    assert health_state.severity(ok) < health_state.severity(share) < health_state.severity(sided) < health_state.severity(stale)


def test_reasons_come_back_from_the_cache_as_phrases(journal: Path) -> None:
    """The window gets each reason's template and values back, so that it can translate them."""
    ada = ops.add_contact("Ada", created_on="2026-01-01").id
    assert ada is not None
    for d in ("2026-10-01", "2026-10-05", "2026-10-09"):
        ops.log_interaction(ada, kind="email", direction="out", at=d)
    blog = ops.add_channel(ada, "blog", following_since="2026-01-01", follows_back="no").id
    assert blog is not None
    health_state.rebuild(T)

    (row,) = contact_list.page(contact_list.ContactFilter())
    assert row.reasons == ("44 days since last contact, cadence 30", "3 messages in a row without reply",
                           "not followed back on their blog")
    assert all(isinstance(r, Phrase) for r in row.reasons)
    stale, unanswered, follow = row.reasons
    assert isinstance(stale, Phrase) and stale.template == "{days} days since last contact, cadence {cadence}"
    assert stale.values == {"days": 44, "cadence": 30}
    assert isinstance(unanswered, Phrase) and unanswered.values == {"n": 3}
    # The network's name is itself a Phrase inside the reason: "their blog" is translated too.
    assert isinstance(follow, Phrase) and follow.template == "not followed back on {network}"
    label = follow.values["network"]
    assert isinstance(label, Phrase) and label.template == "their blog" and label == health.NETWORK_NAMES["blog"]
    assert isinstance(row.health_text, Phrase) and row.health_text == "stale +14d, one-sided (you)"

    # The Attention page's reasons, built from the same cached figures.
    (item,) = attention.stale().items
    assert isinstance(item.reason, Phrase) and item.reason == "44 days since last contact, cadence 30"
    assert item.reason.template == stale.template and item.reason.values == stale.values
    (giving,) = attention.giving().items
    assert isinstance(giving.reason, Phrase) and giving.reason.values == {"n": 3}
    (imbalance,) = attention.follow_imbalance(T).items
    assert imbalance.reason == "not followed back on their blog since 2026-01-01"
    assert isinstance(imbalance.reason, Phrase) and imbalance.reason.values["network"].template == "their blog"


def test_a_cache_of_the_previous_format_is_rebuilt(journal: Path) -> None:
    """Format 1 kept the day alone as its stamp and the reasons as plain English."""
    ada = ops.add_contact("Ada", created_on="2026-01-01").id
    health_state.rebuild(T)
    conn = db.connection()
    conn.execute("UPDATE setting SET value = ? WHERE key = 'health_state_as_of'", (json.dumps(T.isoformat()),))
    conn.execute("UPDATE health_state SET reasons = ?", (json.dumps(["325 days since added, with no contact yet, "
                                                                      "cadence 30"]),))
    (old,) = contact_list.page(contact_list.ContactFilter())
    assert old.reasons == ("325 days since added, with no contact yet, cadence 30",)  # read as plain text
    assert not isinstance(old.reasons[0], Phrase)

    assert health_state.as_of() is None and not health_state.is_current(T)  # so the window rebuilds it
    health_state.update_for([ada])  # nothing is refreshed into a state that is not current
    health_state.rebuild(T)
    assert health_state.is_current(T)
    (row,) = contact_list.page(contact_list.ContactFilter())
    assert row.reasons == old.reasons and isinstance(row.reasons[0], Phrase)
    assert row.reasons[0].template == "{days} days since added, with no contact yet, cadence {cadence}"
    assert json.loads(conn.execute("SELECT value FROM setting WHERE key = 'health_state_as_of'").fetchone()[0]) == {
        "day": T.isoformat(), "format": health_state.FORMAT}


def test_an_unreadable_stamp_means_rebuild(journal: Path) -> None:
    ops.add_contact("Ada", created_on="2026-01-01")
    health_state.rebuild(T)
    for value in ("not json", json.dumps({"day": "someday", "format": health_state.FORMAT}),
                  json.dumps({"day": T.isoformat(), "format": health_state.FORMAT + 1}), json.dumps(None)):
        db.connection().execute("UPDATE setting SET value = ? WHERE key = 'health_state_as_of'", (value,))
        assert health_state.as_of() is None


def test_a_cache_from_before_revision_2_is_rebuilt_by_the_new_rules(journal: Path) -> None:
    """Format 2 was written by the health rules before DOMAIN.md's revision 2: rebuilt, never read as current."""
    ada = ops.add_contact("Ada", created_on="2026-01-01").id
    ops.log_interaction(ada, kind="call", direction="out", at="2026-11-15T10:00")
    ops.log_interaction(ada, kind="email", direction="in", at="2026-11-15T15:00")
    health_state.rebuild(T)
    conn = db.connection()
    # What format 2 held: by the day alone, her 15:00 mail counted as answered by the 10:00 call.
    conn.execute("UPDATE health_state SET owes_reply = 0, one_sided = NULL, reasons = '[]'")
    conn.execute("UPDATE setting SET value = ? WHERE key = 'health_state_as_of'",
                 (json.dumps({"day": T.isoformat(), "format": 2}),))
    assert health_state.FORMAT > 2
    assert health_state.as_of() is None and not health_state.is_current(T)
    health_state.rebuild(T)
    assert conn.execute("SELECT owes_reply, one_sided FROM health_state").fetchone() == (1, "taking")
    assert stored() == expected()


def test_a_cache_without_the_last_inbound_day_is_rebuilt(journal: Path) -> None:
    """Format 3 had no last_inbound_on, which Today ranks by: rebuilt, never read as current."""
    ada = ops.add_contact("Ada", created_on="2026-01-01").id
    ops.log_interaction(ada, kind="email", direction="in", at="2026-11-15T15:00")
    health_state.rebuild(T)
    conn = db.connection()
    assert conn.execute("SELECT last_inbound_on FROM health_state").fetchone() == ("2026-11-15",)
    conn.execute("UPDATE health_state SET last_inbound_on = NULL")
    conn.execute("UPDATE setting SET value = ? WHERE key = 'health_state_as_of'",
                 (json.dumps({"day": T.isoformat(), "format": 3}),))
    assert not health_state.is_current(T)
    health_state.rebuild(T)
    assert conn.execute("SELECT last_inbound_on FROM health_state").fetchone() == ("2026-11-15",)
