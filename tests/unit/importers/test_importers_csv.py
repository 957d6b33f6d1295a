"""LinkedIn, Google, Outlook and generic CSV parsing on hand-made fixtures."""

from __future__ import annotations

import datetime

import pytest

from dealjournal.importers import (
    ImportFormatError,
    csv_headers,
    detect_format,
    guess_column_map,
    parse_bytes,
)
from dealjournal.importers.dates import parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("02 Jun 2022", datetime.date(2022, 6, 2)),
    ("1/8/18, 6:14 PM", datetime.date(2018, 1, 8)),
    ("6-Feb-26", datetime.date(2026, 2, 6)),
    ("23-Nov-21", datetime.date(2021, 11, 23)),
    ("2022-06-02", datetime.date(2022, 6, 2)),
    ("Jun 2, 2022", datetime.date(2022, 6, 2)),
    ("31/12/2019", datetime.date(2019, 12, 31)),
    ("24.12.2020", datetime.date(2020, 12, 24)),
    ("0/0/00", None), ("0.0.00", None), ("", None), ("31 Feb 2020", None), ("soon", None),
])
def test_parse_date(text: str, expected: datetime.date | None) -> None:
    assert parse_date(text) == expected


def test_linkedin_current_with_preamble(fixture_bytes) -> None:
    data = fixture_bytes("linkedin_current.csv")
    assert detect_format(data) == "linkedin"
    result = parse_bytes(data)
    assert [c.name for c in result.contacts] == [
        "Ada Lovelace", "Charles Babbage", "Recruiter at Korn Ferry", "anonymous-42", "Grace Hopper"]
    ada = result.contacts[0]
    assert ada.linkedin_url == "https://www.linkedin.com/in/adalovelace"
    assert ada.connected_on == datetime.date(2022, 6, 2)
    assert ada.emails == [(None, "ada@example.com")]
    assert (ada.company, ada.title, ada.source_line) == ("Analytical Engines", "Countess", 5)
    assert result.contacts[1].company == "Engines, Ltd"
    assert result.contacts[1].connected_on == datetime.date(2026, 2, 6)
    assert [(s.line, "no name" in s.reason) for s in result.skipped] == [(7, True)]
    assert result.contacts[4].connected_on is None
    assert any(w.startswith("line 10:") for w in result.warnings)


def test_linkedin_old_header_without_url(fixture_bytes) -> None:
    result = parse_bytes(fixture_bytes("linkedin_old.csv"), format="linkedin")
    assert [(c.name, c.connected_on) for c in result.contacts] == [
        ("Alan Turing", datetime.date(2018, 1, 8)),
        ("Émilie du Châtelet", datetime.date(2017, 12, 31))]
    assert all(c.linkedin_url is None for c in result.contacts)


def test_linkedin_excel_resaved_anonymised(fixture_bytes) -> None:
    result = parse_bytes(fixture_bytes("linkedin_excel.csv"))
    assert result.format == "linkedin"
    assert [c.name for c in result.contacts] == [
        "Recruitment Consultant at TalentCo", "Analyst at Bank, Limited", "Solo Company"]
    assert [s.line for s in result.skipped] == [7]


def test_google_current_layout(fixture_bytes) -> None:
    data = fixture_bytes("google_current.csv")
    assert detect_format(data) == "google"
    result = parse_bytes(data)
    assert [c.name for c in result.contacts] == ["Ada Lovelace", "noname@example.com", "Bob Builder"]
    ada = result.contacts[0]
    assert ada.emails == [("Work", "ada@work.example"), ("Work", "ada@alt.example"),
                          ("Home", "ada@home.example")]
    assert ada.phones == [("Mobile", "+44 1"), ("Mobile", "+44 2")]
    assert ada.tags == ["Clients"]
    assert ada.notes == "Met at a\nconference"
    assert ada.location == "London, UK"
    assert ada.linkedin_url == "https://www.linkedin.com/in/ada"
    assert (ada.company, ada.title) == ("Analytical", "Countess")
    assert result.contacts[1].emails == [(None, "noname@example.com")]
    assert result.contacts[2].location == "Site 4, Springfield"  # multi-line quoted address
    assert result.contacts[2].source_line == 7


def test_google_legacy_layout(fixture_bytes) -> None:
    result = parse_bytes(fixture_bytes("google_legacy.csv"), format="google")
    feynman, other = result.contacts
    assert (feynman.name, feynman.company, feynman.title) == ("Richard Feynman", "Caltech", "Professor")
    assert feynman.emails == [(None, "rich@caltech.example")]
    assert feynman.tags == ["Physicists"]
    assert feynman.website == "http://feynman.example"
    assert other.name == "someone@example.com" and other.emails == [("Other", "someone@example.com")]


def test_outlook_german_cp1252_short_rows(fixture_bytes) -> None:
    data = fixture_bytes("outlook_de.csv")
    assert detect_format(data) == "outlook"
    result = parse_bytes(data)
    juergen, anna = result.contacts
    assert juergen.name == "Jürgen Müller"
    assert (juergen.company, juergen.title) == ("Bäckerei Müller GmbH", "Geschäftsführer")
    assert juergen.emails == [(None, "juergen@example.de")]
    assert ("work", "+49 89 000") in juergen.phones
    assert juergen.location == "München, Deutschland"
    assert juergen.tags == ["Kunden", "Bäcker"]
    assert (anna.name, anna.location) == ("Anna Schäfer", "Köln")
    assert [s.line for s in result.skipped] == [4]


def test_outlook_com(fixture_bytes) -> None:
    result = parse_bytes(fixture_bytes("outlook_com.csv"))
    assert result.format == "outlook"
    grace = result.contacts[0]
    assert grace.name == "Grace Brewster Hopper"
    assert grace.title == "Rear Admiral"  # not the "Title" (salutation) column
    assert grace.tags == ["VIP", "Navy"]


def test_generic_csv_guess_and_explicit_map(fixture_bytes) -> None:
    data = fixture_bytes("generic_semicolon.csv")
    assert detect_format(data) == "csv"
    headers = csv_headers(data)
    assert headers == ["Full name", "Organisation", "Mail", "Mobile", "Town", "Remarks", "Groups"]
    guessed = guess_column_map(headers)
    assert guessed["name"] == "Full name" and guessed["email"] == "Mail"
    result = parse_bytes(data)
    linus = result.contacts[0]
    assert linus.emails == [(None, "linus@example.com"), (None, "linus2@example.com")]
    assert linus.tags == ["oss", "vip"]
    assert [s.line for s in result.skipped] == [3]
    custom = parse_bytes(data, column_map={"company": "Organisation", "notes": "Remarks"})
    assert [c.name for c in custom.contacts] == ["Kernel AG"]


def test_generic_csv_bad_column_maps(fixture_bytes) -> None:
    data = fixture_bytes("generic_semicolon.csv")
    with pytest.raises(ImportFormatError, match="not in the file"):
        parse_bytes(data, column_map={"name": "Nope"})
    with pytest.raises(ImportFormatError, match="unknown field"):
        parse_bytes(data, column_map={"shoe_size": "Mail"})
    with pytest.raises(ImportFormatError, match="recognised"):
        parse_bytes(b"alpha,beta\n1,2\n", format="csv")


def test_wrong_explicit_csv_format(fixture_bytes) -> None:
    with pytest.raises(ImportFormatError, match="no 'Connected On' column"):
        parse_bytes(fixture_bytes("google_current.csv"), format="linkedin")
    with pytest.raises(ImportFormatError, match="Google"):
        parse_bytes(fixture_bytes("linkedin_current.csv"), format="google")
    with pytest.raises(ImportFormatError, match="Outlook"):
        parse_bytes(fixture_bytes("linkedin_current.csv"), format="outlook")
    with pytest.raises(ImportFormatError, match="vCard"):
        parse_bytes(fixture_bytes("v30_features.vcf"), format="linkedin")


def test_column_map_on_a_known_layout_reads_it_as_generic_csv(fixture_bytes) -> None:
    result = parse_bytes(fixture_bytes("linkedin_current.csv"),
                         column_map={"name": "Company", "email": "Email Address"})
    assert result.format == "csv"
    assert result.contacts[0].name == "Analytical Engines"
    assert result.contacts[0].emails == [(None, "ada@example.com")]
    assert result.contacts[0].connected_on is None
