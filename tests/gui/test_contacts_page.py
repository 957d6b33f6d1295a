"""The Contacts page as a user drives it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dealjournal import ops
from dealjournal.gui.models.contact_list import Col, ContactListModel
from dealjournal.gui.pages.contacts import ContactsPage
from dealjournal.queries.contacts import ContactFilter


def _names(page: ContactsPage) -> list[str]:
    m = page.model
    return [m.data(m.index(r, Col.NAME)) for r in range(m.rowCount())]


def test_type_a_partial_name_and_find_the_contact(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    for name, company in (("Ada Byron", "Analytical Ltd"), ("Zoë Ångström", "Nordic AB"), ("Bob Marley", None)):
        bus.run(ops.add_contact, name, company=company)
    window.act.find.trigger()
    page = window.stack.currentWidget()
    assert isinstance(page, ContactsPage) and page.search.hasFocus()
    assert _names(page) == ["Ada Byron", "Bob Marley", "Zoë Ångström"]
    qtbot.keyClicks(page.search, "zo")
    qtbot.waitUntil(lambda: _names(page) == ["Zoë Ångström"])
    assert page.count_label.text() == "1 contact match"
    with qtbot.waitSignal(bus.open_contact) as opened:
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened.args == [page.model.contact_id(0)]


def test_filters_sort_and_empty_state(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus.run(ops.add_contact, "Ada Byron", tags=["fintech"], stage="customer")
    bus.run(ops.add_contact, "Bob Marley", tags=["music"])
    window.show_page(ContactsPage)
    page = window.stack.currentWidget()
    page.tag.setCurrentIndex(page.tag.findData("music"))
    assert _names(page) == ["Bob Marley"]
    page.tag.setCurrentIndex(0)
    page.stage.setCurrentIndex(page.stage.findData("customer"))
    assert _names(page) == ["Ada Byron"]
    page.stage.setCurrentIndex(0)
    page.view.horizontalHeader().setSortIndicator(Col.NAME, Qt.SortOrder.DescendingOrder)
    assert _names(page) == ["Bob Marley", "Ada Byron"]
    qtbot.keyClicks(page.search, "nobody-like-this")
    qtbot.waitUntil(lambda: page.empty.isVisible())
    assert "No contact matches" in page.empty.text() and not page.view.isVisible()


def test_archive_and_undo(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus.run(ops.add_contact, "Ada Byron")
    window.show_page(ContactsPage)
    page = window.stack.currentWidget()
    page.view.setCurrentIndex(page.model.index(0, 0))
    page.archive_action.trigger()
    assert _names(page) == []
    page.archived.setChecked(True)
    assert _names(page) == ["Ada Byron"]
    page.archived.setChecked(False)
    window.act.undo.trigger()
    assert _names(page) == ["Ada Byron"]
    window.act.redo.trigger()
    assert _names(page) == []


def test_delete_and_undo(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    bus.run(ops.add_contact, "Ada Byron", emails=["ada@example.com"])
    window.show_page(ContactsPage)
    page = window.stack.currentWidget()
    page.view.setCurrentIndex(page.model.index(0, 0))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert _names(page) == []
    window.act.undo.trigger()
    assert _names(page) == ["Ada Byron"]


def test_hostile_names_show_literally(window, bus) -> None:  # type: ignore[no-untyped-def]
    hostile = ["<img src=x>", "<b>bold</b>", "N" * 300, "\u05e9\u05dc\u05d5\u05dd RTL", "Emoji 🎉🤝"]
    for name in hostile:
        bus.run(ops.add_contact, name)
    window.show_page(ContactsPage)
    page = window.stack.currentWidget()
    assert sorted(_names(page)) == sorted(hostile)


def test_model_passes_modeltester(journal, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    for i in range(450):
        ops.add_contact(f"Person {i:03d}", company="Acme" if i % 2 else None)
    model = ContactListModel()
    model.set_filter(ContactFilter())
    qtmodeltester.check(model)
    assert model.rowCount() == 450 and model.data(model.index(449, 0)) == "Person 449"
    model.sort(Col.NAME, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Person 449"
    qtmodeltester.check(model)
