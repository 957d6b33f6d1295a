"""Lenient parsing of the dates found in contact exports.

LinkedIn has written ``Connected On`` as ``02 Jun 2022``, ``1/8/18, 6:14 PM``
(US month/day/year), ``6-Feb-26`` and ``23-Nov-21`` over the years; Excel
re-saves turn them into yet other shapes.  Two-digit years are 2000-based
(LinkedIn started in 2003).  A time of day after the date is ignored.
"""

from __future__ import annotations

import datetime
import logging
import re

logger = logging.getLogger(__name__)

__all__ = ["parse_date"]

_MONTHS: dict[str, int] = {}
for _index, _names in enumerate((
        "jan january januar janv janvier ene enero gen",
        "feb february februar febr fév févr février febrero",
        "mar march märz mär maerz mars marzo",
        "apr april avr avril abr abril",
        "may mai mayo",
        "jun june juni juin junio giu",
        "jul july juli juil juillet julio lug",
        "aug august août aout ago agosto",
        "sep sept september septembre septiembre set",
        "oct october okt oktober octobre octubre ott",
        "nov november novembre noviembre",
        "dec december dez dezember déc décembre dic diciembre"), start=1):
    for _name in _names.split():
        _MONTHS[_name] = _index

_TIME_RE = re.compile(r"[,\s]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$", re.I)
_DAY_MON_YEAR = re.compile(r"^(\d{1,2})[\s\-./]+([^\W\d_]{3,10})\.?[\s\-.,/]+(\d{2}|\d{4})$")
_MON_DAY_YEAR = re.compile(r"^([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$")
_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DOTS = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _make(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str | None) -> datetime.date | None:
    """Return the date in ``text``, or ``None`` if empty or not understood.

    ``0/0/00`` and ``0.0.00`` (Outlook's "no date") give ``None``.
    """
    if not text:
        return None
    value = _TIME_RE.sub("", text.strip()).strip()
    if not value:
        return None
    match = _ISO.match(value)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DAY_MON_YEAR.match(value)
    if match:
        month = _MONTHS.get(match.group(2).lower())
        return _make(_year(match.group(3)), month, int(match.group(1))) if month else None
    match = _MON_DAY_YEAR.match(value)
    if match:
        month = _MONTHS.get(match.group(1).lower())
        return _make(int(match.group(3)), month, int(match.group(2))) if month else None
    match = _SLASH.match(value)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        if first > 12:  # day/month/year
            return _make(year, second, first)
        return _make(year, first, second)
    match = _DOTS.match(value)
    if match:
        return _make(_year(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None
