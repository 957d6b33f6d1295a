"""Capture: touches read from exported mail, calendars, LinkedIn and chats, so that the
journal is true without typing (DOMAIN.md, *Captured touches*).

Two steps, so that the user reviews before anything is written::

    from dealjournal.capture import apply_capture, journal_me, plan_capture

    plan = plan_capture(["All mail.mbox", "calendar.ics"], journal_me(["me@example.com"]))
    for f in plan.files:
        print(f.format, f.added, f.already_there, dict(f.ignored), [p.name for p in f.unmatched])
    outcome = apply_capture(plan, add=[p.key for p in plan.files[0].unmatched])

:func:`plan_capture` reads the files (:mod:`dealjournal.conversations`) and only reads the
journal; :func:`apply_capture` writes the plan in one transaction. Both may run in a
worker thread. No Qt here.
"""

from __future__ import annotations

from dealjournal.capture.apply import CaptureOutcome, apply_capture
from dealjournal.capture.plan import (
    CapturePlan, Entry, FilePlan, Person, default_region, journal_me, plan_capture,
)
from dealjournal.capture.rules import Me, tally
from dealjournal.conversations.model import CaptureCancelled, CaptureFormatError, DateOrderUnknown

__all__ = [
    "CaptureCancelled", "CaptureFormatError", "CaptureOutcome", "CapturePlan", "DateOrderUnknown", "Entry",
    "FilePlan", "Me", "Person", "apply_capture", "default_region", "journal_me", "plan_capture", "tally",
]
