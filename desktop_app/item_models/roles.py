"""Item data roles shared by every model of the application."""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = int(Qt.ItemDataRole.UserRole)

#: The ORM object (or plain value) behind a row.
ObjectRole = _USER + 1
#: A value that sorts naturally (dates as ISO text, names folded), for QSortFilterProxyModel.
SortRole = _USER + 2
#: The calendar day (``datetime.date``) of a month-grid cell.
DateRole = _USER + 3
#: The :class:`~desktop_app.item_models.month.DayItem` list of a month-grid cell.
EventsRole = _USER + 4
#: True for the organisation header rows of the address book.
HeaderRole = _USER + 5
#: Whether the day of a month-grid cell belongs to the month shown.
InMonthRole = _USER + 6
#: The id of the document an item was read from (review rows).
DocumentIdRole = _USER + 7
#: The timed items (:class:`~desktop_app.item_models.days.TimedItem`) of a day column.
TimedRole = _USER + 8
