"""Every change to a journal goes through these functions.

Each runs in one transaction, validates its input (raising
:class:`~dealjournal.errors.ValidationError` with a message a person can act on) and returns
an :class:`OpChanges` saying what changed, so that every view can decide what to refresh.

May use: :mod:`dealjournal.health`, :mod:`dealjournal.store` and the vocabulary. Never Qt.
"""

from dealjournal.ops._common import OpChanges
from dealjournal.ops.agenda import (
    add_reminder, delete_reminder, edit_reminder, get_reminder, set_reminder_done, snooze_contact, unsnooze,
)
from dealjournal.ops.activity import (
    delete_interaction, delete_share, edit_interaction, edit_share, log_interaction, record_share,
    set_follow_up_done, set_share_response,
)
from dealjournal.ops.contacts import (
    add_channel, add_contact, archive_contact, delete_channel, delete_contact, edit_channel, edit_contact,
    follow, get_contact, revert_stage_change, set_stage, unfollow,
)
from dealjournal.ops.snapshot import (
    Snapshot, capture_contact, capture_contacts, capture_content, capture_row, restore,
)
from dealjournal.ops.library import (
    add_content, add_goal, close_goal, delete_content, delete_goal, edit_content, edit_goal, update_capture_settings,
    update_settings,
)

__all__ = [
    "add_reminder", "delete_reminder", "edit_reminder", "get_reminder", "set_reminder_done", "snooze_contact",
    "unsnooze",
    "OpChanges", "add_channel", "add_contact", "add_content", "add_goal", "archive_contact", "close_goal",
    "delete_channel", "delete_contact", "delete_content", "delete_goal", "delete_interaction", "delete_share",
    "edit_channel", "edit_contact", "edit_content", "edit_goal", "edit_interaction", "edit_share", "follow",
    "Snapshot", "capture_contact", "capture_contacts", "capture_content", "capture_row", "get_contact", "log_interaction", "restore", "revert_stage_change", "record_share", "set_follow_up_done", "set_share_response", "set_stage",
    "unfollow", "update_capture_settings", "update_settings",
]
