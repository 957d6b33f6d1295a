"""A small bar chart of touches per month, inbound next to outbound.

Painted with QPainter rather than QtCharts: a dozen bars do not need a charting engine,
and the contact page opens faster without loading one. Inbound and outbound differ by
colour *and* by pattern and legend arrows, so the chart reads without colour too; the
numbers are also in the accessible description and in a tooltip per month.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

log = logging.getLogger(__name__)

INBOUND_COLOR = QColor("#2e8b57")
OUTBOUND_COLOR = QColor("#4f6d8f")


def month_label(month: str) -> str:
    """``2026-03`` → ``Mar`` (the month's short name in the window's language)."""
    try:
        number = int(month[5:7])
    except ValueError:
        return month
    if not 1 <= number <= 12:
        return month
    return QLocale().monthName(number, QLocale.FormatType.ShortFormat)


class MonthlyTouchChart(QWidget):
    """Bars of inbound (←) and outbound (→) touches for each month, oldest on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._months: list[tuple[str, int, int]] = []
        self.setAccessibleName(self.tr("Touches per month, inbound and outbound"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def sizeHint(self) -> QSize:
        return QSize(320, 150)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 150)

    def set_data(self, months: list[tuple[str, int, int]]) -> None:
        """(``YYYY-MM``, inbound, outbound) per month, oldest first."""
        self._months = list(months)
        total_in = sum(m[1] for m in self._months)
        total_out = sum(m[2] for m in self._months)
        overall = (self.tr("{inbound} inbound and {outbound} outbound touches in the last month.")
                   if len(self._months) == 1 else
                   self.tr("{inbound} inbound and {outbound} outbound touches in the last {months} months."))
        each = self.tr("{month}: {inbound} in, {outbound} out")
        self.setAccessibleDescription(
            overall.format(inbound=total_in, outbound=total_out, months=len(self._months)) + " "
            + "; ".join(each.format(month=_long_month(m), inbound=i, outbound=o) for m, i, o in self._months))
        self.update()

    def months(self) -> list[tuple[str, int, int]]:
        return list(self._months)

    # --- painting -----------------------------------------------------------------------

    def _plot_rect(self) -> QRectF:
        fm = self.fontMetrics()
        top = fm.height() + 8  # legend
        bottom = fm.height() + 4  # month labels
        left = fm.horizontalAdvance("000") + 6
        return QRectF(left, top, max(10.0, self.width() - left - 6), max(10.0, self.height() - top - bottom))

    def _slot(self, index: int) -> QRectF:
        plot = self._plot_rect()
        width = plot.width() / max(1, len(self._months))
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        grid = QColor(text_color)
        grid.setAlpha(60)
        fm = self.fontMetrics()
        plot = self._plot_rect()
        top = max([max(i, o) for _, i, o in self._months] + [1])

        self._paint_legend(painter, text_color)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        painter.setPen(text_color)
        painter.drawText(QRectF(0, plot.top() - fm.height() / 2, plot.left() - 4, fm.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(top))
        painter.drawText(QRectF(0, plot.bottom() - fm.height() / 2, plot.left() - 4, fm.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), "0")

        if not any(i or o for _, i, o in self._months):
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), self.tr("No touches in the last 12 months"))
        for index, (month, n_in, n_out) in enumerate(self._months):
            slot = self._slot(index)
            bar = max(2.0, min(14.0, slot.width() * 0.32))
            centre = slot.center().x()
            for value, color, x, pattern in (
                    (n_in, INBOUND_COLOR, centre - bar - 1, Qt.BrushStyle.SolidPattern),
                    (n_out, OUTBOUND_COLOR, centre + 1, Qt.BrushStyle.Dense3Pattern)):
                if value <= 0:
                    continue
                height = plot.height() * value / top
                rect = QRectF(x, plot.bottom() - height, bar, height)
                painter.setPen(QPen(color, 1))
                painter.setBrush(QBrush(color, pattern))
                painter.drawRect(rect)
            painter.setPen(text_color)
            label = month_label(month)
            if fm.horizontalAdvance(label) + 2 <= slot.width() or index % 2 == (len(self._months) - 1) % 2:
                painter.drawText(QRectF(slot.left() - 4, plot.bottom() + 2, slot.width() + 8, fm.height()),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label)
        painter.end()

    def _paint_legend(self, painter: QPainter, text_color: QColor) -> None:
        fm = self.fontMetrics()
        x = self._plot_rect().left()
        for text, color, pattern in (("← " + self.tr("inbound"), INBOUND_COLOR, Qt.BrushStyle.SolidPattern),
                                     ("→ " + self.tr("outbound"), OUTBOUND_COLOR, Qt.BrushStyle.Dense3Pattern)):
            box = QRectF(x, 3, fm.height() - 4, fm.height() - 4)
            painter.setPen(QPen(color, 1))
            painter.setBrush(QBrush(color, pattern))
            painter.drawRect(box)
            painter.setPen(text_color)
            painter.drawText(QPointF(box.right() + 4, fm.ascent() + 1), text)
            x = box.right() + 4 + fm.horizontalAdvance(text) + 14

    def event(self, event: object) -> bool:  # type: ignore[override]
        if isinstance(event, QHelpEvent):
            for index, (month, n_in, n_out) in enumerate(self._months):
                if self._slot(index).contains(QPointF(event.pos())):
                    tip = self.tr("{month}: {inbound} inbound, {outbound} outbound").format(
                        month=_long_month(month), inbound=n_in, outbound=n_out)
                    QToolTip.showText(event.globalPos(), tip, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]


def _long_month(month: str) -> str:
    """``2026-03`` → ``March 2026``, in the window's language."""
    try:
        day = QDate(int(month[:4]), int(month[5:7]), 1)
    except ValueError:
        return month
    return QLocale().toString(day, "MMMM yyyy") if day.isValid() else month
