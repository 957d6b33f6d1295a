"""iCalendar (RFC 5545) of the open follow-ups and reminders: one all-day VEVENT each.

An all-day event (``DTSTART;VALUE=DATE`` plus the next day as ``DTEND``) rather than a
VTODO, because the calendars sellers use (Google, Outlook, Apple) all show events, while
several ignore to-dos. ``UID`` is derived from the interaction's (or reminder's) id, so importing a newer
export into the same calendar updates the entries instead of duplicating them. Lines end
in CRLF and are folded at 75 octets; text escapes ``\\\\``, ``;``, ``,`` and line breaks.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from dealjournal.exports._vcard import fold
from dealjournal.health.today import all_open


def escape(text: str) -> str:
    """An iCalendar TEXT value."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\\", "\\\\")
    return text.replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def followups_ics(as_of: date, now: datetime | None = None) -> tuple[bytes, int]:
    """Every open follow-up and reminder of a non-archived contact (overdue or not) as an iCalendar file."""
    stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    items = all_open()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Deal Journal//Follow-ups//EN", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Deal Journal follow-ups"]
    for item in items:
        due = date.fromisoformat(item.due_on)
        end = due + timedelta(days=1) if due < date.max else due
        uid, title = (("reminder", "Reminder: ") if item.kind == "reminder" else ("followup", "Follow up: "))
        lines += ["BEGIN:VEVENT", f"UID:{uid}-{item.ref_id}@dealjournal", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{due:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                  f"SUMMARY:{escape(title + item.name)}", "TRANSP:TRANSPARENT"]
        if item.text:
            lines.append(f"DESCRIPTION:{escape(item.text)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines), len(items)
