"""Item-model roles, in one place."""

from enum import IntEnum

from PySide6.QtCore import Qt


class Role(IntEnum):
    ContactId = Qt.ItemDataRole.UserRole + 1
    Secondary = Qt.ItemDataRole.UserRole + 2  # the smaller second line of an item
    Trailing = Qt.ItemDataRole.UserRole + 3  # right-aligned, dimmed (a date)
    Badge = Qt.ItemDataRole.UserRole + 4  # a short marker ("not met yet")
    Record = Qt.ItemDataRole.UserRole + 5  # the plain record behind the row
