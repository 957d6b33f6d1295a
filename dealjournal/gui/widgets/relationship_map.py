"""The relationship map: one dot per contact, how quiet (x) against who does the talking (y).

x = days quiet ÷ the contact's cadence, capped at :data:`QUIET_CAP` (a dot at the right
edge is "3× the cadence or more"); y = the share of the window's touches that came from
them. Contacts with no touch in the window have no share to plot: they sit on their own
strip under the axis ("no touch"), hollow. Contacts with a cadence of 0 are not drawn (the
user asked never to be told they are quiet); the query leaves them out.

Drawn with QPainter rather than QtCharts: the zones, axes and up to a few thousand dots
(one ``drawPoints`` call per stage) are painted once into a cached pixmap, and hit-testing
the nearest dot is one pass over cached positions.
"""

from __future__ import annotations

import logging
import zlib

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QPixmap, QPolygonF,
)
from PySide6.QtGui import Qt as QtGuiNs
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from dealjournal.domain import STAGES
from dealjournal.gui import labels
from dealjournal.queries.attention import QUIET_CAP, MapData, MapPoint

log = logging.getLogger(__name__)

STAGE_COLORS: dict[str, str] = {
    "lead": "#8a99ab", "engaged": "#2a9d8f", "opportunity": "#e08e1b",
    "customer": "#3a7bd5", "advocate": "#a05cc4",
}
ONE_SIDED = 0.25  # the health engine's one-sided share, for the shaded bands
_STAGE_ORDER = {stage: n for n, stage in enumerate(STAGES)}
HIT_RADIUS = 9.0  # pixels: how near a click must land to a dot
_DOT = 4.0


class RelationshipMap(QWidget):
    """Paints a :class:`MapData`; a click on a dot emits :attr:`contact_clicked`."""

    contact_clicked = Signal(int)
    hovered = Signal(str)  # the dot under the pointer, in words ("" when there is none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Relationship map"))
        self.setAccessibleDescription(self.tr(
            "One dot per contact: to the right, quieter than its cadence; low, you do the talking; "
            "high, they do. Click a dot to open the contact."))
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(260, 240))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._points: list[MapPoint] = []
        self._hover: int | None = None
        self._geom: tuple[tuple[int, int, str], QRectF, QRectF] | None = None
        self._pos_cache: tuple[object, list[QPointF]] | None = None
        self._static: tuple[object, QPixmap] | None = None

    # --- data and geometry ------------------------------------------------------------

    def set_data(self, data: MapData) -> None:
        # Least severe first, so the relationships that need you are painted on top.
        self._points = sorted(data.points, key=lambda p: p.severity)
        self._pos_cache = None
        self._static = None
        self._hover = None
        self.update()

    def points(self) -> list[MapPoint]:
        return list(self._points)

    def _legend_layout(self) -> tuple[list[tuple[str, float, float]], float]:
        """Where each stage's legend entry goes (wrapping onto more rows when narrow), and the height."""
        fm = QFontMetrics(self.font())
        left = fm.horizontalAdvance(self._percent(1.0)) + fm.height() + 12
        x, y, row = float(left), 4.0, fm.height() + 4
        spots = []
        for stage in STAGES:
            width = fm.horizontalAdvance(labels.stage(stage)) + 2 * _DOT + 16
            if x + width > self.width() - 4 and x > left:
                x, y = float(left), y + row
            spots.append((stage, x, y))
            x += width
        return spots, y + row + 4

    def _percent(self, fraction: float) -> str:
        """An axis label: ``0.25`` → ``25%``."""
        return self.tr("{percent}%").format(percent=round(fraction * 100))

    def _legend_height(self) -> float:
        return self._legend_layout()[1]

    def _geometry(self) -> tuple[QRectF, QRectF]:
        """The 0–100 % plot and the "no touch" strip under it (cached per size and font)."""
        key = (self.width(), self.height(), self.font().key())
        if self._geom is None or self._geom[0] != key:
            fm = QFontMetrics(self.font())
            left = fm.horizontalAdvance(self._percent(1.0)) + fm.height() + 12
            top = self._legend_height() + 6
            strip_h = fm.height() + 6
            bottom = strip_h + 2 * fm.height() + 12
            plot = QRectF(left, top, max(self.width() - left - 14, 10), max(self.height() - top - bottom, 10))
            strip = QRectF(plot.left(), plot.bottom() + 4, plot.width(), strip_h)
            self._geom = (key, plot, strip)
        return self._geom[1], self._geom[2]

    def plot_rect(self) -> QRectF:
        return self._geometry()[0]

    def _strip_rect(self) -> QRectF:
        return self._geometry()[1]

    def _x(self, value: float, plot: QRectF | None = None) -> float:
        plot = plot or self.plot_rect()
        return plot.left() + min(max(value, 0.0), QUIET_CAP) / QUIET_CAP * plot.width()

    def point_position(self, point: MapPoint) -> QPointF:
        """Where *point*'s dot is drawn (a small fixed jitter keeps equal figures apart)."""
        seed = zlib.crc32(point.contact_id.to_bytes(8, "little"))
        jx, jy = (seed % 7) - 3, ((seed >> 8) % 7) - 3
        plot, strip = self._geometry()
        x = self._x(point.x, plot) + jx
        if point.y is None:
            return QPointF(x, strip.center().y() + jy * 0.6)
        return QPointF(x, plot.bottom() - point.y * plot.height() + jy)

    def _positions(self) -> list[QPointF]:
        """Every dot's position, in the order of the points (kept until the data or the size changes)."""
        self._geometry()  # brings self._geom up to date: a new size makes a new tuple
        if self._pos_cache is None or self._pos_cache[0] is not self._geom:
            self._pos_cache = (self._geom, [self.point_position(p) for p in self._points])
        return self._pos_cache[1]

    def position_of(self, contact_id: int) -> QPointF | None:
        point = next((p for p in self._points if p.contact_id == contact_id), None)
        return None if point is None else self.point_position(point)

    def point_at(self, pos: QPointF) -> MapPoint | None:
        """The dot nearest *pos* within :data:`HIT_RADIUS` (the topmost wins a tie)."""
        best, best_d = None, HIT_RADIUS * HIT_RADIUS
        x, y = pos.x(), pos.y()
        for point, spot in zip(reversed(self._points), reversed(self._positions())):
            dist = (spot.x() - x) ** 2 + (spot.y() - y) ** 2
            if dist < best_d:
                best, best_d = point, dist
        return best

    def click_at(self, pos: QPointF) -> int | None:
        """Open the contact under *pos* (what a left click does); its id, or None."""
        point = self.point_at(pos)
        if point is not None:
            self.contact_clicked.emit(point.contact_id)
            return point.contact_id
        return None

    # --- events ------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.click_at(event.position()) is not None:
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        hover = None if point is None else point.contact_id
        if hover != self._hover:
            self._hover = hover
            self.setCursor(Qt.CursorShape.PointingHandCursor if hover is not None else Qt.CursorShape.ArrowCursor)
            self.hovered.emit("" if point is None else self.tooltip_text(point).replace("\n", " — "))
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self.hovered.emit("")
        self._hover = None
        self.update()
        super().leaveEvent(event)

    def tooltip_text(self, point: MapPoint) -> str:
        """Plain text for a dot's tooltip."""
        if point.y is None:
            talk = self.tr("no touch in the window")
        else:
            talk = self.tr("{percent}% of touches from them").format(percent=round(point.y * 100))
        quiet = (self.tr("{n} day quiet, cadence {cadence}") if point.days_quiet == 1 else
                 self.tr("{n} days quiet, cadence {cadence}")).format(n=point.days_quiet, cadence=point.cadence_days)
        return f"{point.name}\n{labels.stage(point.stage)} · {quiet} · {talk}"

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            point = self.point_at(QPointF(event.pos()))
            if point is None:
                QToolTip.hideText()
                event.ignore()
            else:
                # convertFromPlainText escapes the name, so "<b>" shows as typed, never as markup.
                QToolTip.showText(event.globalPos(), QtGuiNs.convertFromPlainText(self.tooltip_text(point)), self)
            return True
        return super().event(event)

    # --- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        # The map itself is painted once into a pixmap (until the data, size or palette
        # change); a repaint, e.g. for the hover ring, only copies it. Each call from Python
        # into Qt has a cost, and the installed PySide6 loses a reference to None on each
        # call that returns nothing, so a widget repainted on every hover must make few.
        key = (self.width(), self.height(), self.devicePixelRatioF(), self.palette().cacheKey(), self.font().key())
        if self._static is None or self._static[0] != key:
            self._static = (key, self._render())
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._static[1])
        if self._hover is not None and (hovered := self.position_of(self._hover)) is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 2))
            painter.drawEllipse(hovered, _DOT + 3, _DOT + 3)
        painter.end()

    def _render(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setFont(self.font())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.Text)
        dim = pal.color(QPalette.ColorRole.PlaceholderText)
        plot, strip = self.plot_rect(), self._strip_rect()
        painter.fillRect(QRectF(plot.topLeft(), strip.bottomRight()), pal.color(QPalette.ColorRole.Base))
        self._paint_zones(painter, plot, strip, dim)
        self._paint_axes(painter, plot, strip, text, dim)
        self._paint_points(painter, pal.color(QPalette.ColorRole.Base), text)
        self._paint_legend(painter, text)
        if not self._points:
            painter.setPen(dim)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.tr("No contacts to map yet."))
        painter.end()
        return pixmap

    def _paint_zones(self, painter: QPainter, plot: QRectF, strip: QRectF, dim: QColor) -> None:
        quiet = QColor("#e08e1b")
        quiet.setAlpha(34)
        one_sided = QColor("#d9534f")
        one_sided.setAlpha(26)
        x1 = self._x(1.0)
        painter.fillRect(QRectF(x1, plot.top(), plot.right() - x1, strip.bottom() - plot.top()), quiet)
        band = ONE_SIDED * plot.height()
        painter.fillRect(QRectF(plot.left(), plot.top(), plot.width(), band), one_sided)
        painter.fillRect(QRectF(plot.left(), plot.bottom() - band, plot.width(), band), one_sided)
        painter.setPen(dim)
        flags = Qt.TextFlag.TextSingleLine
        fm = painter.fontMetrics()
        pad = 4
        painter.drawText(QRectF(x1 + pad, plot.top() + band + pad, plot.right() - x1 - 2 * pad, fm.height()),
                         Qt.AlignmentFlag.AlignRight | flags,
                         fm.elidedText(self.tr("Quiet: past the cadence"), Qt.TextElideMode.ElideRight,
                                       int(plot.right() - x1 - 2 * pad)))
        for label, y in ((self.tr("They do all the reaching out"), plot.top() + pad),
                         (self.tr("You do all the reaching out"), plot.bottom() - band + pad)):
            painter.drawText(QRectF(plot.left() + pad, y, plot.width() - 2 * pad, fm.height()),
                             Qt.AlignmentFlag.AlignLeft | flags,
                             fm.elidedText(label, Qt.TextElideMode.ElideRight, int(plot.width() - 2 * pad)))

    def _paint_axes(self, painter: QPainter, plot: QRectF, strip: QRectF, text: QColor, dim: QColor) -> None:
        fm = painter.fontMetrics()
        grid = QColor(dim)
        grid.setAlpha(70)
        painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for i in range(1, int(QUIET_CAP) + 1):
            painter.drawLine(QPointF(self._x(i), plot.top()), QPointF(self._x(i), strip.bottom()))
        for frac in (0.25, 0.5, 0.75):
            y = plot.bottom() - frac * plot.height()
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QPen(dim, 1))
        painter.drawRect(plot)
        painter.drawRect(strip)
        painter.setPen(text)
        label_w = plot.left() - fm.height() - 8
        for frac in (0.0, 0.25, 0.5, 0.75, 1.0):
            y = plot.bottom() - frac * plot.height()
            painter.drawText(QRectF(fm.height() + 2, y - fm.height() / 2, label_w, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._percent(frac))
        painter.drawText(QRectF(2, strip.top(), plot.left() - 6, strip.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(self.tr("none"), Qt.TextElideMode.ElideRight, int(plot.left() - 8)))
        ticks_y = strip.bottom() + 2
        for i in range(int(QUIET_CAP) + 1):
            label = f"{i}×" if i < QUIET_CAP else f"{i}×+"
            x = self._x(i)
            align = Qt.AlignmentFlag.AlignHCenter if 0 < i < QUIET_CAP else (
                Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight)
            box = QRectF(x - 30, ticks_y, 60, fm.height())
            if i == 0:
                box.moveLeft(x)
            elif i == QUIET_CAP:
                box.moveRight(x)
            painter.drawText(box, align, label)
        title = fm.elidedText(self.tr("Days quiet ÷ cadence"), Qt.TextElideMode.ElideRight, int(plot.width()))
        painter.drawText(QRectF(plot.left(), ticks_y + fm.height(), plot.width(), fm.height()),
                         Qt.AlignmentFlag.AlignHCenter, title)
        painter.save()
        painter.translate(2, plot.center().y())
        painter.rotate(-90)
        ytitle = fm.elidedText(self.tr("Touches from them"), Qt.TextElideMode.ElideRight, int(plot.height()))
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), fm.height()), Qt.AlignmentFlag.AlignHCenter,
                         ytitle)
        painter.restore()

    def _paint_points(self, painter: QPainter, base: QColor, text: QColor) -> None:
        # Dots are drawn as round pen points, one drawPoints call per stage and fill, not one
        # call per dot: far fewer calls into Qt for thousands of dots (hollow ones first).
        groups: dict[tuple[bool, str], list[QPointF]] = {}
        for point, pos in zip(self._points, self._positions()):
            groups.setdefault((point.y is not None, point.stage), []).append(pos)
        for (filled, stage), spots in sorted(groups.items(), key=lambda g: (g[0][0], _STAGE_ORDER.get(g[0][1], 9))):
            color = QColor(STAGE_COLORS.get(stage, text.name()))
            dots = QPolygonF(spots)
            outer, inner = (base, color) if filled else (color, base)
            painter.setPen(QPen(outer, 2 * _DOT + 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPoints(dots)
            painter.setPen(QPen(inner, 2 * _DOT - (0 if filled else 2), Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            painter.drawPoints(dots)

    def _paint_legend(self, painter: QPainter, text: QColor) -> None:
        fm = painter.fontMetrics()
        for stage, x, y in self._legend_layout()[0]:
            name = labels.stage(stage)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STAGE_COLORS[stage]))
            painter.drawEllipse(QPointF(x + _DOT, y + fm.height() / 2), _DOT, _DOT)
            painter.setPen(text)
            painter.drawText(QRectF(x + 2 * _DOT + 4, y, fm.horizontalAdvance(name) + 4, fm.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)


class MapPanel(QWidget):
    """The map with its title and a caption saying what is drawn and what is left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Relationship map"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        title.setFont(font)
        self.map = RelationshipMap()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.pointed = QLabel()  # who the dot under the pointer is, at once (the tooltip takes a moment)
        self.pointed.setTextFormat(Qt.TextFormat.PlainText)
        self.pointed.setWordWrap(True)
        self.map.hovered.connect(self._point_at)
        self._point_at("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.map, 1)
        layout.addWidget(self.pointed)
        layout.addWidget(self.caption)

    def _point_at(self, text: str) -> None:
        self.pointed.setText(text or self.tr("Point at a dot to see who it is; click it to open the contact."))

    def set_data(self, data: MapData) -> None:
        self.map.set_data(data)
        drawn = len(data.points)
        number = QLocale().toString
        if drawn < data.total:
            shown = (self.tr("Showing the {drawn} contact that needs you most, of {total}.") if drawn == 1 else
                     self.tr("Showing the {drawn} contacts that need you most, of {total}."))
        else:
            shown = self.tr("{total} contact.") if data.total == 1 else self.tr("{total} contacts.")
        parts = [shown.format(drawn=number(drawn), total=number(data.total)),
                 self.tr("Hollow dots: no touch in the window.")]
        if data.no_cadence:
            left_out = (self.tr("{n} with a cadence of 0 (never stale) is not drawn.") if data.no_cadence == 1 else
                        self.tr("{n} with a cadence of 0 (never stale) are not drawn."))
            parts.append(left_out.format(n=number(data.no_cadence)))
        self.caption.setText(" ".join(parts))
