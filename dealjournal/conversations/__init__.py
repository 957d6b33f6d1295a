"""Readers of exported conversations: mailboxes, calendars, LinkedIn archives and chats.

See :mod:`dealjournal.conversations.model` for what they hand over and
:mod:`dealjournal.conversations.detect` for how a file finds its reader. No Qt, no journal.
"""
