"""Contact-file import figures for the bench (issue "Import from the real world"):
``import_vcard_10k_s`` and ``import_linkedin_10k_s``.

Each generates a realistic, deterministic file of 10,000 contacts (vCard 3.0 as phones and
Google export it: folded lines, several e-mails and phones, quoted-printable notes, item
groups with X-ABLabel, ~2 % duplicates; LinkedIn ``Connections.csv`` with the ``Notes:``
preamble, all three date shapes and some rows without e-mail or URL), then times
parse + plan + apply into a fresh journal, end to end. Run alone::

    python tests/perf/import_figures.py [DIR]
"""

from __future__ import annotations

import csv
import io
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from bench import Bench, Figure

N = 10_000
GIVEN = ("Ada", "Zoë", "José", "Łukasz", "Priya", "Kwame", "Mariana", "Tomás", "Sophie", "Hiroshi", "Aigerim",
         "Daniel", "Emma", "Lucas", "Freya", "Mateo", "Hannah", "Ngozi", "Oliver", "Isabella", "Arjun", "Chloé",
         "Βαγγέλης", "Віталій", "Ñuño", "יעל", "Søren", "Olga", "Ravi", "Julia", "Marcus", "Leonie")
FAMILY = ("Lindqvist", "Marchetti", "Ramírez", "Nowicki", "Raghunathan", "Mensah", "Costa", "Ó Briain",
          "Dubois", "Tanaka", "Bekova", "Okafor", "Schneider", "Oliveira", "Andersen", "Fernández", "Whitfield",
          "Παπαθανασίου", "Кличко", "Yılmaz", "de Vries", "Kovačević", "Østergaard", "O'Connell", "Nkosi")
COMPANY_A = ("Nordlys", "Vela", "Andalus", "Wisła", "Jade River", "Tamar", "Dune", "Lotus", "Adinkra", "Atlântico",
             "Cliffside", "Maison", "Kumo", "Steppe", "Lagoon", "Bergfeld", "Ipê", "Fjord", "Pampa", "Greyhaven")
COMPANY_B = ("Energy", "Robotics", "Logistics", "Software", "Components", "Health", "Data", "Fintech", "Agritech",
             "Insurance", "Analytics", "Retail", "Mobility", "Telecom", "Payments", "Foods", "Legal", "Media")
TITLES = ("CEO", "CFO", "CTO", "Head of Procurement", "VP Operations", "IT Director", "Plant Manager",
          "Marketing Director", "Product Lead", "Founder", "Category Manager", "Owner")
CITIES = ("Stockholm", "Milan", "Seville", "Kraków", "Tel Aviv", "Bengaluru", "Accra", "Lisbon", "Lyon", "Osaka")


def _person(rng: random.Random, n: int) -> tuple[str, str, str, str, str]:
    given = rng.choice(GIVEN)
    family = rng.choice(FAMILY) + ("" if rng.random() < 0.5 else f"-{rng.choice(FAMILY)}")
    company = f"{rng.choice(COMPANY_A)} {rng.choice(COMPANY_B)}"
    return given, family, company, rng.choice(TITLES), f"p{n:05d}-{rng.randrange(10**6):06d}"


def _fold(line: str) -> str:
    out, chunk = [], line
    while len(chunk.encode("utf-8")) > 75:
        cut = 70
        while len(chunk[:cut].encode("utf-8")) > 75:
            cut -= 1
        out.append(chunk[:cut])
        chunk = " " + chunk[cut:]
    out.append(chunk)
    return "\r\n".join(out)


def write_vcards(path: Path, seed: int, n: int = N) -> None:
    """*n* vCard 3.0 cards (2 % of them repeat an earlier card's e-mail)."""
    rng = random.Random(seed)
    emails: list[str] = []
    with path.open("w", encoding="utf-8", newline="") as fh:
        for i in range(n):
            given, family, company, title, handle = _person(rng, i)
            email = f"{handle}@example.com" if not emails or rng.random() > 0.02 else rng.choice(emails)
            emails.append(email)
            lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{family};{given};;;", f"FN:{given} {family}",
                     f"ORG:{company};", f"TITLE:{title}", f"EMAIL;TYPE=INTERNET;TYPE=WORK:{email}",
                     f"item1.EMAIL;TYPE=INTERNET:{handle}.private@example.org", "item1.X-ABLabel:Private",
                     f"TEL;TYPE=CELL:+44 7700 {rng.randrange(10**6):06d}",
                     f"ADR;TYPE=WORK:;;{rng.randrange(1, 200)} High Street;{rng.choice(CITIES)};;;Country",
                     f"URL:https://www.linkedin.com/in/{handle}",
                     f"CATEGORIES:{rng.choice(('customers', 'prospects', 'partners'))},myContacts"]
            if rng.random() < 0.3:
                lines.append("NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Met at the trade fair=0D=0A"
                             "Interested in the pilot; call back in Q3")
            if rng.random() < 0.2:
                lines.append("NOTE:" + "Long history of the account, " * 8)
            lines.append("END:VCARD")
            fh.write("\r\n".join(_fold(line) for line in lines) + "\r\n")


def write_linkedin(path: Path, seed: int, n: int = N) -> None:
    """A ``Connections.csv`` of *n* rows, current layout with the ``Notes:`` preamble."""
    rng = random.Random(seed)
    buf = io.StringIO()
    buf.write("Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses "
              "are missing. You will only see email addresses for connections who have allowed their "
              "connections to see or download their email address using this setting.\"\r\n\r\n")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"])
    start = date(2012, 1, 1)
    for i in range(n):
        given, family, company, title, handle = _person(rng, i)
        day = start + timedelta(days=rng.randrange(5000))
        shape = rng.random()
        when = (day.strftime("%d %b %Y") if shape < 0.8 else
                f"{day.month}/{day.day}/{day:%y}, 6:14 PM" if shape < 0.9 else day.strftime("%-d-%b-%y"))
        email = f"{handle}@example.com" if rng.random() < 0.15 else ""
        url = f"https://www.linkedin.com/in/{handle}" if rng.random() < 0.97 else ""
        writer.writerow([given, family, url, email, company, title, when])
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")


def _time_import(source: Path, journal: Path) -> tuple[float, int, int]:
    """Seconds for parse + plan + apply into a fresh journal; contacts planned new and stored."""
    from dealjournal.contact_import import apply_plan, plan_import
    from dealjournal.importers import parse_file
    from dealjournal.store import close_journal, open_journal

    for suffix in ("", "-wal", "-shm"):
        Path(f"{journal}{suffix}").unlink(missing_ok=True)
    open_journal(journal)
    try:
        started = time.perf_counter()
        plan = plan_import(parse_file(source))
        apply_plan(plan)
        elapsed = time.perf_counter() - started
        from dealjournal.store.db import db

        stored = db.connection().execute("SELECT count(*) FROM contact").fetchone()[0]
        return elapsed, plan.new, stored
    finally:
        close_journal()


def measure_contact_imports(bench: Bench) -> list[Figure]:
    """The two import figures (the journal of the main bench is left alone)."""
    figures: list[Figure] = []
    for name, writer, suffix in (("import_vcard_10k_s", write_vcards, "vcf"),
                                 ("import_linkedin_10k_s", write_linkedin, "csv")):
        source = bench.workdir / f"contacts-10k.{suffix}"
        writer(source, bench.seed)
        print(f"[bench {time.strftime('%H:%M:%S')}] {name}: {source.stat().st_size / 1e6:.1f} MB",
              file=sys.stderr, flush=True)
        elapsed, planned, stored = _time_import(source, bench.workdir / "contacts-import.sqlite3")
        if planned != stored or stored < N * 0.95:
            bench.failures.append(f"{name}: {planned} contacts planned, {stored} stored")
        figures.append((name, round(elapsed, 2), "s"))
    return figures


if __name__ == "__main__":
    from dataclasses import dataclass, field

    @dataclass
    class _Alone:
        workdir: Path
        seed: int = 7
        failures: list[str] = field(default_factory=list)

    alone = _Alone(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="dj-import-")))
    for figure in measure_contact_imports(alone):  # type: ignore[arg-type]
        print(*figure)
    for failure in alone.failures:
        print(f"FAILED {failure}", file=sys.stderr)
    raise SystemExit(1 if alone.failures else 0)
