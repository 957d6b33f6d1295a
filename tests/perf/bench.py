"""Performance bench: import and health on a large, realistic, deterministic journal.

    python tests/perf/bench.py --size heavy|medium|small [--seed N] [--keep DIR]

Generates an exchange document (DOMAIN.md, JSON version 1) of the chosen size, streaming
it to a file, then runs each function of :data:`MEASUREMENTS` in order. Every figure is
printed on stdout as one line ``name value unit`` and nothing else goes to stdout;
progress goes to stderr. Exit status 1 when a correctness cross-check fails (the details
go to stderr; only ids and figures, never names).

Adding a figure: write a function taking the :class:`Bench` and returning
``[(name, value, unit), ...]``, and append it to :data:`MEASUREMENTS`.

The "floor" of the import is a raw ``executemany`` of the same rows, already as tuples, into
a fresh journal with the same schema, in a child process (so that its memory does not
count in this process's peak RSS); the child regenerates the rows from the same seed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dealjournal import domain  # noqa: E402

TODAY = date(2026, 11, 22)  # the generation's "today": health is measured as of this day


@dataclass(frozen=True)
class Size:
    contacts: int
    interactions: int
    shares: int
    content: int


SIZES = {
    "small": Size(contacts=500, interactions=10_000, shares=1_000, content=100),
    "medium": Size(contacts=5_000, interactions=100_000, shares=10_000, content=500),
    "heavy": Size(contacts=50_000, interactions=1_000_000, shares=100_000, content=2_000),
}


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- deterministic generation ------------------------------------------------------------

GIVEN = ("Ada", "Zoë", "José", "Łukasz", "Priya", "Kwame", "Mariana", "Tomás", "Sophie", "Hiroshi", "Aigerim",
         "Daniel", "Emma", "Lucas", "Freya", "Mateo", "Hannah", "Ngozi", "Oliver", "Isabella", "Arjun", "Chloé",
         "Sven", "Amara", "Jack", "Mei", "Rafael", "Grace", "Noah", "Elif", "Pieter", "Fatima", "Liam", "Ana",
         "Ethan", "Olga", "Samuel", "Charlotte", "Diego", "Nadia", "Ravi", "Julia", "Marcus", "Leonie", "Thabo",
         "静", "伟", "יעל", "عمر", "Søren")
FAMILY = ("Lindqvist", "Marchetti", "Ramírez", "Nowicki", "Raghunathan", "Mensah", "Costa", "Ó Briain",
          "Dubois", "Tanaka", "Bekova", "Okafor", "Schneider", "Oliveira", "Andersen", "Fernández", "Whitfield",
          "Eze", "Grant", "Rossi", "Mehta", "Martin", "Johansson", "Diallo", "O'Connell", "Tan", "Domínguez",
          "Kim", "Williams", "Yılmaz", "de Vries", "Benali", "Murphy", "Kovačević", "Brooks", "Ivanova",
          "Adeyemi", "Evans", "Herrera", "Haddad", "Shankar", "Novák", "Lee", "Wagner", "Nkosi", "陈", "王",
          "כהן", "الفارسي", "Østergaard")
COMPANY_A = ("Nordlys", "Vela", "Andalus", "Wisła", "Jade River", "Tamar", "Dune", "Lotus", "Adinkra", "Atlântico",
             "Cliffside", "Maison", "Kumo", "Steppe", "Lagoon", "Bergfeld", "Ipê", "Fjord", "Pampa", "Greyhaven")
COMPANY_B = ("Energy", "Robotics", "Logistics", "Software", "Components", "Health", "Data", "Fintech", "Agritech",
             "Insurance", "Analytics", "Retail", "Mobility", "Telecom", "Payments", "Foods", "Legal", "Media")
TITLES = ("CEO", "CFO", "COO", "CTO", "Head of Procurement", "VP Operations", "IT Director", "Plant Manager",
          "Marketing Director", "Product Lead", "Founder", "Category Manager", "Project Director", "Owner")
CITIES = ("Stockholm", "Milan", "Seville", "Kraków", "Shenzhen", "Tel Aviv", "Muscat", "Bengaluru", "Accra",
          "Lisbon", "Galway", "Lyon", "Osaka", "Almaty", "Lagos", "Stuttgart", "São Paulo", "Aarhus", None)
TAGS = ("fintech", "manufacturing", "energy", "logistics", "retail", "healthcare", "software", "referrer",
        "conference-2026", "priority", "partner", "investor", "procurement", "it", "cloud")
SOURCES = ("conference", "referral", "inbound website form", "LinkedIn", "webinar", "trade fair", None)
SUMMARIES = {
    "out": ("Sent a recap of our call", "Followed up on pricing", "Asked how the pilot is going",
            "Shared the agenda", "Sent the revised proposal"),
    "in": ("Replied with questions", "Asked for a reference", "Sent feedback on the proposal",
           "Shared their timeline", "Thanked me for the article"),
    "mutual": ("Discovery call", "Quarterly review", "Coffee at the trade fair", "Demo", "Workshop on goals"),
    "none": ("Budget cycle starts in April", "Prefers short e-mails", "CFO signs above 50k"),
}
KINDS = {
    "out": ("email", "email", "message", "social", "call"),
    "in": ("email", "email", "message", "social"),
    "mutual": ("meeting", "call", "call", "event"),
    "none": ("note",),
}
GOAL_TITLES = ("Cut month-end close to three days", "Reduce supplier lead times", "Launch the new e-shop",
               "Pass the ISO 27001 audit", "Onboard 40 field staff", "Consolidate ERPs",
               "Lower energy cost per unit", "Enter two new markets")
CONTENT_WORDS = ("procurement", "automation", "finance", "supply chain", "onboarding", "reporting", "pilots",
                 "energy", "warehousing", "security", "pricing", "ERP", "regulation", "fleet", "hiring")
LONG_DETAILS = ("Talked through the rollout plan in detail: phase one covers the two plants in the north, "
                "phase two waits for the ERP consolidation. Budget approved in principle; legal review pending. "
                "Next step: workshop with their IT team to map the data flows. ") * 3

DIRECTIONS = ("out", "in", "mutual", "none")
RESPONSES = domain.RESPONSES
NETWORKS = ("linkedin", "linkedin", "linkedin", "x", "x", "blog", "youtube", "github", "newsletter", "instagram",
            "mastodon", "bluesky", "podcast", "website", "threads", "facebook", "tiktok", "other")


@dataclass
class _Person:
    """What later sections need to know about a contact (kept small: 50k of them)."""

    created: int  # day ordinal
    first_goal: int  # 0 = none
    goals: int
    interactions: int
    shares: int
    bias: int  # 0 balanced, 1 giving-heavy, 2 taking-heavy


def _counts(rng: random.Random, n: int, total: int, alpha: float, none: set[int]) -> list[int]:
    """Split *total* over *n* contacts with a heavy tail (a few very busy contacts); *none* get 0."""
    weights = [0.0 if i in none else min(rng.paretovariate(alpha), 400.0) for i in range(n)]
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in rng.sample([i for i in range(n) if i not in none], total - sum(counts)):
        counts[i] += 1
    return counts


class Generator:
    """Yields the journal's rows as the tuples of the schema's columns, in file order.

    Sections: ("contact", bundle) per contact, then ("content", (row, topics)),
    ("share", row), ("interaction", row). Ids are 1-based positions, as in a fresh journal.
    """

    def __init__(self, size: Size, seed: int) -> None:
        self.size = size
        self.seed = seed
        t = TODAY.toordinal()
        self.days = {d: date.fromordinal(d).isoformat() for d in range(t - 4 * 366, t + 400)}
        self.people: list[_Person] = []

    def day(self, ordinal: int) -> str:
        return self.days[ordinal]

    def rows(self) -> Iterator[tuple[str, Any]]:
        rng = random.Random(self.seed)
        size, t = self.size, TODAY.toordinal()
        n = size.contacts
        untouched = set(rng.sample(range(n), n * 3 // 100))  # just added: no touch yet
        i_counts = _counts(rng, n, size.interactions, 1.3, untouched)
        s_counts = _counts(rng, n, size.shares, 1.5, untouched)
        goal_id = 0
        for cid in range(1, n + 1):
            created = t - rng.randint(0, 60 if cid - 1 in untouched else 3 * 365)
            if i_counts[cid - 1] > 200:  # busy relationships are old ones
                created = min(created, t - 700)
            archived = rng.random() < 0.02 and i_counts[cid - 1] < 200
            stage = rng.choices(domain.STAGES, weights=(30, 25, 15, 22, 8))[0]
            cadence = rng.choices((None, 0, 10, 21, 45, 90), weights=(85, 3, 3, 4, 3, 2))[0]
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            company = f"{rng.choice(COMPANY_A)} {rng.choice(COMPANY_B)}" if rng.random() < 0.9 else None
            handle = f"user{cid}"
            contact = (cid, f"{given} {family}", given, family, company,
                       rng.choice(TITLES) if rng.random() < 0.8 else None,
                       f"https://{handle}.example" if rng.random() < 0.2 else None,
                       rng.choice(CITIES), "Met at the summit; follow up in spring." if rng.random() < 0.1 else "",
                       stage, cadence, rng.choice(domain.BUYING_STYLES),
                       rng.choice(SOURCES), self.day(created), int(archived))
            emails = [(cid, "work", f"{handle}@company{cid % 977}.example")]
            if rng.random() < 0.3:
                emails.append((cid, "personal", f"{handle}@mail.example"))
            phones = [(cid, rng.choice(("mobile", "work")), f"+44 20 7946 {cid % 10000:04d}")
                      for _ in range(rng.choice((0, 1, 1, 2)))]
            tags = [(cid, tag) for tag in rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3)))]
            channels = []
            for net in dict.fromkeys(rng.choice(NETWORKS) for _ in range(rng.choice((0, 1, 1, 2, 3, 4)))):
                following = rng.random() < 0.75
                channels.append((cid, net, handle, f"https://{net}.example/{handle}",
                                 self.day(rng.randint(created, t)) if following else None,
                                 rng.choices(domain.FOLLOWS_BACK, weights=(5, 2, 3))[0]))
            goals = []
            n_goals = rng.choice((0, 0, 0, 1, 1, 2, 3)) if stage != "lead" else 0
            first_goal = goal_id + 1 if n_goals else 0
            for _ in range(n_goals):
                goal_id += 1
                g_created = rng.randint(created, t)
                target = g_created + rng.randint(30, 365) if rng.random() < 0.8 else None
                status = rng.choices(domain.GOAL_STATUSES, weights=(6, 3, 1))[0]
                closed = self.day(rng.randint(g_created, t)) if status != "open" else None
                goals.append((goal_id, cid, rng.choice(GOAL_TITLES), "", rng.choice(domain.PRIORITIES), status,
                              self.day(target) if target else None, self.day(g_created), closed))
            stages = []
            path = domain.STAGES[:domain.STAGES.index(stage) + 1]
            on = created
            for before, after in zip(path, path[1:]):
                on = rng.randint(on, t)
                stages.append((cid, before, after, self.day(on)))
            self.people.append(_Person(created, first_goal, n_goals, i_counts[cid - 1], s_counts[cid - 1],
                                       rng.choices((0, 1, 2), weights=(80, 12, 8))[0]))
            yield "contact", (contact, emails, phones, tags, channels, goals, stages)

        for kid in range(1, size.content + 1):
            origin = "mine" if rng.random() < 0.3 else "third-party"
            words = rng.sample(CONTENT_WORDS, 2)
            row = (kid, f"On {words[0]} and {words[1]} (part {kid})", f"https://library.example/{kid}",
                   rng.choice(domain.CONTENT_KINDS), origin, "Brightline" if origin == "mine" else "Harbor Research",
                   "" if rng.random() < 0.7 else "A short summary of why it matters.")
            yield "content", (row, [(kid, w) for w in words])

        for cid, person in enumerate(self.people, start=1):
            for _ in range(person.shares):
                on = rng.randint(person.created, t)
                response = rng.choices(RESPONSES, weights=(40, 25, 25, 10))[0]
                responded = None
                if response != "none" and rng.random() < 0.9:
                    responded = self.day(on + rng.randint(0, 10))  # may fall after TODAY: ignored as of TODAY
                goal = person.first_goal + rng.randrange(person.goals) if person.goals and rng.random() < 0.2 else None
                yield "share", (rng.randint(1, size.content), cid, self.day(on),
                                rng.choice(("email", "linkedin", "in-person", "x", None)), "", goal, response,
                                responded)

        for cid, person in enumerate(self.people, start=1):
            weights = ((40, 30, 20, 10), (70, 8, 12, 10), (10, 70, 10, 10))[person.bias]
            for _ in range(person.interactions):
                day = rng.randint(person.created, t) if rng.random() > 0.003 else t + rng.randint(1, 30)
                direction = rng.choices(DIRECTIONS, weights=weights)[0]
                shape = rng.random()
                if shape < 0.02:
                    at = self.day(day)
                elif shape < 0.03:
                    at = f"{self.day(day)}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
                else:
                    at = f"{self.day(day)}T{rng.randint(7, 19):02d}:{rng.choice((0, 15, 30, 45)):02d}"
                kind = rng.choice(KINDS[direction])
                follow_up = None
                done = 0
                if direction == "out" and rng.random() < 0.1:
                    follow_up = self.day(day + rng.randint(2, 21))
                    done = int(rng.random() < 0.7)
                goal = person.first_goal + rng.randrange(person.goals) if person.goals and rng.random() < 0.15 else None
                yield "interaction", (cid, at, at[:10], kind, direction,
                                      "linkedin" if kind in ("social", "message") else None,
                                      rng.choice(SUMMARIES[direction]),
                                      LONG_DETAILS if rng.random() < 0.05 else "", goal, follow_up, done)


def write_document(path: Path, gen: Generator) -> None:
    """Stream the generated journal to *path* as an exchange document, one record at a time."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    settings = {"window_days": domain.DEFAULT_WINDOW_DAYS, "stage_cadence_days": dict(domain.DEFAULT_STAGE_CADENCE)}
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format":"dealjournal","version":1,"exported_at":"%sT09:00:00",' % TODAY.isoformat())
        out.write('"settings":%s,\n"contacts":[\n' % dumps(settings))
        section = "contact"
        first = True
        for kind, row in gen.rows():
            if kind != section:
                out.write({"content": '\n],\n"content":[\n', "share": '\n],\n"shares":[\n',
                           "interaction": '\n],\n"interactions":[\n'}[kind])
                section, first = kind, True
            if not first:
                out.write(",\n")
            first = False
            out.write(dumps(_json_record(kind, row)))
        out.write("\n]}\n")


def _json_record(kind: str, row: Any) -> dict[str, Any]:
    if kind == "contact":
        c, emails, phones, tags, channels, goals, stages = row
        return {
            "id": f"c{c[0]}", "name": c[1], "given_name": c[2], "family_name": c[3], "company": c[4], "title": c[5],
            "emails": [{"label": e[1], "value": e[2]} for e in emails],
            "phones": [{"label": p[1], "value": p[2]} for p in phones],
            "website": c[6], "location": c[7], "notes": c[8], "tags": [tag[1] for tag in tags], "stage": c[9],
            "cadence_days": c[10], "buying_style": c[11], "source": c[12], "created_on": c[13],
            "archived": bool(c[14]),
            "channels": [{"network": h[1], "handle": h[2], "url": h[3], "following_since": h[4],
                          "follows_back": h[5]} for h in channels],
            "goals": [{"id": f"g{g[0]}", "title": g[2], "details": g[3], "priority": g[4], "status": g[5],
                       "target_on": g[6], "created_on": g[7], "closed_on": g[8]} for g in goals],
            "stage_history": [{"from": s[1], "to": s[2], "on": s[3]} for s in stages],
        }
    if kind == "content":
        k, topics = row
        return {"id": f"k{k[0]}", "title": k[1], "url": k[2], "kind": k[3], "origin": k[4], "author": k[5],
                "topics": [topic[1] for topic in topics], "summary": k[6]}
    if kind == "share":
        return {"content": f"k{row[0]}", "contact": f"c{row[1]}", "on": row[2], "via": row[3], "note": row[4],
                "goal": f"g{row[5]}" if row[5] else None, "response": row[6], "responded_on": row[7]}
    return {"contact": f"c{row[0]}", "at": row[1], "kind": row[3], "direction": row[4], "channel": row[5],
            "summary": row[6], "details": row[7], "goal": f"g{row[8]}" if row[8] else None,
            "follow_up_on": row[9], "follow_up_done": bool(row[10])}


# --- the import floor (child process) ------------------------------------------------------

FLOOR_SQL = {
    "contact": "INSERT INTO contact (id, name, given_name, family_name, company, title, website, location, notes, "
               "stage, cadence_days, buying_style, source, created_on, archived) "
               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "contact_email": "INSERT INTO contact_email (contact_id, label, value) VALUES (?,?,?)",
    "contact_phone": "INSERT INTO contact_phone (contact_id, label, value) VALUES (?,?,?)",
    "contact_tag": "INSERT INTO contact_tag (contact_id, tag) VALUES (?,?)",
    "channel": "INSERT INTO channel (contact_id, network, handle, url, following_since, follows_back) "
               "VALUES (?,?,?,?,?,?)",
    "goal": "INSERT INTO goal (id, contact_id, title, details, priority, status, target_on, created_on, closed_on) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
    "stage_change": "INSERT INTO stage_change (contact_id, from_stage, to_stage, on_day) VALUES (?,?,?,?)",
    "content": "INSERT INTO content (id, title, url, kind, origin, author, summary) VALUES (?,?,?,?,?,?,?)",
    "content_topic": "INSERT INTO content_topic (content_id, topic) VALUES (?,?)",
    "share": "INSERT INTO share (content_id, contact_id, on_day, via, note, goal_id, response, responded_on) "
             "VALUES (?,?,?,?,?,?,?,?)",
    "interaction": "INSERT INTO interaction (contact_id, at, day, kind, direction, channel, summary, details, "
                   "goal_id, follow_up_on, follow_up_done) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
}


def floor_child(size_name: str, seed: int, journal: Path) -> None:
    """Regenerate the rows as tuples, then time only their executemany into a fresh journal."""
    from dealjournal.store import close_journal, open_journal

    tables: dict[str, list[tuple[Any, ...]]] = {name: [] for name in FLOOR_SQL}
    for kind, row in Generator(SIZES[size_name], seed).rows():
        if kind == "contact":
            c, emails, phones, tags, channels, goals, stages = row
            tables["contact"].append(c)
            tables["contact_email"] += emails
            tables["contact_phone"] += phones
            tables["contact_tag"] += tags
            tables["channel"] += channels
            tables["goal"] += goals
            tables["stage_change"] += stages
        elif kind == "content":
            tables["content"].append(row[0])
            tables["content_topic"] += row[1]
        else:
            tables[kind].append(row)
    db = open_journal(journal)
    conn = db.connection()
    start = time.perf_counter()
    with db.atomic():
        for name, sql in FLOOR_SQL.items():
            conn.executemany(sql, tables[name])
    seconds = time.perf_counter() - start
    close_journal()
    print(json.dumps({"seconds": seconds, "counts": {name: len(rows) for name, rows in tables.items()}}))


# --- the bench ------------------------------------------------------------------------------

@dataclass
class Bench:
    size_name: str
    seed: int
    workdir: Path
    document: Path = field(init=False)
    journal: Path = field(init=False)
    failures: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.document = self.workdir / f"bench-{self.size_name}-{self.seed}.json"
        self.journal = self.workdir / "imported.sqlite3"


Figure = tuple[str, float, str]


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def import_child(journal: Path, document: Path) -> None:
    """Import *document* into the fresh *journal*; print the seconds and this process's peak RSS as JSON.

    Run by :func:`measure_import` as ``python -c`` (the process does nothing but import), so
    that its peak RSS is the import's own."""
    from dealjournal import interchange
    from dealjournal.store import close_journal, open_journal

    open_journal(journal)
    start = time.perf_counter()
    interchange.import_file(document)
    seconds = time.perf_counter() - start
    close_journal()
    print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def measure_import(bench: Bench) -> list[Figure]:
    from dealjournal.store import open_journal

    progress("import floor: raw executemany in a child process")
    floor_db = bench.workdir / "floor.sqlite3"
    child = subprocess.run([sys.executable, __file__, "--floor-child", str(floor_db), "--size", bench.size_name,
                            "--seed", str(bench.seed)], check=True, capture_output=True, text=True)
    floor = json.loads(child.stdout)
    progress(f"floor {floor['seconds']:.2f} s")

    progress("import_file into a fresh journal, in a child process (its peak RSS is the import's)")
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench; "
            f"bench.import_child(bench.Path({str(bench.journal)!r}), bench.Path({str(bench.document)!r}))")
    child = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    imported = json.loads(child.stdout)
    seconds = imported["seconds"]
    conn = open_journal(bench.journal).connection()
    for table, expected in floor["counts"].items():
        got = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if got != expected:
            bench.failures.append(f"import: table {table} has {got} rows, the document holds {expected}")
    progress(f"import {seconds:.2f} s, peak RSS {imported['peak_mb']:.0f} MB")
    return [("import_s", round(seconds, 3), "s"), ("import_vs_floor_ratio", round(seconds / floor["seconds"], 2), "x"),
            ("import_peak_rss_mb", round(imported["peak_mb"]), "MB")]


def naive_health(conn: Any, as_of: date) -> dict[int, dict[str, Any]]:
    """DOMAIN.md's health figures recomputed the slow, obvious way from the raw tables.

    Deliberately independent of :mod:`dealjournal.health.touches` and :mod:`dealjournal.health.rules`:
    every interaction and share is read and folded in Python.
    """
    t = as_of.isoformat()
    stored = dict(conn.execute("SELECT key, value FROM setting").fetchall())
    window_days = json.loads(stored.get("window_days", str(domain.DEFAULT_WINDOW_DAYS)))
    cadences = dict(domain.DEFAULT_STAGE_CADENCE)
    cadences.update(json.loads(stored.get("stage_cadence_days", "{}")))
    start = (as_of - timedelta(days=window_days - 1)).isoformat()

    # contact -> [(day, time or None, in, out)]; a time only from an interaction's `at`, as HH:MM:SS
    touches: dict[int, list[tuple[str, str | None, int, int]]] = {}

    def add(cid: int, day: str, clock: str | None, n_in: int, n_out: int) -> None:
        if day <= t:
            touches.setdefault(cid, []).append((day, clock, n_in, n_out))

    for cid, at, direction in conn.execute("SELECT contact_id, at, direction FROM interaction"):
        day, _, clock = at.partition("T")
        clock = (clock + ":00")[:8] if clock else None
        if direction == "out":
            add(cid, day, clock, 0, 1)
        elif direction == "in":
            add(cid, day, clock, 1, 0)
        elif direction == "mutual":
            add(cid, day, clock, 1, 1)
    due = (as_of - timedelta(days=7)).isoformat()  # a week to respond to a share
    unanswered_shares: dict[int, int] = {}
    for cid, on_day, response, responded_on in conn.execute(
            "SELECT contact_id, on_day, response, responded_on FROM share"):
        add(cid, on_day, None, 0, 1)
        answered_on = responded_on or on_day
        if response != "none":
            add(cid, answered_on, None, 1, 0)
        if start <= on_day <= due and (response == "none" or answered_on > t):
            unanswered_shares[cid] = unanswered_shares.get(cid, 0) + 1
    follow_due = (as_of - timedelta(days=14)).isoformat()  # two weeks to follow back
    channels: dict[int, list[dict[str, str]]] = {}
    for cid, network, since, back in conn.execute(
            "SELECT contact_id, network, following_since, follows_back FROM channel ORDER BY id"):
        following = since is not None and since <= t
        if back == "no" and since is not None and since <= follow_due:
            channels.setdefault(cid, []).append({"network": network, "kind": "not_followed_back"})
        elif not following and back == "yes":
            channels.setdefault(cid, []).append({"network": network, "kind": "not_following_back"})

    result = {}
    for cid, stage, own, created in conn.execute(
            "SELECT id, stage, cadence_days, created_on FROM contact WHERE archived = 0"):
        mine = touches.get(cid, [])
        ins = [d for d, _, i, _ in mine if i]
        outs = [(d, clock) for d, clock, _, o in mine if o]
        last_in = max(ins, default=None)
        last_out = max((d for d, _ in outs), default=None)
        last = max(ins + [d for d, _ in outs], default=None)
        # The last inbound moment: its day and the latest time known among that day's inbound touches.
        l_time = max((c for d, c, i, _ in mine if i and d == last_in and c is not None), default=None)
        cadence = own if own is not None else cadences[stage]
        quiet = (as_of - date.fromisoformat(last or created)).days
        stale = cadence > 0 and quiet > cadence
        w_in = sum(i for d, _, i, _ in mine if start <= d <= t)
        w_out = sum(o for d, _, _, o in mine if start <= d <= t)
        both_timed = [(d, c) for d, c in outs if d == last_in and c is not None and l_time is not None]
        unanswered = sum(1 for d, _ in outs if last_in is None or d > last_in) + sum(
            1 for _, c in both_timed if c > l_time)
        answered = any(d > last_in or (d == last_in and not (c is not None and l_time is not None and c < l_time))
                       for d, c in outs) if last_in is not None else False
        owes = last_in is not None and not answered and (as_of - date.fromisoformat(last_in)).days > 2
        total = w_in + w_out
        giving = unanswered >= 3 or (total >= 4 and w_in / total < 0.25)
        taking = owes or (total >= 4 and w_out / total < 0.25)
        one_sided = None
        if giving and taking:
            one_sided = "giving" if unanswered >= 3 else "taking"
        elif giving:
            one_sided = "giving"
        elif taking:
            one_sided = "taking"
        result[cid] = {
            "cadence_days": cadence, "last_touch_on": last, "last_inbound_on": last_in,
            "last_outbound_on": last_out, "days_quiet": quiet, "stale": stale,
            "overdue_days": quiet - cadence if stale else None, "in_window_in": w_in, "in_window_out": w_out,
            "unanswered": unanswered, "owes_reply": owes, "one_sided": one_sided,
            "unanswered_shares": unanswered_shares.get(cid, 0), "follow_imbalance": channels.get(cid, []),
        }
    return result


_NAIVE_SQL = """
    WITH t AS (
        SELECT contact_id, day,
               CASE length(at) WHEN 16 THEN substr(at, 12) || ':00' WHEN 19 THEN substr(at, 12) END AS time,
               direction IN ('in', 'mutual') AS i, direction IN ('out', 'mutual') AS o
          FROM interaction WHERE direction <> 'none' AND day <= :t
        UNION ALL
        SELECT contact_id, on_day, NULL, 0, 1 FROM share WHERE on_day <= :t
        UNION ALL
        SELECT contact_id, coalesce(responded_on, on_day), NULL, 1, 0 FROM share
         WHERE response <> 'none' AND coalesce(responded_on, on_day) <= :t),
    agg AS (
        SELECT contact_id, max(CASE WHEN i THEN day END) AS last_in, max(CASE WHEN o THEN day END) AS last_out,
               sum(CASE WHEN day >= :start THEN i ELSE 0 END) AS w_in,
               sum(CASE WHEN day >= :start THEN o ELSE 0 END) AS w_out
          FROM t GROUP BY contact_id),
    moment AS (
        SELECT a.contact_id, a.last_in AS day, max(CASE WHEN t.i AND t.day = a.last_in THEN t.time END) AS time
          FROM agg a JOIN t ON t.contact_id = a.contact_id WHERE a.last_in IS NOT NULL GROUP BY a.contact_id),
    unans AS (
        SELECT t.contact_id, sum(t.o) AS n FROM t JOIN agg a ON a.contact_id = t.contact_id
          LEFT JOIN moment m ON m.contact_id = t.contact_id
         WHERE a.last_in IS NULL OR t.day > a.last_in OR (t.day = a.last_in AND t.time > m.time)
         GROUP BY t.contact_id),
    answered AS (
        SELECT DISTINCT t.contact_id FROM t JOIN moment m ON m.contact_id = t.contact_id
         WHERE t.o AND (t.day > m.day OR (t.day = m.day AND NOT coalesce(t.time < m.time, 0)))),
    shares AS (
        SELECT contact_id, count(*) AS n FROM share
         WHERE on_day BETWEEN :start AND :due AND (response = 'none' OR coalesce(responded_on, on_day) > :t)
         GROUP BY contact_id)
    SELECT c.id, c.name, c.stage, c.cadence_days, c.created_on, a.last_in, a.last_out,
           coalesce(u.n, 0), r.contact_id IS NOT NULL, coalesce(a.w_in, 0), coalesce(a.w_out, 0), coalesce(s.n, 0)
      FROM contact c LEFT JOIN agg a ON a.contact_id = c.id LEFT JOIN unans u ON u.contact_id = c.id
      LEFT JOIN answered r ON r.contact_id = c.id LEFT JOIN shares s ON s.contact_id = c.id
     WHERE c.archived = 0 ORDER BY c.id
"""


def naive_sql_health(conn: Any, as_of: date) -> list[Any]:
    """The same figures by one plain SQL query over the raw tables (no derived data), then
    the same rules (health.judge): the floor the engine's derived tables must beat."""
    from dealjournal.health import rules as health
    from dealjournal.store import settings

    current = settings.load()
    t = as_of.isoformat()
    start = (as_of - timedelta(days=current.window_days - 1)).isoformat()
    channels: dict[int, list[tuple[str, str | None, str]]] = {}
    for cid, network, since, back in conn.execute(
            "SELECT contact_id, network, following_since, follows_back FROM channel ORDER BY id"):
        channels.setdefault(cid, []).append((network, since, back))
    due = (as_of - timedelta(days=7)).isoformat()
    return [
        health.judge(contact_id=cid, name=name, stage=stage, own_cadence=own, created_on=created, last_in=last_in,
                     last_out=last_out, unanswered=unanswered, last_in_answered=bool(answered), window_in=w_in,
                     window_out=w_out, unanswered_shares=n_shares, channels=channels.get(cid, ()), as_of=as_of,
                     settings=current)
        for cid, name, stage, own, created, last_in, last_out, unanswered, answered, w_in, w_out, n_shares
        in conn.execute(_NAIVE_SQL, {"t": t, "start": start, "due": due})
    ]


def measure_health(bench: Bench) -> list[Figure]:
    from dealjournal.health import rules as health
    from dealjournal.store import open_journal

    conn = open_journal(bench.journal).connection()
    runs = 5
    progress(f"health.compute for all contacts, median of {runs}")
    fast_ms = median_ms(lambda: health.compute(TODAY), runs)
    progress(f"naive SQL recomputation, median of 3 ({fast_ms:.0f} ms for the real one)")
    naive_ms = median_ms(lambda: naive_sql_health(conn, TODAY), 3)
    if [h.to_json() for h in naive_sql_health(conn, TODAY)] != [h.to_json() for h in health.compute(TODAY)]:
        bench.failures.append("health: the naive SQL recomputation differs from health.compute")

    # Cross-check as of TODAY, and (untimed) as of a past day, when many contacts have
    # touches after the day and some were not yet created.
    for as_of in (TODAY, TODAY - timedelta(days=90)):
        cross_check(bench, conn, as_of)
    return [("health_all_ms", round(fast_ms, 1), "ms"),
            ("health_all_vs_naive_ratio", round(fast_ms / naive_ms, 3), "x")]


def cross_check(bench: Bench, conn: Any, as_of: date) -> None:
    """Record in *bench* every figure where health.compute and the naive recomputation differ."""
    from dealjournal.health import rules as health

    fast = {h.id: h.to_json() for h in health.compute(as_of)}
    naive = naive_health(conn, as_of)
    where = f"health as of {as_of}"
    if set(fast) != set(naive):
        bench.failures.append(f"{where}: contacts differ; only in health: {sorted(set(fast) - set(naive))[:10]}, "
                              f"only in naive: {sorted(set(naive) - set(fast))[:10]}")
    differing = 0
    for cid in sorted(set(fast) & set(naive)):
        for key, expected in naive[cid].items():
            got = fast[cid][key]
            if key == "follow_imbalance":
                got, expected = sorted(map(str, got)), sorted(map(str, expected))
            if got != expected:
                differing += 1
                if differing <= 20:
                    bench.failures.append(f"{where}: contact id {cid} {key}: health.compute says {got!r}, "
                                          f"the naive recomputation says {expected!r}")
    if differing > 20:
        bench.failures.append(f"{where}: … {differing} differing figures in all")
    progress(f"cross-check {where}: {differing} differing figures over {len(naive)} contacts")


def measure_health_one(bench: Bench) -> list[Figure]:
    from dealjournal.health import rules as health
    from dealjournal.store import open_journal

    conn = open_journal(bench.journal).connection()
    busy, touches = conn.execute(
        """SELECT contact_id, count(*) FROM interaction
            WHERE contact_id IN (SELECT id FROM contact WHERE archived = 0)
            GROUP BY contact_id ORDER BY 2 DESC, 1 LIMIT 1""").fetchone()
    progress(f"compute_one for the busiest contact ({touches} interactions), median of 21")
    figure = median_ms(lambda: health.compute_one(busy, TODAY), 21)
    one = health.compute_one(busy, TODAY)
    among_all = [h for h in health.compute(TODAY) if h.id == busy]
    if one is None or [one.to_json()] != [h.to_json() for h in among_all]:
        bench.failures.append(f"health: compute_one({busy}) differs from its row in compute()")
    return [("health_one_ms", round(figure, 2), "ms")]


def measure_peak_rss(bench: Bench) -> list[Figure]:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return [("peak_rss_mb", round(peak_kb / 1024, 1), "MB")]


def measure_bulk_tag(bench: Bench) -> list[Figure]:
    """``bulk_tag_10k_ms``: tagging 10,000 contacts selected in a list of 100k, the window's whole
    step (the selection's ids in the list's order, what undo needs, the bulk operation, and what
    the window's bus then does: a tag leaves health alone, so no health update); median of 5 after
    a warm-up, each undone (untimed) before the next. On the 100k-contact journal of the window's
    figures (built here if they did not run)."""
    from gui_figures import build_100k

    from dealjournal.ops import bulk
    from dealjournal.queries import contacts as q
    from dealjournal.store import open_journal

    path = bench.workdir / "contacts-100k.sqlite3"
    if not path.exists():
        progress("building a 100k-contact journal for the bulk figure")
        build_100k(path, bench.seed)
    open_journal(path, check=False)
    progress("tagging 10,000 selected contacts, median of 5")
    times = []
    for _ in range(6):
        start = time.perf_counter()
        ids = q.ordered_ids(q.ContactFilter(), "name", False, 20_000, 10_000)  # a Shift+click range of the list
        before = bulk.capture(ids, tag="bench-bulk")
        changes = bulk.add_tag(ids, "bench-bulk")
        times.append(time.perf_counter() - start)
        if len(changes.contact_ids) != 10_000 or changes.touches:
            bench.failures.append(f"bulk tag: {len(changes.contact_ids)} contacts tagged, 10000 selected")
        bulk.put_back(before)
    return [("bulk_tag_10k_ms", round(statistics.median(times[1:]) * 1000, 1), "ms")]


def _module_figures(module: str, name: str) -> Callable[[Bench], list[Figure]]:
    """A measurement of tests/perf/<module>.py, imported only when run; named ``module.name``."""
    def run(bench: Bench) -> list[Figure]:
        return getattr(__import__(module), name)(bench)  # type: ignore[no-any-return]
    run.__name__ = f"{module}.{name}"
    return run


# Measurements that work on their own files, not on the generated exchange document.
OWN_FILES = ("capture_figures.measure_capture", "imap_figures.measure_imap")

# Run in order; each returns its figures. Later figures append here.
MEASUREMENTS: list[Callable[[Bench], list[Figure]]] = [
    measure_import,
    # the command line's start, issue 16 (tests/perf/cli_figures.py)
    _module_figures("cli_figures", "measure_cli"),
    # sync between devices, issue 14 (tests/perf/sync_figures.py)
    _module_figures("sync_figures", "measure_sync"),
    measure_health, measure_health_one, measure_peak_rss,
    _module_figures("gui_figures", "measure_startup"), _module_figures("gui_figures", "measure_lists"),
    # contact-file imports, issue 4 (tests/perf/import_figures.py)
    _module_figures("import_figures", "measure_contact_imports"),
    # the Today agenda, issue 12 (tests/perf/today_figures.py)
    _module_figures("today_figures", "measure_today"),
    # bulk changes on a selection, issue "Today: … every entry editable"
    measure_bulk_tag,
    # capture, issue 13 (tests/perf/capture_figures.py)
    _module_figures("capture_figures", "measure_capture"),
    # fetching from an IMAP account, issue 15 (tests/perf/imap_figures.py)
    _module_figures("imap_figures", "measure_imap"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write the document and journals to DIR and keep them")
    parser.add_argument("--only", metavar="WORD",
                        help="run only the measurements whose function or module name holds WORD "
                             "(the document is generated only when one needs it)")
    parser.add_argument("--floor-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor_child:
        floor_child(args.size, args.seed, args.floor_child)
        return 0

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        workdir = args.keep
        for old in ("imported.sqlite3", "floor.sqlite3"):
            for suffix in ("", "-wal", "-shm"):
                (workdir / (old + suffix)).unlink(missing_ok=True)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="dealjournal-bench-"))
    bench = Bench(args.size, args.seed, workdir)
    chosen = [m for m in MEASUREMENTS if not args.only or args.only in m.__name__]
    try:
        if any(m.__name__ not in OWN_FILES for m in chosen):
            progress(f"generating {args.size} document (seed {args.seed})")
            start = time.perf_counter()
            write_document(bench.document, Generator(SIZES[args.size], args.seed))
            progress(f"generated {bench.document.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - start:.1f} s")
        for measure in chosen:
            for name, value, unit in measure(bench):
                print(f"{name} {value} {unit}", flush=True)
            if bench.failures:
                break
    finally:
        from dealjournal.store import close_journal

        close_journal()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    for failure in bench.failures:
        print(f"FAILED {failure}", file=sys.stderr)
    return 1 if bench.failures else 0


if __name__ == "__main__":
    os.environ.pop("DEALJOURNAL_DB", None)
    raise SystemExit(main())
