"""Reading an exchange file a record at a time, in bounded memory.

Only the top-level object and the arrays directly under it (and, when skipped, the members
of a top-level object) are walked here. Every other value, one record of ``contacts`` or a
whole ``settings`` object, is decoded by the standard library's JSON decoder on a window
of the text (``scan_once``, which is ``raw_decode``), so that values, repeated keys (through
``object_pairs_hook``), the refusal of NaN and every syntax message with its line and column
are what ``json.loads`` of the whole file gives. A message about the structure walked here
is also json's own: the decoder is run on the few characters around the fault.

The window holds the text from the start of the value being read to the end of the last
chunk read: about a megabyte, or the largest single record. A text (a string, or a key)
that is certainly longer than :data:`~._validate.MAX_TEXT` characters is refused while it is
being read, with the path of the value or object holding it (``contacts[3].name: must not be
longer than …``), so that a 50 MB name is never in memory whole. That is a fault found here,
as below: an invalid byte further on still comes first, the rest of the file is not checked.

What comes first when a file has several faults is what it was when the whole file was
decoded at once: a byte that is not UTF-8 anywhere in the file, then the first syntax
error. (A fault found here first makes the reader decode the rest of the file, without
keeping it, to look for an invalid byte.)
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import IO, Any, NoReturn

from dealjournal.errors import FormatError
from dealjournal.interchange._validate import MAX_TEXT, document, join, json_object, problem, too_long
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase

CHUNK = 1 << 20  # bytes read at a time
# A failure this close to the end of the window may be the window's end, not the file's fault:
# the decoder looks back at most this far ("-Infinity", a \uXXXX escape).
MARGIN = 16
# A JSON escape that can decode to a lone surrogate (which SQLite cannot store as UTF-8).
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_WS = re.compile(r"[ \t\n\r]*")
_BETWEEN = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")  # between two elements of an array
# What a path inside a value depends on: strings (keys among them), brackets and commas.
_STEP = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\],]')
# The text one escape takes at most for the character it stands for (\uXXXX; a surrogate pair
# is two escapes for one character).
ESCAPE = 6

# How a top-level member's object value is read (an array value is always streamed as Items).
KEEP = 1  # decoded whole
SKIP = 2  # walked member by member and dropped (its place holds an empty dict)


def _no_constant(name: str) -> Any:
    raise ValueError(Phrase(QT_TRANSLATE_NOOP("core", "{name} is not a number JSON allows"), name=name))


def _decoder() -> json.JSONDecoder:
    return json.JSONDecoder(parse_constant=_no_constant, object_pairs_hook=json_object)


class Reader:
    """The text of one exchange file, read forward a window at a time."""

    def __init__(self, handle: IO[bytes], name: str) -> None:
        self.handle = handle
        self.name = name
        self.scan: Callable[[str, int], tuple[Any, int]] = _decoder().scan_once  # type: ignore[attr-defined]
        self.utf8 = codecs.getincrementaldecoder("utf-8")("strict")
        self.buf = ""
        self.pos = 0  # the next character to read, in buf
        self.eof = False
        self.fed = 0  # bytes given to the UTF-8 decoder
        self.started = False  # the first text was seen (and a byte-order mark dropped)
        # Where buf starts in the whole text: the newlines before it and the characters after
        # the last of those (for json's line and column).
        self.lines = 0
        self.column = 0
        self.start = 0  # where the last value read begins, in buf (its text is buf[start:pos])
        self.mark = 0  # where the whitespace being skipped begins, in buf (see _ws)
        self.mark_char = ""  # when it was dropped from the window: its first character
        self.mark_where: tuple[int, int] | None = None  # and its line and column
        self.escapes = False  # the text read so far holds an escape that may decode to a lone surrogate
        self.dropped: bool | None = None  # the last value's text was dropped: whether it held such an escape
        # The path of the value being read (for a text too long): an element of *element*, else *where*.
        self.where = ""
        self.element: Items | None = None

    # --- the window -----------------------------------------------------------------------

    def _fill(self, keep: int, grow: bool = False) -> bool:
        """Read more text after the window, dropping what is before *keep*; False at the end.

        *grow*: read as much again as the window holds from *keep*, a chunk at a time (a
        value longer than a chunk is then decoded a number of times that grows with the log
        of its length, and is in memory about twice)."""
        if self.eof:
            return False
        self._drop(keep)
        buf, self.buf = self.buf, ""  # (the only reference, so that += grows it in place)
        wanted = len(buf) + (max(CHUNK, len(buf)) if grow else 1)
        try:
            while len(buf) < wanted and not self.eof:
                data = self.handle.read(CHUNK)
                pending = len(self.utf8.getstate()[0])
                try:
                    text = self.utf8.decode(data, final=not data)
                except UnicodeDecodeError as exc:
                    self._not_utf8(self.fed - pending + exc.start)
                self.fed += len(data)
                self.eof = not data
                if not self.started and text:
                    self.started = True
                    if text.startswith("\ufeff"):
                        text = text[1:]  # a byte-order mark some editors add
                if not self.escapes and (SURROGATE_ESCAPE.search(text) is not None
                                         or SURROGATE_ESCAPE.search(buf[-5:] + text[:5]) is not None):
                    self.escapes = True  # from now on, each value's text is searched
                buf += text
        finally:
            self.buf = buf
        return True

    def _drop(self, keep: int) -> None:
        """Forget the window's text before *keep*."""
        if keep:
            buf = self.buf
            newline = buf.rfind("\n", 0, keep)
            if newline >= 0:
                self.lines += buf.count("\n", 0, keep)
                self.column = keep - newline - 1
            else:
                self.column += keep
            self.pos -= keep
            self.start -= keep
            self.buf = buf[keep:]

    def _ws(self, mark: int) -> str:
        """Skip JSON whitespace after *mark* (the place a fault found next is described from,
        see :meth:`_structure`); the next character, or '' at the end of the file."""
        self.mark = mark
        self.mark_where = None
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if self.mark_where is None and self.mark < self.pos:
                # The whitespace is not kept (there may be megabytes of it): what a message needs is.
                self.mark_char = self.buf[self.mark]
                self.mark_where = self._line_column(self.mark)
            if not self._fill(self.pos):
                return ""
            if self.mark_where is None:
                self.mark = self.pos  # (it was the end of the window)

    # --- faults -----------------------------------------------------------------------------

    def _rest(self) -> bool:
        """Decode the rest of the file without keeping it (an invalid byte is the fault to report);
        whether all of it is whitespace."""
        blank = not self.buf[self.pos:].strip()
        self.buf = self.buf[:self.pos]
        while self._fill(0):
            if blank and self.buf[self.pos:].strip():
                blank = False
            self.buf = self.buf[:self.pos]
        return blank

    def fail(self, message: Phrase) -> NoReturn:
        """Raise *message* about the file, unless a byte further on is not UTF-8 (that comes first)."""
        self._rest()
        raise FormatError([problem(self.name, message)])

    def _not_utf8(self, offset: int) -> NoReturn:
        raise FormatError([problem(self.name, Phrase(QT_TRANSLATE_NOOP(
            "core", "not UTF-8 text (invalid byte at offset {offset}); a Deal Journal file is JSON saved as UTF-8"),
            offset=offset))])

    def _line_column(self, at: int) -> tuple[int, int]:
        newline = self.buf.rfind("\n", 0, at)
        line = self.lines + self.buf.count("\n", 0, at) + 1
        return line, (at - newline if newline >= 0 else self.column + at + 1)

    def _syntax(self, error: str, at: int) -> NoReturn:
        self._syntax_at(error, *self._line_column(at))

    def _syntax_at(self, error: str, line: int, column: int) -> NoReturn:
        self.fail(Phrase(QT_TRANSLATE_NOOP("core", "not valid JSON: {error} at line {line}, column {column}"),
                         error=error, line=line, column=column))

    def _structure(self, opener: str) -> NoReturn:
        """json's own message for the fault at pos, after self.mark (a ``{``, ``[`` or ``,``,
        or the end of a key or a value) and whitespace, in a text following *opener* (what
        makes that a place inside an object or an array)."""
        if self.mark_where is None:
            mark, between = self.mark, self.buf[self.mark:self.pos]
        else:
            mark, between = -1, self.mark_char + " "
        snippet = opener + between + self.buf[self.pos:self.pos + 1]
        error, at = "Expecting value", len(snippet)  # (the snippet is never valid JSON)
        try:
            json.loads(snippet)
        except json.JSONDecodeError as exc:
            error, at = exc.msg, exc.pos
        at -= len(opener)
        if self.mark_where is not None and at == 0:
            self._syntax_at(error, *self.mark_where)
        self._syntax(error, self.pos if self.mark_where is not None else mark + at)

    # --- values ---------------------------------------------------------------------------

    def value(self) -> Any:
        """The JSON value at pos, decoded whole (its text is buf[start:pos] afterwards)."""
        while True:
            start = self.start = self.pos
            said: Any = None
            try:
                value, end = self.scan(self.buf, start)
            except StopIteration as exc:
                error, at = "Expecting value", int(exc.value)
            except json.JSONDecodeError as exc:
                error, at = exc.msg, exc.pos
            except RecursionError:
                error, at = "Nested too deeply", start
            except ValueError as exc:  # NaN or Infinity
                said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Phrase) else str(exc)
            else:
                # A number just before the window's end may go on in the next chunk ("1." "5").
                if end < len(self.buf) - MARGIN or self.buf[end - 1] in '"]}' or not self._fill(start, grow=True):
                    self.pos = end
                    self.dropped = None
                    if end - start > 4 * CHUNK:  # a long value's text is not kept while it is checked and written
                        self.dropped = self.may_hold_surrogates()
                        self._drop(end)
                    return value
                continue
            if said is not None:
                self.fail(Phrase(QT_TRANSLATE_NOOP("core", "not valid JSON: {error}"), error=said))
            self._limit(start, error, at)
            if error == "Nested too deeply" or (at < len(self.buf) - MARGIN
                                                 and not error.startswith("Unterminated string")) \
                    or not self._fill(start, grow=True):
                self._syntax(error, at)

    def _limit(self, start: int, error: str, at: int) -> None:
        """After json's *error* at *at* in the value at *start*: refuse a text that runs to the
        window's end once it is certainly longer than MAX_TEXT characters, before more of it is read.

        Its characters are at least its length less ESCAPE for each backslash (exactly its
        length without one), and at least a twelfth of its length (a surrogate pair's 12)."""
        if len(self.buf) - start <= MAX_TEXT + 1:
            return  # (the usual case: no text in the window can be too long)
        if error.startswith("Unterminated string"):
            quote = at
        elif error.startswith("Invalid \\uXXXX escape") and at >= len(self.buf) - MARGIN:
            # A \uXXXX escape at the window's end (json wants a character after it): in a text.
            quote = self._opening(start, at)
        else:
            return
        size = len(self.buf) - quote - 1
        if size <= MAX_TEXT or quote < start:
            return
        if size - ESCAPE * self.buf.count("\\", quote + 1) <= MAX_TEXT and size <= 2 * ESCAPE * (MAX_TEXT + 1):
            return
        path = self._path(start, quote)
        self._rest()
        raise FormatError([problem(path or document(), too_long())])

    def _opening(self, start: int, at: int) -> int:
        """The opening quote of the text holding *at* (inside the value at *start*): the last
        quote before it that no backslash escapes (one inside a text always follows a backslash,
        one opening a text never does)."""
        buf = self.buf
        quote = buf.rfind('"', start, at)
        while quote > start and buf[quote - 1] == "\\":
            quote = buf.rfind('"', start, quote)
        return quote

    def _path(self, start: int, at: int) -> str:
        """The path of the value or the key at *at*, inside the value at *start* (a key: the
        object's path). buf[start:at] is JSON as far as it goes."""
        element = self.element
        where = f"{element.where}[{element.index}]" if element is not None else self.where
        steps: list[Any] = []  # per open container: its key or index ("" before an object's first key)
        key_next = False  # the next string in the object is a key
        for match in _STEP.finditer(self.buf, start, at):
            token = match.group()
            if token == "{":
                steps.append("")
                key_next = True
            elif token == "[":
                steps.append(0)
                key_next = False
            elif token in "]}":
                steps.pop()
                key_next = False
            elif token == ",":
                if type(steps[-1]) is int:
                    steps[-1] += 1
                else:
                    key_next = True
            elif key_next:
                steps[-1] = json.loads(token)
                key_next = False
        if key_next:
            steps.pop()  # a key: the object's path
        for step in steps:
            where = f"{where}[{step}]" if type(step) is int else join(where, step)
        return where

    def may_hold_surrogates(self) -> bool:
        """Whether the text of the last value read holds an escape that may decode to a lone surrogate."""
        if self.dropped is not None:
            return self.dropped
        return self.escapes and SURROGATE_ESCAPE.search(self.buf, self.start, self.pos) is not None

    def _key(self) -> str:
        """The member name at pos (a '"')."""
        while True:
            start = self.pos
            try:
                key, end = json.decoder.scanstring(self.buf, start + 1, True)  # type: ignore[attr-defined]
            except json.JSONDecodeError as exc:
                error, at = exc.msg, exc.pos
            else:
                self.pos = end
                return str(key)
            self._limit(start, error, at)
            if (at < len(self.buf) - MARGIN and not error.startswith("Unterminated string")) \
                    or not self._fill(start, grow=True):
                self._syntax(error, at)

    # --- the document ---------------------------------------------------------------------

    def members(self, how: Callable[[str], int]) -> Iterator[tuple[str, Any]]:
        """The top-level object's members in file order, as (key, value).

        An array value is an :class:`Items` to iterate before asking for the next member (what
        is left of it is read and dropped); an object value is decoded whole when *how* (key)
        says KEEP, else walked and dropped (the value is then ``{}``: only its type matters).
        Raises FormatError when the file is empty, not JSON or not an object.
        """
        self._fill(0)
        first = self._ws(self.pos)
        if first == "" or (first.isspace() and self._blank()):
            raise FormatError([problem(self.name, Phrase(QT_TRANSLATE_NOOP("core", "the file is empty")))])
        if first != "{":
            self._not_an_object()
        yield from self._object(how, top=True, where="")
        if self._ws(self.pos):
            self._syntax("Extra data", self.pos)

    def _blank(self) -> bool:
        """Whether the rest of the file is whitespace (a Unicode space json does not skip starts it)."""
        line, column = self._line_column(self.pos)
        if self._rest():
            return True
        raise FormatError([problem(self.name, Phrase(QT_TRANSLATE_NOOP(
            "core", "not valid JSON: {error} at line {line}, column {column}"),
            error="Expecting value", line=line, column=column))])

    def _not_an_object(self) -> NoReturn:
        if self.buf[self.pos] == "[":
            for _ in Items(self, ""):
                pass
            got = Phrase(QT_TRANSLATE_NOOP("core", "expected a JSON object at the top level, got a list"))
        else:
            got = Phrase(QT_TRANSLATE_NOOP("core", "expected a JSON object at the top level, got a {type}"),
                         type=type(self.value()).__name__)
        if self._ws(self.pos):
            self._syntax("Extra data", self.pos)
        self.fail(got)

    def _object(self, how: Callable[[str], int], top: bool, where: str) -> Iterator[tuple[str, Any]]:
        """The members of the object at pos (whose path is *where*)."""
        self.pos += 1
        char = self._ws(self.pos - 1)
        if char == "}":
            self.pos += 1
            return
        if char != '"':
            self._structure("")
        while True:
            self.where, self.element = where, None
            key = self._key()
            if self._ws(self.pos) != ":":
                self._structure('{"k"')
            self.pos += 1
            char = self._ws(self.pos)
            if char == "[":
                items = Items(self, join(where, key))
                yield key, items
                items.drain()
            elif char == "{" and top and how(key) == SKIP:
                for _, inner in self._object(how, top=False, where=join(where, key)):
                    if isinstance(inner, Items):
                        inner.drain()
                yield key, {}
            else:
                self.where, self.element = join(where, key), None
                yield key, self.value()
            char = self._ws(self.pos)
            if char == "}":
                self.pos += 1
                return
            if char != ",":
                self._structure('{"k":0')
            self.pos += 1
            if self._ws(self.pos - 1) != '"':
                self._structure('{"k":0')


class Items:
    """The elements of an array in the file (whose path is *where*), decoded one at a time (an iterator)."""

    def __init__(self, reader: Reader, where: str) -> None:
        self.reader = reader
        self.where = where
        self.index = -1  # the element last returned
        self.done = False

    def __iter__(self) -> Items:
        return self

    def __next__(self) -> Any:
        r = self.reader
        if self.done:
            raise StopIteration
        if self.index < 0:
            r.pos += 1
            if r._ws(r.pos - 1) == "]":
                r.pos += 1
                self.done = True
                raise StopIteration
        else:
            # The usual case first: a comma, whitespace and the next element's first character
            # within the window.
            between = _BETWEEN.match(r.buf, r.pos)
            if between is not None and between.end() < len(r.buf) and r.buf[between.end()] != "]":
                r.pos = between.end()
                self.index += 1
                r.element = self
                return r.value()
            char = r._ws(r.pos)
            if char == "]":
                r.pos += 1
                self.done = True
                raise StopIteration
            if char != ",":
                r._structure("[0")
            r.pos += 1
            if r._ws(r.pos - 1) == "]":
                r._structure("[0")  # a comma before the end (json says which way)
        self.index += 1
        r.element = self
        return r.value()

    def drain(self) -> None:
        """Read the elements not yet read, dropping them."""
        for _ in self:
            pass
