"""Property: any valid exchange document survives export → import → export unchanged."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dealjournal import domain, interchange
from dealjournal.store import close_journal, open_journal

Doc = dict[str, Any]

# Right-to-left scripts, emoji (with joiners and skin tones), combining marks, odd spaces.
SAMPLES = ["בנימין", "عائشة", "Zoë", "👩🏽‍💻", "🇬🇧", "e\u0301", "\u200fRTL\u200e", "ß", "株式会社", " padded ", "a\tb", "x\ny"]
free_text = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=12),
    st.sampled_from(SAMPLES),
    st.lists(st.sampled_from(SAMPLES), min_size=1, max_size=3).map(" ".join),
)
name_text = free_text.filter(lambda s: bool(s.strip()) and "\x00" not in s)
nullable = st.one_of(st.none(), st.just(""), free_text)  # null and "" are different values
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))
ids = st.text("abcxyz0123456789-_", min_size=1, max_size=6)


def day_text(d: date) -> str:
    return d.isoformat()


@st.composite
def at_text(draw: st.DrawFn) -> str:
    d = draw(days).isoformat()
    form = draw(st.sampled_from(["day", "minute", "second"]))
    if form == "day":
        return d
    t = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}"
    return f"{d}T{t}" if form == "minute" else f"{d}T{t}:{draw(st.integers(0, 59)):02d}"


def maybe(draw: st.DrawFn, rec: Doc, key: str, strategy: st.SearchStrategy[Any]) -> None:
    """Set *key* from *strategy*, or leave it out (the import fills the default)."""
    if draw(st.booleans()):
        rec[key] = draw(strategy)


@st.composite
def documents(draw: st.DrawFn) -> Doc:
    contact_ids = draw(st.lists(ids, unique=True, max_size=4))
    goal_ids = iter(draw(st.lists(ids, unique=True, min_size=8, max_size=8)))
    content_ids = draw(st.lists(ids, unique=True, max_size=3))
    goals_of: dict[str, list[str]] = {}
    contacts = []
    for cid in contact_ids:
        rec: Doc = {"id": cid, "name": draw(name_text)}
        for key in ("given_name", "family_name", "company", "title", "website", "location", "source"):
            maybe(draw, rec, key, nullable)
        maybe(draw, rec, "notes", st.one_of(st.none(), free_text))
        maybe(draw, rec, "emails", st.lists(st.fixed_dictionaries(
            {"label": nullable, "value": name_text}), max_size=2))
        maybe(draw, rec, "phones", st.lists(st.fixed_dictionaries(
            {"label": nullable, "value": name_text}), max_size=2))
        maybe(draw, rec, "tags", st.lists(name_text, unique=True, max_size=3))
        maybe(draw, rec, "stage", st.sampled_from(domain.STAGES))
        maybe(draw, rec, "cadence_days", st.one_of(st.none(), st.integers(0, 400)))
        maybe(draw, rec, "buying_style", st.sampled_from(domain.BUYING_STYLES))
        maybe(draw, rec, "created_on", days.map(day_text))
        maybe(draw, rec, "archived", st.booleans())
        maybe(draw, rec, "channels", st.lists(st.fixed_dictionaries(
            {"network": st.sampled_from(domain.NETWORKS)},
            optional={"handle": nullable, "url": nullable, "following_since": st.one_of(st.none(), days.map(day_text)),
                      "follows_back": st.sampled_from(domain.FOLLOWS_BACK)}), max_size=2))
        goals = []
        for _ in range(draw(st.integers(0, 2))):
            created = draw(days)
            goal: Doc = {"id": next(goal_ids), "title": draw(name_text), "created_on": created.isoformat()}
            maybe(draw, goal, "details", free_text)
            maybe(draw, goal, "priority", st.sampled_from(domain.PRIORITIES))
            maybe(draw, goal, "status", st.sampled_from(domain.GOAL_STATUSES))
            maybe(draw, goal, "target_on", st.one_of(st.none(), days.map(day_text)))
            later = (created + timedelta(days=draw(st.integers(0, 900)))).isoformat()
            maybe(draw, goal, "closed_on", st.sampled_from([None, later]))
            goals.append(goal)
        rec["goals"] = goals
        goals_of[cid] = [g["id"] for g in goals]
        maybe(draw, rec, "stage_history", st.lists(st.fixed_dictionaries(
            {"from": st.one_of(st.none(), st.sampled_from(domain.STAGES)), "to": st.sampled_from(domain.STAGES),
             "on": days.map(day_text)}), max_size=2))
        if draw(st.booleans()):  # the project's addition: a snooze (see the README)
            since = draw(at_text().filter(lambda at: len(at) > 10))
            until = date.fromisoformat(since[:10]) + timedelta(days=draw(st.integers(1, 60)))
            rec["snooze"] = {"until": until.isoformat(), "since": since}
        contacts.append(rec)
    content = []
    for kid in content_ids:
        item: Doc = {"id": kid, "title": draw(name_text)}
        for key in ("url", "author"):
            maybe(draw, item, key, nullable)
        maybe(draw, item, "kind", st.sampled_from(domain.CONTENT_KINDS))
        maybe(draw, item, "origin", st.sampled_from(domain.ORIGINS))
        maybe(draw, item, "topics", st.lists(name_text, unique=True, max_size=3))
        maybe(draw, item, "summary", free_text)
        content.append(item)
    shares, interactions = [], []
    if contact_ids:
        for _ in range(draw(st.integers(0, 4)) if content_ids else 0):
            cid = draw(st.sampled_from(contact_ids))
            on = draw(days)
            share: Doc = {"content": draw(st.sampled_from(content_ids)), "contact": cid, "on": on.isoformat()}
            maybe(draw, share, "via", nullable)
            maybe(draw, share, "note", free_text)
            if goals_of[cid]:
                maybe(draw, share, "goal", st.one_of(st.none(), st.sampled_from(goals_of[cid])))
            response = draw(st.sampled_from(domain.RESPONSES))
            share["response"] = response
            if response != "none" and draw(st.booleans()):
                share["responded_on"] = (on + timedelta(days=draw(st.integers(0, 30)))).isoformat()
            shares.append(share)
        for _ in range(draw(st.integers(0, 5))):
            cid = draw(st.sampled_from(contact_ids))
            entry: Doc = {"contact": cid, "at": draw(at_text()), "kind": draw(st.sampled_from(domain.INTERACTION_KINDS)),
                          "direction": draw(st.sampled_from(domain.DIRECTIONS))}
            maybe(draw, entry, "channel", nullable)
            maybe(draw, entry, "summary", free_text)
            maybe(draw, entry, "details", free_text)
            if goals_of[cid]:
                maybe(draw, entry, "goal", st.one_of(st.none(), st.sampled_from(goals_of[cid])))
            maybe(draw, entry, "follow_up_on", st.one_of(st.none(), days.map(day_text)))
            maybe(draw, entry, "follow_up_done", st.booleans())
            interactions.append(entry)
    doc: Doc = {"format": "dealjournal", "version": 1, "contacts": contacts, "content": content,
                "shares": shares, "interactions": interactions}
    if contact_ids and draw(st.booleans()):  # the project's addition: reminders
        doc["reminders"] = [
            {"contact": draw(st.sampled_from(contact_ids)), "on": draw(days).isoformat(), "text": draw(name_text),
             "done_on": draw(st.one_of(st.none(), days.map(day_text)))}
            for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):
        doc["settings"] = {"window_days": draw(st.integers(1, 3650)),
                           "stage_cadence_days": draw(st.dictionaries(st.sampled_from(domain.STAGES),
                                                                      st.integers(0, 365)))}
    return doc


def through_empty_journal(path: Path, doc: Doc) -> Doc:
    open_journal(path)
    try:
        interchange.import_document(doc)
        out = interchange.export_document()
    finally:
        close_journal()
    out.pop("exported_at")
    return out


@settings(max_examples=50, deadline=None)
@given(documents())
def test_export_import_export_is_lossless(doc: Doc) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = through_empty_journal(Path(folder) / "a.sqlite3", doc)
        second = through_empty_journal(Path(folder) / "b.sqlite3", first)
    assert second == first
    # Nothing was lost on the way in either: every text arrives as written.
    assert [c["name"] for c in first["contacts"]] == [c["name"] for c in doc["contacts"]]
    assert [i["at"] for i in first["interactions"]] == [i["at"] for i in doc["interactions"]]
    for original, exported in zip(doc["contacts"], first["contacts"]):
        for key in ("given_name", "company", "website", "source"):
            if key in original:
                assert exported[key] == original[key]
        assert [e["value"] for e in exported["emails"]] == [e["value"] for e in original.get("emails", [])]
        assert exported["tags"] == original.get("tags", [])
    assert len(first["shares"]) == len(doc["shares"]) and len(first["content"]) == len(doc["content"])
    assert [c.get("snooze") for c in first["contacts"]] == [c.get("snooze") for c in doc["contacts"]]
    assert [r["text"] for r in first.get("reminders", [])] == [r["text"] for r in doc.get("reminders", [])]
