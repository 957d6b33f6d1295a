"""The two kinds of failure the app distinguishes.

A :class:`JournalError` is something the user can act on (bad input, a file written by a
newer version, a locked database); its message is shown as it is. Anything else is a bug:
logged with its traceback and reported as such.

The message (``args[0]``) is a :class:`~dealjournal.phrases.Phrase`: English for the
command line and the log, translated by the window (``i18n.say_error``). Raise them as
``raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown stage {stage}."), stage=stage))``.
"""

from __future__ import annotations

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase, plural


class JournalError(Exception):
    """A problem the user can understand and fix; ``str(err)`` is the message to show."""


class ValidationError(JournalError):
    """Input that breaks a rule of the domain (empty name, unknown stage, ...)."""


class FormatError(JournalError):
    """A file that is not a valid exchange document; ``problems`` lists each one with its path.

    The message lists the first 20 problems, one a line, and how many more there are.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown: list[str] = list(problems[:20])
        more = len(problems) - len(shown)
        if more > 0:
            shown.append(plural(more, QT_TRANSLATE_NOOP("core", "… and {n} more problem"),
                                QT_TRANSLATE_NOOP("core", "… and {n} more problems")))
        super().__init__(Phrase.joined(shown, "\n"))


class StoreError(JournalError):
    """The journal file cannot be used: newer schema, locked, read-only, corrupt, disk full."""


def nothing_imported(exc: Exception) -> Phrase:
    """Why an import that was rolled back failed, from the database error *exc*."""
    return Phrase(QT_TRANSLATE_NOOP("core", "Nothing was imported: {reason}."), reason=write_failure(exc))


def nothing_captured(exc: Exception) -> Phrase:
    """Why a capture that was rolled back failed, from the database error *exc*."""
    return Phrase(QT_TRANSLATE_NOOP("core", "Nothing was captured: {reason}."), reason=write_failure(exc))


def write_failure(exc: Exception) -> Phrase:
    """Why a write into the journal failed, in words the user can act on."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        reason = Phrase(QT_TRANSLATE_NOOP("core", "the journal is in use by another program; close it and try again"))
    elif "readonly" in text or "read-only" in text:
        reason = Phrase(QT_TRANSLATE_NOOP("core", "the journal file or its folder is read-only"))
    elif "full" in text:
        reason = Phrase(QT_TRANSLATE_NOOP("core", "the disk is full; free some space and try again"))
    elif "malformed" in text or "corrupt" in text or "not a database" in text:
        reason = Phrase(QT_TRANSLATE_NOOP("core", "the journal is damaged ({error}); restore it from a backup"),
                        error=str(exc))
    else:
        reason = Phrase.verbatim(str(exc))
    return reason
