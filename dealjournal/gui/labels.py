"""The words the window uses for the domain's values (DOMAIN.md's stages, kinds, networks…).

The journal stores fixed English codes (``"lead"``, ``"blog-post"``, ``"replied"``); these
functions give their labels in the window's language. Every table is marked with
``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` collects it (context ``labels``) and translated
when asked, so a language loaded at start-up applies. An unknown code is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dealjournal.phrases import QT_TRANSLATE_NOOP

_CONTEXT = "labels"

STAGES = {
    "lead": QT_TRANSLATE_NOOP("labels", "Lead"),
    "engaged": QT_TRANSLATE_NOOP("labels", "Engaged"),
    "opportunity": QT_TRANSLATE_NOOP("labels", "Opportunity"),
    "customer": QT_TRANSLATE_NOOP("labels", "Customer"),
    "advocate": QT_TRANSLATE_NOOP("labels", "Advocate"),
}
INTERACTION_KINDS = {
    "email": QT_TRANSLATE_NOOP("labels", "E-mail"),
    "call": QT_TRANSLATE_NOOP("labels", "Call"),
    "meeting": QT_TRANSLATE_NOOP("labels", "Meeting"),
    "message": QT_TRANSLATE_NOOP("labels", "Message"),
    "social": QT_TRANSLATE_NOOP("labels", "Social"),
    "event": QT_TRANSLATE_NOOP("labels", "Event"),
    "note": QT_TRANSLATE_NOOP("labels", "Note"),
}
INTERACTION_KINDS_PLURAL = {
    "email": QT_TRANSLATE_NOOP("labels", "E-mails"),
    "call": QT_TRANSLATE_NOOP("labels", "Calls"),
    "meeting": QT_TRANSLATE_NOOP("labels", "Meetings"),
    "message": QT_TRANSLATE_NOOP("labels", "Messages"),
    "social": QT_TRANSLATE_NOOP("labels", "Socials"),
    "event": QT_TRANSLATE_NOOP("labels", "Events"),
    "note": QT_TRANSLATE_NOOP("labels", "Notes"),
}
DIRECTIONS = {
    "out": QT_TRANSLATE_NOOP("labels", "out"),
    "in": QT_TRANSLATE_NOOP("labels", "in"),
    "mutual": QT_TRANSLATE_NOOP("labels", "mutual"),
    "none": QT_TRANSLATE_NOOP("labels", "note"),
}
CONTENT_KINDS = {
    "article": QT_TRANSLATE_NOOP("labels", "Article"),
    "blog-post": QT_TRANSLATE_NOOP("labels", "Blog post"),
    "video": QT_TRANSLATE_NOOP("labels", "Video"),
    "ebook": QT_TRANSLATE_NOOP("labels", "E-book"),
    "whitepaper": QT_TRANSLATE_NOOP("labels", "Whitepaper"),
    "infographic": QT_TRANSLATE_NOOP("labels", "Infographic"),
    "case-study": QT_TRANSLATE_NOOP("labels", "Case study"),
    "podcast": QT_TRANSLATE_NOOP("labels", "Podcast"),
    "webinar": QT_TRANSLATE_NOOP("labels", "Webinar"),
    "template": QT_TRANSLATE_NOOP("labels", "Template"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
}
ORIGINS = {
    "mine": QT_TRANSLATE_NOOP("labels", "Mine"),
    "third-party": QT_TRANSLATE_NOOP("labels", "Third party"),
}
RESPONSES = {
    "none": QT_TRANSLATE_NOOP("labels", "No response"),
    "seen": QT_TRANSLATE_NOOP("labels", "Seen"),
    "replied": QT_TRANSLATE_NOOP("labels", "Replied"),
    "acted": QT_TRANSLATE_NOOP("labels", "Acted on it"),
}
PRIORITIES = {
    "high": QT_TRANSLATE_NOOP("labels", "High"),
    "medium": QT_TRANSLATE_NOOP("labels", "Medium"),
    "low": QT_TRANSLATE_NOOP("labels", "Low"),
}
GOAL_STATUSES = {
    "open": QT_TRANSLATE_NOOP("labels", "Open"),
    "achieved": QT_TRANSLATE_NOOP("labels", "Achieved"),
    "dropped": QT_TRANSLATE_NOOP("labels", "Dropped"),
}
FOLLOWS_BACK = {
    "yes": QT_TRANSLATE_NOOP("labels", "Yes"),
    "no": QT_TRANSLATE_NOOP("labels", "No"),
    "unknown": QT_TRANSLATE_NOOP("labels", "Unknown"),
}
BUYING_STYLES = {
    "transactional": QT_TRANSLATE_NOOP("labels", "Transactional"),
    "relationship": QT_TRANSLATE_NOOP("labels", "Relationship"),
    "unknown": QT_TRANSLATE_NOOP("labels", "Unknown"),
}
# Networks as a column or a menu names them; brand names stay as they are.
NETWORKS = {
    "linkedin": "LinkedIn", "x": "X", "facebook": "Facebook", "instagram": "Instagram",
    "youtube": "YouTube", "tiktok": "TikTok", "mastodon": "Mastodon", "bluesky": "Bluesky",
    "threads": "Threads", "github": "GitHub",
    "blog": QT_TRANSLATE_NOOP("labels", "Blog"),
    "newsletter": QT_TRANSLATE_NOOP("labels", "Newsletter"),
    "podcast": QT_TRANSLATE_NOOP("labels", "Podcast"),
    "website": QT_TRANSLATE_NOOP("labels", "Website"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
}

# The ways to share offered in the share dialog's "Via" box, stored as these codes (the box
# also takes any other text, stored and shown as typed).
VIA = {
    "email": QT_TRANSLATE_NOOP("labels", "E-mail"), "linkedin": "LinkedIn",
    "in-person": QT_TRANSLATE_NOOP("labels", "In person"), "message": QT_TRANSLATE_NOOP("labels", "Message"),
    "x": "X", "newsletter": QT_TRANSLATE_NOOP("labels", "Newsletter"),
    "phone": QT_TRANSLATE_NOOP("labels", "Phone"), "other": QT_TRANSLATE_NOOP("labels", "Other"),
}


def label(table: dict[str, str], code: str) -> str:
    """The label of *code* in *table*, in the window's language (*code* itself if unknown)."""
    text = table.get(code)
    return QCoreApplication.translate(_CONTEXT, text) if text is not None else code


def stage(code: str) -> str:
    return label(STAGES, code)


def network(code: str) -> str:
    return label(NETWORKS, code)


def choices(table: dict[str, str]) -> list[tuple[str, str]]:
    """``(label, code)`` for every code of *table*, in the table's order (for combo boxes)."""
    return [(label(table, code), code) for code in table]
