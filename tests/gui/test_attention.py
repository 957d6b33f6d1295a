"""The Attention page, driven as a user would: the issue's scenario, one-step touches, the map."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from dealjournal import ops
from dealjournal.gui import commands
from dealjournal.gui.pages.attention import AttentionPage, ContactRole, SectionView
from dealjournal.store.db import db

HOSTILE = ["<b>bold</b>", "<img src=x>", "N" * 300, "مرحبا بالعالم", "Zoë 🦄👩‍💻"]


def page_of(window) -> AttentionPage:  # type: ignore[no-untyped-def]
    window.show_page(AttentionPage)
    page = window.page(AttentionPage)
    assert isinstance(page, AttentionPage) and window.stack.currentWidget() is page
    return page


def rows(view: SectionView) -> list[tuple[int, str]]:
    """(contact id, reason) of every row, as the model shows them."""
    model = view.model
    return [(model.data(model.index(r, 0), ContactRole), model.items[r].reason) for r in range(model.rowCount())]


def select(qtbot, view: SectionView, contact_id: int) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r, item in enumerate(view.model.items) if item.contact_id == contact_id)
    rect = view.view.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_contact_id() == contact_id


def count(table: str, contact_id: int) -> int:
    sql = f"SELECT count(*) FROM {table} WHERE contact_id = ?"
    return int(db.connection().execute(sql, (contact_id,)).fetchone()[0])


def test_issue_scenario(window, bus, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    today = bus.today()
    cid = bus.run(ops.add_contact, "Ada Byron", created_on=today - timedelta(days=20)).id
    # Followed for two weeks: DOMAIN.md (revision 2) gives them that long to follow back before it is listed.
    followed = today - timedelta(days=14)
    bus.run(ops.add_channel, cid, "linkedin", following_since=followed, follows_back="no")
    for days in (2, 1, 0):
        commands.log_interaction(bus, window, cid, kind="email", direction="out", at=today - timedelta(days=days),
                                 summary="Checking in")
    page = page_of(window)

    giving = page.sections["giving"]
    assert (cid, "3 messages in a row without reply") in rows(giving)
    assert page.toolbox.itemText(page.toolbox.indexOf(giving)) == "You're doing all the reaching out (1)"
    channels = page.sections["channels"]
    assert (cid, f"not followed back on LinkedIn since {followed.isoformat()}") in rows(channels)

    item = bus.run(ops.add_content, "Closing the books faster", kind="video").id
    # Shared a week ago: a share is unanswered once they have had a week to respond (DOMAIN.md revision 2).
    share_ids = commands.record_share(bus, window, item, [cid], on=today - timedelta(days=7))
    shares = page.show_section("shares")
    assert [i.ref_id for i in shares.model.items] == share_ids
    select(qtbot, shares, cid)
    response = shares.extra_actions[0].menu()
    assert isinstance(response, QMenu)
    replied = next(a for a in response.actions() if a.text().replace("&", "") == "Replied")
    replied.trigger()
    assert shares.model.rowCount() == 0 and not shares.empty.isHidden()
    assert shares.empty.text() == "Every share in the window that is a week old or more has had a response."
    assert page.toolbox.itemText(page.toolbox.indexOf(shares)) == "Unanswered shares (0)"
    bus.undo_stack.undo()
    assert [i.ref_id for i in shares.model.items] == share_ids

    for view in page.sections.values():
        qtmodeltester.check(view.model)


def test_one_step_touch_is_undoable_and_rows_open_it(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    today = bus.today()
    cid = bus.run(ops.add_contact, "Grace Hopper", created_on=today - timedelta(days=90)).id
    bus.run(ops.log_interaction, cid, kind="call", direction="mutual", at=today - timedelta(days=41))
    page = page_of(window)
    stale = page.show_section("stale")
    assert rows(stale) == [(cid, "41 days since last contact, cadence 30")]
    assert page.current_contact_id() == cid

    messages: list[str] = []
    bus.status.connect(messages.append)
    select(qtbot, stale, cid)
    stale.touch_actions["email"].trigger()
    assert count("interaction", cid) == 2
    assert rows(stale) == [] and stale.empty.text() == "No stale relationships — nice work."
    assert any(m.startswith("Logged an e-mail to Grace Hopper today") for m in messages)
    bus.undo_stack.undo()
    assert count("interaction", cid) == 1
    assert rows(stale) == [(cid, "41 days since last contact, cadence 30")]

    with qtbot.waitSignal(bus.open_contact, check_params_cb=lambda c: c == cid):
        stale.view.setFocus()
        qtbot.keyClick(stale.view, Qt.Key.Key_Return)
    page_of(window)
    with qtbot.waitSignal(bus.open_contact, check_params_cb=lambda c: c == cid):
        stale.open_button.click()


def test_follow_ups_and_follow_back(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    today = bus.today()
    cid = bus.run(ops.add_contact, "Linus", created_on=today - timedelta(days=20)).id
    entry = bus.run(ops.log_interaction, cid, kind="meeting", direction="mutual", at=today - timedelta(days=5),
                    summary="Demo", follow_up_on=today - timedelta(days=2)).id
    channel = bus.run(ops.add_channel, cid, "x", follows_back="yes").id
    page = page_of(window)

    followups = page.show_section("followups")
    assert [(i.ref_id, i.subject, i.reason) for i in followups.model.items] == [
        (entry, "Demo", f"2 days overdue (due {(today - timedelta(days=2)).isoformat()})")]
    select(qtbot, followups, cid)
    followups.extra_actions[0].trigger()
    assert followups.model.rowCount() == 0

    channels = page.show_section("channels")
    select(qtbot, channels, cid)
    follow, back = channels.extra_actions
    assert follow.isEnabled() and not back.isEnabled()
    follow.trigger()
    assert channels.model.rowCount() == 0
    following = db.connection().execute("SELECT following_since FROM channel WHERE id = ?", (channel,)).fetchone()[0]
    assert following == today.isoformat()


def test_map_click_opens_the_contact(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    today = bus.today()
    quiet = bus.run(ops.add_contact, "Quiet One", created_on=today - timedelta(days=200)).id
    chatty = bus.run(ops.add_contact, "Chatty", created_on=today - timedelta(days=30)).id
    bus.run(ops.log_interaction, chatty, kind="call", direction="in", at=today - timedelta(days=3))
    page = page_of(window)
    points = {p.contact_id: p for p in page.map.points()}
    assert set(points) == {quiet, chatty}
    assert points[quiet].y is None and points[chatty].y == 1.0
    assert "Hollow dots" in page.map_panel.caption.text()

    pos = page.map.position_of(chatty)
    assert pos is not None and page.map.rect().contains(pos.toPoint())
    with qtbot.waitSignal(bus.open_contact, check_params_cb=lambda c: c == chatty):
        qtbot.mouseClick(page.map, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    page_of(window)
    quiet_pos = page.map.position_of(quiet)
    assert quiet_pos is not None
    with qtbot.waitSignal(bus.open_contact, check_params_cb=lambda c: c == quiet):
        assert page.map.click_at(quiet_pos) == quiet
    assert page.map.click_at(page.map.rect().topLeft().toPointF() + QPoint(1, 1).toPointF()) is None


def test_pointing_at_a_dot_names_its_contact_at_once(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    today = bus.today()
    quiet = bus.run(ops.add_contact, "<b>Quiet</b> One", created_on=today - timedelta(days=200)).id
    page = page_of(window)
    pos = page.map.position_of(quiet)
    assert pos is not None
    hint = page.map_panel.pointed
    assert hint.text().startswith("Point at a dot")
    qtbot.mouseMove(page.map, pos.toPoint())
    assert hint.text().startswith("<b>Quiet</b> One — Lead · 200 days quiet, cadence 30")
    assert hint.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseMove(page.map, QPoint(2, 2))
    assert hint.text().startswith("Point at a dot")


def test_hostile_names_show_literally(window, bus, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    today = bus.today()
    ids = [bus.run(ops.add_contact, name, created_on=today - timedelta(days=100)).id for name in HOSTILE]
    page = page_of(window)
    window.resize(1024, 640)
    stale = page.show_section("stale")
    shown = {stale.model.data(stale.model.index(r, 0)) for r in range(stale.model.rowCount())}
    assert shown == set(HOSTILE)
    bold_row = next(r for r, item in enumerate(stale.model.items) if item.name == "<b>bold</b>")
    tip = stale.model.data(stale.model.index(bold_row, 1), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt;" in tip and "<b>bold" not in tip  # escaped: shown as typed
    qtmodeltester.check(stale.model)
    points = {p.contact_id: p for p in page.map.points()}
    assert page.map.tooltip_text(points[ids[0]]).startswith("<b>bold</b>\n")
    # A 300-character name does not stretch the page past a small window.
    assert page.minimumSizeHint().width() < 800
    assert window.width() <= 1024


def test_empty_sections_say_so(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    today = bus.today()
    cid = bus.run(ops.add_contact, "Balanced", created_on=today - timedelta(days=20)).id
    bus.run(ops.log_interaction, cid, kind="meeting", direction="mutual", at=today - timedelta(days=1))
    page = page_of(window)
    for key, view in page.sections.items():
        assert view.model.rowCount() == 0, key
        assert not view.empty.isHidden() and view.empty.text()
        assert not view.touch_button.isEnabled()
    assert page.summary.text() == "Every relationship is in good shape — nice work."
