"""``dealjournal account …`` and ``dealjournal fetch`` against the real Dovecot, run as a
script would: the password goes to the keyring and nowhere else, the first fetch captures
what an mbox of the same mail captures, a second one adds nothing, and a server that
cannot be used exits 1 with nothing written."""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from tests.accounts import mailgen
from tests.accounts.dovecot import MailUser
from tests.e2e.test_cli import dj


@pytest.fixture
def cli(mailbox: MailUser, tmp_path: Path) -> dict[str, str]:
    """The environment of a command run: the test CA trusted, the file keyring, its own home."""
    home = tmp_path / "home"
    return {"SSL_CERT_FILE": str(mailbox.server.ca_file), "PYTHON_KEYRING_BACKEND": "tests.accounts.keyring_file.FileKeyring",
            "DEALJOURNAL_TEST_KEYRING": str(tmp_path / "keyring.json"), "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"), "TZ": "Europe/Berlin"}


def run(env: dict[str, str], *args: object, password: str | None = None) -> tuple[int, str, str]:
    import subprocess
    import sys

    from tests.e2e.test_cli import REPO

    done = subprocess.run([sys.executable, "-m", "dealjournal", *map(str, args)], input=password, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(REPO), **env}, timeout=120)
    return done.returncode, done.stdout, done.stderr


def add_account(env: dict[str, str], user: MailUser, db: Path) -> None:
    status, out, err = run(env, "account", "add", "Work", "--imap", user.server.host, "--port", user.server.imaps_port,
                           "--user", user.name, "--password-stdin", "--db", db, password=user.password + "\n")
    assert status == 0, err
    assert "Added Work" in out


def test_fetch_captures_what_the_mbox_does_then_nothing_more(mailbox: MailUser, cli: dict[str, str],
                                                             tmp_path: Path) -> None:
    now = datetime.now().replace(microsecond=0)
    messages = mailgen.mailbox(now)
    for folder in {f for f, _ in messages}:
        if folder != mailgen.INBOX:
            mailbox.create_folder(folder, mailgen.SPECIAL_USE.get(folder))
    mailbox.deliver_many(messages)
    db = tmp_path / "j.sqlite3"
    assert dj("contact", "add", mailgen.ADA[0], "--email", mailgen.ADA[1], "--db", db).returncode == 0
    add_account(cli, mailbox, db)
    status, out, err = run(cli, "account", "test", "Work", "--db", db)
    assert status == 0, err
    assert "INBOX" in out and f"{mailgen.SENT}  (sent)" in out
    mbox = mailgen.write_mbox(tmp_path / "same.mbox", mailgen.read_by_default(messages, now))
    twin = tmp_path / "twin.sqlite3"
    assert dj("contact", "add", mailgen.ADA[0], "--email", mailgen.ADA[1], "--db", twin).returncode == 0
    captured = dj("capture", mbox, "--me", mailgen.ME[1], "--json", "--db", twin, env={"TZ": "Europe/Berlin"})
    assert captured.returncode == 0, captured.stderr
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('capture_me', ?)",
                     (json.dumps([mailgen.ME[1]]),))
        conn.commit()
    status, out, err = run(cli, "fetch", "--json", "--db", db)
    assert status == 0, err
    fetched, from_file = json.loads(out)["files"][0], json.loads(captured.stdout)["files"][0]
    assert fetched["file"] == "Work" and fetched["format"] == "imap"
    assert {k: fetched[k] for k in ("added", "already_there", "ignored", "unmatched")} == \
        {k: from_file[k] for k in ("added", "already_there", "ignored", "unmatched")}
    assert fetched["added"] > 0
    status, out, err = run(cli, "fetch", "Work", "--json", "--db", db)
    assert status == 0, err
    assert json.loads(out)["files"][0]["added"] == 0
    status, out, _ = run(cli, "account", "list", "--json", "--db", db)
    [listed] = json.loads(out)
    assert listed["name"] == "Work" and listed["fetched_at"]
    # The password is in the keyring file and nowhere under the home, the data or the config folders.
    assert mailbox.password in (tmp_path / "keyring.json").read_text()
    for path in [*Path(cli["HOME"]).rglob("*"), *tmp_path.glob("j.sqlite3*")]:
        if path.is_file():
            assert mailbox.password.encode() not in path.read_bytes(), path
    status, out, _ = run(cli, "account", "remove", "Work", "--db", db)
    assert status == 0 and mailbox.password not in (tmp_path / "keyring.json").read_text()


def test_a_wrong_password_or_a_server_down_exits_1_and_writes_nothing(mailbox: MailUser, cli: dict[str, str],
                                                                      tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    add_account(cli, mailbox, db)
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('capture_me', ?)", (json.dumps([mailgen.ME[1]]),))
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the whole journal in the one file
    before = db.read_bytes()
    status, _, err = run(cli, "fetch", "--password-stdin", "--db", db, password="not the password\n")
    assert status == 1 and "refused the user name or password" in err and "not the password" not in err
    mailbox.server.stop()
    try:
        status, _, err = run(cli, "fetch", "--db", db)
    finally:
        mailbox.server.start()
    assert status == 1 and err.startswith("dealjournal: Nothing was fetched from Work: Cannot reach")
    assert "Traceback" not in err
    assert db.read_bytes() == before


def test_an_untrusted_certificate_names_its_fingerprint_and_trust_takes_exactly_it(
        mailbox: MailUser, cli: dict[str, str], tmp_path: Path) -> None:
    import trustme

    db = tmp_path / "j.sqlite3"
    add_account(cli, mailbox, db)
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    stranger = {**cli, "SSL_CERT_FILE": str(other)}
    status, _, err = run(stranger, "account", "test", "Work", "--db", db)
    assert status == 1 and "--trust " in err
    fingerprint = err.rsplit("--trust ", 1)[1].strip()
    status, out, err = run(stranger, "account", "test", "Work", "--trust", fingerprint, "--db", db)
    assert status == 0, err
    assert "connected" in out


def test_someone_met_in_two_accounts_becomes_one_contact(mailbox: MailUser, cli: dict[str, str],
                                                         tmp_path: Path) -> None:
    other = mailbox.server.add_user()
    now = datetime.now().replace(microsecond=0)
    note = mailgen.message(("Nia New", "nia@new.example"), [mailgen.ME], "Hello", now)
    for user in (mailbox, other):
        user.deliver(mailgen.INBOX, note)
    db = tmp_path / "j.sqlite3"
    add_account(cli, mailbox, db)
    status, _, err = run(cli, "account", "add", "Home", "--imap", other.server.host, "--port", other.server.imaps_port,
                         "--user", other.name, "--password-stdin", "--db", db, password=other.password + "\n")
    assert status == 0, err
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('capture_me', ?)", (json.dumps([mailgen.ME[1]]),))
        conn.commit()
    status, out, err = run(cli, "fetch", "--add-unknown", "--json", "--db", db)
    assert status == 0, err
    files = json.loads(out)["files"]
    assert [(f["file"], f["added"]) for f in files] == [("Home", 1), ("Work", 0)]  # the same message, once
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT name FROM contact").fetchall() == [("Nia New",)]
        assert conn.execute("SELECT count(*) FROM interaction").fetchone() == (1,)
