"""Preferences of the app rather than of a journal, kept in QSettings.

Follow-up notifications (on/off and the time of day), the theme, the language (for
the translations to come) and how often the window fetches from the user's accounts
(Preferences ▸ Accounts; off by default) belong to the person at this computer, not to the journal file:
they stay the same when another journal is opened and do not travel with a copy of it.
The journal's own settings (health window, stage cadences, backup retention) live in the
journal (:mod:`dealjournal.store.settings`, :func:`dealjournal.safety.backup.policy`).

Every reader tolerates values written by hand or by another version: a value it cannot
understand counts as the default.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

THEMES: tuple[str, ...] = ("system", "light", "dark")
DEFAULT_NOTIFY_AT = time(9, 0)

KEY_NOTIFICATIONS = "notifications/enabled"
KEY_NOTIFY_AT = "notifications/time"  # "HH:MM"
KEY_LAST_REMINDER = "notifications/last_shown_on"  # ISO date of the last day a reminder was shown
KEY_THEME = "appearance/theme"
KEY_LANGUAGE = "appearance/language"  # "" = follow the system locale
KEY_FETCH_EVERY = "accounts/fetchEveryMinutes"  # 0 = no automatic fetch
FETCH_MINUTES = (5, 24 * 60)  # the shortest and longest automatic fetch interval offered


@dataclass(frozen=True)
class UiPrefs:
    """The app-level preferences; the defaults are what a fresh installation uses."""

    notifications: bool = True
    notify_at: time = field(default=DEFAULT_NOTIFY_AT)
    theme: str = "system"
    language: str = ""  # a locale name such as "de", or "" for the system's
    fetch_minutes: int = 0  # fetch from the accounts every so many minutes while the window is open; 0: never


def _settings(settings: QSettings | None) -> QSettings:
    return settings if settings is not None else QSettings()


def _as_bool(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "1", "yes", "on"}:
        return True
    if isinstance(value, str) and value.strip().lower() in {"false", "0", "no", "off"}:
        return False
    if isinstance(value, int):
        return bool(value)
    return default


def _as_time(value: Any, default: time) -> time:
    if isinstance(value, str):
        try:
            hours, minutes = (int(part) for part in value.strip().split(":")[:2])
            return time(hours, minutes)
        except (TypeError, ValueError):
            pass
    return default


def _as_minutes(value: Any) -> int:
    """An automatic fetch interval: 0 (off) or minutes within :data:`FETCH_MINUTES`."""
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return 0
    if minutes <= 0:
        return 0
    return min(max(minutes, FETCH_MINUTES[0]), FETCH_MINUTES[1])


def load(settings: QSettings | None = None) -> UiPrefs:
    """The stored app preferences (defaults for anything missing or unreadable)."""
    s = _settings(settings)
    default = UiPrefs()
    theme = s.value(KEY_THEME, default.theme)
    if theme not in THEMES:
        theme = default.theme
    language = s.value(KEY_LANGUAGE, default.language)
    return UiPrefs(
        notifications=_as_bool(s.value(KEY_NOTIFICATIONS, default.notifications), default.notifications),
        notify_at=_as_time(s.value(KEY_NOTIFY_AT), default.notify_at),
        theme=str(theme),
        language=language if isinstance(language, str) else default.language,
        fetch_minutes=_as_minutes(s.value(KEY_FETCH_EVERY, default.fetch_minutes)),
    )


def save(prefs: UiPrefs, settings: QSettings | None = None) -> None:
    """Store *prefs*; an unknown theme is refused (ValueError)."""
    if prefs.theme not in THEMES:
        raise ValueError(f"Unknown theme {prefs.theme!r}; expected one of {', '.join(THEMES)}")
    s = _settings(settings)
    s.setValue(KEY_NOTIFICATIONS, prefs.notifications)
    s.setValue(KEY_NOTIFY_AT, prefs.notify_at.strftime("%H:%M"))
    s.setValue(KEY_THEME, prefs.theme)
    s.setValue(KEY_LANGUAGE, prefs.language)
    s.setValue(KEY_FETCH_EVERY, _as_minutes(prefs.fetch_minutes))
    s.sync()


def last_reminder_day(settings: QSettings | None = None) -> date | None:
    """The last day a follow-up reminder was shown, or None."""
    value = _settings(settings).value(KEY_LAST_REMINDER)
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            log.warning("Ignoring an unreadable %s setting", KEY_LAST_REMINDER)
    return None


def set_last_reminder_day(day: date, settings: QSettings | None = None) -> None:
    s = _settings(settings)
    s.setValue(KEY_LAST_REMINDER, day.isoformat())
    s.sync()


def clear(settings: QSettings | None = None) -> None:
    """Forget every app preference (tests, and a future "reset everything")."""
    s = _settings(settings)
    for key in (KEY_NOTIFICATIONS, KEY_NOTIFY_AT, KEY_LAST_REMINDER, KEY_THEME, KEY_LANGUAGE, KEY_FETCH_EVERY):
        s.remove(key)
    s.sync()
