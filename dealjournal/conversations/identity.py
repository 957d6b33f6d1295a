"""How a party of a conversation is compared: one key per identity.

DOMAIN.md, *Matching*: e-mail addresses case-insensitively, phone numbers in E.164,
profile URLs by ``/in/<slug>`` (case-insensitive, without query or trailing slash), chat
display names exactly. The same keys identify *Me* and the contacts, so a match is a
dictionary lookup.

Keys read ``kind:value``: ``email:ada@example.com``, ``phone:+4917012345678``,
``url:linkedin.com/in/ada-byron``, ``name:Ada Byron``, ``handle:telegram:user42``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import unquote, urlsplit

import phonenumbers

from dealjournal.conversations.model import EMAIL, HANDLE, NAME, PHONE, URL, Party

_LINKEDIN_IN = re.compile(r"/in/([^/?#]+)", re.IGNORECASE)
_PHONE_TEXT = re.compile(r"[+(]?\d[\d\s().\-/]{5,}\d\Z")
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)


def email_key(address: str) -> str:
    return "email:" + _MAILTO.sub("", address.strip().strip("<>").strip()).casefold()


def phone_key(number: str, region: str | None = None) -> str:
    """E.164 when the number parses (a number without +country needs *region*); else its digits."""
    text = number.strip()
    try:
        parsed = phonenumbers.parse(text, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None and phonenumbers.is_possible_number(parsed):
        return "phone:" + phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    digits = "".join(ch for ch in text if ch.isdigit())
    return "phone:" + ("+" + digits if text.startswith("+") else digits)


def url_key(url: str) -> str:
    """A LinkedIn profile as ``url:linkedin.com/in/<slug>``; any other URL without scheme,
    ``www.``, query, fragment or trailing slash, lower-cased."""
    text = url.strip()
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
    except ValueError:
        return "url:" + url.strip().casefold()
    host = (parts.hostname or "").casefold()
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        found = _LINKEDIN_IN.search(parts.path)
        if found:
            return "url:linkedin.com/in/" + unquote(found.group(1)).casefold()
    host = host.removeprefix("www.")
    return "url:" + host + parts.path.rstrip("/").casefold()


def name_key(name: str) -> str:
    """A display name, exactly (only Unicode-normalized and trimmed: "equals exactly")."""
    return "name:" + unicodedata.normalize("NFC", name).strip()


@functools.lru_cache(maxsize=1 << 16)  # a chat names the same few people thousands of times
def key_of(party: Party, region: str | None = None) -> str:
    """The comparison key of *party* (see the module docstring)."""
    if party.kind == EMAIL:
        return email_key(party.value)
    if party.kind == PHONE:
        return phone_key(party.value, region)
    if party.kind == URL:
        return url_key(party.value)
    if party.kind == NAME:
        return name_key(party.value)
    return f"{party.kind}:{party.value}"


def parse_identity(text: str) -> Party:
    """An identity typed by the user (Preferences ▸ Me, ``--me``): an e-mail address, a
    phone number, a profile URL, ``telegram:user42``, or else a chat display name."""
    value = text.strip()
    if "@" in value and " " not in value and not value.lower().startswith(("http:", "https:")):
        return Party(EMAIL, _MAILTO.sub("", value))
    if value.lower().startswith(("http://", "https://", "www.", "linkedin.com/")):
        return Party(URL, value)
    if _PHONE_TEXT.match(value):
        return Party(PHONE, value)
    if value.lower().startswith("telegram:"):
        return Party(HANDLE, value)
    return Party(NAME, value)


def shown(party: Party) -> str:
    """How the review names *party*: its display name, else its address or number."""
    return party.name or party.value
