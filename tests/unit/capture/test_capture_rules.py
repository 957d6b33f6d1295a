"""DOMAIN.md's *Captured touches*, line by line, on records as the readers hand them over."""

from __future__ import annotations

from datetime import date, datetime

from dealjournal.capture.rules import Me, sort_records, summary_of, tally
from dealjournal.conversations import model
from dealjournal.conversations.model import Attendee, Meeting, Message, Party

NOW = datetime(2026, 12, 3, 12, 0)
ME = Party(model.EMAIL, "me@example.com", "Sam Seller")
ADA = Party(model.EMAIL, "Ada@Example.com", "Ada Byron")
BEA = Party(model.EMAIL, "bea@example.com", "Bea")
CY = Party(model.EMAIL, "cy@example.com", "Cy")
me = Me.parse(["ME@example.com", "+49 170 1234567", "https://de.linkedin.com/in/Sam-Seller/", "Sam Seller"], "DE")


def mail(at: str, sender: Party, to: tuple[Party, ...] = (), cc: tuple[Party, ...] = (), *, thread: str = "t1",
         key: str | None = None, subject: str = "Proposal", ignored: str | None = None) -> Message:
    return Message(thread, datetime.fromisoformat(at), sender, key or f"<{at}-{sender.value}>", "email", subject,
                   to, cc, ignored)


def chat(at: str, who: str, text: str = "hi", conv: str = "chat1") -> Message:
    return Message(conv, datetime.fromisoformat(at), Party(model.NAME, who), f"{conv}|{who}|{at}|{text}",
                   "whatsapp", text)


def test_me_is_out_and_anyone_else_is_in_for_their_sender() -> None:
    got = tally([mail("2026-12-01T10:00", ME, (ADA,)), mail("2026-12-02T10:00", ADA, (ME,))], me, now=NOW)
    assert got == {"email:ada@example.com": {"in": 1, "out": 1, "meeting": 0}}


def test_me_matches_case_insensitively_in_e164_and_by_profile_slug() -> None:
    assert Party(model.EMAIL, "Me@Example.COM") in me
    assert Party(model.PHONE, "0170 1234567") in me  # the region reads the national number
    assert Party(model.PHONE, "+49 (170) 123-4567") in me
    assert Party(model.URL, "https://www.linkedin.com/in/sam-seller?trk=x") in me
    assert Party(model.NAME, "Sam Seller") in me
    assert Party(model.NAME, "sam seller") not in me  # display names compare exactly
    assert Party(model.EMAIL, "other@example.com") not in me


def test_consecutive_messages_of_one_side_on_one_day_are_one_turn() -> None:
    found = sort_records([
        mail("2026-12-01T09:00", ME, (ADA,), subject="First"),
        mail("2026-12-01T09:30", ME, (ADA,), subject="Re: First"),
        mail("2026-12-01T15:00", ADA, (ME,)),
        mail("2026-12-01T16:00", ADA, (ME,)),
        mail("2026-12-02T08:00", ADA, (ME,)),  # another day: another turn
        mail("2026-12-02T09:00", ME, (ADA,)),
    ], me, NOW)
    shape = [(t.direction, t.at.isoformat(timespec="minutes"), t.messages) for t in found.turns]
    assert shape == [("out", "2026-12-01T09:30", 2), ("in", "2026-12-01T16:00", 2), ("in", "2026-12-02T08:00", 1),
                     ("out", "2026-12-02T09:00", 1)]
    first = found.turns[0]
    assert first.summary == "First" and first.keys == ("<2026-12-01T09:00-me@example.com>",
                                                       "<2026-12-01T09:30-me@example.com>")


def test_turns_are_per_conversation_and_sorted_by_time_whatever_the_file_order() -> None:
    got = sort_records([
        mail("2026-12-01T11:00", ME, (ADA,), thread="a"),
        mail("2026-12-01T10:00", ME, (ADA,), thread="b"),
        mail("2026-12-01T09:00", ME, (ADA,), thread="a"),
    ], me, NOW)
    assert sorted((t.conversation, t.messages) for t in got.turns) == [("a", 2), ("b", 1)]


def test_an_outbound_turn_touches_its_to_recipients_not_cc() -> None:
    got = tally([mail("2026-12-01T10:00", ME, (ADA, BEA), (CY,))], me, now=NOW)
    assert got == {"email:ada@example.com": {"in": 0, "out": 1, "meeting": 0},
                   "email:bea@example.com": {"in": 0, "out": 1, "meeting": 0}}


def test_an_inbound_turn_touches_its_sender_alone() -> None:
    got = tally([mail("2026-12-01T10:00", ADA, (ME, BEA), (CY,))], me, now=NOW)
    assert got == {"email:ada@example.com": {"in": 1, "out": 0, "meeting": 0}}


def test_more_than_twenty_recipients_is_not_a_touch() -> None:
    many = tuple(Party(model.EMAIL, f"p{i}@example.com") for i in range(20))
    found = sort_records([mail("2026-12-01T10:00", ME, many[:15], many[15:] + (ADA,))], me, NOW)
    assert found.turns == [] and found.ignored == {model.TOO_MANY_RECIPIENTS: 1}
    assert len(sort_records([mail("2026-12-01T10:00", ME, many)], me, NOW).turns) == 1  # 20 is still a touch


def test_what_the_reader_ignored_is_counted_by_reason_and_breaks_no_turn() -> None:
    found = sort_records([
        mail("2026-12-01T09:00", ADA, (ME,)),
        mail("2026-12-01T09:10", ADA, (ME,), ignored=model.LIST),
        mail("2026-12-01T09:20", ADA, (ME,)),
    ], me, NOW)
    assert [t.messages for t in found.turns] == [2] and found.ignored == {model.LIST: 1}


def test_a_group_chat_outbound_turn_touches_every_other_participant_and_each_sender_is_a_side() -> None:
    got = sort_records([
        chat("2026-12-01T09:00", "Ada Byron"),
        chat("2026-12-01T09:01", "Bea"),
        chat("2026-12-01T09:02", "Sam Seller"),
        chat("2026-12-01T09:03", "Sam Seller"),
    ], me, NOW)
    assert [(t.direction, [p.value for p in t.parties], t.messages) for t in got.turns] == [
        ("in", ["Ada Byron"], 1), ("in", ["Bea"], 1), ("out", ["Ada Byron", "Bea"], 2)]


def test_summary_is_the_first_line_at_most_120_characters_without_controls() -> None:
    assert summary_of("Hello there\nsecond line") == "Hello there"
    assert summary_of("a\x00b\x1b[31m") == "ab[31m"
    long = summary_of("x" * 500)
    assert len(long) == 120 and long.endswith("…")


def meeting(start: datetime | date, *attendees: Attendee, organizer: Party | None = ME, key: str = "uid1",
            ignored: str | None = None) -> Meeting:
    return Meeting(key, start, "Review", organizer, attendees, ignored)


def test_a_meeting_is_one_mutual_touch_per_attending_counterpart() -> None:
    got = tally([meeting(datetime(2026, 12, 1, 10), Attendee(ME, "ACCEPTED"), Attendee(ADA, "ACCEPTED"),
                         Attendee(BEA, "TENTATIVE"), Attendee(CY, "DECLINED"))], me, now=NOW)
    assert got == {"email:ada@example.com": {"in": 0, "out": 0, "meeting": 1},
                   "email:bea@example.com": {"in": 0, "out": 0, "meeting": 1}}


def test_the_organizer_attends_their_own_meeting() -> None:
    got = tally([meeting(date(2026, 12, 1), Attendee(ME, "ACCEPTED"), organizer=ADA)], me, now=NOW)
    assert got == {"email:ada@example.com": {"in": 0, "out": 0, "meeting": 1}}


def test_future_cancelled_declined_and_crowded_meetings_touch_nobody() -> None:
    crowd = tuple(Attendee(Party(model.EMAIL, f"p{i}@example.com"), "ACCEPTED") for i in range(21))
    found = sort_records([
        meeting(datetime(2026, 12, 3, 12, 1), Attendee(ADA, "ACCEPTED"), key="later"),
        meeting(datetime(2026, 12, 1, 10), Attendee(ADA, "ACCEPTED"), key="off", ignored=model.CANCELLED),
        meeting(datetime(2026, 12, 1, 10), Attendee(ME, "DECLINED"), Attendee(ADA, "ACCEPTED"), key="no"),
        meeting(datetime(2026, 12, 1, 10), *crowd, key="crowd"),
        meeting(datetime(2026, 12, 3, 12, 0), Attendee(ADA, "ACCEPTED"), key="now"),  # started on T: a touch
    ], me, NOW)
    assert [m.meeting.key for m in found.meetings] == ["now"]
    assert found.ignored == {model.FUTURE: 1, model.CANCELLED: 1, model.DECLINED: 1, model.TOO_MANY_RECIPIENTS: 1}


def test_recurring_occurrences_count_once_each() -> None:
    occurrences = [meeting(datetime(2026, 11, d, 9), Attendee(ADA, "ACCEPTED"), key=f"weekly/2026-11-{d:02}")
                   for d in (5, 12, 19, 26)]
    assert tally(occurrences, me, now=NOW)["email:ada@example.com"]["meeting"] == 4


def test_an_outbound_turn_in_a_chat_of_more_than_twenty_others_is_not_a_touch() -> None:
    crowd = [chat("2026-12-01T09:00", f"Member {i}", conv="big") for i in range(21)]
    found = sort_records([*crowd, chat("2026-12-01T10:00", "Sam Seller", conv="big")], me, NOW)
    assert [t.direction for t in found.turns] == ["in"] * 21 and found.ignored == {model.TOO_MANY_RECIPIENTS: 1}


def test_the_same_message_twice_in_one_export_counts_once() -> None:
    twice = [mail("2026-12-01T10:00", ADA, (ME,), key="<k1>"), mail("2026-12-01T10:00", ADA, (ME,), key="<k1>")]
    [turn] = sort_records(twice, me, NOW).turns
    assert turn.messages == 1 and turn.keys == ("<k1>",)
