"""A large, realistic, deterministic mbox for the capture bench.

    python tests/perf/make_mbox.py OUT N [--seed S]

:func:`write_mbox` writes *n* messages (about 3 KB each on average) as a Gmail Takeout
mixed with a classic client's mailbox would look: conversations with replies that name
their parents in ``References``/``In-Reply-To`` (half of them also carry Gmail's
``X-GM-THRID``/``X-Gmail-Labels``, with Sent, Inbox, Spam, Trash and Drafts), mailing-list
and no-reply mail, encoded-word subjects and names in UTF-8 (B and Q), ISO-8859-1 and
KOI8-R, raw 8-bit headers, bodies from a line to a base64 attachment, ``>From``
escapes, and one message in ten with CRLF line ends. The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import base64
import quopri
import random
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

ME = ("Sam Seller", "sam.seller@example.com")
START = datetime(2024, 1, 2, 8, 0, tzinfo=timezone.utc)
FIRST = ["Ada", "Bea", "Jürgen", "Zoë", "Björn", "Chloé", "Иван", "Ольга", "Mia", "Noah", "Léa", "Ömer",
         "Sven", "Ines", "Tomás", "Ann", "Kai", "Nora", "Luis", "Eva"]
LAST = ["Byron", "Müller", "Okafor", "Nguyen", "Smirnova", "García", "Dubois", "Öztürk", "Schmidt", "Rossi",
        "Kowalski", "Lindqvist", "Petrov", "Silva", "Tanaka"]
TOPICS = ["Offer for the Q3 rollout", "Angebot für die Lizenzen", "Termin nächste Woche", "Contract draft v2",
          "Quick question about pricing", "Предложение по проекту", "Résumé de notre réunion", "Invoice 4711",
          "Intro: a colleague of mine", "Follow-up from the fair", "Grüße aus München", "Demo feedback"]
LISTS = [("python-dev", "python-dev.python.org"), ("team-news", "news.example.org"), ("sales-de", "lists.example.de")]
WORDS = ["the", "offer", "we", "discussed", "price", "licence", "meeting", "Monday", "attached", "please", "find",
         "regards", "thanks", "next", "steps", "Angebot", "Termin", "Grüße", "über", "Straße", "déjà", "vu", "naïve"]


def encode_words(text: str, style: str) -> str:
    """*text* as one RFC 2047 encoded word in *style* ("utf-8/B", "iso-8859-1/Q", …)."""
    charset, kind = style.split("/")
    raw = text.encode(charset, "replace")
    if kind == "B":
        return f"=?{charset}?B?{base64.b64encode(raw).decode('ascii')}?="
    quoted = quopri.encodestring(raw, header=True).decode("ascii").replace("=\n", "")
    return f"=?{charset}?Q?{quoted}?="


def header_text(text: str, rng: random.Random) -> str:
    """Non-ASCII header text encoded in one of several charsets (or left as raw UTF-8)."""
    if text.isascii():
        return text
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        return encode_words(text, rng.choice(["koi8-r/B", "utf-8/B"]))
    return encode_words(text, rng.choice(["utf-8/B", "utf-8/Q", "iso-8859-1/Q"])) if rng.random() < 0.9 else text


@dataclass
class Thread:
    subject: str
    partner: tuple[str, str]
    ids: list[str] = field(default_factory=list)
    gmail_id: int | None = None


class Writer:
    """Generates the messages one at a time, keeping a few open threads to reply in."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.at = START
        self.threads: list[Thread] = []
        self.people = [(f"{f} {last}", f"{f.lower()}.{last.lower()}@example.{d}".encode("ascii", "ignore").decode())
                       for f in FIRST for last in LAST for d in ("com", "de")]
        self.count = 0

    def message(self) -> bytes:
        self.count += 1
        self.at += timedelta(minutes=self.rng.randint(1, 90))
        roll = self.rng.random()
        if roll < 0.15:
            lines = self.list_mail()
        elif roll < 0.20:
            lines = self.no_reply_mail()
        else:
            lines = self.conversation_mail()
        text = "\n".join(lines) + "\n"
        data = text.encode("utf-8")
        return data.replace(b"\n", b"\r\n") if self.rng.random() < 0.1 else data

    def address(self, person: tuple[str, str]) -> str:
        return f"{header_text(person[0], self.rng)} <{person[1]}>"

    def common(self, sender: str, to: str, subject: str, msgid: str, gmail: tuple[int, str] | None) -> list[str]:
        zone = timezone(timedelta(hours=self.rng.choice([-5, 0, 1, 2, 9])))
        when = self.at.astimezone(zone)
        envelope = "From - " if gmail is None else f"From {gmail[0]}@xxx "
        lines = [envelope + self.at.strftime("%a %b %d %H:%M:%S %Y")]
        if gmail is not None:
            lines += [f"X-GM-THRID: {gmail[0]}", f"X-Gmail-Labels: {gmail[1]}"]
        hops = self.rng.randint(2, 4)
        lines += [f"Received: from mx{i}.example.net (mx{i}.example.net [192.0.2.{i}])\n\tby mail.example.com "
                  f"with ESMTPS id {self.rng.getrandbits(48):x}\n\tfor <{ME[1]}>; {when:%a, %d %b %Y %H:%M:%S %z}"
                  for i in range(hops)]
        lines += [f"From: {sender}", f"To: {to}", f"Subject: {header_text(subject, self.rng)}",
                  f"Date: {when:%a, %d %b %Y %H:%M:%S %z}", f"Message-ID: <{msgid}>", "MIME-Version: 1.0"]
        return lines

    def conversation_mail(self) -> list[str]:
        thread = self.thread()
        mine = bool(thread.ids) and self.rng.random() < 0.5
        sender, to = (ME, thread.partner) if mine else (thread.partner, ME)
        msgid = f"{self.count}.{self.rng.getrandbits(40):x}@mail.example.com"
        subject = ("Re: " if thread.ids else "") + thread.subject
        labels = self.rng.choice(["Sent", "Sent,Opened", "Sent", "Drafts"] if mine else
                                 ["Inbox", "Inbox,Opened", "Archived", "Inbox,Important", "Spam", "Trash"])
        gmail = (thread.gmail_id, labels) if thread.gmail_id is not None else None
        lines = self.common(self.address(sender), self.address(to), subject, msgid, gmail)
        if thread.ids:
            lines += ["References: " + "\n ".join(f"<{i}>" for i in thread.ids[-8:]), f"In-Reply-To: <{thread.ids[-1]}>"]
        thread.ids.append(msgid)
        return lines + self.body()

    def thread(self) -> Thread:
        if self.threads and self.rng.random() < 0.6:
            return self.rng.choice(self.threads)
        gmail = self.rng.getrandbits(60) if self.rng.random() < 0.5 else None
        thread = Thread(self.rng.choice(TOPICS), self.rng.choice(self.people), gmail_id=gmail)
        self.threads = (self.threads + [thread])[-40:]
        return thread

    def list_mail(self) -> list[str]:
        name, host = self.rng.choice(LISTS)
        sender = self.address(self.rng.choice(self.people))
        lines = self.common(sender, f"{name}@{host}", f"[{name}] " + self.rng.choice(TOPICS),
                            f"{self.count}.list@{host}", None)
        lines += [f"List-Id: <{name}.{host}>", f"List-Unsubscribe: <mailto:{name}-leave@{host}>", "Precedence: list"]
        return lines + self.body()

    def no_reply_mail(self) -> list[str]:
        lines = self.common("Shop <no-reply@shop.example>", self.address(ME), "Your order has shipped",
                            f"{self.count}.noreply@shop.example", (self.rng.getrandbits(60), "Category Updates"))
        return lines + ["Auto-Submitted: auto-generated"] + self.body()

    def body(self) -> list[str]:
        lines = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
        for _ in range(self.rng.randint(3, 30)):
            lines.append(" ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(4, 14))))
            if self.rng.random() < 0.05:
                lines += ["", ">From the minutes of the last meeting:"]
        if self.rng.random() < 0.04:  # an attachment: 8–40 KB of base64
            blob = base64.encodebytes(self.rng.randbytes(self.rng.randint(6_000, 30_000))).decode("ascii")
            lines += ["", "--attachment--", blob]
        return lines + [""]


def write_mbox(path: Path | str, n_messages: int, seed: int = 0) -> None:
    """Write *n_messages* messages to *path* (deterministic for a given *seed*)."""
    writer = Writer(seed)
    with open(path, "wb") as out:
        out.writelines(writer.message() for _ in range(n_messages))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    write_mbox(args.out, args.n, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
