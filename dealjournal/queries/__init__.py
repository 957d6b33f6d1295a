"""Read-side SQL for the window's lists: filtered and sorted in SQL, a page at a time.

May use: :mod:`dealjournal.health`, :mod:`dealjournal.store` and the vocabulary. Never Qt.
"""
