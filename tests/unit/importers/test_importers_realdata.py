"""Every real exported file in ``../shared/realdata``: exact contact counts,
correctly decoded names, broken files reported with line numbers.

Skipped when the folder is absent (see ``conftest.realdata_root``)."""

from __future__ import annotations

import datetime

import pytest

from dealjournal.importers import detect_format, parse_bytes

pytestmark = pytest.mark.realdata

V = "vcard/"

# file → (format, number of contacts, names expected among them)
EXPECTED: dict[str, tuple[str, int, list[str]]] = {
    V + "ezvcard__John_Doe_ANDROID.vcf": ("vcard", 6, [
        "john.doe@company.com", "jane.doe@company.com", "Ñ Ñ Ñ Ñ Ñ",
        "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ", "ÑÑÑÑ"]),
    V + "ezvcard__John_Doe_BLACK_BERRY.vcf": ("vcard", 1, ["John Doe"]),
    V + "ezvcard__John_Doe_EVOLUTION.vcf": ("vcard", 1, ["Mr. John Richter, James Doe Sr."]),
    V + "ezvcard__John_Doe_GMAIL.vcf": ("vcard", 1, ["Mr. John Richter, James Doe Sr."]),
    V + "ezvcard__John_Doe_IPHONE.vcf": ("vcard", 1, ["Mr. John Richter James Doe Sr."]),
    V + "ezvcard__John_Doe_LOTUS_NOTES.vcf": ("vcard", 1, ["Mr. Doe John I Johny"]),
    V + "ezvcard__John_Doe_MAC_ADDRESS_BOOK.vcf": ("vcard", 1, ["Mr. John Richter,James Doe Sr."]),
    V + "ezvcard__John_Doe_MS_OUTLOOK.vcf": ("vcard", 1, ["Mr. John Richter James Doe Sr."]),
    V + "ezvcard__outlook-2003.vcf": ("vcard", 1, ["John Doe III"]),
    V + "ezvcard__outlook-2007.vcf": ("vcard", 1, ["Mr. Michael Angstadt Jr."]),
    V + "ezvcard__gmail-single2.vcf": ("vcard", 1, ["VCard Test"]),
    V + "ezvcard__thunderbird-MoreFunctionsForAddressBook-extension.vcf": ("vcard", 1, ["John Doe"]),
    V + "ezvcard__fullcontact.vcf": ("vcard", 1, ["Prefix FirstName MiddleName LastName Suffix"]),
    V + "ezvcard__issue114.vcf": ("vcard", 1, ["Dummy, Dummy"]),
    V + "ezvcard__rfc6350-example.vcf": ("vcard", 1, ["Simon Perreault"]),
    V + "ezvcard__rfc2426-example.vcf": ("vcard", 2, ["Frank Dawson", "Tim Howes"]),
    V + "folkerkinzel__Greek.vcf": ("vcard", 1, ["Βαγγέλης"]),
    V + "folkerkinzel__Ukrainian.vcf": ("vcard", 1, ["Віталій Володимирович Кличко"]),
    V + "folkerkinzel__Hebrew.vcf": ("vcard", 1, ["אפרים קישון"]),
    V + "folkerkinzel__Murks.vcf": ("vcard", 1, ["Sören Täve Nüßlebaum"]),
    V + "folkerkinzel__v3Ansi.vcf": ("vcard", 2, ["Folker Kinzel", "KMS Außenstelle"]),
    V + "folkerkinzel__v3Utf16Bom.vcf": ("vcard", 2, ["Folker Kinzel", "KMS Außenstelle"]),
    V + "folkerkinzel__Cropped_2_1.vcf": ("vcard", 1, ["Maxl"]),
    V + "folkerkinzel__v2_1.vcf": ("vcard", 1, ["Maxl"]),
    V + "folkerkinzel__v4.vcf": ("vcard", 2, ["Möhrke Gerda", "Dr. Max Horst Mustermann jr. Maxl SED"]),
    V + "folkerkinzel__WhatsAppIssue.vcf": ("vcard", 1, ["zzMad Perla 45"]),
    V + "folkerkinzel__LabelIssue.vcf": ("vcard", 1, ["Rudi Wimmel"]),
    V + "folkerkinzel__Empty.vcf": ("vcard", 0, []),
    "linkedin/importjl__Connections_excel-resaved_3cols.csv": ("linkedin", 300, [
        "Recruitment Consultant at TalentQuest Recruitment", "Recruiter at Korn Ferry"]),
    "linkedin/yangdb__Connections_crlf_synthetic.csv": ("linkedin", 1869, ["Lauren Robinson"]),
    "google/mtrazzi__google_contacts_legacy_noname-row.csv": ("google", 3, [
        "Richard Feynman", "iforgotthisguysnamebutihavehisemail@gmail.com", "Elon Musk"]),
}


@pytest.mark.parametrize("relative", sorted(EXPECTED))
def test_realdata_counts_and_names(realdata, relative: str) -> None:
    fmt, count, names = EXPECTED[relative]
    data = realdata(relative)
    result = parse_bytes(data, filename=relative.rsplit("/", 1)[-1])
    assert result.format == fmt
    assert len(result.contacts) == count
    got = [c.name for c in result.contacts]
    for name in names:
        assert name in got
    for contact in result.contacts:
        assert contact.name.strip() and "\ufffd" not in contact.name
        assert contact.source_line >= 1
    if count:
        assert detect_format(data) == fmt


def test_realdata_every_file_is_listed(realdata_dir) -> None:
    root = realdata_dir
    present = {str(p.relative_to(root)) for p in root.glob("*/*") if p.is_file()}
    assert present <= set(EXPECTED), sorted(present - set(EXPECTED))


def test_realdata_ukrainian_greek_hebrew_details(realdata) -> None:
    greek = parse_bytes(realdata(V + "folkerkinzel__Greek.vcf")).contacts[0]
    assert (greek.given_name, greek.family_name) == ("Ευάγγελος", "Παπαθανασίου")
    assert greek.location == "Αθήνα"
    ukr = parse_bytes(realdata(V + "folkerkinzel__Ukrainian.vcf")).contacts[0]
    assert (ukr.family_name, ukr.location) == ("Кличко", "Київ")
    hebrew = parse_bytes(realdata(V + "folkerkinzel__Hebrew.vcf")).contacts[0]
    assert (hebrew.given_name, hebrew.family_name) == ("Ephraim", "Kishon")


def test_realdata_broken_files_report_line_numbers(realdata) -> None:
    murks = parse_bytes(realdata(V + "folkerkinzel__Murks.vcf"))
    assert murks.contacts[0].location == "Mößlitz"
    assert any(w.startswith("line 6:") and "Murks" in w for w in murks.warnings)
    cropped = parse_bytes(realdata(V + "folkerkinzel__Cropped_2_1.vcf"))
    maxl = cropped.contacts[0]
    assert (maxl.given_name, maxl.family_name, maxl.company) == ("Max", "Mustermann", "Firma")
    assert maxl.notes.startswith("Kommentar ÄÄÄÄÄÄ ääääää ÖÖÖÖÖÖ öööööö ÜÜÜÜÜÜ")
    assert any(w.startswith("line 1:") and "END:VCARD" in w for w in cropped.warnings)


def test_realdata_empty_vcf_is_a_clean_no_contacts(realdata) -> None:
    result = parse_bytes(realdata(V + "folkerkinzel__Empty.vcf"), filename="Empty.vcf")
    assert (result.contacts, result.skipped) == ([], [])
    assert "no contacts" in result.warnings[0]


def test_realdata_android_and_labels(realdata) -> None:
    android = parse_bytes(realdata(V + "ezvcard__John_Doe_ANDROID.vcf"))
    assert not any("code page" in w or "Windows" in w for w in android.warnings)
    assert android.contacts[4].emails == [("work", "bob@company.com"), (None, "Ñ" * 14)]
    assert android.contacts[5].company == "Ñ" * 44
    assert android.contacts[0].tags == []  # "My Contacts" is a system group
    iphone = parse_bytes(realdata(V + "ezvcard__John_Doe_IPHONE.vcf")).contacts[0]
    assert ("mobile", "905-555-1234") in iphone.phones
    v3ansi = parse_bytes(realdata(V + "folkerkinzel__v3Ansi.vcf")).contacts
    assert v3ansi[1].emails == [(None, "blablö@blub.com")]
    assert ("homeFax", "03443-333440") in v3ansi[1].phones
    label = parse_bytes(realdata(V + "folkerkinzel__LabelIssue.vcf")).contacts[0]
    assert label.location == "Schaffhausen, Deutschland"


def test_realdata_linkedin_details(realdata) -> None:
    excel = parse_bytes(realdata("linkedin/importjl__Connections_excel-resaved_3cols.csv"))
    assert [s.line for s in excel.skipped] == [104, 105, 110, 134, 191, 243, 290, 293]
    assert excel.contacts[0].connected_on == datetime.date(2021, 11, 23)
    assert excel.contacts[0].source_line == 5
    assert "EF英孚教育" in {c.company for c in excel.contacts}
    synthetic = parse_bytes(realdata("linkedin/yangdb__Connections_crlf_synthetic.csv"))
    first = synthetic.contacts[0]
    assert first.linkedin_url == "https://www.linkedin.com/in/lrobinson"
    assert first.connected_on == datetime.date(2010, 1, 21)
    assert all(c.connected_on for c in synthetic.contacts)


def test_realdata_google_noname_row(realdata) -> None:
    result = parse_bytes(realdata("google/mtrazzi__google_contacts_legacy_noname-row.csv"))
    assert result.contacts[1].source_line == 3
    assert result.contacts[0].emails == [(None, "rich@caltech.edu")]
