"""A realistic sample journal, for exploring the app and for demonstrations.

:func:`write_demo` creates a new journal file and fills it through the ordinary
operations (:mod:`dealjournal.ops`), so the sample exercises the same validation and the
same derived touch data as real use. Everything in it is invented: people, companies,
e-mail addresses (under the reserved ``.example`` domain) and phone numbers.

The sample is deterministic for a given *seed* and *today*, and it is built so that every
health state of DOMAIN.md occurs as of *today*: stale contacts (several overdue lengths),
one-sided giving (by unanswered touches and by window ratio), one-sided taking (owed
reply and ratio), healthy balanced relationships, a cadence of 0, an archived contact,
unanswered shares, both kinds of follow imbalance and contacts with no touch at all.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from dealjournal import domain, ops
from dealjournal.errors import JournalError
from dealjournal.store import gids
from dealjournal.store.db import close_journal, db, open_journal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Person:
    name: str
    given: str
    family: str
    handle: str  # ASCII, for e-mail addresses and social handles
    company: str
    title: str
    location: str
    dial: str  # country calling code; "" = no phone on file
    tags: tuple[str, ...]


_PEOPLE: tuple[_Person, ...] = (
    _Person("Ada Lindqvist", "Ada", "Lindqvist", "ada.lindqvist", "Nordlys Energy", "Head of Procurement",
            "Stockholm", "46", ("energy", "procurement")),
    _Person("Zoë Marchetti", "Zoë", "Marchetti", "zoe.marchetti", "Vela Robotics", "VP Operations",
            "Milan", "39", ("robotics", "manufacturing")),
    _Person("José Ramírez Ortega", "José", "Ramírez Ortega", "jose.ramirez", "Andalus Logistics", "COO",
            "Seville", "34", ("logistics",)),
    _Person("Łukasz Nowicki", "Łukasz", "Nowicki", "lukasz.nowicki", "Wisła Software House", "CTO",
            "Kraków", "48", ("software", "cto")),
    _Person("陈静", "静", "陈", "chen.jing", "Jade River Components", "Supply Chain Director",
            "Shenzhen", "86", ("manufacturing", "supply-chain")),
    _Person("יעל כהן", "יעל", "כהן", "yael.cohen", "Tamar Health Tech", "Product Lead",
            "Tel Aviv", "972", ("healthtech", "referrer")),
    _Person("عمر الفارسي", "عمر", "الفارسي", "omar.alfarsi", "Dune Data", "Head of IT",
            "Muscat", "968", ("it", "data")),
    _Person("Priya Raghunathan", "Priya", "Raghunathan", "priya.r", "Lotus Fintech", "CFO",
            "Bengaluru", "91", ("fintech", "finance")),
    _Person("Kwame Mensah", "Kwame", "Mensah", "kwame", "Adinkra Agritech", "Founder & CEO",
            "Accra", "", ("agritech", "startup")),
    _Person("Mariana Costa", "Mariana", "Costa", "mariana.costa", "Atlântico Seguros", "Head of Claims",
            "Lisbon", "351", ("insurance",)),
    _Person("Tomás Ó Briain", "Tomás", "Ó Briain", "tomas.obriain", "Cliffside Analytics", "Data Lead",
            "Galway", "", ("data",)),
    _Person("Sophie Dubois", "Sophie", "Dubois", "sophie.dubois", "Maison Verre", "Marketing Director",
            "Lyon", "33", ("retail", "marketing")),
    _Person("Hiroshi Tanaka", "Hiroshi", "Tanaka", "h.tanaka", "Kumo Mobility", "Engineering Manager",
            "Osaka", "", ("mobility",)),
    _Person("Aigerim Bekova", "Aigerim", "Bekova", "aigerim.bekova", "Steppe Telecom", "Procurement Manager",
            "Almaty", "7", ("telecom", "procurement")),
    _Person("Daniel Okafor", "Daniel", "Okafor", "daniel.okafor", "Lagoon Payments", "Head of Partnerships",
            "Lagos", "234", ("fintech", "partnerships")),
    _Person("Emma Schneider", "Emma", "Schneider", "emma.schneider", "Bergfeld Maschinenbau", "Plant Manager",
            "Stuttgart", "49", ("manufacturing",)),
    _Person("Lucas Oliveira", "Lucas", "Oliveira", "lucas.oliveira", "Ipê Retail", "E-commerce Lead",
            "São Paulo", "55", ("retail", "e-commerce")),
    _Person("Freya Andersen", "Freya", "Andersen", "freya.andersen", "Fjord Foods", "Category Manager",
            "Aarhus", "45", ("food",)),
    _Person("Mateo Fernández", "Mateo", "Fernández", "mateo.fernandez", "Pampa Agro", "Operations Manager",
            "Córdoba", "54", ("agritech",)),
    _Person("Hannah Whitfield", "Hannah", "Whitfield", "hannah.whitfield", "Greyhaven Legal", "Practice Manager",
            "Manchester", "44", ("legal",)),
    _Person("Ngozi Eze", "Ngozi", "Eze", "ngozi.eze", "Sahel Solar", "Project Director",
            "Abuja", "234", ("energy", "solar")),
    _Person("Oliver Grant", "Oliver", "Grant", "oliver.grant", "Thistle Outdoor", "Head of Digital",
            "Edinburgh", "44", ("retail", "e-commerce")),
    _Person("Isabella Rossi", "Isabella", "Rossi", "isabella", "Terracotta Interiors", "Owner",
            "Florence", "", ("small-business",)),
    _Person("Arjun Mehta", "Arjun", "Mehta", "arjun.mehta", "Monsoon Cloud", "Solutions Architect",
            "Pune", "91", ("software", "cloud")),
    _Person("Chloé Martin", "Chloé", "Martin", "chloe.martin", "Pivoine Cosmetics", "Brand Manager",
            "Paris", "33", ("retail", "marketing")),
    _Person("Sven Johansson", "Sven", "Johansson", "sven", "Ekholm Timber", "Managing Director",
            "Umeå", "46", ("manufacturing",)),
    _Person("Amara Diallo", "Amara", "Diallo", "amara.diallo", "Baobab Microfinance", "Head of Risk",
            "Dakar", "221", ("fintech", "risk")),
    _Person("Jack O'Connell", "Jack", "O'Connell", "jack.oconnell", "Harbourlight Media", "Editor-in-Chief",
            "Dublin", "353", ("media",)),
    _Person("Mei Ling Tan", "Mei Ling", "Tan", "meiling.tan", "Straits Biotech", "Lab Operations Lead",
            "Singapore", "65", ("biotech",)),
    _Person("Rafael Domínguez", "Rafael", "Domínguez", "rafael.dominguez", "Sierra Hospitality",
            "Revenue Manager", "Madrid", "34", ("hospitality",)),
    _Person("Grace Kim", "Grace", "Kim", "grace.kim", "Hanbit Learning", "Head of Content",
            "Seoul", "82", ("education",)),
    _Person("Noah Williams", "Noah", "Williams", "noah.williams", "Redwood Clinics", "IT Director",
            "Portland", "1", ("healthcare", "it")),
    _Person("Elif Yılmaz", "Elif", "Yılmaz", "elif.yilmaz", "Boğaziçi Textiles", "Export Manager",
            "Istanbul", "90", ("manufacturing", "export")),
    _Person("Pieter de Vries", "Pieter", "de Vries", "pieter.devries", "Polder Water Tech", "R&D Manager",
            "Delft", "31", ("water", "r-and-d")),
    _Person("Fatima Zahra Benali", "Fatima Zahra", "Benali", "fz.benali", "Atlas Pharma",
            "Regulatory Affairs Lead", "Casablanca", "212", ("pharma",)),
    _Person("Liam Murphy", "Liam", "Murphy", "liam.murphy", "Shamrock Freight", "Fleet Manager",
            "Cork", "", ("logistics",)),
    _Person("Ana Kovačević", "Ana", "Kovačević", "ana.kovacevic", "Adriatic Yachts", "Sales Director",
            "Split", "385", ("hospitality", "sales")),
    _Person("Ethan Brooks", "Ethan", "Brooks", "ethan.brooks", "Prairie Insurance", "Underwriting Lead",
            "Calgary", "1", ("insurance",)),
    _Person("Olga Ivanova", "Olga", "Ivanova", "olga.ivanova", "Baltic Print Group", "Production Planner",
            "Riga", "371", ("manufacturing",)),
    _Person("Samuel Adeyemi", "Samuel", "Adeyemi", "samuel.adeyemi", "Eko Health", "Medical Director",
            "Lagos", "234", ("healthcare",)),
    _Person("Charlotte Evans", "Charlotte", "Evans", "charlotte.evans", "Kestrel Architects", "Partner",
            "Bristol", "44", ("architecture",)),
    _Person("Diego Herrera", "Diego", "Herrera", "diego.herrera", "Andes Mining Services", "Safety Manager",
            "Santiago", "56", ("mining", "safety")),
    _Person("Nadia Haddad", "Nadia", "Haddad", "nadia.haddad", "Cedar Events", "Event Director",
            "Beirut", "961", ("events",)),
    _Person("Ravi Shankar", "Ravi", "Shankar", "ravi.shankar", "Indus Textiles", "Plant Head",
            "Ahmedabad", "91", ("manufacturing",)),
    _Person("Julia Novak", "Julia", "Novák", "julia.novak", "Vltava Brewing", "Marketing Manager",
            "Prague", "420", ("food", "marketing")),
    _Person("Marcus Lee", "Marcus", "Lee", "marcus.lee", "Blue Gum Ventures", "Investment Associate",
            "Melbourne", "61", ("investor",)),
    _Person("Leonie Wagner", "Leonie", "Wagner", "leonie.wagner", "Alpenblick Hotels", "Guest Experience Lead",
            "Innsbruck", "43", ("hospitality",)),
    _Person("Thabo Nkosi", "Thabo", "Nkosi", "thabo.nkosi", "Highveld Water", "Operations Director",
            "Johannesburg", "27", ("water", "operations")),
)

# (title, kind, origin, author, topics, summary)
_CONTENT: tuple[tuple[str, str, str, str, tuple[str, ...], str], ...] = (
    ("Five questions to ask before you automate procurement", "blog-post", "mine", "Brightline Advisory",
     ("procurement", "automation"), "My checklist from a dozen rollouts."),
    ("How Fjordline cut month-end close to three days", "case-study", "mine", "Brightline Advisory",
     ("finance", "case-study"), "A customer story with the numbers."),
    ("Supply chain resilience in 2025", "whitepaper", "third-party", "Harbor Research Institute",
     ("supply-chain", "risk"), "Survey of 400 operations leaders."),
    ("The true cost of manual data entry", "infographic", "third-party", "Ledgerline Labs",
     ("finance", "automation"), ""),
    ("Onboarding a distributed team in 30 days", "ebook", "third-party", "Remote Works Press",
     ("people", "onboarding"), "Practical playbook with templates."),
    ("Demo: reporting module walkthrough", "video", "mine", "Brightline Advisory",
     ("reporting", "product"), "Twelve minutes, no slides."),
    ("Why pilots stall — and how to rescue one", "article", "third-party", "Operations Quarterly",
     ("change-management",), ""),
    ("Energy procurement after the price shock", "podcast", "third-party", "The Grid Talk",
     ("energy", "procurement"), "Episode 87, from minute 14."),
    ("Warehouse slotting: a field guide", "ebook", "third-party", "Pallet & Co.",
     ("logistics", "warehousing"), ""),
    ("ROI calculator for workflow automation", "template", "mine", "Brightline Advisory",
     ("finance", "automation"), "Spreadsheet; fill in the blue cells."),
    ("Webinar: building a business case your CFO will sign", "webinar", "mine", "Brightline Advisory",
     ("finance", "business-case"), "Recording and slides."),
    ("Cybersecurity basics for small clinics", "article", "third-party", "HealthIT Weekly",
     ("healthcare", "security"), ""),
    ("The hidden queue: lead times in contract manufacturing", "blog-post", "third-party", "Factory Floor Notes",
     ("manufacturing", "supply-chain"), ""),
    ("Customer interviews that don't lead the witness", "video", "third-party", "Product Circle",
     ("product", "research"), "Good for product teams."),
    ("Solar project finance explained", "infographic", "third-party", "Sunward Analysts",
     ("energy", "finance"), ""),
    ("What we learned from 50 ERP migrations", "case-study", "mine", "Brightline Advisory",
     ("erp", "migration"), ""),
    ("Regulatory change tracker — template", "template", "third-party", "Compliance Commons",
     ("regulation", "pharma"), ""),
    ("Hospitality pricing in a volatile market", "article", "third-party", "Travel Trade Review",
     ("hospitality", "pricing"), ""),
    ("Fleet electrification: total cost of ownership", "whitepaper", "third-party", "Mobility Futures Lab",
     ("logistics", "energy"), ""),
    ("Notes from the Lisbon operations summit", "other", "mine", "Brightline Advisory",
     ("events",), "My takeaways, two pages."),
)

_OUT = ("Sent a recap of our call", "Followed up on the pricing question", "Shared the agenda for next week",
        "Asked how the pilot is going", "Introduced them to a peer in the same industry",
        "Checked in after their product launch", "Sent the revised proposal", "Asked about their Q3 priorities")
_IN = ("Replied with questions about onboarding", "Asked for a reference customer",
       "Sent feedback on the proposal", "Shared their RFP timeline", "Thanked me for the article",
       "Asked whether we integrate with their ERP", "Sent the org chart of the project team")
_MUTUAL = ("Discovery call", "Quarterly review", "Coffee at the trade fair", "Demo of the reporting module",
           "Workshop on their goals", "Lunch near their office", "Planning call with their team")
_SOCIAL_OUT = ("Commented on their post about hiring", "Congratulated them on the award",
               "Shared their article with a comment")
_SOCIAL_IN = ("Commented on my post about pilots", "Reshared my case study", "Liked and commented on my video")
_NOTES = ("Budget cycle starts in April", "Prefers short e-mails; no calls before 10",
          "Two kids, coaches football on Saturdays", "Their CFO signs anything above 50k",
          "Mentioned a competitor's trial ends in autumn")
_GOALS = (
    ("Cut month-end close to three days", "Manual reconciliations take a week; audit next spring."),
    ("Reduce supplier lead times by 20%", "Two key suppliers in Asia are the bottleneck."),
    ("Launch the new e-shop before peak season", "Replatforming; agency chosen, data migration open."),
    ("Pass the ISO 27001 audit", "Gap analysis done; policies missing."),
    ("Onboard 40 new field staff", "Seasonal hiring; training is the bottleneck."),
    ("Consolidate three ERPs into one", "After the merger; board wants one set of numbers."),
    ("Lower energy cost per unit by 15%", "Price shock last winter; fixed contract ends in June."),
    ("Get regulatory approval in two new markets", "Dossiers for Morocco and Tunisia."),
    ("Raise guest satisfaction above 4.6", "Reviews mention check-in queues."),
    ("Electrify half of the delivery fleet", "Depot charging capacity is the question."),
)
_NETWORK_WEIGHTS = (("linkedin", 10), ("x", 4), ("blog", 2), ("youtube", 2), ("github", 1), ("newsletter", 2),
                    ("instagram", 2), ("mastodon", 1), ("bluesky", 1), ("podcast", 1))
_NETWORK_URL = {
    "linkedin": "https://www.linkedin.example/in/{h}", "x": "https://x.example/{h}",
    "blog": "https://{h}.blog.example", "youtube": "https://video.example/@{h}",
    "github": "https://code.example/{h}", "newsletter": "https://{h}.letters.example",
    "instagram": "https://photos.example/{h}", "mastodon": "https://social.example/@{h}",
    "bluesky": "https://sky.example/profile/{h}", "podcast": "https://pods.example/{h}",
}
_SOURCES = ("conference", "referral", "inbound website form", "LinkedIn", "webinar", "trade fair", "cold outreach")


@dataclass
class _Plan:
    """How one person's year is written: stage path, created day, last exchange and a tail."""

    stage: str
    created_ago: int
    last_exchange_ago: int | None  # None: no exchanges at all
    cadence: int | None = None
    path: tuple[str, ...] = ()  # stages after "lead", in order (may go back)
    archived: bool = False
    tail: Callable[[_Builder, int], None] | None = None
    shares: bool = True
    # channel overrides: (network, following, follows_back)
    channels: tuple[tuple[str, bool, str], ...] = ()
    exchange_from_ago: int | None = None  # first exchange (default: shortly after created)


_REMINDERS_AGO = (2, 0, -2, -6, -11)  # days before today (negative: to come)
_REMINDER_TEXTS = ("Send the signed NDA back", "Ask how the pilot went", "Congratulate them on the product launch",
                   "Share the benchmark report before their board meeting", "Check in after the trade fair")


def _ago(today: date, days: int) -> date:
    return today - timedelta(days=days)


class _Builder:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.content: list[int] = []
        self.goals: dict[int, list[tuple[int, int]]] = {}  # contact -> [(goal id, created ago)]
        self.created: dict[int, int] = {}  # contact -> created, days ago

    # --- small helpers -------------------------------------------------------------------

    def day(self, days_ago: int) -> str:
        return _ago(self.today, days_ago).isoformat()

    def at(self, days_ago: int) -> str:
        hour = self.rng.randint(8, 17)
        minute = self.rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
        return f"{self.day(days_ago)}T{hour:02d}:{minute:02d}"

    def goal_for(self, cid: int, days_ago: int) -> int | None:
        """One of the contact's goals already set on that day, sometimes."""
        goals = [gid for gid, created in self.goals.get(cid, ()) if created >= days_ago]
        if goals and self.rng.random() < 0.4:
            return self.rng.choice(goals)
        return None

    def log(self, cid: int, days_ago: int, kind: str, direction: str, summary: str, **extra: object) -> int:
        if "goal_id" not in extra:
            extra["goal_id"] = self.goal_for(cid, days_ago) if direction != "none" else None
        found = ops.log_interaction(cid, kind=kind, direction=direction, at=self.at(days_ago),
                                    summary=summary, **extra).id
        assert found is not None
        return found

    def out(self, cid: int, days_ago: int, *, follow_up: bool = True) -> None:
        kind = self.rng.choice(("email", "email", "email", "message", "call"))
        direction = "out"
        summary = self.rng.choice(_OUT)
        if kind == "call":
            summary = "Left a voicemail"
        extra: dict[str, object] = {}
        if kind == "message":
            extra["channel"] = self.rng.choice(("linkedin", "whatsapp", "signal"))
        if follow_up and self.rng.random() < 0.25:
            due_ago = days_ago - self.rng.randint(3, 14)
            extra["follow_up_on"] = self.day(due_ago)
            extra["follow_up_done"] = due_ago > 0 and self.rng.random() < 0.8
        self.log(cid, days_ago, kind, direction, summary, **extra)

    def inbound(self, cid: int, days_ago: int) -> None:
        if self.rng.random() < 0.2:
            self.log(cid, days_ago, "social", "in", self.rng.choice(_SOCIAL_IN), channel="linkedin")
        else:
            self.log(cid, days_ago, self.rng.choice(("email", "email", "message")), "in", self.rng.choice(_IN))

    def exchange(self, cid: int, end_ago: int) -> None:
        """One back-and-forth that ends with your reply or a joint meeting on *end_ago*."""
        kind = self.rng.random()
        if kind < 0.35:
            self.out(cid, end_ago + self.rng.randint(1, 3), follow_up=False)
            meeting = self.rng.choice(("meeting", "call", "call", "event"))
            self.log(cid, end_ago, meeting, "mutual", self.rng.choice(_MUTUAL))
        elif kind < 0.65:
            lag = self.rng.randint(0, 2)
            self.inbound(cid, end_ago + lag)
            self.out(cid, end_ago)
        elif kind < 0.9:
            lag1, lag2 = self.rng.randint(0, 2), self.rng.randint(1, 3)
            self.out(cid, end_ago + lag1 + lag2, follow_up=False)
            self.inbound(cid, end_ago + lag1)
            self.out(cid, end_ago)
        else:
            self.log(cid, end_ago + self.rng.randint(0, 3), "social", "in", self.rng.choice(_SOCIAL_IN),
                     channel="linkedin")
            self.log(cid, end_ago, "social", "out", self.rng.choice(_SOCIAL_OUT), channel="linkedin")
        if self.rng.random() < 0.08:
            self.log(cid, end_ago, "note", "none", self.rng.choice(_NOTES))

    def share(self, cid: int, days_ago: int, response: str | None = None, *, latest_response_ago: int = 0) -> None:
        content = self.rng.choice(self.content)
        via = self.rng.choice(("email", "email", "linkedin", "in-person", "x"))
        note = self.rng.choice(("Thought of you after our call", "Relevant to your rollout",
                                "You mentioned this problem in March", ""))
        goal = self.goal_for(cid, days_ago)
        share_id = ops.record_share(content, [cid], on=self.day(days_ago), via=via, note=note, goal_id=goal).id
        assert share_id is not None
        if response is None:
            response = self.rng.choices(domain.RESPONSES, weights=(3, 3, 3, 1))[0]
        if response != "none":
            responded = max(days_ago - self.rng.randint(0, 4), latest_response_ago)
            on = self.day(responded) if self.rng.random() < 0.9 else None
            ops.set_share_response(share_id, response, on)

    # --- building ------------------------------------------------------------------------

    def build(self) -> None:
        for title, kind, origin, author, topics, summary in _CONTENT:
            slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
            host = "brightline.example" if origin == "mine" else "library.example"
            item = ops.add_content(title, kind=kind, origin=origin, author=author, topics=list(topics),
                                   summary=summary, url=f"https://{host}/{slug[:48]}")
            assert item.id is not None
            self.content.append(item.id)
        plans = _plans(self.rng)
        for person, plan in zip(_PEOPLE, plans):
            self.person(person, plan)
        self.reminders()

    def reminders(self) -> None:
        """A few "remind me to …" of the days around today: one late, one today, some coming."""
        ids = [row[0] for row in db.connection().execute("SELECT id FROM contact ORDER BY id LIMIT 12")]
        for cid, days_ago, text in zip(ids[::2], _REMINDERS_AGO, _REMINDER_TEXTS):
            ops.add_reminder(cid, self.day(days_ago), text)

    def person(self, p: _Person, plan: _Plan) -> None:
        rng = self.rng
        domain_name = p.company.lower().replace(" ", "-").replace("&", "and")
        domain_name = "".join(ch for ch in domain_name if ch.isascii() and (ch.isalnum() or ch == "-"))
        emails = [("work", f"{p.handle}@{domain_name}.example")]
        if rng.random() < 0.3:
            emails.append(("personal", f"{p.handle.replace('.', '')}@mail.example"))
        phones = []
        if p.dial:
            phones.append(("mobile", f"+{p.dial} 555 01{rng.randint(0, 99):02d}"))
            if rng.random() < 0.3:
                phones.append(("work", f"+{p.dial} 555 02{rng.randint(0, 99):02d}"))
        cid = ops.add_contact(
            p.name, created_on=self.day(plan.created_ago), given_name=p.given, family_name=p.family,
            company=p.company, title=p.title, location=p.location, emails=emails, phones=phones,
            tags=list(p.tags), source=rng.choice(_SOURCES), cadence_days=plan.cadence,
            buying_style=rng.choices(domain.BUYING_STYLES, weights=(3, 4, 2))[0],
            website=f"https://www.{domain_name}.example",
            notes=rng.choice(("", "", "Met through the regional operations network.",
                              "Prefers concrete numbers over slides.")),
        ).id
        assert cid is not None
        self.created[cid] = plan.created_ago
        self.channels(cid, p, plan)

        # Stage history, spread over the first two thirds of the relationship.
        path = plan.path or _path_to(plan.stage)
        span = max(plan.created_ago * 2 // 3, len(path))
        for i, stage in enumerate(path):
            ops.set_stage(cid, stage, on=self.day(plan.created_ago - (i + 1) * span // (len(path) + 1)))

        # Goals for people who are past the lead stage.
        if plan.stage != "lead" and plan.created_ago > 40:
            for _ in range(rng.choice((1, 1, 2))):
                title, details = rng.choice(_GOALS)
                created = rng.randint(20, plan.created_ago - 10)
                target = created - rng.randint(45, 240)
                goal_id = ops.add_goal(cid, title, details=details, priority=rng.choice(domain.PRIORITIES),
                                       created_on=self.day(created), target_on=self.day(target)).id
                assert goal_id is not None
                self.goals.setdefault(cid, []).append((goal_id, created))
                if target > 0 and rng.random() < 0.7:
                    closed = max(0, target + rng.randint(-20, 10))
                    closed = min(closed, created)
                    ops.close_goal(goal_id, rng.choice(("achieved", "achieved", "dropped")), on=self.day(closed))

        if plan.last_exchange_ago is not None:
            first = plan.exchange_from_ago or plan.created_ago - rng.randint(6, 9)
            days = []
            d = plan.last_exchange_ago
            while d <= first:
                days.append(d)
                d += self._gap(plan, d)
            for end in reversed(days):
                self.exchange(cid, end)
            if plan.shares and first - plan.last_exchange_ago > 10:
                for _ in range(rng.randint(1, 5)):
                    on = rng.randint(plan.last_exchange_ago + 4, first)
                    self.share(cid, on, latest_response_ago=plan.last_exchange_ago)
        if plan.tail is not None:
            plan.tail(self, cid)
        if plan.archived:
            ops.archive_contact(cid)

    def _gap(self, plan: _Plan, days_ago: int) -> int:
        """Days between exchanges: a bit under the cadence, sparser in the first half of the relationship."""
        cadence = plan.cadence or domain.DEFAULT_STAGE_CADENCE[plan.stage]
        if days_ago > plan.created_ago // 2:  # earlier in the relationship: less frequent
            cadence = max(cadence, 30)
        cadence = max(cadence, 10)
        return self.rng.randint(cadence * 3 // 5, cadence * 19 // 20)

    def channels(self, cid: int, p: _Person, plan: _Plan) -> None:
        rng = self.rng
        if plan.channels:
            chosen = list(plan.channels)
        else:
            networks = [n for n, _ in _NETWORK_WEIGHTS]
            weights = [w for _, w in _NETWORK_WEIGHTS]
            picked: list[str] = []
            for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
                net = rng.choices(networks, weights=weights)[0]
                if net not in picked:
                    picked.append(net)
            chosen = [(net, rng.random() < 0.8, rng.choices(domain.FOLLOWS_BACK, weights=(5, 2, 3))[0])
                      for net in picked]
        for net, following, back in chosen:
            handle = p.handle.replace(".", "_") if net in ("x", "instagram", "github") else p.handle
            since = self.day(max(0, plan.created_ago - rng.randint(0, 10))) if following else None
            ops.add_channel(cid, net, handle=handle, url=_NETWORK_URL[net].format(h=handle),
                            following_since=since, follows_back=back)


def _path_to(stage: str) -> tuple[str, ...]:
    return domain.STAGES[1:domain.STAGES.index(stage) + 1]


# --- the tails that make each health state occur ------------------------------------------

def _tail_giving_unanswered(b: _Builder, cid: int) -> None:
    # Four touches in a row after their last reply (45 days ago): giving, by unanswered.
    b.log(cid, 35, "email", "out", "Asked whether the pilot dates still hold")
    b.share(cid, 24, "none")
    b.log(cid, 13, "message", "out", "Quick nudge about the pilot", channel="linkedin")
    b.log(cid, 5, "email", "out", "Offered two slots for a short call",
          follow_up_on=b.day(-2), follow_up_done=False)


def _tail_giving_ratio(b: _Builder, cid: int) -> None:
    # Months of giving with one short answer lately: giving by ratio, unanswered only 1.
    for days in (170, 140, 110, 80):
        b.share(cid, days, "none")
    for days in (155, 125, 95, 65, 35):
        b.log(cid, days, "email", "out", b.rng.choice(_OUT), follow_up_on=None)
    b.log(cid, 6, "email", "in", "Short reply: busy with the audit, will come back")
    b.log(cid, 4, "email", "out", "Wished them luck with the audit")


def _tail_owes_reply(b: _Builder, cid: int) -> None:
    b.log(cid, 6, "email", "in", "Asked for a quote for the second site")


def _tail_taking_ratio(b: _Builder, cid: int) -> None:
    # They keep sending referrals and comments; you rarely reach out: taking by ratio.
    for days in (170, 150, 130, 115, 95, 75, 55, 35, 20, 10):
        if days % 20 == 15:
            b.log(cid, days, "social", "in", b.rng.choice(_SOCIAL_IN), channel="linkedin")
        else:
            b.log(cid, days, "email", "in", "Sent a referral: a peer looking for help with reporting")
    b.log(cid, 100, "email", "out", "Thanked them for the referral")
    b.log(cid, 9, "email", "out", "Thanked them for the introduction")


def _tail_overdue_follow_up(b: _Builder, cid: int) -> None:
    b.log(cid, 14, "note", "none", "Promised them the security questionnaire",
          follow_up_on=b.day(5), follow_up_done=False)


def _tail_note_only(b: _Builder, cid: int) -> None:
    b.log(cid, 8, "note", "none", "Met briefly at the agritech meetup; connect after the harvest season",
          follow_up_on=b.day(0), follow_up_done=False)


def _tail_healthy(b: _Builder, cid: int) -> None:
    b.share(cid, 20, "acted", latest_response_ago=3)
    b.share(cid, 30, "seen", latest_response_ago=3)
    b.share(cid, 9, "replied", latest_response_ago=3)


def _plans(rng: random.Random) -> list[_Plan]:
    """One plan per person: the first ones cover each health state, the rest are ordinary."""
    special = [
        # healthy, balanced customer; not followed back on LinkedIn
        _Plan("customer", 330, 3, tail=_tail_healthy,
              channels=(("linkedin", True, "no"), ("blog", True, "unknown"))),
        _Plan("engaged", 260, 45, tail=_tail_giving_unanswered),
        _Plan("customer", 300, 20, tail=_tail_owes_reply),
        _Plan("opportunity", 200, 12, path=("engaged", "opportunity"), tail=_tail_overdue_follow_up),
        _Plan("engaged", 330, 200, tail=_tail_giving_ratio, exchange_from_ago=320),
        # an advocate who follows you on X while you don't follow back
        _Plan("advocate", 360, 190, tail=_tail_taking_ratio,
              channels=(("linkedin", True, "yes"), ("x", False, "yes"), ("podcast", True, "unknown"))),
        _Plan("customer", 280, 41),  # stale, 11 days overdue
        _Plan("customer", 340, 220, cadence=0),  # never flagged as stale
        _Plan("lead", 10, None, tail=_tail_note_only, shares=False,
              channels=(("linkedin", False, "unknown"),)),  # no touch yet, not stale
        _Plan("engaged", 300, 200, archived=True),
        _Plan("lead", 150, 95),  # stale, 65 days overdue
        _Plan("engaged", 240, 50, cadence=21),  # own cadence, 29 days overdue
        _Plan("lead", 45, None, shares=False, channels=(("github", True, "no"),)),  # stale with no touch
        # a deal that went back a stage
        _Plan("engaged", 250, 6, path=("engaged", "opportunity", "engaged")),
    ]
    plans = list(special)
    stages = ("lead", "engaged", "opportunity", "customer", "advocate", "customer", "engaged", "lead")
    while len(plans) < len(_PEOPLE):
        stage = stages[len(plans) % len(stages)]
        cadence = None
        if rng.random() < 0.1:
            cadence = rng.choice((10, 21, 45))
        effective = cadence or domain.DEFAULT_STAGE_CADENCE[stage]
        created = rng.randint(60, 365)
        plans.append(_Plan(stage, created, rng.randint(0, max(1, effective * 4 // 5)), cadence=cadence))
    return plans


# --- entry point ----------------------------------------------------------------------------

def write_demo(path: Path, today: date | None = None, seed: int = 7) -> None:
    """Create a new sample journal at *path* (which must not exist yet), as of *today*.

    The journal is built through the ordinary operations in one transaction and is left
    closed. Note that :func:`~dealjournal.store.db.open_journal` uses the process-wide
    connection, so a journal that was open before is closed too.
    """
    path = Path(path)
    if path.exists():
        raise JournalError(f"{path} already exists; the sample journal is only written to a new file.")
    today = today or domain.today()
    open_journal(path)
    try:
        # The same gids each time too (the same file for the same seed and day).
        start_ms = int(datetime(today.year, today.month, today.day, tzinfo=timezone.utc).timestamp()) * 1000
        with db.atomic(), gids.deterministic(f"sample journal {seed}", start_ms):
            _Builder(random.Random(seed), today).build()
    except BaseException:
        close_journal()
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        raise
    close_journal()
    log.info("Sample journal written (%d people)", len(_PEOPLE))
