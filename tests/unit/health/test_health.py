"""Hand-built cases for every rule of DOMAIN.md's "Relationship health"."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from dealjournal import ops
from dealjournal.health import rules as health
from dealjournal.health.rules import ContactHealth

T = date(2026, 11, 22)


def ago(days: int) -> str:
    return (T - timedelta(days=days)).isoformat()


def person(name: str = "Ada Byron", *, created: int = 400, **fields: object) -> int:
    return ops.add_contact(name, created_on=ago(created), **fields).id  # type: ignore[arg-type]


def touch(contact: int, direction: str, days_ago: int, kind: str = "email", time: str | None = "09:15") -> int:
    """Log an interaction *days_ago* at *time* (None: the day alone, no time); its id."""
    at = ago(days_ago) if time is None else f"{ago(days_ago)}T{time}"
    entry = ops.log_interaction(contact, kind=kind, direction=direction, at=at).id
    assert entry is not None
    return entry


def share(contact: int, days_ago: int, response: str = "none", responded_days_ago: int | None = None) -> int:
    item = ops.add_content("Closing the books faster", kind="video").id
    share_id = ops.record_share(item, [contact], on=ago(days_ago)).id
    if response != "none":
        ops.set_share_response(share_id, response, None if responded_days_ago is None else ago(responded_days_ago))
    return share_id


def of(contact: int, as_of: date = T) -> ContactHealth:
    result = health.compute_one(contact, as_of)
    assert result is not None
    return result


def test_mutual_counts_as_inbound_and_outbound(journal: Path) -> None:
    c = person()
    touch(c, "mutual", 5, "meeting")
    h = of(c)
    assert (h.last_inbound_on, h.last_outbound_on, h.last_touch_on) == (ago(5), ago(5), ago(5))
    assert (h.in_window_in, h.in_window_out, h.unanswered, h.owes_reply) == (1, 1, 0, False)
    assert h.days_quiet == 5


def test_direction_none_is_not_a_touch(journal: Path) -> None:
    c = person(created=40)
    touch(c, "none", 1, "note")
    h = of(c)
    assert h.last_touch_on is None and h.in_window_in == h.in_window_out == 0
    assert h.days_quiet == 40
    assert h.stale and h.overdue_days == 10
    assert h.reasons[0] == "40 days since added, with no contact yet, cadence 30"


def test_share_is_outbound_and_its_dated_response_inbound(journal: Path) -> None:
    c = person()
    share(c, 10, "replied", 7)
    h = of(c)
    assert (h.last_outbound_on, h.last_inbound_on) == (ago(10), ago(7))
    assert (h.in_window_in, h.in_window_out, h.unanswered_shares) == (1, 1, 0)


def test_share_response_without_date_counts_on_share_day(journal: Path) -> None:
    c = person()
    share(c, 10, "seen")
    h = of(c)
    assert h.last_inbound_on == ago(10) == h.last_outbound_on
    assert h.unanswered == 0 and h.unanswered_shares == 0


def test_unanswered_share_in_window_only(journal: Path) -> None:
    c = person()
    share(c, 10)
    share(c, 180)  # T-180: outside the window
    h = of(c)
    assert h.unanswered_shares == 1
    assert "1 share in the last 180 days with no response" in h.reasons


def test_touches_after_t_are_ignored(journal: Path) -> None:
    c = person()
    touch(c, "out", 20)
    touch(c, "in", -1)  # tomorrow: planned, not done
    share(c, 8, "replied", -2)  # the reply is dated after T: not yet happened as of T
    h = of(c)
    assert h.last_inbound_on is None
    assert h.last_outbound_on == ago(8)
    assert (h.in_window_in, h.in_window_out, h.unanswered) == (0, 2, 2)
    assert h.unanswered_shares == 1
    # Seen from after the future touches, they count.
    later = of(c, T + timedelta(days=2))
    assert later.last_inbound_on == ago(-2) and later.unanswered == 0 and later.unanswered_shares == 0


def test_archived_contacts_are_left_out(journal: Path) -> None:
    kept, gone = person("Kept"), person("Gone")
    ops.archive_contact(gone)
    assert [h.id for h in health.compute(T)] == [kept]
    assert health.compute_one(gone, T) is None
    ops.archive_contact(gone, False)
    assert [h.id for h in health.compute(T)] == [kept, gone]


def test_cadence_zero_is_never_stale(journal: Path) -> None:
    c = person(created=900, cadence_days=0)
    h = of(c)
    assert h.days_quiet == 900 and h.cadence_days == 0 and not h.stale and h.overdue_days is None


def test_stage_defaults_and_own_cadence(journal: Path) -> None:
    lead, engaged, own = person("Lead"), person("Engaged"), person("Own", cadence_days=100)
    ops.set_stage(engaged, "engaged", on=ago(60))
    for c in (lead, engaged, own):
        touch(c, "mutual", 20)
    assert [of(c).cadence_days for c in (lead, engaged, own)] == [30, 14, 100]
    assert [of(c).stale for c in (lead, engaged, own)] == [False, True, False]
    assert of(engaged).overdue_days == 6
    ops.update_settings(stage_cadence_days={"lead": 15})
    assert of(lead).stale and of(lead).overdue_days == 5
    assert of(lead).reasons[0] == "20 days since last contact, cadence 15"


def test_window_edges(journal: Path) -> None:
    c = person()
    touch(c, "in", 179)
    touch(c, "out", 180)
    h = of(c)
    assert (h.in_window_in, h.in_window_out) == (1, 0)
    ops.update_settings(window_days=181)
    assert (of(c).in_window_in, of(c).in_window_out) == (1, 1)


def test_same_day_in_and_out(journal: Path) -> None:
    c = person()
    touch(c, "out", 4)
    touch(c, "in", 4)
    h = of(c)
    assert h.last_inbound_on == h.last_outbound_on == ago(4)
    assert h.unanswered == 0 and not h.owes_reply and h.one_sided is None


@pytest.mark.parametrize(("days_ago", "owes"), [(0, False), (2, False), (3, True)])
def test_owes_reply_grace_of_two_days(journal: Path, days_ago: int, owes: bool) -> None:
    c = person()
    touch(c, "out", 10)
    touch(c, "in", days_ago)
    h = of(c)
    assert h.owes_reply is owes
    assert h.one_sided == ("taking" if owes else None)
    if owes:
        assert "they reached out 3 days ago and you have not replied" in h.reasons


def test_unanswered_counts_touches_after_last_inbound(journal: Path) -> None:
    c = person()
    touch(c, "out", 30)  # before the last inbound: answered
    touch(c, "in", 20)
    touch(c, "out", 20)  # same day as the inbound: not strictly after
    for d in (15, 10, 5, 1):
        touch(c, "out", d)
    h = of(c)
    assert h.unanswered == 4 and h.one_sided == "giving"
    assert "4 messages in a row without reply" in h.reasons


def test_unanswered_without_any_inbound_is_every_outbound(journal: Path) -> None:
    c = person()
    for d in (400, 300, 2):  # all time, not just the window
        touch(c, "out", d)
    assert of(c).unanswered == 3 and of(c).one_sided == "giving"


# --- moments: the order of touches within a day (DOMAIN.md revision 2) -------------------------

@pytest.mark.parametrize(("days_ago", "owes"), [(0, False), (2, False), (3, True)])
def test_reply_later_the_same_day_is_owed(journal: Path, days_ago: int, owes: bool) -> None:
    """"I called at 10:00, she replied at 15:00": her reply waits for mine once the grace is over."""
    c = person()
    touch(c, "out", days_ago, "call", "10:00")
    touch(c, "in", days_ago, "email", "15:00")
    h = of(c)
    assert h.last_inbound_on == h.last_outbound_on == ago(days_ago)
    assert h.unanswered == 0  # my call came before her reply: not after it
    assert h.owes_reply is owes and h.one_sided == ("taking" if owes else None)
    if owes:
        assert "they reached out 3 days ago and you have not replied" in h.reasons


def test_outbound_later_the_same_day_answers_and_is_unanswered(journal: Path) -> None:
    c = person()
    touch(c, "in", 5, "email", "10:00")
    touch(c, "out", 5, "call", "11:00")  # answers her mail, and waits for her in turn
    touch(c, "out", 5, "email", "09:00")  # before her mail: neither answers nor waits
    touch(c, "out", 4)
    touch(c, "out", 3)
    h = of(c)
    assert not h.owes_reply
    assert h.unanswered == 3 and h.one_sided == "giving"
    assert "3 messages in a row without reply" in h.reasons


@pytest.mark.parametrize("time", ["09:15", None])
def test_mutual_at_one_moment_answers_itself(journal: Path, time: str | None) -> None:
    c = person()
    touch(c, "out", 12)
    touch(c, "mutual", 10, "meeting", time)
    h = of(c)
    assert (h.owes_reply, h.unanswered, h.one_sided) == (False, 0, None)


def test_untimed_outbound_on_the_last_inbound_day_answers_it(journal: Path) -> None:
    c = person()
    touch(c, "in", 5, "email", "15:00")
    touch(c, "out", 5, "email", None)
    h = of(c)
    assert (h.owes_reply, h.unanswered) == (False, 0)  # answers, but is not after: times not both known


def test_share_on_the_last_inbound_day_answers_it(journal: Path) -> None:
    c = person()
    touch(c, "in", 5, "email", "15:00")
    share(c, 5)  # a share has no time
    h = of(c)
    assert (h.owes_reply, h.unanswered) == (False, 0)


def test_timed_outbound_earlier_than_the_last_inbound_neither_answers_nor_follows_it(journal: Path) -> None:
    c = person()
    touch(c, "out", 5, "email", "14:59")
    touch(c, "in", 5, "email", "15:00")
    h = of(c)
    assert (h.owes_reply, h.unanswered) == (True, 0)


def test_an_untimed_inbound_is_answered_by_any_outbound_that_day(journal: Path) -> None:
    c = person()
    touch(c, "out", 5, "email", "08:00")
    touch(c, "in", 5, "call", None)
    h = of(c)
    assert (h.owes_reply, h.unanswered) == (False, 0)  # no time on L: answered, and not after it


def test_last_inbound_moment_is_the_latest_known_time_of_its_day(journal: Path) -> None:
    c = person()
    touch(c, "in", 5, "email", "09:00")
    touch(c, "out", 5, "email", "12:00")  # answers the 09:00 mail, not the 16:00 one
    touch(c, "in", 5, "call", "16:00")
    touch(c, "in", 5, "note", None)  # no time: leaves L at 16:00
    h = of(c)
    assert (h.owes_reply, h.unanswered) == (True, 0)


def test_times_with_and_without_seconds_compare_as_times(journal: Path) -> None:
    c = person()
    touch(c, "in", 5, "email", "15:00:00")
    touch(c, "out", 5, "email", "15:00")  # the same moment: answers, not after
    assert (of(c).owes_reply, of(c).unanswered) == (False, 0)
    d = person("Seconds")
    touch(d, "in", 5, "email", "15:00:30")
    touch(d, "out", 5, "email", "15:00")  # half a minute before her
    assert (of(d).owes_reply, of(d).unanswered) == (True, 0)
    touch(d, "out", 5, "email", "15:00:31")
    assert (of(d).owes_reply, of(d).unanswered) == (False, 1)


def test_moments_after_t_are_ignored(journal: Path) -> None:
    c = person()
    touch(c, "out", 5, "call", "10:00")
    touch(c, "in", 5, "email", "15:00")
    touch(c, "out", -1)  # planned: does not answer yet
    h = of(c)
    assert (h.owes_reply, h.unanswered, h.last_outbound_on) == (True, 0, ago(5))
    later = of(c, T + timedelta(days=1))
    assert (later.owes_reply, later.unanswered) == (False, 1)


def test_editing_a_time_keeps_moment_figures_current(journal: Path) -> None:
    c = person()
    call = touch(c, "out", 5, "call", "10:00")
    touch(c, "in", 5, "email", "15:00")
    assert of(c).owes_reply
    ops.edit_interaction(call, at=ago(5) + "T16:00")
    assert (of(c).owes_reply, of(c).unanswered) == (False, 1)


def test_giving_by_ratio(journal: Path) -> None:
    c = person()
    for d in (90, 80, 70, 60, 50):
        touch(c, "out", d)
    touch(c, "in", 10)
    touch(c, "in", 10)
    touch(c, "out", 10)  # answered the same day: nothing unanswered, nothing owed
    h = of(c)
    assert (h.in_window_in, h.in_window_out, h.unanswered, h.owes_reply) == (2, 6, 0, False)
    assert h.one_sided is None  # 2 of 8 is 0.25: not below
    touch(c, "out", 40)
    h = of(c)
    assert h.unanswered == 0 and h.one_sided == "giving"
    assert "only 2 of 9 touches in the last 180 days came from them" in h.reasons


def test_taking_by_ratio(journal: Path) -> None:
    c = person()
    for d in (40, 30, 20, 10):
        touch(c, "in", d)
    touch(c, "out", 1)
    h = of(c)
    assert h.one_sided == "taking" and not h.owes_reply
    assert "only 1 of 5 touches in the last 180 days came from you" in h.reasons


def test_ratio_needs_four_touches_in_the_window(journal: Path) -> None:
    c = person()
    for d in (30, 20, 1):
        touch(c, "in", d)  # last inbound yesterday: within the grace, nothing owed yet
    touch(c, "in", 200)  # outside the window
    h = of(c)
    assert (h.in_window_in, h.in_window_out, h.owes_reply, h.one_sided) == (3, 0, False, None)
    touch(c, "in", 40)
    assert of(c).one_sided == "taking"


def test_both_rules_taking_unless_three_unanswered(journal: Path) -> None:
    # giving by ratio (1 in of 5) and taking by owes_reply: unanswered is 0, so taking.
    c = person()
    for d in (40, 30, 20, 10):
        touch(c, "out", d)
    touch(c, "in", 5)
    h = of(c)
    assert h.owes_reply and h.unanswered == 0 and h.one_sided == "taking"
    # taking by ratio (3 out of 13) and giving by unanswered >= 3: giving.
    d2 = person("Both")
    for d in range(100, 50, -5):
        touch(d2, "in", d)
    for d in (30, 20, 10):
        touch(d2, "out", d)
    h2 = of(d2)
    assert h2.unanswered == 3 and h2.in_window_out / (h2.in_window_in + h2.in_window_out) < 0.25
    assert h2.one_sided == "giving"


def test_follow_imbalance_both_ways(journal: Path) -> None:
    c = person()
    ops.add_channel(c, "linkedin", following_since=ago(30), follows_back="no")
    ops.add_channel(c, "x", follows_back="yes")
    ops.add_channel(c, "github", following_since=ago(30), follows_back="yes")  # mutual follow
    ops.add_channel(c, "youtube", follows_back="no")  # neither follows
    ops.add_channel(c, "bluesky", following_since=ago(30), follows_back="unknown")
    h = of(c)
    assert h.follow_imbalance == [
        {"network": "linkedin", "kind": "not_followed_back"},
        {"network": "x", "kind": "not_following_back"},
    ]
    assert "not followed back on LinkedIn" in h.reasons
    assert "they follow you on X but you don't follow back" in h.reasons


@pytest.mark.parametrize(("days_ago", "flagged"), [(0, False), (13, False), (14, True), (-1, False)])
def test_not_followed_back_after_two_weeks(journal: Path, days_ago: int, flagged: bool) -> None:
    c = person()
    ops.add_channel(c, "linkedin", following_since=ago(days_ago), follows_back="no")
    h = of(c)
    assert h.follow_imbalance == ([{"network": "linkedin", "kind": "not_followed_back"}] if flagged else [])
    assert ("not followed back on LinkedIn" in h.reasons) is flagged


@pytest.mark.parametrize(("days_ago", "counted"), [(0, False), (6, False), (7, True), (179, True), (180, False)])
def test_unanswered_share_after_a_week_in_the_window(journal: Path, days_ago: int, counted: bool) -> None:
    c = person()
    share(c, days_ago)
    h = of(c)
    assert h.unanswered_shares == int(counted)
    assert ("1 share in the last 180 days with no response" in h.reasons) is counted


def test_share_response_dated_after_t_is_not_given_yet(journal: Path) -> None:
    c = person()
    share(c, 7, "replied", -1)
    assert of(c).unanswered_shares == 1
    assert of(c, T + timedelta(days=1)).unanswered_shares == 0  # given by then
    share(c, 6, "seen")  # response without a day: given on the share's day
    assert of(c).unanswered_shares == 1


def test_stale_reason_with_numbers(journal: Path) -> None:
    c = person()
    touch(c, "mutual", 41, "call")
    h = of(c)
    assert h.stale and h.overdue_days == 11
    assert h.reasons == ["41 days since last contact, cadence 30"]


def test_editing_and_deleting_keeps_figures_current(journal: Path) -> None:
    c = person()
    touch(c, "out", 10)
    entry = ops.log_interaction(c, kind="call", direction="in", at=ago(3)).id
    assert of(c).last_inbound_on == ago(3)
    ops.edit_interaction(entry, direction="out")
    assert of(c).last_inbound_on is None and of(c).unanswered == 2
    ops.delete_interaction(entry)
    assert of(c).unanswered == 1
    s = share(c, 2, "acted", 1)
    assert of(c).last_inbound_on == ago(1)
    ops.set_share_response(s, "none")
    assert of(c).last_inbound_on is None
    ops.delete_share(s)
    assert of(c).last_outbound_on == ago(10)


def test_report_shape(journal: Path) -> None:
    person()
    doc = health.report(T)
    assert doc["as_of"] == "2026-11-22" and doc["window_days"] == 180
    keys = {"name", "stage", "cadence_days", "last_touch_on", "last_inbound_on", "last_outbound_on",
            "days_quiet", "stale", "overdue_days", "in_window_in", "in_window_out", "unanswered",
            "owes_reply", "one_sided", "unanswered_shares", "follow_imbalance", "reasons"}
    assert keys <= set(doc["contacts"][0])
