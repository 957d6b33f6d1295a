"""Figures of capture (issue 13), run by bench.py, each capture in a child process of its own
so that its peak memory is its own:

- ``capture_mbox_100k_s``: planning and writing a generated 100,000-message mbox
  (tests/perf/make_mbox.py: threads, lists, encodings) into a journal that knows half of the
  people in it, the rest added as contacts;
- ``capture_vs_parse_floor_ratio``: that time against the floor, stdlib ``mailbox`` reading
  only the headers of the same file (its table of contents, then each message's header
  block parsed with ``BytesHeaderParser``), measured in the same run (goal ≤ 2);
- ``capture_peak_rss_mb``: the capturing process's peak resident memory (goal ≤ 200);
- ``capture_chat_200k_s``: the same for a generated 200,000-line WhatsApp chat.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench import Bench, progress

MESSAGES = 100_000
CHAT_LINES = 200_000


def capture_child(kind: str, source: Path, journal: Path) -> None:
    """Plan and write one capture; print its seconds, peak RSS and counts as JSON."""
    from make_chat import PEOPLE
    from make_mbox import ME

    from dealjournal import ops
    from dealjournal.capture import Me, apply_capture, plan_capture
    from dealjournal.store import close_journal, open_journal

    open_journal(journal)
    me = Me.parse([ME[1]] if kind == "mbox" else [PEOPLE[0]], "DE")
    if kind == "mbox":  # a journal that knows every other person found in a first look (untimed)
        known = [p for f in plan_capture([source], me).files for p in f.unmatched][::2]
        for p in known:
            ops.add_contact(p.name, emails=[("work", p.party.value)])
    start = time.perf_counter()
    plan = plan_capture([source], me)
    outcome = apply_capture(plan, add=[p.key for f in plan.files for p in f.unmatched])
    seconds = time.perf_counter() - start
    close_journal()
    print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "added": outcome.added, "created": outcome.contacts_created,
                      "ignored": sum(sum(f.ignored.values()) for f in plan.files)}))


def floor_child(source: Path) -> None:
    """stdlib mailbox reading only the headers of every message: the floor of reading an mbox."""
    import mailbox
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    start = time.perf_counter()
    box = mailbox.mbox(source, create=False)
    parser = BytesHeaderParser(policy=compat32)
    n = 0
    for key in box.iterkeys():
        handle = box.get_file(key)
        lines = []
        for line in handle:
            if line in (b"\n", b"\r\n"):
                break
            lines.append(line)
        headers = parser.parsebytes(b"".join(lines))
        n += bool(headers.get("From")) + bool(headers.get("Message-ID"))
        handle.close()
    print(json.dumps({"seconds": time.perf_counter() - start, "messages": len(box)}))


def _child(*args: str) -> dict[str, Any]:
    run = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True,
                         cwd=Path(__file__).parent)
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def measure_capture(bench: Bench) -> list[tuple[str, Any, str]]:
    from make_chat import write_chat
    from make_mbox import write_mbox

    mbox = bench.workdir / "capture-100k.mbox"
    chat = bench.workdir / "capture-200k.txt"
    progress(f"generating a {MESSAGES:,}-message mbox and a {CHAT_LINES:,}-line chat")
    write_mbox(mbox, MESSAGES, seed=bench.seed)
    write_chat(chat, CHAT_LINES, seed=bench.seed)
    progress(f"mbox {mbox.stat().st_size / 1e6:.0f} MB; floor: stdlib mailbox reading only headers")
    floor = _child("floor", str(mbox))
    if floor["messages"] != MESSAGES:
        bench.failures.append(f"capture: stdlib mailbox sees {floor['messages']} messages, {MESSAGES} written")
    progress(f"floor {floor['seconds']:.1f} s; capturing the mbox")
    mail = _child("mbox", str(mbox), str(bench.workdir / "capture-mbox.sqlite3"))
    progress(f"mbox captured in {mail['seconds']:.1f} s: {mail['added']:,} added, {mail['ignored']:,} ignored, "
             f"{mail['created']:,} new contacts; capturing the chat")
    talk = _child("whatsapp", str(chat), str(bench.workdir / "capture-chat.sqlite3"))
    if not mail["added"] or not talk["added"]:
        bench.failures.append("capture: nothing was added")
    return [("capture_mbox_100k_s", round(mail["seconds"], 2), "s"),
            ("capture_vs_parse_floor_ratio", round(mail["seconds"] / floor["seconds"], 2), "x"),
            ("capture_peak_rss_mb", round(mail["peak_mb"], 1), "MB"),
            ("capture_chat_200k_s", round(talk["seconds"], 2), "s")]


if __name__ == "__main__":
    sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).parent)]
    if sys.argv[1] == "floor":
        floor_child(Path(sys.argv[2]))
    else:
        capture_child(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
