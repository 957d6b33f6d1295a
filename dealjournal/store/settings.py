"""Journal settings stored in the file: health window length and stage cadences.

(Window geometry and other UI state live in QSettings, not here.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from dealjournal.domain import DEFAULT_STAGE_CADENCE, DEFAULT_WINDOW_DAYS
from dealjournal.store.db import db


@dataclass(frozen=True)
class Settings:
    window_days: int = DEFAULT_WINDOW_DAYS
    stage_cadence_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_STAGE_CADENCE))

    def cadence_for(self, stage: str, own: int | None) -> int:
        """The contact's own cadence, else its stage's default."""
        return own if own is not None else self.stage_cadence_days[stage]

    def to_json(self) -> dict[str, object]:
        return {"window_days": self.window_days, "stage_cadence_days": dict(self.stage_cadence_days)}


def load() -> Settings:
    """The settings of the open journal (defaults for what was never set)."""
    stored = dict(db.connection().execute("SELECT key, value FROM setting").fetchall())
    cadences = dict(DEFAULT_STAGE_CADENCE)
    cadences.update(json.loads(stored.get("stage_cadence_days", "{}")))
    return Settings(
        window_days=int(json.loads(stored.get("window_days", str(DEFAULT_WINDOW_DAYS)))),
        stage_cadence_days=cadences,
    )


def save(settings: Settings) -> None:
    """Write *settings* (call inside an operation's transaction)."""
    db.connection().executemany(
        "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
        [(key, json.dumps(value, sort_keys=True)) for key, value in settings.to_json().items()],
    )


@dataclass(frozen=True)
class CaptureSettings:
    """Capture's settings (DOMAIN.md, *Me*): the user's own identities as typed (e-mail
    addresses, phone numbers, profile URLs, chat names) and the region that phone numbers
    without a country code are read in (ISO 3166 code; None: the user's locale)."""

    me: tuple[str, ...] = ()
    phone_region: str | None = None


def load_capture() -> CaptureSettings:
    stored = dict(db.connection().execute(
        "SELECT key, value FROM setting WHERE key IN ('capture_me', 'phone_region')").fetchall())
    return CaptureSettings(me=tuple(json.loads(stored.get("capture_me", "[]"))),
                           phone_region=json.loads(stored.get("phone_region", "null")))


def save_capture(settings: CaptureSettings) -> None:
    """Write capture's settings (call inside an operation's transaction)."""
    db.connection().executemany(
        "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
        [("capture_me", json.dumps(list(settings.me))), ("phone_region", json.dumps(settings.phone_region))])
