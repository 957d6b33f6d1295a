"""The vocabulary of the domain (DOMAIN.md): stages, directions, kinds and their defaults.

Kept as plain tuples so that validation, the store, the exchange format and the window
all use one list.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

STAGES: tuple[str, ...] = ("lead", "engaged", "opportunity", "customer", "advocate")
DEFAULT_STAGE_CADENCE: dict[str, int] = {
    "lead": 30,
    "engaged": 14,
    "opportunity": 7,
    "customer": 30,
    "advocate": 60,
}
DEFAULT_WINDOW_DAYS = 180

BUYING_STYLES: tuple[str, ...] = ("transactional", "relationship", "unknown")
NETWORKS: tuple[str, ...] = (
    "linkedin", "x", "facebook", "instagram", "youtube", "tiktok", "mastodon", "bluesky",
    "threads", "github", "blog", "newsletter", "podcast", "website", "other",
)
FOLLOWS_BACK: tuple[str, ...] = ("yes", "no", "unknown")
CONTENT_KINDS: tuple[str, ...] = (
    "article", "blog-post", "video", "ebook", "whitepaper", "infographic", "case-study",
    "podcast", "webinar", "template", "other",
)
ORIGINS: tuple[str, ...] = ("mine", "third-party")
RESPONSES: tuple[str, ...] = ("none", "seen", "replied", "acted")
PRIORITIES: tuple[str, ...] = ("high", "medium", "low")
GOAL_STATUSES: tuple[str, ...] = ("open", "achieved", "dropped")
INTERACTION_KINDS: tuple[str, ...] = ("email", "call", "meeting", "message", "social", "event", "note")
DIRECTIONS: tuple[str, ...] = ("out", "in", "mutual", "none")

_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_AT_RE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?\Z")


def parse_day(text: str) -> date:
    """Parse a strict ``YYYY-MM-DD`` day; raise ValueError (with a Phrase) otherwise."""
    if not isinstance(text, str) or not _DAY_RE.match(text):
        raise ValueError(Phrase(QT_TRANSLATE_NOOP("core", "{text} is not a date (YYYY-MM-DD)"), text=repr(text)))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(Phrase(QT_TRANSLATE_NOOP("core", "{text} is not a real date"), text=repr(text))) from None


def parse_at(text: str) -> str:
    """Validate an interaction time ``YYYY-MM-DD[THH:MM[:SS]]`` and return it unchanged (else ValueError)."""
    if not isinstance(text, str) or not _AT_RE.match(text):
        raise ValueError(Phrase(QT_TRANSLATE_NOOP(
            "core", "{text} is not a date or date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"), text=repr(text)))
    try:
        if len(text) == 10:
            date.fromisoformat(text)
        else:
            datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(Phrase(QT_TRANSLATE_NOOP("core", "{text} is not a real date and time"),
                                text=repr(text))) from None
    return text


def day_of(at: str) -> str:
    """The calendar day (``YYYY-MM-DD``) of an interaction time."""
    return at[:10]


def today() -> date:
    """The user's local calendar day (one place, so tests can pin it)."""
    return date.today()
