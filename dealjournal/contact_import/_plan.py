"""Planning an import: which rows of a parsed file become new contacts, which merge into
contacts the journal (or an earlier row) already has, and which are skipped, with why.

Nothing is written here. The journal is read once, in one pass per table, into
dictionaries of e-mail, LinkedIn-profile and name/company keys (:mod:`._keys`), so that a
10k-row file costs a few queries, not 10k. Without an open journal (the command line plans
before it creates one) the journal counts as empty.

The reasons of the plan's rows and its summary are :class:`~dealjournal.phrases.Phrase`
objects: English text (as the command line prints it) that the window translates.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Literal

from dealjournal.contact_import._keys import (
    NameMatcher, company_key, email_key, has_personal_name, linkedin_key, name_key,
)
from dealjournal.importers import ParsedContact, ParseResult
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import connection_for_thread, db

log = logging.getLogger(__name__)

OnDuplicate = Literal["merge", "skip", "add"]
Action = Literal["new", "merge", "skip"]
ON_DUPLICATE: tuple[str, ...] = ("merge", "skip", "add")
MAX_TEXT = 1_000_000  # characters in one field, as the operations allow

# A LinkedIn import that creates more contacts than this leaves them "don't flag until I
# choose" by default (cadence 0 and the triage tag): nobody keeps in touch with 1,800 people
# every 30 days, and flagging them all as quiet a month later would bury the real ones.
TRIAGE_ABOVE = 50

# How each file format is recorded as the contact's source ("how you met").
SOURCES: dict[str, str] = {"linkedin": "LinkedIn import", "vcard": "vCard import",
                           "google": "Google Contacts import", "outlook": "Outlook import",
                           "csv": "CSV import"}


@dataclass(frozen=True)
class PlanRow:
    """One record of the file and what the import will do with it.

    ``reason`` (a Phrase, or "" for a plain new contact) says why a row is skipped, what
    it duplicates, or that it was added although it duplicates another contact.
    ``contact_id`` is the journal contact a ``merge`` row goes into (``target_name`` its
    name); ``same_as_line`` the earlier row of the file it duplicates, when the duplicate
    is there. ``index`` is the row's position in :attr:`ImportPlan.contacts` (None for
    records the parser already skipped).
    """

    line: int
    action: Action
    name: str
    reason: str = ""
    contact_id: int | None = None
    target_name: str | None = None
    same_as_line: int | None = None
    index: int | None = None


@dataclass(frozen=True)
class ForNew:
    """What every contact the import creates gets (merged contacts keep their own): tags, a
    stage, a keep-in-touch cadence (None: the stage's default; 0: never flag as quiet), and
    whether they wait for triage ("don't flag until I choose": cadence 0 and the tag
    :data:`dealjournal.ops.bulk.TRIAGE_TAG` until a decision is made for each)."""

    tags: tuple[str, ...] = ()
    stage: str = "lead"
    cadence_days: int | None = None
    triage: bool = False


@dataclass
class ImportPlan:
    """What :func:`apply_plan` will write; show :attr:`rows` (sorted by line) as the preview."""

    format: str
    on_duplicate: str
    source: str
    rows: list[PlanRow]
    warnings: list[str]
    contacts: list[ParsedContact]  # cleaned incoming contacts; PlanRow.index points here
    new_groups: list[list[int]] = field(default_factory=list)  # head row + rows merged into it
    merge_groups: dict[int, list[int]] = field(default_factory=dict)  # journal id -> rows

    def count(self, action: Action) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def new(self) -> int:
        return self.count("new")

    @property
    def merged(self) -> int:
        return self.count("merge")

    @property
    def skipped(self) -> int:
        return self.count("skip")

    @property
    def writes_anything(self) -> bool:
        return bool(self.new_groups or self.merge_groups)

    def summary(self) -> Phrase:
        return summary(self.new, self.merged, self.skipped)

    def suggested_for_new(self) -> ForNew:
        """The choice the window offers first for the new contacts: a LinkedIn import of more
        than :data:`TRIAGE_ABOVE` people waits for triage, anything else takes the stage's cadence."""
        if self.format == "linkedin" and self.new > TRIAGE_ABOVE:
            return ForNew(cadence_days=0, triage=True)
        return ForNew()


def summary(new: int, merged: int, skipped: int) -> Phrase:
    """"120 new, 3 merged, 2 skipped"."""
    return Phrase(QT_TRANSLATE_NOOP("core", "{new:,} new, {merged:,} merged, {skipped:,} skipped"),
                  new=new, merged=merged, skipped=skipped)


Target = tuple[str, int]


class _Index:
    """Keys of the contacts known so far → their target: ``("c", id)`` for a journal
    contact, ``("r", row index)`` for a new contact from an earlier row of the file.

    Only what will be stored is indexed (a merged row's e-mails, its profile when the
    target has none, the company it fills in), so that importing the same file again
    finds every row.
    """

    def __init__(self, connections: bool) -> None:
        self.connections = connections  # LinkedIn: connection dates are stored
        self.emails: dict[str, Target] = {}
        self.profiles: dict[str, Target] = {}
        self.names = NameMatcher()
        self.derived: dict[tuple[str, str, str], Target] = {}
        self.has_profile: set[Target] = set()
        self.has_company: set[Target] = set()
        self.archived: set[int] = set()
        self.journal_names: dict[int, str] = {}

    def load_journal(self) -> None:
        conn = db.connection()
        for cid, name, company, archived, website, since, has_url in conn.execute(
                """SELECT c.id, c.name, c.company, c.archived, c.website,
                          (SELECT min(h.following_since) FROM channel h
                            WHERE h.contact_id = c.id AND h.network = 'linkedin'),
                          EXISTS (SELECT 1 FROM channel h WHERE h.contact_id = c.id
                                     AND h.network = 'linkedin' AND h.url IS NOT NULL)
                     FROM contact c ORDER BY c.id"""):
            target = ("c", cid)
            self.journal_names[cid] = name
            if archived:
                self.archived.add(cid)
            self.names.add(name, company, target)
            for day in {since or "", ""}:
                self.derived.setdefault((name_key(name), company_key(company), day), target)
            if company:
                self.has_company.add(target)
            if has_url:
                self.has_profile.add(target)
            self._add_profile(website, target)
        for cid, value in conn.execute("SELECT contact_id, value FROM contact_email ORDER BY contact_id, id"):
            key = email_key(value)
            if key:
                self.emails.setdefault(key, ("c", cid))
        for cid, url in conn.execute(
                "SELECT contact_id, url FROM channel WHERE url IS NOT NULL ORDER BY contact_id, id"):
            self._add_profile(url, ("c", cid))

    def _add_profile(self, url: str | None, target: Target) -> None:
        key = linkedin_key(url)
        if key:
            self.profiles.setdefault(key, target)

    def _derived_key(self, contact: ParsedContact) -> tuple[str, str, str]:
        day = contact.connected_on.isoformat() if self.connections and contact.connected_on else ""
        return name_key(contact.name), company_key(contact.company), day

    def find(self, contact: ParsedContact) -> tuple[Target, Phrase] | None:
        """The target *contact* duplicates and the reason (its first matching key wins)."""
        for _, value in contact.emails:
            key = email_key(value)
            if key and key in self.emails:
                return self.emails[key], Phrase(QT_TRANSLATE_NOOP("core", "same e-mail"))
        key = linkedin_key(contact.linkedin_url)
        if key and key in self.profiles:
            return self.profiles[key], Phrase(QT_TRANSLATE_NOOP("core", "same LinkedIn profile"))
        if not has_personal_name(contact):
            found = self.derived.get(self._derived_key(contact))
            if not found:
                return None
            return found, Phrase(QT_TRANSLATE_NOOP("core", "same name, company and connection date"))
        target = self.names.find(contact.name, contact.company)
        if target is None:
            return None
        why = (Phrase(QT_TRANSLATE_NOOP("core", "very similar name at the same company")) if contact.company
               else Phrase(QT_TRANSLATE_NOOP("core", "same name (one of them has no company)")))
        return target, why  # type: ignore[return-value]

    def add_new(self, contact: ParsedContact, target: Target) -> None:
        """A new contact: every key of it."""
        if has_personal_name(contact):
            self.names.add(contact.name, contact.company, target)
        else:
            self.derived.setdefault(self._derived_key(contact), target)
        if contact.company:
            self.has_company.add(target)
        self._add_profile(contact.website, target)
        self.add_merged(contact, target)

    def add_merged(self, contact: ParsedContact, target: Target) -> None:
        """A row merged into *target*: the keys the merge will store."""
        for _, value in contact.emails:
            key = email_key(value)
            if key:
                self.emails.setdefault(key, target)
        if contact.linkedin_url and target not in self.has_profile:
            self.has_profile.add(target)
            self._add_profile(contact.linkedin_url, target)
        if contact.company and target not in self.has_company:
            self.has_company.add(target)
            self.names.set_company(target, contact.company)


def _text(value: str | None, limit: int = MAX_TEXT) -> str | None:
    """Stripped text that SQLite can store (no NUL, lone surrogates replaced), None when empty."""
    if value is None:
        return None
    text = value.replace("\x00", "").strip()  # SQLite's text functions stop at a NUL
    if not text:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text[:limit]


def _body(value: str | None) -> str:
    """Notes: kept as written but for trailing space (as the operations keep them)."""
    text = (value or "").replace("\x00", "").rstrip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text[:MAX_TEXT]


def _labelled(items: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = []
    for label, value in items:
        clean = _text(value, 10_000)
        if clean:
            out.append((_text(label, 200), clean))
    return out


def clean_contact(contact: ParsedContact) -> ParsedContact | Phrase:
    """A copy of *contact* with text the journal accepts, or why the row must be skipped."""
    name = _text(" ".join(contact.name.replace("\x00", "").split()) if contact.name else None, 10_000)
    emails, phones = _labelled(contact.emails), _labelled(contact.phones)
    tags: list[str] = []
    for tag in contact.tags:
        clean = _text(tag, 200)
        if clean and clean not in tags:
            tags.append(clean)
    cleaned = replace(
        contact, name=name or "", given_name=_text(contact.given_name), family_name=_text(contact.family_name),
        company=_text(contact.company), title=_text(contact.title), emails=emails, phones=phones,
        website=_text(contact.website), location=_text(contact.location),
        notes=_body(contact.notes), tags=tags,
        linkedin_url=_text(contact.linkedin_url, 2_000))
    if name:
        return cleaned
    if not (emails or phones or cleaned.company or cleaned.given_name or cleaned.family_name
            or cleaned.title or cleaned.website or cleaned.location or cleaned.notes or tags
            or cleaned.linkedin_url):
        return Phrase(QT_TRANSLATE_NOOP("core", "empty row"))
    return Phrase(QT_TRANSLATE_NOOP("core", "the row has no name"))


def plan_import(result: ParseResult, *, on_duplicate: OnDuplicate | str = "merge") -> ImportPlan:
    """Decide, row by row, what importing *result* into the open journal would do.

    A row duplicates a contact of the journal, or an earlier row of the same file, when it
    has the same e-mail (case-blind), the same LinkedIn profile (address normalised), or
    the same or a very similar name (accents and case ignored, difflib ratio ≥ 0.9, or the
    same words in another order) at the same company; names the parser made up from the
    job or e-mail never match. ``on_duplicate`` says what happens to a duplicate:
    ``merge`` (fill the other contact's empty fields, add what it lacks), ``skip`` or
    ``add`` (a new contact anyway).
    """
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {', '.join(ON_DUPLICATE)}, not {on_duplicate!r}")
    index = _Index(connections=result.format == "linkedin")
    with connection_for_thread() as has_journal:
        if has_journal:
            index.load_journal()
    plan = ImportPlan(format=result.format, on_duplicate=on_duplicate,
                      source=SOURCES.get(result.format, "import"), rows=[],
                      warnings=list(result.warnings), contacts=[])
    rows = plan.rows
    for record in result.skipped:
        rows.append(PlanRow(record.line, "skip", "", record.reason))
    heads: dict[int, int] = {}  # row index -> position in new_groups
    for incoming in result.contacts:
        cleaned = clean_contact(incoming)
        line = incoming.source_line
        if isinstance(cleaned, Phrase):
            rows.append(PlanRow(line, "skip", _text(incoming.name, 200) or "", cleaned))
            continue
        position = len(plan.contacts)
        plan.contacts.append(cleaned)
        rows.append(_plan_row(plan, index, heads, cleaned, position, line))
    rows.sort(key=lambda r: (r.line, r.index if r.index is not None else -1))
    log.info("Planned %s import: %s", result.format, plan.summary())
    return plan


def _plan_row(plan: ImportPlan, index: _Index, heads: dict[int, int], contact: ParsedContact,
              position: int, line: int) -> PlanRow:
    found = index.find(contact)
    if found is None or plan.on_duplicate == "add":
        heads[position] = len(plan.new_groups)
        plan.new_groups.append([position])
        index.add_new(contact, ("r", position))
        reason: str = Phrase(QT_TRANSLATE_NOOP("core", "{reason} (added anyway)"),
                             reason=_describe(found, index, plan)) if found else ""
        return PlanRow(line, "new", contact.name, reason, index=position)
    (kind, target), _ = found
    reason = _describe(found, index, plan)
    same_as = plan.contacts[target].source_line if kind == "r" else None
    if plan.on_duplicate == "skip":
        return PlanRow(line, "skip", contact.name, reason, contact_id=target if kind == "c" else None,
                       target_name=index.journal_names.get(target) if kind == "c" else None,
                       same_as_line=same_as, index=position)
    index.add_merged(contact, (kind, target))
    if kind == "r":
        plan.new_groups[heads[target]].append(position)
        return PlanRow(line, "merge", contact.name, reason, same_as_line=same_as,
                       target_name=plan.contacts[target].name, index=position)
    plan.merge_groups.setdefault(target, []).append(position)
    return PlanRow(line, "merge", contact.name, reason, contact_id=target,
                   target_name=index.journal_names.get(target), index=position)


def _describe(found: tuple[tuple[str, int], Phrase] | None, index: _Index, plan: ImportPlan) -> Phrase:
    assert found is not None
    (kind, target), why = found
    if kind == "r":
        return Phrase(QT_TRANSLATE_NOOP("core", "{why} as line {line}"), why=why,
                      line=plan.contacts[target].source_line)
    if target in index.archived:
        return Phrase(QT_TRANSLATE_NOOP("core", "{why} as an existing contact (archived)"), why=why)
    return Phrase(QT_TRANSLATE_NOOP("core", "{why} as an existing contact"), why=why)

