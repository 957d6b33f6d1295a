"""The window's language: which translation is loaded, and the core's sentences in it.

Translations live in ``resources/translations`` as Qt Linguist files: ``dealjournal_<lang>.ts``
(kept current by ``python packaging/translations.py``) compiled to ``.qm``. English is the
source language and needs no file. Qt's own strings
(standard buttons, file dialogs) come from the ``qtbase`` translations that ship with Qt.

The language is the one chosen in Edit ▸ Preferences, or the system's when none is chosen
(:data:`dealjournal.gui.uiprefs.UiPrefs.language` is ""); it applies from the next start.
"""

from __future__ import annotations

import logging
import re
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dealjournal.phrases import Phrase

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
#: The languages the window speaks, with their names in that language (for the preferences).
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}

_installed: list[QTranslator] = []
_GROUPED = re.compile(r"\{(\w+):,d?\}")


def translations_folder() -> str:
    return str(resources.files("dealjournal._resources") / "translations")


def resolve(language: str, locale: QLocale | None = None) -> str:
    """The language to use for the preference *language* ("" = the system's), one of :data:`LANGUAGES`."""
    if language in LANGUAGES:
        return language
    for name in (locale or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def install(language: str, app: QCoreApplication | None = None) -> str:
    """Load the translations for the preference *language* (replacing any loaded); the language used."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs the application object")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    chosen = resolve(language)
    QLocale.setDefault(QLocale(chosen) if language else QLocale.system())  # dates and numbers follow
    if chosen != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"dealjournal_{chosen}", translations_folder()):
            _installed.append(ours)
        else:
            log.warning("No translation file for the language %s", chosen)
        qt = QTranslator(app)
        if qt.load(f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        else:
            log.info("Qt's own translation for %s is not installed", chosen)
    for translator in _installed:
        app.installTranslator(translator)
    return chosen


def owner_context(cls: type, attribute: str) -> str:
    """The translation context of a class attribute marked with ``QT_TRANSLATE_NOOP``: the
    name of the class (of *cls* or its bases) that sets it."""
    return next((c for c in cls.__mro__ if attribute in vars(c)), cls).__name__


def say(text: str) -> str:
    """*text* in the window's language: a :class:`~dealjournal.phrases.Phrase` is translated,
    other text (a name, a file's own words) is shown as it is."""
    if not isinstance(text, Phrase):
        return text
    if text.parts:
        return text.separator.join(say(part) for part in text.parts)
    template = QCoreApplication.translate("core", text.template) if text.template != "{text}" else text.template
    # "{n:,}" groups thousands the English way: group them as the locale does ("1.234" in German).
    grouped = set(_GROUPED.findall(template))
    template = _GROUPED.sub(r"{\1}", template)
    values = {key: say(value) if isinstance(value, str)
              else QLocale().toString(value) if key in grouped and isinstance(value, int)
              else value for key, value in text.values.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that names a value the English lacks
        log.warning("A translation of a core sentence does not fit its values")
        return str(text)


def say_error(exc: BaseException) -> str:
    """The message of *exc* in the window's language."""
    if exc.args and isinstance(exc.args[0], Phrase) and len(exc.args) == 1:
        return say(exc.args[0])
    return str(exc)
