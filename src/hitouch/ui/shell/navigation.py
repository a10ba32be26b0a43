"""The sidebar: Today, Contacts, Events, Referrals, Insights; Ctrl+1 to Ctrl+5 from anywhere."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from hitouch.ui.common.formatting import tr
from hitouch.ui.common.icons import icon


class Sidebar(QListWidget):
    """Switches the pages of a stack; follows the stack when something else switches it."""

    def __init__(self, pages: QStackedWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName(tr("Sections"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSpacing(2)
        self.setIconSize(QSize(20, 20))
        self._pages = pages
        self._widgets: list[QWidget] = []
        self.currentRowChanged.connect(self._show_row)
        pages.currentChanged.connect(self._follow)

    def add_section(self, title: str, page: QWidget, window: QWidget, icon_name: str = "") -> QAction:
        """A sidebar entry for `page` (already in the stack) and its Ctrl+<number> shortcut."""
        number = len(self._widgets) + 1
        item = QListWidgetItem(icon(icon_name), title) if icon_name else QListWidgetItem(title)
        item.setSizeHint(QSize(120, 34))
        item.setToolTip(tr("{title} (Ctrl+{n})").format(title=title, n=number))
        self.addItem(item)
        self._widgets.append(page)
        action = QAction(title, window)
        action.setObjectName(f"section{number}Action")
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda: self.show_page(page))
        window.addAction(action)
        self.setFixedWidth(max(self.sizeHintForColumn(0) + 28, 150))
        return action

    def show_page(self, page: QWidget) -> None:
        self._pages.setCurrentWidget(page)
        self.setCurrentRow(self._widgets.index(page))  # also when it was already the stack's current

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._widgets):
            self._pages.setCurrentWidget(self._widgets[row])

    def _follow(self, _index: int) -> None:
        current = self._pages.currentWidget()
        if current in self._widgets:
            self.setCurrentRow(self._widgets.index(current))
