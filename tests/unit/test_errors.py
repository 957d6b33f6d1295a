"""The core's errors carry their message as a Phrase, so that the window can translate it."""

from __future__ import annotations

import pickle

from dealjournal.errors import FormatError, JournalError, StoreError, ValidationError
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase


def test_the_message_is_args0_and_stays_a_phrase() -> None:
    for cls in (JournalError, ValidationError, StoreError):
        err = cls(Phrase(QT_TRANSLATE_NOOP("core", "There is no journal at {path}."), path="/tmp/x"))
        (message,) = err.args
        assert isinstance(message, Phrase) and str(err) == "There is no journal at /tmp/x."
        copy = pickle.loads(pickle.dumps(err))
        assert isinstance(copy.args[0], Phrase) and copy.args[0].values == {"path": "/tmp/x"}


def test_a_format_error_shows_twenty_problems_and_counts_the_rest() -> None:
    problems = [f"contacts[{i}].name: required key is missing" for i in range(23)]
    err = FormatError(problems)
    assert err.problems == problems
    (message,) = err.args
    assert isinstance(message, Phrase)
    assert str(err) == "\n".join(problems[:20]) + "\n… and 3 more problems"
    assert message.parts[-1].template == "… and {n} more problems" and message.parts[-1].values == {"n": 3}
    assert str(FormatError(problems[:2])) == "\n".join(problems[:2])


def test_counts_of_one_read_in_the_singular() -> None:
    from dealjournal.errors import FormatError
    from dealjournal.health.rules import window_words

    assert str(window_words(1)) == "the last day" and str(window_words(90)) == "the last 90 days"
    assert str(FormatError([f"p{i}" for i in range(21)])).endswith("\n… and 1 more problem")
    assert str(FormatError([f"p{i}" for i in range(22)])).endswith("\n… and 2 more problems")
