"""Operations on contacts: add, edit, stage, archive, delete, and their channels."""

from __future__ import annotations

from datetime import date
from typing import Any

from dealjournal import domain
from dealjournal.errors import ValidationError
from dealjournal.ops import _common as v
from dealjournal.ops._common import OpChanges
from dealjournal.phrases import QT_TRANSLATE_NOOP, Phrase
from dealjournal.store.db import db
from dealjournal.store.models import Channel, Contact, ContactEmail, ContactPhone, ContactTag, StageChange

# Fields that edit_contact accepts, with their validators.
_SIMPLE_FIELDS: dict[str, v.Validator] = {
    "given_name": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Given name"), x),
    "family_name": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Family name"), x),
    "company": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Company"), x),
    "title": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Title"), x),
    "website": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Website"), x),
    "location": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Location"), x),
    "source": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Source"), x),
    "notes": lambda x: v.body(QT_TRANSLATE_NOOP("core", "Notes"), x),
    "cadence_days": v.cadence,
    "buying_style": lambda x: v.choice(QT_TRANSLATE_NOOP("core", "Buying style"), x, domain.BUYING_STYLES),
}


def get_contact(contact_id: int) -> Contact:
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "There is no contact #{id} (it may have been deleted)."), id=contact_id))
    return contact


def add_contact(name: str, *, stage: str = "lead", created_on: date | str | None = None,
                **fields: Any) -> OpChanges:
    """Create a contact; *fields* as for :func:`edit_contact`."""
    clean_name = v.required_text(QT_TRANSLATE_NOOP("core", "Name"), name)
    stage = v.choice(QT_TRANSLATE_NOOP("core", "Stage"), stage, domain.STAGES)
    created = v.day(QT_TRANSLATE_NOOP("core", "Created date"), created_on) or domain.today().isoformat()
    with db.atomic():
        contact = Contact.create(name=clean_name, stage=stage, created_on=created)
        _apply_fields(contact, fields)
        contact.save()
    return OpChanges(contacts=True, touches=True, contact_ids=frozenset({contact.id}), id=contact.id)


def edit_contact(contact_id: int, **fields: Any) -> OpChanges:
    """Change any of name, given_name, family_name, company, title, website, location,
    source, notes, cadence_days, buying_style, emails, phones, tags."""
    with db.atomic():
        contact = get_contact(contact_id)
        if "name" in fields:
            contact.name = v.required_text(QT_TRANSLATE_NOOP("core", "Name"), fields.pop("name"))
        _apply_fields(contact, fields)
        contact.save()
    return OpChanges(contacts=True, touches=True, contact_ids=frozenset({contact_id}), id=contact_id)


def _apply_fields(contact: Contact, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(_SIMPLE_FIELDS) - {"emails", "phones", "tags"}
    if unknown:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP(
            "core", "Unknown contact field(s): {fields}."), fields=', '.join(sorted(unknown))))
    for key, value in fields.items():
        if key in _SIMPLE_FIELDS:
            setattr(contact, key, _SIMPLE_FIELDS[key](value))
    if "emails" in fields:
        _replace_labelled(ContactEmail, contact, v.labelled(QT_TRANSLATE_NOOP("core", "E-mail"), fields["emails"]))
    if "phones" in fields:
        _replace_labelled(ContactPhone, contact, v.labelled(QT_TRANSLATE_NOOP("core", "Phone"), fields["phones"]))
    if "tags" in fields:
        ContactTag.delete().where(ContactTag.contact == contact.id).execute()
        for tag in v.tags(QT_TRANSLATE_NOOP("core", "Tag"), fields["tags"]):
            ContactTag.create(contact=contact.id, tag=tag)


def _replace_labelled(model: type[ContactEmail] | type[ContactPhone], contact: Contact,
                      items: list[tuple[str | None, str]]) -> None:
    model.delete().where(model.contact == contact.id).execute()
    for label, value in items:
        model.create(contact=contact.id, label=label, value=value)


def set_stage(contact_id: int, stage: str, *, on: date | str | None = None, gid: str | None = None) -> OpChanges:
    """Move a contact to *stage*, writing the stage history (the entry's global id *gid*
    when given: redo after undo gives it the one of the first run)."""
    stage = v.choice(QT_TRANSLATE_NOOP("core", "Stage"), stage, domain.STAGES)
    on_day = v.day(QT_TRANSLATE_NOOP("core", "Date of the stage change"), on) or domain.today().isoformat()
    with db.atomic():
        contact = get_contact(contact_id)
        if contact.stage == stage:
            return OpChanges(contact_ids=frozenset({contact_id}), id=contact_id)
        change = StageChange.create(contact=contact_id, from_stage=contact.stage, to_stage=stage, on_day=on_day,
                                    **({"gid": gid} if gid is not None else {}))
        contact.stage = stage
        contact.save()
    return OpChanges(contacts=True, stages=True, touches=True, contact_ids=frozenset({contact_id}), id=change.id)


def archive_contact(contact_id: int, archived: bool = True) -> OpChanges:
    """Archive (or bring back) a contact: archived contacts leave every health view."""
    with db.atomic():
        contact = get_contact(contact_id)
        contact.archived = bool(archived)
        contact.save()
    return OpChanges(contacts=True, touches=True, contact_ids=frozenset({contact_id}), id=contact_id)


def delete_contact(contact_id: int) -> OpChanges:
    """Delete a contact and everything recorded about them."""
    with db.atomic():
        v.require_contact(contact_id)
        Contact.delete().where(Contact.id == contact_id).execute()
    return OpChanges(contacts=True, channels=True, interactions=True, shares=True, goals=True,
                     stages=True, touches=True, contact_ids=frozenset({contact_id}), id=contact_id)


# --- channels ---------------------------------------------------------------------------

def _channel_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    validators: dict[str, v.Validator] = {
        "network": lambda x: v.choice(QT_TRANSLATE_NOOP("core", "Network"), x, domain.NETWORKS),
        "handle": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Handle"), x),
        "url": lambda x: v.text(QT_TRANSLATE_NOOP("core", "Profile URL"), x),
        "following_since": lambda x: v.day(QT_TRANSLATE_NOOP("core", "Following since"), x),
        "follows_back": lambda x: v.choice(QT_TRANSLATE_NOOP("core", "Follows back"), x, domain.FOLLOWS_BACK),
    }
    for key, value in fields.items():
        if key not in validators:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "Unknown channel field: {key}."), key=key))
        out[key] = validators[key](value)
    return out


def add_channel(contact_id: int, network: str, *, handle: str | None = None, url: str | None = None,
                following_since: date | str | None = None, follows_back: str = "unknown") -> OpChanges:
    """Record a channel on which you follow (or could follow) a contact."""
    values = _channel_fields({"network": network, "handle": handle, "url": url,
                              "following_since": following_since, "follows_back": follows_back})
    with db.atomic():
        v.require_contact(contact_id)
        channel = Channel.create(contact=contact_id, **values)
    return OpChanges(channels=True, contact_ids=frozenset({contact_id}), id=channel.id)


def _get_channel(channel_id: int) -> Channel:
    channel = Channel.get_or_none(Channel.id == channel_id)
    if channel is None:
        raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "There is no channel #{id}."), id=channel_id))
    return channel


def edit_channel(channel_id: int, **fields: Any) -> OpChanges:
    values = _channel_fields(fields)
    with db.atomic():
        channel = _get_channel(channel_id)
        for key, value in values.items():
            setattr(channel, key, value)
        channel.save()
    return OpChanges(channels=True, contact_ids=frozenset({channel.contact_id}), id=channel_id)


def follow(channel_id: int, since: date | str | None = None) -> OpChanges:
    """Start following on this channel (today unless *since* says otherwise)."""
    return edit_channel(channel_id, following_since=since or domain.today())


def unfollow(channel_id: int) -> OpChanges:
    return edit_channel(channel_id, following_since=None)


def delete_channel(channel_id: int) -> OpChanges:
    with db.atomic():
        channel = _get_channel(channel_id)
        channel.delete_instance()
    return OpChanges(channels=True, contact_ids=frozenset({channel.contact_id}), id=channel_id)


def revert_stage_change(change_id: int) -> OpChanges:
    """Undo a stage change: the contact goes back to the earlier stage and the entry leaves the history."""
    with db.atomic():
        change = StageChange.get_or_none(StageChange.id == change_id)
        if change is None:
            raise ValidationError(Phrase(QT_TRANSLATE_NOOP("core", "That stage change no longer exists.")))
        contact = get_contact(change.contact_id)
        if change.from_stage is not None:
            contact.stage = change.from_stage
            contact.save()
        change.delete_instance()
    return OpChanges(contacts=True, stages=True, touches=True, contact_ids=frozenset({contact.id}), id=change_id)
