"""Painting list items: a name, a dimmed second line, a date on the right, a small badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from hitouch.ui.common.formatting import shown
from hitouch.ui.common.roles import Role

Index = QModelIndex | QPersistentModelIndex
MARGIN_X, MARGIN_Y, GAP = 12, 7, 2


def dimmed(palette: QPalette, selected: bool) -> QPalette.ColorRole:
    return QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText


class TwoLineDelegate(QStyledItemDelegate):
    """For the contact list: fixed two-line rows, so 100,000 rows cost nothing to lay out."""

    @staticmethod
    def row_height(font: QFont) -> int:
        return 2 * MARGIN_Y + 2 * QFontMetrics(font).height() + GAP

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # Only the panel (selection, hover) is the style's; initStyleOption would ask the model
        # for a dozen roles per row that this delegate never draws.
        style = option.widget.style() if option.widget else None
        text = shown(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        rect = option.rect.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        painter.save()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        line = QFontMetrics(option.font).height()

        trailing = index.data(Role.Trailing) or ""
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.88, 7.0))
        trailing_width = QFontMetrics(small).horizontalAdvance(trailing) + (8 if trailing else 0)

        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        top = QRect(rect.left(), rect.top(), rect.width() - trailing_width, line)
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(text or "", Qt.TextElideMode.ElideRight, top.width()),
        )
        painter.setFont(small)
        painter.setPen(palette.color(dimmed(palette, selected)))
        if trailing:
            painter.drawText(
                QRect(rect.right() - trailing_width, rect.top(), trailing_width, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                trailing,
            )

        badge = index.data(Role.Badge) or ""
        badge_width = QFontMetrics(small).horizontalAdvance(badge) + 12 if badge else 0
        second = QRect(rect.left(), rect.top() + line + GAP, rect.width() - badge_width - 6, line)
        secondary = shown(index.data(Role.Secondary) or "")
        painter.drawText(
            second,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(small).elidedText(secondary, Qt.TextElideMode.ElideRight, second.width()),
        )
        if badge:
            pill = QRect(rect.right() - badge_width, second.top() + 1, badge_width, line - 2)
            accent = palette.color(QPalette.ColorRole.Accent if not selected else QPalette.ColorRole.HighlightedText)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(accent)
            painter.drawRoundedRect(pill.adjusted(0, 0, -1, -1), pill.height() / 2, pill.height() / 2)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()


class WrappingDelegate(QStyledItemDelegate):
    """For the journal timeline: a heading line, then the note wrapped to the view's width."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def _note_rect_width(self) -> int:
        return max(self._view.viewport().width() - 2 * MARGIN_X, 100)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        note = index.data(Role.Secondary) or ""
        height = 2 * MARGIN_Y + metrics.height()
        if note:
            bounds = metrics.boundingRect(QRect(0, 0, self._note_rect_width(), 10_000), Qt.TextFlag.TextWordWrap, note)
            height += GAP + 2 + bounds.height()
        return QSize(self._note_rect_width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        heading = option.text
        option.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        rect = option.rect.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        metrics = QFontMetrics(option.font)
        painter.save()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        trailing = index.data(Role.Trailing) or ""
        painter.setPen(palette.color(dimmed(palette, selected)))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, trailing)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        width = rect.width() - metrics.horizontalAdvance(trailing) - 12
        painter.drawText(
            QRect(rect.left(), rect.top(), width, metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            QFontMetrics(bold).elidedText(heading or "", Qt.TextElideMode.ElideRight, width),
        )
        note = index.data(Role.Secondary) or ""
        if note:
            painter.setFont(option.font)
            body = QRect(rect.left(), rect.top() + metrics.height() + GAP + 2, rect.width(), rect.height())
            painter.drawText(body, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, note)
        painter.restore()
