"""Checking an exchange document (DOMAIN.md, "Exchange format") and turning it into rows.

One pass over the document finds every problem, each as ``path: problem``, and builds the
tuples the importer writes, so that a heavy file is walked once. The happy path avoids
exceptions, regexes and string formatting: types are compared with ``type(v) is str``,
choices are looked up in sets, and every date string that passed once is remembered.

The checks take one part of the document at a time (the top level with its settings, then
each section as any iterable of records), so that a file can be checked while it is read;
each part's problems are kept apart and :meth:`Checker.found_problems` lists them in the
document's order, whichever order the parts were checked in.

Rows refer to other records by their 1-based position in the file (contact, goal, content);
the importer adds the journal's current highest row id in SQL.

Each problem is a :class:`~dealjournal.phrases.Phrase` (``{path}: {problem}``, the path and
the offending value kept as values), so that the window can show it translated while the
command line prints the English.

A text the journal stores holds at most :data:`MAX_TEXT` characters, the contact-file
importers' limit for one value (a file's text is refused as soon as it is longer, see
:mod:`._stream`; here a parsed document's).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from dealjournal import domain
from dealjournal.importers.model import MAX_FIELD_CHARS
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

FORMAT = "dealjournal"
VERSION = 1
MAX_PROBLEMS = 50
MAX_INT = 2**63 - 1  # what SQLite can store
MAX_TEXT = MAX_FIELD_CHARS  # characters in one text (a vCard's value is cut there, an edit refused beyond it)

# Keys of each record in the order the exporter writes them (the example in DOMAIN.md).
TOP_KEYS = ("format", "version", "exported_at", "settings", "contacts", "content", "shares", "interactions",
            "reminders")
SETTINGS_KEYS = ("window_days", "stage_cadence_days", "me", "phone_region")
CONTACT_KEYS = (
    "id", "name", "given_name", "family_name", "company", "title", "emails", "phones", "website",
    "location", "notes", "tags", "stage", "cadence_days", "buying_style", "source", "created_on",
    "archived", "channels", "goals", "stage_history", "snooze", "captured", "capture_aliases",
)
LABELLED_KEYS = ("label", "value")
CHANNEL_KEYS = ("network", "handle", "url", "following_since", "follows_back")
GOAL_KEYS = ("id", "title", "details", "priority", "status", "target_on", "created_on", "closed_on")
STAGE_KEYS = ("from", "to", "on")
CONTENT_KEYS = ("id", "title", "url", "kind", "origin", "author", "topics", "summary")
SHARE_KEYS = ("content", "contact", "on", "via", "note", "goal", "response", "responded_on")
SNOOZE_KEYS = ("until", "since")
REMINDER_KEYS = ("contact", "on", "text", "done_on")
INTERACTION_KEYS = (
    "contact", "at", "kind", "direction", "channel", "summary", "details", "goal", "follow_up_on",
    "follow_up_done", "source",
)
SOURCE_KEYS = ("kind", "key")

MISSING: Any = object()
Row = tuple[Any, ...]


class DuplicateKeys(dict[str, Any]):
    """A JSON object in which a key appeared more than once (``json`` would keep the last silently)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        self.repeated: list[str] = []
        for key, _ in pairs:
            if key in seen and key not in self.repeated:
                self.repeated.append(key)
            seen.add(key)


def json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for ``json.loads`` that marks objects with repeated keys."""
    obj = dict(pairs)
    return obj if len(obj) == len(pairs) else DuplicateKeys(pairs)


class TooMany(Exception):
    """Enough problems collected; stop looking."""


class Choice:
    """An allowed set of values with the listing used in messages."""

    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = frozenset(values)
        self.listing = ", ".join(values)


class Keys:
    """The keys a record may have, for a fast subset check and a clear message."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        self.keys = frozenset(keys)
        self.listing = ", ".join(keys)


C_STAGE = Choice(domain.STAGES)
C_STYLE = Choice(domain.BUYING_STYLES)
C_NETWORK = Choice(domain.NETWORKS)
C_FOLLOWS = Choice(domain.FOLLOWS_BACK)
C_KIND = Choice(domain.CONTENT_KINDS)
C_ORIGIN = Choice(domain.ORIGINS)
C_RESPONSE = Choice(domain.RESPONSES)
C_PRIORITY = Choice(domain.PRIORITIES)
C_STATUS = Choice(domain.GOAL_STATUSES)
C_IKIND = Choice(domain.INTERACTION_KINDS)
C_DIRECTION = Choice(domain.DIRECTIONS)

K_TOP = Keys(TOP_KEYS)
K_SETTINGS = Keys(SETTINGS_KEYS)
K_CONTACT = Keys(CONTACT_KEYS)
K_LABELLED = Keys(LABELLED_KEYS)
K_CHANNEL = Keys(CHANNEL_KEYS)
K_GOAL = Keys(GOAL_KEYS)
K_STAGE = Keys(STAGE_KEYS)
K_CONTENT = Keys(CONTENT_KEYS)
K_SHARE = Keys(SHARE_KEYS)
K_INTERACTION = Keys(INTERACTION_KEYS)
K_SNOOZE = Keys(SNOOZE_KEYS)
K_REMINDER = Keys(REMINDER_KEYS)
K_SOURCE = Keys(SOURCE_KEYS)


@dataclass
class Rows:
    """What the importer writes, one list of tuples per table (columns as in ``_import``)."""

    contacts: list[Row] = field(default_factory=list)
    emails: list[Row] = field(default_factory=list)
    phones: list[Row] = field(default_factory=list)
    tags: list[Row] = field(default_factory=list)
    channels: list[Row] = field(default_factory=list)
    goals: list[Row] = field(default_factory=list)
    stage_changes: list[Row] = field(default_factory=list)
    content: list[Row] = field(default_factory=list)
    topics: list[Row] = field(default_factory=list)
    shares: list[Row] = field(default_factory=list)
    interactions: list[Row] = field(default_factory=list)
    snoozes: list[Row] = field(default_factory=list)
    reminders: list[Row] = field(default_factory=list)
    captured: list[Row] = field(default_factory=list)
    aliases: list[Row] = field(default_factory=list)
    me: list[str] | None = None
    phone_region: str | None = None
    window_days: int | None = None
    stage_cadence_days: dict[str, int] = field(default_factory=dict)
    has_settings: bool = False


def show(value: Any) -> str:
    """A short JSON-like rendering of a wrong value for a message."""
    if isinstance(value, dict):
        return Phrase(QT_TRANSLATE_NOOP("core", "an object"))
    if isinstance(value, (list, tuple)):
        return Phrase(QT_TRANSLATE_NOOP("core", "a list"))
    try:
        text = json.dumps(value, ensure_ascii=False)
        if not text.isascii():
            text.encode("utf-8")  # a lone surrogate would break whoever prints the message
    except UnicodeEncodeError:
        text = json.dumps(value)
    except (TypeError, ValueError):
        text = type(value).__name__
    return text if len(text) <= 60 else text[:57] + "…"


def document() -> Phrase:
    """The path of the document itself, in messages."""
    return Phrase(QT_TRANSLATE_NOOP("core", "(document)"))


def problem(path: str, message: str) -> Phrase:
    """One problem as ``path: message`` (the path is kept as a value)."""
    return Phrase(QT_TRANSLATE_NOOP("core", "{path}: {problem}"), path=path, problem=message)


def said(exc: BaseException) -> Phrase:
    """The message of *exc* (from :mod:`dealjournal.domain`): its Phrase when it has one."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Phrase):
        return exc.args[0]
    return Phrase.verbatim(str(exc))


def join(where: str, key: object) -> str:
    """The path of *key* inside the record at *where* ('' is the document itself)."""
    return f"{where}.{key}" if where else str(key)


def missing() -> Phrase:
    """"required key is missing"."""
    return Phrase(QT_TRANSLATE_NOOP("core", "required key is missing"))


def too_long() -> Phrase:
    """A text longer than :data:`MAX_TEXT` (its length is not said: a file's is not read to its end)."""
    return Phrase(QT_TRANSLATE_NOOP("core", "must not be longer than {limit:,} characters"), limit=MAX_TEXT)


_NOT_AN_ID = {"contact": QT_TRANSLATE_NOOP("core", "{value} is not the id of any contact in this file"),
              "content item": QT_TRANSLATE_NOOP("core", "{value} is not the id of any content item in this file")}
_NOT_AN_ID_TYPE = {"contact": QT_TRANSLATE_NOOP("core", "expected the text id of a contact, got {value}"),
                   "content item": QT_TRANSLATE_NOOP("core", "expected the text id of a content item, got {value}")}


def _quote(value: str) -> str:
    return repr(value) if len(value) <= 60 else repr(value[:57]) + "…"


class Checker:
    """One validation run: the problems found so far, caches, id maps and the rows built."""

    def __init__(self) -> None:
        self.parts: dict[str, list[str]] = {}  # the problems (Phrases) of each part checked
        self.problems: list[str] = self.parts.setdefault("", [])  # those of the part being checked
        self.failed = False  # a problem was found in some part
        self.rows = Rows()
        self.goal_count = 0  # goals seen (a goal's position in the file)
        self.good_days: set[str] = set()
        self.good_times: set[str] = set()
        self.today = domain.today().isoformat()
        self.contact_pos: dict[str, int] = {}
        self.goal_at: dict[str, tuple[int, int, str]] = {}  # id -> (goal pos, contact pos, contact id)
        self.content_pos: dict[str, int] = {}
        self.alias_of: dict[str, str] = {}  # capture alias -> where it was given
        self.sources: set[tuple[int, str]] = set()  # (contact pos, source key) of captured interactions

    # --- reporting ----------------------------------------------------------------------

    def begin(self, part: str) -> None:
        """Collect the problems that follow as those of *part* ('' is the top level)."""
        self.problems = self.parts.setdefault(part, [])

    def found_problems(self, order: tuple[str, ...]) -> list[str]:
        """Every problem, part by part in *order*, cut at :data:`MAX_PROBLEMS` (as one pass over
        the whole document in that order would have stopped)."""
        found = [p for part in order for p in self.parts.get(part, ())]
        if len(found) >= MAX_PROBLEMS:
            del found[MAX_PROBLEMS:]
            found.append(Phrase(QT_TRANSLATE_NOOP(
                "core", "(stopped after {n} problems; fix these and try again)"), n=MAX_PROBLEMS))
        return found

    def bad(self, path: str, message: Phrase) -> None:
        self.failed = True
        self.problems.append(problem(path, message))
        if len(self.problems) >= MAX_PROBLEMS:
            raise TooMany

    def check_keys(self, rec: dict[Any, Any], where: str, allowed: Keys) -> None:
        if not rec.keys() <= allowed.keys:
            for key in rec:
                if key not in allowed.keys:
                    self.bad(join(where, key), Phrase(QT_TRANSLATE_NOOP(
                        "core", "unknown key (expected one of: {keys})"),
                        keys=allowed.listing))

    def obj(self, value: Any, where: str) -> bool:
        """Whether *value* is an object to check further (a repeated key is reported, then checked)."""
        if type(value) is dict:
            return True
        if isinstance(value, DuplicateKeys):
            for key in value.repeated:
                self.bad(join(where, key), Phrase(QT_TRANSLATE_NOOP(
                    "core", "this key appears more than once in the same object")))
            return True
        self.bad(where or document(), Phrase(QT_TRANSLATE_NOOP("core", "expected an object, got {value}"),
                                             value=show(value)))
        return False

    def items(self, rec: dict[str, Any], key: str, where: str) -> list[Any]:
        value = rec.get(key)
        if type(value) is list:
            return value
        if value is not None:
            self.bad(join(where, key), Phrase(QT_TRANSLATE_NOOP("core", "expected a list, got {value}"),
                                              value=show(value)))
        return []

    # --- fields -------------------------------------------------------------------------

    def text(self, rec: dict[str, Any], key: str, where: str) -> str | None:
        """Optional text: a string or null."""
        value = rec.get(key)
        if value is None or (type(value) is str and len(value) <= MAX_TEXT):
            return value
        if type(value) is str:
            self.bad(f"{where}.{key}", too_long())
            return None
        self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP("core", "expected text or null, got {value}"),
                                          value=show(value)))
        return None

    def body(self, rec: dict[str, Any], key: str, where: str) -> str:
        """Notes, summary, details, note: a string; missing or null is ''."""
        value = rec.get(key)
        if type(value) is str:
            if len(value) <= MAX_TEXT:
                return value
            self.bad(f"{where}.{key}", too_long())
        elif value is not None:
            self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP("core", "expected text, got {value}"),
                                              value=show(value)))
        return ""

    def required_text(self, rec: dict[str, Any], key: str, where: str) -> str | None:
        value = rec.get(key, MISSING)
        # SQLite's length() stops at a NUL, so the schema's non-empty check would refuse it.
        if type(value) is str and len(value) <= MAX_TEXT and value.strip() and "\x00" not in value:
            return value
        if value is MISSING:
            self.bad(f"{where}.{key}", missing())
        elif type(value) is str and len(value) > MAX_TEXT:
            self.bad(f"{where}.{key}", too_long())
        elif type(value) is str and value.strip():
            self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP(
                "core", "must not contain the NUL character (\\u0000)")))
        elif type(value) is str:
            self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP("core", "must not be empty")))
        else:
            self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP("core", "expected text, got {value}"),
                                              value=show(value)))
        return None

    def ident(self, rec: dict[str, Any], where: str, seen: dict[str, Any], value_for: Any) -> str | None:
        """A record's own id: non-empty text, unique in its namespace (registered in *seen*)."""
        value = rec.get("id", MISSING)
        if type(value) is str and value:
            if value in seen:
                self.bad(f"{where}.id", Phrase(QT_TRANSLATE_NOOP("core", "{value} is used twice"), value=_quote(value)))
                return None
            seen[value] = value_for
            return value
        if value is MISSING:
            self.bad(f"{where}.id", missing())
        else:
            self.bad(f"{where}.id", Phrase(QT_TRANSLATE_NOOP(
                "core", "expected a non-empty text identifier, got {value}"),
                value=show(value)))
        return None

    def choice(self, rec: dict[str, Any], key: str, where: str, allowed: Choice, default: Any) -> str | None:
        value = rec.get(key, default)
        if type(value) is str and value in allowed.values:
            return value
        if value is MISSING:
            self.bad(f"{where}.{key}", missing())
        elif type(value) is str:
            self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP("core", "{value} is not one of {choices}"),
                                              value=_quote(value), choices=allowed.listing))
        else:
            self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP("core", "expected one of {choices}, got {value}"),
                                              choices=allowed.listing, value=show(value)))
        return None

    def day(self, rec: dict[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
        value = rec.get(key, MISSING if required else None)
        if type(value) is str:
            if value in self.good_days:
                return value
            try:
                domain.parse_day(value)
            except ValueError as exc:
                self.bad(f"{where}.{key}", said(exc))
                return None
            self.good_days.add(value)
            return value
        if value is None and not required:
            return None
        if value is MISSING:
            self.bad(f"{where}.{key}", missing())
        else:
            self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP("core", "expected a date (YYYY-MM-DD), got {value}"),
                                              value=show(value)))
        return None

    def at(self, rec: dict[str, Any], where: str, key: str = "at") -> str | None:
        """An interaction's ``at`` (or another *key*): a day or a day and time, kept exactly as written."""
        value = rec.get(key, MISSING)
        if type(value) is str:
            size = len(value)
            if size == 10:
                if value in self.good_days:
                    return value
            elif (size == 16 or size == 19) and value[:10] in self.good_days and value[10:] in self.good_times:
                return value
            try:
                if size == 10:
                    domain.parse_day(value)
                else:
                    domain.parse_at(value)
            except ValueError as exc:
                self.bad(f"{where}.{key}", said(exc))
                return None
            # parse_at checked the day and the time; each stays valid with any other.
            self.good_days.add(value[:10])
            if size > 10:
                self.good_times.add(value[10:])
            return value
        if value is MISSING:
            self.bad(f"{where}.{key}", missing())
        else:
            self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP(
                "core", "expected a date or date and time (YYYY-MM-DDTHH:MM), got {value}"), value=show(value)))
        return None

    def flag(self, rec: dict[str, Any], key: str, where: str) -> bool:
        value = rec.get(key, False)
        if value is True or value is False:
            return value
        self.bad(f"{where}.{key}", Phrase(QT_TRANSLATE_NOOP("core", "expected true or false, got {value}"),
                                          value=show(value)))
        return False

    def count(self, value: Any, path: str, low: int, high: int, *, nullable: bool) -> int | None:
        """A whole number in low..high (never a bool)."""
        if type(value) is int and low <= value <= high:
            return value
        if value is None and nullable:
            return None
        if type(value) is int:
            self.bad(path, Phrase(QT_TRANSLATE_NOOP("core", "{value} is out of range ({low} to {high})"),
                                  value=value, low=low, high=high))
        elif nullable:
            self.bad(path, Phrase(QT_TRANSLATE_NOOP("core", "expected a whole number from {low} to {high} or null, "
                                                            "got {value}"), low=low, high=high, value=show(value)))
        else:
            self.bad(path, Phrase(QT_TRANSLATE_NOOP(
                "core", "expected a whole number from {low} to {high}, got {value}"),
                low=low, high=high, value=show(value)))
        return None

    def ref(self, rec: dict[str, Any], key: str, where: str, known: dict[str, Any], what: str) -> Any:
        """A reference to an id defined in the file; returns what *known* maps it to.

        *what* is ``"contact"`` or ``"content item"`` (each has its own sentences)."""
        value = rec.get(key, MISSING)
        if type(value) is str:
            found = known.get(value)
            if found is not None:
                return found
            self.bad(f"{where}.{key}", Phrase(_NOT_AN_ID[what], value=_quote(value)))
        elif value is MISSING:
            self.bad(f"{where}.{key}", missing())
        else:
            self.bad(f"{where}.{key}", Phrase(_NOT_AN_ID_TYPE[what], value=show(value)))
        return None

    def goal_ref(self, rec: dict[str, Any], where: str, contact_pos: int | None, contact_id: Any) -> int | None:
        """An optional goal of the record's own contact; returns the goal's position."""
        value = rec.get("goal")
        if value is None:
            return None
        if type(value) is str:
            found = self.goal_at.get(value)
            if found is None:
                self.bad(f"{where}.goal", Phrase(QT_TRANSLATE_NOOP(
                    "core", "{value} is not the id of any goal in this file"),
                    value=_quote(value)))
                return None
            if contact_pos is not None and found[1] != contact_pos:
                self.bad(f"{where}.goal", Phrase(QT_TRANSLATE_NOOP(
                    "core", "goal {goal} belongs to contact {contact}, not to {other}"),
                    goal=_quote(value), contact=_quote(found[2]), other=_quote(contact_id)))
                return None
            return found[0]
        self.bad(f"{where}.goal", Phrase(QT_TRANSLATE_NOOP(
            "core", "expected the text id of a goal or null, got {value}"),
            value=show(value)))
        return None

    def words(self, rec: dict[str, Any], key: str, where: str) -> list[str]:
        """Tags or topics: non-empty strings without duplicates."""
        out: list[str] = []
        seen: set[str] = set()
        for j, item in enumerate(self.items(rec, key, where)):
            if type(item) is not str or not item.strip():
                self.bad(f"{where}.{key}[{j}]", Phrase(QT_TRANSLATE_NOOP(
                    "core", "expected non-empty text, got {value}"),
                    value=show(item)))
            elif len(item) > MAX_TEXT:
                self.bad(f"{where}.{key}[{j}]", too_long())
            elif item in seen:
                self.bad(f"{where}.{key}[{j}]", Phrase(QT_TRANSLATE_NOOP("core", "{value} is listed twice"),
                                                       value=_quote(item)))
            else:
                seen.add(item)
                out.append(item)
        return out

    def labelled(self, rec: dict[str, Any], key: str, where: str, pos: int, into: list[Row]) -> None:
        """E-mails or phones: objects ``{"label": text|null, "value": non-empty text}``."""
        for j, item in enumerate(self.items(rec, key, where)):
            path = f"{where}.{key}[{j}]"
            if not self.obj(item, path):
                continue
            self.check_keys(item, path, K_LABELLED)
            label = self.text(item, "label", path)
            value = self.required_text(item, "value", path)
            if value is not None:
                into.append((pos, label, value))


def find_unencodable(doc: object, path: str = "") -> list[str]:
    """Problems (Phrases) of strings that cannot be stored as UTF-8 (lone surrogates from ``\\ud800`` escapes)."""
    found: list[str] = []
    stack: list[tuple[object, str]] = [(doc, path)]
    while stack and len(found) < MAX_PROBLEMS:
        value, where = stack.pop()
        if isinstance(value, str):
            if not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    found.append(problem(where or document(), Phrase(QT_TRANSLATE_NOOP(
                        "core", "contains a character that is not valid Unicode (a lone surrogate)"))))
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                stack.append((item, f"{where}.{key}" if where else str(key)))
        elif isinstance(value, list):
            for j in range(len(value) - 1, -1, -1):
                stack.append((value[j], f"{where}[{j}]"))
    return found
