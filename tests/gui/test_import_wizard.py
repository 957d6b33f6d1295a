"""The import wizard driven as a user would: file → (columns) → preview → import → done."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dealjournal import contact_import, importers, interchange, ops
from dealjournal.gui.dialogs.import_wizard import DONE, MAPPING, PREVIEW, RUN, ImportWizard, run_import
from dealjournal.gui.importing import Col, PlanRowsModel
from dealjournal.gui.pages.contacts import ContactsPage
from dealjournal.store.db import db

VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Byron\r\nEMAIL:ada@example.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nothing here\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<b>Bob</b> Smith\r\nORG:Acme\r\nEND:VCARD\r\n"
)


def count(table: str = "contact") -> int:
    return int(db.connection().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def open_wizard(window, qtbot: QtBot, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    assert run_import(window, path)
    shown = [w for w in window.findChildren(ImportWizard) if w.isVisible()]
    assert len(shown) == 1
    return shown[0]


def to_preview(wizard: ImportWizard, qtbot: QtBot) -> None:
    wizard.next()
    assert wizard.currentId() == PREVIEW
    qtbot.waitUntil(lambda: not (wizard.preview_page.job and wizard.preview_page.job.running), timeout=5000)


def finish_import(wizard: ImportWizard, window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    assert wizard.button(wizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    assert wizard.currentId() in (RUN, DONE)
    qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=5000)
    qtbot.waitUntil(lambda: not window.keeper.busy, timeout=5000)


def test_vcard_preview_and_import(window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "phone.vcf"
    path.write_text(VCARD, encoding="utf-8")
    wizard = open_wizard(window, qtbot, path)
    assert "vCard" in wizard.file_page.detected.text()
    to_preview(wizard, qtbot)
    page = wizard.preview_page
    assert page.summary.text().startswith("2 new, 0 merged, 1 skipped")
    model = page.model
    assert [model.index(r, Col.WHAT).data() for r in range(model.rowCount())] == ["New", "Skipped", "New"]
    assert model.index(1, Col.LINE).data() == "6"
    assert "no name" in model.index(1, Col.REASON).data()
    finish_import(wizard, window, qtbot)
    assert count() == 2
    assert "2 new" in wizard.done_page.summary.text()
    qtbot.mouseClick(wizard.done_page.child(type(wizard.button(wizard.WizardButton.NextButton)), "showContacts"),
                     Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert window.stack.currentWidget() is window.page(ContactsPage)
    names = {r[0] for r in db.connection().execute("SELECT name FROM contact")}
    assert names == {"Ada Byron", "<b>Bob</b> Smith"}


def test_duplicate_shows_as_merged_and_choice_replans(window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.bus.run(ops.add_contact, "Ada Lovelace", emails=[("work", "ADA@example.com")])
    path = tmp_path / "phone.vcf"
    path.write_text(VCARD, encoding="utf-8")
    wizard = open_wizard(window, qtbot, path)
    to_preview(wizard, qtbot)
    page = wizard.preview_page
    assert page.summary.text().startswith("1 new, 1 merged, 1 skipped")
    merged = [r for r in page.model.rows() if r.action == "merge"]
    assert len(merged) == 1 and merged[0].line == 1 and merged[0].target_name == "Ada Lovelace"
    page.duplicates.setCurrentIndex(1)  # skip them
    qtbot.waitUntil(lambda: page.summary.text().startswith("1 new, 0 merged, 2 skipped"), timeout=5000)
    page.model.sort(Col.LINE, Qt.SortOrder.DescendingOrder)
    assert [r.line for r in page.model.rows()] == [10, 6, 1]
    finish_import(wizard, window, qtbot)
    assert count() == 2


def test_generic_csv_goes_through_the_mapping_page(window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "people.csv"
    path.write_text("Person,Mail,Firm\nAda Byron,ada@example.com,Analytical\n,,\nCarl Benz,carl@example.org,Acme\n",
                    encoding="utf-8")
    wizard = open_wizard(window, qtbot, path)
    wizard.next()
    assert wizard.currentId() == MAPPING
    page = wizard.mapping_page
    assert page.combos["name"].currentText() == "Person" and page.combos["email"].currentText() == "Mail"
    page.combos["company"].setCurrentText("Firm")
    for field in ("name", "email"):
        page.combos[field].setCurrentIndex(0)
    assert not page.isComplete() and page.hint.text()
    page.combos["name"].setCurrentText("Person")
    assert page.isComplete()
    to_preview(wizard, qtbot)
    assert wizard.preview_page.summary.text().startswith("2 new")
    finish_import(wizard, window, qtbot)
    companies = dict(db.connection().execute("SELECT name, company FROM contact").fetchall())
    assert companies == {"Ada Byron": "Analytical", "Carl Benz": "Acme"}


def test_cancel_during_apply_writes_nothing(window, qtbot: QtBot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window.bus.run(ops.add_contact, "Already There")
    before = count()
    path = tmp_path / "phone.vcf"
    path.write_text(VCARD, encoding="utf-8")
    at_end, go_on = threading.Event(), threading.Event()
    real = contact_import.apply_plan

    def slow(plan, *, progress=None, for_new=None):  # type: ignore[no-untyped-def]
        def gate(done: int, total: int) -> bool | None:
            if done >= total:  # every row is inserted but not yet committed: wait for the test
                at_end.set()
                go_on.wait(5)
            return progress(done, total)
        return real(plan, progress=gate, for_new=for_new)

    monkeypatch.setattr(contact_import, "apply_plan", slow)
    wizard = open_wizard(window, qtbot, path)
    to_preview(wizard, qtbot)
    wizard.next()
    assert wizard.currentId() == RUN
    qtbot.waitUntil(at_end.is_set, timeout=5000)
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    assert not wizard.button(wizard.WizardButton.CommitButton).isVisible()
    wizard.reject()  # Cancel / Escape: stops the import, the wizard stays to say so
    go_on.set()
    page = wizard.run_page
    qtbot.waitUntil(lambda: not page.running, timeout=5000)
    assert wizard.isVisible() and "Nothing was written" in page.state.text()
    assert count() == before
    wizard.reject()
    assert not wizard.isVisible()


def test_stop_reading_then_close_while_reading(window, qtbot: QtBot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "phone.vcf"
    path.write_text(VCARD, encoding="utf-8")
    reading, go_on = threading.Event(), threading.Event()
    real = importers.parse_file

    def slow(path, format=None, column_map=None, progress=None):  # type: ignore[no-untyped-def]
        def gate(n: int) -> bool | None:
            reading.set()
            go_on.wait(5)
            return progress(n) if progress else None
        return real(path, format, column_map, gate)

    monkeypatch.setattr(importers, "parse_file", slow)
    wizard = open_wizard(window, qtbot, path)
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(reading.is_set, timeout=5000)
    assert page.busy.isVisible() and not wizard.button(wizard.WizardButton.CommitButton).isEnabled()
    qtbot.mouseClick(page.stop, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: not page.job.running, timeout=5000)
    assert "stopped" in page.summary.text() and not page.isComplete()
    reading.clear()
    go_on.clear()
    wizard.back()
    wizard.next()  # reads again; closing the wizard meanwhile drops the job's result safely
    qtbot.waitUntil(reading.is_set, timeout=5000)
    job = page.job
    wizard.reject()
    go_on.set()
    qtbot.waitUntil(lambda: not job.running, timeout=5000)
    assert count() == 0


@pytest.mark.parametrize("seed", [1, 2, 3, 270])
def test_random_bytes_give_a_clear_message(window, qtbot: QtBot, tmp_path: Path, seed: int) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "junk.csv"
    data = random.Random(seed).randbytes(4000)
    path.write_bytes(b"{" + data if seed == 270 else data)  # one that starts like JSON
    wizard = open_wizard(window, qtbot, path)
    page = wizard.file_page
    assert "cannot be imported" in page.detected.text() and "binary" in page.detected.text()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    page.format.setCurrentIndex(page.format.findData("vcard"))  # force a format: the preview says why not
    to_preview(wizard, qtbot)
    preview = wizard.preview_page
    assert preview.error.isVisible() and "cannot be imported" in preview.error.text()
    assert not preview.isComplete()
    wizard.reject()
    assert count() == 0


def test_json_through_the_wizard(window, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.bus.run(ops.add_contact, "Grace Hopper", company="Navy")
    good = tmp_path / "journal.json"
    interchange.export_file(good)
    bad = tmp_path / "broken.json"
    doc = json.loads(good.read_text(encoding="utf-8"))
    doc["contacts"][0]["stage"] = "friendly"
    bad.write_text(json.dumps(doc), encoding="utf-8")

    wizard = open_wizard(window, qtbot, bad)
    assert "Deal Journal JSON" in wizard.file_page.detected.text()
    to_preview(wizard, qtbot)
    preview = wizard.preview_page
    assert "not a valid Deal Journal file" in preview.error.text()
    assert preview.warnings.count() >= 1 and "stage" in preview.warnings.item(0).text()
    assert not preview.isComplete()
    wizard.reject()

    wizard = open_wizard(window, qtbot, good)
    to_preview(wizard, qtbot)
    assert wizard.preview_page.summary.text().startswith("1 contact, 0 content items")
    assert "twice" in wizard.preview_page.table_label.text()
    finish_import(wizard, window, qtbot)
    assert count() == 2
    assert "1 contact" in wizard.done_page.summary.text()
    assert "backup" in wizard.done_page.backup.text()


def test_preview_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PlanRowsModel()
    model.set_rows([contact_import.PlanRow(3, "skip", "", "no name"),
                    contact_import.PlanRow(1, "merge", "Ada", "same e-mail", contact_id=4, target_name="Ada B")])
    qtmodeltester.check(model)
    model.sort(Col.NAME)
    assert model.index(0, Col.NAME).data() == "(no name)"
    assert model.index(1, Col.REASON).data() == "same e-mail → into Ada B"
