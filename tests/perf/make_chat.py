"""A large, realistic WhatsApp chat export for the bench and the hostile-input tests.

    python tests/perf/make_chat.py OUT N [--seed S]

Writes an Android "Export chat" file of exactly N lines (US English: ``12/31/23, 9:41 PM``
with U+202F before PM): a group of three (the user Sam Seller, Ada Lovelace and an unsaved
contact shown as +49 170 1234567) that opens with the encryption notice and the group's
creation, then messages a few minutes to a few hours apart, some over several lines, some
media placeholders and deleted messages, and now and then a system line. The same seed
gives the same file; it is written line by line, so N can be millions.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

START = datetime(2023, 1, 2, 8, 30)
PEOPLE = ("Sam Seller", "Ada Lovelace", "+49 170 1234567")
ENCRYPTED = ("Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
             "can read or listen to them. Tap to learn more.")
OPENING = (
    ENCRYPTED,
    'Ada Lovelace created group "Q4 Deal"',
    "Ada Lovelace added you",
)
SYSTEM = (
    "Ada Lovelace changed the group description",
    "+49 170 1234567 left",
    "Ada Lovelace added +49 170 1234567",
    "Your security code with +49 170 1234567 changed. Tap to learn more.",
)
WORDS = ("the", "offer", "price", "call", "tomorrow", "contract", "thanks", "draft", "meeting", "next",
         "week", "budget", "signed", "review", "team", "ok", "great", "send", "numbers", "Friday")
PLACEHOLDERS = ("<Media omitted>", "This message was deleted", "null", "IMG-20230105-WA0001.jpg (file attached)")


def stamp(at: datetime) -> str:
    """``1/2/23, 8:30 AM`` the way US Android writes it (no leading zeros, U+202F before AM)."""
    hour = at.hour % 12 or 12
    return f"{at.month}/{at.day}/{at.year % 100:02d}, {hour}:{at.minute:02d}\u202f{'AM' if at.hour < 12 else 'PM'}"


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 14))).capitalize()


def lines(rng: random.Random) -> Iterator[str]:
    """The chat's lines, without end (the caller stops after N)."""
    at = START
    for text in OPENING:
        yield f"{stamp(at)} - {text}"
    while True:
        at += timedelta(minutes=rng.choice((0, 1, 2, 5, 20, 60, 180, 600)))
        roll = rng.random()
        if roll < 0.01:
            yield f"{stamp(at)} - {rng.choice(SYSTEM)}"
            continue
        text = rng.choice(PLACEHOLDERS) if roll < 0.09 else sentence(rng)
        yield f"{stamp(at)} - {rng.choice(PEOPLE)}: {text}"
        if roll > 0.9:
            for _ in range(rng.randint(1, 3)):
                yield sentence(rng)


def write_chat(path: str | Path, n_lines: int, seed: int = 0) -> Path:
    """Write the chat of exactly *n_lines* lines to *path*; returns the path."""
    rng = random.Random(seed)
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="\n") as out:
        for i, line in enumerate(lines(rng)):
            if i >= n_lines:
                break
            out.write(line + "\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a realistic Android WhatsApp chat export.")
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int, help="number of lines")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write_chat(args.out, args.n, args.seed)


if __name__ == "__main__":
    main()
