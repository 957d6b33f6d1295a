"""vCard parsing on hand-made fixtures: 2.1/3.0/4.0, encodings, folding,
quoted-printable, groups and labels, broken cards."""

from __future__ import annotations

import pytest

from dealjournal.importers import ImportFormatError, parse_bytes


def test_v21_quoted_printable_soft_breaks_and_bare_params(fixture_bytes) -> None:
    result = parse_bytes(fixture_bytes("v21_qp.vcf"))
    assert result.format == "vcard"
    assert [c.name for c in result.contacts] == ["José Muñoz"]
    contact = result.contacts[0]
    assert (contact.given_name, contact.family_name) == ("José", "Muñoz")
    assert contact.company == "Café Ltd"
    assert contact.title == "Buyer"
    assert contact.phones == [("work", "+34 91 000 0000"), ("mobile", "+34 600 000 000")]
    assert contact.emails == [(None, "jose@example.com")]
    # soft break at column 0, split UTF-8 sequence, blank lines after soft breaks
    assert contact.notes == "First line\nSecond ä line with a long tail"
    assert contact.location == "Calle Mayor 1, 28013 Madrid"
    assert contact.website == "http://cafe.example.com"
    assert contact.source_line == 2
    assert any("line 1" in w for w in result.warnings)  # stray line before BEGIN


def test_v30_groups_labels_escapes_and_derived_names(fixture_bytes) -> None:
    result = parse_bytes(fixture_bytes("v30_features.vcf"))
    names = [c.name for c in result.contacts]
    assert names == ["Ada Lovelace", "Charles Babbage", "Only Org Inc",
                     "only.mail@example.com", "Cut Off"]
    ada = result.contacts[0]
    assert ada.company == "Analytical, Engines Ltd"  # first ORG, first component, \, unescaped
    assert ada.title == "Count;ess"
    assert ada.emails == [("work", "ada@example.com"), ("Personal", "ada.home@example.com"),
                          ("home", "ada.other@example.com")]
    assert ada.phones == [("mobile", "+44 20 7946 0000"), ("work", "+44 20 7946 0001")]
    assert ada.notes.startswith("Line one\nLine two, with comma")
    assert ada.notes.endswith("and a four-space fold")
    assert ada.tags == ["fintech", "VIP", "gold"]  # "My Contacts" is a system group
    assert ada.website == "https://ada.example.com"
    assert ada.linkedin_url == "https://www.linkedin.com/in/adalovelace"
    assert ada.location == "London, United Kingdom"
    babbage = result.contacts[1]
    assert babbage.linkedin_url == "https://www.linkedin.com/in/cbabbage"
    assert babbage.website is None
    assert [(s.line, "no name" in s.reason) for s in result.skipped] == [(39, True)]
    assert result.contacts[-1].source_line == 43
    assert any(w.startswith("line 43:") and "END:VCARD" in w for w in result.warnings)


def test_v40_caret_escapes_and_uri_values(fixture_bytes) -> None:
    contact = parse_bytes(fixture_bytes("v40_caret.vcf")).contacts[0]
    assert contact.phones == [("work", "+1-555-555-0100")]
    assert contact.location == '1 Navy Way, Arlington, VA"USA"'
    assert contact.emails == [(None, "grace@example.com")]


@pytest.mark.parametrize(("name", "full", "place"), [
    ("cp1251_undeclared.vcf", "Олена Петренко", "Львів"),
    ("cp1253_undeclared.vcf", "Γιώργος Παπαδόπουλος", "Θεσσαλονίκη"),
    ("cp1255_undeclared.vcf", "דוד כהן", "ירושלים"),
    ("cp1252_undeclared.vcf", "Iñigo Muñoz Größer", "Málaga"),
])
def test_undeclared_windows_code_pages(fixture_bytes, name: str, full: str, place: str) -> None:
    result = parse_bytes(fixture_bytes(name))
    assert [c.name for c in result.contacts] == [full]
    assert result.contacts[0].location == place


def test_unknown_charset_falls_back(fixture_bytes) -> None:
    result = parse_bytes(fixture_bytes("charset_murks.vcf"))
    contact = result.contacts[0]
    assert contact.name == "Jürgen Müller"
    assert contact.notes == "Grüße"
    assert any("Murks" in w and w.startswith("line 5") for w in result.warnings)


@pytest.mark.parametrize("name", ["utf16le_nobom.vcf", "utf16be_bom.vcf"])
def test_utf16_with_and_without_bom(fixture_bytes, name: str) -> None:
    result = parse_bytes(fixture_bytes(name))
    assert [(c.name, c.emails) for c in result.contacts] == [
        ("Zoë Ångström", [(None, "zoe@example.com")])]


def test_cr_cr_lf_and_mixed_line_endings(fixture_bytes) -> None:
    contact = parse_bytes(fixture_bytes("crcrlf_mixed.vcf")).contacts[0]
    assert contact.name == "Mixed Endings"
    assert contact.emails == [(None, "mixed@example.com")]
    assert contact.phones == [(None, "123")]
    assert contact.notes == "folded note"


def test_control_characters_are_stripped() -> None:
    data = b"BEGIN:VCARD\nFN:Bad\x01Name\x7f\nNOTE:tab\\there\x0bx\nEND:VCARD\n"
    contact = parse_bytes(data).contacts[0]
    assert contact.name == "BadName"
    assert "\x0b" not in contact.notes


def test_card_without_any_name_and_without_end_is_reported() -> None:
    data = b"BEGIN:VCARD\nVERSION:3.0\nFN:Good\nEND:VCARD\nBEGIN:VCARD\nNOTE:nothing\n"
    result = parse_bytes(data)
    assert [c.name for c in result.contacts] == ["Good"]
    assert len(result.skipped) == 1 and result.skipped[0].line == 5
    assert "END:VCARD" in result.skipped[0].reason


def test_huge_field_is_truncated_with_warning() -> None:
    note = b"x" * 1_500_000
    data = b"BEGIN:VCARD\nFN:Big\nNOTE:" + note + b"\nEND:VCARD\n"
    result = parse_bytes(data)
    assert len(result.contacts[0].notes) == 1_000_000
    assert any("cut short" in w for w in result.warnings)


def test_explicit_vcard_format_on_csv_is_rejected() -> None:
    with pytest.raises(ImportFormatError, match="BEGIN:VCARD"):
        parse_bytes(b"First Name,Last Name\nA,B\n", format="vcard")
