"""Plain-text tables for a terminal: user text made safe (no control characters) and padded
by display width, so that wide characters (陈静) keep the columns straight."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dealjournal.health.today import Due, Entry


def _char_width(ch: str) -> int:
    """Terminal columns of one character: 2 for wide East Asian ones, 0 for combining marks."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many terminal columns *text* takes."""
    return sum(_char_width(ch) for ch in text)


def cell(text: str, width: int) -> str:
    """User text made safe for a terminal (no control characters) and fitted to *width*
    terminal columns (wide characters count twice), cut with "…" when longer."""
    safe = "".join("\ufffd" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)
    used = display_width(safe)
    if used <= width:
        return safe + " " * (width - used)
    kept, used = [], 0
    for ch in safe:
        if used + _char_width(ch) > width - 1:
            break
        kept.append(ch)
        used += _char_width(ch)
    return "".join(kept) + "…" + " " * (width - 1 - used)


def health_table(doc: dict) -> str:  # type: ignore[type-arg]
    contacts = doc["contacts"]
    lines = [f"Health as of {doc['as_of']} (window {doc['window_days']} days, {len(contacts)} contacts)"]
    stale = sorted((c for c in contacts if c["stale"]), key=lambda c: (-c["overdue_days"], c["name"]))
    lines += ["", f"Stale ({len(stale)})"]
    if stale:
        lines.append(f"  {'OVERDUE':>7}  {cell('NAME', 28)}  {cell('STAGE', 11)}  REASONS")
    for c in stale:
        lines.append(f"  {c['overdue_days']:>7}  {cell(c['name'], 28)}  {cell(c['stage'], 11)}  "
                     + "; ".join(c["reasons"]))
    sided = sorted((c for c in contacts if c["one_sided"]), key=lambda c: (c["one_sided"], c["name"]))
    lines += ["", f"One-sided ({len(sided)})"]
    if sided:
        lines.append(f"  {cell('SIDE', 7)}  {cell('NAME', 28)}  REASONS")
    for c in sided:
        lines.append(f"  {cell(c['one_sided'], 7)}  {cell(c['name'], 28)}  " + "; ".join(c["reasons"]))
    if not stale and not sided:
        lines += ["", "Every relationship is in good health."]
    return "\n".join(lines)


def followups_table(as_of: date, items: list) -> str:  # type: ignore[type-arg]
    if not items:
        return f"No open follow-ups due by {as_of.isoformat()} or in the week after."
    lines = [f"Open follow-ups as of {as_of.isoformat()}", f"  {'DUE':<10}  {'WHEN':<14}  {cell('NAME', 28)}  SUMMARY"]
    for f in items:
        when = ("today" if f.days_overdue == 0 else f"{f.days_overdue} days late" if f.days_overdue > 0
                else f"in {-f.days_overdue} days")
        lines.append(f"  {f.due_on:<10}  {when:<14}  {cell(f.name, 28)}  {cell(f.summary, 60).rstrip()}")
    return "\n".join(lines)


_KIND_WORDS = {"owes_reply": "REPLY", "follow_up": "FOLLOW-UP", "stale": "REACH OUT", "giving": "REACH OUT"}


def today_table(as_of: date, entries: list[Entry], upcoming: list[Due]) -> str:
    """``report today``: the agenda in DOMAIN.md's order, then the next two weeks."""
    lines = [f"Today, {as_of.isoformat()}: {len(entries)} {'contact needs' if len(entries) == 1 else 'contacts need'} you"]
    if entries:
        lines.append(f"  {cell('DO', 10)}  {cell('NAME', 28)}  REASONS")
    for e in entries:
        lines.append(f"  {cell(_KIND_WORDS[e.kind], 10)}  {cell(e.name, 28)}  "
                     + cell("; ".join(str(r) for r in e.reasons), 200).rstrip())
    if not entries:
        lines.append("  Nothing to do: every relationship is in good shape.")
    lines += ["", f"Upcoming ({len(upcoming)})"]
    for d in upcoming:
        what = "reminder" if d.kind == "reminder" else "follow-up"
        lines.append(f"  {d.due_on}  {cell(d.name, 28)}  {what}: {cell(d.text, 80).rstrip()}")
    return "\n".join(lines)
