"""Guess which Windows code page undeclared 8-bit text was written in.

Old address books (Outlook, Windows Address Book, feature phones) write names
in the machine's ANSI code page without saying which one.  When bytes are not
valid UTF-8 we decode them with each candidate code page and score how much the
result looks like real words:

* undefined bytes, symbols glued to letters (``³``, ``÷``, ``¤``) and words
  that mix scripts (``Sцren``) are penalised;
* an upper-case letter after a lower-case one in the same word (``РарагаЯпх``)
  is penalised, since names are capitalised at the start;
* Cyrillic and Greek words get a bonus when their vowel ratio is natural,
  Greek words also for accents and final sigma where Greek puts them, and a
  Cyrillic or Greek reading without a single capital letter is penalised
  (names are capitalised; caseless Hebrew read as cp1251/cp1253 looks so);
* Hebrew words get a bonus when a final letter form (ם ן ך ף ץ) ends a word and
  a penalty when one appears inside a word;
* Latin words made mostly of accented letters are penalised (in Western
  languages accents are sprinkled among ASCII letters).

The highest score wins; ties go to the earlier candidate (Windows-1252).
"""

from __future__ import annotations

import logging
import re
import unicodedata

logger = logging.getLogger(__name__)

__all__ = ["CANDIDATES", "guess_codepage"]

#: Code pages we can tell apart, in order of preference on a tie.
CANDIDATES: tuple[str, ...] = ("cp1252", "cp1251", "cp1253", "cp1255")

_TOKEN_SPLIT = re.compile(r"[\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")
_VOWELS = set("aeiouyаеёиоуыэюяіїєαεηιουωάέήίόύώϊϋΐΰ")
_HEBREW_FINALS = set("םןךףץ")
_GREEK_ACCENTED = set("άέήίόύώΐΰΆΈΉΊΌΎΏ")


def _script(ch: str) -> str:
    """Return a coarse script name for a letter."""
    if ch < "\u0250":
        return "latin"
    if "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff":
        return "greek"
    if "\u0400" <= ch <= "\u052f":
        return "cyrillic"
    if "\u0590" <= ch <= "\u05ff" or "\ufb1d" <= ch <= "\ufb4f":
        return "hebrew"
    return "other"


def _score_token(token: str) -> float:
    """Score one word; only words holding non-ASCII characters are scored."""
    score = 0.0
    letters = [c for c in token if c.isalpha()]
    high = [c for c in token if ord(c) > 127]
    symbols = [c for c in high if not c.isalpha() and unicodedata.category(c)[0] != "M"]
    score -= 3.0 * len(symbols)
    if not letters:
        return score
    scripts = {_script(c) for c in letters}
    if len(scripts) > 1:
        score -= 4.0
    if "other" in scripts:
        score -= 2.0
    for prev, cur in zip(letters, letters[1:]):
        if prev.islower() and cur.isupper():
            score -= 2.0
    main = next(iter(scripts)) if len(scripts) == 1 else ""
    if main == "latin":
        high_letters = [c for c in letters if ord(c) > 127]
        if len(high_letters) >= 3 and len(high_letters) * 2 >= len(letters):
            score -= 2.0
        else:
            score += 0.5
    elif main in ("cyrillic", "greek"):
        if len(letters) >= 3:
            ratio = sum(1 for c in letters if c.lower() in _VOWELS) / len(letters)
            score += 1.0 if 0.25 <= ratio <= 0.75 else -1.0
        if main == "greek":
            score += _greek_shape(letters)
    elif main == "hebrew":
        if len(letters) >= 2:
            if letters[-1] in _HEBREW_FINALS:
                score += 1.0
            if any(c in _HEBREW_FINALS for c in letters[:-1]):
                score -= 2.0
    return score


def _greek_shape(letters: list[str]) -> float:
    """Monotonic Greek: one accent per word of two or more syllables, final
    sigma only at the end, never a plain sigma at the end."""
    score = -1.0 * sum(1 for c in letters if c in "ΰΐ")  # rare in Greek; 0xE0 is а/א
    if "ς" in letters[:-1]:
        score -= 2.0
    if letters[-1] == "σ":
        score -= 1.0
    if len(letters) >= 4 and not all(c.isupper() for c in letters):
        score += 0.5 if any(c in _GREEK_ACCENTED for c in letters) else -1.0
    return score


def _score(text: str) -> float:
    """Score a whole decoded sample."""
    score = -5.0 * text.count("\ufffd")
    high_letters = [c for c in text if c > "\x7f" and c.isalpha()]
    if len(high_letters) >= 3 and _script(high_letters[0]) in ("greek", "cyrillic") \
            and not any(c.isupper() for c in high_letters):
        score -= 3.0  # names are capitalised; caseless Hebrew looks like this
    # C1 control characters never appear in real names or notes.
    score -= 5.0 * sum(1 for c in text if "\x80" <= c <= "\x9f")
    for token in _TOKEN_SPLIT.split(text):
        if token and any(ord(c) > 127 for c in token):
            score += _score_token(token)
    return score


def guess_codepage(sample: bytes) -> str:
    """Return the most plausible Windows code page for ``sample``.

    ``sample`` should contain the text that is not valid UTF-8 (the more the
    better).  Without any byte above 0x7F the answer is ``cp1252``.
    """
    if not any(b > 0x7F for b in sample):
        return CANDIDATES[0]
    best, best_score = CANDIDATES[0], float("-inf")
    for codec in CANDIDATES:
        score = _score(sample.decode(codec, errors="replace"))
        if score > best_score:
            best, best_score = codec, score
    logger.debug("guessed code page %s (score %.1f)", best, best_score)
    return best
