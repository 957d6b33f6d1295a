"""A table model over a Python list of rows: the part every small list model shares."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QObject, Qt

from dealjournal.gui import i18n

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[R]):
    """Rows in ``_rows``, column titles in :attr:`headers`; subclasses implement ``data``.

    The titles are English, each marked with ``QT_TRANSLATE_NOOP`` in the context named after
    the class that sets :attr:`headers` (``headers = (QT_TRANSLATE_NOOP("GoalsModel", "Goal"), …)``);
    :meth:`headerData` gives them in the window's language.
    """

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int | Index) -> R | None:
        """The row at a row number or a model index (None outside the rows)."""
        if not isinstance(row, int):
            if not row.isValid():
                return None
            row = row.row()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def rows(self) -> list[R]:
        """The rows read so far."""
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.headers):
            return QCoreApplication.translate(i18n.owner_context(type(self), "headers"), self.headers[section])
        return None
