"""Normalised keys that decide whether two contacts are the same person.

* e-mail: casefolded, surrounding space and ``mailto:`` removed;
* LinkedIn profile: host, scheme, ``www.``/country sub-domain, query, fragment, trailing
  slash and case removed, percent-escapes decoded (``https://uk.linkedin.com/in/Ada/`` and
  ``linkedin.com/in/ada`` are the same profile);
* name: casefolded, accents stripped, punctuation removed, tokens sorted (so "Doe, John"
  and "John Doe" match); similar names compare with :class:`difflib.SequenceMatcher`;
* company: like a name, without legal-form words ("Acme Ltd" = "ACME").
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from urllib.parse import unquote, urlsplit

from dealjournal.importers import ParsedContact

NAME_RATIO = 0.9  # difflib ratio at or above which two names at the same company are one person
MAX_COMPARISONS = 400  # similar-name comparisons per row at most

_LEGAL_FORMS = frozenset({"inc", "ltd", "llc", "gmbh", "ag", "sa", "sas", "sarl", "plc", "co", "corp",
                          "corporation", "limited", "bv", "nv", "srl", "spa", "oy", "ab", "as", "kg",
                          "pty", "lp", "llp", "company"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_LINKEDIN_HOST = re.compile(r"(?:^|\.)linkedin\.com$")


def fold(text: str) -> str:
    """Casefolded text without accents, punctuation or repeated spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare.casefold()).split())


def email_key(value: str | None) -> str | None:
    """The key of an e-mail address, or None when there is none."""
    if not value:
        return None
    text = value.strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:].strip()
    return text.casefold() or None


def linkedin_key(url: str | None) -> str | None:
    """The key of a LinkedIn profile address (None when *url* is not one)."""
    if not url:
        return None
    text = url.strip()
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = (parts.hostname or "").casefold()
    if not _LINKEDIN_HOST.search(host):
        return None
    path = unquote(parts.path).casefold().rstrip("/")
    path = re.sub(r"/+", "/", path)
    return ("linkedin.com" + path) if path else None


def linkedin_handle(url: str | None) -> str | None:
    """``ada-byron`` from ``https://www.linkedin.com/in/ada-byron/`` (None if not a profile)."""
    if not linkedin_key(url):
        return None
    assert url is not None
    text = url.strip()
    path = urlsplit(text if "://" in text else "https://" + text.lstrip("/")).path
    segments = [unquote(s) for s in path.split("/") if s]
    if len(segments) >= 2 and segments[0].casefold() in ("in", "pub"):
        return segments[1]
    return None


def name_key(name: str) -> str:
    """Sorted, folded name tokens ("doe john"); the casefolded name when nothing is left."""
    tokens = fold(name).split()
    return " ".join(sorted(tokens)) if tokens else " ".join(name.casefold().split())


def company_key(company: str | None) -> str:
    """The folded company without legal forms ("" when there is no company)."""
    if not company:
        return ""
    tokens = fold(company.replace(".", "")).split()  # "S.A." is "SA"
    kept = [t for t in tokens if t not in _LEGAL_FORMS]
    return " ".join(kept or tokens) or " ".join(company.casefold().split())


def has_personal_name(contact: ParsedContact) -> bool:
    """Whether the contact's name names a person (not one the parser made up from other fields).

    Parsers name a record without a name after its job ("Recruiter at Korn Ferry"), company,
    e-mail or phone; two such records are not known to be one person, so they are never
    matched by name.
    """
    if contact.given_name or contact.family_name:
        return True
    name = contact.name.strip()
    if not name or "@" in name:
        return False
    company = (contact.company or "").strip()
    if company and (name == company or name.endswith(f" at {company}")):
        return False
    if contact.phones and name == contact.phones[0][1]:
        return False
    return not (contact.linkedin_url and linkedin_handle(contact.linkedin_url) == name)


class NameMatcher:
    """Finds the same name, or a very similar one at the same company, among the names added.

    Same name: the same company, or no company on one side (a company only ever fills an
    empty one, see :meth:`set_company`). Similar names are looked for among the names at
    the same company that share a word with the name (a typo leaves the other words
    intact; reordered words are the same name), smallest group first and at most
    :data:`MAX_COMPARISONS` of them, so that 10k people at one company stay fast.
    """

    def __init__(self) -> None:
        self._exact: dict[tuple[str, str], object] = {}
        self._any: dict[str, object] = {}
        self._no_company: dict[str, list[object]] = {}
        self._by_word: dict[tuple[str, str], dict[str, object]] = {}
        self._names: dict[object, str] = {}

    def add(self, name: str, company: str | None, target: object) -> None:
        key, ckey = name_key(name), company_key(company)
        self._names[target] = key
        self._any.setdefault(key, target)
        if ckey:
            self._add_company(key, ckey, target)
        else:
            self._no_company.setdefault(key, []).append(target)

    def _add_company(self, key: str, ckey: str, target: object) -> None:
        self._exact.setdefault((ckey, key), target)
        for word in set(key.split()):
            self._by_word.setdefault((ckey, word), {}).setdefault(key, target)

    def set_company(self, target: object, company: str | None) -> None:
        """*target* (added without a company) now has *company*."""
        key, ckey = self._names.get(target), company_key(company)
        waiting = self._no_company.get(key or "")
        if key is None or not ckey or not waiting or target not in waiting:
            return
        waiting.remove(target)
        self._add_company(key, ckey, target)

    def find(self, name: str, company: str | None) -> object | None:
        """The target of the same name or of a very similar one at the same company, or None."""
        key, ckey = name_key(name), company_key(company)
        if not ckey:
            return self._any.get(key)
        found = self._exact.get((ckey, key))
        if found is not None:
            return found
        waiting = self._no_company.get(key)
        if waiting:
            return waiting[0]
        groups = [g for g in (self._by_word.get((ckey, w)) for w in set(key.split())) if g]
        if not groups:
            return None
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(key)
        digits = _digits(key)
        budget = MAX_COMPARISONS
        for group in sorted(groups, key=len):
            for other, target in group.items():
                budget -= 1
                if budget < 0:
                    return None
                if _digits(other) != digits:
                    continue  # "Team 2" is not "Team 3": names that differ in their numbers differ
                matcher.set_seq1(other)
                if (matcher.real_quick_ratio() >= NAME_RATIO and matcher.quick_ratio() >= NAME_RATIO
                        and matcher.ratio() >= NAME_RATIO):
                    return target
        return None


def _digits(text: str) -> str:
    """The digits of a name, in order (two names with different numbers are different people)."""
    return "".join(ch for ch in text if ch.isdigit())
