"""Sentences the core writes for people, kept translatable without importing Qt.

The core (health reasons, errors, import reasons) speaks English: the command line and the
JSON report print that English. The window shows the same sentences in the user's
language, so the core does not hand it finished text but a :class:`Phrase`: a ``str``
holding the English, which also remembers its template and the values put into it. The
window (:func:`dealjournal.gui.i18n.say`) translates the template and fills in the values.

Templates are marked with :func:`QT_TRANSLATE_NOOP`, the marker ``pyside6-lupdate`` reads, in
the context :data:`CONTEXT`::

    raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown stage {stage}."), stage=stage))

A value may itself be a Phrase (translated in turn). Counts use :func:`plural`, which picks
the singular or the plural template (both marked), a rule English and German share.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

CONTEXT = "core"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark *text* for translation in *context*; returns it unchanged."""
    return text


class Phrase(str):
    """English text that remembers how it was made: ``template.format(**values)``.

    Equal to (and usable as) its English text everywhere a ``str`` is expected; the window
    translates :attr:`template` and formats it with :attr:`values` instead.
    """

    template: str
    values: dict[str, Any]
    parts: tuple[Phrase, ...]
    separator: str

    def __new__(cls, template: str, /, **values: Any) -> Phrase:
        self = super().__new__(cls, template.format(**values))
        self.template = template
        self.values = values
        self.parts = ()
        self.separator = ""
        return self

    @classmethod
    def joined(cls, parts: Iterable[str], separator: str = "; ") -> Phrase:
        """Several phrases as one (``"a; b"``), each still translated on its own."""
        items = tuple(p if isinstance(p, Phrase) else Phrase.verbatim(p) for p in parts)
        self = super().__new__(cls, separator.join(items))
        self.template = ""
        self.values = {}
        self.parts = items
        self.separator = separator
        return self

    @classmethod
    def verbatim(cls, text: str) -> Phrase:
        """Text that is not translated (a name, a file's own words)."""
        return cls("{text}", text=text)

    def __reduce__(self) -> tuple[Any, ...]:  # pickling (multiprocessing) keeps the structure
        return (from_data, (to_data(self),))

    def __copy__(self) -> Phrase:  # immutable, like str: dataclasses.asdict need not pickle it
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Phrase:
        return self


# --- storage (the health_state cache keeps reasons as JSON) ----------------------------


def to_data(text: str) -> Any:
    """A JSON-ready form of *text* that :func:`from_data` turns back into the same Phrase."""
    if not isinstance(text, Phrase):
        return text
    if text.parts:
        return {"join": [to_data(p) for p in text.parts], "sep": text.separator}
    return {"t": text.template, "v": {k: to_data(v) if isinstance(v, str) else v for k, v in text.values.items()}}


def from_data(data: Any) -> str:
    """The Phrase (or plain text) stored by :func:`to_data`; unknown shapes become plain text."""
    if isinstance(data, str):
        return data
    if isinstance(data, Mapping):
        if isinstance(data.get("join"), list):
            return Phrase.joined([from_data(p) for p in data["join"]], str(data.get("sep", "; ")))
        template, values = data.get("t"), data.get("v")
        if isinstance(template, str) and isinstance(values, Mapping):
            try:
                return Phrase(template, **{str(k): from_data(v) if isinstance(v, (str, Mapping)) else v
                                           for k, v in values.items()})
            except (KeyError, IndexError, ValueError):
                pass
    return str(data)


def dumps(texts: Iterable[str]) -> str:
    """A list of phrases as JSON text."""
    return json.dumps([to_data(t) for t in texts], ensure_ascii=False, separators=(",", ":"))


def loads(text: str | None) -> tuple[str, ...]:
    """The phrases stored by :func:`dumps` (plain strings from an older cache stay plain)."""
    if not text:
        return ()
    data = json.loads(text)
    return tuple(from_data(d) for d in data) if isinstance(data, list) else ()


def plural(n: int, singular: str, plural_: str, /, **values: Any) -> Phrase:
    """*singular* when *n* is 1, else *plural_*, both formatted with ``n`` and *values*."""
    return Phrase(singular if n == 1 else plural_, n=n, **values)
