"""File ▸ Export…: the save dialog's filters choose the format; each format writes a file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dealjournal import ops
from dealjournal.gui.dialogs.export_dialog import FILTERS, choose_target, run_export
from dealjournal.importers import parse_file


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, name: str, chosen_filter: str) -> list[str]:
    offered: list[str] = []

    def fake(parent, caption, start, filters, selected=""):  # type: ignore[no-untyped-def]
        offered.append(filters)
        return name, chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return offered


@pytest.fixture
def filled(window):  # type: ignore[no-untyped-def]
    bus = window.bus
    bus.run(ops.add_contact, "=HYPERLINK(\"http://x\")", company="+Evil", emails=[("work", "evil@example.com")])
    bus.run(ops.add_contact, "Ada Byron", company="Analytical", emails=[("work", "ada@example.com")])
    return window


def status_of(window) -> str:  # type: ignore[no-untyped-def]
    return str(window.statusBar().currentMessage())


@pytest.mark.parametrize("fmt", ["json", "csv", "vcard", "ics"])
def test_export_each_format_by_filter(filled, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      fmt: str) -> None:
    window = filled
    text, ext = next((f, e) for k, f, e in FILTERS if k == fmt)
    offered = answer_save_dialog(monkeypatch, str(tmp_path / "out"), text)  # no extension: the filter decides
    assert run_export(window)
    assert all(f in offered[0] for _, f, _ in FILTERS)
    path = tmp_path / f"out{ext}"
    assert path.is_file()
    data = path.read_bytes()
    if fmt == "json":
        assert len(json.loads(data)["contacts"]) == 2
        assert "2 contacts" in status_of(window)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert len(rows) == 3
        assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
        assert "Exported 2 contacts" in status_of(window)
    elif fmt == "vcard":
        parsed = parse_file(path)
        assert parsed.format == "vcard" and sorted(c.name for c in parsed.contacts) == [
            "=HYPERLINK(\"http://x\")", "Ada Byron"]
    else:
        assert data.startswith(b"BEGIN:VCALENDAR")
        assert "open follow-up" in status_of(window)


def test_extension_beats_filter_and_cancel_does_nothing(filled, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    answer_save_dialog(monkeypatch, str(tmp_path / "cards.vcf"), FILTERS[0][1])
    assert choose_target(filled, None) == (tmp_path / "cards.vcf", "vcard")
    answer_save_dialog(monkeypatch, "", "")
    assert not run_export(filled)


def test_export_error_is_shown(filled, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                               no_modal_messages: list[str]) -> None:
    answer_save_dialog(monkeypatch, str(tmp_path / "missing-folder" / "out.csv"), FILTERS[1][1])
    assert not run_export(filled)
    assert len(no_modal_messages) == 1 and "Could not export" in no_modal_messages[0]
