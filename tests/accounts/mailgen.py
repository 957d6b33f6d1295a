"""A generated mailbox for the IMAP tests, and the same messages as an mbox file.

:func:`mailbox` gives ``(folder, RFC 5322 bytes)`` pairs, in the order they arrived, for
the folders of a seller's account: the Inbox, a Sent folder renamed "Gesendete Objekte"
(marked ``\\Sent`` by SPECIAL-USE only: its name is German), Junk, Trash, Drafts and an
Archive nobody reads by default. In it: threads by ``References`` and by subject only
(``AW:``), a thread of two messages on one day, ``Cc``, mailing lists, bulk and
auto-submitted mail, a no-reply sender, a message to 25 people, one without a Message-ID,
encoded words and raw UTF-8, and one message older than the months a first fetch reads.

:func:`write_mbox` writes messages as an mbox, so a test compares what a fetch reads with
what a capture of that file reads; :func:`bulk` makes many messages (the bench).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ME = ("Sam Seller", "sam@seller.example")
INBOX = "INBOX"
SENT = "Gesendete Objekte"
JUNK, TRASH, DRAFTS, ARCHIVE = "Junk", "Trash", "Drafts", "Archiv"
SPECIAL_USE = {SENT: "\\Sent", JUNK: "\\Junk", TRASH: "\\Trash", DRAFTS: "\\Drafts"}

ADA = ("Ada Byron", "ada@client.example")
BEA = ("Bea Müller", "bea.mueller@kunde.example")
CHEN = ("Chen Wei", "chen@partner.example")
DARIO = ("Dario Rossi", "dario@kunde.example")
EVE = ("Eve Archive", "eve@old.example")
OMER = ("Ömer Öztürk", "oemer@firma.example")


def address(person: tuple[str, str]) -> str:
    name, mail = person
    if name.isascii():
        return f"{name} <{mail}>"
    import base64
    return f"=?UTF-8?B?{base64.b64encode(name.encode()).decode()}?= <{mail}>"


def message(sender: tuple[str, str] | str, to: Iterable[tuple[str, str] | str], subject: str, when: datetime, *,
            cc: Iterable[tuple[str, str]] = (), msgid: str | None = None, references: Iterable[str] = (),
            headers: Iterable[str] = (), body: str = "Hello,\n\nsee you soon.\n") -> bytes:
    """One message (LF line ends; *when* aware). *references*: the Message-IDs it replies to."""
    refs = list(references)
    lines = [f"From: {sender if isinstance(sender, str) else address(sender)}",
             f"To: {', '.join(t if isinstance(t, str) else address(t) for t in to)}"]
    cc = list(cc)
    if cc:
        lines.append(f"Cc: {', '.join(address(c) for c in cc)}")
    lines += [f"Subject: {subject}", f"Date: {format_datetime(when)}"]
    if msgid:
        lines.append(f"Message-ID: <{msgid}>")
    if refs:
        lines += [f"References: {' '.join(f'<{r}>' for r in refs)}", f"In-Reply-To: <{refs[-1]}>"]
    lines += [*headers, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
              "Content-Transfer-Encoding: 8bit", "", body]
    return "\n".join(lines).encode("utf-8")


def mailbox(now: datetime) -> list[tuple[str, bytes]]:
    """The account's messages, oldest first (*now* aware: the dates are days before it)."""
    def day(n: int, hour: int = 10, minute: int = 0) -> datetime:
        return (now - timedelta(days=n)).replace(hour=hour, minute=minute, second=0, microsecond=0)

    me = ME
    out: list[tuple[str, bytes]] = [
        (INBOX, message(EVE, [me], "Ancient history", day(200), msgid="old-1@old.example")),
        (ARCHIVE, message(EVE, [me], "Filed away", day(40), msgid="archived-1@old.example")),
        # Ada writes, Sam answers, Ada writes twice on one day (one inbound turn)
        (INBOX, message(ADA, [me], "Offer for the Q3 rollout", day(30, 9), msgid="a1@client.example")),
        (SENT, message(me, [ADA], "Re: Offer for the Q3 rollout", day(29, 11), msgid="a2@seller.example",
                       references=["a1@client.example"])),
        (INBOX, message(ADA, [me], "Re: Offer for the Q3 rollout", day(28, 9), msgid="a3@client.example",
                        references=["a1@client.example", "a2@seller.example"])),
        (INBOX, message(ADA, [me], "Re: Offer for the Q3 rollout", day(28, 15), msgid="a4@client.example",
                        references=["a1@client.example", "a2@seller.example", "a3@client.example"])),
        # Sam writes to Bea with Dario in Cc; Bea answers by subject only
        (SENT, message(me, [BEA], "Angebot für die Lizenzen", day(25), cc=[DARIO], msgid="b1@seller.example")),
        (INBOX, message(BEA, [me], "AW: Angebot für die Lizenzen", day(24), msgid="b2@kunde.example")),
        # lists, bulk, automatic, no-reply, too many recipients
        (INBOX, message(CHEN, ["sales-de@lists.example"], "[sales-de] Messe in Köln", day(23),
                        msgid="l1@lists.example", headers=["List-Id: <sales-de.lists.example>",
                                                           "List-Unsubscribe: <mailto:leave@lists.example>"])),
        (INBOX, message(("Newsletter", "news@shop.example"), [me], "Unsere Angebote", day(22),
                        msgid="n1@shop.example", headers=["Precedence: bulk"])),
        (INBOX, message(CHEN, [me], "Out of office", day(21), msgid="ooo@partner.example",
                        headers=["Auto-Submitted: auto-replied"])),
        (INBOX, message(("Shop", "no-reply@shop.example"), [me], "Your order has shipped", day(20),
                        msgid="s1@shop.example")),
        (INBOX, message(OMER, [me, *[(f"Person {i}", f"p{i}@many.example") for i in range(24)]],
                        "Einladung an alle", day(19), msgid="many@firma.example")),
        # encoded words, raw UTF-8, no Message-ID, Cc
        (INBOX, message(OMER, [me], "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_M=C3=BCnchen?=", day(18), msgid="o1@firma.example")),
        (SENT, message(me, [OMER], "Re: Grüße aus München", day(17), msgid="o2@seller.example",
                       references=["o1@firma.example"])),
        (INBOX, message(CHEN, [me], "No id on this one", day(16, 8, 30))),
        (SENT, message(me, [CHEN, DARIO], "Intro: Chen, meet Dario", day(15), cc=[ADA], msgid="c1@seller.example")),
        (INBOX, message(DARIO, [me, CHEN], "Re: Intro: Chen, meet Dario", day(14), cc=[ADA], msgid="c2@kunde.example",
                        references=["c1@seller.example"])),
        # what is never read
        (JUNK, message(("Prince", "prince@spam.example"), [me], "You won", day(12), msgid="spam@spam.example")),
        (TRASH, message(ADA, [me], "Old draft of the contract", day(11), msgid="t1@client.example")),
        (DRAFTS, message(me, [ADA], "Unfinished reply", day(10), msgid="d1@seller.example")),
        # recent ones
        (INBOX, message(ADA, [me], "Contract draft v2", day(5), msgid="a5@client.example")),
        (SENT, message(me, [ADA], "Re: Contract draft v2", day(4), msgid="a6@seller.example",
                       references=["a5@client.example"])),
        (SENT, message(me, [ADA], "Re: Contract draft v2 (attachment)", day(4, 10, 5), msgid="a7@seller.example",
                       references=["a5@client.example", "a6@seller.example"])),
    ]
    return out


def read_by_default(messages: list[tuple[str, bytes]], now: datetime, months: int = 3) -> list[tuple[str, bytes]]:
    """The messages a first fetch of Inbox and Sent reads, in the order it reads them:
    the Inbox's first, then the Sent folder's, each in arrival order; none older than *months*."""
    from tests.accounts.dovecot import date_of

    limit = now - timedelta(days=months * 31)
    recent = [(f, m) for f, m in messages if date_of(m) >= limit]
    return [(f, m) for f, m in recent if f == INBOX] + [(f, m) for f, m in recent if f == SENT]


def write_mbox(path: Path, messages: Iterable[tuple[str, bytes]]) -> Path:
    """*messages* as one mbox (``From `` lines, bodies' ``From `` lines escaped)."""
    from tests.accounts.dovecot import date_of

    with path.open("wb") as out:
        for _, data in messages:
            data = data.replace(b"\r\n", b"\n")
            when = date_of(data)
            out.write(b"From MAILER-DAEMON " + when.strftime("%a %b %d %H:%M:%S %Y").encode("ascii") + b"\n")
            for line in data.split(b"\n"):
                out.write((b">" + line if line.startswith((b"From ", b">From ")) else line) + b"\n")
            out.write(b"\n")
    return path


# --- many messages (the bench) -------------------------------------------------------------

_FIRST = ["Ada", "Bea", "Jürgen", "Zoë", "Björn", "Chloé", "Mia", "Noah", "Léa", "Ömer", "Sven", "Ines"]
_LAST = ["Byron", "Müller", "Okafor", "Nguyen", "García", "Dubois", "Schmidt", "Rossi", "Silva", "Tanaka"]
_TOPICS = ["Offer for the Q3 rollout", "Angebot für die Lizenzen", "Termin nächste Woche", "Contract draft v2",
           "Quick question about pricing", "Résumé de notre réunion", "Invoice 4711", "Demo feedback"]


def bulk(n: int, now: datetime, *, seed: int = 0, days: int = 80) -> Iterator[tuple[str, bytes]]:
    """*n* messages spread over the *days* before *now*, oldest first: about one in ten a
    mailing list's, a third sent by Sam (replies in threads, some with Cc), the rest
    inbound conversation mail; bodies of a few hundred bytes."""
    rng = random.Random(seed)
    people = [(f"{f} {last}", f"{f.lower()}.{last.lower()}@example.com".encode("ascii", "ignore").decode())
              for f in _FIRST for last in _LAST]
    step = timedelta(days=days) / max(n, 1)
    at = now - timedelta(days=days)
    threads: list[tuple[str, tuple[str, str], list[str]]] = []
    for i in range(n):
        at += step
        roll = rng.random()
        msgid = f"{i}.{rng.getrandbits(32):x}@bench.example"
        body = " ".join(rng.choice(_TOPICS) for _ in range(rng.randint(5, 30)))
        if roll < 0.1:
            yield INBOX, message(rng.choice(people), ["team@lists.example"], "[team] " + rng.choice(_TOPICS), at,
                                 msgid=msgid, headers=["List-Id: <team.lists.example>"], body=body)
            continue
        if not threads or rng.random() < 0.3:
            threads = (threads + [(rng.choice(_TOPICS), rng.choice(people), [])])[-50:]
        subject, partner, ids = rng.choice(threads)
        mine = bool(ids) and rng.random() < 0.45
        cc = [rng.choice(people)] if rng.random() < 0.1 else []
        text = ("Re: " if ids else "") + subject
        if mine:
            yield SENT, message(ME, [partner], text, at, cc=cc, msgid=msgid, references=ids[-5:], body=body)
        else:
            yield INBOX, message(partner, [ME], text, at, cc=cc, msgid=msgid, references=ids[-5:], body=body)
        ids.append(msgid)
