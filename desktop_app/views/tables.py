"""Read-only row tables and search boxes, as every list of the application shows them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QWidget

from desktop_app.item_models.roles import ObjectRole
from desktop_app.views.icons import icon

DEBOUNCE_MS = 150


def row_table(
    model: QAbstractItemModel,
    *,
    many: bool = False,
    alternate: bool = True,
    parent: QWidget | None = None,
) -> QTableView:
    """A read-only table selecting whole rows (several with ``many``), one line a row; the
    full text of a clipped cell is in its tooltip (see ``RowsModel``)."""
    table = QTableView(parent)
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if many:
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternate)
    table.setWordWrap(False)
    return table


def search_field(
    placeholder: str, search: Callable[[], None], owner: QObject
) -> tuple[QLineEdit, QTimer]:
    """A search box with a clear button and a magnifier that calls ``search`` after a short
    pause in typing; the timer (owned by ``owner``) is returned to stop it."""
    edit = QLineEdit(placeholderText=placeholder)
    edit.setClearButtonEnabled(True)
    edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    timer = QTimer(owner, singleShot=True, interval=DEBOUNCE_MS)
    timer.timeout.connect(search)
    edit.textChanged.connect(timer.start)
    return edit, timer


def select_quietly(table: QTableView, row: int) -> None:
    """Select and reveal ``row`` without telling the selection's listeners."""
    if row < 0:
        return
    table.selectionModel().blockSignals(True)
    table.selectRow(row)
    table.selectionModel().blockSignals(False)
    table.scrollTo(table.model().index(row, 0))


def selected_ids(table: QTableView) -> list[int]:
    """The ids of the objects behind the selected rows (header rows have none)."""
    objects = (r.data(ObjectRole) for r in table.selectionModel().selectedRows())
    return [o.id for o in objects if o is not None]
