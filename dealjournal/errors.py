"""The two kinds of failure the app distinguishes.

A :class:`JournalError` is something the user can act on (bad input, a file written by a
newer version, a locked database); its message is shown as it is. Anything else is a bug:
logged with its traceback and reported as such.
"""

from __future__ import annotations


class JournalError(Exception):
    """A problem the user can understand and fix; ``str(err)`` is the message to show."""


class ValidationError(JournalError):
    """Input that breaks a rule of the domain (empty name, unknown stage, ...)."""


class FormatError(JournalError):
    """A file that is not a valid exchange document; ``problems`` lists each one with its path."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:20]
        more = len(problems) - len(shown)
        text = "\n".join(shown) + (f"\n… and {more} more problems" if more > 0 else "")
        super().__init__(text)


class StoreError(JournalError):
    """The journal file cannot be used: newer schema, locked, read-only, corrupt, disk full."""
