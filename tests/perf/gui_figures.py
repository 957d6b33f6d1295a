"""The window's figures for the bench (issue "desktop app"): start-up, search, sort, contact page, memory.

Start-up and memory are measured in child processes (``first_paint.py``); search, sort and
opening a contact in this process, offscreen, on a journal of 100k contacts built here.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench import Bench, Figure

HERE = Path(__file__).resolve().parent
FIRST = "Ada Bob Carla Dmitri Elena Farah Gus Hana Ivan Jia Kofi Lena Marta Nils Olga Pedro Qin Rosa Sven".split()
LAST = "Byron Santos Ivanov Rossi Khan Berg Sato Petrov Chen Mensah Novak Silva Larsen Costa Wang Diaz".split()


def _progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _child(journal: Path, settle: bool) -> dict[str, float]:
    args = [sys.executable, str(HERE / "first_paint.py"), str(journal)] + (["--settle"] if settle else [])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600, check=True).stdout
    return {name: float(value) for name, value in (line.split() for line in out.splitlines() if line.strip())}


def _heavy_journal(bench: Bench) -> Path:
    """The imported journal (imported here when run alone: ``--only gui``), closed in this process."""
    from bench import progress

    from dealjournal import interchange
    from dealjournal.store import close_journal, open_journal

    if not bench.journal.exists():
        progress("importing the document for the window's figures")
        open_journal(bench.journal)
        interchange.import_file(bench.document)
    close_journal()  # the children open it: this process must not hold its lock
    return bench.journal


def measure_startup(bench: Bench) -> list[Figure]:
    from dealjournal.store import close_journal, open_journal

    journal = _heavy_journal(bench)
    empty = bench.workdir / "empty.sqlite3"
    open_journal(empty)
    close_journal()
    runs = 5
    _progress(f"first paint, empty and heavy journal, median of {runs} each")
    _child(empty, False)  # warm the file cache
    empty_ms = statistics.median(_child(empty, False)["first_paint_ms"] for _ in range(runs))
    heavy_ms = statistics.median(_child(journal, False)["first_paint_ms"] for _ in range(runs))
    _progress("window on the heavy journal until its health state is rebuilt, for memory")
    rss = _child(journal, True)["peak_rss_mb"]
    return [("start_first_paint_empty_ms", round(empty_ms, 1), "ms"),
            ("start_first_paint_heavy_ms", round(heavy_ms, 1), "ms"),
            ("start_heavy_vs_empty_ratio", round(heavy_ms / empty_ms, 3), "x"),
            ("gui_peak_rss_mb", round(rss, 1), "MB")]


def build_100k(path: Path, seed: int) -> int:
    """A journal of 100k contacts (tags, a few touches each) and one contact with 5,000 timeline entries."""
    from bench import TODAY

    from dealjournal.health import state as health_state
    from dealjournal.health import touches
    from dealjournal.store import open_journal

    rng = random.Random(seed)
    db = open_journal(path)
    conn = db.connection()
    stages = ["lead", "engaged", "opportunity", "customer", "advocate"]
    with db.atomic():
        conn.executemany(
            "INSERT INTO contact (id, name, company, notes, stage, created_on) VALUES (?,?,?,?,?,?)",
            [(i, f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", f"Company {i % 997}", "", rng.choice(stages),
              "2025-06-01") for i in range(1, 100_001)])
        conn.executemany("INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)",
                         [(i, rng.choice(["fintech", "retail", "ai", "health"])) for i in range(1, 100_001, 3)])
        rows = []
        for i in range(1, 100_001):
            for _ in range(rng.randint(0, 3)):
                day = (TODAY - timedelta(days=rng.randint(0, 400))).isoformat()
                rows.append((i, day, day, "email", rng.choice(["in", "out", "mutual"])))
        busy = 100_001
        conn.execute("INSERT INTO contact (id, name, company, notes, stage, created_on) "
                     "VALUES (?, 'Busy Bee', 'Hive Ltd', '', 'customer', '2020-01-01')", (busy,))
        for n in range(5_000):
            day = (TODAY - timedelta(days=n % 1500)).isoformat()
            rows.append((busy, f"{day}T{9 + n % 8:02d}:00", day, rng.choice(["email", "call", "meeting"]),
                         rng.choice(["in", "out", "mutual", "none"])))
        conn.executemany("INSERT INTO interaction (contact_id, at, day, kind, direction) VALUES (?,?,?,?,?)", rows)
        touches.refresh(None)
    health_state.rebuild(TODAY)
    conn.execute("ANALYZE")
    return busy


def measure_lists(bench: Bench) -> list[Figure]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from dealjournal.gui.app import make_application
    from dealjournal.gui.bus import JournalBus
    from dealjournal.gui.mainwindow import MainWindow
    from dealjournal.gui.models.contact_list import Col
    from dealjournal.gui.pages.contacts import ContactsPage

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path = bench.workdir / "contacts-100k.sqlite3"
    _progress("building a 100k-contact journal for the window's lists")
    busy = build_100k(path, bench.seed)
    app = make_application(["dealjournal"])
    window = MainWindow(JournalBus(path))
    window.resize(1280, 800)
    window.show()
    window.show_page(ContactsPage)
    page = window.page(ContactsPage)
    assert isinstance(page, ContactsPage)
    app.processEvents()

    def first_rows() -> Any:
        return page.model.data(page.model.index(0, 0))

    keystrokes = []
    for name in ("ada byr", "marta sil", "qin wa", "pedro co", "sven la"):
        page.search.clear()
        page.apply_filter()
        typed = ""
        for ch in name:
            typed += ch
            start = time.perf_counter()
            page.search.setText(typed)
            page.apply_filter()  # what the coalescing timer runs on the next turn of the event loop
            first_rows()
            keystrokes.append(time.perf_counter() - start)
    page.search.clear()
    page.apply_filter()

    sorts = []
    header = page.view.horizontalHeader()
    for col in Col:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            start = time.perf_counter()
            header.setSortIndicator(col, order)
            first_rows()
            sorts.append(time.perf_counter() - start)

    opens = []
    for _ in range(7):
        window.show_page(ContactsPage)
        app.processEvents()
        start = time.perf_counter()
        window.show_contact(busy)
        window.contact_page.repaint()
        opens.append(time.perf_counter() - start)
    window.close()
    QApplication.processEvents()
    ms = lambda xs: round(statistics.median(xs) * 1000, 2)  # noqa: E731
    return [("search_keystroke_ms", ms(keystrokes), "ms"), ("search_keystroke_max_ms", round(max(keystrokes) * 1000, 2), "ms"),
            ("sort_change_ms", ms(sorts), "ms"), ("sort_change_max_ms", round(max(sorts) * 1000, 2), "ms"),
            ("open_contact_5k_ms", ms(opens), "ms")]
