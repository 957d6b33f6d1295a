"""The Designer forms: each one loads, and every text a user sees in it is left to translation."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib import resources

import pytest
from PySide6.QtWidgets import QWidget

from dealjournal.gui.forms import load_form

FORMS = sorted(p.name[:-3] for p in resources.files("dealjournal._ui").iterdir() if p.name.endswith(".ui"))
#: Properties whose strings are not words: formats and style sheets, and sample placeholders.
NOT_TEXT = {"displayFormat", "styleSheet", "objectName"}
SAMPLES = {"https://…"}


def test_there_are_forms() -> None:
    assert {"preferences", "contact_edit", "import_preview"} <= set(FORMS)


@pytest.mark.parametrize("name", FORMS)
def test_each_form_loads(name: str, qapp) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    form = load_form(name, parent)
    assert form.parent() is parent and form.layout() is not None


@pytest.mark.parametrize("name", FORMS)
def test_only_non_words_are_kept_from_translation(name: str) -> None:
    """``notr="true"`` marks a string lupdate leaves out: only formats, style sheets and sample values."""
    root = ET.fromstring((resources.files("dealjournal._ui") / f"{name}.ui").read_bytes())
    for prop in root.iter("property"):
        string = prop.find("string")
        if string is None:
            continue
        kept = string.get("notr") == "true"
        if prop.get("name") in NOT_TEXT:
            assert kept, f"{name}.ui: {prop.get('name')} {string.text!r} should be notr"
        elif kept:
            assert string.text in SAMPLES, f"{name}.ui: {string.text!r} is shown to the user: translate it"


@pytest.mark.parametrize(("name", "combos"), [
    ("channel_edit", ("network", "followsBack")), ("contact_edit", ("stage", "buyingStyle")),
    ("goal_edit", ("priority",)), ("log_interaction", ("kind",)),
])
def test_combos_over_codes_are_filled_from_python(name: str, combos: tuple[str, ...]) -> None:
    """The domain's codes are shown by their labels (dealjournal.gui.labels), never as items of the form."""
    root = ET.fromstring((resources.files("dealjournal._ui") / f"{name}.ui").read_bytes())
    for widget in root.iter("widget"):
        if widget.get("name") in combos:
            assert widget.find("item") is None, f"{name}.ui: {widget.get('name')} lists items"
