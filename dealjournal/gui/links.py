"""Opening links from user data: only http, https and mailto, never anything else."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

log = logging.getLogger(__name__)
SAFE_SCHEMES = ("http", "https", "mailto")


def safe_url(text: str | None) -> QUrl | None:
    """The URL in *text* if it is an absolute http(s) or mailto link without control characters."""
    if not text:
        return None
    text = text.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return None
    url = QUrl(text, QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in SAFE_SCHEMES:
        return None
    if url.scheme().lower() in ("http", "https") and not url.host():
        return None
    if url.scheme().lower() == "mailto" and "@" not in url.path():
        return None
    return url


def mailto(address: str) -> QUrl | None:
    return safe_url(f"mailto:{address.strip()}")


def open_link(text: str | None) -> bool:
    """Open *text* in the user's browser or mail program if it is safe; True if it was opened."""
    url = safe_url(text)
    if url is None:
        log.info("Refused to open a link that is not http, https or mailto")
        return False
    return QDesktopServices.openUrl(url)
