"""``dealjournal import`` of contact files and ``dealjournal export`` to CSV, vCard and
iCalendar, through the real command in a subprocess: previews, bad input, real files."""

from __future__ import annotations

import hashlib
import json
import os
import random
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "unit" / "contact_import" / "fixtures" / "import"
REALDATA = Path(os.environ.get("DEALJOURNAL_REALDATA", REPO.parent / "shared" / "realdata"))


def dj(*args: str | Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DEALJOURNAL_DB", None)
    return subprocess.run([sys.executable, "-m", "dealjournal", *map(str, args)], capture_output=True, text=True,
                          env=env, timeout=timeout)


def exported(db: Path) -> dict:  # type: ignore[type-arg]
    run = dj("export", "-", "--db", db)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)  # type: ignore[no-any-return]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- importing -------------------------------------------------------------------------------

def test_import_linkedin_connections(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    run = dj("import", FIXTURES / "linkedin_connections.csv", "--db", db)
    assert run.returncode == 0, run.stderr
    assert "3 new, 1 merged, 1 skipped" in run.stdout
    assert "line 7:" in run.stdout  # the skipped row, with its reason
    doc = exported(db)
    by_name = {c["name"]: c for c in doc["contacts"]}
    assert set(by_name) == {"Ada Lovelace", "Grace Hopper", "José Ñúñez"}
    assert by_name["Ada Lovelace"]["channels"] == [{
        "network": "linkedin", "handle": "adalovelace", "url": "https://www.linkedin.com/in/adalovelace",
        "following_since": "2022-06-02", "follows_back": "yes"}]
    assert by_name["Ada Lovelace"]["source"] == "LinkedIn import"
    again = dj("import", FIXTURES / "linkedin_connections.csv", "--db", db)
    assert "0 new, 4 merged, 1 skipped" in again.stdout
    assert len(exported(db)["contacts"]) == 3


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    run = dj("import", FIXTURES / "address_book.vcf", "--db", db, "--dry-run")
    assert run.returncode == 0, run.stderr
    assert not db.exists()  # not even an empty journal
    out = run.stdout
    assert "2 new, 1 merged, 1 skipped" in out and "Nothing was written" in out
    assert "line 18: the vCard has no name" in out
    assert "line 21: Babbage Charles: very similar name at the same company as line 12 → line 12" in out
    assert dj("import", FIXTURES / "address_book.vcf", "--db", db).returncode == 0
    before = digest(db)
    run = dj("import", FIXTURES / "linkedin_connections.csv", "--db", db, "--dry-run")
    assert "merged" in run.stdout and "same e-mail as an existing contact → #1 Ada Lovelace" in run.stdout
    assert digest(db) == before


@pytest.mark.parametrize(("policy", "expected"), [("merge", "2 new, 1 merged"), ("skip", "2 new, 0 merged, 2 skipped"),
                                                  ("add", "3 new, 0 merged")])
def test_on_duplicate(tmp_path: Path, policy: str, expected: str) -> None:
    run = dj("import", FIXTURES / "address_book.vcf", "--db", tmp_path / "j.sqlite3", "--on-duplicate", policy)
    assert run.returncode == 0 and expected in run.stdout, run.stdout + run.stderr


def test_any_csv_with_a_column_map(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    run = dj("import", FIXTURES / "other.csv", "--db", db, "--map", "name=Full name", "--map", "email=Mail",
             "--map", "company=Firm", "--map", "notes=Comment")
    assert run.returncode == 0, run.stderr
    contacts = exported(db)["contacts"]
    assert [(c["name"], c["company"], c["source"]) for c in contacts] == [
        ("Ada Lovelace", "Analytical Engines", "CSV import"), ("Alan Turing", "Bletchley Park", "CSV import")]
    bad = dj("import", FIXTURES / "other.csv", "--db", db, "--map", "name=No such column")
    assert bad.returncode == 1 and "No such column" in bad.stderr
    assert dj("import", FIXTURES / "other.csv", "--db", db, "--map", "oops").returncode == 2


def test_json_still_goes_through_the_exchange_format(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    rules = REPO / "tests" / "e2e" / "fixtures" / "rules.json"
    assert dj("import", rules, "--db", db, "--dry-run").returncode == 0 and not db.exists()
    run = dj("import", rules, "--db", db)
    assert run.returncode == 0 and "Imported" in run.stdout, run.stderr
    wrong = dj("import", rules, "--db", db, "--format", "vcard")
    assert wrong.returncode == 1 and "vCard" in wrong.stderr


# --- bad input: a clear message, exit 1, the journal unchanged ---------------------------------

def _bad_files(folder: Path) -> dict[str, Path]:
    rng = random.Random(4)
    files = {
        "random": rng.randbytes(64 * 1024),
        "binary": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 200,
        "empty": b"",
        "bom": b"\xef\xbb\xbf",
        "utf16 bom": b"\xff\xfe",
        "blank lines": b"\r\n\r\n   \n",
    }
    paths = {}
    for name, data in files.items():
        path = folder / f"{name.replace(' ', '_')}.vcf"
        path.write_bytes(data)
        paths[name] = path
    big = folder / "big.csv"  # 50 MB of text that is no contact file
    line = ("lorem ipsum dolor sit amet " * 4 + "\n").encode()
    with big.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // (len(line) * 1000) + 1):
            fh.write(line * 1000)
    paths["50 MB"] = big
    return paths


def test_bad_files_leave_the_journal_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    assert dj("import", FIXTURES / "address_book.vcf", "--db", db).returncode == 0
    before = digest(db)
    for name, path in _bad_files(tmp_path).items():
        run = dj("import", path, "--db", db)
        assert run.returncode == 1, (name, run.stdout, run.stderr)
        assert run.stderr.startswith("dealjournal: ") and "Traceback" not in run.stderr, (name, run.stderr)
        assert len(run.stderr.splitlines()) <= 3, (name, run.stderr)
        assert digest(db) == before, name
        fresh = tmp_path / f"fresh-{path.stem}.sqlite3"
        assert dj("import", path, "--db", fresh).returncode == 1 and not fresh.exists(), name
    wrong = dj("import", FIXTURES / "address_book.vcf", "--db", db, "--format", "linkedin")
    assert wrong.returncode == 1 and "it is a vCard file" in wrong.stderr
    wrong = dj("import", FIXTURES / "linkedin_connections.csv", "--db", db, "--format", "vcard")
    assert wrong.returncode == 1 and "no BEGIN:VCARD" in wrong.stderr
    missing = dj("import", tmp_path / "missing.vcf", "--db", db)
    assert missing.returncode == 1 and "could not be opened" in missing.stderr
    assert dj("import", FIXTURES / "other.csv", "--db", db, "--format", "excel").returncode == 2
    assert digest(db) == before


def test_a_one_megabyte_field(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    card = tmp_path / "long.vcf"
    card.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nNOTE:" + b"x" * 1_500_000
                     + b"\r\nEND:VCARD\r\n")
    run = dj("import", card, "--db", db)
    assert run.returncode == 0, run.stderr
    (contact,) = exported(db)["contacts"]
    assert contact["name"] == "Long Note" and 900_000 <= len(contact["notes"]) <= 1_000_000


def test_a_fifty_megabyte_vcard_streams(tmp_path: Path) -> None:
    """50 MB of photo (never kept in memory) around one real card."""
    card = tmp_path / "photo.vcf"
    with card.open("wb") as fh:
        fh.write(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:")
        fh.write((b"QUJD" * 19 + b"\r\n ") * (50 * 1024 * 1024 // 80))
        fh.write(b"QUJD\r\nEND:VCARD\r\n")
    db = tmp_path / "j.sqlite3"
    run = dj("import", card, "--db", db)
    assert run.returncode == 0, run.stderr
    assert [c["name"] for c in exported(db)["contacts"]] == ["Big Photo"]


# --- exporting -------------------------------------------------------------------------------

def test_exports_by_extension_and_format(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite3"
    assert dj("import", REPO / "tests" / "e2e" / "fixtures" / "rules.json", "--db", db).returncode == 0
    for name, marker in (("out.csv", b'"name","given_name"'), ("out.vcf", b"BEGIN:VCARD\r\nVERSION:4.0\r\n"),
                         ("out.ics", b"BEGIN:VCALENDAR\r\n"), ("out.json", b'"format": "dealjournal"')):
        run = dj("export", tmp_path / name, "--db", db)
        assert run.returncode == 0 and "Exported" in run.stdout, run.stderr
        assert marker in (tmp_path / name).read_bytes()[:200]
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    run = dj("export", tmp_path / "contacts.txt", "--db", db, "--format", "vcard")
    assert run.returncode == 0 and (tmp_path / "contacts.txt").read_bytes().startswith(b"BEGIN:VCARD")
    unknown = dj("export", tmp_path / "contacts.txt", "--db", db)
    assert unknown.returncode == 2 and "--format" in unknown.stderr
    stdout = subprocess.run([sys.executable, "-m", "dealjournal", "export", "-", "--format", "ics", "--db", str(db)],
                            capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)
    assert stdout.returncode == 0 and stdout.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert dj("export", tmp_path / "x.csv", "--db", tmp_path / "none.sqlite3").returncode == 1


def test_exported_vcard_imports_back(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert dj("import", FIXTURES / "linkedin_connections.csv", "--db", first).returncode == 0
    assert dj("export", tmp_path / "c.vcf", "--db", first).returncode == 0
    run = dj("import", tmp_path / "c.vcf", "--db", second, "--on-duplicate", "add")
    assert run.returncode == 0 and "3 new, 0 merged, 0 skipped" in run.stdout, run.stdout + run.stderr
    keep = ("name", "given_name", "family_name", "company", "title", "emails", "phones", "website", "location",
            "notes", "tags")
    one = [{k: c[k] for k in keep} | {"urls": [h["url"] for h in c["channels"]]} for c in exported(first)["contacts"]]
    two = [{k: c[k] for k in keep} | {"urls": [h["url"] for h in c["channels"]]} for c in exported(second)["contacts"]]
    assert one == two


# --- every real file -------------------------------------------------------------------------

# file -> (contacts in the journal afterwards, a name among them); None: nothing to import
REAL: dict[str, tuple[int, str] | None] = {
    "vcard/ezvcard__John_Doe_ANDROID.vcf": (6, "Ñ Ñ Ñ Ñ Ñ"),
    "vcard/ezvcard__John_Doe_BLACK_BERRY.vcf": (1, "John Doe"),
    "vcard/ezvcard__John_Doe_EVOLUTION.vcf": (1, "Mr. John Richter, James Doe Sr."),
    "vcard/ezvcard__John_Doe_GMAIL.vcf": (1, "Mr. John Richter, James Doe Sr."),
    "vcard/ezvcard__John_Doe_IPHONE.vcf": (1, "Mr. John Richter James Doe Sr."),
    "vcard/ezvcard__John_Doe_LOTUS_NOTES.vcf": (1, "Mr. Doe John I Johny"),
    "vcard/ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf": (1, "Mr. John Richter,James Doe Sr."),
    "vcard/ezvcard__John_Doe_MS_OUTLOOK.vcf": (1, "Mr. John Richter James Doe Sr."),
    "vcard/ezvcard__outlook-2003.vcf": (1, "John Doe III"),
    "vcard/ezvcard__outlook-2007.vcf": (1, "Mr. Michael Angstadt Jr."),
    "vcard/ezvcard__gmail-single2.vcf": (1, "VCard Test"),
    "vcard/ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf": (1, "John Doe"),
    "vcard/ezvcard__fullcontact.vcf": (1, "Prefix FirstName MiddleName LastName Suffix"),
    "vcard/ezvcard__issue114.vcf": (1, "Dummy, Dummy"),
    "vcard/ezvcard__rfc6350-example.vcf": (1, "Simon Perreault"),
    "vcard/ezvcard__rfc2426-example.vcf": (2, "Tim Howes"),
    "vcard/folkerkinzel__Greek.vcf": (1, "Βαγγέλης"),
    "vcard/folkerkinzel__Ukrainian.vcf": (1, "Віталій Володимирович Кличко"),
    "vcard/folkerkinzel__Hebrew.vcf": (1, "אפרים קישון"),
    "vcard/folkerkinzel__Murks.vcf": (1, "Sören Täve Nüßlebaum"),
    "vcard/folkerkinzel__v3Ansi.vcf": (2, "KMS Außenstelle"),
    "vcard/folkerkinzel__v3Utf16Bom.vcf": (2, "KMS Außenstelle"),
    "vcard/folkerkinzel__Cropped_2_1.vcf": (1, "Maxl"),
    "vcard/folkerkinzel__v2_1.vcf": (1, "Maxl"),
    "vcard/folkerkinzel__v4.vcf": (2, "Möhrke Gerda"),
    "vcard/folkerkinzel__WhatsAppIssue.vcf": (1, "zzMad Perla 45"),
    "vcard/folkerkinzel__LabelIssue.vcf": (1, "Rudi Wimmel"),
    "vcard/folkerkinzel__Empty.vcf": None,
    "linkedin/importjl__Connections_excel-resaved_3cols.csv": (300, "Recruiter at Korn Ferry"),
    # 73 rows repeat an earlier row's profile address and 2 a very similar name at the same company
    "linkedin/yangdb__Connections_crlf_synthetic.csv": (1794, "Lauren Robinson"),
    "google/mtrazzi__google_contacts_legacy_noname-row.csv": (3, "iforgotthisguysnamebutihavehisemail@gmail.com"),
}


@pytest.mark.realdata
@pytest.mark.parametrize("relative", sorted(REAL))
def test_real_file_imports_through_the_command(tmp_path: Path, relative: str) -> None:
    source = REALDATA / relative
    if not source.is_file():
        pytest.skip(f"real data file not available: {relative}")
    db = tmp_path / "j.sqlite3"
    run = dj("import", source, "--db", db)
    expected = REAL[relative]
    if expected is None:
        assert run.returncode == 1 and "no contacts" in run.stderr and not db.exists()
        return
    assert run.returncode == 0, run.stderr
    count, name = expected
    contacts = exported(db)["contacts"]
    assert len(contacts) == count
    assert name in {c["name"] for c in contacts}
    assert not any("\ufffd" in c["name"] for c in contacts)
    if relative.startswith("linkedin/"):
        assert all(c["channels"] and c["channels"][0]["network"] == "linkedin" for c in contacts)
        assert all(c["channels"][0]["following_since"] and c["channels"][0]["follows_back"] == "yes"
                   for c in contacts)
        if "yangdb" in relative:
            lauren = next(c for c in contacts if c["name"] == "Lauren Robinson")
            assert lauren["channels"][0]["following_since"] == "2010-01-21"
            assert lauren["channels"][0]["url"] == "https://www.linkedin.com/in/lrobinson"


@pytest.mark.realdata
def test_every_real_file_has_an_import_test() -> None:
    if not REALDATA.is_dir():
        pytest.skip("real data folder not available")
    present = {str(p.relative_to(REALDATA)) for p in REALDATA.glob("*/*") if p.is_file()}
    assert present <= set(REAL), sorted(present - set(REAL))
