"""The Goals and Journal pages as a user sees them: order, overdue marks, closing goals, paging."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dealjournal import ops
from dealjournal.gui.pages.goals import Col as GoalCol
from dealjournal.gui.pages.goals import GoalsPage
from dealjournal.gui.pages.journal import Col as JournalCol
from dealjournal.gui.pages.journal import JournalPage

HOSTILE = "<b>bold</b> <img src=x> " + "H" * 300 + " עברית 😀"


def show(window, cls):  # type: ignore[no-untyped-def]
    window.resize(1024, 640)
    window.show_page(cls)
    page = window.page(cls)
    assert page.isVisible()
    return page


def column(model, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, col).data() for r in range(model.rowCount())]


def double_click(qtbot, view, index) -> None:  # type: ignore[no-untyped-def]
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_goals_by_priority_then_target_with_overdue_marked(window, bus, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    today = bus.today()
    day = lambda n: (today + timedelta(days=n)).isoformat()  # noqa: E731
    ada = bus.run(ops.add_contact, "Ada", created_on=day(-100)).id
    bob = bus.run(ops.add_contact, HOSTILE, created_on=day(-100)).id
    bus.run(ops.add_goal, ada, "Low, soon", priority="low", target_on=day(3), created_on=day(-50))
    bus.run(ops.add_goal, bob, "High, no target", priority="high", created_on=day(-50))
    late = bus.run(ops.add_goal, ada, "High, late", priority="high", target_on=day(-4), created_on=day(-50)).id
    bus.run(ops.add_goal, ada, "High, later", priority="high", target_on=day(30), created_on=day(-50))
    page = show(window, GoalsPage)
    assert column(page.model, GoalCol.GOAL) == ["High, late", "High, later", "High, no target", "Low, soon"]
    assert column(page.model, GoalCol.CONTACT)[2] == HOSTILE
    overdue = page.model.index(0, GoalCol.DUE)
    assert overdue.data() == "⚠ overdue by 4 days"  # a marker and words, not colour alone
    assert isinstance(overdue.data(Qt.ItemDataRole.ForegroundRole), QColor)
    assert page.model.index(0, GoalCol.GOAL).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert page.model.index(1, GoalCol.DUE).data() == "in 30 days"
    assert page.model.index(1, GoalCol.DUE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.model.index(2, GoalCol.DUE).data() == "no target"
    qtmodeltester.check(page.model)

    page.view.selectRow(0)
    qtbot.mouseClick(page.achieved_button, Qt.MouseButton.LeftButton)
    assert "High, late" not in column(page.model, GoalCol.GOAL)
    page.filter.setCurrentIndex(page.filter.findData("achieved"))
    assert column(page.model, GoalCol.GOAL) == ["High, late"]
    assert page.model.index(0, GoalCol.DUE).data().startswith("achieved ")
    assert page.reopen_button.isEnabled() and not page.achieved_button.isEnabled()
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert len(column(page.model, GoalCol.GOAL)) == 4 and not page.view.isColumnHidden(GoalCol.STATUS)
    assert late in [page.model.row_at(page.model.index(r, 0)).id for r in range(4)]

    with qtbot.waitSignal(bus.open_contact) as opened:
        double_click(qtbot, page.view, page.model.index(0, GoalCol.CONTACT))
    assert opened.args == [page.model.row_at(page.model.index(0, 0)).contact_id]


def test_goals_empty_state(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = show(window, GoalsPage)
    assert page.empty.isVisible() and "No open goals" in page.empty.text()
    assert not page.achieved_button.isEnabled()


def test_journal_newest_first_and_fetches_more_on_scroll(window, bus, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    cid = bus.run(ops.add_contact, HOSTILE, created_on="2026-01-01").id
    for n in range(45):
        ops.log_interaction(cid, kind="email", direction=("out", "in", "mutual", "none")[n % 4],
                            at=f"2026-02-{1 + n // 2:02d}T{8 + n % 2:02d}:00", summary=f"<i>mail</i> {n}")
    item = ops.add_content("Guide").id
    ops.record_share(item, [cid], on="2026-03-01")
    ops.set_stage(cid, "engaged", on="2026-03-02")
    page = window.page(JournalPage)
    page.model.page_size = 20
    page = show(window, JournalPage)
    page.reload()
    model = page.model
    assert model.rowCount() == 20 and model.canFetchMore()
    assert column(model, JournalCol.SUMMARY)[:2] == ["Stage: lead → engaged", "Shared “Guide” — no response yet"]
    assert column(model, JournalCol.CONTACT)[0] == HOSTILE
    assert column(model, JournalCol.DIRECTION)[:3] == ["—", "→ out", "→ out"]
    when = column(model, JournalCol.WHEN)
    assert when == sorted(when, reverse=True)
    assert set(column(model, JournalCol.DIRECTION)[2:]) == {"→ out", "← in", "↔ mutual", "· note"}
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > 20)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 47
    summaries = column(model, JournalCol.SUMMARY)
    assert summaries[-1] == "<i>mail</i> 0" and len(set(summaries)) == 47
    qtmodeltester.check(model)

    page.kind_filter.setCurrentIndex(page.kind_filter.findData("share"))
    assert column(model, JournalCol.KIND) == ["Share"]
    page.kind_filter.setCurrentIndex(0)
    page.direction_filter.setCurrentIndex(page.direction_filter.findData("in"))
    while model.canFetchMore():
        model.fetchMore()
    assert set(column(model, JournalCol.DIRECTION)) == {"← in"} and model.rowCount() == 11
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("call"))
    assert page.empty.isVisible() and page.empty.text() == "Nothing matches this filter."

    page.kind_filter.setCurrentIndex(0)
    page.direction_filter.setCurrentIndex(0)
    with qtbot.waitSignal(bus.open_contact) as opened:
        double_click(qtbot, page.view, model.index(0, JournalCol.SUMMARY))
    assert opened.args == [cid]


def test_journal_follows_changes(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    cid = bus.run(ops.add_contact, "Ada").id
    page = show(window, JournalPage)
    assert page.empty.isVisible() and "empty" in page.empty.text()
    bus.run(ops.log_interaction, cid, kind="call", direction="in", summary="Called me back")
    assert page.view.isVisible() and column(page.model, JournalCol.SUMMARY) == ["Called me back"]
    assert column(page.model, JournalCol.DIRECTION) == ["← in"]
    page.view.selectRow(0)
    assert page.current_contact_id() == cid


def test_journal_search_and_period(window, bus, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dealjournal.gui.pages.journal import JournalPage

    today = bus.today()
    ada = bus.run(ops.add_contact, "Ada Byron").id
    bus.run(ops.log_interaction, ada, kind="call", direction="out", at=today - timedelta(days=40),
            summary="Lisbon offsite budget")
    bus.run(ops.log_interaction, ada, kind="email", direction="in", at=today - timedelta(days=2),
            summary="Re: pricing", details="She asked about the Lisbon venue")
    content = bus.run(ops.add_content, "Closing the books faster").id
    bus.run(ops.record_share, content, [ada], on=today - timedelta(days=1), note="For the Lisbon team")
    bus.run(ops.set_stage, ada, "engaged")
    window.show_page(JournalPage)
    page = window.page(JournalPage)
    assert page.model.rowCount() == 4
    qtbot.keyClicks(page.search, "lisb")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)  # not the stage change
    page.period.setCurrentIndex(page.period.findData(6))  # last 7 days
    assert [page.model.rows[r].summary for r in range(page.model.rowCount())][-1] == "Re: pricing"
    assert page.model.rowCount() == 2
    page.search.clear()
    page.period.setCurrentIndex(page.period.findData(-1))
    assert page.since.isVisible() and page.until.isVisible()
    page.since.setDate(page.since.date().addDays(-30))
    assert page.model.rowCount() == 4
    qtbot.keyClicks(page.search, "nothing-like-this")
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=2000)
    assert page.empty.text() == "Nothing matches this filter."
