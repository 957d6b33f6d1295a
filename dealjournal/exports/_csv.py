"""CSV of every non-archived contact with its health columns as of a day.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab
or carriage return) as a formula, so a contact named ``=HYPERLINK(...)`` could run code
when the file is opened ("CSV injection"). As OWASP advises, every such cell gets a
leading single quote and every cell is quoted. The file is UTF-8 with a byte-order mark
(so that Excel reads the accents) and CRLF line ends.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date

from dealjournal.health import rules as health
from dealjournal.queries.contact import ContactDetails, load_details

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "name", "given_name", "family_name", "company", "title", "emails", "phones", "website", "location",
    "tags", "stage", "cadence_days", "buying_style", "source", "created_on", "channels", "notes",
    "last_touch_on", "last_inbound_on", "last_outbound_on", "days_quiet", "stale", "overdue_days",
    "in_window_in", "in_window_out", "unanswered", "owes_reply", "one_sided", "unanswered_shares",
    "follow_imbalance", "reasons",
)


def neutralise(value: object) -> str:
    """The cell text, with a leading ``'`` when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _labelled(items: Iterable[tuple[str | None, str]]) -> str:
    return "; ".join(f"{value} ({label})" if label else value for label, value in items)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _row(c: ContactDetails, h: health.ContactHealth | None) -> list[object]:
    channels = "; ".join(" ".join(p for p in (net, url or handle or "") if p) for net, handle, url, _, _ in c.channels)
    base: list[object] = [c.name, c.given_name, c.family_name, c.company, c.title, _labelled(c.emails),
                          _labelled(c.phones), c.website, c.location, "; ".join(c.tags), c.stage, c.cadence_days,
                          c.buying_style, c.source, c.created_on, channels, c.notes]
    if h is None:
        return base + [""] * (len(COLUMNS) - len(base))
    imbalance = "; ".join(f"{f['network']}: {f['kind'].replace('_', ' ')}" for f in h.follow_imbalance)
    return base + [h.last_touch_on, h.last_inbound_on, h.last_outbound_on, h.days_quiet, _yes(h.stale),
                   h.overdue_days, h.in_window_in, h.in_window_out, h.unanswered, _yes(h.owes_reply),
                   h.one_sided, h.unanswered_shares, imbalance, "; ".join(h.reasons)]


def contacts_csv(as_of: date) -> tuple[str, int]:
    """The CSV text (without BOM) and the number of contacts in it."""
    figures = {h.id: h for h in health.compute(as_of)}
    contacts = load_details()
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for contact in contacts:
        writer.writerow([neutralise(v) for v in _row(contact, figures.get(contact.id))])
    return out.getvalue(), len(contacts)
