"""The date fields of the window and its dialogs: one shape, one range.

Qt's date fields start at 1752-09-14 and silently clamp earlier dates to it: news tells of
1424 (郑和) and the Ming, and an event of 1424 opened for correction would be saved as 1752.
Every date field comes from here, reaching back to 100-01-01, the least Qt takes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

EARLIEST = QDate(100, 1, 1)


def date_edit(value: date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A ``yyyy-MM-dd`` field with a calendar popup, showing ``value`` (today when None)."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(EARLIEST)
    value = value or date.today()
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit
