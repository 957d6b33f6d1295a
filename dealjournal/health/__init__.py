"""Relationship health (DOMAIN.md, "Relationship health"): what counts as a touch, when a
relationship is stale or one-sided, and the reasons in words.

- :mod:`.touches`: the derived touch data every interaction and share turns into;
- :mod:`.rules`: the health engine and the ``report health`` document;
- :mod:`.state`: the cached per-contact health state the window and the queries read;
- :mod:`.followups`: open follow-ups by due date.

May use: :mod:`dealjournal.store` and the vocabulary (domain, errors, phrases). Never Qt.
"""
